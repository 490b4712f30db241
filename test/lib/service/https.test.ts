/** csta serve with http.tls: HTTPS (and mutual TLS) on the one HTTP port, over loopback. */
import { expect } from 'chai';
import * as https from 'node:https';
import * as http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, ConfigError } from '../../../lib/service/config.js';
import { EXAMPLE_CONFIG } from '../../../lib/service/example-config.js';
import { CtiLinkService } from '../../../lib/service/service.js';
import { createLogger } from '../../../lib/service/logging.js';
import type { ServiceConfig } from '../../../lib/service/config-schema.js';
import { selfSigned } from '../pega/gateway/helpers.js';
import { LogCapture } from './support.js';

/** The example config with an http.tls section (YAML lines under `http:`). */
function tlsConfig(tls: Readonly<Record<string, string | boolean>>): ServiceConfig {
  const lines = Object.entries(tls).map(([k, v]) => `    ${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  const text = EXAMPLE_CONFIG.replace(/^ {2}port: 8080.*$/m, (line) => `${line}\n  tls:\n${lines.join('\n')}`);
  return parseConfig(text, 'example.yaml', {});
}

function start(config: ServiceConfig): Promise<CtiLinkService> {
  return CtiLinkService.start({ config, logger: createLogger({ level: 'silent', name: config.name, destination: new LogCapture() }), httpPort: 0 });
}

/** GET over HTTPS trusting `ca`, optionally with a client certificate. */
function httpsGet(port: number, path: string, ca: string, client?: { cert: string; key: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path, ca, ...(client ?? {}), timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

describe('csta serve: http.tls', function () {
  this.timeout(20_000);
  let dir: string;
  let pem: { cert: string; key: string } | undefined;

  before(function () {
    const made = selfSigned();
    if (typeof made === 'string') {
      this.skip(); // the reason is in `made`: no openssl on this machine
    }
    pem = made as { cert: string; key: string };
    dir = mkdtempSync(join(tmpdir(), 'csta-serve-tls-'));
    writeFileSync(join(dir, 'cert.pem'), pem.cert);
    writeFileSync(join(dir, 'key.pem'), pem.key);
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('serves /healthz over HTTPS with the configured certificate; plain HTTP on that port gets no answer', async () => {
    const service = await start(tlsConfig({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') }));
    try {
      await service.whenAssociated();
      const health = await httpsGet(service.port, '/healthz', pem!.cert);
      expect(health.status).to.equal(200);
      expect(JSON.parse(health.body)).to.include({ status: 'ok', link: 'associated' });
      const plain = await new Promise<string>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port: service.port, path: '/healthz', timeout: 3000 }, (res) => resolve(`answered ${res.statusCode ?? '?'}`));
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => resolve(`refused: ${e.message}`));
      });
      expect(plain).to.match(/^refused/);
    } finally {
      await service.stop();
    }
  });

  it('with requireClientCert, refuses a client without a certificate and serves one signed by caFile', async () => {
    const service = await start(tlsConfig({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), caFile: join(dir, 'cert.pem'), requireClientCert: true }));
    try {
      await service.whenAssociated();
      let refused: unknown;
      try {
        await httpsGet(service.port, '/healthz', pem!.cert);
      } catch (e) {
        refused = e;
      }
      expect(refused, 'a client without a certificate').to.be.instanceOf(Error);
      // The self-signed certificate is its own CA: presented by the client, caFile accepts it.
      const served = await httpsGet(service.port, '/healthz', pem!.cert, { cert: pem!.cert, key: pem!.key });
      expect(served.status).to.equal(200);
    } finally {
      await service.stop();
    }
  });

  it('refuses requireClientCert without caFile, and names the key of an unreadable file', async () => {
    expect(() => tlsConfig({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), requireClientCert: true })).to.throw(ConfigError, /http\.tls\.caFile/);
    let error: unknown;
    try {
      await start(tlsConfig({ certFile: join(dir, 'missing.pem'), keyFile: join(dir, 'key.pem') }));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConfigError);
    expect(String((error as ConfigError).message)).to.match(/http\.tls\.certFile: cannot read/);
  });
});
