import { expect } from 'chai';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CstaSession } from '../../../../lib/session/session.js';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import { createPegaServer, PEGA_SERVER_CONFIG_SCHEMA } from '../../../../lib/pega/server/integration.js';
import type { PegaPushEnvelope } from '../../../../lib/pega/server/pusher.js';
import { waitFor } from '../../../support/wait.js';
import { Receiver } from './receiver.js';

describe('createPegaServer (config section → API + pusher, mounted on a host server)', () => {
  it('mounts on a host server next to its own routes; tokens and a verify callback both authenticate; close flushes', async () => {
    const sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    const session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    const link = new PegaCtiLink(session);
    const receiver = new Receiver();
    await receiver.listen();
    const pega = createPegaServer(link, {
      tokens: { static1: { name: 'table' } },
      authenticate: (token) => (token.startsWith('jwt.') ? { name: 'jwt' } : undefined),
      events: { url: receiver.url, retryBaseMs: 5 },
    });
    const host = http.createServer((req, res) => {
      if (req.url === '/healthz') return void res.writeHead(200).end('ok');
      if (!pega.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/healthz`)).text()).to.equal('ok');
      const post = (path: string, token: string, body: unknown) => fetch(`${base}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/agents/5501/login', 'jwt.abc', { extension: '2001' })).status).to.equal(200);
      expect((await post('/agents/5501/agentNotReady', 'static1', { reasonCode: '4' })).status).to.equal(200);
      expect((await post('/agents/5501/agentReady', 'other', {})).status).to.equal(401);
      await waitFor(() => receiver.accepted.some((b) => (b as PegaPushEnvelope).ctiEvent.pyEventType === 'SnapshotEvent'), 3000, 'snapshot pushed');
      expect(await pega.close(2000)).to.equal(0);
      expect(pega.stats().depth).to.equal(0);
      expect(pega.stats().delivered).to.equal(receiver.accepted.length);
    } finally {
      await new Promise<void>((r) => {
        host.close(() => r());
        host.closeAllConnections();
      });
      await receiver.close();
      link.detach();
      await session.close();
      await sim.close();
    }
  });

  it('refuses a config with no way to authenticate; the config schema names every option', () => {
    expect(() => createPegaServer({} as never, {})).to.throw(TypeError, /tokens or an authenticate/);
    expect(Object.keys(PEGA_SERVER_CONFIG_SCHEMA.properties).sort()).to.deep.equal(['events', 'maxBodyBytes', 'maxInFlight', 'maxSubscriptions', 'monitorSubscriptions', 'prefix', 'tokens']);
  });
});
