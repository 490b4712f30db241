/**
 * PegaMapper: pure translation of the CSTA events of monitored devices into Pega Call (OpenCTI)
 * events, with a small state per device (the calls on the line, consult links, the agent).
 *
 * ```ts
 * const mapper = new PegaMapper();
 * for (const e of mapper.map('2000', cstaEvent)) forwardEvent(e);
 * ```
 * No I/O: the same input sequence always gives the same output, which is what the fixtures in
 * fixtures/pega/ and the CLI's replay/conformance command rely on.
 */
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import type { OctetForm } from './csta-values.js';
import type { CstaEvent } from '../session/events.js';
import { mapAgentEvent } from './agent-events.js';
import * as calls from './call-events.js';
import type { CallMapContext } from './call-events.js';
import type { DeviceRef } from './csta-values.js';
import { DeviceLine } from './line-state.js';
import type { LineCall } from './line-state.js';
import { buildSnapshot } from './snapshot.js';
import type { SnapshotAgentInput } from './snapshot.js';
import type { LineCallSummary } from './requests.js';
import type { CallStateEvent, PegaAgentState, PegaDeviceState, PegaEvent, PegaLinkState, PegaWorkMode, SnapshotEvent } from './types.js';

/** Options of {@link PegaMapper}. */
export interface PegaMapperOptions {
  /**
   * Whether a device number is inside the switch (INTERNAL calls) rather than outside (INBOUND /
   * OUTBOUND). Consulted only when the CSTA numbering plan does not say (dialingNumber form).
   * Default: numbers of at most `maxExtensionLength` digits are internal.
   */
  readonly isInternal?: (dn: string) => boolean;
  /** Longest internal extension for the default `isInternal`. Default 5. */
  readonly maxExtensionLength?: number;
  /**
   * Called when mapping one event failed (an event whose fields contradict the schema, or a bug):
   * the event gives no Pega events and the error is reported here instead of being lost.
   * Default: none (a {@link PegaCtiLink} reports it as a `warning`).
   */
  readonly onMapError?: (error: PegaMapError) => void;
  /**
   * Most calls one line keeps. A switch that never clears calls would otherwise grow the line
   * without bound; beyond this the oldest call is forgotten (no Pega event). Default 64.
   */
  readonly maxCallsPerLine?: number;
  /**
   * Most other parties one call keeps (and lists in PartyInfo). A switch reporting ever more
   * parties joining one call would otherwise grow the call, and the work per event, without
   * bound; parties past it are not kept. Default {@link DEFAULT_MAX_PARTIES_PER_CALL}.
   */
  readonly maxPartiesPerCall?: number;
  /**
   * How the session's OCTET STRING values carry text (agent IDs, UUI, correlator data): `hex` on
   * BER, `text` on XML. PegaCtiLink sets it from its session. Default `hex`.
   */
  readonly octetStrings?: OctetForm;
}

/** Default of {@link PegaMapperOptions.maxCallsPerLine}. */
export const DEFAULT_MAX_CALLS_PER_LINE = 64;

/** Default of {@link PegaMapperOptions.maxPartiesPerCall}. */
export const DEFAULT_MAX_PARTIES_PER_CALL = 64;

