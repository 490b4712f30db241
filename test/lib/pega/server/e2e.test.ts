/**
 * The server-side path end to end over 127.0.0.1: the PBX simulator, a real CstaSession, a
 * PegaCtiLink, the HTTP API (what a Pega REST connector calls) and the event pusher, which POSTs
 * to a small receiver playing Pega's REST service (what HandleEvent would get).
 */
import { expect } from 'chai';
import { CstaSession } from '../../../../lib/session/session.js';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import { PegaServerApi } from '../../../../lib/pega/server/api.js';
import { staticApiTokens } from '../../../../lib/pega/server/auth.js';
import { PegaEventPusher } from '../../../../lib/pega/server/pusher.js';
import type { PegaPushEnvelope } from '../../../../lib/pega/server/pusher.js';
import { listenPegaServerApi } from '../../../../lib/pega/server/standalone.js';
import type { PegaServerApiServer } from '../../../../lib/pega/server/standalone.js';
import { validatePegaEvent } from '../../../../lib/pega/schemas.js';
import { waitFor } from '../../../support/wait.js';
import { Receiver } from './receiver.js';

const TOKEN = 'e2e-token';

describe('Pega server-side path end to end (simulator → CSTA → link → API + pusher → receiver)', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let receiver: Receiver;
  let pusher: PegaEventPusher;
  let api: PegaServerApi;
  let server: PegaServerApiServer;

  async function setUp(maxQueued?: number, reconnect = false): Promise<void> {
    sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: reconnect ? (attempt) => (attempt > 20 ? null : 20) : false });
    await session.connect();
    link = new PegaCtiLink(session);
    receiver = new Receiver();
    await receiver.listen();
    pusher = new PegaEventPusher({ url: receiver.url, authorization: 'Bearer to-pega', retryBaseMs: 5, retryMaxMs: 30, ...(maxQueued === undefined ? {} : { maxQueued }) });
    api = new PegaServerApi({ link, authenticate: staticApiTokens({ [TOKEN]: { name: 'pega-node-1' } }), events: pusher });
    server = await listenPegaServerApi(api);
  }

  afterEach(async () => {
    api.close();
    pusher.close();
    await server.close();
    await receiver.close();
    link.detach();
    await session.close();
    await sim.close();
  });

  async function post(path: string, body: unknown = {}, token = TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${server.url}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const envelopes = (): PegaPushEnvelope[] => receiver.accepted as PegaPushEnvelope[];
  const names = (agentId: string): string[] => envelopes().filter((e) => e.agentId === agentId).map((e) => `${e.ctiEvent.pyEventType}:${e.ctiEvent.pyEventName}`);

  async function arrived(agentId: string, name: string, ms = 3000): Promise<PegaPushEnvelope> {
    await waitFor(() => envelopes().some((e) => e.agentId === agentId && e.ctiEvent.pyEventName === name), ms, `${name} for ${agentId} at the receiver (got ${JSON.stringify(names(agentId))})`);
    return envelopes().find((e) => e.agentId === agentId && e.ctiEvent.pyEventName === name) as PegaPushEnvelope;
  }

  it('login via the API → Snapshot at Pega; an inbound call is offered, answered via the API, hung up; sequences have no gap', async () => {
    await setUp();
    const login = await post('/agents/5501/login', { extension: '2001', password: '1234' });
    expect(login).to.deep.equal({ status: 200, body: { ok: true } });
    const snap = await arrived('5501', 'Snapshot');
    expect(snap).to.deep.include({ dn: '2001', agentId: '5501' });
    expect(snap.ctiEvent).to.deep.include({ pyEventType: 'SnapshotEvent', pyDN: '2001', pyAgentID: '5501', pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone' });
    expect(receiver.requests[0]?.headers.authorization).to.equal('Bearer to-pega');

    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const offering = await arrived('5501', 'Offering');
    expect(offering.ctiEvent).to.deep.include({ pyEventType: 'CallStateEvent', pyCallState: 'Alerting', pyANI: '0612345678', pyDNIS: '2001', pyCallType: 'INBOUND', pyDN: '2001', pyAgentID: '5501' });
    expect(offering.event?.pyEventName).to.equal('Alerting'); // the OpenCTI JSON form rides along
    const callId = (offering.ctiEvent as { pyCallID: string }).pyCallID;

    expect(await post('/agents/5501/answerCall', { callId })).to.deep.equal({ status: 200, body: { ok: true, callId } });
    const established = await arrived('5501', 'Established');
    expect(established.ctiEvent).to.deep.include({ pyCallID: callId, pyCallState: 'Established' });
    expect(await post('/agents/5501/hangUpCall', { callId })).to.deep.equal({ status: 200, body: { ok: true, callId } });
    await arrived('5501', 'Disconnected');

    expect(await post('/agents/5501/logout')).to.deep.equal({ status: 200, body: { ok: true } });
    await waitFor(() => envelopes().some((e) => e.ctiEvent.pyEventType === 'SnapshotEvent' && (e.ctiEvent as { pyAgentState: string }).pyAgentState === 'Logout'), 3000, 'Logout snapshot');
    expect(await pusher.flush(2000)).to.equal(true);
    const mine = envelopes().filter((e) => e.agentId === '5501');
    // Agent-state events around login/logout depend on the switch; calls and snapshots do not.
    expect(names('5501').filter((n) => !n.startsWith('AgentStateEvent'))).to.deep.equal([
      'SnapshotEvent:Snapshot',
      'CallStateEvent:Offering',
      'CallStateEvent:Established',
      'CallStateEvent:Disconnected',
      'SnapshotEvent:Snapshot',
    ]);
    expect(mine.map((e) => e.sequence)).to.deep.equal(mine.map((_, i) => i + 1));
    for (const e of mine) if (e.event !== undefined) expect(validatePegaEvent(e.event), JSON.stringify(e.event)).to.deep.equal([]);
  });

  it('answerCall and hangUpCall without a callId act on the ringing / only call (as Pega’s server-side answerCall documents)', async () => {
    await setUp();
    await post('/agents/5501/login', { extension: '2001' });
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const offering = await arrived('5501', 'Offering');
    const answered = await post('/agents/5501/answerCall');
    expect(answered.status).to.equal(200);
    expect(answered.body).to.deep.include({ ok: true });
    const established = await arrived('5501', 'Established');
    expect((established.ctiEvent as { pyCallID: string }).pyCallID).to.equal((offering.ctiEvent as { pyCallID: string }).pyCallID);
    expect((await post('/agents/5501/hangUpCall')).status).to.equal(200);
    await arrived('5501', 'Disconnected');
  });

  it('errors: bad token 401, bad body 400 naming the field, a request the link refuses → its OpenCTI code and status', async () => {
    await setUp();
    const noToken = await post('/agents/5501/login', { extension: '2001' }, 'wrong');
    expect(noToken.status).to.equal(401);
    expect(noToken.body).to.deep.include({ errCode: 'OPENCTI_HTTP_ERROR_401' });
    const bad = await post('/agents/5501/login', { extension: 2001.5e300, pin: 1 });
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.deep.equal({ type: 'badRequest', field: 'pin' });
    const notIn = await post('/agents/5501/agentReady');
    expect(notIn.status).to.equal(409);
    expect(notIn.body).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
    expect(link.agents).to.have.length(0);
    expect(receiver.requests).to.have.length(0); // nothing subscribed, nothing pushed
    // Refused by the switch: a number it does not know.
    await post('/agents/5501/login', { extension: '2001' });
    const refused = await post('/agents/5501/makeCall', { destination: '2999' });
    expect(refused.status).to.equal(422);
    expect(refused.body).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_DESTINATION' });
    expect(refused.body).to.not.have.property('error'); // it reached the switch: no API-level error
    // Another agent on the same extension.
    const taken = await post('/agents/5502/login', { extension: '2001' });
    expect(taken.status).to.equal(409);
    expect(taken.body.errCode).to.match(/^OPENCTI_/);
    expect(api.subscriptions.get('2001')).to.deep.include({ agentId: '5501' }); // the refused login did not take the subscription
  });

  it('Pega down (503) during a call, then up: nothing lost, order kept', async () => {
    await setUp();
    await post('/agents/5501/login', { extension: '2001' });
    await arrived('5501', 'Snapshot');
    let down = true;
    receiver.status = () => (down ? 503 : 200);
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    await waitFor(() => pusher.depth > 0, 3000, 'an event queued');
    const callId = await new Promise<string>((resolve) => {
      const seen = (): void => {
        const e = link.agents.length > 0 ? receiver.arrivals.map((b) => b as PegaPushEnvelope).find((b) => b?.ctiEvent?.pyEventName === 'Offering') : undefined;
        if (e !== undefined) resolve((e.ctiEvent as { pyCallID: string }).pyCallID);
        else setTimeout(seen, 5);
      };
      seen();
    });
    expect((await post('/agents/5501/answerCall', { callId })).status).to.equal(200);
    expect((await post('/agents/5501/hangUpCall', { callId })).status).to.equal(200);
    await waitFor(() => pusher.failures >= 3, 3000, 'refused pushes');
    expect(envelopes().filter((e) => e.ctiEvent.pyEventType === 'CallStateEvent')).to.have.length(0);
    down = false;
    expect(await pusher.flush(5000)).to.equal(true);
    const calls = envelopes().filter((e) => e.ctiEvent.pyEventType === 'CallStateEvent').map((e) => e.ctiEvent.pyEventName);
    expect(calls).to.deep.equal(['Offering', 'Established', 'Disconnected']);
    const seqs = envelopes().map((e) => e.sequence);
    expect(seqs).to.deep.equal(seqs.map((_, i) => i + 1));
    expect(pusher.dropped).to.equal(0);
  });

  it('queue bound reached while Pega is down: the oldest events are dropped and counted, the newest still arrive', async () => {
    await setUp(2);
    await post('/agents/5501/login', { extension: '2001' });
    await arrived('5501', 'Snapshot');
    let down = true;
    receiver.status = () => (down ? 503 : 200);
    const dropped: string[] = [];
    pusher.on('dropped', (e) => dropped.push(e.ctiEvent.pyEventName));
    for (const reason of ['1', '2', '3', '4']) {
      expect((await post('/agents/5501/agentNotReady', { reasonCode: reason })).status).to.equal(200);
    }
    expect((await post('/agents/5501/agentReady')).status).to.equal(200);
    await waitFor(() => pusher.dropped >= 1, 3000, 'a drop');
    expect(pusher.depth).to.be.at.most(2);
    down = false;
    expect(await pusher.flush(5000)).to.equal(true);
    const got = envelopes();
    const last = got.at(-1);
    expect(last?.ctiEvent.pyEventName).to.equal('Ready'); // the newest made it
    // Every event the link produced was either delivered or counted as dropped, and the sequence
    // numbers show Pega where the gap is.
    expect(pusher.delivered + pusher.dropped).to.equal(last?.sequence);
    expect(got.length).to.equal(pusher.delivered);
    expect(dropped).to.have.length(pusher.dropped);
    expect(dropped.every((n) => n === 'NotReady')).to.equal(true);
    const seqs = got.map((e) => e.sequence);
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).to.equal(seqs.length);
  });

  it('subscribe without login (screen pop only): the DN is monitored, its calls reach Pega; a login takes the device over, a logout gives it back, unsubscribe stops it', async () => {
    await setUp();
    expect(await post('/devices/2003/subscribe', {})).to.deep.equal({ status: 200, body: { ok: true } });
    expect(sim.monitors.of('2003')).to.have.length(1);
    await waitFor(() => envelopes().some((e) => e.dn === '2003' && e.ctiEvent.pyEventType === 'SnapshotEvent'), 3000, 'subscription Snapshot');
    void sim.runScenario({ name: 'pop', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2003', callId: 'p1' }] });
    await waitFor(() => envelopes().some((e) => e.dn === '2003' && e.ctiEvent.pyEventName === 'Offering'), 3000, 'Offering at 2003');
    const pop = envelopes().find((e) => e.dn === '2003' && e.ctiEvent.pyEventName === 'Offering') as PegaPushEnvelope;
    expect(pop).to.deep.include({ agentId: '' });
    expect(pop.ctiEvent).to.deep.include({ pyANI: '0612345678', pyDN: '2003', pyAgentID: '' });

    // The agent logs in at the subscribed DN: one monitor on the device (the link's), events once, for the agent.
    expect((await post('/agents/5503/login', { extension: '2003' })).status).to.equal(200);
    expect(sim.monitors.of('2003')).to.have.length(1);
    const before = envelopes().length;
    expect((await post('/agents/5503/agentNotReady', { reasonCode: '5' })).status).to.equal(200);
    await waitFor(() => envelopes().slice(before).some((e) => e.ctiEvent.pyEventName === 'NotReady'), 3000, 'NotReady');
    await pusher.flush(2000);
    const notReady = envelopes().slice(before).filter((e) => e.ctiEvent.pyEventName === 'NotReady');
    expect(notReady).to.have.length(1);
    expect(notReady[0]).to.deep.include({ dn: '2003', agentId: '5503' });

    // Logout: still subscribed, so monitored again for screen pops.
    expect((await post('/agents/5503/logout')).status).to.equal(200);
    expect(sim.monitors.of('2003')).to.have.length(1);
    expect((await post('/devices/2003/unsubscribe', {})).status).to.equal(200);
    expect(sim.monitors.of('2003')).to.have.length(0);
    const after = envelopes().length;
    void sim.runScenario({ name: 'pop2', monitor: [], steps: [{ step: 'inbound', from: '0611111111', to: '2003', callId: 'p2' }] });
    await new Promise((r) => setTimeout(r, 100));
    await pusher.flush(2000);
    expect(envelopes().slice(after)).to.have.length(0);
  });

  it('a monitor-only DN after a reconnect: a DISCONNECTED Snapshot, then a CONNECTED one and its live call replayed', async () => {
    await setUp(undefined, true);
    expect(await post('/devices/2003/subscribe', {})).to.deep.equal({ status: 200, body: { ok: true } });
    void sim.runScenario({ name: 'pop', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2003', callId: 'p1' }] });
    await waitFor(() => envelopes().some((e) => e.dn === '2003' && e.ctiEvent.pyEventName === 'Offering'), 3000, 'Offering at 2003');
    await pusher.flush(2000);
    const before = envelopes().length;
    sim.dropClients();
    await waitFor(() => envelopes().slice(before).some((e) => e.dn === '2003' && (e.ctiEvent as { pyLinkState?: string }).pyLinkState === 'CONNECTED'), 5000, 'CONNECTED Snapshot at 2003');
    await waitFor(() => envelopes().slice(before).some((e) => e.dn === '2003' && e.ctiEvent.pyEventType === 'CallStateEvent'), 3000, 'the live call replayed');
    const after = envelopes().slice(before).filter((e) => e.dn === '2003');
    const linkStates = after.filter((e) => e.ctiEvent.pyEventType === 'SnapshotEvent').map((e) => (e.ctiEvent as { pyLinkState?: string; pyDeviceState?: string }));
    expect(linkStates.map((x) => `${x.pyLinkState}/${x.pyDeviceState}`)).to.deep.equal(['DISCONNECTED/CLOSED', 'CONNECTED/OPENED']);
    const replayed = after.find((e) => e.ctiEvent.pyEventType === 'CallStateEvent') as PegaPushEnvelope;
    expect(replayed.ctiEvent).to.deep.include({ pyDN: '2003', pyAgentID: '' });
    expect(sim.monitors.of('2003')).to.have.length(1);
  });

  it('subscribing a DN the switch cannot monitor fails with the OpenCTI code and leaves no subscription', async () => {
    await setUp();
    const r = await post('/devices/4999/subscribe', {});
    expect(r.status).to.be.oneOf([404, 409, 422]);
    expect(r.body).to.have.property('errCode').that.matches(/^OPENCTI_/);
    expect(api.subscriptions.get('4999')).to.equal(undefined);
  });
});
