/**
 * The server-side view of OpenCTI events (pega-call-notes §1.1, §1.3): what an OpenCTI server-side
 * adapter puts on the CTIEvent page (class ChannelServices-Event-CTILink) before calling
 * HandleEvent. Documented call properties: pyCallID (capital ID), pyCallState, pyCallType,
 * pyDNIS, pyANI, pyOtherDN, pyEventName, and the pyNamedVariables value group [SS-CallData]; the
 * new-call event is named `Offering`, as Pega's SetEventType does [SS-Incoming].
 *
 * Agent, party and snapshot events have no published server-side property list: they keep the
 * client-side schema names (pyAgentState, pyReasonCode, pyWorkMode, pyDeviceState, pyLinkState,
 * pyParties), with `py…Id` spelt `py…ID` as on the server-side page. Every server event carries
 * `pyDN` and `pyAgentID` (extensions): the DN and agent that HandleEvent's RetrieveDevicePresence
 * needs to find the CSR's desktop [SS-Events].
 */
import type {
  AgentStateEvent,
  CallInfoEvent,
  CallStateEvent,
  PartyInfoEvent,
  PegaAgentEventName,
  PegaAgentState,
  PegaCallEventName,
  PegaDeviceState,
  PegaEvent,
  PegaLinkState,
  PegaMedia,
  PegaParty,
  PegaServerCallEvent,
  PegaWorkMode,
  SnapshotEvent,
} from './types.js';
import { setNewest } from '../bounded-map.js';

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

/** Fields every server-side event carries. */
export type ServerEventBase = {
  readonly pyMedia: PegaMedia;
  /** Extension: the monitored DN the event is about (SubscribeForEvents' `DN`). */
  readonly pyDN: string;
  /** Extension: the agent logged in at that DN ("" when none). */
  readonly pyAgentID: string;
};

/** A call changed state (CallStateEvent). */
export type ServerCallStateEvent = ServerEventBase &
  PegaServerCallEvent & {
    readonly pyEventType: 'CallStateEvent';
    /** Extension: for a consultation call, the pyCallID of the call it consults from. */
    readonly pyPrimaryCallID?: string;
    /** The call's UUI, when its call data is known (as on Pega's Avaya event page). */
    readonly pyApplicationData?: string;
    /** The UUI as Pega's value list (pipe-delimited values), when known. */
    readonly pyCallVariables?: readonly string[];
    /** The UUI as Pega's value group (XML elements), when known. */
    readonly pyUserData?: Readonly<Record<string, string>>;
  };

/** The agent changed state (AgentStateEvent). */
export type ServerAgentStateEvent = ServerEventBase & {
  readonly pyEventType: 'AgentStateEvent';
  readonly pyEventName: PegaAgentEventName;
  /** The agent state, as `pyAgentState` on the snapshot. */
  readonly pyAgentState: PegaAgentEventName;
  readonly pyReasonCode: string;
  readonly pyWorkMode: PegaWorkMode;
};

/** The parties of a call changed (PartyInfoEvent). */
export type ServerPartyInfoEvent = ServerEventBase & {
  readonly pyEventType: 'PartyInfoEvent';
  readonly pyEventName: 'PartyInfo';
  readonly pyCallID: string;
  readonly pyParties: readonly PegaParty[];
};

/** Call data arrived (CallInfoEvent); extra fields of the client event (e.g. pyCallVariables) are kept. */
export type ServerCallInfoEvent = ServerEventBase & {
  readonly pyEventType: 'CallInfoEvent';
  readonly pyEventName: 'CallInfo';
  readonly pyCallID: string;
  readonly pyANI: string;
  readonly pyDNIS: string;
  readonly pyApplicationData: string;
  readonly pyCorrelatorData: string;
  readonly pyNamedVariables: Readonly<Record<string, string>>;
  /** Further call-data properties of the client event, copied as they are. */
  readonly [property: string]: unknown;
};

/** One call in a server-side snapshot. */
export type ServerSnapshotCall = { readonly pyCallID: string; readonly pyCallState: PegaCallEventName; readonly pyOtherDN: string };

