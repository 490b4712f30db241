/**
 * Telephony modes and agent-state details of PegaCtiLink: screen-pop-only login, work mode and
 * queue at login, reason codes / work modes through an AgentStateHook, and live calls replayed as
 * CallStateEvents after a refresh.
 */
import { expect } from 'chai';
import { PegaCtiLink } from '../../../lib/pega/link.js';
import { AGENT_STATE_HOOK_SUPPORT, AVAYA_DMCC_AGENT_STATE_HOOK, agentStateHookForProfile } from '../../../lib/pega/agent-state-hook.js';
import type { PegaEvent } from '../../../lib/pega/types.js';
import { VENDOR_PROFILE_NAMES } from '../../../protocol/profiles/index.js';
import { encodeXml, decodeXml } from '../../../protocol/xml/index.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import type { Monitor } from '../../../lib/session/monitors.js';
import { CallModel } from '../../../lib/session/model/call-model.js';
import { FakeSession } from './fake-session.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });
const monitorOf = (device: string): Monitor => ({ device, deviceID: dev(device), crossRefIdentifier: '0001', requestedFilter: undefined });
const xmlSession = (): FakeSession => Object.assign(new FakeSession(), { octetStrings: 'text' as const });

function collect(link: PegaCtiLink): PegaEvent[] {
  const out: PegaEvent[] = [];
  link.on('event', (_a, e) => out.push(e));
  return out;
}
const ev = (type: string, event: unknown): CstaEvent => ({ category: 'callControlEvents', type, crossRefIdentifier: '0001', event }) as unknown as CstaEvent;

describe('PegaCtiLink telephony modes', () => {
  it('screen-pop-only login: monitor only, no setAgentState, call events flow, agent requests refused', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session);
    const events = collect(link);
    expect(await link.login({ agentId: '5501', device: '2000', screenPopOnly: true })).to.deep.equal({ ok: true });
    expect(session.operations).to.deep.equal(['monitorStart', 'snapshotDevice']);
    expect(events[0]).to.deep.include({ pyEventType: 'SnapshotEvent', pyAgentState: 'Unknown', pyDeviceState: 'OPENED' });
    session.emit('event', ev('delivered', { connection: conn('01', '2000'), alertingDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' }), monitorOf('2000'));
    expect(events[1]).to.deep.include({ pyEventName: 'Alerting', pyCallId: '01' });
    expect(await link.request('5501', { action: 'agentReady' })).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_405' });
    expect(await link.request('5501', { action: 'answerCall', callId: '01' })).to.deep.equal({ ok: true, callId: '01' });
    const before = session.requests.length;
    expect(await link.logout('5501')).to.deep.equal({ ok: true });
    expect(session.operations.slice(before)).to.deep.equal(['monitorStop']);
  });

  it('work mode and queue at login: loggedOn then ready, both with the queue as the ACD group', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false, acdGroup: '9000' });
    const events = collect(link);
    await link.login({ agentId: '5501', device: '2000', workMode: 'MODE_MANUAL_IN', queue: '6001' });
    const states = session.requests.filter((r) => r.operation === 'setAgentState').map((r) => r.argument as { requestedAgentState: string; group?: unknown });
    expect(states.map((a) => a.requestedAgentState)).to.deep.equal(['loggedOn', 'ready']);
    for (const a of states) expect(a.group).to.deep.equal(dev('6001'));
    expect(events[0]).to.deep.include({ pyAgentState: 'Ready', pyWorkMode: 'MODE_MANUAL_IN' });
    await link.request('5501', { action: 'agentNotReady', reasonCode: '2' });
    expect((session.requests.at(-1)!.argument as { group?: unknown }).group).to.deep.equal(dev('6001'));
  });

  it('replays the live calls as CallStateEvents after a refresh (one per call, after the Snapshot)', async () => {
    const snapshot = {
      crossRefIDorSnapshotData: {
        snapshotData: [
          { connectionIdentifier: conn('0a', '2000'), endpointDevice: { deviceIdentifier: dev('0611111111') }, localCallState: { simpleCallState: 'callEstablishedOnHold' } },
          { connectionIdentifier: conn('0b', '2000'), endpointDevice: { deviceIdentifier: dev('3000') }, localCallState: { compoundCallState: ['connected', 'connected'] } },
          { connectionIdentifier: conn('0c', '2000'), endpointDevice: { deviceIdentifier: dev('0622222222') }, localCallState: { simpleCallState: 'callReceived' } },
        ],
      },
    };
    const session = new FakeSession().answer('snapshotDevice', snapshot);
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    const events = collect(link);
    await link.refresh('5501');
    expect(events.map((e) => [e.pyEventType, e.pyEventName, 'pyCallId' in e ? e.pyCallId : ''])).to.deep.equal([
      ['SnapshotEvent', 'Snapshot', ''],
      ['CallStateEvent', 'Held', '0a'],
      ['CallStateEvent', 'Established', '0b'],
      ['CallStateEvent', 'Alerting', '0c'],
    ]);
    expect(events[1]).to.deep.include({ pyOtherDN: '0611111111', pyMedia: 'Phone', pyThisDN: '2000' });
  });
});

