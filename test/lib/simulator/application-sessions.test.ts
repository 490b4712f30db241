/**
 * The simulator's ECMA-354 application sessions, driven by a raw CSTA-XML client over 127.0.0.1
 * (so each answer is seen as the switch wrote it): Reset and Stop of unknown sessions, the bound
 * on sessions held, the switch-side "session lost", replies in the request's namespace, the
 * refusal of CSTA requests before a session, and TransferMonitorObjects refusals.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import '../../../lib/transport/xml-wire.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import type { ApplicationSessionMessage, ApplicationSessionPdu } from '../../../protocol/ecma354/index.js';
import { waitFor } from '../../support/wait.js';

const XML = { encoding: 'xml', framing: 'header' } as const;

class RawClient {
  readonly received: CstaPdu[] = [];
  closed = false;
  private nextId = 1;
  constructor(readonly conn: CstaConnection) {
    conn.on('pdu', (p) => this.received.push(p));
    conn.on('close', () => (this.closed = true));
  }
  static async open(port: number): Promise<RawClient> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawClient(new CstaConnection(socket, createWireCodec(XML)));
  }
  /** Sends and waits for the answer with the same invoke id. */
  async ask(message: ApplicationSessionMessage | CstaPdu, namespace?: string): Promise<CstaPdu> {
    const invokeId = this.nextId++;
    const pdu: CstaPdu = 'kind' in message ? { pdu: 'applicationSession', invokeId, message, ...(namespace === undefined ? {} : { namespace }) } : ({ ...message, invokeId } as CstaPdu);
    this.conn.send(pdu);
    let answer: CstaPdu | undefined;
    await waitFor(() => (answer = this.received.find((p) => 'invokeId' in p && p.invokeId === invokeId)) !== undefined, 2000, `answer to ${invokeId}`);
    return answer!;
  }
  async start(extra: Partial<Extract<ApplicationSessionMessage, { kind: 'startApplicationSession' }>> = {}): Promise<string> {
    const a = (await this.ask({ kind: 'startApplicationSession', applicationInfo: { applicationID: 't' }, requestedSessionDuration: 60, ...extra })) as ApplicationSessionPdu;
    if (a.message.kind !== 'startApplicationSessionPosResponse') throw new Error(`refused: ${JSON.stringify(a.message)}`);
    return a.message.sessionID;
  }
}

function messageOf(p: CstaPdu): ApplicationSessionMessage {
  expect(p.pdu).to.equal('applicationSession');
  return (p as ApplicationSessionPdu).message;
}

