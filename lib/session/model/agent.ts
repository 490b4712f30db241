/**
 * Agent state per device from the logical-device agent events (ECMA-269 clause 21: agentLoggedOn,
 * agentLoggedOff, agentReady, agentNotReady, agentWorkingAfterCall, agentBusy).
 */
import type { AgentBusyEvent } from '../../../protocol/csta/events/agent-busy-event.js';
import type { AgentLoggedOffEvent } from '../../../protocol/csta/events/agent-logged-off-event.js';
import type { AgentLoggedOnEvent } from '../../../protocol/csta/events/agent-logged-on-event.js';
import type { AgentNotReadyEvent } from '../../../protocol/csta/events/agent-not-ready-event.js';
import type { AgentReadyEvent } from '../../../protocol/csta/events/agent-ready-event.js';
import type { AgentWorkingAfterCallEvent } from '../../../protocol/csta/events/agent-working-after-call-event.js';
import type { PendingAgentState } from '../../../protocol/csta/types/device-feature-types.js';
import { deviceKey } from '../monitors.js';
import type { CallStore } from './call-store.js';
import { deviceChoiceKey } from './ids.js';
import type { AgentStatus, AgentWorkState, PendingAgentWorkState } from './types.js';

/**
 * An agent event, discriminated by its ASN.1 identifier as in `CstaEvent`:
 * ```asn1
 * LogicalDeviceFeatureEvents ::= CHOICE
 * {	agentBusy			[ 0] IMPLICIT AgentBusyEvent,
 *	agentLoggedOn			[ 1] IMPLICIT AgentLoggedOnEvent,
 *	agentLoggedOff			[ 2] IMPLICIT AgentLoggedOffEvent,
 *	agentNotReady			[ 3] IMPLICIT AgentNotReadyEvent,
 *	agentReady			[ 4] IMPLICIT AgentReadyEvent,
 *	agentWorkingAfterCall		[ 5] IMPLICIT AgentWorkingAfterCallEvent, ... }
 * ```
 */
export type AgentEvent =
  | { readonly type: 'agentLoggedOn'; readonly event: AgentLoggedOnEvent }
  | { readonly type: 'agentLoggedOff'; readonly event: AgentLoggedOffEvent }
  | { readonly type: 'agentReady'; readonly event: AgentReadyEvent }
  | { readonly type: 'agentNotReady'; readonly event: AgentNotReadyEvent }
  | { readonly type: 'agentWorkingAfterCall'; readonly event: AgentWorkingAfterCallEvent }
  | { readonly type: 'agentBusy'; readonly event: AgentBusyEvent };

/** The status of a device nobody reported an agent for. */
const LOGGED_OFF: AgentStatus = {
  state: 'loggedOff',
  loggedOn: false,
  agentID: undefined,
  acdGroups: [],
  reasonCode: undefined,
  pendingState: undefined,
};

/**
 * ```asn1
 * PendingAgentState ::= ENUMERATED
 * {	agentNotReady (0), agentNull (1), agentReady (2), agentWorkingAfterCall (3) }
 * ```
 * and AgentWorkingAfterCallEvent's own `pendingAgentState ENUMERATED { notReady (0), ready (1), null (2) }`.
 */
function pendingOf(p: PendingAgentState | AgentWorkingAfterCallEvent['pendingAgentState']): PendingAgentWorkState | undefined {
  switch (p) {
    case undefined:
      return undefined;
    case 'agentNotReady':
    case 'notReady':
      return 'notReady';
    case 'agentReady':
    case 'ready':
      return 'ready';
    case 'agentWorkingAfterCall':
      return 'workingAfterCall';
    case 'agentNull':
    case 'null':
      return 'null';
    default:
      return undefined; // a number the enumeration does not name
  }
}

/** The new status of an agent after `e`, given the previous one. */
export function nextAgentStatus(prev: AgentStatus, e: AgentEvent): AgentStatus {
  const group = e.event.acdGroup === undefined ? undefined : deviceKey(e.event.acdGroup);
  const agentID = e.event.agentID ?? prev.agentID;
  const reasonCode = e.event.cause;
  switch (e.type) {
    case 'agentLoggedOn': {
      const acdGroups = group === undefined || prev.acdGroups.includes(group) ? prev.acdGroups : [...prev.acdGroups, group];
      const state: AgentWorkState = prev.loggedOn ? prev.state : 'loggedOn';
      return { state, loggedOn: true, agentID, acdGroups, reasonCode, pendingState: undefined };
    }
    case 'agentLoggedOff': {
      const acdGroups = group === undefined ? [] : prev.acdGroups.filter((g) => g !== group);
      if (acdGroups.length > 0) return { ...prev, agentID, acdGroups, reasonCode };
      return { state: 'loggedOff', loggedOn: false, agentID, acdGroups: [], reasonCode, pendingState: undefined };
    }
    case 'agentReady':
      return work(prev, 'ready', agentID, group, reasonCode, undefined);
    case 'agentNotReady':
      return work(prev, 'notReady', agentID, group, reasonCode, undefined);
    case 'agentWorkingAfterCall':
      return work(prev, 'workingAfterCall', agentID, group, reasonCode, pendingOf(e.event.pendingAgentState));
    case 'agentBusy':
      return work(prev, 'busy', agentID, group, reasonCode, pendingOf(e.event.pendingAgentState));
  }
}

/** A work-state event also implies the agent is logged on (to `group`, if named). */
function work(
  prev: AgentStatus,
  state: AgentWorkState,
  agentID: string | undefined,
  group: string | undefined,
  reasonCode: AgentStatus['reasonCode'],
  pendingState: PendingAgentWorkState | undefined,
): AgentStatus {
  const acdGroups = group === undefined || prev.acdGroups.includes(group) ? prev.acdGroups : [...prev.acdGroups, group];
  return { state, loggedOn: true, agentID, acdGroups, reasonCode, pendingState };
}

/** Applies an agent event seen on the monitor of `monitored` to the agent's device. */
export function applyAgentEvent(store: CallStore, monitored: string, e: AgentEvent): void {
  const device = deviceChoiceKey(e.event.agentDevice) ?? monitored;
  store.setAgent(device, nextAgentStatus(store.agent(device) ?? LOGGED_OFF, e));
}
