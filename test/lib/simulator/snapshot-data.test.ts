/**
 * snapshotDevice in the simulator's `data` mode, over 127.0.0.1: the frames a client receives —
 * the result with a serviceCrossRefID, then snapshotDeviceData invokes carrying the entries in
 * chunks of `snapshotChunkSize`, with segmentID 1..n and lastSegment TRUE on the last one only —
 * read with a bare CstaConnection, then the same snapshot collected by a real CstaSession.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import { CstaSession } from '../../../lib/session/session.js';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import { SimulatorStateError } from '../../../lib/simulator/errors.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { waitFor } from '../../support/wait.js';

describe('PbxSimulator: snapshotDevice in data mode', () => {
  const sims: PbxSimulator[] = [];
  const closers: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
    for (const s of sims.splice(0)) await s.close();
  });

  /** A simulator where 2000 has three calls (to 2001 alerting, 2002 connected, 2003 alerting), and a raw client. */
  async function setup(options: PbxSimulatorOptions): Promise<{ sim: PbxSimulator; calls: string[]; client: CstaConnection; received: CstaPdu[] }> {
    const sim = new PbxSimulator({ callWaiting: true, ...options });
    sims.push(sim);
    const port = await sim.listen();
    const calls = ['2001', '2002', '2003'].map((to) => sim.engine.originate('2000', to).callID);
    sim.engine.answer(sim.state.call(calls[1]), '2002');
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => socket.once('connect', r));
    const client = new CstaConnection(socket, createWireCodec());
    closers.push(() => client.close(true));
    const received: CstaPdu[] = [];
    client.on('pdu', (p) => received.push(p));
    return { sim, calls, client, received };
  }

  function entry(callID: string, own: string, other: string) {
    return { connectionIdentifier: connectionID(callID, '2000'), localCallState: { compoundCallState: [own, other] } };
  }

  it('answers with a serviceCrossRefID, then sends the entries in snapshotDeviceData segments of 2 (the default)', async () => {
    const { calls, client, received } = await setup({ snapshotDeviceMode: 'data' });
    client.send({ pdu: 'invoke', invokeId: 7, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('2000') } });
    await waitFor(() => received.length === 3);
    expect(received[0]).to.deep.equal({ pdu: 'returnResult', invokeId: 7, operation: 'snapshotDevice', result: { crossRefIDorSnapshotData: { serviceCrossRefID: '0001' } } });
    expect(received.slice(1).map((p) => (p.pdu === 'invoke' ? [p.operation, p.argument] : [p.pdu]))).to.deep.equal([
      ['snapshotDeviceData', { serviceCrossRefID: '0001', segmentID: 1, lastSegment: false, snapshotData: [entry(calls[0]!, 'connected', 'alerting'), entry(calls[1]!, 'connected', 'connected')] }],
      ['snapshotDeviceData', { serviceCrossRefID: '0001', segmentID: 2, lastSegment: true, snapshotData: [entry(calls[2]!, 'connected', 'alerting')] }],
    ]);
    // Invoke ids of the switch's own invokes count up; a second snapshot gets a new cross reference.
    const ids = received.slice(1).map((p) => (p.pdu === 'invoke' ? p.invokeId : -1));
    expect(ids[1]).to.equal(ids[0]! + 1);
    client.send({ pdu: 'invoke', invokeId: 8, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('2000') } });
    await waitFor(() => received.length === 6);
    expect(received[3]).to.deep.include({ pdu: 'returnResult', invokeId: 8, result: { crossRefIDorSnapshotData: { serviceCrossRefID: '0002' } } });
  });

  it('chunk size 1 gives one segment per entry; an idle device gets one empty last segment', async () => {
    const { client, received } = await setup({ snapshotDeviceMode: 'data', snapshotChunkSize: 1 });
    client.send({ pdu: 'invoke', invokeId: 1, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('2000') } });
    await waitFor(() => received.length === 4);
    const segments = received.slice(1).map((p) => (p.pdu === 'invoke' ? (p.argument as { segmentID: number; lastSegment: boolean; snapshotData: unknown[] }) : undefined));
    expect(segments.map((s) => [s?.segmentID, s?.lastSegment, s?.snapshotData.length])).to.deep.equal([
      [1, false, 1],
      [2, false, 1],
      [3, true, 1],
    ]);
    client.send({ pdu: 'invoke', invokeId: 2, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('3000') } });
    await waitFor(() => received.length === 6);
    expect(received[5]).to.deep.include({ pdu: 'invoke', operation: 'snapshotDeviceData', argument: { serviceCrossRefID: '0002', segmentID: 1, lastSegment: true, snapshotData: [] } });
  });

  it('an unknown device is answered with the CSTA error and no segments', async () => {
    const { client, received } = await setup({ snapshotDeviceMode: 'data' });
    client.send({ pdu: 'invoke', invokeId: 3, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('1234') } });
    client.send({ pdu: 'invoke', invokeId: 4, operation: 'requestSysStat', argument: {} });
    await waitFor(() => received.length === 2);
    expect(received[0]).to.deep.equal({ pdu: 'returnError', invokeId: 3, error: 'universalFailure', parameter: { operation: 'invalidDeviceID' } });
    expect(received[1]).to.deep.include({ pdu: 'returnResult', invokeId: 4 });
  });

  it('inline mode (the default) keeps the data in the result', async () => {
    const { client, received } = await setup({});
    client.send({ pdu: 'invoke', invokeId: 5, operation: 'snapshotDevice', argument: { snapshotObject: deviceID('2000') } });
    client.send({ pdu: 'invoke', invokeId: 6, operation: 'requestSysStat', argument: {} });
    await waitFor(() => received.length === 2);
    const first = received[0] as { pdu: string; result?: { crossRefIDorSnapshotData: { snapshotData: unknown[] } } };
    expect(first.pdu).to.equal('returnResult');
    expect(first.result?.crossRefIDorSnapshotData.snapshotData).to.have.length(3);
  });

  it('refuses a chunk size that is not a positive integer', () => {
    expect(() => new PbxSimulator({ snapshotChunkSize: 0 })).to.throw(SimulatorStateError);
    expect(() => new PbxSimulator({ snapshotChunkSize: 1.5 })).to.throw(SimulatorStateError);
  });

  it('a CstaSession collects the segments into the whole snapshot (snapshotDeviceData)', async () => {
    const { sim, calls } = await setup({ snapshotDeviceMode: 'data', snapshotChunkSize: 2 });
    const session = new CstaSession({ host: '127.0.0.1', port: sim.port, keepAliveMs: 0, reconnect: false });
    closers.push(() => session.close());
    await session.connect();
    const data = await session.snapshotDeviceData('2000');
    expect(data).to.deep.equal([entry(calls[0]!, 'connected', 'alerting'), entry(calls[1]!, 'connected', 'connected'), entry(calls[2]!, 'connected', 'alerting')]);
  });
});
