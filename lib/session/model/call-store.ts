/**
 * The call model's storage: calls by CallID (kept in least-recently-active order for eviction),
 * a device → calls index, the monitored devices and the agent states, plus the change log of the
 * update being applied. Every mutation goes through here so the index, the counters and the
 * emitted `ModelChange`s stay consistent.
 */
import { CALL_UPDATE_BIT, newCallRecord, sameAgent, updateFields } from './records.js';
import type { CallUpdateField } from './records.js';
import type { CallRecord, ConnectionRecord } from './records.js';
import type { AgentStatus, CallDirection, CallInfo, CallRemovalReason, CallView, ConnectionState, ConnectionView, DeviceView, ModelChange, ModelStats } from './types.js';

export type { CallRecord, ConnectionRecord };

/** Default cap on the number of calls. */
export const DEFAULT_MAX_CALLS = 100_000;

/**
 * Default cap on the connections of one call (CallModelOptions.maxConnectionsPerCall). A switch
 * reporting ever more parties joining one call would otherwise grow it without bound.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_CALL = 256;

/** Storage and bookkeeping of `CallModel` (internal to lib/session/model). */
export class CallStore {
  /** Insertion order = least recently active first (touch() re-inserts). */
  private readonly calls = new Map<string, CallRecord>();
  private readonly byDevice = new Map<string, Set<string>>();
  private readonly monitoredDevices = new Set<string>();
  private readonly agents = new Map<string, AgentStatus>();
  /** Calls with call-level fields changed in this update (their `pending` bits), in the order first changed. */
  private updated: CallRecord[] = [];
  /** The call last inserted into `calls` (so at the end of its order): touching it again moves nothing. */
  private mostRecent: CallRecord | undefined;
  private changes: ModelChange[] = [];
  private updateNumber = 0;
  private connectionCount = 0;
  private evictions = 0;
  private anomalies = 0;
  private readonly anomalyKinds: Record<string, number> = {};

  constructor(
    private readonly maxCalls: number,
    private readonly isInternalOption: ((device: string) => boolean) | undefined,
    private readonly maxConnectionsPerCall: number = DEFAULT_MAX_CONNECTIONS_PER_CALL,
  ) {}

  // ---- change log -------------------------------------------------------------------------

  /** Starts an update (an event or a snapshot). */
  begin(): void {
    this.updateNumber++;
  }

  /** Number of the update being applied (connections remember the last one that set them). */
  get sequence(): number {
    return this.updateNumber;
  }

  /** Ends the current update: flushes pending callUpdated changes, enforces the cap, returns the log. */
  takeChanges(): ModelChange[] {
    if (this.updated.length > 0) {
      for (const call of this.updated) {
        // A call removed meanwhile had its bits cleared; one re-created under the same CallID is another record.
        if (call.pending !== 0 && this.calls.get(call.callID) === call) this.changes.push({ type: 'callUpdated', callID: call.callID, fields: updateFields(call.pending) });
        call.pending = 0;
      }
      this.updated = [];
    }
    this.evictOverCap();
    const out = this.changes;
    this.changes = [];
    return out;
  }

  /** Appends a change to the log of the current update. */
  emit(change: ModelChange): void {
    this.changes.push(change);
  }

  /** Records tolerated bad PBX input. */
  anomaly(kind: string): void {
    this.anomalies++;
    this.anomalyKinds[kind] = (this.anomalyKinds[kind] ?? 0) + 1;
  }

  // ---- devices ----------------------------------------------------------------------------

  /** `device` is monitored (events or snapshots are applied for it). */
  markMonitored(device: string): void {
    this.monitoredDevices.add(device);
  }

  /** Whether `device` is monitored. */
  isMonitored(device: string): boolean {
    return this.monitoredDevices.has(device);
  }

  /** `device` is no longer monitored; its agent state is dropped. */
  unmarkMonitored(device: string): void {
    this.monitoredDevices.delete(device);
    this.agents.delete(device);
    if (this.byDevice.get(device)?.size === 0) this.byDevice.delete(device);
  }

  /** Whether `device` is inside the switch (option `isInternal`, else: monitored). */
  isInternal(device: string): boolean {
    return this.isInternalOption !== undefined ? this.isInternalOption(device) : this.monitoredDevices.has(device);
  }

