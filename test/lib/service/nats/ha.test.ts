/**
 * Active/standby across two real `csta serve` processes sharing one PBX (the simulator, in this
 * process) and one nats-server, all on 127.0.0.1. The active is killed (SIGKILL) mid-call; the
 * standby takes the lease, associates, restores the agents and answers requests. Checked:
 * takeover time (printed), that a JetStream consumer gets every event exactly once (a core NATS
 * subscriber is the independent witness of what was published), that requests over NATS and a
 * gateway socket on the standby keep working, and that the call survives in the snapshots.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import type { JsMsg } from '@nats-io/jetstream';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import type { PegaEvent } from '../../../../lib/pega/types.js';
import { RemotePegaLink } from '../../../../lib/service/nats/client.js';
import { LinkEventConsumer } from '../../../../lib/service/nats/consumer.js';
import { EPOCH_HEADER } from '../../../../lib/service/nats/publisher.js';
import { LinkSubjects, parseSubject } from '../../../../lib/service/nats/subjects.js';
import { NATS_MISSING, natsServerBinary, startNatsServer } from './nats-server.js';
import type { NatsServerHandle } from './nats-server.js';
import { ToolbarSocket, until } from '../support.js';

const REPO = new URL('../../../../', import.meta.url).pathname;
const LINK = 'ha';
const TTL_MS = 1500;

/** One `csta serve` child: its JSON log lines. */
class ServeProcess {
  readonly lines: Record<string, unknown>[] = [];
  readonly child: ChildProcess;
  private buffer = '';
  constructor(configFile: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'serve', '--config', configFile], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => {
      this.buffer += d.toString('utf8');
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        try {
          this.lines.push({ ...(JSON.parse(line) as Record<string, unknown>), receivedAt: Date.now() });
        } catch {
          // not a log line
        }
      }
    });
    this.child.stderr?.resume();
  }
  log(msg: string): Record<string, unknown> | undefined {
    return this.lines.find((l) => l.msg === msg);
  }
  get port(): number {
    return Number(this.log('csta serve listening')?.port);
  }
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 8000);
    await gone;
    clearTimeout(t);
  }
}

