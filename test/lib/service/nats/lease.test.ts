/**
 * The KV lease against a real nats-server on 127.0.0.1: two contenders, one wins; the winner's
 * connection dies without releasing → the other takes over after the TTL; a clean stop hands
 * over at the next poll; a holder whose revision was overwritten learns it at its next renewal.
 */
import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { NatsLease, LEASE_KEY } from '../../../../lib/service/nats/lease.js';
import type { LeaseLossReason } from '../../../../lib/service/nats/lease.js';
import { NatsLinkError } from '../../../../lib/service/nats/errors.js';
import { useNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { waitFor } from '../../../support/wait.js';

const TTL = 1000;

describe('NATS KV lease (real nats-server, 127.0.0.1)', function () {
  let server: NatsServerHandle;
  const conns: NatsConnection[] = [];
  const leases: NatsLease[] = [];
  useNatsServer((s) => (server = s));
  afterEach(async () => {
    for (const l of leases.splice(0)) await l.stop().catch(() => undefined);
    for (const c of conns.splice(0)) await c.close().catch(() => undefined);
  });

  async function contender(link: string, owner: string): Promise<{ lease: NatsLease; nc: NatsConnection; acquired: number[]; lost: LeaseLossReason[] }> {
    const nc = await connect({ servers: server.url });
    conns.push(nc);
    const lease = await NatsLease.open(jetstream(nc), { link, owner, ttlMs: TTL });
    leases.push(lease);
    const acquired: number[] = [];
    const lost: LeaseLossReason[] = [];
    lease.on('acquired', (e) => acquired.push(e));
    lease.on('lost', (r) => lost.push(r));
    return { lease, nc, acquired, lost };
  }

  it('refuses a TTL below the minimum and inconsistent timings with typed errors', async () => {
    const nc = await connect({ servers: server.url });
    conns.push(nc);
    let err: unknown;
    await NatsLease.open(jetstream(nc), { link: 'x', owner: 'a', ttlMs: 10 }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(NatsLinkError).with.property('code', 'BAD_CONFIG');
    err = undefined;
    await NatsLease.open(jetstream(nc), { link: 'x', owner: 'a', ttlMs: 1000, renewEveryMs: 900 }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(NatsLinkError).with.property('code', 'BAD_CONFIG');
  });

  it('two contenders: exactly one wins and keeps the lease through several TTLs', async () => {
    const a = await contender('l1', 'a');
    const b = await contender('l1', 'b');
    a.lease.start();
    b.lease.start();
    await waitFor(() => a.lease.held || b.lease.held, 3000, 'a holder');
    await new Promise((r) => setTimeout(r, TTL * 3));
    expect([a.lease.held, b.lease.held].filter(Boolean)).to.have.length(1);
    expect(a.acquired.length + b.acquired.length).to.equal(1);
    expect(a.lost.concat(b.lost)).to.deep.equal([]);
    const winner = a.lease.held ? 'a' : 'b';
    expect(await a.lease.holder()).to.deep.include({ owner: winner });
  });

  it('the holder stops renewing (its connection dies): the other takes over after the TTL with a larger epoch', async () => {
    const a = await contender('l2', 'a');
    a.lease.start();
    await waitFor(() => a.lease.held, 3000, 'a holds');
    const epochA = a.lease.epoch;
    const b = await contender('l2', 'b');
    b.lease.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(b.lease.held).to.equal(false);
    // Cut a's connection without releasing: its renewals fail and its entry lapses on the server.
    await a.nc.close();
    const t0 = Date.now();
    await waitFor(() => b.lease.held, TTL * 5, 'b takes over');
    const takeover = Date.now() - t0;
    console.log(`      lease takeover after the holder died: ${takeover} ms (TTL ${TTL} ms)`);
    expect(takeover).to.be.below(TTL * 4);
    expect(b.lease.epoch).to.be.above(epochA);
    // a gave up by itself (local deadline) before b could win.
    expect(a.lost).to.deep.equal(['expired']);
  });

  it('a clean stop deletes the lease: the standby takes it at its next poll', async () => {
    const a = await contender('l3', 'a');
    a.lease.start();
    await waitFor(() => a.lease.held, 3000, 'a holds');
    const b = await contender('l3', 'b');
    b.lease.start();
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await a.lease.stop();
    expect(a.lost).to.deep.equal(['stopped']);
    await waitFor(() => b.lease.held, TTL, 'b takes over');
    expect(Date.now() - t0).to.be.below(TTL / 2);
  });

  it('a holder whose entry was overwritten loses the lease at its next renewal (compare-and-set)', async () => {
    const a = await contender('l4', 'a');
    a.lease.start();
    await waitFor(() => a.lease.held, 3000, 'a holds');
    const kv = await new Kvm(jetstream(a.nc)).open('csta_lease_l4');
    await kv.put(LEASE_KEY, JSON.stringify({ owner: 'intruder', since: 0 }));
    await waitFor(() => a.lost.length > 0, TTL, 'a loses');
    expect(a.lost).to.deep.equal(['taken']);
    expect(a.lease.held).to.equal(false);
  });
});
