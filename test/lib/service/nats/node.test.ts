/**
 * NatsLinkNode with fake hosts (no PBX), two nodes on separate connections to a real nats-server:
 * one active, one standby routed through NATS; requests and events cross; a clean stop hands over
 * and the new active associates and restores the registered agents; a stolen lease releases.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { PegaLinkLike } from '../../../../lib/pega/gateway/types.js';
import type { PegaLoginParams } from '../../../../lib/pega/link.js';
import type { PegaEvent, PegaRequest, PegaResult } from '../../../../lib/pega/types.js';
import { NatsLinkNode } from '../../../../lib/service/nats/node.js';
import { RemotePegaLink } from '../../../../lib/service/nats/client.js';
import type { NatsNodeHost } from '../../../../lib/service/nats/node.js';
import type { LoggedInAgent } from '../../../../lib/service/nats/types.js';
import { LEASE_KEY } from '../../../../lib/service/nats/lease.js';
import { natsServerBinary, startNatsServer, useNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { waitFor } from '../../../support/wait.js';

const snapshot = (agentId: string, device: string, state: 'Login' | 'Logout' = 'Login'): PegaEvent => ({
  pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: agentId, pyAgentState: state, pyReasonCode: '', pyWorkMode: 'MODE_NONE',
  pyDeviceState: state === 'Login' ? 'OPENED' : 'CLOSED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: device, pyCalls: [],
});

/** A host whose "PBX link" is a flag and whose Pega link logs anyone in. */
class FakeHost implements NatsNodeHost {
  readonly session = new EventEmitter();
  readonly linkEvents = new EventEmitter();
  readonly logins: PegaLoginParams[] = [];
  readonly requests: [string, PegaRequest][] = [];
  readonly routes: (PegaLinkLike | undefined)[] = [];
  associated = false;
  associations = 0;
  releases = 0;
  agentsIn: LoggedInAgent[] = [];
  constructor(readonly linkName: string) {}
  readonly link = {
    get agents(): readonly LoggedInAgent[] {
      return host(this).agentsIn;
    },
    login: async (p: PegaLoginParams): Promise<PegaResult> => {
      this.logins.push(p);
      this.agentsIn.push({ agentId: p.agentId, device: p.device, password: undefined });
      this.linkEvents.emit('event', p.agentId, snapshot(p.agentId, p.device));
      return { ok: true };
    },
    logout: async (agentId: string): Promise<PegaResult> => {
      const a = this.agentsIn.find((x) => x.agentId === agentId);
      this.agentsIn = this.agentsIn.filter((x) => x.agentId !== agentId);
      this.linkEvents.emit('event', agentId, snapshot(agentId, a?.device ?? '', 'Logout'));
      return { ok: true };
    },
    request: async (agentId: string, r: PegaRequest): Promise<PegaResult> => {
      this.requests.push([agentId, r]);
      return { ok: true };
    },
    refresh: async (): Promise<unknown> => undefined,
    on: (e: 'event', l: (a: string, ev: PegaEvent) => void) => this.linkEvents.on(e, l),
    off: (e: 'event', l: (a: string, ev: PegaEvent) => void) => this.linkEvents.off(e, l),
  };
  async associate(): Promise<void> {
    this.associated = true;
    this.associations++;
  }
  async release(): Promise<void> {
    if (this.associated) this.releases++;
    this.associated = false;
  }
  routeAgents(remote: PegaLinkLike | undefined): void {
    this.routes.push(remote);
  }
}
const hosts = new WeakMap<object, FakeHost>();
function host(link: object): FakeHost {
  return hosts.get(link)!;
}
function fakeHost(link: string): FakeHost {
  const h = new FakeHost(link);
  hosts.set(h.link, h);
  return h;
}

