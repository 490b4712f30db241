/**
 * The simulator's link layer over 127.0.0.1: association modes (ACSE with and without a
 * password, systemRegister, none, restricted modes), orderly release, keep-alives both ways,
 * unknown operations, out-of-service devices, and the wire formats.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionOptions } from '../../../lib/session/options.js';
import { ConnectionClosedError } from '../../../lib/session/errors.js';
import { deviceID } from '../../../lib/session/requests.js';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import { recordEvents } from '../../../lib/simulator/observer.js';
import { SimulatorStateError } from '../../../lib/simulator/errors.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { waitFor } from '../../support/wait.js';

describe('PbxSimulator link', () => {
  const sims: PbxSimulator[] = [];
  const sessions: CstaSession[] = [];

  async function start(simOptions: PbxSimulatorOptions = {}, sessionOptions: Partial<SessionOptions> = {}): Promise<{ sim: PbxSimulator; session: CstaSession }> {
    const sim = new PbxSimulator(simOptions);
    sims.push(sim);
    const port = await sim.listen();
    const session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false, wire: simOptions.wire, ...sessionOptions });
    sessions.push(session);
    return { sim, session };
  }

  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
    for (const s of sims.splice(0)) await s.close();
  });

  it('accepts an AARQ with the configured password and echoes the CSTA versions', async () => {
    const { sim, session } = await start({ password: 's3cret' }, { association: { kind: 'acse', password: 's3cret', versions: ['versionFive'] } });
    const kinds: string[] = [];
    sim.on('associated', (_id, kind) => kinds.push(kind));
    await session.connect();
    expect(kinds).to.deep.equal(['acse']);
    expect(session.versions).to.deep.equal(['versionFive']);
    expect(await session.requestSystemStatus({})).to.deep.equal({ systemStatus: 'normal' });
  });

  it('rejects an AARQ whose password does not match (and one without any)', async () => {
    const { session } = await start({ password: 's3cret' }, { association: { kind: 'acse', password: 'wrong' } });
    const e = await session.connect().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(ConnectionClosedError);
    expect((e as Error).message).to.contain('authentication-failure');
    const second = await start({ password: 's3cret' });
    const e2 = await second.session.connect().catch((x: unknown) => x);
    expect(e2).to.be.instanceOf(ConnectionClosedError);
  });

  it('associates by systemRegister, and with no association at all', async () => {
    const a = await start({}, { association: { kind: 'systemRegister' } });
    const kinds: string[] = [];
    a.sim.on('associated', (_id, kind) => kinds.push(kind));
    await a.session.connect();
    expect(kinds).to.deep.equal(['systemRegister']);
    const b = await start({}, { association: { kind: 'none' } });
    b.sim.on('associated', (_id, kind) => kinds.push(kind));
    await b.session.connect();
    expect(await b.session.getDoNotDisturb({ device: deviceID('2000') })).to.deep.equal({ doNotDisturbOn: false });
    expect(kinds).to.deep.equal(['systemRegister', 'none']);
  });

  it('refuses requests without association when only ACSE is accepted', async () => {
    const { sim, session } = await start({ association: ['acse'] }, { association: { kind: 'none' } });
    await session.connect();
    const e = await session.requestSystemStatus({}).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(ConnectionClosedError);
    await waitFor(() => sim.clientCount === 0);
  });

  it('releases in order: RLRQ answered with RLRE, then the link closes', async () => {
    const { sim, session } = await start();
    await session.connect();
    const closed = new Promise<number>((resolve) => sim.once('clientClosed', resolve));
    const t0 = Date.now();
    await session.close();
    await closed;
    expect(Date.now() - t0).to.be.below(900); // no fallback to the session's 1 s forced close
    expect(sim.clientCount).to.equal(0);
  });

  it('sends its own systemStatus keep-alives, which the session answers, and answers the session’s', async () => {
    const { sim, session } = await start({ keepAliveMs: 20 }, { keepAliveMs: 20 });
    const statuses: string[] = [];
    session.on('status', (s) => statuses.push(s.type));
    await session.connect();
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.repliesReceived).to.be.at.least(3);
    expect(statuses).to.not.include('degraded');
    expect(session.isAssociated).to.equal(true);
  });

  it('rejects an operation it does not know (unrecognizedOperation)', async () => {
    const sim = new PbxSimulator();
    sims.push(sim);
    const port = await sim.listen();
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => socket.once('connect', r));
    const conn = new CstaConnection(socket, createWireCodec());
    const answers: CstaPdu[] = [];
    conn.on('pdu', (p) => answers.push(p));
    conn.send({ pdu: 'invoke', invokeId: 5, operation: 'unknown', opcode: { local: 999 } });
    await waitFor(() => answers.length === 1);
    expect(answers[0]).to.deep.equal({ pdu: 'reject', invokeId: 5, problem: { invoke: 'unrecognizedOperation' } });
    conn.close(true);
  });

  it('reports out-of-service and back-in-service, and refuses calls from an out-of-service station', async () => {
    const { sim, session } = await start();
    await session.connect();
    const rec = recordEvents(session);
    await session.monitorStart('3003');
    sim.setOutOfService('3003', true);
    const e = await session.makeCall({ callingDevice: deviceID('3003'), calledDirectoryNumber: deviceID('2000') }).catch((x: unknown) => x);
    expect((e as { value?: string }).value).to.equal('deviceOutOfService');
    sim.setOutOfService('3003', false);
    await rec.waitForCount(2);
    expect(rec.events.map((x) => x.type)).to.deep.equal(['outOfService', 'backInService']);
  });

  it('reports doNotDisturb and forwarding feature events to the device’s monitors', async () => {
    const { session } = await start();
    await session.connect();
    const rec = recordEvents(session);
    await session.monitorStart('2004');
    await session.setDoNotDisturb({ device: deviceID('2004'), doNotDisturbOn: true });
    await session.setForwarding({ device: deviceID('2004'), forwardingType: 'forwardBusy', activateForward: true, forwardDN: deviceID('3004') });
    await rec.waitForCount(2);
    expect(rec.events.map((x) => x.event)).to.deep.equal([
      { device: { deviceIdentifier: deviceID('2004') }, doNotDisturbOn: true },
      { device: { deviceIdentifier: deviceID('2004') }, forwardingType: 'forwardBusy', forwardStatus: true, forwardTo: deviceID('3004') },
    ]);
  });

  it('fans events out to every monitor of a device, each with its own cross reference', async () => {
    const a = await start();
    await a.session.connect();
    const b = new CstaSession({ host: '127.0.0.1', port: a.sim.port, keepAliveMs: 0, reconnect: false });
    sessions.push(b);
    await b.connect();
    const recA = recordEvents(a.session);
    const recB = recordEvents(b);
    const ma = await a.session.monitorStart('2008');
    const mb = await b.monitorStart('2008');
    expect(ma.crossRefIdentifier).to.not.equal(mb.crossRefIdentifier);
    a.sim.engine.inbound('+15551230000', '2008');
    await recA.waitForCount(1);
    await recB.waitForCount(1);
    expect([recA.events[0]!.type, recB.events[0]!.type]).to.deep.equal(['delivered', 'delivered']);
    expect(recA.events[0]!.event).to.deep.equal(recB.events[0]!.event);
  });

  it('routeSelect: an invalid route falls back to the alternates; all invalid → routeEnd invalidDestination and the default route', async () => {
    const { sim, session } = await start();
    await session.connect();
    await session.monitorStart('7000');
    const ends: unknown[] = [];
    let choice: string[] = ['5555', '3006'];
    session.handle('routeRequest', (arg) => {
      session.routeSelect({ crossRefIdentifier: arg.crossRefIdentifier, routeSelected: deviceID(choice[0]!), alternateRoutes: choice.slice(1).map((d) => deviceID(d)) });
      return undefined as never;
    });
    session.handle('routeEndRequest', (arg) => {
      ends.push(arg);
      return undefined as never;
    });
    const first = sim.engine.inbound('+15551230000', '7000');
    await waitFor(() => ends.length === 1);
    expect(first.connections.get('3006')?.state).to.equal('alerting');
    expect(ends[0]).to.not.have.property('errorValue');
    choice = ['5555', '4444'];
    const second = sim.engine.inbound('+15551230001', '7000');
    await waitFor(() => ends.length === 2);
    expect(ends[1]).to.deep.include({ errorValue: { operation: 'invalidDestination' } });
    expect(second.connections.get('6000')?.state).to.equal('queued');
  });

  it('a routing point nobody routes for sends its calls to the default route at once', async () => {
    const sim = new PbxSimulator();
    sims.push(sim);
    const call = sim.engine.inbound('+15551230000', '7000');
    expect(call.connections.get('7000')?.state).to.equal('queued');
    await waitFor(() => call.connections.get('6000')?.state === 'queued');
    expect(call.connections.has('7000')).to.equal(false);
  });

  it('serves TLS', async () => {
    const dir = new URL('../../../fixtures/tls/', import.meta.url);
    const key = readFileSync(new URL('localhost.key', dir));
    const cert = readFileSync(new URL('localhost.crt', dir));
    const { session } = await start({ tls: { key, cert } }, { tls: { ca: cert, servername: 'localhost' } });
    await session.connect();
    expect(await session.requestSystemStatus({})).to.deep.equal({ systemStatus: 'normal' });
  });

  it('serves BER with self-delimited framing', async () => {
    const { session } = await start({ wire: { encoding: 'ber', framing: 'ber' } });
    await session.connect();
    expect(await session.requestSystemStatus({})).to.deep.equal({ systemStatus: 'normal' });
  });

  it('refuses to listen twice', async () => {
    const sim = new PbxSimulator();
    sims.push(sim);
    await sim.listen();
    const e = await sim.listen().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(SimulatorStateError);
  });

  it('routes to the default route when the routeRequest goes unanswered, and ends the dialogue with routeingTimerExpired', async () => {
    const { sim, session } = await start({ routeTimeoutMs: 50 });
    await session.connect();
    await session.monitorStart('7000');
    const requests: unknown[] = [];
    const ends: unknown[] = [];
    session.handle('routeRequest', (arg) => {
      requests.push(arg);
      return undefined as never;
    });
    session.handle('routeEndRequest', (arg) => {
      ends.push(arg);
      return undefined as never;
    });
    const r = await session.makeCall({ callingDevice: deviceID('2007'), calledDirectoryNumber: deviceID('7000') });
    const callID = (r.callingDevice as { both: { callID: string } }).both.callID;
    await waitFor(() => ends.length === 1);
    expect(requests).to.have.length(1);
    expect(requests[0]).to.deep.include({ currentRoute: { deviceIdentifier: deviceID('7000') }, routedCall: { both: { callID, deviceID: { staticID: deviceID('7000') } } } });
    expect(ends[0]).to.deep.include({ errorValue: { operation: 'routeingTimerExpired' } });
    // default route of 7000 is ACD group 6000, where no agent is logged on: the call waits in its queue
    expect(sim.state.call(callID).connections.get('6000')?.state).to.equal('queued');
    expect(sim.state.call(callID).connections.has('7000')).to.equal(false);
    expect(sim.router.openDialogues).to.equal(0);
  });
});