describe('PbxSimulator: ECMA-354 application sessions', () => {
  let sim: PbxSimulator;
  const clients: RawClient[] = [];

  async function setup(options: PbxSimulatorOptions = {}): Promise<number> {
    sim = new PbxSimulator({ wire: XML, ...options });
    return sim.listen();
  }
  async function client(port: number): Promise<RawClient> {
    const c = await RawClient.open(port);
    clients.push(c);
    return c;
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.conn.close(true);
    await sim.close();
  });

  it('grants the requested duration up to maxDurationS, and answers Reset with the duration granted', async () => {
    const port = await setup({ applicationSession: { maxDurationS: 100 } });
    const c = await client(port);
    const a = messageOf(await c.ask({ kind: 'startApplicationSession', applicationInfo: {}, requestedSessionDuration: 500 }));
    expect(a).to.deep.include({ kind: 'startApplicationSessionPosResponse', actualSessionDuration: 100 });
    const id = (a as { sessionID: string }).sessionID;
    expect(messageOf(await c.ask({ kind: 'resetApplicationSessionTimer', sessionID: id, requestedSessionDuration: 40 }))).to.deep.equal({
      kind: 'resetApplicationSessionTimerPosResponse',
      actualSessionDuration: 40,
    });
  });

  it('answers Reset and Stop of a session it does not know (or of another link) with invalidSessionID', async () => {
    const port = await setup();
    const a = await client(port);
    const b = await client(port);
    const id = await a.start();
    expect(messageOf(await b.ask({ kind: 'resetApplicationSessionTimer', sessionID: id }))).to.deep.equal({ kind: 'resetApplicationSessionTimerNegResponse', errorCode: { definedError: 'invalidSessionID' } });
    expect(messageOf(await b.ask({ kind: 'stopApplicationSession', sessionID: 'nope', sessionEndReason: { definedEndReason: 'normal' } }))).to.deep.equal({
      kind: 'stopApplicationSessionNegResponse',
      errorCode: { definedError: 'invalidSessionID' },
    });
    expect(messageOf(await a.ask({ kind: 'stopApplicationSession', sessionID: id, sessionEndReason: { appEndReason: 'bye' } }))).to.deep.equal({ kind: 'stopApplicationSessionPosResponse' });
    expect(sim.applicationSessions.size).to.equal(0);
  });

  it('bounds the sessions it holds (maxNumberSessions past maxSessions)', async () => {
    const port = await setup({ applicationSession: { maxSessions: 2 } });
    const c = await client(port);
    await c.start();
    await c.start();
    expect(messageOf(await c.ask({ kind: 'startApplicationSession', applicationInfo: {} }))).to.deep.equal({
      kind: 'startApplicationSessionNegResponse',
      errorCode: { definedError: 'maxNumberSessions' },
    });
  });

  it('replies in the namespace the request used (none for OpenScape Voice, ECMA-354 by default)', async () => {
    const port = await setup();
    const c = await client(port);
    const plain = (await c.ask({ kind: 'startApplicationSession', applicationInfo: {} }, '')) as ApplicationSessionPdu;
    expect(plain.namespace).to.equal('');
    const ns = (await c.ask({ kind: 'startApplicationSession', applicationInfo: {} })) as ApplicationSessionPdu;
    expect(ns.namespace).to.equal('http://www.ecma-international.org/standards/ecma-354/appl_session');
  });

  it('"session lost": ApplicationSessionTerminated on the link, then the link closes and the monitors are gone', async () => {
    const port = await setup();
    const c = await client(port);
    const id = await c.start();
    await c.ask({ pdu: 'invoke', invokeId: 0, operation: 'monitorStart', argument: { monitorObject: { deviceObject: { deviceIdentifier: { dialingNumber: '2001' } } } } } as CstaPdu);
    expect(sim.monitors.size).to.equal(1);
    expect(sim.terminateApplicationSession(id)).to.equal(true);
    expect(sim.terminateApplicationSession(id)).to.equal(false);
    await waitFor(() => c.closed, 2000, 'link closed');
    const notice = c.received.map((p) => (p.pdu === 'applicationSession' ? p.message : undefined)).find((m) => m?.kind === 'applicationSessionTerminated');
    expect(notice).to.deep.equal({ kind: 'applicationSessionTerminated', sessionID: id, sessionTermReason: { definedTermReason: 'resourceLimitation' } });
    expect(sim.monitors.size).to.equal(0);
  });

  it('keeps a session and its monitors when its link drops, until it expires', async () => {
    const port = await setup({ applicationSession: { maxDurationS: 1 } });
    const c = await client(port);
    const id = await c.start();
    await c.ask({ pdu: 'invoke', invokeId: 0, operation: 'monitorStart', argument: { monitorObject: { deviceObject: { deviceIdentifier: { dialingNumber: '2001' } } } } } as CstaPdu);
    c.conn.close(true);
    await waitFor(() => sim.clientCount === 0, 2000, 'link gone');
    expect(sim.applicationSessions.list()).to.deep.equal([{ sessionID: id, clientId: undefined }]);
    expect(sim.monitors.size).to.equal(1);
    await waitFor(() => sim.applicationSessions.size === 0, 3000, 'expiry');
    expect(sim.applicationSessions.expired).to.equal(1);
    expect(sim.monitors.size).to.equal(0);
  });

  it('refuses CSTA requests before a session when only application sessions are accepted', async () => {
    const port = await setup({ association: ['applicationSession'] });
    const c = await client(port);
    c.conn.send({ pdu: 'invoke', invokeId: 5, operation: 'monitorStart', argument: { monitorObject: { deviceObject: { deviceIdentifier: { dialingNumber: '2001' } } } } } as CstaPdu);
    await waitFor(() => c.closed, 2000, 'link closed');
    expect(sim.monitors.size).to.equal(0);
  });

  it('refuses TransferMonitorObjects between unknown sessions, and when it does not offer it', async () => {
    const port = await setup();
    const c = await client(port);
    const id = await c.start();
    const unknown = await c.ask({ kind: 'transferMonitorObjects', fromSessionID: 'gone', toSessionID: id });
    expect(unknown).to.deep.include({ pdu: 'returnError', error: 'universalFailure', parameter: { operation: 'invalidObjectType' } });
    await sim.close();
    const port2 = await setup({ applicationSession: { transferMonitorObjects: false } });
    const d = await client(port2);
    const a = await d.start();
    const b = await d.start();
    expect(await d.ask({ kind: 'transferMonitorObjects', fromSessionID: a, toSessionID: b })).to.deep.include({ pdu: 'returnError', parameter: { operation: 'serviceNotSupported' } });
  });
});