describe('NatsLinkNode (fake hosts, real nats-server, 127.0.0.1)', function () {
  this.timeout(20_000);
  const bin = natsServerBinary();
  let server: NatsServerHandle;
  const conns: NatsConnection[] = [];
  const nodes: NatsLinkNode[] = [];
  useNatsServer((s) => (server = s));
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.stop().catch(() => undefined);
    for (const c of conns.splice(0)) await c.close().catch(() => undefined);
  });

  async function start(link: string, instance: string, h: FakeHost): Promise<NatsLinkNode> {
    const nc = await connect({ servers: server.url });
    conns.push(nc);
    const node = await NatsLinkNode.start(nc, h, { instance, lease: { ttlMs: 1000 }, requests: { takeoverWaitMs: 3000 } });
    nodes.push(node);
    return node;
  }

  it('one active, one standby routed through NATS; requests and events cross; a clean stop hands over with the agents', async () => {
    const ha = fakeHost('n1');
    const a = await start('n1', 'A', ha);
    await waitFor(() => a.role === 'active', 3000, 'A active');
    const hb = fakeHost('n1');
    const b = await start('n1', 'B', hb);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.role).to.equal('standby');
    expect([ha.associations, hb.associations]).to.deep.equal([1, 0]);
    // B's front ends go to the remote link; A's to the local one.
    expect(hb.routes.at(-1)).to.equal(b.remote);
    expect(ha.routes.at(-1)).to.equal(undefined);

    // A login from B's side crosses to A; its snapshot comes back to B through the stream.
    const seen: [string, PegaEvent][] = [];
    b.remote.on('event', (ag, e) => seen.push([ag, e]));
    expect(await b.remote.login({ agentId: 'ag.1', device: '2001' })).to.deep.equal({ ok: true });
    expect(ha.logins).to.deep.equal([{ agentId: 'ag.1', device: '2001' }]);
    await waitFor(() => seen.some(([ag]) => ag === 'ag.1'), 3000, 'the snapshot on B');
    expect(await b.remote.request('ag.1', { action: 'agentReady' })).to.deep.equal({ ok: true });
    expect(ha.requests).to.deep.equal([['ag.1', { action: 'agentReady' }]]);

    // A stops: it releases its association before B associates, and B logs ag.1 in again.
    const takeover = new Promise<{ agentsRestored: number; epoch: number }>((r) => b.once('takeover', r));
    const epochA = a.epoch;
    await a.stop();
    expect(ha.releases).to.equal(1);
    const report = await takeover;
    expect(report.agentsRestored).to.equal(1);
    expect(report.epoch).to.be.above(epochA);
    expect(hb.logins).to.deep.equal([{ agentId: 'ag.1', device: '2001' }]);
    expect(hb.routes.at(-1)).to.equal(undefined);
    expect(b.role).to.equal('active');
    // Logged out: the registry forgets the agent (the next takeover restores nobody).
    await hb.link.logout('ag.1');
    const kv = await new Kvm(jetstream(conns[1]!)).open('csta_agents_n1');
    const keysNow = async (): Promise<string[]> => {
      const keys: string[] = [];
      for await (const k of await kv.keys()) keys.push(k);
      return keys;
    };
    const end = Date.now() + 3000;
    while ((await keysNow()).length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(await keysNow()).to.deep.equal([]);
  });

  it('a stolen lease: the active stops answering, releases the PBX and goes back to standby', async () => {
    const h = fakeHost('n2');
    const a = await start('n2', 'A', h);
    await waitFor(() => a.role === 'active', 3000, 'A active');
    const kv = await new Kvm(jetstream(conns[0]!)).open('csta_lease_n2');
    const stolen = await kv.put(LEASE_KEY, JSON.stringify({ owner: 'intruder', since: 0 }));
    await waitFor(() => a.role === 'standby', 3000, 'A standby');
    expect(h.releases).to.equal(1);
    expect(h.routes.at(-1)).to.equal(a.remote);
    // While the intruder renews, A stays standby; its requests find no responder.
    const keep = setInterval(() => void kv.put(LEASE_KEY, JSON.stringify({ owner: 'intruder', since: 0 })).catch(() => undefined), 200);
    try {
      const r = await new RemotePegaLink(conns[0]!, jetstream(conns[0]!), { link: 'n2', takeoverWaitMs: 300 }).request('x', { action: 'agentReady' });
      expect(r, JSON.stringify(r)).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_503' });
      await new Promise((res) => setTimeout(res, 1200));
      expect(a.role).to.equal('standby');
    } finally {
      clearInterval(keep);
    }
    expect(stolen).to.be.above(0);
  });
  it('NATS goes away under the active: it releases the PBX before the lease could pass (local deadline), and stops in bounded time', async () => {
    const own = await startNatsServer(bin!);
    const nc = await connect({ servers: own.url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    const h = fakeHost('n3');
    const node = await NatsLinkNode.start(nc, h, { instance: 'A', lease: { ttlMs: 1000 } });
    try {
      await waitFor(() => node.role === 'active', 3000, 'active');
      const t0 = Date.now();
      await own.stop();
      await waitFor(() => h.releases === 1, 2000, 'the PBX released');
      // Before the server-side TTL (1000 ms after the last renewal, at most 333 ms before t0).
      expect(Date.now() - t0).to.be.below(1000);
      expect(h.associated).to.equal(false);
      await waitFor(() => h.routes.at(-1) === node.remote && node.role === 'standby', 4000, 'standby, front ends routed through NATS');
      const s0 = Date.now();
      await node.stop();
      expect(Date.now() - s0).to.be.below(7000);
    } finally {
      await nc.close().catch(() => undefined);
      await own.stop();
    }
  });
});