describe('PegaCtiLink and the session call model', () => {
  it('refresh reads the calls from the session model (no snapshotDevice) and replays them', async () => {
    const model = new CallModel();
    const session = Object.assign(new FakeSession(), { model });
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    const delivered = ev('delivered', { connection: conn('01', '2000'), alertingDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' });
    const established = ev('established', { establishedConnection: conn('01', '2000'), answeringDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' });
    for (const e of [delivered, established]) {
      model.apply('2000', e); // what CstaSession does before emitting 'event'
      session.emit('event', e, monitorOf('2000'));
    }
    // A call the Pega line missed (its events were lost) but the model has: the model wins.
    model.apply('2000', ev('delivered', { connection: conn('02', '2000'), alertingDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0699999999') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' }));
    const events = collect(link);
    const before = session.requests.length;
    const snap = await link.refresh('5501');
    expect(session.operations.slice(before)).to.deep.equal([]);
    expect(snap?.pyCalls).to.deep.equal([
      { pyCallId: '01', pyCallState: 'Established', pyOtherDN: '0612345678' },
      { pyCallId: '02', pyCallState: 'Alerting', pyOtherDN: '0699999999' },
    ]);
    expect(events.slice(1).map((e) => [e.pyEventName, 'pyCallId' in e ? e.pyCallId : ''])).to.deep.equal([['Established', '01'], ['Alerting', '02']]);
  });
  it('a call that begins while the refresh waits for getAgentState is in the snapshot and stays on the line', async () => {
    const model = new CallModel();
    const session = Object.assign(new FakeSession(), { model });
    const link = new PegaCtiLink(session);
    await link.login({ agentId: '5501', device: '2000' });
    model.applySnapshot('2000', { crossRefIDorSnapshotData: { snapshotData: [] } } as never); // monitored, idle
    let release: (v: unknown) => void = () => undefined;
    session.answer('getAgentState', () => new Promise((resolve) => { release = resolve; }));
    const events = collect(link);
    const refreshed = link.refresh('5501');
    await new Promise((r) => setImmediate(r));
    // The call arrives while getAgentState is outstanding (a socket opening as the phone rings).
    const delivered = ev('delivered', { connection: conn('07', '2000'), alertingDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' });
    model.apply('2000', delivered);
    session.emit('event', delivered, monitorOf('2000'));
    release({ agentStateList: [] });
    const snap = await refreshed;
    expect(snap?.pyCalls).to.deep.equal([{ pyCallId: '07', pyCallState: 'Alerting', pyOtherDN: '0612345678' }]);
    // The line still knows the call: answering without a call id finds it.
    expect(await link.request('5501', { action: 'answerCall', callId: '' })).to.deep.equal({ ok: true, callId: '07' });
    expect(events.map((e) => e.pyEventName)).to.include.members(['Alerting', 'Snapshot']);
  });
});

describe('AgentStateHook', () => {
  it('Avaya DMCC: work mode on ready and reason code on notReady go out as Avaya private data', async () => {
    const session = xmlSession();
    const link = new PegaCtiLink(session, { queryAgentState: false, agentStateHook: AVAYA_DMCC_AGENT_STATE_HOOK });
    await link.login({ agentId: '5501', device: '2000', workMode: 'MODE_AUTO_IN' });
    await link.request('5501', { action: 'agentNotReady', reasonCode: '7' });
    const args = session.requests.filter((r) => r.operation === 'setAgentState').map((r) => r.argument as { requestedAgentState: string; extensions?: { privateData: { private: { xml: string } }[] } });
    expect(args.map((a) => [a.requestedAgentState, a.extensions?.privateData[0]?.private.xml])).to.deep.equal([
      ['loggedOn', '<SetAgentStatePrivateData xmlns="http://www.avaya.com/csta"><workMode>AUTO_IN</workMode></SetAgentStatePrivateData>'],
      ['ready', '<SetAgentStatePrivateData xmlns="http://www.avaya.com/csta"><workMode>AUTO_IN</workMode></SetAgentStatePrivateData>'],
      ['notReady', '<SetAgentStatePrivateData xmlns="http://www.avaya.com/csta"><reasonCode>7</reasonCode></SetAgentStatePrivateData>'],
    ]);
  });

  it('the private data survives the XML codec as the vendor element inside <extensions><privateData><private>', () => {
    const hooked = AVAYA_DMCC_AGENT_STATE_HOOK.privateData({ requestedAgentState: 'notReady', reasonCode: '3', octets: 'text' });
    expect(hooked.kind).to.equal('privateData');
    const argument = { device: dev('2000'), requestedAgentState: 'notReady', extensions: { privateData: hooked.kind === 'privateData' ? [...hooked.privateData] : [] } };
    const xml = encodeXml({ pdu: 'invoke', invokeId: 5, operation: 'setAgentState', argument } as never);
    expect(xml).to.contain('<private><SetAgentStatePrivateData xmlns="http://www.avaya.com/csta"><reasonCode>3</reasonCode></SetAgentStatePrivateData></private>');
    const back = decodeXml(xml, 5) as unknown as { argument: typeof argument };
    expect(back.argument.extensions).to.deep.equal(argument.extensions);
  });

  it('a reason code Avaya cannot take is refused before any request; BER sessions get nothing', async () => {
    const session = xmlSession();
    const link = new PegaCtiLink(session, { queryAgentState: false, agentStateHook: AVAYA_DMCC_AGENT_STATE_HOOK });
    await link.login({ agentId: '5501', device: '2000' });
    const before = session.requests.length;
    expect(await link.request('5501', { action: 'agentNotReady', reasonCode: 'Break-Coffee' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(session.requests.length).to.equal(before);
    expect(AVAYA_DMCC_AGENT_STATE_HOOK.privateData({ requestedAgentState: 'notReady', reasonCode: '3', octets: 'hex' })).to.deep.equal({ kind: 'none' });
  });

  it('every vendor profile has an entry: a hook, or why there is none', () => {
    for (const name of VENDOR_PROFILE_NAMES) expect(AGENT_STATE_HOOK_SUPPORT, name).to.have.property(name);
    expect(agentStateHookForProfile('avaya-dmcc')).to.equal(AVAYA_DMCC_AGENT_STATE_HOOK);
    expect(agentStateHookForProfile('openscape-voice')).to.equal(undefined);
    expect(agentStateHookForProfile('constructor')).to.equal(undefined);
  });
});
