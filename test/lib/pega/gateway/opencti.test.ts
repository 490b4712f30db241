/**
 * The OpenCTI adapter's own behaviour, in Node with a scripted WebSocket: what it installs, how it
 * reads Pega's arguments, and its bounds (timeouts, pending requests, dropped sockets).
 */
import { expect } from 'chai';
import { installOpenCti, urlFromLinkDefinition, urlFromScript, readOptions, MAX_PENDING } from '../../../../lib/opencti/index.js';
import type { OpenCtiDesktopApi, OpenCtiErrorObject, WebSocketLike } from '../../../../lib/opencti/index.js';

/** A WebSocket that records frames and is driven by the test. */
class FakeSocket implements WebSocketLike {
  static last: FakeSocket | undefined;
  static opened: FakeSocket[] = [];
  readyState = 0;
  readonly protocol = 'pega-gateway.v1';
  readonly sent: Array<{ id: number; request: Record<string, unknown> }> = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {
    FakeSocket.last = this;
    FakeSocket.opened.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }
  send(data: string): void {
    const frame = JSON.parse(data) as { id: number; request: Record<string, unknown> };
    this.sent.push(frame);
    if (FakeSocket.autoAnswer) this.reply(frame.id, { ok: true });
  }
  close(code = 1000): void {
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code, reason: '' }));
  }
  reply(id: number, result: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  event(event: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ event }) });
  }
  static autoAnswer = true;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: OpenCtiErrorObject };

function outcome(run: (success: (r: unknown) => void, failure: (e: OpenCtiErrorObject) => void) => void): Promise<Outcome> {
  return new Promise((resolve) => run((result) => resolve({ ok: true, result }), (error) => resolve({ ok: false, error })));
}

