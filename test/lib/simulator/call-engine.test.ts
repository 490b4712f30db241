/**
 * The call engine on its own (no sockets): connection states and the events each device gets,
 * for the flows where the details matter — transfer and conference connection lists, three-party
 * calls, ACD queueing until an agent is ready, forwarding, call waiting, clearCall.
 */
import { expect } from 'chai';
import { CallFeatures } from '../../../lib/simulator/call-features.js';
import { Agents } from '../../../lib/simulator/agents.js';
import { SwitchState, defaultDevices } from '../../../lib/simulator/switch-state.js';
import type { DeviceEvent, EventSink } from '../../../lib/simulator/event-sink.js';
import { passesFilter } from '../../../lib/simulator/event-sink.js';
import { CstaFailure } from '../../../lib/simulator/errors.js';
import { connectionID } from '../../../lib/session/requests.js';

interface Seen {
  readonly device: string;
  readonly type: string;
  readonly event: Record<string, unknown>;
}

function setup(): { engine: CallFeatures; agents: Agents; seen: Seen[]; of: (device: string) => string[] } {
  const seen: Seen[] = [];
  const sink: EventSink = { report: (device: string, e: DeviceEvent) => seen.push({ device, type: e.type, event: e.event as Record<string, unknown> }) };
  const engine = new CallFeatures(new SwitchState(defaultDevices()), sink);
  return { engine, agents: new Agents(engine, sink), seen, of: (d) => seen.filter((s) => s.device === d).map((s) => `${s.type}:${String(s.event.localConnectionInfo ?? '-')}`) };
}

function states(call: { connections: Map<string, { state: unknown }> }): Record<string, string> {
  return Object.fromEntries([...call.connections].map(([d, c]) => [d, String(c.state)]));
}

