/**
 * snapshotDevice in the simulator's `data` mode (serviceCrossRefID, then snapshotDeviceData
 * segments of one entry each) over TCP on 127.0.0.1: the session returns the same calls as the
 * `inline` mode and applies them to the call model.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { SnapshotDeviceMode } from '../../../lib/simulator/snapshots.js';

const callIdOf = (c: unknown): string => (c as { both: { callID: string } }).both.callID;
const callIDs = (data: readonly unknown[]): string[] => data.map((e) => callIdOf((e as { connectionIdentifier: unknown }).connectionIdentifier)).sort();

describe('CstaSession ↔ PbxSimulator snapshotDevice modes', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let viewer: CstaSession | undefined;

  afterEach(async () => {
    await viewer?.close();
    viewer = undefined;
    await session.close();
    await sim.close();
  });

  /** A simulator in `mode` where 2000 has two calls (to 2001, answered, and a consultation to 2002); returns their ids. */
  async function twoCallsAt2000(mode: SnapshotDeviceMode): Promise<string[]> {
    sim = new PbxSimulator({ snapshotDeviceMode: mode, snapshotChunkSize: 1 });
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    const first = callIdOf((await session.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') })).callingDevice);
    await session.answerCall({ callToBeAnswered: connectionID(first, '2001') });
    const consult = await session.consultationCall({ existingCall: connectionID(first, '2000'), consultedDevice: deviceID('2002') });
    return [first, callIdOf(consult.initiatedCall)].sort();
  }

  for (const mode of ['inline', 'data'] as const) {
    it(`${mode}: snapshotDeviceData returns both calls of the device`, async () => {
      const calls = await twoCallsAt2000(mode);
      expect(calls[0]).to.not.equal(calls[1]);
      expect(callIDs(await session.snapshotDeviceData('2000'))).to.deep.equal(calls);
    });
  }

  it('data: a session monitoring with snapshotOnMonitorStart learns both calls from the segments', async () => {
    const calls = await twoCallsAt2000('data');
    viewer = new CstaSession({ host: '127.0.0.1', port: sim.port, keepAliveMs: 0, reconnect: false, snapshotOnMonitorStart: true });
    await viewer.connect();
    const resync = new Promise<unknown>((resolve) => viewer!.once('resync', (_m, snap, err) => resolve(err ?? snap)));
    await viewer.monitorStart('2000');
    const snap = (await resync) as { crossRefIDorSnapshotData: { snapshotData: unknown[] } };
    expect(callIDs(snap.crossRefIDorSnapshotData.snapshotData)).to.deep.equal(calls);
    expect(viewer.model!.calls().map((c) => c.callID).sort()).to.deep.equal(calls);
  });
});
