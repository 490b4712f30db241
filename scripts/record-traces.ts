/**
 * Records the traces in fixtures/traces/ (see lib/cli/trace.ts for the folder layout):
 *
 *   npx tsx scripts/record-traces.ts            # write the trace inputs (--profiles: only profile-*)
 *   node bin/csta.js conformance fixtures/traces --update   # then (re)write the expectations
 *
 * The traces are assembled from independent bytes, never from our encoder:
 * - `ber-inbound-call/trace.pcap`: the golden frames of fixtures/frames (monitorStart invoke and
 *   result, delivered, established, connectionCleared, callCleared, monitorStop invoke and result)
 *   sent over one TCP connection with 2-byte length framing, written by test/support/pcap-writer.ts;
 * - `ber-inbound-call-hexdump/trace.hex`: the same frames as a Wireshark "copy as hex dump" of the
 *   byte stream, one dump per frame, with `--` comments;
 * - `xml-call/trace.pcapng`: fixtures/captures/xml-call.pcapng (CSTA-XML with the 8-byte header);
 * - `sim-<scenario>/trace.pcap`: each simulator scenario of fixtures/scenarios/*.json played
 *   against a real CstaSession over loopback (lib/cli/scenario-run.ts), the bytes both ways taken
 *   from a TCP relay between them, written as one TCP conversation (one packet per chunk read).
 *
 * - `profile-<name>/trace.pcap`: the inbound-answer-hangup scenario played the same way in each
 *   vendor profile that runs over a CSTA TCP link (its login, framing, XML dialect, event ids and
 *   private data: lib/simulator/profiles.ts).
 *
 * Re-running rewrites the inputs; review the diff, then rerun conformance with `--update`.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { loadFrameFixtures } from '../test/support/fixtures.js';
import type { FrameFixture } from '../test/support/fixtures.js';
import { TcpConversation, writePcap } from '../test/support/pcap-writer.js';
import { loadScenario } from '../lib/simulator/scenarios.js';
import { runScenarioOverLoopback } from '../lib/cli/scenario-run.js';
import type { RecordedChunk } from '../lib/cli/tcp-recorder.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TRACES = join(ROOT, 'fixtures', 'traces');
const START_NS = 1_700_000_100_000_000_000n;
const STEP_NS = 2_000_000n;

type Side = 0 | 1;

/** The inbound call at 2000 as seen by a CTI client monitoring 2000: [fixture, sender]. */
const INBOUND_CALL: readonly (readonly [string, Side])[] = [
  ['monitor-start.invoke.json', 0],
  ['monitor-start.result.json', 1],
  ['event.delivered.json', 1],
  ['event.established.json', 1],
  ['event.connectionCleared.json', 1],
  ['event.callCleared.json', 1],
  ['monitor-stop.invoke.json', 0],
  ['monitor-stop.result.json', 1],
];

function length16(pdu: Buffer): Buffer {
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(pdu.length);
  return Buffer.concat([prefix, pdu]);
}

function fixturesByName(): Map<string, FrameFixture> {
  return new Map(loadFrameFixtures().map((f) => [f.file, f]));
}

/** A capture of `flow` over one TCP connection, each frame in its own segment. */
function writeBerPcap(flow: readonly (readonly [string, Side])[], fixtures: Map<string, FrameFixture>): Buffer {
  const conv = new TcpConversation({ addr: '10.0.0.20', port: 50123 }, { addr: '10.0.0.5', port: 7001 }, { startNs: START_NS, stepNs: STEP_NS });
  const recs: { tsNs: bigint; data: Buffer }[] = [...conv.handshake()];
  for (const [file, side] of flow) {
    const f = fixtures.get(file);
    if (f === undefined) throw new Error(`missing fixture ${file}`);
    recs.push(...conv.send(side, length16(f.bytes)));
  }
  recs.push(conv.fin(0), conv.fin(1));
  return writePcap(recs);
}

