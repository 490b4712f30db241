/**
 * SnapshotDataCollector on its own: segments that settle a collection before anyone claims it,
 * unclaimed collections expiring, a reused serviceCrossRefID, and the ignore counter.
 */
import { expect } from 'chai';
import { SnapshotDataCollector } from '../../../lib/session/snapshot-collector.js';
import { InvariantViolation, TimeoutError } from '../../../lib/session/errors.js';
import type { SnapshotDeviceDataArgument } from '../../../protocol/csta/services/snapshot-device-data.js';

const entry = (callID: string) => ({
  connectionIdentifier: { both: { callID, deviceID: { staticID: { deviceIdentifier: { dialingNumber: '2000' } } } } },
  localCallState: { compoundCallState: ['connected'] },
});
const seg = (serviceCrossRefID: string, ids: string[], lastSegment: boolean): SnapshotDeviceDataArgument =>
  ({ serviceCrossRefID, lastSegment, snapshotData: ids.map(entry) }) as unknown as SnapshotDeviceDataArgument;
const ids = (data: readonly unknown[]): string[] => data.map((e) => (e as ReturnType<typeof entry>).connectionIdentifier.both.callID);

describe('SnapshotDataCollector', () => {
  it('keeps data that settled before collected() was called, once', async () => {
    const c = new SnapshotDataCollector();
    c.expect('01', 7, 1000);
    expect(c.add(seg('01', ['a'], false))).to.equal(true);
    expect(c.add(seg('01', ['b'], true))).to.equal(true);
    expect(c.size).to.equal(0);
    expect(ids(await c.collected('01'))).to.deep.equal(['a', 'b']);
    expect(await c.collected('01').catch((e: unknown) => e)).to.be.instanceOf(InvariantViolation);
  });

  it('counts ignored segments: unknown id, and after the last segment', () => {
    const c = new SnapshotDataCollector();
    expect(c.add(seg('99', ['x'], true))).to.equal(false);
    c.expect('01', 1, 1000);
    c.add(seg('01', ['a'], true));
    expect(c.add(seg('01', ['late'], true))).to.equal(false);
    expect(c.ignored).to.equal(2);
  });

  it('times out an open collection with TimeoutError naming snapshotDeviceData and the invokeId', async () => {
    const c = new SnapshotDataCollector();
    c.expect('02', 42, 30);
    const e = await c.collected('02').catch((x: unknown) => x);
    expect(e).to.be.instanceOf(TimeoutError);
    expect([(e as TimeoutError).operation, (e as TimeoutError).invokeId]).to.deep.equal(['snapshotDeviceData', 42]);
    expect(c.size).to.equal(0);
  });

  it('drops a settled collection nobody claimed when its timeout passes', async () => {
    const c = new SnapshotDataCollector();
    c.expect('03', 1, 30);
    c.add(seg('03', ['a'], true));
    await new Promise((r) => setTimeout(r, 60));
    expect(await c.collected('03').catch((x: unknown) => x)).to.be.instanceOf(InvariantViolation);
  });

  it('fails the first collection when the id is reused before its last segment', async () => {
    const c = new SnapshotDataCollector();
    c.expect('04', 1, 1000);
    const first = c.collected('04').catch((x: unknown) => x);
    c.expect('04', 2, 1000);
    expect(await first).to.be.instanceOf(InvariantViolation);
    c.add(seg('04', ['n'], true));
    expect(ids(await c.collected('04'))).to.deep.equal(['n']);
  });
});
