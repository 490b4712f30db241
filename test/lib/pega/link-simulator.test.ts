/**
 * End to end over 127.0.0.1: a real CstaSession against the embedded PBX simulator, with a
 * PegaCtiLink on top. Agents log in, calls arrive and are handled through Pega requests, and the
 * OpenCTI events the link emits are checked (and validated against the schemas).
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { PegaCtiLink } from '../../../lib/pega/link.js';
import { registerRoutingPoint } from '../../../lib/pega/routing.js';
import { validatePegaEvent } from '../../../lib/pega/schemas.js';
import type { PegaEvent } from '../../../lib/pega/types.js';
import { waitFor } from '../../support/wait.js';

describe('PegaCtiLink against the simulator (TCP 127.0.0.1)', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let events: [string, PegaEvent][];

  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    link = new PegaCtiLink(session);
    events = [];
    link.on('event', (agentId, e) => events.push([agentId, e]));
  });
  afterEach(async () => {
    link.detach();
    await session.close();
    await sim.close();
  });

  /** Waits until an event matching `pred` has been emitted; returns it. */
  async function next(pred: (agentId: string, e: PegaEvent) => boolean, ms = 3000): Promise<PegaEvent> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = events.find(([a, e]) => pred(a, e));
      if (hit !== undefined) return hit[1];
      if (Date.now() > end) throw new Error(`no matching event; got ${JSON.stringify(events.map(([a, e]) => [a, e.pyEventType, e.pyEventName]))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const callEvent = (agent: string, name: string) => (a: string, e: PegaEvent) => a === agent && e.pyEventType === 'CallStateEvent' && e.pyEventName === name;

  it('login → Snapshot; inbound call answered, held, retrieved and hung up through Pega requests', async () => {
    expect(await link.login({ agentId: '5501', device: '2001', password: '1234' })).to.deep.equal({ ok: true });
    const snap = await next((a, e) => a === '5501' && e.pyEventType === 'SnapshotEvent');
    expect(snap).to.deep.include({ pyAgentId: '5501', pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyThisDN: '2001' });
    expect(['Login', 'NotReady']).to.include((snap as { pyAgentState: string }).pyAgentState);

    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const alerting = await next(callEvent('5501', 'Alerting'));
    expect(alerting).to.deep.include({ pyANI: '0612345678', pyCallType: 'INBOUND', pyThisDN: '2001' });
    const callId = (alerting as { pyCallId: string }).pyCallId;

    expect(await link.request('5501', { action: 'answerCall', callId })).to.deep.equal({ ok: true, callId });
    await next(callEvent('5501', 'Established'));
    expect(await link.request('5501', { action: 'holdCall', callId })).to.deep.equal({ ok: true, callId });
    await next(callEvent('5501', 'Held'));
    expect(await link.request('5501', { action: 'retrieveCall', callId })).to.deep.equal({ ok: true, callId });
    await next(callEvent('5501', 'Retrieved'));
    expect(await link.request('5501', { action: 'hangUpCall', callId })).to.deep.equal({ ok: true, callId });
    const gone = await next(callEvent('5501', 'Disconnected'));
    expect(gone).to.deep.include({ pyCallId: callId });

    for (const [, e] of events) expect(validatePegaEvent(e), JSON.stringify(e)).to.deep.equal([]);
  });

  it('two agents: an internal call placed with makeCall and answered by the other agent', async () => {
    await link.login({ agentId: '5501', device: '2001' });
    await link.login({ agentId: '5502', device: '2002' });
    const made = await link.request('5501', { action: 'makeCall', destination: '2002' });
    expect(made.ok).to.equal(true);
    const callId = (made as { callId: string }).callId;
    await next(callEvent('5501', 'Initiated'));
    const ringing = await next(callEvent('5502', 'Alerting'));
    expect(ringing).to.deep.include({ pyANI: '2001', pyCallType: 'INTERNAL' });
    expect(await link.request('5502', { action: 'answerCall', callId: (ringing as { pyCallId: string }).pyCallId })).to.have.property('ok', true);
    const connected = await next(callEvent('5501', 'Connected'));
    expect(connected).to.deep.include({ pyCallId: callId, pyOtherDN: '2002', pyCallType: 'INTERNAL' });
    await next(callEvent('5502', 'Established'));
    await link.request('5502', { action: 'hangUpCall', callId: (ringing as { pyCallId: string }).pyCallId });
    await next(callEvent('5501', 'Disconnected'));
    await next(callEvent('5502', 'Disconnected'));
    for (const [, e] of events) expect(validatePegaEvent(e), JSON.stringify(e)).to.deep.equal([]);
  });

  it('consultation and transfer completed through Pega requests', async () => {
    await link.login({ agentId: '5501', device: '2001' });
    await link.login({ agentId: '5503', device: '2003' });
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const alerting = await next(callEvent('5501', 'Alerting'));
    const callId = (alerting as { pyCallId: string }).pyCallId;
    await link.request('5501', { action: 'answerCall', callId });
    await next(callEvent('5501', 'Established'));
    const consult = await link.request('5501', { action: 'transferInitiate', callId, destination: '2003' });
    expect(consult.ok, JSON.stringify(consult)).to.equal(true);
    await next(callEvent('5501', 'Held'));
    const ring = await next(callEvent('5503', 'Alerting'));
    await link.request('5503', { action: 'answerCall', callId: (ring as { pyCallId: string }).pyCallId });
    await next(callEvent('5501', 'Connected'));
    const done = await link.request('5501', { action: 'transferComplete', callId });
    expect(done, JSON.stringify(done)).to.have.property('ok', true);
    const ends = await next((a, e) => a === '5501' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Disconnected' && e.pyCallId === callId);
    expect(ends).to.deep.include({ pyCallType: 'INBOUND' });
    const party = await next((a, e) => a === '5503' && e.pyEventType === 'PartyInfoEvent');
    expect((party as unknown as { pyParties: { pyDN: string }[] }).pyParties.map((p) => p.pyDN)).to.include('0612345678');
  });

  it('a reload: answerCall without a callId, then the same login again re-synchronises and replays the live call', async () => {
    expect(await link.login({ agentId: '5501', device: '2001' })).to.deep.equal({ ok: true });
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const callId = ((await next(callEvent('5501', 'Alerting'))) as { pyCallId: string }).pyCallId;
    // JSON input without a callId (as an OpenCTI adapter may send it): the ringing call is answered.
    expect(await link.request('5501', JSON.parse('{"action":"answerCall"}'))).to.deep.equal({ ok: true, callId });
    await next(callEvent('5501', 'Established'));
    events.length = 0;
    expect(await link.login({ agentId: '5501', device: '2001' })).to.deep.equal({ ok: true });
    expect(events.map(([, e]) => [e.pyEventType, e.pyEventName])).to.deep.equal([['SnapshotEvent', 'Snapshot'], ['CallStateEvent', 'Established']]);
    expect(events[1]![1]).to.deep.include({ pyCallId: callId, pyOtherDN: '0612345678' });
    for (const [, e] of events) expect(validatePegaEvent(e)).to.deep.equal([]);
  });

  it('agent state requests give AgentStateEvents with the requested reason code', async () => {
    await link.login({ agentId: '5501', device: '2001' });
    expect(await link.request('5501', { action: 'agentReady' })).to.deep.equal({ ok: true });
    await next((a, e) => a === '5501' && e.pyEventType === 'AgentStateEvent' && e.pyEventName === 'Ready');
    expect(await link.request('5501', { action: 'agentNotReady', reasonCode: '12' })).to.deep.equal({ ok: true });
    const nr = await next((a, e) => a === '5501' && e.pyEventType === 'AgentStateEvent' && e.pyEventName === 'NotReady');
    expect(nr).to.deep.include({ pyReasonCode: '12', pyWorkMode: 'AUX_WORK' });
    // Logging on an agent the switch already has logged on: the switch's error maps to OPENCTI_IN_SAME_STATE.
    const again = await link.request('5501', { action: 'login' });
    expect(again).to.deep.include({ ok: false, errCode: 'OPENCTI_IN_SAME_STATE' });
    expect(await link.request('5501', { action: 'logout' })).to.deep.equal({ ok: true });
    expect(await link.request('5501', { action: 'agentReady' })).to.deep.include({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
  });

  it('link dropped by the switch: Snapshot DISCONNECTED, then after reconnect a Snapshot with the call still up', async () => {
    await session.close();
    session = new CstaSession({ host: '127.0.0.1', port: sim.port, keepAliveMs: 0, reconnect: (attempt) => (attempt > 20 ? null : 20) });
    await session.connect();
    link.detach();
    link = new PegaCtiLink(session, { queryAgentState: false });
    link.on('event', (agentId, e) => events.push([agentId, e]));
    await link.login({ agentId: '5501', device: '2001' });
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const callId = (await next(callEvent('5501', 'Alerting')) as { pyCallId: string }).pyCallId;
    await link.request('5501', { action: 'answerCall', callId });
    await next(callEvent('5501', 'Established'));
    events.length = 0;
    sim.dropClients();
    const down = await next((a, e) => e.pyEventType === 'SnapshotEvent' && e.pyLinkState === 'DISCONNECTED');
    expect(down).to.deep.include({ pyDeviceState: 'CLOSED' });
    const up = await next((a, e) => e.pyEventType === 'SnapshotEvent' && e.pyLinkState === 'CONNECTED');
    expect(up).to.deep.include({ pyDeviceState: 'OPENED', pyThisDN: '2001' });
    expect((up as unknown as { pyCalls: unknown[] }).pyCalls).to.deep.equal([{ pyCallId: callId, pyCallState: 'Established', pyOtherDN: '0612345678' }]);
    await waitFor(() => link.linkState === 'CONNECTED', 3000);
    // Requests work again on the restored link.
    expect(await link.request('5501', { action: 'hangUpCall', callId })).to.deep.equal({ ok: true, callId });
    await next(callEvent('5501', 'Disconnected'));
  });

  it('routing point: the decider sends a call arriving at 7000 to agent 2001', async () => {
    await link.login({ agentId: '5501', device: '2001' });
    const asked: string[] = [];
    await registerRoutingPoint(session, '7000', (req) => {
      asked.push(req.callingDevice);
      return { destination: '2001' };
    });
    void sim.runScenario({ name: 'route', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '7000', callId: 'r1' }] });
    const ringing = await next(callEvent('5501', 'Alerting'));
    expect(ringing).to.deep.include({ pyANI: '0612345678' });
    expect(asked).to.deep.equal(['0612345678']);
  });
});

describe('PegaCtiLink against the simulator: conference, blind transfer, abandon', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let events: [string, PegaEvent][];

  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    link = new PegaCtiLink(session);
    events = [];
    link.on('event', (agentId, e) => events.push([agentId, e]));
    await link.login({ agentId: '5501', device: '2001' });
    await link.login({ agentId: '5503', device: '2003' });
  });
  afterEach(async () => {
    link.detach();
    await session.close();
    await sim.close();
  });

  async function next(pred: (agentId: string, e: PegaEvent) => boolean, ms = 3000): Promise<PegaEvent> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = events.find(([a, e]) => pred(a, e));
      if (hit !== undefined) return hit[1];
      if (Date.now() > end) throw new Error(`no matching event; got ${JSON.stringify(events.map(([a, e]) => [a, e.pyEventType, e.pyEventName, (e as { pyCallId?: string }).pyCallId]))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const callEvent = (agent: string, name: string) => (a: string, e: PegaEvent) => a === agent && e.pyEventType === 'CallStateEvent' && e.pyEventName === name;
  const idOf = (e: PegaEvent): string => (e as { pyCallId: string }).pyCallId;

  async function answeredInbound(): Promise<string> {
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const callId = idOf(await next(callEvent('5501', 'Alerting')));
    await link.request('5501', { action: 'answerCall', callId });
    await next(callEvent('5501', 'Established'));
    return callId;
  }

  it('conferenceInitiate + conferenceComplete: three parties, then the consulted agent drops', async () => {
    const callId = await answeredInbound();
    expect(await link.request('5501', { action: 'conferenceInitiate', callId, destination: '2003' })).to.have.property('ok', true);
    const ring = await next(callEvent('5503', 'Alerting'));
    await link.request('5503', { action: 'answerCall', callId: idOf(ring) });
    await next(callEvent('5501', 'Connected'));
    const done = await link.request('5501', { action: 'conferenceComplete', callId });
    expect(done, JSON.stringify(done)).to.have.property('ok', true);
    const party = (await next((a, e) => a === '5501' && e.pyEventType === 'PartyInfoEvent')) as unknown as { pyCallId: string; pyParties: { pyDN: string }[] };
    expect(party.pyCallId).to.equal(callId);
    expect(party.pyParties.map((p) => p.pyDN).sort()).to.deep.equal(['0612345678', '2001', '2003']);
    expect(await link.request('5501', { action: 'dropParty', callId, party: '2003' })).to.have.property('ok', true);
    await next(callEvent('5503', 'Disconnected'));
    for (const [, e] of events) expect(validatePegaEvent(e), JSON.stringify(e)).to.deep.equal([]);
  });

  it('blindTransfer: the transferring agent is Disconnected, the target rings with CONSULT', async () => {
    const callId = await answeredInbound();
    expect(await link.request('5501', { action: 'blindTransfer', callId, destination: '2003' })).to.have.property('ok', true);
    await next((a, e) => a === '5501' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Disconnected' && idOf(e) === callId);
    const ring = await next(callEvent('5503', 'Alerting'));
    expect(ring).to.deep.include({ pyCallType: 'CONSULT', pyANI: '0612345678' }); // cause singleStepTransfer: a transferred call
  });

  it('a caller hanging up before the agent answers: Abandoned', async () => {
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }, { step: 'hangup', device: '0612345678', call: 'c1' }] });
    const abandoned = await next(callEvent('5501', 'Abandoned'));
    expect(abandoned).to.deep.include({ pyANI: '0612345678' });
    expect(events.filter(([, e]) => e.pyEventType === 'CallStateEvent').map(([, e]) => e.pyEventName)).to.deep.equal(['Alerting', 'Abandoned']);
  });
});