  /** The calls `device` has a connection in (a copy, safe to iterate while mutating). */
  callIDsOf(device: string): readonly string[] {
    const s = this.byDevice.get(device);
    return s === undefined ? [] : [...s];
  }

  /** The agent state of `device`, if reported. */
  agent(device: string): AgentStatus | undefined {
    return this.agents.get(device);
  }

  /** Sets the agent state of `device` (agentChanged when it differs). */
  setAgent(device: string, to: AgentStatus): void {
    const from = this.agents.get(device);
    this.agents.set(device, to);
    if (from !== undefined && sameAgent(from, to)) return;
    this.emit({ type: 'agentChanged', device, from, to });
  }

  // ---- calls ------------------------------------------------------------------------------

  /** The call, without marking it active. */
  get(callID: string): CallRecord | undefined {
    return this.calls.get(callID);
  }

  /** Whether the call is known. */
  has(callID: string): boolean {
    return this.calls.has(callID);
  }

  /** The call, created (callAdded) if new, and marked most recently active. */
  touch(callID: string): CallRecord {
    const last = this.mostRecent;
    if (last !== undefined && last.callID === callID) return last;
    let call = this.calls.get(callID);
    if (call !== undefined) {
      this.calls.delete(callID);
      this.calls.set(callID, call);
      this.mostRecent = call;
      return call;
    }
    call = this.createSilently(callID);
    this.emit({ type: 'callAdded', callID });
    return call;
  }

  /** Sets one call-level field; records a callUpdated field when it changed. Undefined never erases. */
  setInfo<K extends keyof CallInfo>(call: CallRecord, key: K, value: CallInfo[K]): void {
    if (value === undefined || call.info[key] === value) return;
    call.info[key] = value;
    this.markUpdated(call, key);
  }

  private markUpdated(call: CallRecord, key: CallUpdateField): void {
    if (call.pending === 0) this.updated.push(call);
    call.pending |= CALL_UPDATE_BIT[key];
  }

  /** Takes a call out of `calls` and the device index (the caller reports it, or not). */
  private forget(call: CallRecord): void {
    for (const c of call.connections.values()) this.unindex(c.device, call.callID);
    this.connectionCount -= call.connections.size;
    this.calls.delete(call.callID);
    if (this.mostRecent === call) this.mostRecent = undefined;
    call.pending = 0;
    this.unlinkConsultation(call);
  }

  /** Removes a call and its connections (no per-connection changes; `callRemoved` says it all). */
  removeCall(callID: string, reason: CallRemovalReason): void {
    const call = this.calls.get(callID);
    if (call === undefined) return;
    this.forget(call);
    this.emit({ type: 'callRemoved', callID, reason });
  }

  /** Drops the links other calls hold to this one. */
  private unlinkConsultation(call: CallRecord): void {
    const other = call.info.consultationCallID ?? call.info.consultedFromCallID;
    const o = other === undefined ? undefined : this.calls.get(other);
    if (o === undefined) return;
    if (o.info.consultationCallID === call.callID) {
      o.info.consultationCallID = undefined;
      this.markUpdated(o, 'consultationCallID');
    }
    if (o.info.consultedFromCallID === call.callID) {
      o.info.consultedFromCallID = undefined;
      this.markUpdated(o, 'consultedFromCallID');
    }
  }

  /**
   * Removes the call when no monitored device is left in it, a failed connection not counting (a
   * busy destination's monitor may never hear of the call again).
   */
  dropIfIdle(callID: string, reason: CallRemovalReason = 'idle'): void {
    const call = this.calls.get(callID);
    if (call === undefined) return;
    if (call.connections.size <= this.monitoredDevices.size) {
      for (const c of call.connections.values()) if (c.state !== 'fail' && this.monitoredDevices.has(c.device)) return;
    } else {
      for (const d of this.monitoredDevices) {
        const c = call.connections.get(d);
        if (c !== undefined && c.state !== 'fail') return;
      }
    }
    if (call.awaiting !== undefined && this.monitoredDevices.has(call.awaiting)) return;
    this.removeCall(callID, reason);
  }

  /** Calls waiting for `device` to report a diverted call (see `CallRecord.awaiting`). */
  callsAwaiting(device: string): string[] {
    const out: string[] = [];
    for (const call of this.calls.values()) if (call.awaiting === device) out.push(call.callID);
    return out;
  }

