/**
 * `npm run bench -- --memory`: RSS and heap of a session (with its call model) holding 10k
 * monitored devices and 50k live calls, with the simulator in the same process and without it
 * (the simulator in a child process, bench/sim-child.ts), then the session's heap growth after
 * 1M calls have come and gone. Takes about a minute and a half (BENCH_CALLS sets the 50k,
 * BENCH_GROWTH_CALLS the 1M).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CstaSession } from '../lib/session/session.js';
import { PbxSimulator } from '../lib/simulator/simulator.js';
import { simulatorDevices, stationOf } from './memory-devices.js';
import { BER, close, eventStream, open, reach as reachEvents } from './session.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 50_000);
const GROWTH_CALLS = Number(process.env.BENCH_GROWTH_CALLS ?? 1_000_000);
const BATCH = 2000;

interface Mem {
  readonly rss: number;
  readonly heap: number;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function settled(): Promise<Mem> {
  await new Promise((r) => setTimeout(r, 50));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

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

/** The switch side: in this process, or a child process. */
interface Switch {
  readonly port: number;
  /** Runs a step; resolves with the simulator's total events sent and live calls. */
  step(op: 'calls' | 'clear', from?: number, n?: number): Promise<{ sent: number; live: number }>;
  close(): Promise<void>;
}

async function inProcessSwitch(): Promise<Switch> {
  const sim = new PbxSimulator({ devices: simulatorDevices(DEVICES), dialPlan: { internal: /^\d{6}$/ }, callWaiting: true });
  const port = await sim.listen();
  return {
    port,
    step(op, from = 0, n = 0) {
      if (op === 'clear') for (const call of [...sim.state.calls.values()]) sim.engine.clearCall(call);
      else {
        for (let k = from; k < from + n; k++) {
          const station = stationOf(k, DEVICES);
          const call = sim.engine.inbound(`+1555${String(k % 10_000_000).padStart(7, '0')}`, station);
          sim.engine.answer(call, station);
        }
      }
      return Promise.resolve({ sent: sim.eventsSent, live: sim.state.calls.size });
    },
    close: () => sim.close(),
  };
}

async function childSwitch(): Promise<Switch> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./sim-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DEVICES: String(DEVICES) },
  });
  const next = (): Promise<Record<string, number>> => new Promise((resolve) => child.once('message', (m) => resolve(m as Record<string, number>)));
  const { port } = await next();
  return {
    port: port!,
    async step(op, from = 0, n = 0) {
      const answer = next();
      child.send({ op, from, n });
      const m = await answer;
      return { sent: m.sent!, live: m.live! };
    },
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ op: 'close' });
      await exited;
    },
  };
}

interface Footprint {
  readonly before: Mem;
  readonly monitored: Mem;
  readonly loaded: Mem;
}

interface Growth {
  readonly calls: number;
  readonly before: Mem;
  readonly after: Mem;
  readonly modelCalls: number;
  readonly seconds: number;
}

/**
 * The session's heap after `calls` call lifecycles (delivered, established, connectionCleared at
 * a monitored device), streamed pre-encoded in chunks as bench/session.ts does: the simulator
 * would take minutes to make a million calls, and only the session is measured here.
 */
async function growth(calls: number): Promise<Growth> {
  const link = await open(BER, true);
  try {
    const CHUNK = 25_000;
    let first = 0x30000000;
    const run = async (n: number): Promise<void> => {
      for (let done = 0; done < n; done += CHUNK) {
        const k = Math.min(CHUNK, n - done);
        const target = link.received + 3 * k;
        link.sim.injectRaw(eventStream(BER, link.crossRef, k, first));
        first += k;
        await reachEvents(() => link.received, target);
      }
    };
    await run(CHUNK); // tables and caches reach their working size first
    const before = await settled();
    const t0 = performance.now();
    await run(calls);
    const seconds = (performance.now() - t0) / 1000;
    const after = await settled();
    return { calls, before, after, modelCalls: link.session.model?.calls().length ?? 0, seconds };
  } finally {
    await close(link);
  }
}

async function footprint(sw: Switch, before: Mem): Promise<Footprint> {
  const session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 0, reconnect: false, asyncStackTraces: false, requestTimeoutMs: 120_000 });
  await session.connect();
  let events = 0;
  session.on('event', () => events++);
  try {
    for (let i = 0; i < DEVICES; i += 500) {
      const batch: Promise<unknown>[] = [];
      for (let k = i; k < Math.min(DEVICES, i + 500); k++) batch.push(session.monitorStart(stationOf(k, DEVICES)));
      await Promise.all(batch);
    }
    const monitored = await settled();
    const sent0 = (await sw.step('calls', 0, 0)).sent;
    const base = events - sent0; // events the session has that the switch counted
    for (let i = 0; i < CALLS; i += BATCH) {
      const { sent } = await sw.step('calls', i, Math.min(BATCH, CALLS - i));
      await reach(() => events, sent + base);
    }
    const { live } = await sw.step('calls', 0, 0);
    if (live !== CALLS) throw new Error(`expected ${CALLS} live calls, the switch has ${live}`);
    const loaded = await settled();
    return { before, monitored, loaded };
  } finally {
    await session.close();
  }
}

function row(label: string, m: Mem, base?: Mem): string {
  const d = base === undefined ? '' : `   (+${mib(m.heap - base.heap)} heap)`;
  return `  ${label.padEnd(44)} rss ${mib(m.rss).padStart(10)}  heap ${mib(m.heap).padStart(10)}${d}`;
}

/** Prints the memory section. */
export async function memoryBench(): Promise<void> {
  console.log(`memory: ${DEVICES} monitored devices, ${CALLS} live calls; session with its call model`);
  const b0 = await settled();
  const child = await childSwitch();
  const alone = await footprint(child, b0);
  await child.close();
  console.log(' session alone (simulator in a child process):');
  console.log(row('baseline', alone.before));
  console.log(row(`${DEVICES} monitored devices`, alone.monitored, alone.before));
  console.log(row(`+ ${CALLS} live calls`, alone.loaded, alone.before));
  const b1 = await settled();
  const local = await inProcessSwitch();
  const both = await footprint(local, b1);
  await local.close();
  console.log(' session + simulator in this process:');
  console.log(row('baseline', both.before));
  console.log(row(`${DEVICES} monitored devices`, both.monitored, both.before));
  console.log(row(`+ ${CALLS} live calls`, both.loaded, both.before));
  if (GROWTH_CALLS > 0) {
    const g = await growth(GROWTH_CALLS);
    console.log(` growth of the session after ${g.calls} calls (pre-encoded lifecycles at a monitored device, ${g.seconds.toFixed(1)} s; ${g.modelCalls} calls left in the model):`);
    console.log(`  heap ${mib(g.before.heap)} → ${mib(g.after.heap)} (${g.after.heap >= g.before.heap ? '+' : ''}${mib(g.after.heap - g.before.heap)}), rss ${mib(g.before.rss)} → ${mib(g.after.rss)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await memoryBench();
