/**
 * Typed event literals for the call model tests: each helper builds the flattened `CstaEvent` a
 * monitor would deliver, with the mandatory fields filled and optional ones from `opts`.
 */
import type { KnownCstaEvent } from '../../../../lib/session/events.js';
import type { ConnectionID } from '../../../../protocol/csta/types/call-connection-identifiers.js';
import type { LocalConnectionState } from '../../../../protocol/csta/types/connection-states.js';
import type { DeviceID } from '../../../../protocol/csta/types/device-identifiers.js';
import type { EventCause } from '../../../../protocol/csta/types/event-cause.js';

export const XREF = '0001';

export function dev(n: string): DeviceID {
  return { deviceIdentifier: { dialingNumber: n } };
}

/** Subject/Calling/Called device choice for a dialing number, or notKnown. */
export function party(n: string | undefined): { deviceIdentifier: DeviceID } | { notKnown: null } {
  return n === undefined ? { notKnown: null } : { deviceIdentifier: dev(n) };
}

/** ConnectionID `both` form with a static device. */
export function conn(callID: string, device: string): ConnectionID {
  return { both: { callID, deviceID: { staticID: dev(device) } } };
}

export interface Opts {
  local?: LocalConnectionState;
  cause?: EventCause;
  correlatorData?: string;
  userData?: string;
  lastRedirection?: string;
}

function common(o: Opts) {
  return {
    ...(o.local !== undefined ? { localConnectionInfo: o.local } : {}),
    ...(o.correlatorData !== undefined ? { correlatorData: o.correlatorData } : {}),
    ...(o.userData !== undefined ? { userData: o.userData } : {}),
  };
}

function redirection(o: Opts) {
  return o.lastRedirection === undefined ? { notKnown: null } : { numberdialed: dev(o.lastRedirection) };
}

export function serviceInitiated(callID: string, device: string, o: Opts = {}): KnownCstaEvent {
  const event = { initiatedConnection: conn(callID, device), initiatingDevice: party(device), cause: o.cause ?? 'newCall', ...common(o) };
  return { category: 'callControlEvents', type: 'serviceInitiated', crossRefIdentifier: XREF, event };
}

export function originated(callID: string, calling: string, called: string, o: Opts = {}): KnownCstaEvent {
  const event = { originatedConnection: conn(callID, calling), callingDevice: party(calling), calledDevice: party(called), cause: o.cause ?? 'newCall', ...common(o) };
  return { category: 'callControlEvents', type: 'originated', crossRefIdentifier: XREF, event };
}

export function delivered(callID: string, alerting: string, calling: string | undefined, called: string, o: Opts = {}): KnownCstaEvent {
  const event = {
    connection: conn(callID, alerting),
    alertingDevice: party(alerting),
    callingDevice: party(calling),
    calledDevice: party(called),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'newCall',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'delivered', crossRefIdentifier: XREF, event };
}

export function established(callID: string, answering: string, calling: string | undefined, called: string, o: Opts = {}): KnownCstaEvent {
  const event = {
    establishedConnection: conn(callID, answering),
    answeringDevice: party(answering),
    callingDevice: party(calling),
    calledDevice: party(called),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'newCall',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'established', crossRefIdentifier: XREF, event };
}

export function held(callID: string, holding: string, o: Opts = {}): KnownCstaEvent {
  const event = { heldConnection: conn(callID, holding), holdingDevice: party(holding), cause: o.cause ?? 'normal', ...common(o) };
  return { category: 'callControlEvents', type: 'held', crossRefIdentifier: XREF, event };
}

export function retrieved(callID: string, retrieving: string, o: Opts = {}): KnownCstaEvent {
  const event = { retrievedConnection: conn(callID, retrieving), retrievingDevice: party(retrieving), cause: o.cause ?? 'normal', ...common(o) };
  return { category: 'callControlEvents', type: 'retrieved', crossRefIdentifier: XREF, event };
}

export function queued(callID: string, queue: string, calling: string, called: string, o: Opts = {}): KnownCstaEvent {
  const event = {
    queuedConnection: conn(callID, queue),
    queue: party(queue),
    callingDevice: party(calling),
    calledDevice: party(called),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'enteringDistribution',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'queued', crossRefIdentifier: XREF, event };
}

export function failed(callID: string, failing: string, calling: string, called: string, o: Opts = {}): KnownCstaEvent {
  const event = {
    failedConnection: conn(callID, failing),
    failingDevice: party(failing),
    callingDevice: party(calling),
    calledDevice: party(called),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'busy',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'failed', crossRefIdentifier: XREF, event };
}

export function networkReached(callID: string, trunk: string, calling: string, called: string, o: Opts = {}): KnownCstaEvent {
  const event = {
    outboundConnection: conn(callID, trunk),
    networkInterfaceUsed: party(trunk),
    callingDevice: party(calling),
    calledDevice: party(called),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'normal',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'networkReached', crossRefIdentifier: XREF, event };
}

export function connectionCleared(callID: string, releasing: string, o: Opts = {}): KnownCstaEvent {
  const event = { droppedConnection: conn(callID, releasing), releasingDevice: party(releasing), cause: o.cause ?? 'normalClearing', ...common(o) };
  return { category: 'callControlEvents', type: 'connectionCleared', crossRefIdentifier: XREF, event };
}

