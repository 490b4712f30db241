import { expect } from 'chai';
import { PegaCtiLink } from '../../../lib/pega/link.js';
import type { PegaLinkSession } from '../../../lib/pega/link.js';
import type { PegaLinkLike } from '../../../lib/pega/gateway/types.js';
import type { CstaSession } from '../../../lib/session/session.js';
import { RemoteOperationError } from '../../../lib/session/errors.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import type { Monitor } from '../../../lib/session/monitors.js';
import { validatePegaEvent } from '../../../lib/pega/schemas.js';
import type { PegaEvent, SnapshotEvent } from '../../../lib/pega/types.js';
import { FakeSession } from './fake-session.js';

// Compile-time: a real CstaSession fits the link, and the link fits the gateway's contract.
export const sessionFits = (s: CstaSession): PegaLinkSession => s;
export const linkFits = (l: PegaCtiLink): PegaLinkLike => l;

const hex = (s: string): string => Buffer.from(s).toString('hex');
const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });
const monitorOf = (device: string, crossRefIdentifier = '0001'): Monitor => ({ device, deviceID: dev(device), crossRefIdentifier, requestedFilter: undefined });

const SNAPSHOT_ONE_CALL = { crossRefIDorSnapshotData: { snapshotData: [{ connectionIdentifier: conn('002a', '2000'), endpointDevice: { deviceIdentifier: dev('0612345678') }, localCallState: { simpleCallState: 'callEstablished' } }] } };
const AGENT_READY = { agentStateList: [{ agentID: hex('5501'), loggedOn: true, agentInfo: [{ agentState: 'agentReady' }] }] };

function delivered(callID: string, at: string, from: string): CstaEvent {
  return {
    category: 'callControlEvents',
    type: 'delivered',
    crossRefIdentifier: '0001',
    event: {
      connection: conn(callID, at),
      alertingDevice: { deviceIdentifier: dev(at) },
      callingDevice: { deviceIdentifier: dev(from) },
      calledDevice: { deviceIdentifier: dev(at) },
      lastRedirectionDevice: { notKnown: null },
      cause: 'newCall',
    },
  } as CstaEvent;
}

function collect(link: PegaCtiLink): [string, PegaEvent][] {
  const out: [string, PegaEvent][] = [];
  link.on('event', (agentId, e) => out.push([agentId, e]));
  return out;
}

