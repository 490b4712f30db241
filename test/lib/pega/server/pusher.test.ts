import { expect } from 'chai';
import { PegaEventPusher } from '../../../../lib/pega/server/pusher.js';
import type { PegaPushEnvelope } from '../../../../lib/pega/server/pusher.js';
import { toServerEvent } from '../../../../lib/pega/server-view.js';
import type { PegaServerEvent } from '../../../../lib/pega/server-view.js';
import type { AgentStateEvent } from '../../../../lib/pega/types.js';
import { waitFor } from '../../../support/wait.js';
import { Receiver } from './receiver.js';

/** An AgentStateEvent for `agentId` at `dn`, its reason code numbering it. */
function agentEvent(agentId: string, dn: string, n: number): PegaServerEvent {
  const e: AgentStateEvent = { pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: String(n), pyWorkMode: 'AUX_WORK', pyMedia: 'Phone', pyAgentId: agentId, pyThisDN: dn };
  return toServerEvent(e, { dn, agentId });
}
const reasons = (bodies: unknown[], agentId: string): string[] =>
  bodies.map((b) => b as PegaPushEnvelope).filter((b) => b.agentId === agentId).map((b) => (b.ctiEvent as { pyReasonCode: string }).pyReasonCode);

describe('PegaEventPusher (HTTP to a receiver on 127.0.0.1)', () => {
  let receiver: Receiver;
  let pusher: PegaEventPusher | undefined;

  beforeEach(async () => {
    receiver = new Receiver();
    await receiver.listen();
  });
  afterEach(async () => {
    pusher?.close();
    pusher = undefined;
    await receiver.close();
  });

  it('POSTs one envelope per event with DN, agent, sequence, the CTIEvent properties and the auth header', async () => {
    pusher = new PegaEventPusher({ url: receiver.url, authorization: 'Bearer pega-secret', headers: { 'x-link': 'lab' } });
    const delivered: number[] = [];
    pusher.on('delivered', (env) => delivered.push(env.sequence));
    pusher.push(agentEvent('5501', '2001', 1));
    pusher.push(agentEvent('5501', '2001', 2));
    expect(await pusher.flush(3000)).to.equal(true);
    expect(receiver.requests).to.have.length(2);
    const first = receiver.requests[0];
    expect(first?.headers.authorization).to.equal('Bearer pega-secret');
    expect(first?.headers['x-link']).to.equal('lab');
    expect(first?.headers['content-type']).to.equal('application/json');
    expect(first?.body).to.deep.include({ dn: '2001', agentId: '5501', sequence: 1 });
    expect((first?.body as PegaPushEnvelope).ctiEvent).to.deep.include({ pyEventType: 'AgentStateEvent', pyAgentState: 'NotReady', pyDN: '2001', pyAgentID: '5501', pyReasonCode: '1' });
    expect(delivered).to.deep.equal([1, 2]);
    expect(pusher.stats).to.deep.equal({ depth: 0, delivered: 2, failures: 0, rejected: 0, dropped: 0 });
  });

  it('Pega down (503) for a while, then up: every event arrives, in order per agent, with retries counted', async () => {
    let down = true;
    receiver.status = () => (down ? 503 : 200);
    pusher = new PegaEventPusher({ url: receiver.url, retryBaseMs: 5, retryMaxMs: 40 });
    const failures: number[] = [];
    pusher.on('failure', (_env, _err, retryIn) => failures.push(retryIn));
    for (let i = 1; i <= 20; i++) {
      pusher.push(agentEvent('5501', '2001', i));
      pusher.push(agentEvent('5502', '2002', i));
    }
    await waitFor(() => receiver.requests.length >= 10, 3000, 'several refused attempts');
    expect(receiver.accepted).to.have.length(0);
    expect(pusher.depth).to.equal(40);
    down = false;
    expect(await pusher.flush(5000)).to.equal(true);
    const expected = Array.from({ length: 20 }, (_, i) => String(i + 1));
    expect(reasons(receiver.accepted, '5501')).to.deep.equal(expected);
    expect(reasons(receiver.accepted, '5502')).to.deep.equal(expected);
    expect(pusher.delivered).to.equal(40);
    expect(pusher.dropped).to.equal(0);
    expect(pusher.failures).to.be.greaterThan(0).and.equal(failures.length);
    for (const d of failures) expect(d).to.be.within(1, 40);
  });

  it('a receiver that is not listening at all (connection refused) is retried the same way', async () => {
    const url = receiver.url;
    await receiver.close();
    pusher = new PegaEventPusher({ url, retryBaseMs: 5, retryMaxMs: 20 });
    pusher.push(agentEvent('5501', '2001', 1));
    await waitFor(() => (pusher?.failures ?? 0) >= 2, 3000, 'refused connections');
    expect(pusher.depth).to.equal(1);
    expect(pusher.delivered).to.equal(0);
  });

  it('one request in flight per agent: the next event waits for the previous one', async () => {
    receiver.delayMs = 300;
    pusher = new PegaEventPusher({ url: receiver.url });
    pusher.push(agentEvent('5501', '2001', 1));
    pusher.push(agentEvent('5501', '2001', 2));
    pusher.push(agentEvent('5502', '2002', 1));
    await waitFor(() => receiver.arrivals.length >= 2, 250, 'two requests in flight');
    await new Promise((r) => setTimeout(r, 20));
    // 5501's second event waits for the first to be answered; 5502's goes at once.
    expect(receiver.requests).to.have.length(0);
    expect(receiver.arrivals.map((b) => `${(b as PegaPushEnvelope).agentId}/${(b as PegaPushEnvelope).sequence}`)).to.have.members(['5501/1', '5502/1']);
    await pusher.flush(2000);
    const order = receiver.requests.map((r) => `${(r.body as PegaPushEnvelope).agentId}/${(r.body as PegaPushEnvelope).sequence}`);
    expect(order.indexOf('5501/1')).to.be.lessThan(order.indexOf('5501/2'));
    expect(order).to.have.members(['5501/1', '5501/2', '5502/1']);
  });

  it('queue bound reached: the oldest waiting events are dropped, counted and reported; the newest arrive', async () => {
    let down = true;
    receiver.status = () => (down ? 503 : 200);
    pusher = new PegaEventPusher({ url: receiver.url, maxQueued: 5, retryBaseMs: 5, retryMaxMs: 10 });
    const dropped: string[] = [];
    pusher.on('dropped', (env, reason) => dropped.push(`${(env.ctiEvent as { pyReasonCode: string }).pyReasonCode}:${reason}`));
    pusher.push(agentEvent('5501', '2001', 1));
    await waitFor(() => receiver.requests.length >= 1, 2000, 'first attempt'); // event 1 is now the head, retried
    for (let i = 2; i <= 12; i++) pusher.push(agentEvent('5501', '2001', i));
    expect(pusher.depth).to.equal(5);
    expect(pusher.dropped).to.equal(7);
    down = false;
    expect(await pusher.flush(3000)).to.equal(true);
    // The head is kept while in flight (then 1 survives), else dropped like the rest (then 8 does).
    const got = reasons(receiver.accepted, '5501');
    expect(got).to.have.length(5);
    expect(['1', '8']).to.include(got[0]);
    expect(got.slice(1)).to.deep.equal(['9', '10', '11', '12']);
    expect(dropped).to.have.length(7);
    for (const d of dropped) expect(d).to.match(/:queueFull$/);
  });

  it('a 4xx answer is not retried: the event is counted as rejected and the next one goes', async () => {
    let n = 0;
    receiver.status = () => (++n === 1 ? 400 : 200);
    pusher = new PegaEventPusher({ url: receiver.url });
    const rejected: number[] = [];
    pusher.on('rejected', (_env, status) => rejected.push(status));
    pusher.push(agentEvent('5501', '2001', 1));
    pusher.push(agentEvent('5501', '2001', 2));
    await pusher.flush(2000);
    expect(rejected).to.deep.equal([400]);
    expect(pusher.stats).to.deep.include({ rejected: 1, delivered: 1, failures: 0 });
    expect(reasons(receiver.accepted, '5501')).to.deep.equal(['2']);
  });

  it('flush times out while Pega is down; close discards the rest as dropped and refuses new events', async () => {
    receiver.status = () => 503;
    pusher = new PegaEventPusher({ url: receiver.url, retryBaseMs: 5, retryMaxMs: 10 });
    pusher.push(agentEvent('5501', '2001', 1));
    pusher.push(agentEvent('5501', '2001', 2));
    const t0 = Date.now();
    expect(await pusher.flush(100)).to.equal(false);
    expect(Date.now() - t0).to.be.within(90, 1000);
    const reasonsSeen: string[] = [];
    pusher.on('dropped', (_e, reason) => reasonsSeen.push(reason));
    expect(pusher.close()).to.equal(2);
    expect(pusher.depth).to.equal(0);
    expect(pusher.push(agentEvent('5501', '2001', 3))).to.equal(false);
    expect(pusher.dropped).to.equal(3);
    expect(reasonsSeen).to.deep.equal(['closed', 'closed', 'closed']);
    await new Promise((r) => setTimeout(r, 30)); // a request already on its way may still land
    const attempts = receiver.arrivals.length;
    await new Promise((r) => setTimeout(r, 80)); // retries (every ≤ 10 ms) would show here
    expect(receiver.arrivals.length).to.equal(attempts); // no retries after close
  });

  it('a request that takes longer than requestTimeoutMs counts as a failure and is retried', async () => {
    receiver.delayMs = 1000;
    pusher = new PegaEventPusher({ url: receiver.url, requestTimeoutMs: 150, retryBaseMs: 5, retryMaxMs: 10 });
    pusher.push(agentEvent('5501', '2001', 1));
    await waitFor(() => (pusher?.failures ?? 0) >= 1, 3000, 'a timed-out attempt');
    receiver.delayMs = 0;
    expect(await pusher.flush(3000)).to.equal(true);
    expect(pusher.delivered).to.equal(1);
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => new PegaEventPusher({ url: 'ftp://127.0.0.1/x' })).to.throw(TypeError, /http or https/);
  });
});
