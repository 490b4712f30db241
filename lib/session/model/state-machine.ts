/**
 * ECMA-269 connection state model for the single-call events (delivered, established, held,
 * retrieved, queued, failed, originated, serviceInitiated, offered, bridged, networkReached,
 * connectionCleared, callCleared, callInformation). Each event names a subject connection whose
 * state follows from the event type; `localConnectionInfo`, when present, is the state of the
 * monitored device's own connection (ECMA-269 12.2.x "local connection state") and wins for it.
 */
import type { ConnectionID } from '../../../protocol/csta/types/call-connection-identifiers.js';
import type { EventCause } from '../../../protocol/csta/types/event-cause.js';
import type { RedirectionDeviceID } from '../../../protocol/csta/types/device-identifiers.js';
import type { CallRecord, CallStore } from './call-store.js';
import { connectionKey, deviceChoiceKey, redirectionKey } from './ids.js';
import type { DeviceChoice } from './ids.js';
import type { LocalConnectionState } from '../../../protocol/csta/types/connection-states.js';
import type { ConnectionState } from './types.js';

/** The parts of a single-call event the state machine uses. */
export interface PartyEvent {
  /** The subject connection. */
  readonly connection: ConnectionID;
  /** The subject device (alertingDevice, answeringDevice, holdingDevice...). */
  readonly subject: DeviceChoice | undefined;
  /** State of the subject connection implied by the event type. */
  readonly derived: ConnectionState;
  /** State of the calling device's connection implied by the event (delivered, established, queued). */
  readonly callerState?: ConnectionState | undefined;
  readonly localConnectionInfo?: LocalConnectionState | undefined;
  readonly cause?: EventCause | undefined;
  readonly callingDevice?: DeviceChoice | undefined;
  readonly calledDevice?: DeviceChoice | undefined;
  readonly lastRedirectionDevice?: RedirectionDeviceID | undefined;
  readonly correlatorData?: string | undefined;
  readonly userData?: string | undefined;
  /** Whether the event may legitimately be the first one seen for a call. */
  readonly mayStartCall: boolean;
}

/** States a caller's connection may be raised from when the far end is reached. */
const RAISABLE: ReadonlySet<ConnectionState> = new Set<ConnectionState>(['null', 'initiated']);

/** A wire LocalConnectionState the model can keep; a number the enumeration does not name is an anomaly. */
export function knownState(store: CallStore, s: LocalConnectionState | undefined): ConnectionState | undefined {
  if (typeof s !== 'number') return s;
  store.anomaly('unknownConnectionState');
  return undefined;
}

/**
 * Finds (or, tolerating odd input, creates) the call an event refers to. A ConnectionID without a
 * call part resolves through the subject device when it is in exactly one call.
 */
export function resolveCall(store: CallStore, connection: ConnectionID, subjectKey: string | undefined, mayStart: boolean): CallRecord | undefined {
  const { callID, local } = connectionKey(connection);
  if (callID === undefined) {
    const device = subjectKey ?? local;
    const ids = device === undefined ? [] : store.callIDsOf(device);
    if (ids.length !== 1) {
      store.anomaly('unresolvedConnection');
      return undefined;
    }
    return store.touch(ids[0]!);
  }
  if (!mayStart && !store.has(callID)) store.anomaly('unknownCall');
  return store.touch(callID);
}