describe('PegaCtiLink', () => {
  it('login: monitorStart, setAgentState loggedOn, snapshot from snapshotDevice + getAgentState', async () => {
    const session = new FakeSession().answer('monitorStart', { crossRefIdentifier: '0007' }).answer('snapshotDevice', SNAPSHOT_ONE_CALL).answer('getAgentState', AGENT_READY);
    const link = new PegaCtiLink(session);
    const events = collect(link);
    const result = await link.login({ agentId: '5501', device: '2000', password: '1234' });
    expect(result).to.deep.equal({ ok: true });
    expect(session.operations).to.deep.equal(['monitorStart', 'setAgentState', 'snapshotDevice', 'getAgentState']);
    expect(session.requests[1]!.argument).to.deep.equal({ device: dev('2000'), requestedAgentState: 'loggedOn', agentID: hex('5501'), password: hex('1234') });
    // The Snapshot, then the live call replayed as a CallStateEvent.
    expect(events).to.have.length(2);
    expect(events[1]![1]).to.deep.include({ pyEventType: 'CallStateEvent', pyEventName: 'Established', pyCallId: '002a', pyOtherDN: '0612345678' });
    const [agentId, snap] = events[0]!;
    expect(agentId).to.equal('5501');
    expect(snap).to.deep.equal({
      pyEventType: 'SnapshotEvent',
      pyEventName: 'Snapshot',
      pyAgentId: '5501',
      pyAgentState: 'Ready',
      pyReasonCode: '',
      pyWorkMode: 'MODE_NONE',
      pyDeviceState: 'OPENED',
      pyLinkState: 'CONNECTED',
      pyMedia: 'Phone',
      pyThisDN: '2000',
      pyCalls: [{ pyCallId: '002a', pyCallState: 'Established', pyOtherDN: '0612345678' }],
    });
    expect(validatePegaEvent(snap)).to.deep.equal([]);
    expect(link.agentAt('2000')?.monitor?.crossRefIdentifier).to.equal('0007');
  });

  it('login with a reason code logs in NotReady', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000', reasonCode: '4' });
    expect(session.operations).to.deep.equal(['monitorStart', 'setAgentState', 'setAgentState', 'snapshotDevice']);
    expect(session.requests[2]!.argument).to.deep.include({ requestedAgentState: 'notReady' });
  });

  it('refuses a login of the same agent at another device, and of another agent at a device in use', async () => {
    const link = new PegaCtiLink(new FakeSession());
    await link.login({ agentId: '5501', device: '2000' });
    expect(await link.login({ agentId: '5501', device: '2001' })).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_LOGGED_IN' });
    expect(await link.login({ agentId: '5502', device: '2000' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(await link.login({ agentId: '', device: '2000' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
  });

  it('a refused login stops the monitor and leaves the agent logged out', async () => {
    const session = new FakeSession().answer('setAgentState', new RemoteOperationError('setAgentState', 3, { operation: 'invalidAgentPassword' }));
    const link = new PegaCtiLink(session);
    const events = collect(link);
    const result = await link.login({ agentId: '5501', device: '2000', password: 'bad' });
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_401' });
    expect(session.operations).to.deep.equal(['monitorStart', 'setAgentState', 'monitorStop']);
    expect(events).to.have.length(0);
    expect(await link.request('5501', { action: 'agentReady' })).to.deep.include({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
  });

  it('accepts an agent the switch already has logged on (featureAlreadySet, or a refusal while getAgentState shows the agent logged on)', async () => {
    const already = new FakeSession().answer('setAgentState', new RemoteOperationError('setAgentState', 3, { operation: 'featureAlreadySet' }));
    expect(await new PegaCtiLink(already).login({ agentId: '5501', device: '2000' })).to.deep.equal({ ok: true });
    const session = new FakeSession().answer('setAgentState', new RemoteOperationError('setAgentState', 3, { stateIncompatibility: 'invalidObjectState' })).answer('getAgentState', AGENT_READY);
    expect(await new PegaCtiLink(session).login({ agentId: '5501', device: '2000' })).to.deep.equal({ ok: true });
  });

  it('a monitorStart failure is the login result', async () => {
    const session = new FakeSession().answer('monitorStart', new RemoteOperationError('monitorStart', 1, { operation: 'invalidMonitorObject' }));
    const link = new PegaCtiLink(session);
    expect(await link.login({ agentId: '5501', device: '2000' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(link.agents).to.have.length(0);
  });

  it("emits the mapped events of the agent's device only", async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session);
    await link.login({ agentId: '5501', device: '2000' });
    const events = collect(link);
    session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'));
    session.emit('event', delivered('002b', '3000', '0612345678'), monitorOf('3000', '0002'));
    session.emit('event', delivered('002c', '2000', '0612345678'), undefined);
    expect(events).to.have.length(1);
    expect(events[0]![0]).to.equal('5501');
    expect(events[0]![1]).to.deep.include({ pyEventType: 'CallStateEvent', pyEventName: 'Alerting', pyCallId: '002a', pyCallType: 'INBOUND' });
  });

  it('carries out requests for logged-in agents and checks untrusted input', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session);
    await link.login({ agentId: '5501', device: '2000' });
    session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'));
    const before = session.requests.length;
    expect(await link.request('5501', { action: 'answerCall', callId: '002a' })).to.deep.equal({ ok: true, callId: '002a' });
    expect(session.requests[before]).to.deep.include({ operation: 'answerCall', argument: { callToBeAnswered: conn('002a', '2000') } });
    expect(await link.request('9999', { action: 'answerCall', callId: '002a' })).to.deep.include({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
    // A holdCall without its callId is refused at run time.
    // @ts-expect-error a request without its callId is a compile error
    expect(await link.request('5501', { action: 'holdCall' })).to.deep.include({ errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    // @ts-expect-error untyped input (JSON from elsewhere) is still checked at run time
    expect(await link.request('5501', 'nonsense')).to.deep.include({ errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    // A call that is not on the agent's line is refused without a CSTA request.
    expect(await link.request('5501', { action: 'holdCall', callId: '002b' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(session.requests.length).to.equal(before + 1);
  });

  it('link down → Snapshot DISCONNECTED; resync → Snapshot CONNECTED with the switch\'s calls', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    session.emit('event', delivered('0099', '2000', '0612345678'), monitorOf('2000'));
    const events = collect(link);
    session.emit('status', { type: 'reconnecting', attempt: 1, delayMs: 10, error: undefined });
    expect(link.linkState).to.equal('DISCONNECTED');
    expect(events).to.have.length(1);
    expect(events[0]![1]).to.deep.include({ pyEventType: 'SnapshotEvent', pyLinkState: 'DISCONNECTED', pyDeviceState: 'CLOSED' });
    // The session restores monitors and reports 'resync' before its 'associated' status.
    session.emit('resync', monitorOf('2000', '0009'), SNAPSHOT_ONE_CALL as never, undefined);
    await new Promise((r) => setImmediate(r));
    session.emit('status', { type: 'associated', versions: undefined, reconnected: true });
    expect(link.linkState).to.equal('CONNECTED');
    // The resync Snapshot, then the live call replayed.
    expect(events).to.have.length(3);
    expect(events[2]![1]).to.deep.include({ pyEventType: 'CallStateEvent', pyEventName: 'Established', pyCallId: '002a' });
    const snap = events[1]![1] as SnapshotEvent;
    expect(snap).to.deep.include({ pyLinkState: 'CONNECTED', pyDeviceState: 'OPENED' });
    // 0099 ended while the link was down; 002a is what the switch has now.
    expect(snap.pyCalls).to.deep.equal([{ pyCallId: '002a', pyCallState: 'Established', pyOtherDN: '0612345678' }]);
    expect(link.agentAt('2000')?.monitor?.crossRefIdentifier).to.equal('0009');
  });

  it('logout: setAgentState loggedOff, monitorStop, final Snapshot Logout/CLOSED', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    const events = collect(link);
    const before = session.requests.length;
    expect(await link.request('5501', { action: 'logout', reasonCode: '9' })).to.deep.equal({ ok: true });
    expect(session.operations.slice(before)).to.deep.equal(['setAgentState', 'monitorStop']);
    expect(session.requests[before]!.argument).to.deep.include({ requestedAgentState: 'loggedOff' });
    expect(events.map(([, e]) => e)).to.deep.equal([
      { pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: '5501', pyAgentState: 'Logout', pyReasonCode: '9', pyWorkMode: 'MODE_NONE', pyDeviceState: 'CLOSED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: '2000', pyCalls: [] },
    ]);
    expect(link.agents).to.have.length(0);
    expect(await link.logout('5501')).to.deep.include({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
  });

  it('a throwing listener does not break the session side; it is reported as a warning', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session);
    await link.login({ agentId: '5501', device: '2000' });
    const warnings: Error[] = [];
    link.on('warning', (e) => warnings.push(e));
    link.on('event', () => {
      throw new Error('toolbar bug');
    });
    expect(() => session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'))).not.to.throw();
    expect(warnings.map((w) => w.message)).to.deep.equal(['toolbar bug']);
  });

  it('detach stops listening to the session', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session);
    await link.login({ agentId: '5501', device: '2000' });
    const events = collect(link);
    link.detach();
    session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'));
    expect(events).to.have.length(0);
  });
});
