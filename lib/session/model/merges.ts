/**
 * Events that move connections between calls or devices: transferred and conferenced (two calls
 * become one, possibly under a new CallID) and diverted (a connection moves to another device).
 *
 * A merge event reaches every monitored device in the calls; the first one applied does the
 * merge, the later ones find the old calls gone and the resulting call present, and only update
 * the local connection state.
 */
import type { ConferencedEvent } from '../../../protocol/csta/events/conferenced-event.js';
import type { DivertedEvent } from '../../../protocol/csta/events/diverted-event.js';
import type { TransferredEvent } from '../../../protocol/csta/events/transferred-event.js';
import type { ConnectionList, LocalConnectionState } from '../../../protocol/csta/types/connection-states.js';
import { deviceKey } from '../monitors.js';
import type { CallRecord, CallStore } from './call-store.js';
import { connectionKey, deviceChoiceKey, redirectionKey } from './ids.js';
import { knownState, resolveCall, updateCallInfo } from './state-machine.js';
import type { CallInfo, ConnectionState, MergeKind } from './types.js';

/** What a merge needs, common to transferred and conferenced. */
interface MergeInput {
  readonly kind: MergeKind;
  /** The old calls (primary first). */
  readonly oldCallIDs: readonly string[];
  readonly list: ConnectionList;
  /** The device that leaves the call (the transferring device), if any. */
  readonly leaving: string | undefined;
  /** Connections whose state the merge sets (conferencing device → connected). */
  readonly joinStates: ReadonlyMap<string, ConnectionState>;
  readonly localConnectionInfo: LocalConnectionState | undefined;
  readonly correlatorData: string | undefined;
  readonly userData: string | undefined;
  readonly cause: CallInfo['cause'];
}

/** transferred: `primaryOldCall` and `secondaryOldCall` become the call of the `transferredConnections`. */
export function applyTransferred(store: CallStore, monitored: string, e: TransferredEvent): void {
  const oldCallIDs = [connectionKey(e.primaryOldCall).callID, connectionKey(e.secondaryOldCall).callID].filter((x): x is string => x !== undefined);
  merge(store, monitored, {
    kind: 'transfer',
    oldCallIDs,
    list: e.transferredConnections,
    leaving: deviceChoiceKey(e.transferringDevice) ?? connectionKey(e.primaryOldCall).local,
    joinStates: new Map(),
    localConnectionInfo: e.localConnectionInfo,
    correlatorData: e.correlatorData,
    userData: e.userData,
    cause: e.cause,
  });
}

/** conferenced: `primaryOldCall` and `secondaryOldCall` become one call with the `conferenceConnections`. */
export function applyConferenced(store: CallStore, monitored: string, e: ConferencedEvent): void {
  const oldCallIDs = [connectionKey(e.primaryOldCall).callID, connectionKey(e.secondaryOldCall).callID].filter((x): x is string => x !== undefined);
  const joinStates = new Map<string, ConnectionState>();
  const conferencing = deviceChoiceKey(e.conferencingDevice);
  if (conferencing !== undefined) joinStates.set(conferencing, 'connected');
  merge(store, monitored, {
    kind: 'conference',
    oldCallIDs,
    list: e.conferenceConnections,
    leaving: undefined,
    joinStates,
    localConnectionInfo: e.localConnectionInfo,
    correlatorData: e.correlatorData,
    userData: e.userData,
    cause: e.cause,
  });
}

function endpointKey(item: ConnectionList[number]): string | undefined {
  const ep = item.endpoint;
  return ep !== undefined && 'deviceID' in ep ? deviceKey(ep.deviceID) : undefined;
}

function resultCallID(input: MergeInput): string | undefined {
  for (const item of input.list) {
    const id = connectionKey(item.newConnection).callID;
    if (id !== undefined) return id;
  }
  // No new connection given: the call lives on under the secondary (transfer) or primary (conference) ID.
  return input.kind === 'transfer' ? (input.oldCallIDs[1] ?? input.oldCallIDs[0]) : input.oldCallIDs[0];
}

/** Info of the merged call: the primary call's, completed from the others'. */
function mergedInfo(olds: readonly CallRecord[]): Partial<CallInfo> {
  const out: Record<string, unknown> = {};
  for (const old of olds) {
    for (const [k, v] of Object.entries(old.info)) if (out[k] === undefined && v !== undefined && v !== false) out[k] = v;
  }
  delete out.consultationCallID;
  delete out.consultedFromCallID;
  return out as Partial<CallInfo>;
}

