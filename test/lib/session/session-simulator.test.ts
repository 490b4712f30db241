/**
 * CstaSession against the PBX simulator over 127.0.0.1: every scenario in fixtures/scenarios
 * played with the session monitoring, the events it sees matched with the scenario's `expect`
 * (types, order per device, key fields); link loss mid-call with reconnect, monitor restore and
 * resync; a 100k event flood; malformed frames; the XML wire.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionOptions } from '../../../lib/session/options.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import { loadScenario, matchExpectations } from '../../../lib/simulator/scenarios.js';
import type { Scenario, ScenarioStep, StepContext } from '../../../lib/simulator/scenarios.js';
import { recordEvents } from '../../../lib/simulator/observer.js';
import { statusWhere } from '../../support/wait.js';

const SCENARIOS = new URL('../../../fixtures/scenarios/', import.meta.url);
const scenarioFiles = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();

function callIdOf(c: unknown): string {
  return (c as { both: { callID: string } }).both.callID;
}

/** Performs a `"by": "session"` step with the CSTA request a CTI application would send. */
function sessionPerformer(session: CstaSession) {
  return async (step: ScenarioStep, ctx: StepContext): Promise<string | void> => {
    const target = (device: string) => connectionID(ctx.targetCallID!, device);
    switch (step.step) {
      case 'dial':
        return callIdOf((await session.makeCall({ callingDevice: deviceID(step.from), calledDirectoryNumber: deviceID(step.to) })).callingDevice);
      case 'answer':
        await session.answerCall({ callToBeAnswered: target(step.device) });
        return;
      case 'hangup':
        await session.clearConnection({ connectionToBeCleared: target(step.device) });
        return;
      case 'hold':
        await session.holdCall({ callToBeHeld: target(step.device) });
        return;
      case 'retrieve':
        await session.retrieveCall({ callToBeRetrieved: target(step.device) });
        return;
      case 'consult':
        return callIdOf((await session.consultationCall({ existingCall: target(step.device), consultedDevice: deviceID(step.to) })).initiatedCall);
      case 'transfer': {
        const r = await session.transferCall({ heldCall: connectionID(ctx.callID(step.held), step.device), activeCall: connectionID(ctx.callID(step.active), step.device) });
        return callIdOf(r.transferredCall);
      }
      case 'conference':
        await session.conferenceCall({ heldCall: connectionID(ctx.callID(step.held), step.device), activeCall: connectionID(ctx.callID(step.active), step.device) });
        return;
      case 'singleStepTransfer':
        return callIdOf((await session.singleStepTransferCall({ activeCall: target(step.device), transferredTo: deviceID(step.to) })).transferredCall);
      case 'deflect':
        await session.deflectCall({ callToBeDiverted: target(step.device), newDestination: deviceID(step.to) });
        return;
      case 'agent':
        await session.setAgentState({
          device: deviceID(step.device),
          requestedAgentState: step.state,
          ...(step.agentId === undefined ? {} : { agentID: step.agentId }),
          ...(step.group === undefined ? {} : { group: deviceID(step.group) }),
        });
        return;
      default:
        throw new Error(`step ${step.step} cannot be done by the session`);
    }
  };
}

async function play(scenario: Scenario, simOptions: PbxSimulatorOptions = {}, sessionOptions: Partial<SessionOptions> = {}): Promise<string[]> {
  const sim = new PbxSimulator(simOptions);
  const port = await sim.listen();
  const session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false, wire: simOptions.wire, ...sessionOptions });
  try {
    await session.connect();
    if (scenario.routeTo !== undefined) {
      const routeTo = scenario.routeTo;
      session.handle('routeRequest', (arg) => {
        session.routeSelect({ crossRefIdentifier: arg.crossRefIdentifier, routeSelected: deviceID(routeTo), routeUsedReq: true });
        return undefined as never;
      });
      session.handle('routeUsedRequest', () => undefined as never);
      session.handle('routeEndRequest', () => undefined as never);
    }
    const rec = recordEvents(session);
    for (const d of scenario.monitor) await session.monitorStart(d);
    const run = await sim.runScenario(scenario, { session: sessionPerformer(session) });
    const want = scenario.expect ?? [];
    await rec.waitForCount(want.length, 2000).catch(() => undefined);
    await session.requestSystemStatus({}); // a round trip: anything still in flight has arrived
    return matchExpectations(want, rec.events, run.aliases);
  } finally {
    await session.close();
    await sim.close();
  }
}

