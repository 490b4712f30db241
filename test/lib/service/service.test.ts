/** CtiLinkService in-process over loopback: the example config, health, metrics, gateway, logs, reload. */
import { expect } from 'chai';
import { parseConfig } from '../../../lib/service/config.js';
import { EXAMPLE_CONFIG } from '../../../lib/service/example-config.js';
import { CtiLinkService } from '../../../lib/service/service.js';
import { createLogger } from '../../../lib/service/logging.js';
import type { ServiceConfig } from '../../../lib/service/config-schema.js';
import type { ServiceHost, ServicePluginFactory } from '../../../lib/service/plugin.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { SignJWT } from 'jose';
import { LogCapture, TapProxy, ToolbarSocket, until } from './support.js';

function exampleConfig(edit: (text: string) => string = (t) => t): ServiceConfig {
  return parseConfig(edit(EXAMPLE_CONFIG), 'example.yaml', {});
}

async function startService(config: ServiceConfig, logs = new LogCapture(), plugins?: readonly ServicePluginFactory[]): Promise<CtiLinkService> {
  const logger = createLogger({ level: 'debug', name: config.name, destination: logs });
  return CtiLinkService.start({ config, logger, httpPort: 0, ...(plugins === undefined ? {} : { plugins }) });
}

async function get(service: CtiLinkService, path: string): Promise<{ status: number; body: string; type: string | null }> {
  const r = await fetch(`http://127.0.0.1:${service.port}${path}`, { redirect: 'manual' });
  return { status: r.status, body: await r.text(), type: r.headers.get('content-type') };
}

