/**
 * CstaSession with the ECMA-354 application session association, against the PBX simulator over
 * CSTA-XML on 127.0.0.1: vendor login, monitor, a call, keep-alive by ResetApplicationSessionTimer,
 * expiry, reconnect with resume, with refusal (transfer of the monitors, or restart), release,
 * in-flight requests on link loss, and the switch's SystemStatus answered.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionOptions, ApplicationSessionMode } from '../../../lib/session/options.js';
import { deviceID } from '../../../lib/session/requests.js';
import { ConnectionClosedError } from '../../../lib/session/errors.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import { APPL_SESSION_NAMESPACE, avayaSessionLoginInfo, openScapeBusinessLoginInfo } from '../../../protocol/ecma354/index.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { statusWhere, waitFor } from '../../support/wait.js';

const XML = { encoding: 'xml', framing: 'header' } as const;
const LOGIN = { user: 'cti', password: 'secret' };
const AVAYA: ApplicationSessionMode = {
  kind: 'applicationSession',
  applicationID: 'csta-link-test',
  loginInfo: (resume) => avayaSessionLoginInfo({ userName: LOGIN.user, password: LOGIN.password }, resume),
  protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv7'],
  sessionDurationS: 60,
};

describe('CstaSession: ECMA-354 application session over CSTA-XML', function () {
  this.timeout(15000);
  let sim: PbxSimulator;
  let session: CstaSession | undefined;
  let requests: string[];

  async function setup(simOptions: PbxSimulatorOptions, mode: ApplicationSessionMode, extra: Partial<SessionOptions> = {}): Promise<CstaSession> {
    sim = new PbxSimulator({ wire: XML, association: ['applicationSession'], ...simOptions });
    requests = [];
    sim.on('request', (_id, op) => requests.push(op));
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, wire: XML, association: mode, keepAliveMs: 0, reconnect: () => 20, requestTimeoutMs: 2000, ...extra });
    return session;
  }

  afterEach(async () => {
    await session?.close();
    session = undefined;
    await sim.close();
  });

  /** A call 2000 → 2001, answered; resolves with the events the monitor of 2001 saw. */
  async function callAndCollect(s: CstaSession): Promise<string[]> {
    const seen: string[] = [];
    const onEvent = (e: CstaEvent): void => void seen.push(e.type);
    s.on('event', onEvent);
    await s.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') });
    await waitFor(() => seen.includes('delivered'), 2000, 'delivered at 2001');
    s.off('event', onEvent);
    return seen;
  }

  it('logs in with vendor credentials, monitors and sees a call', async () => {
    const s = await setup({ applicationSession: { login: LOGIN, protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv7'], maxDurationS: 30 } }, AVAYA);
    await s.connect();
    const info = s.applicationSession!;
    expect(info.sessionID).to.match(/^[0-9A-F]{32}-\d+$/);
    expect(info.durationS).to.equal(30); // asked for 60, the switch grants at most 30
    expect(info.protocolVersion).to.equal('http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv7');
    expect(info.origin).to.equal('new');
    expect(sim.applicationSessions.list()).to.deep.equal([{ sessionID: info.sessionID, clientId: 1 }]);
    await s.monitorStart('2001');
    expect(await callAndCollect(s)).to.include('delivered');
  });

  it('is refused with wrong credentials (connect rejects, no session on the switch)', async () => {
    const s = await setup({ applicationSession: { login: LOGIN } }, { ...AVAYA, loginInfo: avayaSessionLoginInfo({ userName: 'cti', password: 'wrong' }) });
    let error: unknown;
    await s.connect().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ConnectionClosedError);
    expect(String((error as Error).message)).to.contain('invalidApplicationInfo');
    expect(sim.applicationSessions.size).to.equal(0);
  });

  it('refuses a protocol version the switch does not serve', async () => {
    const s = await setup({ applicationSession: { protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed4'] } }, AVAYA);
    const error = await s.connect().then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).to.contain('requestedProtocolVersionNotSupported');
  });

  it('keeps the session alive with ResetApplicationSessionTimer at half the granted duration', async () => {
    const s = await setup({ applicationSession: { maxDurationS: 1 } }, AVAYA);
    await s.connect();
    const id = s.applicationSession!.sessionID;
    await new Promise((r) => setTimeout(r, 2600)); // 2.6 granted durations
    expect(sim.applicationSessions.expired).to.equal(0);
    expect(sim.applicationSessions.list()).to.deep.equal([{ sessionID: id, clientId: 1 }]);
    expect(s.isAssociated).to.equal(true);
  });

  it('a session not kept alive expires: ApplicationSessionTerminated, then a new session on a new link with the monitors started again', async () => {
    const s = await setup({ applicationSession: { maxDurationS: 1 } }, { ...AVAYA, keepAlive: false });
    await s.connect();
    const first = s.applicationSession!.sessionID;
    const crossRef = (await s.monitorStart('2001')).crossRefIdentifier;
    const lost = statusWhere(s, (st) => st.type === 'degraded' && st.reason.includes('terminated'));
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    await lost;
    await back;
    expect(sim.applicationSessions.expired).to.equal(1);
    expect(s.applicationSession!.sessionID).to.not.equal(first);
    expect(s.applicationSession!.origin).to.equal('new');
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(2);
    expect(s.monitors[0]!.crossRefIdentifier).to.not.equal(crossRef);
  });

  it('survives a reconnect by resuming the session: same sessionID, monitors kept by the switch', async () => {
    const s = await setup({}, AVAYA);
    await s.connect();
    const id = s.applicationSession!.sessionID;
    const crossRef = (await s.monitorStart('2001')).crossRefIdentifier;
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    sim.dropClients();
    await back;
    expect(s.applicationSession).to.deep.include({ sessionID: id, origin: 'resumed' });
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(1); // not started again
    expect(s.monitors[0]!.crossRefIdentifier).to.equal(crossRef);
    expect(requests).to.include('snapshotDevice'); // resynchronised
    expect(await callAndCollect(s)).to.include('delivered');
  });

  it('refused resume: a new session, the old one\'s monitors moved with TransferMonitorObjects', async () => {
    const s = await setup({ applicationSession: { resume: 'refuse' } }, { ...AVAYA, transferMonitors: true });
    await s.connect();
    const id = s.applicationSession!.sessionID;
    const crossRef = (await s.monitorStart('2001')).crossRefIdentifier;
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    sim.dropClients();
    await back;
    expect(s.applicationSession!.sessionID).to.not.equal(id);
    expect(s.applicationSession!.origin).to.equal('transferred');
    expect(sim.applicationSessions.list().map((x) => x.sessionID)).to.deep.equal([s.applicationSession!.sessionID]); // the old one is gone
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(1);
    expect(s.monitors[0]!.crossRefIdentifier).to.equal(crossRef);
    expect(await callAndCollect(s)).to.include('delivered');
  });

  it('refused resume and no transfer: a new session, the monitors started again', async () => {
    const s = await setup({ applicationSession: { resume: 'refuse', transferMonitorObjects: false } }, { ...AVAYA, transferMonitors: true });
    await s.connect();
    const id = s.applicationSession!.sessionID;
    await s.monitorStart('2001');
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    sim.dropClients();
    await back;
    expect(s.applicationSession!.sessionID).to.not.equal(id);
    expect(s.applicationSession!.origin).to.equal('new');
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(2);
    expect(await callAndCollect(s)).to.include('delivered');
  });

  it('fails requests in flight when the link drops', async () => {
    const s = await setup({}, AVAYA);
    await s.connect();
    sim.pause();
    const pending = s.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') });
    await waitFor(() => s.inFlight === 1, 2000, 'makeCall in flight');
    await new Promise((r) => setTimeout(r, 50)); // at the (paused) switch
    sim.dropClients();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ConnectionClosedError);
    sim.resume();
  });

  it('stops the session on close (StopApplicationSession)', async () => {
    const s = await setup({}, { kind: 'applicationSession', loginInfo: openScapeBusinessLoginInfo({ user: 'osbiz', password: 'x' }) });
    await s.connect();
    expect(sim.applicationSessions.size).to.equal(1);
    await s.close();
    expect(sim.applicationSessions.size).to.equal(0);
    expect(s.applicationSession).to.equal(undefined);
  });

  it('answers the switch\'s SystemStatus on this wire, and reads OpenScape\'s actualHBT', async () => {
    const s = await setup({ keepAliveMs: 50, applicationSession: { actualHBT: 15 } }, { kind: 'applicationSession', namespace: '' });
    await s.connect();
    expect(s.applicationSession!.actualHBT).to.equal(15);
    await waitFor(() => sim.repliesReceived >= 2, 2000, 'two SystemStatus answers');
  });

  it('a Reset refused (the server lost the session): degraded, a new link, a new session, the monitors started again', async () => {
    const s = await setup({ applicationSession: { maxDurationS: 1 } }, AVAYA);
    await s.connect();
    const id = s.applicationSession!.sessionID;
    await s.monitorStart('2001');
    const degraded = statusWhere(s, (st) => st.type === 'degraded' && st.reason.includes('not kept alive'));
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    sim.applicationSessions.forget(id);
    await degraded;
    await back;
    expect(s.applicationSession!.sessionID).to.not.equal(id);
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(2);
  });

  it('Resets unanswered: degraded per miss, the link dropped after keepAliveMisses', async () => {
    const s = await setup({ applicationSession: { maxDurationS: 1 } }, AVAYA, { keepAliveMisses: 2 });
    await s.connect();
    const reasons: string[] = [];
    s.on('status', (st) => {
      if (st.type === 'degraded') reasons.push(st.reason);
    });
    sim.applicationSessions.answerResets = false;
    const closed = new Promise<void>((resolve) => sim.once('clientClosed', () => resolve()));
    await closed; // two intervals of 500 ms, each Reset unanswered within it
    expect(reasons).to.deep.equal(['1 ResetApplicationSessionTimer unanswered', '2 ResetApplicationSessionTimer unanswered']);
  });

  it('sends SystemRegister after a new session when asked (OpenScape Voice)', async () => {
    const s = await setup({}, { kind: 'applicationSession', systemRegister: true });
    await s.connect();
    expect(requests).to.deep.equal(['systemRegister']);
  });

  it('without resumable login content, a reconnect starts a new session and restarts the monitors', async () => {
    const s = await setup({}, { kind: 'applicationSession', loginInfo: openScapeBusinessLoginInfo({ user: 'osbiz', password: 'x' }) });
    await s.connect();
    const id = s.applicationSession!.sessionID;
    await s.monitorStart('2001');
    const back = statusWhere(s, (st) => st.type === 'associated' && st.reconnected);
    sim.dropClients();
    await back;
    expect(s.applicationSession!.sessionID).to.not.equal(id);
    expect(requests.filter((r) => r === 'monitorStart')).to.have.length(2);
  });
});

describe('XML wire: ECMA-354 messages and the namespace CSTA requests are written in', () => {
  const frame = (xml: string, id: number): Buffer => {
    const body = Buffer.from(xml, 'utf8');
    const header = Buffer.alloc(8);
    header.writeUInt16BE(0, 0);
    header.writeUInt16BE(body.length + 8, 2);
    header.write(String(id).padStart(4, '0'), 4, 'latin1');
    return Buffer.concat([header, body]);
  };
  const written = (codec: ReturnType<typeof createWireCodec>): string => Buffer.from(codec.encode({ pdu: 'invoke', invokeId: 2, operation: 'systemStatus', argument: { systemStatus: 'normal' } } as CstaPdu)).subarray(8).toString('utf8');
  const decode = (codec: ReturnType<typeof createWireCodec>, xml: string): CstaPdu => {
    const f = frame(xml, 1);
    return codec.decode(f.subarray(8), f.subarray(0, 8));
  };

  it('a PosResponse in the ECMA-354 namespace does not become the CSTA namespace', () => {
    const codec = createWireCodec(XML);
    const pdu = decode(codec, `<StartApplicationSessionPosResponse xmlns="${APPL_SESSION_NAMESPACE}"><sessionID>1</sessionID></StartApplicationSessionPosResponse>`);
    expect(pdu.pdu).to.equal('applicationSession');
    expect(written(codec)).to.contain('xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed4"');
  });

  it('Uni-tel\'s PosResponse in its ECMA-323 ed6 namespace does', () => {
    const codec = createWireCodec(XML);
    decode(codec, '<StartApplicationSessionPosResponse xmlns="http://www.ecma.ch/standards/ecma-323/csta/ed6"><sessionID>1</sessionID></StartApplicationSessionPosResponse>');
    expect(written(codec)).to.contain('xmlns="http://www.ecma.ch/standards/ecma-323/csta/ed6"');
  });

  it('ECMA-354 requests keep their own namespace whatever the CSTA one is', () => {
    const codec = createWireCodec({ ...XML, dialect: { namespace: '' } });
    const out = Buffer.from(codec.encode({ pdu: 'applicationSession', invokeId: 3, message: { kind: 'stopApplicationSessionPosResponse' } })).subarray(8).toString('utf8');
    expect(out).to.equal(`<StopApplicationSessionPosResponse xmlns="${APPL_SESSION_NAMESPACE}"/>`);
  });
});

describe('CstaSession: an application session that is never answered', () => {
  it('connect() rejects with TimeoutError and leaves no link open', async () => {
    const net = await import('node:net');
    let sockets = 0;
    let closed = 0;
    const open = new Set<import('node:net').Socket>();
    const server = net.createServer((sock) => {
      sockets++;
      open.add(sock);
      sock.on('close', () => closed++);
      sock.on('error', () => undefined);
      sock.resume(); // read (and drop) what the client sends, so its end is seen
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const s = new CstaSession({ host: '127.0.0.1', port, wire: XML, association: { kind: 'applicationSession' }, keepAliveMs: 0, reconnect: false, requestTimeoutMs: 100 });
    try {
      const error = await s.connect().then(() => undefined, (e: unknown) => e as Error);
      expect(error?.name).to.equal('TimeoutError');
      await waitFor(() => closed === 1, 2000, 'the link closed');
      expect(sockets).to.equal(1);
    } finally {
      await s.close();
      for (const sock of open) sock.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
