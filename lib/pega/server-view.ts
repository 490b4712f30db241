/**
 * The server-side view of call events (pega-call-notes §1.3): what an OpenCTI server-side
 * adapter puts on the CTIEvent page (class ChannelServices-Event-CTILink) before calling
 * HandleEvent — pyCallID, pyCallState, pyCallType, pyDNIS, pyANI, pyOtherDN, pyNamedVariables —
 * with the new-call event named `Offering`, as Pega's SetEventType does (§1.1).
 */
import type { CallInfoEvent, CallStateEvent, PegaServerCallEvent } from './types.js';

/**
 * The server-side form of a call event. `Alerting` becomes `Offering` (the new-call event Pega
 * call treatment is named after); every other name is kept. `callInfo`, when given, supplies
 * pyNamedVariables (the call's CallInfoEvent).
 */
export function toServerCallEvent(event: CallStateEvent, callInfo?: CallInfoEvent): PegaServerCallEvent {
  return {
    pyEventName: event.pyEventName === 'Alerting' ? 'Offering' : event.pyEventName,
    pyCallState: event.pyEventName,
    pyCallType: event.pyCallType,
    pyCallID: event.pyCallId,
    pyDNIS: event.pyDNIS,
    pyANI: event.pyANI,
    pyOtherDN: event.pyOtherDN,
    pyNamedVariables: callInfo !== undefined && callInfo.pyCallId === event.pyCallId ? { ...callInfo.pyNamedVariables } : {},
  };
}
