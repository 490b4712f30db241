/**
 * Resynchronisation of one device from a snapshotDevice result (after a (re)connect): calls the
 * snapshot lists are added or corrected, calls of the device it no longer lists lose the device's
 * connection (and go when no monitored device is left in them). Call IDs are the switch's, so a
 * call the model already knows is corrected in place: none is lost or duplicated.
 */
import type { SnapshotDeviceResult } from '../../../protocol/csta/services/snapshot-device.js';
import type { CallState, SimpleCallState, SnapshotDeviceData } from '../../../protocol/csta/types/status-reporting.js';
import type { CallRecord, CallStore } from './call-store.js';
import { connectionKey, deviceChoiceKey } from './ids.js';
import type { ConnectionState } from './types.js';

/** Local and remote connection states of a SimpleCallState (its comment reads remote-local: `callReceived` = connected-alerting). */
const SIMPLE: Readonly<Record<Exclude<SimpleCallState, number>, readonly [local: ConnectionState, remote: ConnectionState]>> = {
  callNull: ['null', 'null'],
  callPending: ['initiated', 'null'],
  callOriginated: ['connected', 'null'],
  callDelivered: ['connected', 'alerting'],
  callDeliveredHeld: ['hold', 'alerting'],
  callReceived: ['alerting', 'connected'],
  callEstablished: ['connected', 'connected'],
  callEstablishedHeld: ['hold', 'connected'],
  callReceivedOnHold: ['alerting', 'hold'],
  callEstablishedOnHold: ['connected', 'hold'],
  callQueued: ['connected', 'queued'],
  callQueuedHeld: ['hold', 'queued'],
  callFailed: ['connected', 'fail'],
  callFailedHeld: ['hold', 'fail'],
  callBlocked: ['null', 'fail'],
};

/**
 * `[local, remote]` states of a snapshot's CallState: a CompoundCallState lists the local
 * connection first; a SimpleCallState is looked up in `SIMPLE`; `unknown` gives nothing.
 */
export function snapshotStates(s: CallState): readonly (ConnectionState | undefined)[] {
  if ('compoundCallState' in s) return s.compoundCallState.map((x) => (typeof x === 'number' ? undefined : x));
  if ('simpleCallState' in s) return typeof s.simpleCallState === 'number' ? [] : SIMPLE[s.simpleCallState];
  return [];
}

/** The snapshot data of a result, or undefined when it only announces snapshotDeviceData segments. */
export function snapshotData(r: SnapshotDeviceResult | SnapshotDeviceData): SnapshotDeviceData | undefined {
  if (Array.isArray(r)) return r;
  const c = (r as SnapshotDeviceResult).crossRefIDorSnapshotData;
  return 'snapshotData' in c ? c.snapshotData : undefined;
}

/**
 * Resyncs `device` from its snapshot data. With `mark` (the store's `sequence` when the
 * snapshotDevice request was sent), connections of the device that events updated after the mark
 * are newer than the snapshot and are left as they are.
 */
export function applySnapshotData(store: CallStore, device: string, data: SnapshotDeviceData, mark?: number): void {
  const newer = (c: { seq: number } | undefined): boolean => mark !== undefined && c !== undefined && c.seq > mark;
  store.markMonitored(device);
  const listed = new Set<string>();
  for (const item of data) {
    const { callID, local } = connectionKey(item.connectionIdentifier);
    if (callID === undefined) {
      store.anomaly('snapshotWithoutCallID');
      continue;
    }
    const [localState, remoteState] = snapshotStates(item.localCallState);
    if (localState === 'null') continue; // the device is not (any more) in the call: as if not listed
    listed.add(callID);
    const known = store.get(callID);
    if (newer(known?.connections.get(device))) continue;
    const call = store.touch(callID);
    const state = localState ?? call.connections.get(device)?.state ?? 'connected';
    store.setState(call, device, state, local);
    const endpoint = deviceChoiceKey(item.endpointDevice);
    if (endpoint !== undefined && endpoint !== device && remoteState !== undefined) {
      store.setState(call, endpoint, remoteState);
      if (call.info.callingDevice === undefined) inferParties(store, call, device, endpoint, state, remoteState);
    }
    store.refreshDirections(call);
  }
  for (const callID of store.callIDsOf(device)) {
    if (listed.has(callID)) continue;
    const call = store.get(callID);
    if (call === undefined || newer(call.connections.get(device))) continue;
    store.removeConnection(call, device);
    store.dropIfIdle(callID, 'resync');
  }
  // A call diverted to the device that the snapshot does not list never reached it.
  // (A listed one got the device's connection above, which ended the wait.)
  store.stopAwaiting(device, 'resync');
}

/** For a call first seen in a snapshot: who called whom, when the states tell (ringing side = called). */
function inferParties(store: CallStore, call: CallRecord, device: string, endpoint: string, state: ConnectionState, remote: ConnectionState): void {
  if (state === 'alerting') {
    store.setInfo(call, 'callingDevice', endpoint);
    store.setInfo(call, 'calledDevice', device);
  } else if (remote === 'alerting' || remote === 'queued' || remote === 'fail') {
    store.setInfo(call, 'callingDevice', device);
    store.setInfo(call, 'calledDevice', endpoint);
  }
}
