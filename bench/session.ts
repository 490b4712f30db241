/**
 * Session benchmark over loopback: events per second through a CstaSession, BER (without and
 * with the call model) and XML. The switch side is a PbxSimulator (association, monitorStart);
 * the events themselves are encoded beforehand and written as one stream (`injectRaw`), so the
 * rate is the session's receive path (framing → decode → dispatch → model), not the simulator's
 * encoder sharing the thread. The stream is call lifecycles (delivered, established,
 * connectionCleared per call, a new call each time), the bulk of a real link. Rates are given per
 * CPU second of the process (what the code costs, whatever else the machine runs) and per
 * wall-clock second (what this machine delivered at the time).
 * `sessionRates(repeats)` is called from bench/run.ts; `tsx bench/session.ts` runs it alone.
 */
import { CstaSession } from '../lib/session/session.js';
import { PbxSimulator } from '../lib/simulator/simulator.js';
import { createWireCodec } from '../lib/transport/wire.js';
import type { WireFormat } from '../lib/transport/wire.js';
import '../lib/transport/xml-wire.js';
import { eventReportArgument } from '../lib/session/events.js';
import type { KnownCstaEvent } from '../lib/session/events.js';
import { connectionID } from '../lib/session/requests.js';
import { extDev, redirection } from '../lib/simulator/identifiers.js';
import { spread } from './harness.js';
import type { Spread } from './harness.js';

export const BER: WireFormat = { encoding: 'ber', framing: 'length16' };
export const XML: WireFormat = { encoding: 'xml', framing: 'header' };
const DEVICE = '2000';

/** The events of `calls` call lifecycles at DEVICE, framed for `wire` as the switch writes them. */
export function eventStream(wire: WireFormat, crossRefIdentifier: string, calls: number, firstCall: number): Buffer {
  const codec = createWireCodec(wire.encoding === 'xml' ? { ...wire, dialect: { side: 'switch' } } : wire);
  const parts: Uint8Array[] = [];
  let invokeId = 1;
  const push = (e: Omit<KnownCstaEvent, 'crossRefIdentifier'>): void => {
    const argument = eventReportArgument({ ...e, crossRefIdentifier } as KnownCstaEvent);
    parts.push(codec.encode({ pdu: 'invoke', invokeId: invokeId++ % 30000, operation: 'cSTAEventReport', argument }));
  };
  for (let i = 0; i < calls; i++) {
    const callID = (firstCall + i).toString(16).padStart(8, '0');
    const connection = connectionID(callID, DEVICE);
    const caller = `+1555${String(i % 10_000_000).padStart(7, '0')}`;
    push({
      category: 'callControlEvents',
      type: 'delivered',
      event: {
        connection,
        alertingDevice: extDev(DEVICE),
        callingDevice: extDev(caller),
        calledDevice: extDev(DEVICE),
        lastRedirectionDevice: redirection(undefined),
        localConnectionInfo: 'alerting',
        cause: 'newCall',
      },
    } as Omit<KnownCstaEvent, 'crossRefIdentifier'>);
    push({
      category: 'callControlEvents',
      type: 'established',
      event: {
        establishedConnection: connection,
        answeringDevice: extDev(DEVICE),
        callingDevice: extDev(caller),
        calledDevice: extDev(DEVICE),
        lastRedirectionDevice: redirection(undefined),
        localConnectionInfo: 'connected',
        cause: 'newCall',
      },
    } as Omit<KnownCstaEvent, 'crossRefIdentifier'>);
    push({
      category: 'callControlEvents',
      type: 'connectionCleared',
      event: { droppedConnection: connection, releasingDevice: extDev(DEVICE), localConnectionInfo: 'null', cause: 'normalClearing' },
    } as Omit<KnownCstaEvent, 'crossRefIdentifier'>);
  }
  return Buffer.concat(parts);
}

/** Resolves once `count()` reaches `target` (polled). */
export function reach(count: () => number, target: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => {
      if (count() >= target) {
        clearInterval(t);
        resolve();
      }
    }, 1);
  });
}

interface Link {
  readonly session: CstaSession;
  readonly sim: PbxSimulator;
  readonly crossRef: string;
  received: number;
}

