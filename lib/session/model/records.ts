/**
 * The mutable records the call model keeps (its public views are copies, see types.ts).
 */
import type { AgentStatus, CallDirection, CallInfo, ConnectionState } from './types.js';

/** `T` with its fields writable. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A connection record (mutable inside the model). */
export interface ConnectionRecord {
  readonly device: string;
  state: ConnectionState;
  localID: string | undefined;
  /** `CallStore.sequence` of the last update that set this connection's state. */
  seq: number;
}

/** A call record (mutable inside the model). */
export interface CallRecord {
  readonly callID: string;
  readonly connections: Map<string, ConnectionRecord>;
  readonly info: Mutable<CallInfo>;
  readonly directions: Map<string, CallDirection>;
  /** Device of the connection whose ConnectionID device part is each localID (dynamic IDs), so a lookup by localID is not a scan of the call. */
  readonly localIDs: Map<string, string>;
  /**
   * A monitored device the call was diverted to, whose own report (delivered, queued, failed) is
   * awaited: it keeps the call alive without a connection of its own.
   */
  awaiting: string | undefined;
}

/** The call-level data of a call nothing is known of yet. */
export function emptyInfo(): Mutable<CallInfo> {
  return {
    callingDevice: undefined,
    calledDevice: undefined,
    originallyCalledDevice: undefined,
    lastRedirectionDevice: undefined,
    cause: undefined,
    correlatorData: undefined,
    userData: undefined,
    consultationCallID: undefined,
    consultedFromCallID: undefined,
    networkReached: false,
  };
}

/** Whether two agent states are equal (no agentChanged between them). */
export function sameAgent(a: AgentStatus, b: AgentStatus): boolean {
  return (
    a.state === b.state &&
    a.loggedOn === b.loggedOn &&
    a.agentID === b.agentID &&
    a.reasonCode === b.reasonCode &&
    a.pendingState === b.pendingState &&
    a.acdGroups.length === b.acdGroups.length &&
    a.acdGroups.every((g, i) => b.acdGroups[i] === g)
  );
}