/** Synchronisation of device, agent, link and monitor state (SnapshotEvent). */
export type ServerSnapshotEvent = ServerEventBase & {
  readonly pyEventType: 'SnapshotEvent';
  readonly pyEventName: 'Snapshot';
  readonly pyAgentState: PegaAgentState;
  readonly pyReasonCode: string;
  readonly pyWorkMode: PegaWorkMode;
  readonly pyDeviceState: PegaDeviceState;
  readonly pyLinkState: PegaLinkState;
  /** Extension: the calls at the device. */
  readonly pyCalls: readonly ServerSnapshotCall[];
};

/** Any server-side event, discriminated by `pyEventType`. */
export type PegaServerEvent = ServerCallStateEvent | ServerAgentStateEvent | ServerPartyInfoEvent | ServerCallInfoEvent | ServerSnapshotEvent;

/** Who an event concerns. */
export type ServerEventContext = { readonly dn: string; readonly agentId: string };

/**
 * The ChannelServices-Event-CTILink form of any OpenCTI event. `callInfo` (the call's latest
 * CallInfoEvent) fills pyNamedVariables on call events.
 */
export function toServerEvent(event: PegaEvent, context: ServerEventContext, callInfo?: CallInfoEvent): PegaServerEvent {
  const base: ServerEventBase = { pyMedia: 'Phone', pyDN: context.dn, pyAgentID: context.agentId };
  switch (event.pyEventType) {
    case 'CallStateEvent':
      return {
        ...base,
        pyEventType: 'CallStateEvent',
        ...toServerCallEvent(event, callInfo),
        ...(event.pyPrimaryCallId === undefined ? {} : { pyPrimaryCallID: event.pyPrimaryCallId }),
        ...(callInfo !== undefined && callInfo.pyCallId === event.pyCallId ? callDataOf(callInfo) : {}),
      };
    case 'AgentStateEvent':
      return agentEvent(base, event);
    case 'PartyInfoEvent':
      return partyEvent(base, event);
    case 'CallInfoEvent':
      return callInfoServerEvent(base, event);
    case 'SnapshotEvent':
      return snapshotEvent(base, event);
    default: {
      const never: never = event;
      throw new TypeError(`unknown event type ${JSON.stringify((never as { pyEventType?: unknown }).pyEventType)}`);
    }
  }
}

/** The parsed UUI forms of a CallInfoEvent, for the call events of the same call. */
function callDataOf(info: CallInfoEvent): Pick<ServerCallStateEvent, 'pyApplicationData' | 'pyCallVariables' | 'pyUserData'> {
  const extra = info as CallInfoEvent & { readonly pyCallVariables?: unknown; readonly pyUserData?: unknown };
  return {
    pyApplicationData: info.pyApplicationData,
    ...(Array.isArray(extra.pyCallVariables) ? { pyCallVariables: [...(extra.pyCallVariables as string[])] } : {}),
    ...(extra.pyUserData !== null && typeof extra.pyUserData === 'object' ? { pyUserData: { ...(extra.pyUserData as Record<string, string>) } } : {}),
  };
}

function agentEvent(base: ServerEventBase, e: AgentStateEvent): ServerAgentStateEvent {
  return { ...base, pyAgentID: e.pyAgentId !== '' ? e.pyAgentId : base.pyAgentID, pyEventType: 'AgentStateEvent', pyEventName: e.pyEventName, pyAgentState: e.pyEventName, pyReasonCode: e.pyReasonCode, pyWorkMode: e.pyWorkMode };
}

function partyEvent(base: ServerEventBase, e: PartyInfoEvent): ServerPartyInfoEvent {
  return { ...base, pyEventType: 'PartyInfoEvent', pyEventName: 'PartyInfo', pyCallID: e.pyCallId, pyParties: e.pyParties.map((p) => ({ pyDN: p.pyDN })) };
}

function callInfoServerEvent(base: ServerEventBase, e: CallInfoEvent): ServerCallInfoEvent {
  const { pyCallId, pyThisDN: _thisDn, pyEventType: _t, pyEventName: _n, ...rest } = e as CallInfoEvent & Record<string, unknown>;
  return { ...rest, ...base, pyEventType: 'CallInfoEvent', pyEventName: 'CallInfo', pyCallID: pyCallId, pyANI: e.pyANI, pyDNIS: e.pyDNIS, pyApplicationData: e.pyApplicationData, pyCorrelatorData: e.pyCorrelatorData, pyNamedVariables: { ...e.pyNamedVariables } };
}