export async function open(wire: WireFormat, model: boolean): Promise<Link> {
  const sim = new PbxSimulator({ wire });
  const port = await sim.listen();
  const session = new CstaSession({ host: '127.0.0.1', port, wire, ...(wire.encoding === 'xml' ? { association: { kind: 'none' } as const } : {}), keepAliveMs: 0, reconnect: false, asyncStackTraces: false, ...(model ? {} : { model: false }) });
  await session.connect();
  const monitor = await session.monitorStart(DEVICE);
  const link: Link = { session, sim, crossRef: monitor.crossRefIdentifier, received: 0 };
  session.on('event', () => link.received++);
  return link;
}

export async function close(link: Link): Promise<void> {
  await link.session.close();
  await link.sim.close();
}

/** Events per second of one stream of `calls` lifecycles (after a warm-up stream). */
/** A timed window: events per wall-clock second and per CPU second of this process. */
export interface WindowRate {
  readonly wall: number;
  readonly cpu: number;
}

function timer(): (events: number) => WindowRate {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  return (events) => {
    const cpu = process.cpuUsage(cpu0);
    return { wall: (events * 1000) / (performance.now() - start), cpu: (events * 1e6) / Math.max(1, cpu.user + cpu.system) };
  };
}

async function streamRate(wire: WireFormat, model: boolean, calls: number): Promise<WindowRate> {
  const link = await open(wire, model);
  try {
    // Both streams first: building one leaves garbage behind, which must not be collected inside
    // the timed window. Collected here, then the warm-up stream runs through the session, so the
    // window starts in the steady state of a busy link (a forced full GC right before the window
    // left the young generation shrunk: measured, it doubled the CPU per event for reasons of heap
    // state, not of code).
    const warmCalls = Math.max(1000, calls >> 3);
    const warm = eventStream(wire, link.crossRef, warmCalls, 0x10000000);
    const stream = eventStream(wire, link.crossRef, calls, 0x20000000);
    (globalThis as { gc?: () => void }).gc?.();
    link.sim.injectRaw(warm);
    await reach(() => link.received, warmCalls * 3);
    link.received = 0;
    const done = timer();
    link.sim.injectRaw(stream);
    await reach(() => link.received, calls * 3);
    return done(calls * 3);
  } finally {
    await close(link);
  }
}

/** The old measure, kept for comparison: the simulator encodes a delivered flood in the same thread. */
async function simFloodRate(model: boolean, events: number): Promise<WindowRate> {
  const link = await open(BER, model);
  try {
    await link.sim.flood(10_000, DEVICE);
    await reach(() => link.received, 10_000);
    link.received = 0;
    const done = timer();
    await link.sim.flood(events, DEVICE);
    await reach(() => link.received, events);
    return done(events);
  } finally {
    await close(link);
  }
}

/** Each case's rates over the repeats, per CPU second and per wall-clock second. */
export interface CaseRates {
  readonly cpu: Spread;
  readonly wall: Spread;
}

export interface SessionRates {
  readonly ber: CaseRates;
  readonly berModel: CaseRates;
  readonly xml: CaseRates;
  readonly simFlood: CaseRates;
  readonly simFloodModel: CaseRates;
}

/** Session event rates, each case run `repeats` times interleaved with the others. */
export async function sessionRates(repeats = 3, calls = Number(process.env.BENCH_SESSION_CALLS ?? 40_000)): Promise<SessionRates> {
  const r = { ber: [] as WindowRate[], berModel: [] as WindowRate[], xml: [] as WindowRate[], simFlood: [] as WindowRate[], simFloodModel: [] as WindowRate[] };
  for (let k = 0; k < repeats; k++) {
    r.ber.push(await streamRate(BER, false, calls));
    r.berModel.push(await streamRate(BER, true, calls));
    r.xml.push(await streamRate(XML, true, Math.max(1000, calls >> 2)));
    r.simFlood.push(await simFloodRate(false, calls * 3));
    r.simFloodModel.push(await simFloodRate(true, calls * 3));
  }
  const sum = (xs: readonly WindowRate[]): CaseRates => ({ cpu: spread(xs.map((x) => x.cpu)), wall: spread(xs.map((x) => x.wall)) });
  return { ber: sum(r.ber), berModel: sum(r.berModel), xml: sum(r.xml), simFlood: sum(r.simFlood), simFloodModel: sum(r.simFloodModel) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await sessionRates(1));
