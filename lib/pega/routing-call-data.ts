/**
 * Call data for routing decisions, collected from the session's events: a call's UUI (CSTA
 * userData) and correlatorData seen at any monitored device (e.g. the route point itself, with
 * `registerRoutingPoint(..., { monitor: true })`, or the IVR that queued the call), kept per call
 * so that the routeRequest for it can carry them into the decision ({@link RoutingOptions.callData}).
 *
 * ```ts
 * const seen = new RouteCallData(session);
 * await registerRoutingPoints(session, '5000-5099', httpRouteDecider({ url, defaultRoute: '6000' }), { monitor: true, callData: seen.lookup });
 * ```
 */
import type { CstaEvent } from '../session/events.js';
import { setNewest } from '../bounded-map.js';
import type { Monitor } from '../session/monitors.js';
import { octetsAsText } from './csta-values.js';
import type { OctetForm } from './csta-values.js';
import type { RouteRequest } from './routing.js';

/** Default of {@link RouteCallDataOptions.maxCalls}. */
export const DEFAULT_ROUTE_CALL_DATA_CALLS = 4096;

/** Options of {@link RouteCallData}. */
export interface RouteCallDataOptions {
  /** Most calls remembered (least recently seen forgotten first). Default {@link DEFAULT_ROUTE_CALL_DATA_CALLS}. */
  readonly maxCalls?: number;
}

/** What RouteCallData needs from a session (a CstaSession fits). */
export interface RouteCallDataSession {
  on(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
  off(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
  readonly octetStrings?: OctetForm;
}

/** Call data by CSTA call id, from events. */
export class RouteCallData {
  private readonly session: RouteCallDataSession;
  private readonly max: number;
  private readonly byCall = new Map<string, Record<string, string>>();
  private readonly onEvent = (event: CstaEvent): void => this.note(event);

  constructor(session: RouteCallDataSession, options: RouteCallDataOptions = {}) {
    this.session = session;
    this.max = Math.max(1, options.maxCalls ?? DEFAULT_ROUTE_CALL_DATA_CALLS);
    session.on('event', this.onEvent);
  }

  /** Calls remembered. */
  get size(): number {
    return this.byCall.size;
  }

  /** The call data of a call: `applicationData` (UUI text, or hex when not text) and `correlatorData`. */
  get(callId: string): Readonly<Record<string, string>> | undefined {
    return this.byCall.get(callId);
  }

  /** For {@link RoutingOptions.callData}. */
  readonly lookup = (request: RouteRequest): Readonly<Record<string, string>> | undefined => (request.callId === '' ? undefined : this.get(request.callId));

  /** Stops listening. */
  detach(): void {
    this.session.off('event', this.onEvent);
  }

  private note(event: CstaEvent): void {
    if (event.type === 'unknown') return;
    const fields = event.event as unknown as Record<string, unknown>;
    if (event.type === 'callCleared') {
      const cleared = callIdIn(fields);
      if (cleared !== undefined) this.byCall.delete(cleared);
      return;
    }
    const userData = typeof fields.userData === 'string' ? fields.userData : undefined;
    const correlatorData = typeof fields.correlatorData === 'string' ? fields.correlatorData : undefined;
    if (userData === undefined && correlatorData === undefined) return;
    const callId = callIdIn(fields);
    if (callId === undefined) return;
    const form = this.session.octetStrings ?? 'hex';
    const data: Record<string, string> = { ...this.byCall.get(callId) };
    if (userData !== undefined) data.applicationData = octetsAsText(userData, form);
    if (correlatorData !== undefined) data.correlatorData = octetsAsText(correlatorData, form);
    setNewest(this.byCall, callId, data, this.max);
  }
}

/** The call id of the first ConnectionID-valued field of an event (connection, queuedConnection, clearedCall…). */
function callIdIn(fields: Record<string, unknown>): string | undefined {
  for (const value of Object.values(fields)) {
    if (value === null || typeof value !== 'object') continue;
    const v = value as { callID?: unknown; both?: { callID?: unknown } };
    if (typeof v.callID === 'string' && v.callID !== '') return v.callID;
    if (typeof v.both?.callID === 'string' && v.both.callID !== '') return v.both.callID;
  }
  return undefined;
}