function snapshotEvent(base: ServerEventBase, e: SnapshotEvent): ServerSnapshotEvent {
  return {
    ...base,
    pyAgentID: e.pyAgentId !== '' ? e.pyAgentId : base.pyAgentID,
    pyEventType: 'SnapshotEvent',
    pyEventName: 'Snapshot',
    pyAgentState: e.pyAgentState,
    pyReasonCode: e.pyReasonCode,
    pyWorkMode: e.pyWorkMode,
    pyDeviceState: e.pyDeviceState,
    pyLinkState: e.pyLinkState,
    pyCalls: (e.pyCalls ?? []).map((c) => ({ pyCallID: c.pyCallId, pyCallState: c.pyCallState, pyOtherDN: c.pyOtherDN })),
  };
}

/** Default of {@link ServerEventStreamOptions.maxCallInfo}. */
export const DEFAULT_MAX_SERVER_CALL_INFO = 4096;

/** Options of {@link ServerEventStream}. */
export interface ServerEventStreamOptions {
  /** Most calls whose latest call data is remembered (oldest forgotten first). Default {@link DEFAULT_MAX_SERVER_CALL_INFO}. */
  readonly maxCallInfo?: number;
}

/**
 * Turns the link's per-agent OpenCTI events into server-side events, in order, with the call's
 * data on its call events. The link emits a new call's Alerting just before its CallInfoEvent (in
 * the same turn); Pega's call treatment runs on Offering and maps call data from it (`pyOffering`),
 * so an Offering is held until the end of the current turn (a microtask) and gets that CallInfo's
 * pyNamedVariables. Any other event of the same DN first releases the held Offering, so order is
 * kept.
 */
export class ServerEventStream {
  private readonly sink: (event: PegaServerEvent, context: ServerEventContext, original: PegaEvent) => void;
  private readonly maxCallInfo: number;
  /** `dn callId` → latest CallInfoEvent. */
  private readonly callInfo = new Map<string, CallInfoEvent>();
  /** Held Offerings by DN. */
  private readonly held = new Map<string, { event: CallStateEvent; context: ServerEventContext }>();

  constructor(sink: (event: PegaServerEvent, context: ServerEventContext, original: PegaEvent) => void, options: ServerEventStreamOptions = {}) {
    this.sink = sink;
    this.maxCallInfo = Math.max(1, options.maxCallInfo ?? DEFAULT_MAX_SERVER_CALL_INFO);
  }

  /** One event of the link for `context`. */
  push(event: PegaEvent, context: ServerEventContext): void {
    const dn = context.dn;
    if (event.pyEventType === 'CallInfoEvent') this.remember(dn, event);
    const held = this.held.get(dn);
    if (held !== undefined) {
      this.held.delete(dn);
      this.emitCall(held.event, held.context);
    }
    if (event.pyEventType === 'CallStateEvent' && event.pyEventName === 'Alerting') {
      this.held.set(dn, { event, context });
      queueMicrotask(() => this.release(dn, event));
      return;
    }
    if (event.pyEventType === 'CallStateEvent') {
      this.emitCall(event, context);
      if (event.pyEventName === 'Disconnected' || event.pyEventName === 'Abandoned') this.callInfo.delete(`${dn} ${event.pyCallId}`);
      return;
    }
    this.sink(toServerEvent(event, context), context, event);
  }

  /** Releases every held Offering now. */
  flush(): void {
    for (const [dn, held] of [...this.held]) {
      this.held.delete(dn);
      this.emitCall(held.event, held.context);
    }
  }

  private release(dn: string, event: CallStateEvent): void {
    const held = this.held.get(dn);
    if (held === undefined || held.event !== event) return;
    this.held.delete(dn);
    this.emitCall(held.event, held.context);
  }

  private emitCall(event: CallStateEvent, context: ServerEventContext): void {
    this.sink(toServerEvent(event, context, this.callInfo.get(`${context.dn} ${event.pyCallId}`)), context, event);
  }

  private remember(dn: string, info: CallInfoEvent): void {
    setNewest(this.callInfo, `${dn} ${info.pyCallId}`, info, this.maxCallInfo);
  }
}
