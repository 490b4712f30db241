/**
 * The `nats` section of csta serve: validated by the plugin's schema fragment, and (activeStandby
 * off) a service in this process that associates by itself, publishes its events and answers
 * Pega requests over NATS, against a real nats-server on 127.0.0.1.
 */
import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { parseConfig, ConfigError } from '../../../../lib/service/config.js';
import { EXAMPLE_CONFIG } from '../../../../lib/service/example-config.js';
import { CtiLinkService } from '../../../../lib/service/service.js';
import { createLogger } from '../../../../lib/service/logging.js';
import type { PegaEvent } from '../../../../lib/pega/types.js';
import { RemotePegaLink } from '../../../../lib/service/nats/client.js';
import type { NatsSection } from '../../../../lib/service/nats/plugin.js';
import { NATS_MISSING, natsServerBinary, startNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { LogCapture, until } from '../support.js';

describe('csta serve config: the nats section', () => {
  const problems = (text: string): string[] => {
    try {
      parseConfig(`simulator: {}\n${text}`, 'n.yaml', {});
    } catch (e) {
      expect(e).to.be.instanceOf(ConfigError);
      return [...(e as ConfigError).problems];
    }
    return [];
  };
  it('fills the defaults, refuses unknown keys, a missing servers list and out-of-range bounds', () => {
    const c = parseConfig('simulator: {}\nnats: { servers: ["nats://127.0.0.1:4222"] }\n', 'n.yaml', {});
    const nats = c.nats as NatsSection;
    expect(nats).to.deep.include({ activeStandby: true });
    expect(nats.lease).to.deep.equal({ ttlMs: 5000 });
    expect(nats.stream).to.deep.include({ maxMsgs: 10_000_000, storage: 'file' });
    expect(problems('nats: { servers: ["x"], bogus: 1 }\n').join(' ')).to.match(/nats.*bogus/);
    expect(problems('nats: {}\n').join(' ')).to.match(/servers/);
    expect(problems('nats: { servers: ["x"], lease: { ttlMs: 10 } }\n').join(' ')).to.match(/ttlMs/);
  });
});

describe('csta serve with a nats section, activeStandby off (in-process, 127.0.0.1)', function () {
  this.timeout(30_000);
  const bin = natsServerBinary();
  let server: NatsServerHandle;
  let nc: NatsConnection;
  before(async function () {
    if (bin === undefined) {
      console.log(`    (pending: ${NATS_MISSING})`);
      this.skip();
    }
    server = await startNatsServer(bin);
    nc = await connect({ servers: server.url });
  });
  after(async () => {
    await nc?.close();
    await server?.stop();
  });

  it('associates by itself, publishes the agents’ events and answers requests over NATS; csta_nats_active is 1', async () => {
    const text = `${EXAMPLE_CONFIG}\nnats:\n  servers: ["${server.url}"]\n  activeStandby: false\n  instance: solo\n`;
    const config = parseConfig(text, 'solo.yaml', {});
    const logs = new LogCapture();
    const service = await CtiLinkService.start({ config, logger: createLogger({ level: 'info', name: config.name, destination: logs }), httpPort: 0 });
    const remote = new RemotePegaLink(nc, jetstream(nc), { link: config.name, from: { kind: 'all' } });
    const events: [string, PegaEvent][] = [];
    remote.on('event', (a, e) => events.push([a, e]));
    try {
      await service.whenAssociated();
      await remote.start();
      expect(await remote.login({ agentId: '5002', device: '2001' })).to.deep.equal({ ok: true });
      await until(() => events.find(([a, e]) => a === '5002' && e.pyEventType === 'SnapshotEvent'), 'the login snapshot through JetStream');
      service.simulator!.engine.inbound('+15551230000', '2001');
      const ringing = await until(() => events.find(([a, e]) => a === '5002' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Alerting')?.[1], 'Alerting through JetStream');
      expect(await remote.request('5002', { action: 'answerCall', callId: (ringing as { pyCallId: string }).pyCallId })).to.deep.include({ ok: true });
      // The request went through the service's dispatcher: counted in its metrics.
      const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
      expect(metrics).to.match(/^csta_nats_active\{link="demo"\} 1$/m);
      expect(metrics).to.match(/^csta_nats_events_published_total\{duplicate="false",link="demo"\} [1-9]\d*$/m);
      expect(metrics).to.match(/^csta_pega_requests_total\{action="answerCall",outcome="ok",link="demo"\} 1$/m);
      expect(logs.has('link taken over')).to.deep.include({ instance: 'solo' });
    } finally {
      await remote.stop();
      await service.stop();
    }
  });
});
