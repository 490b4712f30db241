/**
 * `npm run bench`: decode and encode rates measured in one run on the same frames, printed with
 * their ratios. Never asserts times; compare the ratios between runs and machines.
 */
import * as asn1js from 'asn1js';
import { decodePdu, encodePdu } from '../protocol/pdu.js';
import type { CstaPdu } from '../protocol/pdu.js';
import { loadFrameFixtures } from '../test/support/fixtures.js';
import { consumed, formatRate, measure } from './measure.js';
import type { Measurement } from './measure.js';
import { rawTlvWalk } from './tlv-walk.js';

const fixtures = loadFrameFixtures();
const events = fixtures.filter((f) => f.file.startsWith('event.')).map((f) => f.bytes);
const requests = fixtures.filter((f) => f.file.endsWith('.invoke.json')).map((f) => f.decoded as CstaPdu);
const ms = Number(process.env.BENCH_MS ?? 1000);

console.log(`csta-link benchmark — ${events.length} event frames (mean ${mean(events.map((e) => e.length)).toFixed(0)} bytes), ${requests.length} request PDUs, ${ms} ms per case\n`);

const typed = measure('typed decode (decodePdu)', events, (f) => decodePdu(f), ms);
const generic = measure('asn1js fromBER (generic tree)', events, (f) => asn1js.fromBER(f), ms);
const walk = measure('raw TLV walk', events, (f) => rawTlvWalk(f), ms);
const encode = measure('encode requests (encodePdu)', requests, (p) => encodePdu(p), ms);
const rows: Measurement[] = [typed, generic, walk, encode];

const extra = await optionalXmlBench(ms);
if (extra !== undefined) rows.push(extra);
const sax = extra === undefined ? undefined : ((await import('./xml.js')) as { benchSaxesAlone: (ms: number) => Measurement }).benchSaxesAlone(ms);
if (sax !== undefined) rows.push(sax);

for (const r of rows) console.log(`${r.name.padEnd(36)} ${formatRate(r.opsPerSecond).padStart(12)}`);
console.log('');
console.log(`typed decode / asn1js fromBER : ${(typed.opsPerSecond / generic.opsPerSecond).toFixed(1)}x  (target ≥ 60x)`);
console.log(`raw TLV walk / typed decode   : ${(walk.opsPerSecond / typed.opsPerSecond).toFixed(1)}x  (target ≤ 8x)`);
console.log(`encode requests               : ${formatRate(encode.opsPerSecond)}  (target ≥ 1 M/s)`);
if (extra !== undefined) console.log(`typed BER decode / XML decode : ${(typed.opsPerSecond / extra.opsPerSecond).toFixed(1)}x`);
if (extra !== undefined && sax !== undefined) console.log(`saxes alone / XML decode      : ${(sax.opsPerSecond / extra.opsPerSecond).toFixed(1)}x  (target ≤ 2x)`);
if (consumed() < 0) console.log('');

if (process.env.BENCH_SESSION !== '0') {
  console.log('');
  const { sessionBench } = await import('./session.js');
  await sessionBench();
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

async function optionalXmlBench(duration: number): Promise<Measurement | undefined> {
  try {
    const mod = (await import('./xml.js')) as { benchXml?: (ms: number) => Measurement };
    return mod.benchXml?.(duration);
  } catch {
    return undefined;
  }
}
