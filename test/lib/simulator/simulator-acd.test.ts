/**
 * ACD agent state following calls, through a real CstaSession over 127.0.0.1: a ready agent
 * offered an ACD call becomes busy (agentBusy); when the call ends it goes back to ready, or to
 * after-call work (global or per-station option); a state requested during the call is pending
 * (agentBusy with pendingAgentState, getAgentState shows it) and applied at the end. Also: deflecting
 * to a party already in the call is refused and changes nothing; escape echoes its private data.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { RemoteOperationError } from '../../../lib/session/errors.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import type { DeviceConfig } from '../../../lib/simulator/switch-state.js';
import { recordEvents } from '../../../lib/simulator/observer.js';
import type { EventRecorder } from '../../../lib/simulator/observer.js';

const dev = deviceID;
const conn = connectionID;

function callIdOf(c: unknown): string {
  return (c as { both: { callID: string } }).both.callID;
}

function field(e: { event: unknown }, name: string): unknown {
  return (e.event as Record<string, unknown>)[name];
}

describe('PbxSimulator: ACD agent state follows calls', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let rec: EventRecorder;

  async function start(options: PbxSimulatorOptions = {}): Promise<void> {
    sim = new PbxSimulator(options);
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    rec = recordEvents(session);
  }
  afterEach(async () => {
    rec?.stop();
    await session?.close();
    await sim?.close();
  });

  async function readyAgent(station: string, agentID: string): Promise<void> {
    await session.setAgentState({ device: dev(station), requestedAgentState: 'loggedOn', agentID, group: dev('6000') });
    await session.setAgentState({ device: dev(station), requestedAgentState: 'ready' });
  }

  /** Station `from` calls the ACD group; returns the callID. */
  async function callGroup(from: string): Promise<string> {
    return callIdOf((await session.makeCall({ callingDevice: dev(from), calledDirectoryNumber: dev('6000') })).callingDevice);
  }

  async function agentState(station: string): Promise<unknown> {
    return (await session.getAgentState({ device: dev(station) })).agentStateList[0]!.agentInfo![0];
  }

  /** The event types seen at `device` from index `from` on. */
  function typesAt(device: string, from = 0): string[] {
    return rec.events.filter((e) => e.device === device).slice(from).map((e) => e.type);
  }

  it('after-call work off (default): delivered → agentBusy, established, cleared → agentReady; getAgentState follows', async () => {
    await start();
    await session.monitorStart('2000');
    await readyAgent('2000', '0007');
    const id = await callGroup('3000');
    await rec.waitFor((e) => e.type === 'agentBusy');
    const busy = rec.events.find((e) => e.type === 'agentBusy')!;
    expect(field(busy, 'agentDevice')).to.deep.equal({ deviceIdentifier: dev('2000') });
    expect(field(busy, 'agentID')).to.equal('0007');
    expect(field(busy, 'acdGroup')).to.deep.equal(dev('6000'));
    expect(field(busy, 'pendingAgentState')).to.equal(undefined);
    expect(await agentState('2000')).to.deep.equal({ acdGroup: dev('6000'), agentState: 'agentBusy' });
    await session.answerCall({ callToBeAnswered: conn(id, '2000') });
    await session.clearConnection({ connectionToBeCleared: conn(id, '3000') });
    await rec.waitFor((e) => e.type === 'agentReady' && rec.events.indexOf(e) > 2);
    expect(typesAt('2000')).to.deep.equal(['agentLoggedOn', 'agentReady', 'delivered', 'agentBusy', 'established', 'connectionCleared', 'callCleared', 'agentReady']);
    expect(await agentState('2000')).to.deep.equal({ acdGroup: dev('6000'), agentState: 'agentReady' });
  });

  it('after-call work on: the call ends in agentWorkingAfterCall; a call queued meanwhile is distributed once the agent is ready', async () => {
    await start({ afterCallWork: true });
    await session.monitorStart('2000');
    await readyAgent('2000', '0007');
    const id = await callGroup('3000');
    await session.answerCall({ callToBeAnswered: conn(id, '2000') });
    await session.clearConnection({ connectionToBeCleared: conn(id, '2000') });
    const acw = await rec.waitFor((e) => e.type === 'agentWorkingAfterCall');
    expect(field(acw, 'agentID')).to.equal('0007');
    expect(await agentState('2000')).to.deep.equal({ acdGroup: dev('6000'), agentState: 'agentWorkingAfterCall' });
    const queued = await callGroup('3001');
    expect(sim.state.call(queued).connections.get('6000')!.state).to.equal('queued');
    const mark = typesAt('2000').length;
    await session.setAgentState({ device: dev('2000'), requestedAgentState: 'ready' });
    await rec.waitFor(() => typesAt('2000', mark).length >= 3);
    expect(typesAt('2000', mark)).to.deep.equal(['agentReady', 'delivered', 'agentBusy']);
    expect(sim.state.call(queued).connections.get('2000')!.state).to.equal('alerting');
    expect(typesAt('2000').slice(0, mark)).to.deep.equal(['agentLoggedOn', 'agentReady', 'delivered', 'agentBusy', 'established', 'connectionCleared', 'agentWorkingAfterCall']);
  });

  it('after-call work per station: DeviceConfig.afterCallWork overrides the global option', async () => {
    const devices: DeviceConfig[] = [
      { number: '2000', kind: 'station', afterCallWork: true },
      { number: '2001', kind: 'station' },
      { number: '2002', kind: 'station', afterCallWork: false },
      { number: '3000', kind: 'station' },
      { number: '6000', kind: 'acdGroup', members: ['2000', '2001', '2002'] },
    ];
    await start({ devices });
    for (const d of ['2000', '2001']) await session.monitorStart(d);
    await readyAgent('2000', 'a0');
    await readyAgent('2001', 'a1');
    for (const agent of ['2000', '2001']) {
      const id = await callGroup('3000');
      expect(sim.state.call(id).connections.get(agent)!.state).to.equal('alerting');
      await session.answerCall({ callToBeAnswered: conn(id, agent) });
      await session.clearConnection({ connectionToBeCleared: conn(id, '3000') });
    }
    await rec.waitFor((e) => e.device === '2001' && e.type === 'agentReady' && typesAt('2001').length > 3);
    expect(typesAt('2000').at(-1)).to.equal('agentWorkingAfterCall');
    expect(typesAt('2001').slice(2)).to.deep.equal(['delivered', 'agentBusy', 'established', 'connectionCleared', 'callCleared', 'agentReady']);
    expect(sim.agents.afterCallWorkAt('2000')).to.equal(true);
    expect(sim.agents.afterCallWorkAt('2001')).to.equal(false);
    sim.agents.setAfterCallWork(true);
    expect([sim.agents.afterCallWorkAt('2001'), sim.agents.afterCallWorkAt('2002')]).to.deep.equal([true, false]);
  });

  it('a state requested during the call is pending: agentBusy with pendingAgentState, applied when the call ends', async () => {
    await start({ afterCallWork: true });
    await session.monitorStart('2000');
    await readyAgent('2000', '0007');
    const id = await callGroup('3000');
    await session.answerCall({ callToBeAnswered: conn(id, '2000') });
    expect(await session.setAgentState({ device: dev('2000'), requestedAgentState: 'notReady' })).to.deep.equal({});
    const pending = await rec.waitFor((e) => e.type === 'agentBusy' && field(e, 'pendingAgentState') !== undefined);
    expect(field(pending, 'pendingAgentState')).to.equal('agentNotReady');
    expect(await agentState('2000')).to.deep.equal({ acdGroup: dev('6000'), agentState: 'agentBusy', pendingAgentState: 'agentNotReady' });
    // A later request replaces the pending state.
    await session.setAgentState({ device: dev('2000'), requestedAgentState: 'loggedOff' });
    await rec.waitFor((e) => e.type === 'agentBusy' && field(e, 'pendingAgentState') === 'agentNull');
    expect(sim.state.call(id).connections.get('2000')!.state).to.equal('connected');
    await session.clearConnection({ connectionToBeCleared: conn(id, '3000') });
    await rec.waitFor((e) => e.type === 'agentLoggedOff');
    expect(typesAt('2000')).to.deep.equal(['agentLoggedOn', 'agentReady', 'delivered', 'agentBusy', 'established', 'agentBusy', 'agentBusy', 'connectionCleared', 'callCleared', 'agentLoggedOff']);
    expect((await session.getAgentState({ device: dev('2000') })).agentStateList).to.deep.equal([{ loggedOn: false }]);
  });

  it('an ACD call abandoned while alerting leaves the agent ready (no after-call work); a direct call does not make it busy', async () => {
    await start({ afterCallWork: true });
    await session.monitorStart('2000');
    await readyAgent('2000', '0007');
    const id = await callGroup('3000');
    await rec.waitFor((e) => e.type === 'agentBusy');
    await session.clearConnection({ connectionToBeCleared: conn(id, '3000') });
    await rec.waitFor((e) => e.type === 'agentReady' && typesAt('2000').length > 4);
    expect(typesAt('2000')).to.deep.equal(['agentLoggedOn', 'agentReady', 'delivered', 'agentBusy', 'connectionCleared', 'callCleared', 'agentReady']);
    const direct = callIdOf((await session.makeCall({ callingDevice: dev('3000'), calledDirectoryNumber: dev('2000') })).callingDevice);
    await session.answerCall({ callToBeAnswered: conn(direct, '2000') });
    await session.clearConnection({ connectionToBeCleared: conn(direct, '2000') });
    await rec.waitFor((e) => e.type === 'connectionCleared' && rec.events.indexOf(e) > 5);
    await session.requestSystemStatus({});
    expect(typesAt('2000', 7)).to.deep.equal(['delivered', 'established', 'connectionCleared']);
    expect(await agentState('2000')).to.deep.equal({ acdGroup: dev('6000'), agentState: 'agentReady' });
  });
});

