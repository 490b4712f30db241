/**
 * snapshotDevice whose data the switch sends separately (ECMA-269: a serviceCrossRefID in the
 * result, then snapshotDeviceData segments up to `lastSegment`), over real TCP on 127.0.0.1
 * against a scripted switch: inline and segmented answers give the same data, stray segments are
 * ignored, a missing last segment times out, too many entries fail with a typed error, and the
 * resync path applies collected data to the call model.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionOptions } from '../../../lib/session/options.js';
import { SnapshotTooLargeError, TimeoutError } from '../../../lib/session/errors.js';
import { ScriptedSwitch } from '../../support/scripted-switch.js';
import type { CstaConnection } from '../../../lib/transport/connection.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import type { InvokePdu } from '../../../protocol/rose/pdu.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
/** One SnapshotDeviceResponseInfo: call `callID` at `device`, connected locally, alerting far end. */
const entry = (callID: string, device = '2000') => ({
  connectionIdentifier: { both: { callID, deviceID: { staticID: dev(device) } } },
  localCallState: { compoundCallState: ['connected', 'alerting'] },
});
/** ServiceCrossRefID and callID are OCTET STRINGs: the ids below are hex. */
const callIDs = (data: readonly unknown[]): string[] => data.map((e) => (e as ReturnType<typeof entry>).connectionIdentifier.both.callID);

type SnapshotScript = (invoke: InvokePdu, conn: CstaConnection) => void;