function merge(store: CallStore, monitored: string, input: MergeInput): void {
  const resultID = resultCallID(input);
  if (resultID === undefined) {
    store.anomaly('mergeWithoutCall');
    return;
  }
  const present = input.oldCallIDs.filter((id, i, a) => a.indexOf(id) === i && store.has(id));
  const absorbed = present.filter((id) => id !== resultID);
  if (present.length === 0 && !store.has(resultID)) store.anomaly('unknownCall');

  // The leaving device's connections end in the old calls (reported before the merge).
  if (input.leaving !== undefined) {
    for (const id of present) store.removeConnection(store.get(id)!, input.leaving);
  }
  const olds = present.map((id) => store.get(id)!);
  const info = mergedInfo(olds);
  const hadResult = store.has(resultID);
  for (const id of absorbed) store.absorbCall(id);
  // A merge of calls never seen simply introduces the resulting call (callAdded).
  const introduced = !hadResult && present.length === 0;
  const result = hadResult || introduced ? store.touch(resultID) : store.createSilently(resultID);

  // Move the remaining connections of the old calls (the result's own stay in place).
  const byOldLocal = new Map<string, string>();
  const restates: [string, ConnectionState][] = [];
  for (const old of olds) {
    if (old === result) continue;
    for (const c of old.connections.values()) {
      // A device already in the resulting call changes state there: reported after callMerged.
      if (result.connections.has(c.device)) restates.push([c.device, c.state]);
      else store.placeConnection(result, c.device, c.state, c.localID);
      if (c.localID !== undefined) byOldLocal.set(`${old.callID}/${c.localID}`, c.device);
    }
  }
  if (!hadResult) {
    for (const [k, v] of Object.entries(info)) store.setInfo(result, k as keyof CallInfo, v as never);
  }
  if (absorbed.length > 0 || (!hadResult && !introduced)) store.emit({ type: 'callMerged', kind: input.kind, oldCallIDs: absorbed, callID: resultID });
  for (const [device, state] of restates) store.setState(result, device, state);
  // Apply the connection list: new local IDs, endpoints not seen before.
  for (const item of input.list) {
    const oldKey = connectionKey(item.oldConnection);
    const newKey = connectionKey(item.newConnection);
    const fromOld = oldKey.local === undefined ? undefined : (byOldLocal.get(`${oldKey.callID}/${oldKey.local}`) ?? oldKey.local);
    const device = endpointKey(item) ?? fromOld ?? newKey.local;
    if (device === undefined || device === input.leaving) continue;
    if (fromOld !== undefined && fromOld !== device && result.connections.has(fromOld)) {
      const moved = result.connections.get(fromOld)!;
      store.removeConnection(result, fromOld);
      store.setState(result, device, moved.state, newKey.local);
    } else {
      // A listed party is in the call: one never seen, or seen failing before, counts as connected.
      const existing = result.connections.get(device);
      if (existing === undefined || existing.state === 'fail') store.setState(result, device, 'connected', newKey.local);
      else store.placeConnection(result, device, existing.state, newKey.local);
    }
  }
  const local = knownState(store, input.localConnectionInfo);
  for (const [device, state] of input.joinStates) {
    if (device !== monitored || local === undefined) store.setState(result, device, state);
  }
  if (local !== undefined && monitored !== input.leaving) store.setState(result, monitored, local);
  updateCallInfo(store, result, { cause: input.cause, correlatorData: input.correlatorData, userData: input.userData });
  store.refreshDirections(result);
  store.dropIfIdle(resultID);
}

/**
 * diverted: the call leaves `divertingDevice` for `newDestination` (callDiverted). The
 * destination's connection appears when its state is reported (its delivered, queued or failed,
 * or this event's `localConnectionInfo` on its own monitor), so a diversion to a busy device
 * leaves no phantom ringing connection; meanwhile a monitored destination keeps the call.
 */
export function applyDiverted(store: CallStore, monitored: string, e: DivertedEvent): void {
  const from = deviceChoiceKey(e.divertingDevice) ?? connectionKey(e.connection).local;
  const to = deviceChoiceKey(e.newDestination);
  const call = resolveCall(store, e.connection, from, true);
  if (call === undefined) return;
  updateCallInfo(store, call, {
    callingDevice: e.callingDevice,
    calledDevice: e.calledDevice,
    lastRedirectionDevice: e.lastRedirectionDevice,
    cause: e.cause,
    correlatorData: e.correlatorData,
    userData: e.userData,
  });
  if (redirectionKey(e.lastRedirectionDevice) === undefined) store.setInfo(call, 'lastRedirectionDevice', from);
  const local = knownState(store, e.localConnectionInfo);
  if (from !== undefined && from !== to && call.connections.has(from)) {
    store.removeConnection(call, from);
    if (to !== undefined) store.emit({ type: 'callDiverted', callID: call.callID, from, to });
  }
  if (to !== undefined && to !== from) {
    if (to === monitored && local !== undefined) store.setState(call, to, local);
    else if (!call.connections.has(to) && store.isMonitored(to)) call.awaiting = to;
  }
  if (local !== undefined && monitored !== from && monitored !== to) store.setState(call, monitored, local);
  store.refreshDirections(call);
  store.dropIfIdle(call.callID);
}
