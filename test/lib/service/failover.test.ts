/**
 * Failover: a CTI server pair in front of one PBX. Two loopback CTI servers (TCP proxies) lead to
 * one simulated switch; the service's primary endpoint is the first, its secondary the second.
 * Killing the first mid-call must move the link to the second, keep the call in the model, put the
 * agent back, and show the call again on the agent's toolbar socket. The times are printed.
 */
import { expect } from 'chai';
import { parseConfig } from '../../../lib/service/config.js';
import { CtiLinkService } from '../../../lib/service/service.js';
import { createLogger } from '../../../lib/service/logging.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { ModelChange } from '../../../lib/session/model/types.js';
import { LogCapture, TapProxy, ToolbarSocket, until } from './support.js';

describe('csta serve: failover between a primary and a secondary CTI server', () => {
  it('loses the primary mid-call: the link moves to the secondary, the call stays in the model and shows again on the toolbar', async () => {
    const sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    const primary = new TapProxy(() => simPort);
    const secondary = new TapProxy(() => simPort);
    const [pa, pb] = [await primary.listen(), await secondary.listen()];
    const config = parseConfig(
      [
        'name: fo',
        'pbx:',
        `  endpoints: [{ host: 127.0.0.1, port: ${pa} }, { host: 127.0.0.1, port: ${pb} }]`,
        '  keepAliveMs: 0',
        '  reconnect: { initialMs: 50, maxMs: 400 }',
        'agents:',
        '  mode: configured',
        '  list: [{ agentId: "5001", device: "2000", loginAtStart: true }]',
        'auth:',
        '  tokens: [{ token: fo-token-5001, agentId: "5001", device: "2000" }]',
      ].join('\n'),
      'fo.yaml',
      {},
    );
    const logs = new LogCapture();
    const service = await CtiLinkService.start({ config, httpPort: 0, logger: createLogger({ level: 'info', name: 'fo', destination: logs }) });
    const socket = new ToolbarSocket(service.port, 'fo-token-5001');
    try {
      await service.whenAssociated();
      await until(() => service.link.agents.some((a) => a.agentId === '5001'), 'agent 5001 logged in');
      await socket.opened();
      // The snapshot the gateway sends as the socket opens comes first (one built before a call
      // began but sent after it would reset the agent's line).
      await until(() => socket.events.find((e) => e.pyEventName === 'Snapshot'), 'the snapshot of the socket opening');
      expect(await socket.request({ action: 'agentReady' })).to.deep.include({ ok: true });
      // A call to the agent, answered from the toolbar.
      const call = sim.engine.inbound('+15551230000', '2000');
      const alerting = await until(() => socket.events.find((e) => e.pyEventName === 'Alerting'), 'Alerting');
      expect(await socket.request({ action: 'answerCall', callId: alerting.pyCallId })).to.deep.include({ ok: true });
      await until(() => service.session.model?.call(call.callID)?.connections.length === 2 || undefined, 'the call established in the model');
      const removed: ModelChange[] = [];
      service.session.on('model', (changes) => removed.push(...changes.filter((c) => c.type === 'callRemoved')));
      const mark = socket.events.length;

      const killedAt = performance.now();
      await primary.kill();
      await until(() => logs.has('PBX link failed over'), 'the failover log line', 10_000);
      const linkBackMs = performance.now() - killedAt;
      const snapshot = await until(
        () => socket.events.slice(mark).find((e) => e.pyEventName === 'Snapshot' && e.pyLinkState === 'CONNECTED' && (e.pyCalls as { pyCallId: string }[]).some((c) => c.pyCallId === alerting.pyCallId)),
        'a Snapshot with the call on the toolbar socket',
      );
      const toolbarMs = performance.now() - killedAt;
      console.log(`      failover: link associated on the secondary ${linkBackMs.toFixed(0)} ms after the primary died; the toolbar showed the call again after ${toolbarMs.toFixed(0)} ms`);

      expect(snapshot.pyAgentId).to.equal('5001');
      expect(socket.events.slice(mark).some((e) => e.pyEventName === 'Snapshot' && e.pyLinkState === 'DISCONNECTED'), 'pyLinkState DISCONNECTED was reported').to.equal(true);
      expect(removed, 'no call removed from the model').to.deep.equal([]);
      expect(service.session.model?.call(call.callID)?.connections.length).to.equal(2);
      expect(secondary.connections).to.equal(1);
      expect(service.association()).to.deep.include({ associated: true, endpoint: `127.0.0.1:${pb}` });
      const line = logs.has('PBX link failed over')!;
      expect(line).to.include({ from: `127.0.0.1:${pa}`, to: `127.0.0.1:${pb}`, fromRole: 'primary', toRole: 'secondary' });
      await until(() => logs.has('agent state restored after failover'), 'the agent state restored');
      const health = JSON.parse(await (await fetch(`http://127.0.0.1:${service.port}/healthz`)).text()) as Record<string, unknown>;
      expect(health).to.include({ status: 'ok', role: 'secondary', endpoint: `127.0.0.1:${pb}` });
      const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
      expect(metrics).to.contain('csta_link_failovers_total{link="fo"} 1');
      expect(metrics).to.contain(`csta_link_endpoint{endpoint="127.0.0.1:${pb}",role="secondary",link="fo"} 1`);
      expect(metrics).to.match(/^csta_link_reconnects_total\{link="fo"\} [1-9]/m);
      // Requests keep working on the secondary: the agent hangs up.
      expect(await socket.request({ action: 'hangUpCall', callId: alerting.pyCallId })).to.deep.include({ ok: true });
      await until(() => service.session.model?.call(call.callID) === undefined || undefined, 'the call gone from the model');
    } finally {
      socket.close();
      await service.stop();
      await secondary.kill();
      await sim.close();
    }
  });
});