describe('CstaSession: snapshotDevice data sent in snapshotDeviceData segments', () => {
  let sw: ScriptedSwitch;
  let session: CstaSession;
  let script: SnapshotScript;

  beforeEach(async () => {
    sw = new ScriptedSwitch();
    await sw.listen();
    sw.handler = (pdu, conn) => {
      if (pdu.pdu !== 'invoke') return;
      if (pdu.operation === 'snapshotDevice') script(pdu, conn);
      else if (pdu.operation === 'monitorStart') reply(conn, pdu, 'monitorStart', { crossRefIdentifier: '0001' });
      else if (pdu.operation === 'answerCall') reply(conn, pdu, 'answerCall', { noData: null });
    };
  });
  afterEach(async () => {
    await session?.close();
    await sw.close();
  });

  function connect(extra: Partial<SessionOptions> = {}): Promise<void> {
    session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 0, reconnect: false, ...extra });
    return session.connect();
  }
  function reply(conn: CstaConnection, invoke: InvokePdu, operation: string, result: unknown): void {
    if (!conn.send({ pdu: 'returnResult', invokeId: invoke.invokeId, operation, result } as CstaPdu)) throw new Error(`could not send ${operation} result`);
  }
  function crossRefAnswer(conn: CstaConnection, invoke: InvokePdu, id: string): void {
    reply(conn, invoke, 'snapshotDevice', { crossRefIDorSnapshotData: { serviceCrossRefID: id } });
  }
  function segment(conn: CstaConnection, id: string, data: unknown[], lastSegment: boolean, segmentID?: number): number {
    return sw.invoke(conn, 'snapshotDeviceData', { serviceCrossRefID: id, ...(segmentID === undefined ? {} : { segmentID }), lastSegment, snapshotData: data });
  }
  /** The answers the session sent to the switch's invokes (there must be none for snapshotDeviceData). */
  const answersTo = (ids: number[]): CstaPdu[] => sw.received.filter((p) => p.pdu !== 'invoke' && 'invokeId' in p && ids.includes(p.invokeId as number));

  it('returns inline snapshotData as is', async () => {
    script = (invoke, conn) => reply(conn, invoke, 'snapshotDevice', { crossRefIDorSnapshotData: { snapshotData: [entry('0a'), entry('0b')] } });
    await connect();
    expect(callIDs(await session.snapshotDeviceData('2000'))).to.deep.equal(['0a', '0b']);
  });

  it('collects data sent over 3 snapshotDeviceData invokes, answering none of them', async () => {
    const segmentIds: number[] = [];
    script = (invoke, conn) => {
      crossRefAnswer(conn, invoke, 'a1');
      segmentIds.push(segment(conn, 'a1', [entry('01'), entry('02')], false));
      segmentIds.push(segment(conn, 'a1', [entry('03')], false));
      segmentIds.push(segment(conn, 'a1', [entry('04')], true));
    };
    await connect();
    expect(callIDs(await session.snapshotDeviceData('2000'))).to.deep.equal(['01', '02', '03', '04']);
    // A later request still works and proves the segments were processed without an answer.
    await session.answerCall({ callToBeAnswered: { callID: '01' } } as never);
    expect(answersTo(segmentIds)).to.deep.equal([]);
  });

  it('orders segments by segmentID when every segment has one', async () => {
    script = (invoke, conn) => {
      crossRefAnswer(conn, invoke, 'a2');
      segment(conn, 'a2', [entry('03')], false, 2);
      segment(conn, 'a2', [entry('01')], false, 0);
      segment(conn, 'a2', [entry('02')], true, 1);
    };
    await connect();
    expect(callIDs(await session.snapshotDeviceData('2000'))).to.deep.equal(['01', '02', '03']);
  });

  it('ignores segments for an unknown serviceCrossRefID and segments sent before the result', async () => {
    script = (invoke, conn) => {
      segment(conn, 'b1', [entry('e0')], false); // before the result: nobody expects b1 yet
      segment(conn, 'ff', [entry('0f01')], true); // an id never given
      crossRefAnswer(conn, invoke, 'b1');
      segment(conn, 'b1', [entry('11')], false);
      segment(conn, 'fe', [entry('0f02')], false);
      segment(conn, 'b1', [entry('12')], true);
      segment(conn, 'b1', [entry('0f03')], true); // after the last segment
    };
    await connect();
    expect(callIDs(await session.snapshotDeviceData('2000'))).to.deep.equal(['11', '12']);
    await session.answerCall({ callToBeAnswered: { callID: '01' } } as never);
    expect(session.isAssociated).to.equal(true);
  });

  it('times out (within the request timeout) when the last segment never comes', async () => {
    script = (invoke, conn) => {
      crossRefAnswer(conn, invoke, 'c1');
      segment(conn, 'c1', [entry('21')], false);
    };
    await connect({ requestTimeoutMs: 150 });
    const started = Date.now();
    const e = await session.snapshotDeviceData('2000').catch((x: unknown) => x);
    expect(e).to.be.instanceOf(TimeoutError);
    expect((e as TimeoutError).operation).to.equal('snapshotDeviceData');
    expect(Date.now() - started).to.be.within(100, 1500);
    // A per-call timeout applies to the segments too.
    const started2 = Date.now();
    const e2 = await session.snapshotDeviceData('2000', { timeoutMs: 60 }).catch((x: unknown) => x);
    expect([e2 instanceof TimeoutError, (e2 as TimeoutError).operation, (e2 as TimeoutError).timeoutMs]).to.deep.equal([true, 'snapshotDeviceData', 60]);
    expect(Date.now() - started2).to.be.below(140);
    // A late last segment is ignored; the session carries on.
    segment(sw.connections[0]!, 'c1', [entry('22')], true);
    await session.answerCall({ callToBeAnswered: { callID: '01' } } as never);
  });

  it('fails with SnapshotTooLargeError past maxSnapshotEntries', async () => {
    script = (invoke, conn) => {
      crossRefAnswer(conn, invoke, 'd1');
      segment(conn, 'd1', [entry('31'), entry('32')], false);
      segment(conn, 'd1', [entry('33'), entry('34')], false);
      segment(conn, 'd1', [entry('35')], true);
    };
    await connect({ maxSnapshotEntries: 3 });
    const e = await session.snapshotDeviceData('2000').catch((x: unknown) => x);
    expect(e).to.be.instanceOf(SnapshotTooLargeError);
    expect([(e as SnapshotTooLargeError).code, (e as SnapshotTooLargeError).limit]).to.deep.equal(['SNAPSHOT_TOO_LARGE', 3]);
  });

  it('rejects a collection in progress when the link drops', async () => {
    script = (invoke, conn) => crossRefAnswer(conn, invoke, 'e1');
    await connect();
    const pending = session.snapshotDeviceData('2000').catch((x: unknown) => x);
    await new Promise((r) => setTimeout(r, 50));
    sw.dropAll();
    expect(await pending).to.have.property('code', 'CONNECTION_CLOSED');
  });

  it('resync: applies collected data to the call model and emits it inline', async () => {
    script = (invoke, conn) => {
      crossRefAnswer(conn, invoke, 'f1');
      segment(conn, 'f1', [entry('41')], false);
      segment(conn, 'f1', [entry('42')], false);
      segment(conn, 'f1', [entry('43')], true);
    };
    await connect({ snapshotOnMonitorStart: true });
    const resynced = new Promise<unknown[]>((resolve) => session.once('resync', (m, snap, err) => resolve([m.device, snap, err])));
    await session.monitorStart('2000');
    const [device, snap, err] = await resynced;
    expect(device).to.equal('2000');
    expect(err).to.equal(undefined);
    expect(snap).to.deep.equal({ crossRefIDorSnapshotData: { snapshotData: [entry('41'), entry('42'), entry('43')] } });
    expect(session.model!.calls().map((c) => c.callID).sort()).to.deep.equal(['41', '42', '43']);
    expect(session.model!.call('42')!.connections.map((c) => c.device)).to.include('2000');
  });

  it('resync after a reconnect collects segmented data the same way', async () => {
    let snapshots = 0;
    script = (invoke, conn) => {
      snapshots++;
      crossRefAnswer(conn, invoke, `e${snapshots}`);
      segment(conn, `e${snapshots}`, [entry('51')], false);
      segment(conn, `e${snapshots}`, [entry('52')], true);
    };
    await connect({ reconnect: () => 10 });
    await session.monitorStart('2000');
    expect(session.model!.size).to.equal(0); // no snapshot at monitorStart by default
    const resynced = new Promise<unknown>((resolve) => session.once('resync', (_m, snap, err) => resolve(err ?? snap)));
    sw.dropAll();
    expect(await resynced).to.deep.equal({ crossRefIDorSnapshotData: { snapshotData: [entry('51'), entry('52')] } });
    expect(session.model!.calls().map((c) => c.callID).sort()).to.deep.equal(['51', '52']);
  });
});