describe('PbxSimulator: deflect and escape', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let rec: EventRecorder;

  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    rec = recordEvents(session);
  });
  afterEach(async () => {
    rec.stop();
    await session.close();
    await sim.close();
  });

  it('deflectCall to a party already in the call (or to itself) fails with invalidDestination and changes nothing', async () => {
    await session.monitorStart('2000');
    await session.monitorStart('2001');
    const id = callIdOf((await session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('2001') })).callingDevice);
    await rec.waitForCount(4);
    const before = rec.events.length;
    for (const to of ['2000', '2001']) {
      const e = await session.deflectCall({ callToBeDiverted: conn(id, '2001'), newDestination: dev(to) }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).to.be.instanceOf(RemoteOperationError);
      expect([(e as RemoteOperationError).category, (e as RemoteOperationError).value]).to.deep.equal(['operation', 'invalidDestination']);
    }
    await session.requestSystemStatus({});
    expect(rec.events.length, 'no event for a refused deflect').to.equal(before);
    expect(Object.fromEntries([...sim.state.call(id).connections].map(([d, c]) => [d, c.state]))).to.deep.equal({ 2000: 'connected', 2001: 'alerting' });
    // The call can still be deflected elsewhere.
    await session.deflectCall({ callToBeDiverted: conn(id, '2001'), newDestination: dev('2002') });
    expect(sim.state.call(id).connections.get('2002')!.state).to.equal('alerting');
  });

  it('escape echoes the private data it received (string and vendor-encoded private alternatives)', async () => {
    expect(await session.escape({ privateData: { string: 'cafe' } })).to.deep.equal({ extensions: { privateData: [{ string: 'cafe' }] } });
    const vendor = { private: { tlv: 'a503020107' } }; // a vendor's [5] { INTEGER 7 }
    expect(await session.escape({ privateData: vendor })).to.deep.equal({ extensions: { privateData: [vendor] } });
  });
});