  /** Gives up waiting for `device` in these calls, dropping those left idle. */
  stopAwaiting(device: string, reason: CallRemovalReason): void {
    for (const callID of this.callsAwaiting(device)) {
      this.calls.get(callID)!.awaiting = undefined;
      this.dropIfIdle(callID, reason);
    }
  }

  /**
   * A live iterator over `calls` kept between evictions: every entry behind it is gone (evicted,
   * or deleted and re-inserted at the end by touch()), so it always yields the least recently
   * active call, and deleted slots are skipped once instead of on every eviction.
   */
  private lruCursor: Iterator<string> | undefined;

  private evictOverCap(): void {
    while (this.calls.size > this.maxCalls) {
      let oldest = this.lruCursor?.next();
      if (oldest === undefined || oldest.done === true) {
        this.lruCursor = this.calls.keys();
        oldest = this.lruCursor.next();
      }
      if (oldest.done === true) return;
      this.evictions++;
      this.removeCall(oldest.value, 'evicted');
    }
  }

  // ---- connections ------------------------------------------------------------------------

  /** The connection of `device`, or the one whose ConnectionID device part is `localID`. */
  findConnection(call: CallRecord, device: string | undefined, localID: string | undefined): ConnectionRecord | undefined {
    if (device !== undefined) {
      const c = call.connections.get(device);
      if (c !== undefined) return c;
    }
    if (localID !== undefined) {
      const c = call.connections.get(localID);
      if (c !== undefined) return c;
      const byLocal = call.localIDs?.get(localID);
      if (byLocal !== undefined) return call.connections.get(byLocal);
    }
    return undefined;
  }

  /** Records `c.localID` = `localID` and indexes it (the first connection with a localID keeps it). */
  private setLocalID(call: CallRecord, c: ConnectionRecord, localID: string | undefined): void {
    if (localID === undefined || localID === c.device || c.localID === localID) return;
    const ids = call.localIDs;
    if (c.localID !== undefined && ids?.get(c.localID) === c.device) ids.delete(c.localID);
    c.localID = localID;
    if (ids === undefined) call.localIDs = new Map([[localID, c.device]]);
    else if (!ids.has(localID)) ids.set(localID, c.device);
  }

  /**
   * Adds `device`'s connection to the call, unless the call is at `maxConnectionsPerCall`
   * (counted as the anomaly `tooManyConnections`, the connection is not kept). Returns it, or
   * undefined when refused.
   */
  private addConnection(call: CallRecord, device: string, state: ConnectionState, localID: string | undefined): ConnectionRecord | undefined {
    if (call.connections.size >= this.maxConnectionsPerCall) {
      this.anomaly('tooManyConnections');
      return undefined;
    }
    const c: ConnectionRecord = { device, state, localID: undefined, seq: this.sequence };
    call.connections.set(device, c);
    this.setLocalID(call, c, localID);
    this.connectionCount++;
    this.index(device, call.callID);
    return c;
  }

  /** Takes `device`'s connection out of the call and the indexes (no change emitted). */
  private deleteConnection(call: CallRecord, c: ConnectionRecord): void {
    call.connections.delete(c.device);
    if (c.localID !== undefined && call.localIDs?.get(c.localID) === c.device) call.localIDs.delete(c.localID);
    this.connectionCount--;
    this.unindex(c.device, call.callID);
  }

  /**
   * Sets the state of `device`'s connection (creating it), emitting connectionChanged when it
   * changed; state `null` removes the connection.
   */
  setState(call: CallRecord, device: string, state: ConnectionState, localID?: string): void {
    const c = call.connections.get(device);
    if (c === undefined) {
      if (state === 'null') return;
      if (this.addConnection(call, device, state, localID) === undefined) return;
      if (call.awaiting === device) call.awaiting = undefined;
      this.emit({ type: 'connectionChanged', callID: call.callID, device, from: 'null', to: state });
      return;
    }
    this.setLocalID(call, c, localID);
    c.seq = this.sequence;
    if (state === 'null') {
      this.removeConnection(call, device);
      return;
    }
    if (c.state === state) return;
    const from = c.state;
    c.state = state;
    this.emit({ type: 'connectionChanged', callID: call.callID, device, from, to: state });
  }

  /** Removes `device`'s connection (connectionChanged to `null`). */
  removeConnection(call: CallRecord, device: string): void {
    const c = call.connections.get(device);
    if (c === undefined) return;
    this.deleteConnection(call, c);
    this.emit({ type: 'connectionChanged', callID: call.callID, device, from: c.state, to: 'null' });
  }

