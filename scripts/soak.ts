/**
 * Soak test (issue 15): one CstaSession against the simulator over 127.0.0.1 for a bounded time,
 * cycling through event floods, injected bad frames and forced reconnects; after each cycle it
 * checks that every flooded event arrived exactly once and samples heap and RSS (after a GC).
 *
 *   node --expose-gc --import tsx scripts/soak.ts [seconds=300] [events per flood=20000]
 *
 * Prints one line per minute and a summary; exits 1 on a lost or duplicated event, or when the
 * heap after the first minute grows by more than 25 % (the call model's cap bounds it).
 */
import { Buffer } from 'node:buffer';
import { CstaSession } from '../lib/session/session.js';
import { PbxSimulator } from '../lib/simulator/simulator.js';
import type { CstaEvent } from '../lib/session/events.js';

const seconds = Number(process.argv[2] ?? 300);
const perFlood = Number(process.argv[3] ?? 20_000);
const gc = (globalThis as { gc?: () => void }).gc;

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sim = new PbxSimulator();
const port = await sim.listen();
const session = new CstaSession({ host: '127.0.0.1', port, reconnect: () => 20, keepAliveMs: 0, model: { maxCalls: 5000 } });
let reconnects = 0;
let protocolErrors = 0;
session.on('status', (s) => {
  if (s.type === 'associated' && s.reconnected) reconnects++;
});
session.on('protocolError', () => protocolErrors++);
const seen = new Map<string, number>();
let received = 0;
session.on('event', (e: CstaEvent) => {
  if (e.type !== 'delivered') return;
  received++;
  const c = (e.event as { connection: { both?: { callID: string } } }).connection.both?.callID ?? '?';
  seen.set(c, (seen.get(c) ?? 0) + 1);
});
await session.connect();
await session.monitorStart('2005');

const started = Date.now();
let cycles = 0;
let flooded = 0;
let badFrames = 0;
let lost = 0;
let duplicated = 0;
const samples: { t: number; heap: number; rss: number }[] = [];
let nextReport = 60_000;
while (Date.now() - started < seconds * 1000) {
  cycles++;
  seen.clear();
  const before = received;
  const sent = await sim.flood(perFlood, '2005');
  flooded += sent;
  await until(() => received - before >= sent, 30_000, `the ${sent} events of flood ${cycles}`);
  for (const n of seen.values()) if (n > 1) duplicated += n - 1;
  lost += sent - seen.size;
  // Bad frames: garbage in a length16 frame, and a well-formed BER element that is no PDU.
  badFrames += sim.injectRaw(Buffer.from('0004a1ff0000', 'hex'));
  badFrames += sim.injectRaw(Buffer.from('000330010a', 'hex'));
  if (cycles % 3 === 0) {
    const was = reconnects;
    sim.dropClients();
    await until(() => reconnects > was && session.isAssociated, 10_000, 'the reconnect');
  }
  await session.requestSystemStatus({});
  gc?.();
  const m = process.memoryUsage();
  samples.push({ t: Date.now() - started, heap: m.heapUsed, rss: m.rss });
  if (Date.now() - started >= nextReport) {
    nextReport += 60_000;
    process.stdout.write(`${Math.round((Date.now() - started) / 1000)} s: ${cycles} cycles, ${flooded} events, ${reconnects} reconnects, heap ${mb(m.heapUsed)}, rss ${mb(m.rss)}\n`);
  }
}
await session.close();
await sim.close();

const afterWarmup = samples.find((s) => s.t >= Math.min(60_000, (seconds * 1000) / 5)) ?? samples[0]!;
const last = samples[samples.length - 1]!;
const maxHeap = Math.max(...samples.map((s) => s.heap));
const maxRss = Math.max(...samples.map((s) => s.rss));
process.stdout.write(
  [
    `soak: ${seconds} s, ${cycles} cycles, ${flooded} events flooded, ${received} delivered, lost ${lost}, duplicated ${duplicated}`,
    `      ${reconnects} reconnects, ${badFrames} bad frames injected, ${protocolErrors} reported as protocolError`,
    `      heap after warm-up ${mb(afterWarmup.heap)}, at the end ${mb(last.heap)}, max ${mb(maxHeap)}; rss after warm-up ${mb(afterWarmup.rss)}, at the end ${mb(last.rss)}, max ${mb(maxRss)}`,
  ].join('\n') + '\n',
);
const grew = last.heap > afterWarmup.heap * 1.25;
if (lost > 0 || duplicated > 0 || grew) {
  process.stdout.write(`FAIL: ${lost > 0 ? 'events lost; ' : ''}${duplicated > 0 ? 'events duplicated; ' : ''}${grew ? 'heap grew' : ''}\n`);
  process.exit(1);
}
