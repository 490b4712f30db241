/**
 * Session behaviour at the protocol edge, over real TCP on 127.0.0.1 against a scripted switch:
 * correlation, timeouts and late replies, CSTA errors, rejects, malformed frames, keep-alive
 * answering, disconnect and reconnect with monitor restore.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CstaSession } from '../../../lib/session/session.js';
import { ConnectionClosedError, RejectedError, RemoteOperationError, TimeoutError } from '../../../lib/session/errors.js';
import { ScriptedSwitch } from '../../support/scripted-switch.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { statusWhere, waitFor } from '../../support/wait.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });

describe('CstaSession over TCP (scripted switch)', () => {
  let sw: ScriptedSwitch;
  let session: CstaSession;

  beforeEach(async () => {
    sw = new ScriptedSwitch();
    await sw.listen();
  });
  afterEach(async () => {
    await session?.close();
    await sw.close();
  });

  function connect(extra: Partial<ConstructorParameters<typeof CstaSession>[0]> = {}): Promise<void> {
    session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 0, reconnect: false, ...extra });
    return session.connect();
  }

  it('associates with AARQ/AARE and correlates a typed result by invokeId', async () => {
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke' && pdu.operation === 'makeCall') {
        conn.send({
          pdu: 'returnResult',
          invokeId: pdu.invokeId,
          operation: 'makeCall',
          result: { callingDevice: { both: { callID: '0007', deviceID: { staticID: pdu.argument.callingDevice } } } },
        } as CstaPdu);
      }
    };
    await connect();
    expect(sw.received[0]!.pdu).to.equal('aarq');
    const result = await session.request('makeCall', { callingDevice: dev('2000'), calledDirectoryNumber: dev('3000') });
    expect(result.callingDevice).to.deep.equal({ both: { callID: '0007', deviceID: { staticID: dev('2000') } } });
  });

  it('turns returnError into RemoteOperationError with the CSTA error value', async () => {
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke') conn.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: { operation: 'invalidCallID' } } as CstaPdu);
    };
    await connect();
    try {
      await session.request('holdCall', { callToBeHeld: { callID: '01' } } as never);
      expect.fail('should fail');
    } catch (e) {
      expect(e).to.be.instanceOf(RemoteOperationError);
      const err = e as RemoteOperationError;
      expect([err.code, err.operation, err.category, err.value]).to.deep.equal(['REMOTE_ERROR', 'holdCall', 'operation', 'invalidCallID']);
    }
  });

  it('turns a ROSE reject into RejectedError', async () => {
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke') conn.send({ pdu: 'reject', invokeId: pdu.invokeId, problem: { invoke: 'mistypedArgument' } });
    };
    await connect();
    const e = await session.request('clearCall', { callToBeCleared: { callID: '01' } } as never).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(RejectedError);
    expect((e as RejectedError).problem).to.deep.equal({ invoke: 'mistypedArgument' });
  });

  it('times out, and drops the late reply quietly', async () => {
    let late: (() => void) | undefined;
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke') late = () => conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'answerCall', result: { noData: null } } as CstaPdu);
    };
    await connect({ requestTimeoutMs: 50 });
    const e = await session.request('answerCall', { callToBeAnswered: { callID: '01' } } as never).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(TimeoutError);
    const unmatched = new Promise((resolve) => session.once('unmatched', resolve));
    late!();
    await unmatched;
    expect(session.inFlight).to.equal(0);
  });

  it('reports a malformed frame and keeps the session running', async () => {
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke') {
        conn.sendRaw(Buffer.from('0004a1ff0000', 'hex')); // length16 frame holding garbage
        conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'answerCall', result: { noData: null } } as CstaPdu);
      }
    };
    await connect();
    const errors: string[] = [];
    session.on('protocolError', (e) => errors.push(e.code));
    const r = await session.request('answerCall', { callToBeAnswered: { callID: '01' } } as never);
    expect(r).to.deep.equal({ noData: null });
    expect(errors).to.have.length(1);
    expect(session.isAssociated).to.equal(true);
  });

  it('answers the switch’s systemStatus and rejects operations it does not handle', async () => {
    await connect();
    const conn = sw.connections[0]!;
    const answers: CstaPdu[] = [];
    sw.handler = (pdu) => answers.push(pdu);
    conn.send({ pdu: 'invoke', invokeId: 900, operation: 'systemStatus', argument: { systemStatus: 'normal' } } as CstaPdu);
    conn.send({ pdu: 'invoke', invokeId: 901, operation: 'unknown', opcode: { local: 999 } });
    await waitFor(() => answers.length === 2);
    expect(answers[0]).to.deep.equal({ pdu: 'returnResult', invokeId: 900, operation: 'systemStatus', result: { noData: null } });
    expect(answers[1]).to.deep.equal({ pdu: 'reject', invokeId: 901, problem: { invoke: 'unrecognizedOperation' } });
  });

  it('rejects everything pending when the link drops', async () => {
    await connect();
    const pending = session.request('answerCall', { callToBeAnswered: { callID: '01' } } as never).catch((x: unknown) => x);
    await waitFor(() => sw.received.length >= 2);
    sw.dropAll();
    expect(await pending).to.be.instanceOf(ConnectionClosedError);
  });

  it('reconnects, re-establishes monitors and resynchronises with snapshotDevice', async () => {
    let crossRef = 0;
    sw.handler = (pdu, conn) => {
      if (pdu.pdu !== 'invoke') return;
      if (pdu.operation === 'monitorStart') {
        crossRef++;
        conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'monitorStart', result: { crossRefIdentifier: `000${crossRef}` } } as CstaPdu);
      } else if (pdu.operation === 'snapshotDevice') {
        conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'snapshotDevice', result: { crossRefIDorSnapshotData: { snapshotData: [] } } } as CstaPdu);
      }
    };
    await connect({ reconnect: () => 10 });
    const m = await session.monitorStart('2000');
    expect(m.crossRefIdentifier).to.equal('0001');
    const resynced = new Promise<unknown>((resolve) => session.once('resync', (_m, snap) => resolve(snap)));
    const back = statusWhere(session, (s) => s.type === 'associated' && s.reconnected);
    sw.dropAll();
    await back;
    expect(await resynced).to.deep.equal({ crossRefIDorSnapshotData: { snapshotData: [] } });
    expect(m.crossRefIdentifier).to.equal('0002');
    expect(session.monitorOf('2000')).to.equal(m);
  });
});

describe('CstaSession: keep-alive and TLS', () => {
  it('goes degraded when keep-alives go unanswered, then drops the link', async () => {
    const sw = new ScriptedSwitch();
    await sw.listen();
    const session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 30, keepAliveMisses: 2, reconnect: false });
    const statuses: string[] = [];
    session.on('status', (s) => statuses.push(s.type));
    await session.connect();
    await statusWhere(session, (s) => s.type === 'closed');
    expect(statuses).to.deep.equal(['connecting', 'associated', 'degraded', 'degraded', 'closed']);
    const keepAlives = sw.received.filter((p) => p.pdu === 'invoke' && p.operation === 'systemStatus');
    expect(keepAlives.length).to.be.at.least(2);
    await sw.close();
  });

  it('speaks the same protocol over TLS', async () => {
    const dir = new URL('../../../fixtures/tls/', import.meta.url);
    const key = readFileSync(new URL('localhost.key', dir));
    const cert = readFileSync(new URL('localhost.crt', dir));
    const sw = new ScriptedSwitch(undefined, { key, cert });
    await sw.listen();
    sw.handler = (pdu, conn) => {
      if (pdu.pdu === 'invoke') conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'answerCall', result: { noData: null } } as CstaPdu);
    };
    const session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 0, reconnect: false, tls: { ca: cert, servername: 'localhost' } });
    await session.connect();
    expect(await session.request('answerCall', { callToBeAnswered: { callID: '01' } } as never)).to.deep.equal({ noData: null });
    await session.close();
    await sw.close();
  });
});
