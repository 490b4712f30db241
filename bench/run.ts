/**
 * `npm run bench`: csta-link's codecs and session against references measured in the same
 * process and the same rounds (bench/harness.ts): a raw TLV walk, a bare saxes pass, Erlang
 * asn1ct's codec (when erlc is installed) and asn1js (printed, not a target). Reports medians and
 * min–max of per-round ratios, then one summary line. `-- --memory` adds the memory section
 * (bench/memory.ts, about a minute). Never asserts times.
 *
 * Env: BENCH_ROUNDS (15), BENCH_SLICE_MS (80), BENCH_WARM_MS (600), BENCH_SESSION=0 skips the
 * session, BENCH_SESSION_REPEATS (3).
 */
import * as asn1js from 'asn1js';
import { decodePdu, encodePdu } from '../protocol/pdu.js';
import type { CstaPdu } from '../protocol/pdu.js';
import { loadFrameFixtures } from '../test/support/fixtures.js';
import { consumed, formatRate, formatRatio, ratio, runRounds, spread, syncCase } from './harness.js';
import type { Case, Rates, Spread } from './harness.js';
import { rawTlvWalk } from './tlv-walk.js';
import { callControlShare, weightedMix } from './mix.js';
import { startErlang } from './erlang.js';
import { loadXmlMessages, saxesPass } from './xml.js';
import { decodeXml } from '../protocol/xml/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 80);
const WARM_MS = Number(process.env.BENCH_WARM_MS ?? 600);
const args = process.argv.slice(2);

const fixtures = loadFrameFixtures();
const eventFixtures = fixtures.filter((f) => f.file.startsWith('event.'));
const uniform = eventFixtures.map((f) => f.bytes);
const mix = weightedMix(eventFixtures).map((f) => f.bytes);
const pdus = (frames: readonly Uint8Array[]): CstaPdu[] => frames.map((f) => decodePdu(f));
const requests = fixtures.filter((f) => f.file.endsWith('.invoke.json')).map((f) => decodePdu(f.bytes));
const xmlMessages = loadXmlMessages();

for (const f of [...uniform, ...mix]) {
  if (Buffer.compare(encodePdu(decodePdu(f)), Buffer.from(f)) !== 0) throw new Error('a fixture does not round-trip; fix that before benchmarking');
}

const groups: Case[][] = [
  [syncCase('decode · call mix', mix, (f) => decodePdu(f)), syncCase('raw TLV walk · call mix', mix, (f) => rawTlvWalk(f)), syncCase('encode · call mix', pdus(mix), (p) => encodePdu(p))],
  [syncCase('decode · uniform', uniform, (f) => decodePdu(f)), syncCase('raw TLV walk · uniform', uniform, (f) => rawTlvWalk(f)), syncCase('encode · uniform', pdus(uniform), (p) => encodePdu(p))],
  [syncCase('encode · requests', requests, (p) => encodePdu(p)), syncCase('asn1js fromBER · call mix', mix, (f) => asn1js.fromBER(f))],
  [syncCase('XML decode', xmlMessages, (x) => decodeXml(x)), syncCase('saxes pass alone', xmlMessages, (x) => saxesPass(x))],
];

const erlang = await startErlang(mix);
let erlangNote = '';
if ('skipped' in erlang) erlangNote = `Erlang asn1ct: skipped (${erlang.skipped})`;
else {
  const subset = erlang.ready.map((i) => mix[i]!);
  if (erlang.ready.length !== mix.length) erlangNote = `Erlang asn1ct: timed on the ${subset.length} of ${mix.length} call-mix frames it decodes and re-encodes identically`;
  groups.push(
    [syncCase('decode · Erlang subset', subset, (f) => decodePdu(f)), erlang.decode],
    [syncCase('encode · Erlang subset', pdus(subset), (p) => encodePdu(p)), erlang.encode],
  );
}
const cases = groups.flat();

const meanBytes = mix.reduce((a, b) => a + b.length, 0) / mix.length;
console.log(
  `csta-link benchmark — call mix: ${mix.length} event frames (${(callControlShare() * 100).toFixed(0)}% call control, mean ${meanBytes.toFixed(0)} bytes); ` +
    `uniform: ${uniform.length} event frames; ${requests.length} requests; ${xmlMessages.length} XML messages`,
);
console.log(`method: CPU time; ${WARM_MS} ms warm-up per case, then ${ROUNDS} rounds of ${SLICE_MS} ms slices, cases interleaved (both sides of a ratio back to back); ratios are per round (median [min–max])\n`);

const rates = await runRounds(groups, { warmMs: WARM_MS, rounds: ROUNDS, sliceMs: SLICE_MS });
if (!('skipped' in erlang)) erlang.close();