/** Mapping one CSTA event failed; `cause` is what was thrown. */
export class PegaMapError extends Error {
  readonly code = 'PEGA_MAP_FAILED';
  /** The monitored device the event was reported for. */
  readonly device: string;
  /** The event's type (`delivered`, `agentReady`, ...). */
  readonly eventType: string;
  constructor(device: string, eventType: string, cause: unknown) {
    super(`mapping a ${eventType} event at ${device} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PegaMapError';
    this.device = device;
    this.eventType = eventType;
  }
}

/** Translates CSTA events at monitored devices into Pega events. */
export class PegaMapper {
  private readonly lines = new Map<string, DeviceLine>();
  private readonly isInternalDn: (dn: string) => boolean;
  private readonly onMapError: ((error: PegaMapError) => void) | undefined;
  private readonly maxCallsPerLine: number;
  private readonly maxPartiesPerCall: number;
  private readonly octetStrings: OctetForm;

  constructor(options: PegaMapperOptions = {}) {
    const max = options.maxExtensionLength ?? 5;
    this.isInternalDn = options.isInternal ?? ((dn) => dn.replace(/[^0-9]/g, '').length <= max);
    this.onMapError = options.onMapError;
    this.maxCallsPerLine = Math.max(1, options.maxCallsPerLine ?? DEFAULT_MAX_CALLS_PER_LINE);
    this.maxPartiesPerCall = Math.max(1, options.maxPartiesPerCall ?? DEFAULT_MAX_PARTIES_PER_CALL);
    this.octetStrings = options.octetStrings ?? 'hex';
  }

  /** The Pega events for one CSTA event reported by the monitor of `device`. Never throws on odd input: unknown events give []. */
  map(device: string, event: CstaEvent): PegaEvent[] {
    const line = this.line(device);
    const ctx: CallMapContext = { line, isInternal: (ref: DeviceRef) => ref.privatePlan ?? (ref.dn === '' ? undefined : this.isInternalDn(ref.dn)) };
    try {
      return this.dispatch(ctx, event);
    } catch (e) {
      // A malformed event (fields missing despite the schema) must not take the link down.
      this.onMapError?.(new PegaMapError(device, typeof event.type === 'string' ? event.type : 'unknown', e));
      return [];
    }
  }

  /** `map` over a sequence, concatenated. */
  mapAll(device: string, events: Iterable<CstaEvent>): PegaEvent[] {
    const out: PegaEvent[] = [];
    for (const e of events) out.push(...this.map(device, e));
    return out;
  }

  /**
   * The SnapshotEvent for `device` (after login, monitor start, reconnect). `snapshot` is the
   * device's snapshotDevice result (the line is reconciled with it), `agent` the agent ID and,
   * when known, the getAgentState result.
   */
  snapshot(device: string, snapshot: SnapshotDeviceResult | undefined, agent: SnapshotAgentInput | undefined, linkState: PegaLinkState, deviceState: PegaDeviceState = 'OPENED'): SnapshotEvent {
    return buildSnapshot(this.line(device), snapshot, agent, linkState, deviceState);
  }

  /** The current CSTA callID of the call Pega knows as `pyCallId` at `device` (itself if unknown). */
  cstaCallId(device: string, pyCallId: string): string {
    return this.lines.get(device)?.byPegaId(pyCallId)?.cstaCallId ?? pyCallId;
  }

  /** The Pega ID of the consultation call made from `pyCallId` at `device`, if there is one. */
  consultCallOf(device: string, pyCallId: string): string | undefined {
    return this.lines.get(device)?.consultOf(pyCallId)?.pyCallId;
  }

  /** The Pega ID of the call at `device` whose current CSTA callID is `cstaCallId`. */
  pegaCallId(device: string, cstaCallId: string): string | undefined {
    return this.lines.get(device)?.byCstaId(cstaCallId)?.pyCallId;
  }

  /**
   * Records that a consultationCall from `primaryPyCallId` created CSTA call `consultCstaCallId`,
   * so the new call is typed CONSULT and linked even if the switch's events do not say so.
   */
  noteConsultation(device: string, primaryPyCallId: string, consultCstaCallId: string): void {
    const line = this.line(device);
    const consult = line.byCstaId(consultCstaCallId);
    if (consult !== undefined) {
      consult.callType = 'CONSULT';
      consult.primaryCallId = primaryPyCallId;
    } else {
      line.pendingConsultFrom = primaryPyCallId;
    }
  }

  /**
   * The call Pega knows as `pyCallId` if it is on the line of `device` (or was just created there
   * by the device's own makeCall/consultationCall, before its first event): its other parties.
   * Undefined for a call on another device's line, or on none. Requests are accepted only for such
   * a call (see `CallLookup.callOnLine`).
   */
  callOnLine(device: string, pyCallId: string): { readonly parties: readonly string[] } | undefined {
    const line = this.lines.get(device);
    if (line === undefined) return undefined;
    const call = line.byPegaId(pyCallId);
    if (call !== undefined) return { parties: call.parties };
    return line.wasRequested(pyCallId) ? { parties: [] } : undefined;
  }

  /** Records that the switch answered a request of `device` with new CSTA call `cstaCallId` (makeCall, consultationCall). */
  noteRequestedCall(device: string, cstaCallId: string): void {
    this.line(device).noteRequestedCall(cstaCallId);
  }

  /** Records the reason code / work mode the agent asked for: CSTA agent events do not carry them. */
  noteAgentRequest(device: string, reasonCode: string, workMode: PegaWorkMode | undefined): void {
    this.line(device).agent.requested = { reasonCode, workMode };
  }

  /** The calls on the line of `device`, for requests that name no call (answerCall / hangUpCall, audit W8). */
  callsOnLine(device: string): LineCallSummary[] {
    return (this.lines.get(device)?.calls() ?? []).map((c) => ({ pyCallId: c.pyCallId, phase: c.phase, incoming: c.incoming }));
  }

  /** The agent state the line tracks for `device`, undefined while it is not known. */
  agentStateOf(device: string): { readonly state: PegaAgentState; readonly workMode: PegaWorkMode } | undefined {
    const agent = this.lines.get(device)?.agent;
    return agent === undefined || agent.state === 'Unknown' ? undefined : { state: agent.state, workMode: agent.workMode };
  }

  /**
   * One CallStateEvent per live call at `device`, oldest first, giving its current state: what a
   * toolbar needs after the Snapshot when it reloads or the link reconnects (the Snapshot schema
   * has no call list; `pyCalls` is only an extension).
   */
  replayCalls(device: string): CallStateEvent[] {
    const line = this.lines.get(device);
    if (line === undefined) return [];
    const out: CallStateEvent[] = [];
    for (const call of line.calls()) {
      const e = calls.replayEvent(line, call);
      if (e !== undefined) out.push(e);
    }
    return out;
  }

  /** Calls currently on the line of `device` (read-only copies). */
  callsAt(device: string): readonly Readonly<LineCall>[] {
    return (this.lines.get(device)?.calls() ?? []).map((c) => ({ ...c, parties: [...c.parties] }));
  }

  /** Forgets a device (after logout / monitor stop). */
  forget(device: string): void {
    this.lines.delete(device);
  }

  private line(device: string): DeviceLine {
    let line = this.lines.get(device);
    if (line === undefined) {
      line = new DeviceLine(device, this.maxCallsPerLine, this.octetStrings, this.maxPartiesPerCall);
      this.lines.set(device, line);
    }
    return line;
  }

  private dispatch(ctx: CallMapContext, event: CstaEvent): PegaEvent[] {
    if (event.type === 'unknown') return [];
    switch (event.category) {
      case 'callControlEvents':
        return this.callControl(ctx, event);
      case 'callAssociatedEvents':
        return event.type === 'callInformation' ? calls.onCallInformation(ctx, event.event) : [];
      case 'logicalDeviceFeatureEvents':
        switch (event.type) {
          case 'agentLoggedOn':
          case 'agentLoggedOff':
          case 'agentReady':
          case 'agentNotReady':
          case 'agentWorkingAfterCall':
          case 'agentBusy':
            return mapAgentEvent(ctx.line, event.type, event.event);
          default:
            return [];
        }
      default:
        return [];
    }
  }

  private callControl(ctx: CallMapContext, e: Extract<CstaEvent, { category: 'callControlEvents' }>): PegaEvent[] {
    switch (e.type) {
      case 'serviceInitiated':
        return calls.onServiceInitiated(ctx, e.event);
      case 'originated':
        return calls.onOriginated(ctx, e.event);
      case 'networkReached':
        return calls.onNetworkReached(ctx, e.event);
      case 'delivered':
        return calls.onDelivered(ctx, e.event);
      case 'offered':
        return calls.onOffered(ctx, e.event);
      case 'established':
        return calls.onEstablished(ctx, e.event);
      case 'held':
        return calls.onHeld(ctx, e.event);
      case 'retrieved':
        return calls.onRetrieved(ctx, e.event);
      case 'connectionCleared':
        return calls.onConnectionCleared(ctx, e.event);
      case 'callCleared':
        return calls.onCallCleared(ctx, e.event);
      case 'failed':
        return calls.onFailed(ctx, e.event);
      case 'diverted':
        return calls.onDiverted(ctx, e.event);
      case 'transferred':
        return calls.onTransferred(ctx, e.event);
      case 'conferenced':
        return calls.onConferenced(ctx, e.event);
      case 'bridged':
      case 'digitsDialed':
      case 'networkCapabilitiesChanged':
      case 'queued':
        return [];
      default: {
        const never: never = e;
        return never;
      }
    }
  }
}
