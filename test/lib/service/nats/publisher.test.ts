/**
 * Publisher → stream → consumer against a real nats-server on 127.0.0.1 (JetStream, temporary store).
 */
import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JsMsg } from '@nats-io/jetstream';
import { EventEmitter } from 'node:events';
import { NatsEventPublisher, EPOCH_HEADER } from '../../../../lib/service/nats/publisher.js';
import type { CstaEventMessage } from '../../../../lib/service/nats/publisher.js';
import { ensureLinkStream, streamName } from '../../../../lib/service/nats/stream.js';
import { LinkEventConsumer } from '../../../../lib/service/nats/consumer.js';
import { LinkSubjects, parseSubject } from '../../../../lib/service/nats/subjects.js';
import { NatsLinkError } from '../../../../lib/service/nats/errors.js';
import type { CstaEvent } from '../../../../lib/session/events.js';
import type { Monitor } from '../../../../lib/session/monitors.js';
import type { PegaEvent } from '../../../../lib/pega/types.js';
import { useNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { waitFor } from '../../../support/wait.js';

const delivered = (callID: string): CstaEvent =>
  ({ category: 'callControlEvents', type: 'delivered', crossRefIdentifier: '01', event: { connection: { callID, deviceID: { dialingNumber: '2001' } }, alertingDevice: { deviceIdentifier: { dialingNumber: '2001' } } } }) as unknown as CstaEvent;
const monitorOf = (device: string): Monitor => ({ device, deviceID: { deviceIdentifier: { dialingNumber: device } }, crossRefIdentifier: '01', requestedFilter: undefined });
const agentReady = (agent: string): PegaEvent => ({ pyEventType: 'AgentStateEvent', pyEventName: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyMedia: 'Phone', pyAgentId: agent, pyThisDN: '2001' });

describe('NATS event publisher (real nats-server, 127.0.0.1)', function () {
  let server: NatsServerHandle;
  let nc: NatsConnection;
  useNatsServer((s) => (server = s));
  beforeEach(async () => {
    nc = await connect({ servers: server.url });
  });
  afterEach(async () => nc?.close());

  it('creates a bounded stream, updates its bounds, and refuses a bad bound with a typed error', async () => {
    const jsm = await jetstreamManager(nc);
    const info = await ensureLinkStream(jsm, { link: 'b1', maxAgeMs: 60_000, maxBytes: 1 << 20, maxMsgs: 1000 });
    expect(info.config).to.deep.include({ name: 'CSTA_b1', max_bytes: 1 << 20, max_msgs: 1000, subjects: ['csta.b1.*.*', 'pega.b1.*'] });
    expect(info.config.max_age).to.equal(60_000 * 1e6);
    const again = await ensureLinkStream(jsm, { link: 'b1', maxAgeMs: 60_000, maxBytes: 2 << 20, maxMsgs: 500 });
    expect(again.config).to.deep.include({ max_bytes: 2 << 20, max_msgs: 500 });
    let err: unknown;
    await ensureLinkStream(jsm, { link: 'b1', maxMsgs: -1 }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(NatsLinkError).with.property('code', 'BAD_CONFIG');
  });

  it('publishes CSTA and Pega events of attached sources; a consumer reads them in order with escaped subjects', async () => {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await ensureLinkStream(jsm, { link: 'pbx.a', maxAgeMs: 60_000 });
    // No '%' in the stream name: nats-server 2.9 garbles ack subjects of such streams.
    expect(streamName({ link: 'pbx.a' })).to.match(/^CSTA_pbx_a_[0-9a-f]{12}$/);
    const got: JsMsg[] = [];
    const consumer = await LinkEventConsumer.start(js, { stream: streamName({ link: 'pbx.a' }), filter: 'csta.pbx%2Ea.*.*', from: { kind: 'all' }, onMessage: (m) => got.push(m) });
    const pegaGot: JsMsg[] = [];
    const pegaConsumer = await LinkEventConsumer.start(js, { stream: streamName({ link: 'pbx.a' }), filter: new LinkSubjects('pbx.a').pegaEvents, from: { kind: 'all' }, onMessage: (m) => pegaGot.push(m) });
    const session = new EventEmitter();
    const link = new EventEmitter();
    const pub = new NatsEventPublisher(js, { link: 'pbx.a', epoch: 7, instance: 'i1' });
    pub.attachCsta(session as never);
    pub.attachPega(link as never);
    for (let i = 0; i < 20; i++) session.emit('event', delivered(`c${i}`), monitorOf('sip:2001@pbx.example *'));
    link.emit('event', 'agent.1', agentReady('agent.1'));
    await pub.flush();
    await waitFor(() => got.length === 20 && pegaGot.length === 1, 3000, 'consumed events');
    expect(got.map((m) => (m.json<CstaEventMessage>().event as { event: { connection: { callID: string } } }).event.connection.callID)).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => `c${i}`),
    );
    expect(got[0]!.subject).to.equal('csta.pbx%2Ea.sip%3A2001%40pbx%2Eexample%20%2A.delivered');
    expect(parseSubject(got[0]!.subject)).to.deep.include({ device: 'sip:2001@pbx.example *', event: 'delivered' });
    expect(got[0]!.headers?.get('Nats-Msg-Id')).to.equal('pbx%2Ea:7:1');
    expect(got[0]!.headers?.get(EPOCH_HEADER)).to.equal('7');
    expect(pegaGot[0]!.subject).to.equal('pega.pbx%2Ea.agent%2E1');
    expect(pegaGot[0]!.json()).to.deep.equal(agentReady('agent.1'));
    expect(pub.stats).to.deep.include({ published: 21, duplicates: 0 });
    pub.detach();
    session.emit('event', delivered('after'), monitorOf('2001'));
    expect(pub.inFlight).to.equal(0);
    await consumer.stop();
    await pegaConsumer.stop();
  });

  it('de-duplicates by Nats-Msg-Id: a re-sent message is stored once', async () => {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await ensureLinkStream(jsm, { link: 'dup', maxAgeMs: 60_000 });
    const first = await js.publish('pega.dup.a', '{}', { msgID: 'dup:1:1' });
    const second = await js.publish('pega.dup.a', '{}', { msgID: 'dup:1:1' });
    expect(second).to.deep.include({ duplicate: true, seq: first.seq });
    // Two publishers with the same epoch (a restarted instance that kept its lease) collide on ids;
    // different epochs (a takeover) never do.
    const a = new NatsEventPublisher(js, { link: 'dup', epoch: 5 });
    const b = new NatsEventPublisher(js, { link: 'dup', epoch: 5 });
    const c = new NatsEventPublisher(js, { link: 'dup', epoch: 6 });
    a.publishPega('x', agentReady('x'));
    b.publishPega('x', agentReady('x'));
    c.publishPega('x', agentReady('x'));
    await Promise.all([a.flush(), b.flush(), c.flush()]);
    expect(a.stats.published + b.stats.published).to.equal(1);
    expect(a.stats.duplicates + b.stats.duplicates).to.equal(1);
    expect(c.stats.published).to.equal(1);
    const state = (await jsm.streams.info('CSTA_dup')).state;
    expect(state.messages).to.equal(3);
  });

  it('bounds: a backlog past maxPending and an oversize event are dropped and counted', async () => {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await ensureLinkStream(jsm, { link: 'bound', maxAgeMs: 60_000 });
    const pub = new NatsEventPublisher(js, { link: 'bound', maxPending: 5, maxEventBytes: 512 });
    const drops: string[] = [];
    pub.on('dropped', (reason) => drops.push(reason));
    for (let i = 0; i < 8; i++) pub.publishPega('a', agentReady('a'));
    pub.publishPega('a', { ...agentReady('a'), pyReasonCode: 'x'.repeat(600) } as PegaEvent);
    pub.publishCsta(delivered('c'), monitorOf('9'.repeat(300)));
    await pub.flush();
    expect(pub.stats.published).to.equal(5);
    expect(pub.stats.dropped).to.deep.include({ backlog: 3, 'too-large': 1, 'bad-subject': 1 });
    expect(drops).to.have.length(5);
  });

  it('a consumer skips messages of a deposed epoch once a newer one was seen', async () => {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await ensureLinkStream(jsm, { link: 'ep', maxAgeMs: 60_000 });
    const got: string[] = [];
    const consumer = await LinkEventConsumer.start(js, { stream: 'CSTA_ep', filter: 'pega.ep.*', from: { kind: 'all' }, onMessage: (m) => got.push(m.headers?.get(EPOCH_HEADER) ?? '') });
    const old = new NatsEventPublisher(js, { link: 'ep', epoch: 1 });
    const fresh = new NatsEventPublisher(js, { link: 'ep', epoch: 2 });
    old.publishPega('a', agentReady('a'));
    await old.flush();
    fresh.publishPega('a', agentReady('a'));
    await fresh.flush();
    old.publishPega('a', agentReady('a'));
    await old.flush();
    await waitFor(() => consumer.lastSeq === 3, 3000, 'three messages');
    expect(got).to.deep.equal(['1', '2']);
    expect(consumer.skippedStale).to.equal(1);
    await consumer.stop();
  });
});
