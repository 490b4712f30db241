/**
 * The adapter over wss in Chromium: the classic bundle is loaded from a TLS gateway (self-signed
 * certificate made with openssl, trusted by the browser context) and, with an empty link
 * definition, finds the gateway from its own script URL (https → wss). The link is a fake: this is
 * about the transport, opencti.browser.test.ts drives the real switch.
 */
import { expect } from 'chai';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.js';
import { ensureOpenCtiBundle } from './bundle.js';
import { FakeLink, selfSigned } from './helpers.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';

describe('OpenCTI adapter in Chromium over wss (TLS gateway, self-signed certificate)', function () {
  this.timeout(40_000);
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let gateway: PegaGateway | undefined;
  let pega: http.Server | undefined;
  const link = new FakeLink();

  before(async function () {
    const launched = await launchChromium();
    if (typeof launched === 'string') {
      console.warn(`      SKIPPED: OpenCTI wss browser test: ${launched}`);
      this.skip();
    }
    browser = launched as Browser;
    const tls = selfSigned();
    if (typeof tls === 'string') {
      console.warn(`      SKIPPED: ${tls}`);
      this.skip();
    }
    ensureOpenCtiBundle();
    pega = http.createServer();
    await new Promise<void>((resolve) => pega!.listen(0, '127.0.0.1', resolve));
    const pegaOrigin = `http://127.0.0.1:${(pega.address() as AddressInfo).port}`;
    gateway = new PegaGateway({ link, authenticate: staticTokenTable({ 'tok-w': { agentId: '5501', device: '2000' } }), tls: tls as { key: string; cert: string }, allowedOrigins: [pegaOrigin], heartbeatMs: 0 });
    const port = await gateway.listen();
    pega.on('request', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8">
<script src="https://127.0.0.1:${port}/opencti.classic.js" data-name="secureCti"></script>
<script>
  window.api = new pega.cti.desktopApi.secureCti();
  window.events = [];
  window.loginResult = new Promise((resolve) => window.api.login('5501', '', '', {}, {}, () => resolve('ok'), (e) => resolve(e.errCode + ' ' + e.errMessage), (ev) => window.events.push(ev)));
</script></head><body></body></html>`);
    });
    context = await browser.newContext({ ignoreHTTPSErrors: true });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.close();
    await new Promise<void>((resolve) => (pega ? pega.close(() => resolve()) : resolve()));
  });

  it('loads the bundle over https, names itself from data-name, and logs in over wss (URL from its own script) with Pega\'s options.pyJWTString', async () => {
    const page = await context!.newPage();
    // No token anywhere: the first login fails without opening a socket...
    await page.goto(`http://127.0.0.1:${(pega!.address() as AddressInfo).port}/`);
    expect(await page.evaluate(() => (window as unknown as { loginResult: Promise<string> }).loginResult)).to.match(/^OPENCTI_HTTP_ERROR_401 /);
    // ...and succeed with Pega's options.pyJWTString (here the static token).
    const result = await page.evaluate(() => new Promise((resolve) => {
      const w = window as unknown as { api: { login: (...a: unknown[]) => void }; events: unknown[] };
      w.api.login('5501', '', '', {}, { pyJWTString: 'tok-w' }, () => resolve('ok'), (e: { errCode: string; errMessage: string }) => resolve(`${e.errCode} ${e.errMessage}`), (ev: unknown) => w.events.push(ev));
    }));
    expect(result).to.equal('ok');
    expect(link.logins).to.deep.equal([{ agentId: '5501', device: '2000' }]);
    expect(await page.evaluate(() => (window as unknown as { api: { name: string } }).api.name)).to.equal('secureCti');
    expect(gateway!.connectionCount).to.equal(1);
    await page.close();
  });
});
