/**
 * How the gateway is reached: over TLS (wss, a self-signed certificate made with openssl in the
 * test), mounted on someone else's HTTP server (only its own paths), and the headers that let
 * Pega's page frame it and load the adapter (CSP frame-ancestors, X-Frame-Options, CORS) and
 * refuse other origins.
 */
import { expect } from 'chai';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import { ensureOpenCtiBundle } from './bundle.js';
import { FakeLink, connect, get, open, selfSigned } from './helpers.js';

const TOKENS = { 'tok-a': { agentId: '5501', device: '2000' } };
const PEGA = 'https://pega.example.com';

function httpsGet(port: number, path: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path, ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

describe('PegaGateway transport: wss, mounting, headers', () => {
  let gateway: PegaGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('serves wss and https with the configured key and certificate', async function () {
    const tls = selfSigned();
    if (typeof tls === 'string') {
      console.warn(`      SKIPPED: ${tls}`);
      this.skip();
    }
    const { key, cert } = tls as { key: string; cert: string };
    const link = new FakeLink();
    gateway = new PegaGateway({ link, authenticate: staticTokenTable(TOKENS), tls: { key, cert }, heartbeatMs: 0 });
    const port = await gateway.listen();
    const client = await connect(port, 'tok-a', { tls: { ca: cert } });
    expect(await client.call(1, { action: 'login' })).to.deep.equal({ id: 1, result: { ok: true } });
    expect(link.logins).to.deep.equal([{ agentId: '5501', device: '2000' }]);
    client.ws.terminate();
    const page = await httpsGet(port, '/toolbar', cert);
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('<script src="toolbar.js">');
    // Plain HTTP to the TLS port is not answered as HTTP.
    let plain: unknown;
    try {
      plain = await get(port, '/toolbar');
    } catch (e) {
      plain = e;
    }
    expect(plain).to.be.instanceOf(Error);
  });

  it('refuses tls and server together', () => {
    expect(() => new PegaGateway({ link: new FakeLink(), authenticate: staticTokenTable(TOKENS), tls: {}, server: http.createServer() })).to.throw(TypeError);
  });

  it('mounted on another server: takes its upgrade path and files, leaves every other path to the owner', async () => {
    ensureOpenCtiBundle();
    const owner = http.createServer();
    const ownerUpgrades: string[] = [];
    owner.on('upgrade', (req, socket) => {
      if (req.url === '/other-ws') {
        ownerUpgrades.push(req.url);
        socket.end('HTTP/1.1 418 Teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
    const link = new FakeLink();
    const mounted = new PegaGateway({ link, authenticate: staticTokenTable(TOKENS), server: owner, heartbeatMs: 0 });
    gateway = mounted;
    owner.on('request', (req, res) => {
      if (mounted.handle(req, res)) return;
      res.writeHead(req.url === '/healthz' ? 200 : 404, { 'Content-Type': 'text/plain' });
      res.end(req.url === '/healthz' ? 'ok\n' : 'owner 404\n');
    });
    await new Promise<void>((resolve) => owner.listen(0, '127.0.0.1', resolve));
    try {
      await mountedChecks(owner, mounted, ownerUpgrades);
    } finally {
      await new Promise<void>((resolve) => {
        owner.close(() => resolve());
        owner.closeAllConnections();
      });
    }
  });

  async function mountedChecks(owner: http.Server, mounted: PegaGateway, ownerUpgrades: string[]): Promise<void> {
    const port = (owner.address() as AddressInfo).port;
    expect(await mounted.listen()).to.equal(port);
    expect((await get(port, '/healthz')).body).to.equal('ok\n');
    expect((await get(port, '/')).body).to.equal('owner 404\n');
    expect((await get(port, '/toolbar')).status).to.equal(200);
    const bundle = await get(port, '/opencti.js');
    expect(bundle.status).to.equal(200);
    expect(bundle.type).to.equal('text/javascript; charset=utf-8');
    expect(bundle.body).to.contain('pega-gateway.v1');
    const classic = await get(port, '/opencti.classic.js');
    expect(classic.body).to.match(/^\/\*[^\n]*\*\/\n"use strict";\n\(\(\) => \{/);
    expect(await open(port, ['pega-gateway.v1'], '/other-ws')).to.deep.equal({ kind: 'refused', status: 418 });
    expect(ownerUpgrades).to.deep.equal(['/other-ws']);
    const client = await connect(port, 'tok-a');
    expect(await client.call(1, { action: 'agentReady' })).to.deep.equal({ id: 1, result: { ok: true } });
    await mounted.close();
    gateway = undefined;
    // The owner's server still runs after the gateway closed.
    expect((await get(port, '/healthz')).body).to.equal('ok\n');
    expect((await get(port, '/toolbar')).body).to.equal('owner 404\n');
  }

  it('without allowed origins: no framing at all (X-Frame-Options DENY, frame-ancestors none), bundles for any origin', async () => {
    ensureOpenCtiBundle();
    gateway = new PegaGateway({ link: new FakeLink(), authenticate: staticTokenTable(TOKENS), heartbeatMs: 0 });
    const port = await gateway.listen();
    const page = await get(port, '/toolbar');
    expect(page.headers['x-frame-options']).to.equal('DENY');
    expect(page.headers['content-security-policy']).to.contain("frame-ancestors 'none'");
    expect(page.headers['access-control-allow-origin']).to.equal(undefined);
    expect((await get(port, '/opencti.js', 'GET', { Origin: 'https://anyone.example' })).headers['access-control-allow-origin']).to.equal('*');
  });

  it('with allowed origins: framed by those only, bundles and sockets for those only', async () => {
    ensureOpenCtiBundle();
    gateway = new PegaGateway({ link: new FakeLink(), authenticate: staticTokenTable(TOKENS), allowedOrigins: [PEGA, 'https://pega2.example.com:8443'], heartbeatMs: 0 });
    const port = await gateway.listen();
    const page = await get(port, '/toolbar');
    expect(page.headers['x-frame-options']).to.equal(undefined);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).to.contain('frame-ancestors https://pega.example.com https://pega2.example.com:8443;');
    expect(csp).to.contain("script-src 'self'");
    const fromPega = await get(port, '/opencti.js', 'GET', { Origin: PEGA });
    expect(fromPega.headers['access-control-allow-origin']).to.equal(PEGA);
    expect(fromPega.headers['vary']).to.equal('Origin');
    expect((await get(port, '/opencti.js', 'GET', { Origin: 'https://evil.example' })).headers['access-control-allow-origin']).to.equal(undefined);
    expect(await open(port, ['pega-gateway.v1', 'bearer.tok-a'], '/cti', { origin: 'https://evil.example' })).to.deep.equal({ kind: 'refused', status: 403 });
    expect(await open(port, ['pega-gateway.v1', 'bearer.tok-a'], '/cti')).to.deep.equal({ kind: 'refused', status: 403 });
    const ok = await connect(port, 'tok-a', { origin: PEGA });
    ok.ws.terminate();
  });

  it('refuses an allowed origin that is not a bare origin (it would break the CSP)', () => {
    for (const bad of ['https://pega.example.com/', 'https://pega.example.com; script-src *', '*', 'pega.example.com']) {
      expect(() => new PegaGateway({ link: new FakeLink(), authenticate: staticTokenTable(TOKENS), allowedOrigins: [bad] }), bad).to.throw(TypeError);
    }
  });
});
