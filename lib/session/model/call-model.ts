/**
 * `CallModel`: the calls, connections and agent states of the monitored devices, following the
 * ECMA-269 connection state model. Feed it the flattened events of each monitor (`apply`) and the
 * snapshotDevice results after a (re)connect (`applySnapshot`); each call returns the
 * `ModelChange`s it made. PBX input never makes it throw: what does not fit is tolerated and
 * counted in `stats().anomalies`.
 */
import type { SnapshotDeviceResult } from '../../../protocol/csta/services/snapshot-device.js';
import type { SnapshotDeviceData } from '../../../protocol/csta/types/status-reporting.js';
import type { CstaEvent } from '../events.js';
import { applyAgentEvent } from './agent.js';
import { applyCallAssociated, applyCallControl } from './call-events.js';
import { CallStore, DEFAULT_MAX_CALLS, DEFAULT_MAX_CONNECTIONS_PER_CALL } from './call-store.js';
import { applySnapshotData, snapshotData } from './snapshot.js';
import type { CallModelOptions, CallView, DeviceView, ModelChange, ModelStats } from './types.js';

/** The calls, connections and agent states of the monitored devices (see the file header). */
export class CallModel {
  private readonly store: CallStore;

  constructor(options: CallModelOptions = {}) {
    const max = options.maxCalls ?? DEFAULT_MAX_CALLS;
    const perCall = options.maxConnectionsPerCall ?? DEFAULT_MAX_CONNECTIONS_PER_CALL;
    this.store = new CallStore(
      Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_CALLS,
      options.isInternal,
      Number.isFinite(perCall) && perCall >= 1 ? Math.floor(perCall) : DEFAULT_MAX_CONNECTIONS_PER_CALL,
    );
  }

  /**
   * Applies an event received on the monitor of `device` (the monitored device's key, see
   * `deviceKey()`); the device counts as monitored from now on.
   */
  apply(device: string, e: CstaEvent): ModelChange[] {
    this.store.begin();
    this.store.markMonitored(device);
    try {
      this.dispatch(device, e);
    } catch {
      // Defensive: malformed input that slipped past the decoder must not break the session.
      this.store.anomaly('malformedEvent');
    }
    return this.store.takeChanges();
  }

  private dispatch(device: string, e: CstaEvent): void {
    if (e.type === 'unknown') return;
    switch (e.category) {
      case 'callControlEvents':
        applyCallControl(this.store, device, e);
        return;
      case 'callAssociatedEvents':
        applyCallAssociated(this.store, e);
        return;
      case 'logicalDeviceFeatureEvents':
        switch (e.type) {
          case 'agentLoggedOn':
          case 'agentLoggedOff':
          case 'agentReady':
          case 'agentNotReady':
          case 'agentWorkingAfterCall':
          case 'agentBusy':
            applyAgentEvent(this.store, device, e);
            return;
          default:
            return; // forwarding, do-not-disturb...: not part of the call model
        }
      default:
        return; // media attachment, physical device, maintenance, voice unit, vendor events
    }
  }

  /**
   * Resyncs `device` from a snapshotDevice result (or the collected data of its
   * snapshotDeviceData segments when the result only carried a serviceCrossRefID; such a result
   * itself changes nothing). Pass the `snapshotMark()` taken when the request was sent: events
   * applied meanwhile are newer than the snapshot and win over it (a call that started after the
   * snapshot was taken is not removed for being absent from it).
   */
  applySnapshot(device: string, snapshot: SnapshotDeviceResult | SnapshotDeviceData, mark?: number): ModelChange[] {
    const data = snapshotData(snapshot);
    if (data === undefined) return [];
    this.store.begin();
    try {
      applySnapshotData(this.store, device, data, mark);
    } catch {
      this.store.anomaly('malformedSnapshot');
    }
    return this.store.takeChanges();
  }

  /**
   * Stops tracking `device` (its monitor stopped): its connections leave their calls, calls left
   * without a monitored device are removed, its agent state is dropped.
   */
  forgetDevice(device: string): ModelChange[] {
    this.store.begin();
    this.store.unmarkMonitored(device);
    for (const callID of this.store.callIDsOf(device)) {
      const call = this.store.get(callID);
      if (call === undefined) continue;
      this.store.removeConnection(call, device);
      this.store.dropIfIdle(callID, 'forgotten');
    }
    this.store.stopAwaiting(device, 'forgotten');
    return this.store.takeChanges();
  }

  /** A mark to pass to `applySnapshot`; take it right before sending the snapshotDevice request. */
  snapshotMark(): number {
    return this.store.sequence;
  }

  /** The call with this CallID (hex), if known. */
  call(callID: string): CallView | undefined {
    const c = this.store.get(callID);
    return c === undefined ? undefined : this.store.callView(c);
  }

  /** All known calls, least recently active first. */
  calls(): CallView[] {
    return [...this.store.allCalls()].map((c) => this.store.callView(c));
  }

  /** A device's connections and agent state (empty when unknown). */
  device(device: string): DeviceView {
    return this.store.deviceView(device);
  }

  /** Number of calls held. */
  get size(): number {
    return this.store.callCount;
  }

  /** Counters: calls, connections, devices, evictions, anomalies. */
  stats(): ModelStats {
    return this.store.stats();
  }
}
