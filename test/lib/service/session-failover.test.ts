/** CstaSession failover endpoints (SessionOptions.alternates): connect() tries each, reconnects rotate. */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionStatus } from '../../../lib/session/session.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { TapProxy, freePort, until } from './support.js';

describe('CstaSession: primary and secondary endpoints', () => {
  it('connect() goes to the secondary when the primary refuses, and says which one is in use', async () => {
    const sim = new PbxSimulator();
    const port = await sim.listen(0, '127.0.0.1');
    const dead = await freePort();
    const statuses: SessionStatus[] = [];
    const session = new CstaSession({ host: '127.0.0.1', port: dead, alternates: [{ host: '127.0.0.1', port }], reconnect: false, keepAliveMs: 0 });
    session.on('status', (s) => statuses.push(s));
    try {
      await session.connect();
      expect(session.currentEndpoint).to.deep.equal({ host: '127.0.0.1', port });
      expect(statuses.filter((s) => s.type === 'connecting').map((s) => (s as { endpoint?: string }).endpoint)).to.deep.equal([`127.0.0.1:${dead}`, `127.0.0.1:${port}`]);
    } finally {
      await session.close();
      await sim.close();
    }
  });

  it('connect() rejects with the last failure when no endpoint answers', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const session = new CstaSession({ host: '127.0.0.1', port: a, alternates: [{ host: '127.0.0.1', port: b }], reconnect: false });
    let error: unknown;
    await session.connect().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.contain(`127.0.0.1:${b}`);
    expect(session.isAssociated).to.equal(false);
  });

  it('after the link drops, reconnect attempts alternate: secondary, then primary again; monitors follow', async () => {
    const sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    const a = new TapProxy(() => simPort);
    const b = new TapProxy(() => simPort);
    const [pa, pb] = [await a.listen(), await b.listen()];
    const session = new CstaSession({ host: '127.0.0.1', port: pa, alternates: [{ host: '127.0.0.1', port: pb }], reconnect: () => 20, keepAliveMs: 0 });
    const associated: number[] = [];
    session.on('status', (s) => {
      if (s.type === 'associated' && s.reconnected) associated.push(session.currentEndpoint.port);
    });
    try {
      await session.connect();
      await session.monitorStart('2000');
      await a.kill();
      await until(() => associated.length === 1 || undefined, 'the reconnect on the secondary');
      expect(associated).to.deep.equal([pb]);
      expect(b.fromClient.some((p) => p.pdu === 'invoke' && p.operation === 'monitorStart')).to.equal(true);
      // The primary comes back on the same port; the secondary dies: back to the primary.
      const a2 = new TapProxy(() => simPort);
      await a2.listen(pa);
      await b.kill();
      await until(() => associated.length === 2 || undefined, 'the reconnect on the primary');
      expect(associated).to.deep.equal([pb, pa]);
      expect(session.monitors.map((m) => m.device)).to.deep.equal(['2000']);
      await session.close();
      await a2.kill();
    } finally {
      await session.close();
      await sim.close();
    }
  });
});