describe('CstaSession ↔ PbxSimulator: scenarios', () => {
  it('has the scenario files', () => {
    expect(scenarioFiles.length).to.be.at.least(12);
  });

  for (const file of scenarioFiles) {
    it(`plays ${file} with the expected events`, async () => {
      const scenario = loadScenario(new URL(file, SCENARIOS));
      expect(scenario.expect?.length ?? 0, 'scenario lists expected events').to.be.greaterThan(0);
      expect(await play(scenario)).to.deep.equal([]);
    });
  }

  it('plays consult-transfer over the XML wire (ECMA-323 with header)', async () => {
    const scenario = loadScenario(new URL('consult-transfer.json', SCENARIOS));
    // ACSE has no ECMA-323 form: XML links start with systemRegister (or nothing).
    expect(await play(scenario, { wire: { encoding: 'xml', framing: 'header' } }, { association: { kind: 'systemRegister' } })).to.deep.equal([]);
  });

  it('plays routing-point and agent-states over the XML wire', async () => {
    const xml = { wire: { encoding: 'xml', framing: 'header' } } as const;
    for (const name of ['routing-point.json', 'agent-states.json']) {
      expect(await play(loadScenario(new URL(name, SCENARIOS)), xml, { association: { kind: 'none' } }), name).to.deep.equal([]);
    }
  });

  it('plays internal-call over BER with length32 framing and systemRegister association', async () => {
    const scenario = loadScenario(new URL('internal-call.json', SCENARIOS));
    expect(await play(scenario, { wire: { encoding: 'ber', framing: 'length32' } }, { association: { kind: 'systemRegister' } })).to.deep.equal([]);
  });
});

describe('CstaSession ↔ PbxSimulator: link faults and load', () => {
  let sim: PbxSimulator;
  let session: CstaSession;

  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: () => 20 });
    await session.connect();
  });
  afterEach(async () => {
    await session.close();
    await sim.close();
  });

  it('drops the link mid-call: the session reconnects, restores monitors, and the resync snapshot shows the live call', async () => {
    const m2000 = await session.monitorStart('2000');
    await session.monitorStart('2001');
    const r = await session.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') });
    const callID = callIdOf(r.callingDevice);
    await session.answerCall({ callToBeAnswered: connectionID(callID, '2001') });
    const oldCrossRef = m2000.crossRefIdentifier;
    const resyncs = new Map<string, unknown>();
    session.on('resync', (m, snap) => resyncs.set(m.device, snap));
    const back = statusWhere(session, (s) => s.type === 'associated' && s.reconnected);
    sim.dropClients();
    await back;
    expect(sim.clientCount).to.equal(1);
    expect(sim.monitors.size).to.equal(2);
    expect(m2000.crossRefIdentifier).to.not.equal(oldCrossRef);
    expect(resyncs.get('2000')).to.deep.equal({
      crossRefIDorSnapshotData: { snapshotData: [{ connectionIdentifier: connectionID(callID, '2000'), localCallState: { compoundCallState: ['connected', 'connected'] } }] },
    });
    // events flow to the restored monitors
    const rec = recordEvents(session);
    await session.clearConnection({ connectionToBeCleared: connectionID(callID, '2001') });
    await rec.waitForCount(3);
    expect(rec.events.map((e) => `${e.device}:${e.type}`)).to.deep.equal(['2000:connectionCleared', '2001:connectionCleared', '2000:callCleared']);
  });

  it('receives a 100k event flood completely, without protocol errors', async function () {
    this.timeout(60_000);
    await session.monitorStart('2005');
    const errors: unknown[] = [];
    session.on('protocolError', (e) => errors.push(e));
    let count = 0;
    let last: unknown;
    session.on('event', (e, m) => {
      if (m?.device === '2005' && e.type === 'delivered') {
        count++;
        last = e.event;
      }
    });
    const done = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (count >= 100_000) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    const sent = await sim.flood(100_000, '2005');
    expect(sent).to.equal(100_000);
    await done;
    expect(count).to.equal(100_000);
    expect(errors).to.deep.equal([]);
    expect((last as { connection: unknown }).connection).to.deep.equal(connectionID('f00186a0', '2005'));
  });

  it('reports injected malformed frames as protocolError and keeps working', async () => {
    const errors: string[] = [];
    session.on('protocolError', (e) => errors.push(e.code));
    expect(sim.injectRaw(Buffer.from('0004a1ff0000', 'hex'))).to.equal(1); // a length16 frame holding garbage
    expect(sim.injectRaw(Buffer.from('000330010a', 'hex'))).to.equal(1); // well-formed BER, not a PDU
    const r = await session.requestSystemStatus({});
    expect(r).to.deep.equal({ systemStatus: 'normal' });
    expect(errors).to.have.length(2);
    expect(session.isAssociated).to.equal(true);
  });

  it('holds replies while paused and answers them in order on resume', async () => {
    sim.pause();
    let answered = 0;
    const a = session.requestSystemStatus({}).then(() => ++answered);
    const b = session.getDoNotDisturb({ device: deviceID('2000') }).then(() => ++answered);
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).to.equal(0);
    sim.resume();
    expect(await Promise.all([a, b])).to.deep.equal([1, 2]);
  });
});
