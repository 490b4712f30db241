import { expect } from 'chai';
import { WebSocket } from 'ws';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import type { PegaGatewayOptions } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import { GatewayErrorCode } from '../../../../lib/pega/gateway/types.js';
import { ConnectionClosedError } from '../../../../lib/session/errors.js';
import type { PegaEvent } from '../../../../lib/pega/gateway/types.js';
import { Client, FakeLink, connect, get, open } from './helpers.js';

const TOKENS = {
  'tok-alice': { agentId: '5501', device: '8808' },
  'tok-bob': { agentId: '5502', device: '8809' },
};

describe('PegaGateway (fake link, 127.0.0.1)', () => {
  let link: FakeLink;
  let gateway: PegaGateway;
  let port: number;
  const clients: Client[] = [];

  async function start(extra: Partial<PegaGatewayOptions> = {}): Promise<void> {
    gateway = new PegaGateway({ link, authenticate: staticTokenTable(TOKENS), ...extra });
    port = await gateway.listen();
  }
  async function client(token: string): Promise<Client> {
    const c = await connect(port, token);
    clients.push(c);
    return c;
  }

  beforeEach(async () => {
    link = new FakeLink();
    await start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await gateway.close();
  });

  describe('authentication', () => {
    it('refuses an upgrade without a token, with an unknown token or without the gateway subprotocol (401)', async () => {
      for (const protocols of [[], ['pega-gateway.v1'], ['pega-gateway.v1', 'bearer.nope'], ['bearer.tok-alice']]) {
        const opened = await open(port, protocols);
        expect(opened, JSON.stringify(protocols)).to.deep.equal({ kind: 'refused', status: 401 });
      }
      expect(gateway.connectionCount).to.equal(0);
    });

    it('refuses other paths (404) and accepts a known token with the gateway subprotocol selected', async () => {
      expect(await open(port, ['pega-gateway.v1', 'bearer.tok-alice'], '/other')).to.deep.equal({ kind: 'refused', status: 404 });
      const c = await client('tok-alice');
      expect(c.ws.protocol).to.equal('pega-gateway.v1');
      expect(gateway.connectionCount).to.equal(1);
    });

    it('treats an authenticator that throws as a refusal', async () => {
      await gateway.close();
      await start({ authenticate: () => { throw new Error('db down'); } });
      expect(await open(port, ['pega-gateway.v1', 'bearer.tok-alice'])).to.deep.equal({ kind: 'refused', status: 401 });
    });

    it('checks the Origin header when allowedOrigins is set (403)', async () => {
      await gateway.close();
      await start({ allowedOrigins: ['http://toolbar.example'] });
      expect(await open(port, ['pega-gateway.v1', 'bearer.tok-alice'])).to.deep.equal({ kind: 'refused', status: 403 });
      const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, ['pega-gateway.v1', 'bearer.tok-alice'], { origin: 'http://toolbar.example' });
      const c = new Client(ws);
      clients.push(c);
      await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
      expect(gateway.connectionCount).to.equal(1);
    });
  });

  describe('socket bounds', () => {
    it('refuses sockets past maxSockets with 503 (each costs CSTA requests) and accepts again once one closes', async () => {
      await gateway.close();
      const rejected: [number, string][] = [];
      await start({ maxSockets: 2 });
      gateway.on('rejected', (status, reason) => rejected.push([status, reason]));
      const first = await client('tok-alice');
      await client('tok-bob');
      expect(await open(port, ['pega-gateway.v1', 'bearer.tok-bob'])).to.deep.equal({ kind: 'refused', status: 503 });
      expect(rejected).to.have.length(1);
      expect(rejected[0]![1]).to.match(/maxSockets/);
      expect(gateway.connectionCount).to.equal(2);
      expect(link.refreshed).to.have.length(2); // the refused socket cost no snapshot
      first.ws.close();
      await first.closed;
      const deadline = Date.now() + 2000;
      while (gateway.connectionCount > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await client('tok-alice');
      expect(gateway.connectionCount).to.equal(2);
    });

    it('refuses an agent\'s sockets past maxSocketsPerAgent with 503, leaving room for other agents', async () => {
      await gateway.close();
      await start({ maxSocketsPerAgent: 1 });
      await client('tok-alice');
      expect(await open(port, ['pega-gateway.v1', 'bearer.tok-alice'])).to.deep.equal({ kind: 'refused', status: 503 });
      await client('tok-bob');
      expect(gateway.connectionCount).to.equal(2);
    });
  });

  describe('requests', () => {
    it('forwards a request for the token\'s agent and returns the result under the same id', async () => {
      link.answer = async (_agent, request) =>
        'callId' in request && request.callId === '4953' ? { ok: true } : { ok: false, errCode: 'OPENCTI_CALL_REJECTED', errMessage: 'no such call' };
      const c = await client('tok-alice');
      expect(await c.call(1, { action: 'answerCall', callId: '4953' })).to.deep.equal({ id: 1, result: { ok: true } });
      expect(await c.call('two', { action: 'holdCall', callId: '1' })).to.deep.equal({ id: 'two', result: { ok: false, errCode: 'OPENCTI_CALL_REJECTED', errMessage: 'no such call' } });
      expect(link.requests).to.deep.equal([
        { agentId: '5501', request: { action: 'answerCall', callId: '4953' } },
        { agentId: '5501', request: { action: 'holdCall', callId: '1' } },
      ]);
    });

    it('logs in with the identity bound to the token and passes login errors through', async () => {
      const c = await client('tok-bob');
      expect(await c.call(1, { action: 'login', password: 'pw' })).to.deep.equal({ id: 1, result: { ok: true } });
      expect(link.logins).to.deep.equal([{ agentId: '5502', device: '8809', password: 'pw' }]);
      link.loginAnswer = { ok: false, errCode: 'OPENCTI_AGENT_LOGGED_IN', errMessage: 'already logged in' };
      expect(await c.call(2, { action: 'login', agentId: '5502' })).to.deep.equal({ id: 2, result: { ok: false, errCode: 'OPENCTI_AGENT_LOGGED_IN', errMessage: 'already logged in' } });
      expect(link.logins[1]).to.deep.equal({ agentId: '5502', device: '8809' });
      expect(await c.call(3, { action: 'logout' })).to.deep.equal({ id: 3, result: { ok: true } });
      expect(await c.call(4, { action: 'logout', reasonCode: '7' })).to.deep.equal({ id: 4, result: { ok: true } });
      expect(link.logouts).to.deep.equal(['5502', '5502:7']);
      expect(link.requests).to.have.length(0);
    });

    it('passes the work mode and queue typed at Pega login on to the link', async () => {
      const c = await client('tok-bob');
      expect(await c.call(1, { action: 'login', workMode: 'MODE_MANUAL_IN', queue: '6001' })).to.deep.equal({ id: 1, result: { ok: true } });
      expect(link.logins).to.deep.equal([{ agentId: '5502', device: '8809', workMode: 'MODE_MANUAL_IN', queue: '6001' }]);
    });

    it('refuses to act for another agent', async () => {
      const c = await client('tok-alice');
      const r1 = await c.call(1, { action: 'login', agentId: '5502' });
      expect(r1).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      const r2 = await c.call(2, { action: 'agentReady', agentId: '5502' });
      expect(r2).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      expect(link.requests).to.have.length(0);
      expect(link.logins).to.have.length(0);
      // A device in the request is not a login field: the token's device is used.
      expect(await c.call(4, { action: 'login', agentId: '5501', device: '8809' })).to.deep.equal({ id: 4, result: { ok: true } });
      expect(link.logins).to.deep.equal([{ agentId: '5501', device: '8808' }]);
    });

    it('answers bad input with OPENCTI_CF_GENERIC_OPERATION and keeps the socket open', async () => {
      const c = await client('tok-alice');
      c.send('not json');
      expect(await c.next()).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      c.send({ id: 9, request: { action: 'rebootSwitch' } });
      const unknown = await c.next();
      expect(unknown).to.have.property('id', 9);
      expect(unknown).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      const missing = await c.call(11, { action: 'holdCall' });
      expect(missing).to.have.property('id', 11);
      expect(missing).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      expect(missing).to.have.nested.property('result.errMessage').that.contains('callId');
      c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
      expect(await c.next()).to.have.nested.property('result.errCode', GatewayErrorCode.InvalidRequest);
      expect(link.requests).to.have.length(0);
      expect(await c.call(10, { action: 'wrapUp' })).to.deep.equal({ id: 10, result: { ok: true } });
    });

    it('turns a link that throws into an OpenCTI error result', async () => {
      link.answer = async () => { throw new Error('bug in link'); };
      const c = await client('tok-alice');
      expect(await c.call(1, { action: 'hangUpCall', callId: '1' })).to.deep.equal({
        id: 1,
        result: { ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION', errMessage: 'bug in link' },
      });
      link.answer = async () => { throw new ConnectionClosedError('socket reset'); };
      expect(await c.call(2, { action: 'hangUpCall', callId: '1' })).to.have.nested.property('result.errCode', 'OPENCTI_HTTP_ERROR_503');
    });

    it('bounds the requests in flight per socket', async () => {
      await gateway.close();
      await start({ maxInFlight: 2 });
      const release: Array<() => void> = [];
      link.answer = () => new Promise((resolve) => release.push(() => resolve({ ok: true })));
      const c = await client('tok-alice');
      c.send({ id: 1, request: { action: 'wrapUp' } });
      c.send({ id: 2, request: { action: 'wrapUp' } });
      c.send({ id: 3, request: { action: 'wrapUp' } });
      expect(await c.next()).to.deep.equal({ id: 3, result: { ok: false, errCode: GatewayErrorCode.TooManyRequests, errMessage: 'too many requests in flight on this socket' } });
      for (const r of release) r();
      expect([await c.next(), await c.next()]).to.deep.equal([{ id: 1, result: { ok: true } }, { id: 2, result: { ok: true } }]);
    });

    it('closes a socket that sends a frame over maxPayload (1009)', async () => {
      await gateway.close();
      await start({ maxPayload: 256 });
      const c = await client('tok-alice');
      c.send({ id: 1, request: { action: 'makeCall', destination: '1'.repeat(400) } });
      expect(await c.closed).to.equal(1009);
      expect(link.requests).to.have.length(0);
    });
  });

  describe('events', () => {
    it('delivers each agent\'s events to that agent\'s sockets only', async () => {
      const alice1 = await client('tok-alice');
      const alice2 = await client('tok-alice');
      const bob = await client('tok-bob');
      const forAlice: PegaEvent = {
        pyEventType: 'CallStateEvent', pyEventName: 'Alerting', pyCallId: '1', pyANI: '16175551212', pyOtherDN: '16175551212',
        pyCallType: 'INBOUND', pyMedia: 'Phone', pyThisDN: '8808', pyDNIS: '8808',
      };
      const forBob: PegaEvent = { pyEventType: 'AgentStateEvent', pyEventName: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyMedia: 'Phone', pyAgentId: '5502', pyThisDN: '8809' };
      const forNobody: PegaEvent = { ...forBob, pyEventName: 'Logout', pyAgentId: '9999' };
      link.fire('5501', forAlice);
      link.fire('5502', forBob);
      link.fire('9999', forNobody);
      expect(await alice1.next()).to.deep.equal({ event: forAlice });
      expect(await alice2.next()).to.deep.equal({ event: forAlice });
      expect(await bob.next()).to.deep.equal({ event: forBob });
      // A round trip on each socket proves nothing else was queued before it.
      for (const c of [alice1, alice2, bob]) expect(await c.call('sync', { action: 'wrapUp' })).to.deep.equal({ id: 'sync', result: { ok: true } });
    });

    it('asks the link for a snapshot of the agent as each socket opens', async () => {
      const snapshot: PegaEvent = {
        pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: '5502', pyAgentState: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE',
        pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: '8809', pyCalls: [{ pyCallId: '7', pyCallState: 'Held', pyOtherDN: '3001' }],
      };
      link.snapshot = snapshot;
      const bob = await client('tok-bob');
      expect(await bob.next()).to.deep.equal({ event: snapshot });
      expect(link.refreshed).to.deep.equal(['5502']);
    });

    it('stops listening to the link on close and closes sockets with 1001', async () => {
      const c = await client('tok-alice');
      expect(link.listenerCount('event')).to.equal(1);
      await gateway.close();
      expect(await c.closed).to.equal(1001);
      expect(link.listenerCount('event')).to.equal(0);
    });
  });

  describe('heartbeat', () => {
    it('drops a socket that stops answering pings and keeps one that answers', async () => {
      await gateway.close();
      await start({ heartbeatMs: 40, logoutOnClose: true });
      const healthy = await client('tok-bob');
      const aliceGone = new Promise<number>((resolve) => gateway.on('disconnection', (who, code) => { if (who.agentId === '5501') resolve(code); }));
      const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, ['pega-gateway.v1', 'bearer.tok-alice'], { autoPong: false });
      const silent = new Client(ws);
      clients.push(silent);
      await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
      expect(await silent.closed).to.equal(1006);
      expect(await aliceGone).to.equal(1006);
      expect(link.logouts).to.deep.equal(['5501']);
      expect(healthy.ws.readyState).to.equal(WebSocket.OPEN);
      expect(await healthy.call(1, { action: 'wrapUp' })).to.deep.equal({ id: 1, result: { ok: true } });
    });
  });

  describe('logout on close', () => {
    it('does not log out by default', async () => {
      const c = await client('tok-alice');
      c.ws.close();
      await c.closed;
      await new Promise((r) => setTimeout(r, 50));
      expect(link.logouts).to.deep.equal([]);
    });

    it('logs out when the agent\'s last socket closes, if enabled', async () => {
      await gateway.close();
      await start({ logoutOnClose: true });
      const a1 = await client('tok-alice');
      const a2 = await client('tok-alice');
      const disconnected = (): Promise<void> => new Promise((resolve) => gateway.once('disconnection', () => resolve()));
      let gone = disconnected();
      a1.ws.close();
      await gone;
      expect(link.logouts).to.deep.equal([]);
      gone = disconnected();
      a2.ws.close();
      await gone;
      expect(link.logouts).to.deep.equal(['5501']);
    });
  });

  describe('static files', () => {
    it('serves the toolbar page and script with their content types', async () => {
      const page = await get(port, '/');
      expect(page.status).to.equal(200);
      expect(page.type).to.equal('text/html; charset=utf-8');
      expect(page.body).to.contain('<script src="toolbar.js">');
      expect(page.headers['x-content-type-options']).to.equal('nosniff');
      expect(page.headers['content-security-policy']).to.contain("script-src 'self'");
      const script = await get(port, '/toolbar.js');
      expect(script.status).to.equal(200);
      expect(script.type).to.equal('text/javascript; charset=utf-8');
      expect(script.body).to.contain('pega-gateway.v1');
      expect((await get(port, '/toolbar.js', 'HEAD')).body).to.equal('');
    });

    it('serves nothing else from disk', async () => {
      for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/public/toolbar.js', '/server.ts', '/toolbar.js/', '//etc/passwd', '/toolbar.html%00.js']) {
        const res = await get(port, path);
        expect(res.status, path).to.equal(404);
        expect(res.body, path).to.equal('not found\n');
      }
      expect((await get(port, '/', 'POST')).status).to.equal(405);
    });

    it('serves no files when publicDir is false', async () => {
      await gateway.close();
      await start({ publicDir: false });
      expect((await get(port, '/')).status).to.equal(404);
    });
  });
});
