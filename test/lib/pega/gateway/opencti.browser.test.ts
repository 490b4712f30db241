/**
 * The OpenCTI adapter in headless Chromium, inside a page that plays Pega's side of the contract:
 * a first script defines `pega.cti` and Pega's `errorObject`, then the adapter's classic bundle
 * is loaded from the gateway (a different origin, as in production), then the "Pega" harness
 * calls the desktop API functions and records every forwardEvent. Underneath, over 127.0.0.1:
 *
 *   Chromium (Pega page + adapter) ──WebSocket, JWT── PegaGateway ── PegaCtiLink ── CstaSession ── PbxSimulator
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH) and playwright-core; without them the suite is
 * skipped and says why.
 */
import { expect } from 'chai';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { ensureOpenCtiBundle } from './bundle.js';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { CstaSession } from '../../../../lib/session/session.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { jwtAuthenticator } from '../../../../lib/pega/gateway/jwt.js';
import type { PegaEvent } from '../../../../lib/pega/gateway/types.js';

const SECRET = 'opencti-browser-test-secret-0123456789abcdef';
const AGENT = '5501';
const CALLER = '16175551212';

/** Pega's side: the namespace and errorObject first (as Pega's own scripts do), then the adapter, then a harness. */
function pegaPage(gatewayPort: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Pega (test)</title>
<script>
  window.pega = { cti: { desktopApi: {} } };
  // Pega's error object, as the framework defines it.
  pega.cti.desktopApi.errorObject = function () { this.errCode = null; this.errMessage = null; this.fromPega = true; };
</script>
<script src="http://127.0.0.1:${gatewayPort}/opencti.classic.js"></script>
<script>
  window.events = [];
  window.api = new pega.cti.desktopApi.cstaLink();
  window.linkDefinition = { pyPrimaryHost: '127.0.0.1', pyPrimaryPort: '${gatewayPort}' };
  window.pegaCall = function (fn, args) {
    return new Promise(function (resolve) {
      var success = function (r) { resolve({ ok: true, result: r }); };
      var failure = function (e) {
        resolve({ ok: false, errCode: e.errCode, errMessage: e.errMessage, pegaErrorObject: e instanceof pega.cti.desktopApi.errorObject && e.fromPega === true });
      };
      var extra = fn === 'login' ? [function (event) { window.events.push(event); }] : [];
      window.api[fn].apply(window.api, args.concat([success, failure], extra));
    });
  };
</script></head><body>Pega</body></html>`;
}

/** A page that loads the ES module build cross-origin (CORS) and lets it find the gateway from its own URL. */
function modulePage(gatewayPort: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Pega (module)</title>
<script type="module">
  import { OPENCTI_IMPLEMENTATION_VERSION } from 'http://127.0.0.1:${gatewayPort}/opencti.js';
  const api = new window.pega.cti.desktopApi.cstaLink();
  window.moduleLogin = (token) => new Promise((resolve) => api.login('5501', '', '', {}, { pyJWTString: token },
    () => resolve({ ok: true, version: OPENCTI_IMPLEMENTATION_VERSION }), (e) => resolve({ ok: false, errCode: e.errCode, errMessage: e.errMessage }), () => undefined));
  window.moduleLogout = () => new Promise((resolve) => api.logout('5501', '', {}, () => resolve(true), () => resolve(false)));
</script></head><body>module</body></html>`;
}

type CallOutcome = { ok: true; result: { callId?: string } } | { ok: false; errCode: string; errMessage: string; pegaErrorObject: boolean };

