/**
 * Session benchmark over loopback: event throughput through a CstaSession (the simulator floods
 * one monitored device, honouring socket backpressure), then the memory the simulator and the
 * session hold with 10k monitored devices and 50k live calls. Prints, never asserts.
 * `sessionBench()` is meant to be called from bench/run.ts; `tsx bench/session.ts` runs it alone.
 */
import { CstaSession } from '../lib/session/session.js';
import { PbxSimulator } from '../lib/simulator/simulator.js';
import type { DeviceConfig } from '../lib/simulator/switch-state.js';
import { formatRate } from './measure.js';

const FLOOD_EVENTS = Number(process.env.BENCH_FLOOD_EVENTS ?? 200_000);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 50_000);

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function memory(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 50));
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resolves once `count()` reaches `target` (polled). */
function reach(count: () => number, target: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => {
      if (count() >= target) {
        clearInterval(t);
        resolve();
      }
    }, 2);
  });
}

async function floodRate(model: boolean): Promise<number> {
  const sim = new PbxSimulator();
  const port = await sim.listen();
  const session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false, asyncStackTraces: false, ...(model ? {} : { model: false }) });
  await session.connect();
  await session.monitorStart('2000');
  let received = 0;
  session.on('event', () => received++);
  await sim.flood(10_000, '2000'); // warm-up
  await reach(() => received, 10_000);
  received = 0;
  const start = performance.now();
  await sim.flood(FLOOD_EVENTS, '2000');
  await reach(() => received, FLOOD_EVENTS);
  const rate = (FLOOD_EVENTS * 1000) / (performance.now() - start);
  await session.close();
  await sim.close();
  return rate;
}

async function footprint(): Promise<{ before: ReturnType<typeof memory>; monitored: ReturnType<typeof memory>; loaded: ReturnType<typeof memory>; events: number }> {
  await settle();
  const before = memory();
  const devices: DeviceConfig[] = [{ number: '0800', kind: 'trunk' }];
  for (let i = 0; i < DEVICES; i++) devices.push({ number: String(100_000 + i), kind: 'station' });
  const sim = new PbxSimulator({ devices, dialPlan: { internal: /^\d{6}$/ }, callWaiting: true });
  const port = await sim.listen();
  const session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false, asyncStackTraces: false, requestTimeoutMs: 60_000 });
  await session.connect();
  let events = 0;
  session.on('event', () => events++);
  for (let i = 0; i < DEVICES; i += 500) {
    const batch: Promise<unknown>[] = [];
    for (let k = i; k < Math.min(DEVICES, i + 500); k++) batch.push(session.monitorStart(String(100_000 + k)));
    await Promise.all(batch);
  }
  await settle();
  const monitored = memory();
  // 50k answered inbound calls spread over the stations: delivered + established each
  for (let i = 0; i < CALLS; i += 1000) {
    for (let k = i; k < Math.min(CALLS, i + 1000); k++) {
      const station = String(100_000 + (k % DEVICES));
      const call = sim.engine.inbound(`+1555${String(k).padStart(7, '0')}`, station);
      sim.engine.answer(call, station);
    }
    await reach(() => events, Math.min(CALLS, i + 1000) * 2);
  }
  await settle();
  const loaded = memory();
  if (sim.state.calls.size !== CALLS) throw new Error(`expected ${CALLS} live calls, have ${sim.state.calls.size}`);
  await session.close();
  await sim.close();
  return { before, monitored, loaded, events };
}

/** Prints session event throughput and the memory of a loaded simulator + session. */
export async function sessionBench(): Promise<void> {
  const bare = await floodRate(false);
  console.log(`session events over loopback, no call model (flood of ${FLOOD_EVENTS}) ${formatRate(bare).padStart(12)}`);
  // Every flood event is a new alerting call: the model's worst case (it holds up to maxCalls).
  const modelled = await floodRate(true);
  console.log(`session events with the call model (each a new call)  ${formatRate(modelled).padStart(12)}`);
  await settle();
  const f = await footprint();
  console.log(`memory, simulator + session (with its call model) in one process:`);
  console.log(`  baseline                               rss ${mib(f.before.rss).padStart(10)}  heap ${mib(f.before.heap).padStart(10)}`);
  console.log(`  ${String(DEVICES).padStart(6)} monitored devices              rss ${mib(f.monitored.rss).padStart(10)}  heap ${mib(f.monitored.heap).padStart(10)}`);
  console.log(`  + ${String(CALLS).padStart(6)} live calls (${f.events} events)   rss ${mib(f.loaded.rss).padStart(10)}  heap ${mib(f.loaded.heap).padStart(10)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await sessionBench();
