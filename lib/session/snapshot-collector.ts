/**
 * Collects snapshotDevice data the switch sends separately. ECMA-269 §(Snapshot Device) lets a
 * switching function answer snapshotDevice with a serviceCrossRefID instead of inline
 * `snapshotData`, then send the data in snapshotDeviceData invokes, the last one flagged
 * `lastSegment`. The session calls `expect()` synchronously when such a result arrives (before any
 * later PDU is read), `add()` for every snapshotDeviceData invoke, and `collected()` to wait for the
 * whole data. Segments for a serviceCrossRefID nobody expects (unknown, sent before the result, or
 * after the last segment) are ignored and counted. Each collection settles with the last segment,
 * its timeout, the entry bound (SnapshotTooLargeError) or `rejectAll` (link lost); a settled one
 * waits for `collected()` until its timeout, then is dropped.
 */
import type { SnapshotDeviceDataArgument } from '../../protocol/csta/services/snapshot-device-data.js';
import type { SnapshotDeviceData } from '../../protocol/csta/types/status-reporting.js';
import { ConnectionClosedError, InvariantViolation, SnapshotTooLargeError, TimeoutError } from './errors.js';
import { DEFAULTS } from './options.js';

/** Default bound on the entries (SnapshotDeviceResponseInfo) collected for one snapshot. */
export const DEFAULT_MAX_SNAPSHOT_ENTRIES: number = DEFAULTS.maxSnapshotEntries;

type Entry = SnapshotDeviceData[number];

interface Collection {
  readonly segments: { readonly segmentID: number | undefined; readonly data: SnapshotDeviceData }[];
  entries: number;
  /** `open` until the last segment, the bound or a failure; `settled` entries wait to be claimed. */
  state: 'open' | 'settled';
  /** `collected()` was called: drop the entry as soon as it settles. */
  claimed: boolean;
  readonly promise: Promise<SnapshotDeviceData>;
  readonly resolve: (data: SnapshotDeviceData) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

/** The snapshotDeviceData collections of one session, keyed by serviceCrossRefID (see the file header). */
export class SnapshotDataCollector {
  private readonly collections = new Map<string, Collection>();
  private readonly maxEntries: number;
  /** Segments dropped because no collection was open for their serviceCrossRefID. */
  ignored = 0;

  constructor(maxEntries: number = DEFAULT_MAX_SNAPSHOT_ENTRIES) {
    this.maxEntries = Number.isFinite(maxEntries) && maxEntries >= 0 ? Math.floor(maxEntries) : DEFAULT_MAX_SNAPSHOT_ENTRIES;
  }

  /** Collections still waiting for segments. */
  get size(): number {
    let n = 0;
    for (const c of this.collections.values()) if (c.state === 'open') n++;
    return n;
  }

  /**
   * Opens a collection for `serviceCrossRefID` (the snapshotDevice request `invokeId` answered
   * with it, for the TimeoutError); it fails after `timeoutMs` without the last segment, and a
   * settled collection nobody claimed is dropped then too. A second result with the same id
   * replaces (and fails) the first.
   */
  expect(serviceCrossRefID: string, invokeId: number, timeoutMs: number): void {
    const previous = this.collections.get(serviceCrossRefID);
    if (previous !== undefined) this.settle(serviceCrossRefID, previous, new InvariantViolation(`serviceCrossRefID ${serviceCrossRefID} reused before its last segment`));
    this.drop(serviceCrossRefID);
    let resolve!: (data: SnapshotDeviceData) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<SnapshotDeviceData>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined); // an unclaimed collection that fails is no unhandled rejection
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            const c = this.collections.get(serviceCrossRefID);
            if (c === undefined) return;
            this.settle(serviceCrossRefID, c, new TimeoutError('snapshotDeviceData', invokeId, timeoutMs));
            this.drop(serviceCrossRefID);
          }, timeoutMs)
        : undefined;
    timer?.unref?.();
    this.collections.set(serviceCrossRefID, { segments: [], entries: 0, state: 'open', claimed: false, promise, resolve, reject, timer });
  }

  /**
   * The whole data of `serviceCrossRefID` once its last segment came (it may already have: the
   * segments can arrive before the caller gets here); rejects if no collection exists.
   */
  collected(serviceCrossRefID: string): Promise<SnapshotDeviceData> {
    const c = this.collections.get(serviceCrossRefID);
    if (c === undefined) return Promise.reject(new InvariantViolation(`no snapshotDeviceData collection for ${serviceCrossRefID}`));
    c.claimed = true;
    if (c.state === 'settled') this.drop(serviceCrossRefID);
    return c.promise;
  }

  /** One snapshotDeviceData invoke; returns false when it was ignored (no open collection). */
  add(argument: SnapshotDeviceDataArgument): boolean {
    const id = argument.serviceCrossRefID;
    const c = this.collections.get(id);
    if (c === undefined || c.state !== 'open') {
      this.ignored++;
      return false;
    }
    const data = Array.isArray(argument.snapshotData) ? argument.snapshotData : [];
    c.entries += data.length;
    if (c.entries > this.maxEntries) {
      c.segments.length = 0;
      this.settle(id, c, new SnapshotTooLargeError(id, this.maxEntries));
      return true;
    }
    c.segments.push({ segmentID: typeof argument.segmentID === 'number' ? argument.segmentID : undefined, data });
    if (argument.lastSegment === true) this.settle(id, c, concatenate(c.segments));
    return true;
  }

  /** Fails every open collection (the link was lost: the rest of the data will never come). */
  rejectAll(error: Error = new ConnectionClosedError('closed')): void {
    for (const [id, c] of [...this.collections]) if (c.state === 'open') this.settle(id, c, error);
  }

  private settle(id: string, c: Collection, outcome: SnapshotDeviceData | Error): void {
    if (c.state !== 'open') return;
    c.state = 'settled';
    if (outcome instanceof Error) c.reject(outcome);
    else c.resolve(outcome);
    if (c.claimed) this.drop(id);
  }

  private drop(id: string): void {
    const c = this.collections.get(id);
    if (c === undefined) return;
    if (c.timer !== undefined) clearTimeout(c.timer);
    this.collections.delete(id);
  }
}

/** Segments in segmentID order when every segment has one, else in arrival order. */
function concatenate(segments: Collection['segments']): SnapshotDeviceData {
  const ordered = segments.every((s) => s.segmentID !== undefined) ? [...segments].sort((a, b) => a.segmentID! - b.segmentID!) : segments;
  const out: Entry[] = [];
  for (const s of ordered) out.push(...s.data);
  return out;
}