  /** Adds a connection without emitting (used when a merge builds the resulting call). */
  placeConnection(call: CallRecord, device: string, state: ConnectionState, localID: string | undefined): void {
    const existing = call.connections.get(device);
    if (existing !== undefined) {
      existing.state = state;
      existing.seq = this.sequence;
      this.setLocalID(call, existing, localID);
      return;
    }
    this.addConnection(call, device, state, localID);
  }

  /** Removes a call without a callRemoved change (a merge reports it in callMerged). */
  absorbCall(callID: string): CallRecord | undefined {
    const call = this.calls.get(callID);
    if (call === undefined) return undefined;
    this.forget(call);
    return call;
  }

  /** Creates a call without a callAdded change (a merge reports it in callMerged). */
  createSilently(callID: string): CallRecord {
    const call = newCallRecord(callID);
    this.calls.set(callID, call);
    this.mostRecent = call;
    return call;
  }

  private index(device: string, callID: string): void {
    let s = this.byDevice.get(device);
    if (s === undefined) this.byDevice.set(device, (s = new Set()));
    s.add(callID);
  }

  private unindex(device: string, callID: string): void {
    const s = this.byDevice.get(device);
    if (s === undefined || !s.delete(callID) || s.size > 0) return;
    // A monitored device keeps its empty set (its next call needs it again); others' go, so the index stays bounded by calls.
    if (!this.monitoredDevices.has(device)) this.byDevice.delete(device);
  }

  // ---- directions -------------------------------------------------------------------------

  /** Recomputes the direction of the call for each monitored device in it. */
  refreshDirections(call: CallRecord): void {
    let changed = false;
    // Over whichever is smaller, the call's connections or the monitored devices: a call with
    // many parties and few monitored devices costs the latter per event, not the former.
    const devices = call.connections.size <= this.monitoredDevices.size ? call.connections.keys() : this.monitoredDevices.values();
    for (const d of devices) {
      if (!this.monitoredDevices.has(d) || !call.connections.has(d)) continue;
      const dir = this.directionFor(call, d);
      const old = call.directions.get(d);
      if (old === dir || (dir === 'unknown' && old !== undefined)) continue;
      call.directions.set(d, dir);
      changed = true;
    }
    if (changed) this.markUpdated(call, 'directions');
  }

  private directionFor(call: CallRecord, device: string): CallDirection {
    const { callingDevice, calledDevice, networkReached } = call.info;
    if (callingDevice === undefined) return 'unknown';
    if (callingDevice === device) {
      if (networkReached) return 'outbound';
      if (calledDevice === undefined) return 'unknown';
      return this.isInternal(calledDevice) ? 'internal' : 'outbound';
    }
    return this.isInternal(callingDevice) ? 'internal' : 'inbound';
  }

  // ---- views ------------------------------------------------------------------------------

  /** A read-only copy of the call. */
  callView(call: CallRecord): CallView {
    const connections: ConnectionView[] = [...call.connections.values()].map((c) => ({ device: c.device, state: c.state, localID: c.localID }));
    return { callID: call.callID, ...call.info, connections, directions: Object.fromEntries(call.directions) };
  }

  /** All calls, least recently active first. */
  allCalls(): IterableIterator<CallRecord> {
    return this.calls.values();
  }

  /** A read-only view of a device's connections and agent state. */
  deviceView(device: string): DeviceView {
    const connections = this.callIDsOf(device).flatMap((callID) => {
      const c = this.calls.get(callID)?.connections.get(device);
      return c === undefined ? [] : [{ callID, state: c.state }];
    });
    return { device, monitored: this.monitoredDevices.has(device), connections, agent: this.agents.get(device) };
  }

  /** Number of calls. */
  get callCount(): number {
    return this.calls.size;
  }

  /** Devices with at least one call (monitored devices keep an empty set in the index). */
  private devicesWithCalls(): number {
    let n = 0;
    for (const s of this.byDevice.values()) if (s.size > 0) n++;
    return n;
  }

  /** A copy of the counters. */
  stats(): ModelStats {
    return {
      calls: this.calls.size,
      connections: this.connectionCount,
      devices: this.devicesWithCalls(),
      evictions: this.evictions,
      anomalies: this.anomalies,
      anomalyKinds: { ...this.anomalyKinds },
    };
  }
}