console.log('rates per CPU second (median over rounds):');
for (const c of cases) {
  const s = spread(rates.get(c.name)!);
  console.log(`  ${c.name.padEnd(30)} ${formatRate(s.median).padStart(11)}   [${formatRate(s.min)} – ${formatRate(s.max)}]`);
}

/** Time of `slow` per operation over time of `fast`: rate(fast) / rate(slow). */
const slower = (r: Rates, slow: string, fast: string): Spread => ratio(r, fast, slow);
const walkMix = slower(rates, 'decode · call mix', 'raw TLV walk · call mix');
const walkUni = slower(rates, 'decode · uniform', 'raw TLV walk · uniform');
const encMix = slower(rates, 'encode · call mix', 'decode · call mix');
const encUni = slower(rates, 'encode · uniform', 'decode · uniform');
const xmlSax = slower(rates, 'XML decode', 'saxes pass alone');
const asn1 = ratio(rates, 'decode · call mix', 'asn1js fromBER · call mix'); // different groups: printed only
console.log('\nratios (time per frame; lower is better unless noted):');
console.log(`  BER decode / raw TLV walk     call mix ${formatRatio(walkMix)}   uniform ${formatRatio(walkUni)}   (target ≤ 4×, goal ≤ 3×)`);
console.log(`  BER encode / BER decode       call mix ${formatRatio(encMix, 2)}   uniform ${formatRatio(encUni, 2)}   (target ≤ 1×)`);
console.log(`  XML decode / saxes pass       ${formatRatio(xmlSax)}   (target ≤ 2×)`);
console.log(`  asn1js fromBER / BER decode   ${formatRatio(asn1, 0)}   (printed only: measures asn1js)`);
let erlangSummary = '';
if (!('skipped' in erlang)) {
  const dec = ratio(rates, 'decode · Erlang subset', erlang.decode.name);
  const enc = ratio(rates, 'encode · Erlang subset', erlang.encode.name);
  const erlEnc = slower(rates, erlang.encode.name, erlang.decode.name); // different groups: printed only
  console.log(`  csta-link / Erlang asn1ct     decode ${formatRatio(dec)} faster   encode ${formatRatio(enc)} faster (target ≥ 1.5×)   (Erlang's own encode/decode ${formatRatio(erlEnc)})`);
  erlangSummary = ` · vs erlang dec ${dec.median.toFixed(1)}× enc ${enc.median.toFixed(1)}×`;
}
if (erlangNote !== '') console.log(`  ${erlangNote}`);
if (consumed() < 0) console.log('');

let sessionSummary = '';
if (process.env.BENCH_SESSION !== '0') {
  const { sessionRates } = await import('./session.js');
  const repeats = Number(process.env.BENCH_SESSION_REPEATS ?? 3);
  const s = await sessionRates(repeats);
  const k = (x: number): string => `${(x / 1000).toFixed(0)}k`;
  const line = (x: { cpu: Spread; wall: Spread }): string =>
    `${k(x.cpu.median)} ev/s [${k(x.cpu.min)}–${k(x.cpu.max)}]   wall ${k(x.wall.median)} [${k(x.wall.min)}–${k(x.wall.max)}]`;
  console.log(`\nsession over loopback (${repeats} repeats, median [min–max]; events pre-encoded, call lifecycles; per CPU second, then per wall second):`);
  console.log(`  BER, no call model            ${line(s.ber)}   (target ≥ 400k)`);
  console.log(`  BER, with the call model      ${line(s.berModel)}   (target ≥ 200k)`);
  console.log(`  XML, with the call model      ${line(s.xml)}   (target ≥ 100k)`);
  console.log(`  simulator flood, same thread  ${line(s.simFlood)}`);
  console.log(`                   with model   ${line(s.simFloodModel)}   (delivered only; includes the simulator's encoding)`);
  sessionSummary = ` · session ${k(s.ber.cpu.median)}/${k(s.berModel.cpu.median)} ev/s · xml-session ${k(s.xml.cpu.median)} ev/s`;
}

if (args.includes('--memory')) {
  console.log('');
  const { memoryBench } = await import('./memory.js');
  await memoryBench();
} else {
  console.log('\n(memory: npm run bench -- --memory)');
}

console.log(
  `\nsummary: ber-decode/tlv-walk ${walkMix.median.toFixed(1)}× [${walkMix.min.toFixed(1)}–${walkMix.max.toFixed(1)}] · encode/decode ${encMix.median.toFixed(2)}× · ` +
    `xml/saxes ${xmlSax.median.toFixed(1)}×${erlangSummary}${sessionSummary}`,
);