describe('OpenCTI adapter in Chromium: a Pega page ↔ adapter ↔ gateway ↔ PegaCtiLink ↔ simulator', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let gateway: PegaGateway;
  let pega: http.Server;
  let page: Page;
  let token: string;
  let gatewayPort: number;
  const linkEvents: PegaEvent[] = [];

  const call = (fn: string, ...args: unknown[]): Promise<CallOutcome> => page.evaluate(([f, a]) => (window as unknown as { pegaCall: (f: string, a: unknown[]) => Promise<CallOutcome> }).pegaCall(f, a), [fn, args] as const);
  const pageEvents = (): Promise<PegaEvent[]> => page.evaluate(() => (window as unknown as { events: PegaEvent[] }).events);
  /** Waits until the page has received an event matching `want` after index `from`; returns it. */
  async function forwarded(want: (e: PegaEvent) => boolean, from = 0, timeoutMs = 5000): Promise<PegaEvent> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = (await pageEvents()).slice(from).find(want);
      if (found !== undefined) return found;
      if (Date.now() > end) throw new Error(`no matching forwardEvent within ${timeoutMs} ms; got ${JSON.stringify((await pageEvents()).slice(from).map((e) => `${e.pyEventType}/${e.pyEventName}`))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const callState = (name: string, callId?: string) => (e: PegaEvent) => e.pyEventType === 'CallStateEvent' && e.pyEventName === name && (callId === undefined || e.pyCallId === callId);
  const snapshot = (e: PegaEvent) => e.pyEventType === 'SnapshotEvent';

  before(async function () {
    const launched = await launchChromium();
    if (typeof launched === 'string') {
      console.warn(`      SKIPPED: OpenCTI adapter browser test: ${launched}`);
      this.skip();
    }
    browser = launched as Browser;
    ensureOpenCtiBundle();
    sim = new PbxSimulator();
    const simPort = await sim.listen(0);
    session = new CstaSession({ host: '127.0.0.1', port: simPort, reconnect: false, keepAliveMs: 0 });
    await session.connect();
    link = new PegaCtiLink(session);
    link.on('event', (agentId, event) => {
      if (agentId === AGENT) linkEvents.push(event);
    });
    pega = http.createServer();
    await new Promise<void>((resolve) => pega.listen(0, '127.0.0.1', resolve));
    const pegaOrigin = `http://127.0.0.1:${(pega.address() as AddressInfo).port}`;
    gateway = new PegaGateway({ link, authenticate: jwtAuthenticator({ key: { secret: SECRET } }), allowedOrigins: [pegaOrigin] });
    gatewayPort = await gateway.listen();

    pega.on('request', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.url === '/module.html' ? modulePage(gatewayPort) : pegaPage(gatewayPort));
    });
    token = await new SignJWT({ devices: ['2000', '2001'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(AGENT)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    page = await browser.newPage();
    await page.goto(`${pegaOrigin}/pega.html`);
  });

  after(async () => {
    await page?.close();
    await browser?.close();
    await gateway?.close();
    await new Promise<void>((resolve) => (pega ? pega.close(() => resolve()) : resolve()));
    link?.detach();
    await session?.close();
    await sim?.close();
  });

  it('installs pega.cti.desktopApi.cstaLink with name and implementationVersion, keeping Pega\'s errorObject', async () => {
    const info = await page.evaluate(() => {
      const w = window as unknown as { api: { name: string; implementationVersion: string }; pega: { cti: { desktopApi: Record<string, unknown> } } };
      return { name: w.api.name, version: w.api.implementationVersion, ownErrorObject: String(w.pega.cti.desktopApi['errorObject']).includes('fromPega') };
    });
    expect(info).to.deep.equal({ name: 'cstaLink', version: '1', ownErrorObject: true });
  });

  it('refuses a request before login and an extension the token does not allow, through failure(new errorObject())', async () => {
    expect(await call('answerCall', '', {})).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN', pegaErrorObject: true });
    const refused = await call('login', AGENT, '', '2999', { pyPrimaryHost: '127.0.0.1', pyPrimaryPort: String(gatewayPort) }, { pyJWTString: token });
    expect(refused).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_401', pegaErrorObject: true });
    expect(link.agentAt('2999')).to.equal(undefined);
  });

  it('logs in at the typed extension and forwards the login Snapshot', async () => {
    const before = (await pageEvents()).length;
    const outcome = await page.evaluate(([t]) => {
      const w = window as unknown as { pegaCall: (f: string, a: unknown[]) => Promise<unknown>; linkDefinition: unknown };
      return w.pegaCall('login', ['5501', '', '2001', w.linkDefinition, JSON.stringify({ pyJWTString: t })]);
    }, [token] as const);
    expect(outcome).to.deep.include({ ok: true });
    expect(link.agentAt('2001')?.agentId).to.equal(AGENT);
    const snap = await forwarded(snapshot, before);
    expect(snap).to.deep.include({ pyAgentId: AGENT, pyThisDN: '2001', pyLinkState: 'CONNECTED', pyDeviceState: 'OPENED' });
  });

  it('an inbound call: Alerting, answer (no call id: the ringing call), hold, retrieve', async () => {
    const from = (await pageEvents()).length;
    const run = await sim.runScenario({ name: 'opencti inbound', monitor: [], steps: [{ step: 'inbound', from: CALLER, to: '2001', callId: 'c1' }] });
    const callId = run.aliases.get('c1')!;
    const alerting = await forwarded(callState('Alerting', callId), from);
    expect(alerting).to.deep.include({ pyANI: CALLER, pyCallType: 'INBOUND', pyThisDN: '2001' });
    expect(await call('answerCall', '', {})).to.deep.include({ ok: true });
    await forwarded(callState('Established', callId), from);
    expect(await call('holdCall', callId, {})).to.deep.include({ ok: true });
    await forwarded(callState('Held', callId), from);
    expect(await call('retrieveCall', callId, {})).to.deep.include({ ok: true });
    await forwarded(callState('Retrieved', callId), from);
  });

  it('a request the switch refuses reaches failure with the link\'s errCode', async () => {
    const callId = ((await pageEvents()).filter(callState('Retrieved')).pop() as { pyCallId: string }).pyCallId;
    // Retrieving a call that is not held: the switch refuses.
    const refused = await call('retrieveCall', callId, {});
    expect(refused.ok).to.equal(false);
    const direct = await link.request(AGENT, { action: 'retrieveCall', callId });
    expect(direct.ok).to.equal(false);
    expect(refused).to.deep.include({ errCode: (direct as { errCode: string }).errCode, pegaErrorObject: true });
  });

  it('consultation then transferComplete(heldCallId, activeCallId) hands the call over', async () => {
    const from = (await pageEvents()).length;
    const callId = ((await pageEvents()).filter(callState('Retrieved')).pop() as { pyCallId: string }).pyCallId;
    await link.login({ agentId: '5503', device: '2003' });
    const consulted = new Promise<string>((resolve) => {
      const on = (agentId: string, e: PegaEvent): void => {
        if (agentId === '5503' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Alerting') {
          link.off('event', on);
          resolve(e.pyCallId);
        }
      };
      link.on('event', on);
    });
    const consult = await call('consultationCall', callId, '2003', { callData: 'account=42' });
    expect(consult.ok, JSON.stringify(consult)).to.equal(true);
    const consultCallId = (consult as { result: { callId?: string } }).result.callId;
    expect(consultCallId).to.be.a('string').and.not.equal(callId);
    await forwarded(callState('Held', callId), from);
    expect(await link.request('5503', { action: 'answerCall', callId: await consulted })).to.have.property('ok', true);
    await forwarded(callState('Connected', consultCallId), from);
    const done = await call('transferComplete', callId, consultCallId, {});
    expect(done, JSON.stringify(done)).to.deep.include({ ok: true });
    await forwarded(callState('Disconnected', callId), from);
    await forwarded(callState('Disconnected', consultCallId), from);
    await link.logout('5503');
  });

  it('after the socket is cut: a DISCONNECTED Snapshot, a reconnect, a fresh Snapshot, and requests work again', async () => {
    const from = (await pageEvents()).length;
    expect(gateway.dropAgent(AGENT)).to.equal(1);
    const down = await forwarded((e) => snapshot(e) && (e as { pyLinkState: string }).pyLinkState === 'DISCONNECTED', from);
    expect(down).to.deep.include({ pyAgentId: AGENT, pyThisDN: '2001' });
    const isDown = (e: PegaEvent): boolean => snapshot(e) && (e as { pyLinkState: string }).pyLinkState === 'DISCONNECTED';
    const downAt = (await pageEvents()).findIndex((e, i) => i >= from && isDown(e));
    const up = await forwarded((e) => snapshot(e) && (e as { pyLinkState: string }).pyLinkState === 'CONNECTED', downAt + 1, 10_000);
    expect(up).to.deep.include({ pyAgentId: AGENT, pyThisDN: '2001', pyDeviceState: 'OPENED' });
    expect(gateway.connectionCount).to.equal(1);
    expect(await call('agentNotReady', AGENT, '', '7', {}, {})).to.deep.include({ ok: true });
    await forwarded((e) => e.pyEventType === 'AgentStateEvent' && e.pyEventName === 'NotReady' && e.pyReasonCode === '7', downAt);
  });

  it('logs out with a final Snapshot, and every event the link emitted reached forwardEvent in order', async () => {
    const from = (await pageEvents()).length;
    expect(await call('logout', AGENT, '3', {})).to.deep.include({ ok: true });
    const last = await forwarded(snapshot, from);
    expect(last).to.deep.include({ pyAgentState: 'Logout', pyDeviceState: 'CLOSED', pyReasonCode: '3' });
    expect(link.agentAt('2001')).to.equal(undefined);
    expect(await call('holdCall', 'x', {})).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
    const got = (await pageEvents()).filter((e) => !(snapshot(e) && (e as { pyLinkState: string }).pyLinkState === 'DISCONNECTED'));
    // While the socket was cut the link may have emitted nothing for this agent; all it emitted otherwise arrived, in order.
    expect(got.map((e) => JSON.stringify(e))).to.deep.equal(linkEvents.map((e) => JSON.stringify(e)));
  });

  it('the ES module build, imported cross-origin, installs itself and finds the gateway from its own URL', async () => {
    const second = await browser!.newPage();
    try {
      await second.goto(`http://127.0.0.1:${(pega.address() as AddressInfo).port}/module.html`);
      await second.waitForFunction(() => typeof (window as unknown as { moduleLogin?: unknown }).moduleLogin === 'function', undefined, { timeout: 5000 });
      const result = await second.evaluate((t) => (window as unknown as { moduleLogin: (t: string) => Promise<unknown> }).moduleLogin(t), token);
      expect(result).to.deep.equal({ ok: true, version: '1' });
      expect(link.agentAt('2000')?.agentId).to.equal(AGENT);
      expect(await second.evaluate(() => (window as unknown as { moduleLogout: () => Promise<boolean> }).moduleLogout())).to.equal(true);
    } finally {
      await second.close();
    }
  });
});