export function callCleared(callID: string, o: Opts = {}): KnownCstaEvent {
  const clearedCall: ConnectionID = { callID };
  const event = { clearedCall, cause: o.cause ?? 'normalClearing' };
  return { category: 'callControlEvents', type: 'callCleared', crossRefIdentifier: XREF, event };
}

export function diverted(callID: string, from: string, to: string, o: Opts & { calling?: string; called?: string } = {}): KnownCstaEvent {
  const event = {
    connection: conn(callID, from),
    divertingDevice: party(from),
    newDestination: party(to),
    ...(o.calling !== undefined ? { callingDevice: party(o.calling) } : {}),
    ...(o.called !== undefined ? { calledDevice: party(o.called) } : {}),
    lastRedirectionDevice: redirection(o),
    cause: o.cause ?? 'redirected',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'diverted', crossRefIdentifier: XREF, event };
}

/** One ConnectionList entry: `[newCallID, device, oldCallID?]`. */
export type ListEntry = readonly [newCallID: string, device: string, oldCallID?: string];

function connectionList(entries: readonly ListEntry[]) {
  return entries.map(([newCall, device, oldCall]) => ({
    newConnection: conn(newCall, device),
    ...(oldCall !== undefined ? { oldConnection: conn(oldCall, device) } : {}),
    endpoint: { deviceID: dev(device) },
  }));
}

export function transferred(primary: string, secondary: string | undefined, transferring: string, to: string, list: readonly ListEntry[], o: Opts = {}): KnownCstaEvent {
  const event = {
    primaryOldCall: conn(primary, transferring),
    ...(secondary !== undefined ? { secondaryOldCall: conn(secondary, transferring) } : {}),
    transferringDevice: party(transferring),
    transferredToDevice: party(to),
    transferredConnections: connectionList(list),
    cause: o.cause ?? 'transfer',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'transferred', crossRefIdentifier: XREF, event };
}

export function conferenced(primary: string, secondary: string | undefined, conferencing: string, added: string, list: readonly ListEntry[], o: Opts = {}): KnownCstaEvent {
  const event = {
    primaryOldCall: conn(primary, conferencing),
    ...(secondary !== undefined ? { secondaryOldCall: conn(secondary, conferencing) } : {}),
    conferencingDevice: party(conferencing),
    addedParty: party(added),
    conferenceConnections: connectionList(list),
    cause: o.cause ?? 'conference',
    ...common(o),
  };
  return { category: 'callControlEvents', type: 'conferenced', crossRefIdentifier: XREF, event };
}

export function callInformation(callID: string, device: string, o: Opts = {}): KnownCstaEvent {
  const event = { connection: conn(callID, device), device: party(device), ...common(o) };
  return { category: 'callAssociatedEvents', type: 'callInformation', crossRefIdentifier: XREF, event };
}

export interface AgentOpts {
  agentID?: string;
  acdGroup?: string;
  cause?: EventCause;
}

function agentFields(device: string, o: AgentOpts) {
  return {
    agentDevice: party(device),
    ...(o.agentID !== undefined ? { agentID: o.agentID } : {}),
    ...(o.acdGroup !== undefined ? { acdGroup: dev(o.acdGroup) } : {}),
    ...(o.cause !== undefined ? { cause: o.cause } : {}),
  };
}

const LDF = 'logicalDeviceFeatureEvents' as const;

export function agentLoggedOn(device: string, o: AgentOpts = {}): KnownCstaEvent {
  return { category: LDF, type: 'agentLoggedOn', crossRefIdentifier: XREF, event: agentFields(device, o) };
}
export function agentLoggedOff(device: string, o: AgentOpts = {}): KnownCstaEvent {
  return { category: LDF, type: 'agentLoggedOff', crossRefIdentifier: XREF, event: agentFields(device, o) };
}
export function agentReady(device: string, o: AgentOpts = {}): KnownCstaEvent {
  return { category: LDF, type: 'agentReady', crossRefIdentifier: XREF, event: agentFields(device, o) };
}
export function agentNotReady(device: string, o: AgentOpts = {}): KnownCstaEvent {
  return { category: LDF, type: 'agentNotReady', crossRefIdentifier: XREF, event: agentFields(device, o) };
}
export function agentWorkingAfterCall(device: string, o: AgentOpts & { pending?: 'notReady' | 'ready' | 'null' } = {}): KnownCstaEvent {
  const event = { ...agentFields(device, o), ...(o.pending !== undefined ? { pendingAgentState: o.pending } : {}) };
  return { category: LDF, type: 'agentWorkingAfterCall', crossRefIdentifier: XREF, event };
}
export function agentBusy(device: string, o: AgentOpts & { pending?: 'agentNotReady' | 'agentNull' | 'agentReady' | 'agentWorkingAfterCall' } = {}): KnownCstaEvent {
  const event = { ...agentFields(device, o), ...(o.pending !== undefined ? { pendingAgentState: o.pending } : {}) };
  return { category: LDF, type: 'agentBusy', crossRefIdentifier: XREF, event };
}