describe('CallEngine', () => {
  it('internal call: per-device events and states, then the call is cleared when one party hangs up', () => {
    const { engine, of } = setup();
    const call = engine.originate('2000', '2001');
    expect(states(call)).to.deep.equal({ 2000: 'connected', 2001: 'alerting' });
    engine.answer(call, '2001');
    engine.clearConnection(call, '2000');
    expect(engine.state.calls.size).to.equal(0);
    expect(engine.state.callsOf('2001')).to.deep.equal([]);
    expect(of('2000')).to.deep.equal(['serviceInitiated:initiated', 'originated:connected', 'delivered:connected', 'established:connected', 'connectionCleared:null']);
    expect(of('2001')).to.deep.equal(['delivered:alerting', 'established:connected', 'connectionCleared:connected', 'callCleared:-']);
  });

  it('transfer: the remaining parties get a new call; transferredConnections map old to new connections', () => {
    const { engine, seen } = setup();
    const c1 = engine.inbound('+15551230000', '2000');
    engine.answer(c1, '2000');
    const c2 = engine.consult(c1, '2000', '3000');
    engine.answer(c2, '3000');
    const { call, connections } = engine.transfer(c1, c2, '2000');
    expect(states(call)).to.deep.equal({ '+15551230000': 'connected', 3000: 'connected' });
    expect(connections).to.deep.equal([
      { newConnection: connectionID(call.callID, '+15551230000'), oldConnection: connectionID(c1.callID, '+15551230000'), endpoint: { deviceID: { deviceIdentifier: { dialingNumber: '+15551230000' } } } },
      { newConnection: connectionID(call.callID, '3000'), oldConnection: connectionID(c2.callID, '3000'), endpoint: { deviceID: { deviceIdentifier: { dialingNumber: '3000' } } } },
    ]);
    expect(engine.state.calls.has(c1.callID) || engine.state.calls.has(c2.callID)).to.equal(false);
    const transferred = seen.filter((s) => s.type === 'transferred').map((s) => `${s.device}:${String(s.event.localConnectionInfo)}`);
    expect(transferred).to.deep.equal(['2000:null', '3000:connected']);
  });

  it('transfer needs a held and an active call at the same device', () => {
    const { engine } = setup();
    const c1 = engine.originate('2000', '2001');
    engine.answer(c1, '2001');
    const c2 = engine.originate('2002', '2003');
    expect(() => engine.transfer(c1, c2, '2000')).to.throw(CstaFailure).with.property('failure').deep.equal({ stateIncompatibility: 'invalidHeldConnectionState' });
  });

  it('conference: three parties in the held call; one leaving keeps the call up, the next clears it', () => {
    const { engine, seen } = setup();
    const c1 = engine.originate('2000', '2001');
    engine.answer(c1, '2001');
    const c2 = engine.consult(c1, '2000', '3000');
    engine.answer(c2, '3000');
    const { call, connections } = engine.conference(c1, c2, '2000');
    expect(call).to.equal(c1);
    expect(states(call)).to.deep.equal({ 2000: 'connected', 2001: 'connected', 3000: 'connected' });
    expect(connections.map((c) => c.oldConnection)).to.deep.equal([connectionID(c1.callID, '2000'), connectionID(c1.callID, '2001'), connectionID(c2.callID, '3000')]);
    engine.clearConnection(call, '2000');
    expect(states(call)).to.deep.equal({ 2001: 'connected', 3000: 'connected' });
    engine.clearConnection(call, '3000');
    expect(engine.state.calls.size).to.equal(0);
    expect(seen.filter((s) => s.type === 'callCleared').map((s) => s.device)).to.deep.equal(['2001']);
  });

  it('ACD: a call queues while no agent is ready and is distributed when one becomes ready', () => {
    const { engine, agents, of } = setup();
    const call = engine.inbound('+15551230000', '6000');
    expect(states(call)).to.deep.equal({ '+15551230000': 'connected', 6000: 'queued' });
    agents.set({ device: '2002', requested: 'loggedOn', agentID: '0042' });
    expect(states(call)).to.deep.equal({ '+15551230000': 'connected', 6000: 'queued' });
    agents.set({ device: '2002', requested: 'ready' });
    expect(states(call)).to.deep.equal({ '+15551230000': 'connected', 2002: 'alerting' });
    expect(call.lastRedirection).to.equal('6000');
    expect(of('6000')).to.deep.equal(['queued:queued', 'diverted:null']);
    expect(of('2002')).to.deep.equal(['agentLoggedOn:-', 'agentReady:-', 'delivered:alerting', 'agentBusy:-']);
    expect(() => agents.set({ device: '2002', requested: 'loggedOn' })).to.throw(CstaFailure);
  });

  it('forwarding: busy forward diverts when the station is on a call; no-answer forward on noAnswer', () => {
    const { engine } = setup();
    engine.state.device('2001').forwarding.set('forwardBusy', { type: 'forwardBusy', destination: '3001' });
    engine.state.device('2001').forwarding.set('forwardNoAns', { type: 'forwardNoAns', destination: '3002' });
    const first = engine.originate('2000', '2001');
    engine.answer(first, '2001');
    const second = engine.originate('2002', '2001');
    expect(states(second)).to.deep.equal({ 2002: 'connected', 3001: 'alerting' });
    expect(second.lastRedirection).to.equal('2001');
    engine.clearCall(first);
    const third = engine.originate('2003', '2001');
    engine.noAnswer(third, '2001');
    expect(states(third)).to.deep.equal({ 2003: 'connected', 3002: 'alerting' });
  });

  it('busy without call waiting, alerting with it', () => {
    const { engine, seen } = setup();
    const first = engine.originate('2000', '2001');
    engine.answer(first, '2001');
    const busy = engine.originate('2002', '2001');
    expect(states(busy)).to.deep.equal({ 2002: 'connected' });
    expect(seen.filter((s) => s.type === 'failed').map((s) => s.event.cause)).to.deep.equal(['busy']);
    engine.state.callWaiting = true;
    const waiting = engine.originate('2003', '2001');
    expect(states(waiting)).to.deep.equal({ 2003: 'connected', 2001: 'alerting' });
  });

  it('clearCall clears every party; unknown calls and devices fail with the CSTA error', () => {
    const { engine, of } = setup();
    const call = engine.originate('2000', '2001');
    engine.clearCall(call);
    expect(engine.state.calls.size).to.equal(0);
    expect(of('2001')).to.deep.equal(['delivered:alerting', 'callCleared:-']);
    expect(() => engine.state.call('abcd')).to.throw(CstaFailure).with.property('failure').deep.equal({ operation: 'invalidCallID' });
    expect(() => engine.originate('2000', '4321')).to.throw(CstaFailure).with.property('failure').deep.equal({ operation: 'invalidDestination' });
    expect(() => engine.originate('6000', '2001')).to.throw(CstaFailure).with.property('failure').deep.equal({ operation: 'invalidCallingDeviceID' });
  });

  it('monitor filters: a set bit filters the event out', () => {
    expect(passesFilter(undefined, 'callControlEvents', 'delivered')).to.equal(true);
    expect(passesFilter({ callControl: ['delivered'] }, 'callControlEvents', 'delivered')).to.equal(false);
    expect(passesFilter({ callControl: ['delivered'] }, 'callControlEvents', 'established')).to.equal(true);
    expect(passesFilter({ logicalDeviceFeature: ['agentReady'] }, 'logicalDeviceFeatureEvents', 'agentReady')).to.equal(false);
  });
});
