/**
 * The model against the PBX simulator's own switch state: random call flows (calls in and out,
 * answer, hold, retrieve, consultation, transfer, conference, clearing) run on the simulator's
 * call engine, whose events feed the model as monitors would deliver them; after every step the
 * model's connections must equal the simulator's for every call a monitored device is in.
 */
import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import type { CstaEvent } from '../../../../lib/session/events.js';
import { CallFeatures } from '../../../../lib/simulator/call-features.js';
import type { DeviceEvent } from '../../../../lib/simulator/event-sink.js';
import { SwitchState, defaultDevices } from '../../../../lib/simulator/switch-state.js';
import type { Call } from '../../../../lib/simulator/switch-state.js';
import type { SnapshotDeviceResponseInfo } from '../../../../protocol/csta/types/status-reporting.js';
import { conn, party } from './events.js';

const STATIONS = ['2000', '2001', '2002', '2003', '2004', '2005'];

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

interface Rig {
  readonly model: CallModel;
  readonly state: SwitchState;
  readonly engine: CallFeatures;
  /** While false, events are lost (link down). */
  linkUp: boolean;
  readonly counts: Record<string, number>;
}

function rig(monitored: readonly string[]): Rig {
  const model = new CallModel();
  const state = new SwitchState(defaultDevices());
  const r: Rig = { model, state, engine: undefined as unknown as CallFeatures, linkUp: true, counts: {} };
  const sink = {
    report(device: string, event: DeviceEvent): void {
      if (!r.linkUp || !monitored.includes(device)) return;
      const e = { ...event, crossRefIdentifier: '01' } as CstaEvent;
      model.apply(device, e);
    },
  };
  return Object.assign(r, { engine: new CallFeatures(state, sink) });
}

/** One random step, driven by stations only; refusals of the simulator (CstaFailure) are skipped. */
function step(rg: Rig, r: (n: number) => number): void {
  const { engine, state } = rg;
  const a = STATIONS[r(STATIONS.length)]!;
  const b = STATIONS[r(STATIONS.length)]!;
  const calls = [...state.calls.values()];
  const at = calls.flatMap((call) => [...call.connections.values()].filter((c) => STATIONS.includes(c.device)).map((c) => ({ call, d: c.device, s: c.state })));
  const pick = (s?: string) => {
    const l = s === undefined ? at : at.filter((x) => x.s === s);
    return l.length === 0 ? undefined : l[r(l.length)];
  };
  const ops = ['originate', 'inbound', 'answer', 'answer', 'clear', 'hold', 'retrieve', 'consult', 'transfer', 'conference', 'deflect', 'noAnswer'];
  const op = ops[r(ops.length)]!;
  try {
    switch (op) {
      case 'originate':
        engine.originate(a, b);
        break;
      case 'inbound':
        engine.inbound(`0611${r(100)}`, a);
        break;
      case 'answer': {
        const x = pick('alerting');
        if (x === undefined) return;
        engine.answer(x.call, x.d);
        break;
      }
      case 'clear': {
        const x = pick();
        if (x === undefined) return;
        engine.clearConnection(x.call, x.d);
        break;
      }
      case 'deflect':
      case 'noAnswer': {
        const x = pick('alerting');
        if (x === undefined) return;
        // To a station not in the call, or outside (deflecting to a party of the call is refused by real switches).
        if (op === 'deflect') engine.deflect(x.call, x.d, x.call.connections.has(b) ? `0622${r(10)}` : b);
        else engine.noAnswer(x.call, x.d);
        break;
      }
      case 'hold':
      case 'retrieve':
      case 'consult': {
        const x = pick(op === 'retrieve' ? 'hold' : 'connected');
        if (x === undefined) return;
        if (op === 'hold') engine.hold(x.call, x.d);
        else if (op === 'retrieve') engine.retrieve(x.call, x.d);
        else engine.consult(x.call, x.d, b);
        break;
      }
      default: {
        // A held call and an active call of the same station, each with another party.
        const busy = (c: Call) => c.connections.size > 1;
        const pairs = at.flatMap((x) =>
          x.s !== 'hold' || !busy(x.call) ? [] : calls.filter((c) => c !== x.call && busy(c) && c.connections.get(x.d)?.state === 'connected').map((active) => ({ x, active })),
        );
        if (pairs.length === 0) return;
        const { x, active } = pairs[r(pairs.length)]!;
        if (op === 'transfer') engine.transfer(x.call, active, x.d);
        else engine.conference(x.call, active, x.d);
      }
    }
    rg.counts[op] = (rg.counts[op] ?? 0) + 1;
  } catch (err) {
    if ((err as { code?: string }).code !== 'CSTA_FAILURE') throw err;
  }
}

