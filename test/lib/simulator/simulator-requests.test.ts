/**
 * Every request a CstaSession can send, through a real session over 127.0.0.1 against the
 * simulator: the right typed result, the resulting events, and the right CSTA error value for
 * invalid devices, calls, connections and states.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { RemoteOperationError } from '../../../lib/session/errors.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { recordEvents } from '../../../lib/simulator/observer.js';
import type { EventRecorder } from '../../../lib/simulator/observer.js';
import { waitFor } from '../../support/wait.js';

const dev = deviceID;
const conn = connectionID;

async function failure(p: Promise<unknown>): Promise<[string, string]> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, 'request should fail').to.be.instanceOf(RemoteOperationError);
  const r = e as RemoteOperationError;
  return [r.category, r.value];
}

function callIdOf(c: unknown): string {
  const both = (c as { both?: { callID: string } }).both;
  expect(both, 'ConnectionID in both form').to.not.equal(undefined);
  return both!.callID;
}

describe('PbxSimulator: every session request', () => {
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

  /** 2000 calls 2001 and 2001 answers; returns the callID. */
  async function establish(a = '2000', b = '2001'): Promise<string> {
    const r = await session.makeCall({ callingDevice: dev(a), calledDirectoryNumber: dev(b) });
    const id = callIdOf(r.callingDevice);
    await session.answerCall({ callToBeAnswered: conn(id, b) });
    return id;
  }

  it('makeCall: result with the calling connection, events originated → delivered → established at both monitors', async () => {
    await session.monitorStart('2000');
    await session.monitorStart('2001');
    const r = await session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('2001') });
    const id = callIdOf(r.callingDevice);
    expect(r.callingDevice).to.deep.equal(conn(id, '2000'));
    await rec.waitFor((e) => e.device === '2001' && e.type === 'delivered');
    await session.answerCall({ callToBeAnswered: conn(id, '2001') });
    await rec.waitForCount(6);
    expect(rec.events.map((e) => `${e.device}:${e.type}`)).to.deep.equal([
      '2000:serviceInitiated',
      '2000:originated',
      '2000:delivered',
      '2001:delivered',
      '2000:established',
      '2001:established',
    ]);
    const delivered2001 = rec.events.find((e) => e.device === '2001' && e.type === 'delivered')!.event as Record<string, unknown>;
    expect(delivered2001.localConnectionInfo).to.equal('alerting');
    expect(delivered2001.cause).to.equal('newCall');
    expect(delivered2001.connection).to.deep.equal(conn(id, '2001'));
    const delivered2000 = rec.events.find((e) => e.device === '2000' && e.type === 'delivered')!.event as Record<string, unknown>;
    expect(delivered2000.localConnectionInfo).to.equal('connected');
  });

  it('makeCall errors: unknown calling device, unknown internal destination, out-of-service device', async () => {
    expect(await failure(session.makeCall({ callingDevice: dev('9999'), calledDirectoryNumber: dev('2001') }))).to.deep.equal(['operation', 'invalidDeviceID']);
    expect(await failure(session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('5555') }))).to.deep.equal(['operation', 'invalidDestination']);
    sim.state.device('2002').outOfService = true;
    expect(await failure(session.makeCall({ callingDevice: dev('2002'), calledDirectoryNumber: dev('2001') }))).to.deep.equal(['systemResourceAvailability', 'deviceOutOfService']);
  });

  it('makePredictiveCall: the far end is called first, then the calling station alerts and answers', async () => {
    await session.monitorStart('2003');
    const r = await session.makePredictiveCall({ callingDevice: dev('2003'), calledDirectoryNumber: dev('+15557654321') });
    const id = callIdOf(r.initiatedCall);
    expect(r.initiatedCall).to.deep.equal(conn(id, '2003'));
    const call = sim.state.call(id);
    expect(call.connections.get('2003')!.state).to.equal('initiated');
    sim.engine.answer(call, '+15557654321');
    expect(call.connections.get('2003')!.state).to.equal('alerting');
    await session.answerCall({ callToBeAnswered: conn(id, '2003') });
    await rec.waitForCount(5);
    expect(rec.events.map((e) => `${e.type}:${(e.event as { localConnectionInfo?: string }).localConnectionInfo}`)).to.deep.equal([
      'serviceInitiated:initiated',
      'networkReached:initiated',
      'established:initiated',
      'delivered:alerting',
      'established:connected',
    ]);
    expect(await failure(session.makePredictiveCall({ callingDevice: dev('7000'), calledDirectoryNumber: dev('2001') }))).to.deep.equal(['operation', 'invalidCallingDeviceID']);
  });

  it('answerCall / clearConnection / clearCall, with invalidCallID and invalidConnectionState', async () => {
    const id = await establish();
    expect(await failure(session.answerCall({ callToBeAnswered: conn(id, '2001') }))).to.deep.equal(['stateIncompatibility', 'invalidConnectionState']);
    expect(await failure(session.answerCall({ callToBeAnswered: conn('7fff', '2001') }))).to.deep.equal(['operation', 'invalidCallID']);
    expect(await failure(session.clearConnection({ connectionToBeCleared: conn(id, '3000') }))).to.deep.equal(['operation', 'invalidConnectionID']);
    expect(await session.clearConnection({ connectionToBeCleared: conn(id, '2001') })).to.deep.equal({ noData: null });
    expect(sim.state.calls.has(id)).to.equal(false);
    const id2 = await establish();
    expect(await session.clearCall({ callToBeCleared: { callID: id2 } })).to.deep.equal({ noData: null });
    expect(sim.state.calls.size).to.equal(0);
    expect(await failure(session.clearCall({ callToBeCleared: { callID: id2 } }))).to.deep.equal(['operation', 'invalidCallID']);
  });

  it('holdCall / retrieveCall / alternateCall / reconnectCall', async () => {
    await session.monitorStart('2000');
    const id = await establish();
    expect(await session.holdCall({ callToBeHeld: conn(id, '2000') })).to.deep.equal({ noData: null });
    expect(await failure(session.holdCall({ callToBeHeld: conn(id, '2000') }))).to.deep.equal(['stateIncompatibility', 'invalidConnectionState']);
    expect(await session.retrieveCall({ callToBeRetrieved: conn(id, '2000') })).to.deep.equal({ noData: null });
    expect(await failure(session.retrieveCall({ callToBeRetrieved: conn(id, '2000') }))).to.deep.equal(['stateIncompatibility', 'noHeldCall']);
    const consult = await session.consultationCall({ existingCall: conn(id, '2000'), consultedDevice: dev('3000') });
    const id2 = callIdOf(consult.initiatedCall);
    await session.answerCall({ callToBeAnswered: conn(id2, '3000') });
    expect(await session.alternateCall({ heldCall: conn(id, '2000'), activeCall: conn(id2, '2000') })).to.deep.equal({ noData: null });
    expect(sim.state.call(id).connections.get('2000')!.state).to.equal('connected');
    expect(sim.state.call(id2).connections.get('2000')!.state).to.equal('hold');
    expect(await session.reconnectCall({ activeCall: conn(id, '2000'), heldCall: conn(id2, '2000') })).to.deep.equal({ noData: null });
    expect(sim.state.calls.has(id)).to.equal(false);
    expect(sim.state.call(id2).connections.get('2000')!.state).to.equal('connected');
    const types = rec.events.filter((e) => e.device === '2000').map((e) => e.type);
    expect(types.slice(-4)).to.deep.equal(['held', 'retrieved', 'connectionCleared', 'retrieved']);
  });

  it('consultationCall + transferCall: new callID, connections list, transferred event', async () => {
    await session.monitorStart('2001');
    const id = await establish();
    const consult = await session.consultationCall({ existingCall: conn(id, '2000'), consultedDevice: dev('3000') });
    const id2 = callIdOf(consult.initiatedCall);
    expect(consult.initiatedCall).to.deep.equal(conn(id2, '2000'));
    await session.answerCall({ callToBeAnswered: conn(id2, '3000') });
    const t = await session.transferCall({ heldCall: conn(id, '2000'), activeCall: conn(id2, '2000') });
    const id3 = callIdOf(t.transferredCall);
    expect([id3 === id, id3 === id2]).to.deep.equal([false, false]);
    expect(t.connections?.map((c) => c.endpoint)).to.deep.equal([{ deviceID: dev('2001') }, { deviceID: dev('3000') }]);
    const ev = await rec.waitFor((e) => e.type === 'transferred');
    const tr = ev.event as Record<string, unknown>;
    expect(tr.cause).to.equal('transfer');
    expect(tr.primaryOldCall).to.deep.equal(conn(id, '2000'));
    expect(tr.secondaryOldCall).to.deep.equal(conn(id2, '2000'));
    expect(tr.localConnectionInfo).to.equal('connected');
    expect([...sim.state.call(id3).connections.keys()]).to.deep.equal(['2001', '3000']);
    expect(await failure(session.transferCall({ heldCall: conn(id, '2000'), activeCall: conn(id2, '2000') }))).to.deep.equal(['operation', 'invalidCallID']);
  });

  it('conferenceCall and singleStepConference', async () => {
    const id = await establish();
    const consult = await session.consultationCall({ existingCall: conn(id, '2000'), consultedDevice: dev('3000') });
    const id2 = callIdOf(consult.initiatedCall);
    await session.answerCall({ callToBeAnswered: conn(id2, '3000') });
    const c = await session.conferenceCall({ heldCall: conn(id, '2000'), activeCall: conn(id2, '2000') });
    expect(c.conferenceCall).to.deep.equal(conn(id, '2000'));
    expect(c.connections?.length).to.equal(3);
    const r = await session.singleStepConference({ activeCall: conn(id, '2000'), deviceToJoin: dev('3001') });
    expect(r.conferencedCall).to.deep.equal(conn(id, '3001'));
    expect([...sim.state.call(id).connections.keys()].sort()).to.deep.equal(['2000', '2001', '3000', '3001']);
    expect(await failure(session.singleStepConference({ activeCall: conn(id, '2000'), deviceToJoin: dev('4444') }))).to.deep.equal(['operation', 'invalidDeviceID']);
    expect(await failure(session.singleStepConference({ activeCall: conn(id, '2000'), deviceToJoin: dev('3001') }))).to.deep.equal(['stateIncompatibility', 'invalidObjectState']);
  });

  it('singleStepTransferCall and deflectCall', async () => {
    await session.monitorStart('3000');
    const id = await establish();
    const r = await session.singleStepTransferCall({ activeCall: conn(id, '2000'), transferredTo: dev('3000') });
    const id2 = callIdOf(r.transferredCall);
    expect(r.transferredCall).to.deep.equal(conn(id2, '3000'));
    expect(sim.state.call(id2).connections.get('3000')!.state).to.equal('alerting');
    expect(await session.deflectCall({ callToBeDiverted: conn(id2, '3000'), newDestination: dev('3001') })).to.deep.equal({ noData: null });
    expect(sim.state.call(id2).connections.get('3001')!.state).to.equal('alerting');
    const diverted = await rec.waitFor((e) => e.device === '3000' && e.type === 'diverted');
    expect((diverted.event as Record<string, unknown>).cause).to.equal('redirected');
    expect(await failure(session.deflectCall({ callToBeDiverted: conn(id2, '2001'), newDestination: dev('3002') }))).to.deep.equal(['stateIncompatibility', 'invalidConnectionState']);
  });

  it('generateDigits reports digitsGeneratedEvent', async () => {
    await session.monitorStart('2000');
    const id = await establish();
    expect(await session.generateDigits({ connectionToSendDigits: conn(id, '2000'), charactersToSend: '12#' })).to.deep.equal({ noData: null });
    const ev = await rec.waitFor((e) => e.type === 'digitsGeneratedEvent');
    expect((ev.event as Record<string, unknown>).digitGeneratedList).to.equal('12#');
  });

  it('setAgentState / getAgentState', async () => {
    expect(await failure(session.setAgentState({ device: dev('2000'), requestedAgentState: 'ready' }))).to.deep.equal(['operation', 'invalidAgentState']);
    expect(await session.setAgentState({ device: dev('2000'), requestedAgentState: 'loggedOn', agentID: '1234', group: dev('6000') })).to.deep.equal({});
    await session.setAgentState({ device: dev('2000'), requestedAgentState: 'ready' });
    const s = await session.getAgentState({ device: dev('2000') });
    expect(s.agentStateList).to.deep.equal([{ agentID: '1234', loggedOn: true, agentInfo: [{ acdGroup: dev('6000'), agentState: 'agentReady' }] }]);
    expect(await failure(session.setAgentState({ device: dev('2000'), requestedAgentState: 'loggedOn', group: dev('2001') }))).to.deep.equal(['operation', 'invalidAgentGroup']);
  });

  it('setDoNotDisturb / getDoNotDisturb, and a call to a DND station fails with cause doNotDisturb', async () => {
    await session.monitorStart('2000');
    expect(await session.setDoNotDisturb({ device: dev('2001'), doNotDisturbOn: true })).to.deep.equal({ noData: null });
    expect(await session.getDoNotDisturb({ device: dev('2001') })).to.deep.equal({ doNotDisturbOn: true });
    await session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('2001') });
    const failed = await rec.waitFor((e) => e.type === 'failed');
    expect((failed.event as Record<string, unknown>).cause).to.equal('doNotDisturb');
  });

  it('setForwarding / getForwarding, and forwarding immediate diverts the call', async () => {
    await session.monitorStart('2001');
    expect(await session.setForwarding({ device: dev('2001'), forwardingType: 'forwardImmediate', activateForward: true, forwardDN: dev('3000') })).to.deep.equal({ noData: null });
    expect(await session.getForwarding({ device: dev('2001') })).to.deep.equal({ forwardingList: [{ forwardingType: 'forwardImmediate', forwardStatus: true, forwardDN: dev('3000') }] });
    const r = await session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('2001') });
    expect(sim.state.call(callIdOf(r.callingDevice)).connections.get('3000')!.state).to.equal('alerting');
    expect(await failure(session.setForwarding({ device: dev('2001'), activateForward: true }))).to.deep.equal(['operation', 'invalidForwardingDestination']);
  });

  it('snapshotDevice and snapshotCall show the live call', async () => {
    const id = await establish();
    const d = await session.snapshotDevice({ snapshotObject: dev('2001') });
    expect(d).to.deep.equal({ crossRefIDorSnapshotData: { snapshotData: [{ connectionIdentifier: conn(id, '2001'), localCallState: { compoundCallState: ['connected', 'connected'] } }] } });
    const c = await session.snapshotCall({ snapshotObject: conn(id, '2000') });
    expect(c.callingDevice).to.deep.equal({ deviceIdentifier: dev('2000') });
    expect(c.crossRefIDorSnapshotData).to.deep.equal({
      snapshotData: [
        { deviceOnCall: { deviceIdentifier: dev('2000') }, callIdentifier: conn(id, '2000'), localConnectionState: 'connected' },
        { deviceOnCall: { deviceIdentifier: dev('2001') }, callIdentifier: conn(id, '2001'), localConnectionState: 'connected' },
      ],
    });
    expect(await failure(session.snapshotDevice({ snapshotObject: dev('1234') }))).to.deep.equal(['operation', 'invalidDeviceID']);
  });

  it('monitorStart / changeMonitorFilter / monitorStop: filtered events are not sent, stopped monitors get nothing', async () => {
    const m = await session.monitorStart('2001');
    expect(await failure(session.monitorStart('1111'))).to.deep.equal(['operation', 'invalidDeviceID']);
    const changed = await session.request('changeMonitorFilter', { crossRefIdentifier: m.crossRefIdentifier, requestedFilterList: { callControl: ['delivered'] } });
    expect(changed).to.deep.equal({ actualFilterList: { callControl: ['delivered'] } });
    const id = await establish();
    await rec.waitFor((e) => e.type === 'established');
    expect(rec.events.map((e) => e.type)).to.deep.equal(['established']);
    await session.monitorStop(m);
    await session.clearCall({ callToBeCleared: { callID: id } });
    await session.requestSystemStatus({});
    expect(rec.events.map((e) => e.type)).to.deep.equal(['established']);
    expect(await failure(session.request('monitorStop', { crossRefIdentifier: m.crossRefIdentifier }))).to.deep.equal(['operation', 'invalidMonitorCrossRefID']);
  });

  it('systemStatus, requestSystemStatus, escape, and serviceNotSupported for a service the switch lacks', async () => {
    expect(await session.request('systemStatus', { systemStatus: 'normal' })).to.deep.equal({ noData: null });
    sim.systemStatus = 'overloadImminent';
    expect(await session.requestSystemStatus({})).to.deep.equal({ systemStatus: 'overloadImminent' });
    expect(await session.escape({ privateData: { string: '0102' } })).to.deep.equal({ extensions: { privateData: [{ string: '0102' }] } });
    expect(await failure(session.request('parkCall', { parking: conn('01', '2000'), parkTo: dev('2000') }))).to.deep.equal(['operation', 'serviceNotSupported']);
  });

  it('routeRegister: routeRequest to the registered session, routeSelect delivers, routeEnd follows', async () => {
    const reg = await session.routeRegister({ routeingDevice: dev('7000') });
    expect(reg.routeRegisterReqID).to.match(/^[0-9a-f]{4,}$/);
    const ends: unknown[] = [];
    session.handle('routeEndRequest', (arg) => {
      ends.push(arg);
      return undefined as never;
    });
    session.handle('routeRequest', (arg) => {
      session.routeSelect({ crossRefIdentifier: arg.crossRefIdentifier, routeSelected: dev('3005') });
      return undefined as never;
    });
    const r = await session.makeCall({ callingDevice: dev('2000'), calledDirectoryNumber: dev('7000') });
    const id = callIdOf(r.callingDevice);
    await waitFor(() => sim.state.calls.get(id)?.connections.get('3005')?.state === 'alerting');
    await waitFor(() => ends.length === 1);
    expect(ends[0]).to.deep.include({ routeRegisterReqID: reg.routeRegisterReqID });
    expect(await failure(session.routeRegister({ routeingDevice: dev('2000') }))).to.deep.equal(['operation', 'invalidDeviceID']);
  });
});