describe('csta serve: the service in-process', () => {
  it('runs the example config: healthz 200, readyz 200, the toolbar, metrics named csta_*', async () => {
    const logs = new LogCapture();
    const service = await startService(exampleConfig(), logs);
    try {
      await service.whenAssociated();
      await until(() => service.link.agents.some((a) => a.agentId === '5001'), 'agent 5001 logged in at start');
      const health = await get(service, '/healthz');
      expect(health.status).to.equal(200);
      expect(JSON.parse(health.body)).to.include({ status: 'ok', link: 'associated', role: 'primary', pyLinkState: 'CONNECTED' });
      expect((await get(service, '/readyz')).status).to.equal(200);
      const root = await get(service, '/');
      expect(root.status).to.equal(302);
      const toolbar = await get(service, '/toolbar');
      expect(toolbar.status).to.equal(200);
      expect(toolbar.body).to.contain('toolbar.js');
      expect((await get(service, '/nothing')).status).to.equal(404);
      const metrics = await get(service, '/metrics');
      expect(metrics.type).to.match(/^text\/plain/);
      const series = metrics.body.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      expect(series.every((l) => l.startsWith('csta_')), series.find((l) => !l.startsWith('csta_'))).to.equal(true);
      expect(metrics.body).to.match(/^csta_frames_total\{direction="in",link="demo"\} [1-9]/m);
      expect(metrics.body).to.match(/^csta_frames_total\{direction="out",link="demo"\} [1-9]/m);
      expect(metrics.body).to.match(/^csta_requests_total\{operation="monitorStart",outcome="ok",link="demo"\} 1$/m);
      expect(metrics.body).to.match(/^csta_request_duration_seconds_count\{link="demo",operation="setAgentState"\} 1$/m);
      expect(metrics.body).to.match(/^csta_monitored_devices\{link="demo"\} 1$/m);
      expect(metrics.body).to.match(/^csta_link_state\{state="associated",link="demo"\} 1$/m);
      expect(metrics.body).to.contain('csta_link_reconnects_total{link="demo"} 0');
      expect(metrics.body).to.contain('csta_event_pusher_queue_depth{link="demo"} 0');
      expect(logs.lines.filter((l) => l.msg === 'PBX link associated')).to.have.length(1);
      expect(logs.has('routing point registered')).to.include({ device: '7000' });
    } finally {
      await service.stop();
    }
  });

  it('serves a toolbar socket: the token logs its agent in, a call rings, metrics count the socket and the call', async () => {
    const service = await startService(exampleConfig());
    const socket = new ToolbarSocket(service.port, 'demo-token-5002');
    try {
      await service.whenAssociated();
      await socket.opened();
      expect(await socket.request({ action: 'login' })).to.deep.include({ ok: true });
      service.simulator!.engine.inbound('+15551230000', '2001');
      await until(() => socket.events.find((e) => e.pyEventName === 'Alerting'), 'Alerting on the toolbar socket');
      const metrics = (await get(service, '/metrics')).body;
      expect(metrics).to.contain('csta_gateway_sockets{link="demo"} 1');
      expect(metrics).to.contain('csta_live_calls{link="demo"} 1');
      expect(metrics).to.match(/^csta_pega_requests_total\{action="login",outcome="ok",link="demo"\} 2$/m);
      const refused = new ToolbarSocket(service.port, 'not-a-token-at-all');
      expect(await refused.refused()).to.equal(401);
    } finally {
      socket.close();
      await service.stop();
    }
  });

  it('healthz is 503 with the reason while the PBX cannot be reached, 200 once it can', async () => {
    const sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    await sim.close();
    const logs = new LogCapture();
    const config = parseConfig(`pbx:\n  endpoints: [{ host: 127.0.0.1, port: ${port} }]\n  reconnect: { initialMs: 50, maxMs: 100 }\n`, 'down.yaml', {});
    const service = await startService(config, logs);
    let sim2: PbxSimulator | undefined;
    try {
      await until(() => logs.has('PBX link could not be opened'), 'the failed connect log line');
      const health = await get(service, '/healthz');
      expect(health.status).to.equal(503);
      const body = JSON.parse(health.body) as { status: string; reason: string };
      expect(body.status).to.equal('unavailable');
      expect(body.reason).to.match(/connect|closed/);
      expect((await get(service, '/readyz')).status).to.equal(503);
      sim2 = new PbxSimulator();
      await sim2.listen(port, '127.0.0.1');
      await service.whenAssociated(5000);
      expect((await get(service, '/healthz')).status).to.equal(200);
    } finally {
      await service.stop();
      await sim2?.close();
    }
  });

  it('logs a failed request with its operation, invoke id and device', async () => {
    const logs = new LogCapture();
    const service = await startService(exampleConfig(), logs);
    try {
      await service.whenAssociated();
      await service.session.monitorStart('9999').catch(() => undefined);
      const line = await until(() => logs.has('CSTA request failed'), 'the failure line');
      expect(line).to.include({ operation: 'monitorStart', device: '9999', outcome: 'error' });
      expect(line.invokeId).to.be.a('number');
      expect((await get(service, '/metrics')).body).to.match(/^csta_requests_total\{operation="monitorStart",outcome="error",link="demo"\} 1$/m);
    } finally {
      await service.stop();
    }
  });

  it('reloads tokens, log level and routing without a restart, and refuses keys that need one', async () => {
    const logs = new LogCapture();
    const service = await startService(exampleConfig(), logs);
    try {
      await service.whenAssociated();
      const next = exampleConfig((t) =>
        t
          .replace('demo-token-5002', 'fresh-token-5002')
          .replace('level: info', 'level: warn')
          .replace('destination: "2001"', 'destination: "2002"')
          .replace('      device: "2001"\n', '      device: "2001"\n      loginAtStart: true\n'),
      );
      await until(() => service.link.agents.length === 1 || undefined, 'agent 5001 logged in at start');
      expect(service.link.agents.map((a) => a.agentId)).to.deep.equal(['5001']);
      const report = await service.reload(next);
      expect(report).to.deep.equal({ changed: ['log', 'agents', 'routing', 'auth'], needsRestart: [] });
      expect(service.link.agents.map((a) => a.agentId), 'agent 5002 now logged in at (re)start').to.deep.equal(['5001', '5002']);
      expect(service.logger.level).to.equal('warn');
      expect(await new ToolbarSocket(service.port, 'demo-token-5002').refused()).to.equal(401);
      const fresh = new ToolbarSocket(service.port, 'fresh-token-5002');
      await fresh.opened();
      fresh.close();
      // The routing point now sends its calls to 2002.
      const call = service.simulator!.engine.inbound('+15550000001', '7000');
      await until(() => service.simulator!.state.callsOf('2002').some((c) => c.callID === call.callID), 'the call routed to 2002');
      const refused = await service.reload(exampleConfig((t) => t.replace('port: 8080', 'port: 8081')));
      expect(refused.needsRestart).to.deep.equal(['http']);
      expect(service.currentConfig.auth.tokens[1]?.token).to.equal('fresh-token-5002');
    } finally {
      await service.stop();
    }
  });

  it('starts a plugin with its section and a host (session, link, dispatch, association), stops it before the release', async () => {
    const seen: string[] = [];
    let host: ServiceHost | undefined;
    const plugin: ServicePluginFactory = {
      section: 'probe',
      description: 'test plugin',
      schema: { type: 'object', additionalProperties: false, properties: { tag: { type: 'string' } } },
      create: (section, h) => {
        host = h;
        seen.push(`create ${JSON.stringify(section)}`);
        return {
          start: async () => void seen.push('start'),
          stop: async () => void seen.push(`stop associated=${String(h.association().associated)}`),
          handle: (req, res) => {
            if (req.url !== '/probe') return false;
            res.end('probe');
            return true;
          },
        };
      },
    };
    const config = parseConfig(`${EXAMPLE_CONFIG}\nprobe: { tag: x }\n`, 'p.yaml', {}, [plugin]);
    const service = await startService(config, new LogCapture(), [plugin]);
    try {
      await service.whenAssociated();
      expect((await get(service, '/probe')).body).to.equal('probe');
      expect(host!.linkName).to.equal('demo');
      expect(host!.association()).to.deep.include({ held: true, associated: true });
      const r = await host!.dispatch({ kind: 'login', params: { agentId: '5002', device: '2001' } });
      expect(r.ok).to.equal(true);
    } finally {
      await service.stop();
    }
    expect(seen).to.deep.equal(['create {"tag":"x"}', 'start', 'stop associated=true']);
  });

  it('accepts JWTs (auth.jwt) beside the token table; with configured agents only listed ones', async () => {
    const secret = 'a-test-secret-of-at-least-32-bytes!!';
    const config = exampleConfig((t) => t.replace('auth:\n  tokens:', `auth:\n  jwt: { secret: "${secret}", issuer: pega }\n  tokens:`));
    const service = await startService(config);
    const sign = (sub: string, extension: string, issuer = 'pega'): Promise<string> =>
      new SignJWT({ extension }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(issuer).setExpirationTime('5m').sign(Buffer.from(secret, 'utf8'));
    try {
      await service.whenAssociated();
      const ok = new ToolbarSocket(service.port, await sign('5002', '2001'));
      await ok.opened();
      expect(await ok.request({ action: 'login' })).to.deep.include({ ok: true });
      ok.close();
      expect(await new ToolbarSocket(service.port, await sign('7777', '2005')).refused(), 'agent not in agents.list').to.equal(401);
      expect(await new ToolbarSocket(service.port, await sign('5002', '2001', 'other')).refused(), 'wrong issuer').to.equal(401);
      const table = new ToolbarSocket(service.port, 'demo-token-5001');
      await table.opened();
      table.close();
    } finally {
      await service.stop();
    }
  });

  it('counts and logs a frame from the PBX that does not decode, and carries on', async () => {
    const sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    const tap = new TapProxy(() => simPort);
    const port = await tap.listen();
    const logs = new LogCapture();
    const service = await startService(parseConfig(`name: bad\npbx: { endpoints: [{ host: 127.0.0.1, port: ${port} }], keepAliveMs: 0 }\n`, 'bad.yaml', {}), logs);
    try {
      await service.whenAssociated();
      // A 2-byte-length frame whose content is no ROSE PDU (an INTEGER).
      tap.clients.at(-1)!.write(Buffer.from([0x00, 0x03, 0x02, 0x01, 0x05]));
      const line = await until(() => logs.has('frame from the PBX dropped (did not decode)'), 'the dropped-frame line');
      expect(line.code).to.be.a('string');
      expect(line.offset).to.be.a('number');
      const metrics = (await get(service, '/metrics')).body;
      expect(metrics).to.contain(`csta_decode_errors_total{kind="${String(line.code)}",link="bad"} 1`);
      await service.session.monitorStart('2000');
      expect(service.session.isAssociated).to.equal(true);
    } finally {
      await service.stop();
      await tap.kill();
      await sim.close();
    }
  });

  it('stops an ECMA-354 link with StopApplicationSession (the switch forgets the session)', async () => {
    const config = parseConfig('name: xml\nsimulator: {}\npbx: { profile: openscape-voice, credentials: { userName: cti, password: pw } }\n', 'xml.yaml', {});
    const service = await startService(config);
    const sim = service.simulator!;
    await service.whenAssociated();
    expect(service.session.applicationSession).to.not.equal(undefined);
    expect(sim.applicationSessions.size).to.equal(1);
    // A link that merely drops leaves the session for resumption; a stopped one is gone when the link closes.
    const atClose: number[] = [];
    sim.on('clientClosed', () => atClose.push(sim.applicationSessions.size));
    await service.stop();
    expect(atClose, 'session stopped before the link closed').to.deep.equal([0]);
  });

  it('at stop, lets a request in flight finish, refuses new ones, and fails one the PBX never answers within the bound', async () => {
    for (const answered of [true, false]) {
      const logs = new LogCapture();
      const service = await startService(exampleConfig((t) => t.replace('timeoutMs: 10000', 'timeoutMs: 1000')), logs);
      const socket = new ToolbarSocket(service.port, 'demo-token-5002');
      try {
        await service.whenAssociated();
        await socket.opened();
        expect(await socket.request({ action: 'login' })).to.deep.include({ ok: true });
        service.simulator!.pause();
        socket.ws.send(JSON.stringify({ id: 99, request: { action: 'agentNotReady' } }));
        await until(() => service.dispatcher.inFlight === 1 || undefined, 'the request in flight');
        const started = performance.now();
        const stopping = service.stop();
        expect(await service.dispatcher.request('5002', { action: 'agentReady' })).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_503' });
        if (answered) setTimeout(() => service.simulator!.resume(), 100);
        const report = await stopping;
        const elapsed = performance.now() - started;
        const result = await until(() => socket.results.get(99), `the answer to the request in flight (answered: ${String(answered)})`);
        if (answered) {
          expect(result.ok, 'answered before the sockets closed').to.equal(true);
          expect(elapsed).to.be.below(500);
        } else {
          expect(result.ok, 'failed, not left hanging').to.equal(false);
          expect(logs.has('requests still in flight at shutdown: failing them')).to.include({ inFlight: 1 });
        }
        expect(report.elapsedMs).to.be.below(1000);
      } finally {
        socket.close();
        await service.stop();
      }
    }
  });
});