/** Connections `callID/device → state`; only calls in which one of `devices` is (non-failed). */
function simConnections(state: SwitchState, devices: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const call of state.calls.values()) {
    if (![...call.connections.values()].some((c) => devices.includes(c.device) && c.state !== 'fail')) continue;
    for (const c of call.connections.values()) out.set(`${call.callID}/${c.device}`, String(c.state));
  }
  return out;
}

/** The same for the model (a call diverted to a busy monitored station waits without one). */
function modelConnections(model: CallModel, devices: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const call of model.calls()) {
    if (!call.connections.some((c) => devices.includes(c.device) && c.state !== 'fail')) continue;
    for (const c of call.connections) out.set(`${call.callID}/${c.device}`, c.state);
  }
  return out;
}

/** Differences, ignoring a failed connection the simulator does not keep (busy destination). */
function diff(sim: Map<string, string>, mod: Map<string, string>, only?: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of new Set([...sim.keys(), ...mod.keys()])) {
    if (only !== undefined && !only.includes(k.split('/')[1]!)) continue;
    const s = sim.get(k);
    const m = mod.get(k);
    if (s !== m && !(s === undefined && m === 'fail')) out.push(`${k}: simulator ${s} model ${m}`);
  }
  return out;
}

/** What snapshotDevice would answer for `device`: its connection and the others' states per call. */
function snapshotOf(state: SwitchState, device: string): SnapshotDeviceResponseInfo[] {
  return [...state.calls.values()]
    .filter((call: Call) => call.connections.has(device))
    .map((call) => {
      const others = [...call.connections.values()].filter((c) => c.device !== device);
      const own = call.connections.get(device)!.state;
      return {
        connectionIdentifier: conn(call.callID, device),
        ...(others.length === 1 ? { endpointDevice: party(others[0]!.device) } : {}),
        localCallState: { compoundCallState: [own, ...others.map((c) => c.state)] },
      };
    });
}

describe('CallModel against the simulator', () => {
  for (const [label, monitored] of [
    ['every station monitored', STATIONS],
    ['half the stations monitored', STATIONS.slice(0, 3)],
  ] as const) {
    it(`matches the switch state after every step (${label})`, () => {
      const total: Record<string, number> = {};
      for (const seed of [1, 2, 3, 4]) {
        const rg = rig(monitored);
        const r = prng(seed);
        for (let i = 0; i < 1500; i++) {
          step(rg, r);
          // With some stations unmonitored, their states in calls no monitored station saw (a
          // consultation between two unmonitored stations) are unknowable: compare the monitored ones.
          const d = diff(simConnections(rg.state, monitored), modelConnections(rg.model, monitored), monitored.length < STATIONS.length ? monitored : undefined);
          if (d.length > 0) expect.fail(`seed ${seed} step ${i}: ${d.slice(0, 4).join('; ')}`);
        }
        expect(rg.model.stats().anomalies, `seed ${seed}`).to.equal(0);
        for (const [op, n] of Object.entries(rg.counts)) total[op] = (total[op] ?? 0) + n;
      }
      // Every kind of step really ran.
      for (const op of ['originate', 'inbound', 'answer', 'clear', 'hold', 'retrieve', 'consult', 'transfer', 'conference', 'deflect', 'noAnswer']) {
        expect(total[op] ?? 0, op).to.be.greaterThan(0);
      }
    });
  }

  it('resyncs the monitored devices from snapshots after events were lost', () => {
    for (const seed of [4, 5, 6]) {
      const rg = rig(STATIONS);
      const r = prng(seed);
      for (let i = 0; i < 600; i++) step(rg, r);
      rg.linkUp = false;
      for (let i = 0; i < 200; i++) step(rg, r);
      rg.linkUp = true;
      const lost = diff(simConnections(rg.state, STATIONS), modelConnections(rg.model, STATIONS), STATIONS);
      expect(lost.length, `seed ${seed}: the outage must have changed something`).to.be.greaterThan(0);
      for (const d of STATIONS) rg.model.applySnapshot(d, snapshotOf(rg.state, d));
      const d = diff(simConnections(rg.state, STATIONS), modelConnections(rg.model, STATIONS), STATIONS);
      expect(d, `seed ${seed}`).to.deep.equal([]);
      // No call is duplicated or lost: the model holds exactly the calls a station is in.
      const simCalls = new Set([...simConnections(rg.state, STATIONS).keys()].map((k) => k.split('/')[0]));
      expect(new Set(rg.model.calls().map((c) => c.callID))).to.deep.equal(simCalls);
    }
  });
});