/** Wireshark "copy as hex dump" of `bytes`: 16 bytes a line, offset column, ASCII column. */
function wiresharkDump(bytes: Buffer): string {
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0'));
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(4, '0')}  ${`${left}  ${right}`.padEnd(49)}  ${ascii}`);
  }
  return lines.join('\n');
}

function writeHexTrace(flow: readonly (readonly [string, Side])[], fixtures: Map<string, FrameFixture>): string {
  const parts = ['-- Wireshark "copy as hex dump" of each frame (2-byte length prefix), in capture order'];
  for (const [file, side] of flow) {
    const f = fixtures.get(file)!;
    parts.push(`-- ${side === 0 ? 'client→server' : 'server→client'}: ${file}: ${f.description}`, wiresharkDump(length16(f.bytes)));
  }
  return `${parts.join('\n')}\n`;
}

/** A capture of recorded chunks: one TCP conversation, one packet per chunk, on a fixed clock. */
function chunksToPcap(chunks: readonly RecordedChunk[]): Buffer {
  const conv = new TcpConversation({ addr: '127.0.0.1', port: 50200 }, { addr: '127.0.0.1', port: 7001 }, { startNs: START_NS, stepNs: STEP_NS });
  const recs: { tsNs: bigint; data: Buffer }[] = [...conv.handshake()];
  for (const c of chunks) recs.push(...conv.send(c.side, c.bytes));
  recs.push(conv.fin(0), conv.fin(1));
  return writePcap(recs);
}

/** Vendor profiles recorded, and the scenario each plays. */
const PROFILE_TRACES = ['avaya-dmcc', 'openscape-voice', 'openscape-business', 'zultys-mx', 'unitel', 'hipath'] as const;
const PROFILE_SCENARIO = 'inbound-answer-hangup.json';
const PROFILE_CREDENTIALS = { userName: 'cti', password: 'trace-pw' };

/** Plays the profile scenario in each profile and writes its trace. */
async function recordProfiles(): Promise<string[]> {
  const scenario = loadScenario(join(ROOT, 'fixtures', 'scenarios', PROFILE_SCENARIO));
  const written: string[] = [];
  for (const profile of PROFILE_TRACES) {
    const { recorder } = await runScenarioOverLoopback(scenario, { record: true, profile, credentials: PROFILE_CREDENTIALS });
    const out = join(TRACES, `profile-${profile}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'trace.pcap'), chunksToPcap(recorder!.chunks));
    written.push(out);
  }
  return written;
}

/** Plays every scenario and writes its trace. */
async function recordScenarios(): Promise<string[]> {
  const dir = join(ROOT, 'fixtures', 'scenarios');
  const written: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const scenario = loadScenario(join(dir, file));
    const { recorder } = await runScenarioOverLoopback(scenario, { record: true });
    const out = join(TRACES, `sim-${scenario.name}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'trace.pcap'), chunksToPcap(recorder!.chunks));
    written.push(out);
  }
  return written;
}

async function main(): Promise<void> {
  if (process.argv.includes('--profiles')) {
    // Only the vendor-profile traces (the others stay as they are).
    for (const out of await recordProfiles()) process.stdout.write(`wrote ${out}\n`);
    return;
  }
  const fixtures = fixturesByName();
  const pcapDir = join(TRACES, 'ber-inbound-call');
  mkdirSync(pcapDir, { recursive: true });
  writeFileSync(join(pcapDir, 'trace.pcap'), writeBerPcap(INBOUND_CALL, fixtures));

  const hexDir = join(TRACES, 'ber-inbound-call-hexdump');
  mkdirSync(hexDir, { recursive: true });
  writeFileSync(join(hexDir, 'trace.hex'), writeHexTrace(INBOUND_CALL, fixtures));

  const xmlDir = join(TRACES, 'xml-call');
  mkdirSync(xmlDir, { recursive: true });
  copyFileSync(join(ROOT, 'fixtures', 'captures', 'xml-call.pcapng'), join(xmlDir, 'trace.pcapng'));
  process.stdout.write(`wrote ${pcapDir}, ${hexDir}, ${xmlDir}\n`);
  for (const out of await recordScenarios()) process.stdout.write(`wrote ${out}\n`);
  for (const out of await recordProfiles()) process.stdout.write(`wrote ${out}\n`);
}

await main();
