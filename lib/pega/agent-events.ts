/**
 * CSTA agent events (LogicalDeviceFeatureEvents: agentLoggedOn, agentLoggedOff, agentReady,
 * agentNotReady, agentWorkingAfterCall, agentBusy) → Pega AgentStateEvent.
 *
 * The mapper passes the typed events of protocol/csta/events/categories-device.ts; only the fields
 * the mapping reads are declared here (structurally), per the ASN.1 quoted below.
 */
import { dnOf, octetsAsText } from './csta-values.js';
import type { OctetForm } from './csta-values.js';
import type { DeviceChoice } from './csta-values.js';
import type { DeviceLine } from './line-state.js';
import type { AgentStateEvent, PegaAgentEventName, PegaAgentState, PegaWorkMode } from './types.js';

/** ```asn1
 * AgentReadyEvent ::= SEQUENCE
 * {	agentDevice 			SubjectDeviceID,
 *	agentID				AgentID					OPTIONAL,
 *	acdGroup			DeviceID				OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ```
 * (AgentNotReadyEvent, AgentBusyEvent, AgentLoggedOnEvent, AgentLoggedOffEvent and
 * AgentWorkingAfterCallEvent share `agentDevice` and an optional `agentID`; AgentID is an
 * OCTET STRING, hex in the value model.) */
export interface AgentEventFields {
  readonly agentDevice: DeviceChoice;
  readonly agentID?: string;
  /** CSTACommonArguments: vendors put the reason code in private data (`reason=12`). */
  readonly extensions?: { readonly privateData?: readonly unknown[] };
}

/** Keys of a `key=value` private-data string that carry a reason code. */
const REASON_KEYS = ['reason', 'reasoncode', 'reason_code'];

/**
 * A reason code the switch put in the event's private data as printable `key=value` text
 * (`CSTAPrivateData ::= CHOICE { string OCTET STRING, ... }`), e.g. "reason=12". "" when none.
 */
export function reasonFromPrivateData(fields: AgentEventFields, form: OctetForm = 'hex'): string {
  for (const item of fields.extensions?.privateData ?? []) {
    if (item === null || typeof item !== 'object' || !('string' in item)) continue;
    const text = octetsAsText(String((item as { string: unknown }).string), form);
    for (const pair of text.split(/[|;&,]/)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && REASON_KEYS.includes(pair.slice(0, eq).trim().toLowerCase())) return pair.slice(eq + 1).trim();
    }
  }
  return '';
}

/** The agent event types of LogicalDeviceFeatureEvents the mapping handles. */
export const AGENT_EVENT_TYPES = ['agentLoggedOn', 'agentLoggedOff', 'agentReady', 'agentNotReady', 'agentWorkingAfterCall', 'agentBusy'] as const;
/** One of {@link AGENT_EVENT_TYPES}. */
export type AgentEventType = (typeof AGENT_EVENT_TYPES)[number];

interface AgentTransition {
  readonly state: PegaAgentState;
  /** The AgentStateEvent name; undefined: no event (Busy is not in AgentEvent.json's enum). */
  readonly eventName: PegaAgentEventName | undefined;
  readonly workMode: PegaWorkMode;
  readonly reasonCode: string;
}

function transition(type: AgentEventType, line: DeviceLine): AgentTransition {
  const requested = line.agent.requested;
  switch (type) {
    case 'agentLoggedOn':
      return { state: 'Login', eventName: 'Login', workMode: 'MODE_NONE', reasonCode: '' };
    case 'agentLoggedOff':
      return { state: 'Logout', eventName: 'Logout', workMode: 'MODE_NONE', reasonCode: requested?.reasonCode ?? '' };
    case 'agentReady': {
      const wm = requested?.workMode;
      return { state: 'Ready', eventName: 'Ready', workMode: wm === 'MODE_AUTO_IN' || wm === 'MODE_MANUAL_IN' ? wm : 'MODE_NONE', reasonCode: '' };
    }
    case 'agentNotReady':
      return { state: 'NotReady', eventName: 'NotReady', workMode: 'AUX_WORK', reasonCode: requested?.reasonCode ?? '' };
    case 'agentWorkingAfterCall':
      return { state: 'NotReady', eventName: 'NotReady', workMode: 'ACW', reasonCode: requested?.reasonCode ?? '' };
    case 'agentBusy':
      return { state: 'Busy', eventName: undefined, workMode: 'BUSY', reasonCode: '' };
    default: {
      const never: never = type;
      throw new TypeError(`unhandled agent event ${String(never)}`);
    }
  }
}

/**
 * Applies an agent event to the line's agent and returns the AgentStateEvent to send (none for
 * agentBusy, or for an event about another device).
 */
export function mapAgentEvent(line: DeviceLine, type: AgentEventType, fields: AgentEventFields): AgentStateEvent[] {
  const agentDevice = dnOf(fields.agentDevice);
  if (agentDevice !== '' && agentDevice !== line.device) return [];
  const t = transition(type, line);
  const switchReason = t.state === 'NotReady' || t.state === 'Logout' ? reasonFromPrivateData(fields, line.octets) : '';
  const reasonCode = switchReason !== '' ? switchReason : t.reasonCode;
  const agentId = fields.agentID === undefined ? line.agent.agentId : octetsAsText(fields.agentID, line.octets);
  line.agent.agentId = agentId;
  line.agent.state = t.state;
  line.agent.workMode = t.workMode;
  line.agent.reasonCode = reasonCode;
  if (t.eventName === undefined) return [];
  return [
    {
      pyEventType: 'AgentStateEvent',
      pyEventName: t.eventName,
      pyReasonCode: reasonCode,
      pyWorkMode: t.workMode,
      pyMedia: 'Phone',
      pyAgentId: agentId,
      pyThisDN: line.device,
    },
  ];
}