describe('active/standby csta serve over NATS (two processes, 127.0.0.1)', function () {
  this.timeout(90_000);
  const bin = natsServerBinary();
  let server: NatsServerHandle;
  let sim: PbxSimulator;
  let pbxPort: number;
  let dir: string;
  const procs: ServeProcess[] = [];
  let nc: NatsConnection | undefined;

  before(async function () {
    if (bin === undefined) {
      console.log(`    (pending: ${NATS_MISSING})`);
      this.skip();
    }
    server = await startNatsServer(bin);
    sim = new PbxSimulator();
    pbxPort = await sim.listen(0, '127.0.0.1');
    dir = mkdtempSync(join(tmpdir(), 'csta-ha-'));
  });
  after(async () => {
    for (const p of procs) await p.stop();
    await nc?.close();
    await sim?.close();
    await server?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  function config(instance: string, pbxPort: number): string {
    const file = join(dir, `${instance}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        name: LINK,
        http: { host: '127.0.0.1', port: 0 },
        log: { level: 'info' },
        pbx: { endpoints: [{ host: '127.0.0.1', port: pbxPort }], keepAliveMs: 0, reconnect: { initialMs: 100, maxMs: 500 } },
        agents: { mode: 'asTheyLogIn' },
        auth: { tokens: [{ token: 'tok-5502', agentId: '5502', device: '2002' }] },
        shutdown: { timeoutMs: 5000 },
        nats: { servers: [server.url], instance, lease: { ttlMs: TTL_MS } },
      }),
    );
    return file;
  }

  it('kill the active mid-call: the standby takes over, no event lost or duplicated, requests and the standby’s gateway socket keep working', async () => {
    nc = await connect({ servers: server.url });
    const subjects = new LinkSubjects(LINK);

    // A starts first and takes the lease; B is the standby.
    const a = new ServeProcess(config('A', pbxPort));
    procs.push(a);
    await until(() => a.log('link taken over'), 'A taking the link', 30_000);
    const b = new ServeProcess(config('B', pbxPort));
    procs.push(b);
    await until(() => b.log('csta serve listening'), 'B listening', 30_000);
    expect(b.log('link taken over')).to.equal(undefined);
    // The standby is healthy and ready on purpose (its gateway works through NATS).
    const health = await fetch(`http://127.0.0.1:${b.port}/healthz`);
    expect(health.status).to.equal(200);
    expect(await health.json()).to.deep.include({ link: 'standby' });
    expect((await fetch(`http://127.0.0.1:${b.port}/readyz`)).status).to.equal(200);

    // Witness (core NATS: every message the server received) and consumer (JetStream, from the start).
    const witnessed: string[] = [];
    const witness: Subscription = nc.subscribe(subjects.pegaEvents, { callback: (_e, m) => void witnessed.push(m.headers?.get('Nats-Msg-Id') ?? '?') });
    const cstaWitnessed: string[] = [];
    const cstaWitness: Subscription = nc.subscribe(subjects.cstaEvents(), { callback: (_e, m) => void cstaWitnessed.push(m.headers?.get('Nats-Msg-Id') ?? '?') });
    await nc.flush();
    const consumed: JsMsg[] = [];
    const consumer = await LinkEventConsumer.start(jetstream(nc), { stream: 'CSTA_ha', filter: '>', from: { kind: 'all' }, keepStale: true, onMessage: (m) => consumed.push(m) });

    // Agent 5501 over NATS request/reply; agent 5502 through a gateway socket on the standby B.
    const remote = new RemotePegaLink(nc, jetstream(nc), { link: LINK, from: { kind: 'all' } });
    const events: [string, PegaEvent][] = [];
    remote.on('event', (agent, e) => events.push([agent, e]));
    await remote.start();
    expect(await remote.login({ agentId: '5501', device: '2001' })).to.deep.equal({ ok: true });
    const socket = new ToolbarSocket(b.port, 'tok-5502');
    await socket.opened();
    expect(await socket.request({ action: 'login' })).to.deep.include({ ok: true });
    await until(() => socket.events.find((e) => e.pyEventType === 'SnapshotEvent'), 'the snapshot on B’s socket (from A, through NATS)');

    // A call to 5501, answered over NATS; a call to 5502 rings on B's socket.
    sim.engine.inbound('0612345678', '2001');
    const alerting = await until(() => events.find(([ag, e]) => ag === '5501' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Alerting')?.[1], 'Alerting for 5501');
    const callId = (alerting as { pyCallId: string }).pyCallId;
    expect(await remote.request('5501', { action: 'answerCall', callId })).to.deep.equal({ ok: true, callId });
    await until(() => events.find(([, e]) => e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Established'), 'Established');
    sim.engine.inbound('0698765432', '2002');
    await until(() => socket.events.find((e) => e.pyEventName === 'Alerting'), 'Alerting on B’s socket');
    const epochA = Number(consumed.at(-1)?.headers?.get(EPOCH_HEADER));

    // Kill A mid-call; a request sent once A is gone waits for a responder and is answered by B.
    // (One that reached A before it died times out with OPENCTI_HTTP_ERROR_504: it may have been carried out.)
    const socketSnaps = socket.events.filter((e) => e.pyEventType === 'SnapshotEvent').length;
    const killedAt = Date.now();
    const exited = new Promise((r) => a.child.once('exit', r));
    a.child.kill('SIGKILL');
    await exited;
    // Probe with refresh (idempotent, so a probe that reached A in its last instant may time out and be re-sent).
    const probe = new RemotePegaLink(nc, jetstream(nc), { link: LINK, requestTimeoutMs: 1000, takeoverWaitMs: 20_000 });
    const probeResults: string[] = [];
    const firstRequest = (async () => {
      for (let i = 0; i < 20; i++) {
        const r = await probe.refresh('5501');
        probeResults.push(r.ok ? 'ok' : r.errCode);
        if (r.ok) return Date.now();
      }
      return undefined;
    })();
    const taken = await until(() => b.log('link taken over'), 'B taking over', 20_000);
    const takeoverMs = Number(taken.receivedAt) - killedAt;
    const answeredAt = await firstRequest;
    expect(answeredAt, probeResults.join(',')).to.be.a('number');
    const requestsBackMs = answeredAt! - killedAt;
    console.log(`      takeover: B held the link and answered ${takeoverMs} ms after SIGKILL of A (lease TTL ${TTL_MS} ms; activation ${String(taken.activationMs)} ms, ${String(taken.agentsRestored)} agents restored); a request sent as A exited was answered after ${requestsBackMs} ms (probe results: ${probeResults.join(",")})`);
    expect(takeoverMs).to.be.below(TTL_MS * 4 + 5000);
    expect(taken.agentsRestored).to.equal(2);

    // The call survived: B's snapshot for 5501 (new epoch) lists it; the socket on B got a fresh snapshot.
    const isB = (m: JsMsg): boolean => Number(m.headers?.get(EPOCH_HEADER)) > epochA;
    await until(
      () => consumed.find((m) => isB(m) && m.subject === subjects.pegaEvent('5501') && (m.json<PegaEvent>() as { pyCalls?: { pyCallId: string }[] }).pyCalls?.some((c) => c.pyCallId === callId)),
      'a snapshot from B listing the call',
    );
    await until(() => socket.events.filter((e) => e.pyEventType === 'SnapshotEvent').length > socketSnaps || undefined, 'a new snapshot on B’s socket');
    // Requests keep working after the takeover: over NATS and from B's own gateway socket.
    expect(await remote.request('5501', { action: 'hangUpCall', callId })).to.deep.equal({ ok: true, callId });
    await until(() => events.find(([ag, e]) => ag === '5501' && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Disconnected'), 'Disconnected after the takeover');
    const ringing = socket.events.find((e) => e.pyEventName === 'Alerting') as { pyCallId: string };
    expect(await socket.request({ action: 'answerCall', callId: ringing.pyCallId })).to.deep.include({ ok: true });
    await until(() => socket.events.find((e) => e.pyEventName === 'Established'), 'Established on B’s socket after the takeover');

    // Exactly once: every message the witness saw is in the stream once, and nothing else is.
    await until(() => consumed.length >= witnessed.length + cstaWitnessed.length || undefined, 'the consumer catching up', 5000);
    await new Promise((r) => setTimeout(r, 300));
    const ids = consumed.map((m) => m.headers?.get('Nats-Msg-Id') ?? '?');
    expect(new Set(ids).size, 'duplicate message ids in the stream').to.equal(ids.length);
    expect([...ids].sort()).to.deep.equal([...witnessed, ...cstaWitnessed].sort());
    const seqs = consumed.map((m) => m.seq);
    expect(seqs).to.deep.equal(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    // Both instances published, the new one under a larger epoch, and never the old one after it.
    const epochs = consumed.map((m) => Number(m.headers?.get(EPOCH_HEADER)));
    const epochB = epochs.at(-1)!;
    expect(epochB).to.be.above(epochA);
    expect(epochs.indexOf(epochB)).to.be.above(epochs.lastIndexOf(epochA));
    expect(consumed.some((m) => parseSubject(m.subject)?.kind === 'csta')).to.equal(true);
    console.log(`      stream: ${consumed.length} events exactly once (${epochs.filter((e) => e === epochA).length} from A, ${epochs.filter((e) => e === epochB).length} from B)`);

    witness.unsubscribe();
    cstaWitness.unsubscribe();
    socket.close();
    await consumer.stop();
    await remote.stop();
    await b.stop();
    expect(b.child.exitCode).to.equal(0);
  });
  it('SIGTERM on the active: it releases the lease and the standby takes over at its next poll', async () => {
    for (const p of procs.splice(0)) await p.stop(); // nothing left holding the lease
    const c = new ServeProcess(config('C', pbxPort));
    procs.push(c);
    await until(() => c.log('link taken over'), 'C taking the link', 30_000);
    const d = new ServeProcess(config('D', pbxPort));
    procs.push(d);
    await until(() => d.log('csta serve listening'), 'D listening', 30_000);
    const stoppedAt = Date.now();
    await c.stop();
    expect(c.child.exitCode).to.equal(0);
    const taken = await until(() => d.log('link taken over'), 'D taking over', 10_000);
    const switchoverMs = Number(taken.receivedAt) - stoppedAt;
    console.log(`      planned switchover: D active ${switchoverMs} ms after SIGTERM to C (C's orderly shutdown included)`);
    expect(switchoverMs).to.be.below(TTL_MS);
    expect(Number(taken.epoch)).to.be.above(Number(c.log('link taken over')?.epoch));
    await d.stop();
  });
});
