/**
 * Call data → Pega CallInfoEvent: CSTA correlatorData and userData (UUI), accountInfo and
 * authCode, as pyApplicationData / pyCorrelatorData / pyNamedVariables.
 */
import { octetsAsText, userDataText } from './csta-values.js';
import type { DeviceLine, LineCall } from './line-state.js';
import type { CallInfoEvent } from './types.js';

/** The call-data fields of CSTA events (DeliveredEvent, EstablishedEvent, CallInformationEvent...). */
export interface CallDataFields {
  readonly correlatorData?: string;
  readonly userData?: unknown;
  readonly accountInfo?: string;
  readonly authCode?: string;
}

/** Whether an event carries any call data worth a CallInfoEvent. */
export function hasCallData(d: CallDataFields): boolean {
  return d.correlatorData !== undefined || d.userData !== undefined || d.accountInfo !== undefined || d.authCode !== undefined;
}

/**
 * `key=value` pairs of UUI text separated by `|`, `;` or `&` (the pipe-delimited form Pega's Avaya
 * adapter parses, notes §1.3). Text that is not entirely such pairs yields no variables.
 */
export function parseNamedVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const part of text.split(/[|;&]/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return {};
    out[part.slice(0, eq).trim()] = part.slice(eq + 1);
  }
  return out;
}

/** Builds the CallInfoEvent for a call from an event's call data. */
export function callInfoEvent(line: DeviceLine, call: LineCall, data: CallDataFields): CallInfoEvent {
  const applicationData = userDataText(data.userData, line.octets);
  const named: Record<string, string> = { ...parseNamedVariables(applicationData) };
  if (data.accountInfo !== undefined) named.accountInfo = octetsAsText(data.accountInfo, line.octets);
  if (data.authCode !== undefined) named.authCode = octetsAsText(data.authCode, line.octets);
  call.callInfoSent = true;
  return {
    pyEventType: 'CallInfoEvent',
    pyEventName: 'CallInfo',
    pyCallId: call.pyCallId,
    pyThisDN: line.device,
    pyANI: call.ani,
    pyDNIS: call.dnis,
    pyApplicationData: applicationData,
    pyCorrelatorData: octetsAsText(data.correlatorData, line.octets),
    pyNamedVariables: named,
  };
}
