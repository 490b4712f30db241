/** csta serve with the `server` section: the server-side Pega API on the service's port and the event pusher, flushed at stop. */
import { expect } from 'chai';
import { parseConfig } from '../../../lib/service/config.js';
import { EXAMPLE_CONFIG } from '../../../lib/service/example-config.js';
import { CtiLinkService } from '../../../lib/service/service.js';
import { createLogger } from '../../../lib/service/logging.js';
import { Receiver } from '../pega/server/receiver.js';
import { LogCapture, until } from './support.js';

describe('csta serve: the server-side API and event pusher', () => {
  it('answers /api on the one port, pushes the events of a subscribed DN, reports the queue in /metrics, flushes at stop', async () => {
    const receiver = new Receiver();
    const url = await receiver.listen();
    const text = `${EXAMPLE_CONFIG}\nserver:\n  tokens:\n    "\${env:API_TOKEN}": { name: pega-node-1 }\n  events: { url: "${url}" }\n`;
    const config = parseConfig(text, 'server.yaml', { API_TOKEN: 'api-token-for-pega' });
    const logs = new LogCapture();
    const service = await CtiLinkService.start({ config, httpPort: 0, logger: createLogger({ level: 'info', name: 'demo', destination: logs }) });
    const api = (path: string, body: unknown, token = 'api-token-for-pega'): Promise<Response> =>
      fetch(`http://127.0.0.1:${service.port}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      await service.whenAssociated();
      expect((await api('/agents/5002/login', { extension: '2001' }, 'wrong-token')).status).to.equal(401);
      const login = await api('/agents/5002/login', { extension: '2001' });
      expect(login.status, await login.clone().text()).to.equal(200);
      service.simulator!.engine.inbound('+15551230000', '2001');
      await until(() => receiver.accepted.some((b) => JSON.stringify(b).includes('Alerting') || JSON.stringify(b).includes('ALERTING')), 'the pushed Alerting event');
      const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
      expect(metrics).to.match(/^csta_event_pusher_queue_depth\{link="demo"\} \d+$/m);
      expect(metrics).to.contain('csta_event_pusher_dropped_total{link="demo"} 0');
      expect(metrics).to.match(/^csta_pega_requests_total\{action="login",outcome="ok",link="demo"\} 2$/m);
    } finally {
      await service.stop();
      await receiver.close();
    }
    expect(logs.has('event pusher flushed')).to.include({ discarded: 0 });
  });
});
