/**
 * Public value types of the call model: read-only views of calls, connections, devices and agents,
 * and the `ModelChange` notifications the model emits (for a UI or the Pega layer).
 */
import type { LocalConnectionState } from '../../../protocol/csta/types/connection-states.js';
import type { EventCause } from '../../../protocol/csta/types/event-cause.js';

/**
 * An ECMA-269 LocalConnectionState by its ASN.1 identifier:
 * ```asn1
 * LocalConnectionState ::= [APPLICATION 14] IMPLICIT ENUMERATED
 * {	null (0), initiated (1), alerting (2), connected (3), hold (4), queued (5), fail (6) }
 * ```
 * (values the enumeration does not name are not kept by the model).
 */
export type ConnectionState = Exclude<LocalConnectionState, number>;

/** A call's direction as seen by one monitored device. */
export type CallDirection = 'inbound' | 'outbound' | 'internal' | 'unknown';

/** One connection (device in a call) and its ECMA-269 LocalConnectionState. */
export interface ConnectionView {
  /** Device key (dialing number, see `deviceKey()`), or `dyn:<hex>` for a dynamic local device ID. */
  readonly device: string;
  readonly state: ConnectionState;
  /** Key of the ConnectionID's device part when it differs from `device` (dynamic IDs). */
  readonly localID: string | undefined;
}

/** Call-level data, accumulated from the events of all monitored devices. */
export interface CallInfo {
  readonly callingDevice: string | undefined;
  readonly calledDevice: string | undefined;
  /** The first called device reported for this call (before any redirection). */
  readonly originallyCalledDevice: string | undefined;
  readonly lastRedirectionDevice: string | undefined;
  /** Cause of the most recent event for the call. */
  readonly cause: EventCause | undefined;
  /** CorrelatorData, lower-case hex. */
  readonly correlatorData: string | undefined;
  /** UserData (UUI), lower-case hex. */
  readonly userData: string | undefined;
  /** The consultation call placed from this call (this call is held meanwhile). */
  readonly consultationCallID: string | undefined;
  /** For a consultation call: the call it consults from. */
  readonly consultedFromCallID: string | undefined;
  /** True once a networkReached event showed the call leaves the switch. */
  readonly networkReached: boolean;
}

/** A call as the model knows it. */
export interface CallView extends CallInfo {
  readonly callID: string;
  readonly connections: readonly ConnectionView[];
  /** Direction per monitored device that has (or had) a connection in the call. */
  readonly directions: Readonly<Record<string, CallDirection>>;
}

/** Agent work states (from the logical-device agent events). */
export type AgentWorkState = 'loggedOff' | 'loggedOn' | 'ready' | 'notReady' | 'workingAfterCall' | 'busy';

/** Pending agent state announced by agentBusy / agentWorkingAfterCall. */
export type PendingAgentWorkState = 'notReady' | 'ready' | 'workingAfterCall' | 'null';

/** The agent state of one device. */
export interface AgentStatus {
  readonly state: AgentWorkState;
  readonly loggedOn: boolean;
  /** AgentID (lower-case hex of the OCTET STRING). */
  readonly agentID: string | undefined;
  /** ACD groups the agent is logged on to, as device keys. */
  readonly acdGroups: readonly string[];
  /** The reason of the last state (the event cause, e.g. for notReady). */
  readonly reasonCode: EventCause | undefined;
  readonly pendingState: PendingAgentWorkState | undefined;
}

/** A device: its connections in calls and, if known, its agent state. */
export interface DeviceView {
  readonly device: string;
  /** True while the device is monitored (events or snapshots were applied for it and it was not forgotten). */
  readonly monitored: boolean;
  readonly connections: readonly { readonly callID: string; readonly state: ConnectionState }[];
  readonly agent: AgentStatus | undefined;
}

/** Why a call left the model. */
export type CallRemovalReason =
  /** callCleared. */
  | 'cleared'
  /** No monitored device is left in the call (connectionCleared, diversion away, transfer away). */
  | 'idle'
  /** A snapshot of the only monitored device in it no longer lists it. */
  | 'resync'
  /** Its monitored devices were forgotten. */
  | 'forgotten'
  /** Evicted by the `maxCalls` cap. */
  | 'evicted';

/** Kind of call merge. */
export type MergeKind = 'transfer' | 'conference';

/**
 * A change the model made, in the order made. Read the call (`CallModel.call(callID)`) for the
 * details; a consumer that mirrors the model needs nothing else.
 */
export type ModelChange =
  /** A call is seen for the first time (its connections follow as connectionChanged). */
  | { readonly type: 'callAdded'; readonly callID: string }
  /** The call is gone with all its connections (no connectionChanged for them). */
  | { readonly type: 'callRemoved'; readonly callID: string; readonly reason: CallRemovalReason }
  /** A connection's LocalConnectionState changed. */
  | {
      readonly type: 'connectionChanged';
      readonly callID: string;
      readonly device: string;
      /** `'null'` when the connection is new. */
      readonly from: ConnectionState;
      /** `'null'` when the connection left the call. */
      readonly to: ConnectionState;
    }
  | {
      /**
       * The call was diverted from `from` (whose connection left: a connectionChanged to `null`
       * precedes this) towards `to` (whose connection appears once its state is reported).
       */
      readonly type: 'callDiverted';
      readonly callID: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      /**
       * Transfer or conference: the `oldCallIDs` no longer exist (no callRemoved for them) and
       * their remaining connections are now in `callID`, which is new (no callAdded for it) unless
       * it was one of the old calls. Connection changes made by the merge follow.
       */
      readonly type: 'callMerged';
      readonly kind: MergeKind;
      readonly oldCallIDs: readonly string[];
      readonly callID: string;
    }
  /** Call-level data changed (the names of the changed `CallInfo` fields, or `directions`). */
  | { readonly type: 'callUpdated'; readonly callID: string; readonly fields: readonly (keyof CallInfo | 'directions')[] }
  /** A device's agent state changed. */
  | { readonly type: 'agentChanged'; readonly device: string; readonly from: AgentStatus | undefined; readonly to: AgentStatus };

/** Counters of the model. */
export interface ModelStats {
  readonly calls: number;
  readonly connections: number;
  /** Devices with at least one connection. */
  readonly devices: number;
  /** Calls evicted by the `maxCalls` cap. */
  readonly evictions: number;
  /** PBX input that broke the model's expectations (tolerated). */
  readonly anomalies: number;
  /** Anomalies by kind. */
  readonly anomalyKinds: Readonly<Record<string, number>>;
}

/** Options of `CallModel`. */
export interface CallModelOptions {
  /** Maximum number of calls kept; the least recently active are evicted beyond it. Default 100 000. */
  readonly maxCalls?: number;
  /**
   * Most connections one call keeps; a connection past it is not kept (counted in
   * `stats().anomalyKinds.tooManyConnections`). A switch reporting ever more parties joining one
   * call would otherwise grow it, and the work per event, without bound. Default
   * `DEFAULT_MAX_CONNECTIONS_PER_CALL` (256).
   */
  readonly maxConnectionsPerCall?: number;
  /**
   * Whether a device is inside the switch (for `internal` directions). Default: the device is
   * monitored by this model.
   */
  readonly isInternal?: (device: string) => boolean;
}