/** Applies a single-call event seen by `monitored`. */
export function applyPartyEvent(store: CallStore, monitored: string, e: PartyEvent): void {
  const subjectKey = deviceChoiceKey(e.subject);
  const call = resolveCall(store, e.connection, subjectKey, e.mayStartCall);
  if (call === undefined) return;
  const { local } = connectionKey(e.connection);
  const localState = knownState(store, e.localConnectionInfo);
  // Only a call seen for the first time gets its caller's connection from callingDevice: later
  // (after a transfer, say) callingDevice may name a party that has left.
  const fresh = call.connections.size === 0;
  const existing = store.findConnection(call, subjectKey, local);
  const device = subjectKey ?? existing?.device ?? local;
  updateCallInfo(store, call, e);
  if (device === undefined) {
    store.anomaly('unknownSubjectDevice');
  } else {
    store.setState(call, device, device === monitored && localState !== undefined ? localState : e.derived, local);
  }
  const caller = deviceChoiceKey(e.callingDevice);
  if (e.callerState !== undefined && caller !== undefined && caller !== device && caller !== monitored) {
    const c = call.connections.get(caller);
    if (c === undefined ? fresh : RAISABLE.has(c.state)) store.setState(call, caller, e.callerState);
  }
  if (localState !== undefined && device !== monitored) {
    store.setState(call, monitored, localState);
  } else if (caller === monitored && device !== monitored && e.callerState !== undefined) {
    const c = call.connections.get(monitored);
    if (c === undefined || RAISABLE.has(c.state)) store.setState(call, monitored, e.callerState);
  }
  if (e.cause === 'consultation' && device !== undefined) linkConsultation(store, call, caller ?? device);
  store.refreshDirections(call);
  // A connection ended or failed: the call goes if no monitored device is left in it (a monitor
  // of a busy destination may never hear of the call again).
  if (e.derived === 'null' || e.derived === 'fail' || localState === 'null' || localState === 'fail') store.dropIfIdle(call.callID);
}

/** Records calling/called/redirection devices, cause, correlator data and UUI. */
export function updateCallInfo(store: CallStore, call: CallRecord, e: Omit<PartyEvent, 'connection' | 'subject' | 'derived' | 'mayStartCall'>): void {
  const calling = deviceChoiceKey(e.callingDevice);
  const called = deviceChoiceKey(e.calledDevice);
  store.setInfo(call, 'callingDevice', calling);
  store.setInfo(call, 'calledDevice', called);
  if (call.info.originallyCalledDevice === undefined) store.setInfo(call, 'originallyCalledDevice', called);
  store.setInfo(call, 'lastRedirectionDevice', redirectionKey(e.lastRedirectionDevice));
  store.setInfo(call, 'cause', e.cause);
  store.setInfo(call, 'correlatorData', e.correlatorData);
  store.setInfo(call, 'userData', e.userData);
}

/**
 * A consultation call (cause `consultation`) is linked to the call the consulting device holds:
 * `consultationCallID` on the held call, `consultedFromCallID` on the consultation call.
 */
export function linkConsultation(store: CallStore, consultation: CallRecord, device: string): void {
  if (consultation.info.consultedFromCallID !== undefined) return;
  for (const callID of store.callIDsOf(device)) {
    if (callID === consultation.callID) continue;
    const held = store.get(callID);
    if (held?.connections.get(device)?.state !== 'hold') continue;
    store.setInfo(held, 'consultationCallID', consultation.callID);
    store.setInfo(consultation, 'consultedFromCallID', held.callID);
    return;
  }
  // No held call known (the consulting device is not monitored): nothing to link.
}

/** connectionCleared: the dropped connection leaves; the call goes when no monitored device is left. */
export function applyConnectionCleared(
  store: CallStore,
  monitored: string,
  e: { droppedConnection: ConnectionID; releasingDevice: DeviceChoice; localConnectionInfo?: LocalConnectionState; cause: EventCause; correlatorData?: string; userData?: string },
): void {
  const { callID, local } = connectionKey(e.droppedConnection);
  const subjectKey = deviceChoiceKey(e.releasingDevice);
  if (callID !== undefined && !store.has(callID)) {
    store.anomaly('unknownCall');
    return;
  }
  applyPartyEvent(store, monitored, {
    connection: e.droppedConnection,
    subject: e.releasingDevice,
    derived: 'null',
    callerState: undefined,
    localConnectionInfo: subjectKey === monitored || (subjectKey === undefined && local === monitored) ? 'null' : e.localConnectionInfo,
    cause: e.cause,
    callingDevice: undefined,
    calledDevice: undefined,
    lastRedirectionDevice: undefined,
    correlatorData: e.correlatorData,
    userData: e.userData,
    mayStartCall: false,
  });
}

/** callCleared: the whole call goes. */
export function applyCallCleared(store: CallStore, e: { clearedCall: ConnectionID }): void {
  const { callID } = connectionKey(e.clearedCall);
  if (callID === undefined || !store.has(callID)) {
    store.anomaly('unknownCall');
    return;
  }
  store.removeCall(callID, 'cleared');
}
