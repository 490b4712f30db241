/**
 * The calls at the agent's device as the forwarded events tell them, so that answerCall and
 * hangUpCall without a call id act on the ringing / only call, as Pega's client-side guide says
 * ("If no calls are found in the ringing state, then an error is returned").
 */
import type { PegaEvent } from './types.js';

/** Most calls remembered (a device rarely has more than a few; older ones are forgotten first). */
export const MAX_TRACKED_CALLS = 32;

const ENDED = new Set(['Disconnected', 'Abandoned']);

/** Call id → the name of the last CallStateEvent, in arrival order. */
export class CallTracker {
  private readonly calls = new Map<string, string>();

  /** Updates from one forwarded event. */
  observe(event: PegaEvent): void {
    switch (event.pyEventType) {
      case 'CallStateEvent':
        this.calls.delete(event.pyCallId);
        if (!ENDED.has(event.pyEventName)) this.calls.set(event.pyCallId, event.pyEventName);
        break;
      case 'SnapshotEvent':
        this.calls.clear();
        if (Array.isArray(event.pyCalls)) for (const call of event.pyCalls) this.calls.set(call.pyCallId, call.pyCallState);
        break;
      case 'AgentStateEvent':
      case 'PartyInfoEvent':
      case 'CallInfoEvent':
        break;
    }
    while (this.calls.size > MAX_TRACKED_CALLS) this.calls.delete(this.calls.keys().next().value as string);
  }

  /** The newest call in state Alerting. */
  ringing(): string | undefined {
    let found: string | undefined;
    for (const [callId, state] of this.calls) if (state === 'Alerting') found = callId;
    return found;
  }

  /** The one call at the device, when there is exactly one. */
  only(): string | undefined {
    return this.calls.size === 1 ? this.calls.keys().next().value : undefined;
  }

  clear(): void {
    this.calls.clear();
  }
}