describe('csta-link/opencti adapter (scripted WebSocket)', () => {
  let page: Record<string, unknown>;
  let api: OpenCtiDesktopApi;
  const events: unknown[] = [];

  async function login(options: unknown = { pyJWTString: 'jwt-1' }): Promise<Outcome> {
    return outcome((s, f) => api.login('5501', 'pw', '2000', { pyPrimaryHost: 'gw.example', pyPrimaryPort: 8443 }, options as never, s, f, (e) => events.push(e)));
  }

  beforeEach(() => {
    FakeSocket.autoAnswer = true;
    FakeSocket.opened = [];
    events.length = 0;
    page = { location: { protocol: 'https:' } };
    const Api = installOpenCti({ global: page, WebSocket: FakeSocket, requestTimeoutMs: 200, backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
    api = new Api();
  });

  it('installs a constructor and a compatible errorObject when the page has none', async () => {
    const desktopApi = (page['pega'] as { cti: { desktopApi: Record<string, unknown> } }).cti.desktopApi;
    expect(desktopApi['cstaLink']).to.be.a('function');
    expect(api.name).to.equal('cstaLink');
    const failed = await outcome((s, f) => api.answerCall('', {}, s, f));
    expect(failed).to.deep.include({ ok: false });
    const error = (failed as { error: OpenCtiErrorObject }).error;
    expect(error).to.be.instanceOf(desktopApi['errorObject'] as new () => unknown);
    expect({ ...error }).to.deep.equal({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN', errMessage: 'answerCall: not logged in' });
    expect(() => installOpenCti({ global: page, name: 'errorObject' })).to.throw(TypeError);
  });

  it('login: wss URL from the link definition, the token in the subprotocol, Pega\'s arguments in the request', async () => {
    expect(await login(JSON.stringify({ pyJWTString: 'jwt-1' }))).to.deep.equal({ ok: true, result: {} });
    const socket = FakeSocket.last!;
    expect(socket.url).to.equal('wss://gw.example:8443/cti');
    expect(socket.protocols).to.deep.equal(['pega-gateway.v1', 'bearer.jwt-1']);
    expect(socket.sent[0]!.request).to.deep.equal({ action: 'login', agentId: '5501', password: 'pw', extension: '2000' });
  });

  it('login without a token fails with OPENCTI_HTTP_ERROR_401 and opens nothing', async () => {
    const failed = await login({});
    expect(failed).to.deep.include({ ok: false });
    expect((failed as { error: OpenCtiErrorObject }).error.errCode).to.equal('OPENCTI_HTTP_ERROR_401');
    expect(FakeSocket.opened).to.have.length(0);
  });

  it('maps Pega\'s argument orders onto gateway requests', async () => {
    await login();
    const socket = FakeSocket.last!;
    socket.event({ pyEventType: 'CallStateEvent', pyEventName: 'Alerting', pyCallId: 'c9' });
    const run = (f: (s: (r: unknown) => void, e: (x: OpenCtiErrorObject) => void) => void): Promise<Outcome> => outcome(f);
    await run((s, f) => api.answerCall('', '{}', s, f));
    await run((s, f) => api.hangUpCall('', null, s, f));
    await run((s, f) => api.makeCall('3000', { callData: 'a=1' }, s, f));
    await run((s, f) => api.sendDTMF('c9', '12#', {}, s, f));
    await run((s, f) => api.transferComplete('c9', 'c10', {}, s, f));
    await run((s, f) => api.conferenceComplete('c9', '', {}, s, f));
    await run((s, f) => api.dropParty('c9', '3000', {}, s, f));
    await run((s, f) => api.agentNotReady('5501', 'ACW', '12', {}, {}, s, f));
    await run((s, f) => api.agentReady('5501', '', {}, s, f));
    expect(socket.sent.slice(1).map((f) => f.request)).to.deep.equal([
      { action: 'answerCall', callId: 'c9' },
      { action: 'hangUpCall', callId: 'c9' },
      { action: 'makeCall', destination: '3000', callData: 'a=1' },
      { action: 'sendDTMF', callId: 'c9', digits: '12#' },
      { action: 'transferComplete', callId: 'c9', consultCallId: 'c10' },
      { action: 'conferenceComplete', callId: 'c9' },
      { action: 'dropParty', callId: 'c9', party: '3000' },
      { action: 'agentNotReady', workMode: 'ACW', reasonCode: '12' },
      { action: 'agentReady' },
    ]);
    expect(events).to.have.length(1);
  });

  it('a request without an answer fails with OPENCTI_HTTP_ERROR_504; past MAX_PENDING with OPENCTI_GATEWAY_BUSY', async () => {
    await login();
    FakeSocket.autoAnswer = false;
    const waiting = Array.from({ length: MAX_PENDING }, () => outcome((s, f) => api.holdCall('c1', {}, s, f)));
    const busy = await outcome((s, f) => api.holdCall('c1', {}, s, f));
    expect((busy as { error: OpenCtiErrorObject }).error.errCode).to.equal('OPENCTI_GATEWAY_BUSY');
    const timedOut = await Promise.all(waiting);
    expect(timedOut.map((o) => (o as { error: OpenCtiErrorObject }).error.errCode)).to.deep.equal(Array(MAX_PENDING).fill('OPENCTI_HTTP_ERROR_504'));
  });

  it('a dropped socket fails what was waiting (503), forwards a DISCONNECTED Snapshot, reconnects and logs in again', async () => {
    await login();
    const first = FakeSocket.last!;
    first.event({ pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyLinkState: 'CONNECTED', pyAgentId: '5501' });
    FakeSocket.autoAnswer = false;
    const waiting = outcome((s, f) => api.holdCall('c1', {}, s, f));
    first.close(1006);
    expect(((await waiting) as { error: OpenCtiErrorObject }).error.errCode).to.equal('OPENCTI_HTTP_ERROR_503');
    expect(events.at(-1)).to.deep.include({ pyEventType: 'SnapshotEvent', pyLinkState: 'DISCONNECTED', pyAgentId: '5501' });
    const end = Date.now() + 2000;
    while (FakeSocket.opened.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 5));
    const second = FakeSocket.opened[1]!;
    expect(second.sent[0]!.request).to.deep.include({ action: 'login', agentId: '5501' });
  });

  it('asks a token function again before each reconnect', async () => {
    let n = 0;
    const Api = installOpenCti({ global: {}, name: 'renewing', WebSocket: FakeSocket, url: 'ws://gw/cti', token: async () => `jwt-${++n}`, backoff: { initialDelayMs: 5, maxDelayMs: 20 } });
    const renewing = new Api();
    await outcome((s, f) => renewing.login('5501', '', '', {}, {}, s, f, () => undefined));
    FakeSocket.last!.close(4401);
    const end = Date.now() + 2000;
    while (FakeSocket.opened.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    expect(FakeSocket.opened.map((s) => s.protocols[1])).to.deep.equal(['bearer.jwt-1', 'bearer.jwt-2']);
    await outcome((s, f) => renewing.logout('5501', '', {}, s, f));
  });

  it('logout closes the socket for good', async () => {
    await login();
    expect(await outcome((s, f) => api.logout('5501', '3', {}, s, f))).to.deep.equal({ ok: true, result: {} });
    expect(FakeSocket.last!.sent.at(-1)!.request).to.deep.equal({ action: 'logout', reasonCode: '3' });
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeSocket.opened).to.have.length(1);
    expect(((await outcome((s, f) => api.holdCall('c1', {}, s, f))) as { error: OpenCtiErrorObject }).error.errCode).to.equal('OPENCTI_AGENT_NOT_LOGGED_IN');
  });

  it('derives gateway URLs and reads options', () => {
    expect(urlFromLinkDefinition({ pyPrimaryHost: 'gw', pyPrimaryPort: '9000' }, 'http:')).to.equal('ws://gw:9000/cti');
    expect(urlFromLinkDefinition({ pyPrimaryHost: '::1' }, 'https:')).to.equal('wss://[::1]/cti');
    expect(urlFromLinkDefinition({}, 'https:')).to.equal(undefined);
    expect(urlFromScript('https://gw.example:8443/opencti.classic.js')).to.equal('wss://gw.example:8443/cti');
    expect(urlFromScript('file:///x.js')).to.equal(undefined);
    expect(readOptions('{"a":1}')).to.deep.equal({ a: 1 });
    expect(readOptions('not json')).to.deep.equal({});
    expect(readOptions('[1]')).to.deep.equal({});
  });
});
