/**
 * Pega requests over NATS request/reply into a real PegaCtiLink on a CstaSession against the
 * simulator, and the link's events back through JetStream, all on 127.0.0.1.
 */
import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { CstaSession } from '../../../../lib/session/session.js';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import type { PegaEvent } from '../../../../lib/pega/types.js';
import { NatsEventPublisher } from '../../../../lib/service/nats/publisher.js';
import { ensureLinkStream } from '../../../../lib/service/nats/stream.js';
import { NatsRequestResponder, ERROR_HEADER } from '../../../../lib/service/nats/responder.js';
import { RemotePegaLink } from '../../../../lib/service/nats/client.js';
import { parseNatsRequest } from '../../../../lib/service/nats/requests.js';
import { NatsLinkError } from '../../../../lib/service/nats/errors.js';
import { useNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { waitFor } from '../../../support/wait.js';

describe('Pega request payloads over NATS', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('parses login, logout, refresh and Pega requests', () => {
    expect(parseNatsRequest('5501', enc('{"action":"login","device":"2001","password":"x"}'))).to.deep.equal({ kind: 'login', params: { agentId: '5501', device: '2001', password: 'x' } });
    expect(parseNatsRequest('5501', enc('{"action":"logout"}'))).to.deep.equal({ kind: 'logout', reasonCode: undefined });
    expect(parseNatsRequest('5501', enc('{"action":"refresh"}'))).to.deep.equal({ kind: 'refresh' });
    expect(parseNatsRequest('5501', enc('{"action":"answerCall","callId":"1"}'))).to.deep.equal({ kind: 'request', request: { action: 'answerCall', callId: '1' } });
  });
  it('bad payloads are typed errors', () => {
    const cases: [Uint8Array, string][] = [
      [enc('{"action":'), 'NOT_JSON'],
      [new Uint8Array([0x7b, 0xff, 0x7d]), 'NOT_JSON'],
      [enc('[1]'), 'NOT_OBJECT'],
      [enc('{"action":3}'), 'NOT_OBJECT'],
      [enc('{"action":"login","device":""}'), 'BAD_FIELD'],
      [enc('{"action":"login","device":"1","password":4}'), 'BAD_FIELD'],
      [enc(`{"action":"x","pad":"${'a'.repeat(20000)}"}`), 'TOO_LARGE'],
    ];
    for (const [data, code] of cases) {
      expect(() => parseNatsRequest('a', data), code).to.throw(NatsLinkError).with.property('code', code);
    }
  });
});

describe('NATS request/reply into a PegaCtiLink on the simulator (127.0.0.1)', function () {
  let server: NatsServerHandle;
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let ncA: NatsConnection;
  let ncB: NatsConnection;
  useNatsServer((s) => (server = s));
  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    link = new PegaCtiLink(session);
    ncA = await connect({ servers: server.url });
    ncB = await connect({ servers: server.url });
  });
  afterEach(async () => {
    link.detach();
    await session.close();
    await sim.close();
    await ncA.close();
    await ncB.close();
  });

  it('login, answer and hang up through NATS; events reach the remote side through JetStream', async () => {
    await ensureLinkStream(await jetstreamManager(ncA), { link: 'sim1', maxAgeMs: 60_000 });
    const publisher = new NatsEventPublisher(jetstream(ncA), { link: 'sim1', epoch: 1 });
    publisher.attachPega(link);
    publisher.attachCsta(session);
    const responder = new NatsRequestResponder(ncA, link, { link: 'sim1' });
    await responder.start();
    const remote = new RemotePegaLink(ncB, jetstream(ncB), { link: 'sim1' });
    const events: [string, PegaEvent][] = [];
    remote.on('event', (a, e) => events.push([a, e]));
    await remote.start();
    const next = async (pred: (a: string, e: PegaEvent) => boolean): Promise<PegaEvent> => {
      await waitFor(() => events.some(([a, e]) => pred(a, e)), 3000, 'a matching event');
      return events.find(([a, e]) => pred(a, e))![1];
    };

    expect(await remote.login({ agentId: '5501', device: '2001' })).to.deep.equal({ ok: true });
    const snap = await next((a, e) => a === '5501' && e.pyEventType === 'SnapshotEvent');
    expect(snap).to.deep.include({ pyThisDN: '2001', pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED' });
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '2001', callId: 'c1' }] });
    const alerting = await next((a, e) => a === '5501' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Alerting');
    const callId = (alerting as { pyCallId: string }).pyCallId;
    expect(await remote.request('5501', { action: 'answerCall', callId })).to.deep.equal({ ok: true, callId });
    await next((a, e) => e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Established');
    expect(await remote.request('5501', { action: 'hangUpCall', callId })).to.deep.equal({ ok: true, callId });
    await next((a, e) => e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Disconnected');
    // The link's own failures come back as its PegaResult.
    expect(await remote.request('9999', { action: 'agentReady' })).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
    expect(await remote.refresh('5501')).to.deep.equal({ ok: true });
    expect(await remote.logout('5501')).to.deep.equal({ ok: true });
    await next((a, e) => e.pyEventType === 'SnapshotEvent' && e.pyAgentState === 'Logout');
    expect(responder.counts.answered).to.equal(6);
    // CSTA events went to the stream too (under the escaped device and event type).
    const info = await (await jetstreamManager(ncA)).streams.info('CSTA_sim1', { subjects_filter: 'csta.sim1.2001.*' });
    expect(Object.keys(info.state.subjects ?? {})).to.include('csta.sim1.2001.delivered');
    await remote.stop();
    await responder.stop();
    publisher.detach();
  });

  it('a bad payload gets the generic OpenCTI error and the typed code in a header', async () => {
    const responder = new NatsRequestResponder(ncA, link, { link: 'sim2' });
    await responder.start();
    const reply = await ncB.request('pega.sim2.req.5501', '{"action":', { timeout: 2000 });
    expect(reply.json()).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(reply.headers?.get(ERROR_HEADER)).to.equal('NOT_JSON');
    const badSubject = await ncB.request('pega.sim2.req.a%zz', '{"action":"agentReady"}', { timeout: 2000 });
    expect(badSubject.headers?.get(ERROR_HEADER)).to.equal('BAD_ESCAPE');
    const unknown = await ncB.request('pega.sim2.req.5501', '{"action":"fly"}', { timeout: 2000 });
    expect(unknown.json()).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(responder.counts.malformed).to.equal(2);
    await responder.stop();
  });

  it('without a responder a request waits for one (takeover), then fails with 503', async () => {
    const remote = new RemotePegaLink(ncB, jetstream(ncB), { link: 'sim3', takeoverWaitMs: 300 });
    const t0 = Date.now();
    expect(await remote.request('5501', { action: 'agentReady' })).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_503' });
    expect(Date.now() - t0).to.be.within(250, 2000);
    // A responder that appears while the request waits answers it.
    const waiting = new RemotePegaLink(ncB, jetstream(ncB), { link: 'sim3', takeoverWaitMs: 5000 }).login({ agentId: '5501', device: '2001' });
    await new Promise((r) => setTimeout(r, 300));
    const responder = new NatsRequestResponder(ncA, link, { link: 'sim3' });
    await responder.start();
    expect(await waiting).to.deep.equal({ ok: true });
    await responder.stop();
  });
});
