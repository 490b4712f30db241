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
  /**
   * Device of the connection whose ConnectionID device part is each localID (dynamic IDs), so a
   * lookup by localID is not a scan of the call; created on the first such localID (most calls
   * have none).
   */
  localIDs: Map<string, string> | undefined;
  /** Call-level fields changed in the update being applied (bits of `CALL_UPDATE_FIELDS`), 0 when none. */
  pending: number;
  /**
   * A monitored device the call was diverted to, whose own report (delivered, queued, failed) is
   * awaited: it keeps the call alive without a connection of its own.
   */
  awaiting: string | undefined;
}

/** The fields a `callUpdated` change can name, in the order it names them; a call's `pending` has bit i for field i. */
export const CALL_UPDATE_FIELDS = [
  'callingDevice',
  'calledDevice',
  'originallyCalledDevice',
  'lastRedirectionDevice',
  'cause',
  'correlatorData',
  'userData',
  'consultationCallID',
  'consultedFromCallID',
  'networkReached',
  'directions',
] as const satisfies readonly (keyof CallInfo | 'directions')[];

/** A field a `callUpdated` change can name. */
export type CallUpdateField = (typeof CALL_UPDATE_FIELDS)[number];

/** Compile-time check: every CallInfo field has a bit (this fails to compile when one is added without it). */
const EVERY_FIELD_HAS_A_BIT: [Exclude<keyof CallInfo, CallUpdateField>] extends [never] ? true : never = true;
void EVERY_FIELD_HAS_A_BIT;

/** Field → its bit in `CallRecord.pending`. */
export const CALL_UPDATE_BIT: Readonly<Record<CallUpdateField, number>> = Object.fromEntries(CALL_UPDATE_FIELDS.map((f, i) => [f, 1 << i])) as Record<CallUpdateField, number>;

/** The fields whose bits are set in `pending`, in `CALL_UPDATE_FIELDS` order. */
export function updateFields(pending: number): CallUpdateField[] {
  const out: CallUpdateField[] = [];
  for (let i = 0; i < CALL_UPDATE_FIELDS.length; i++) if ((pending & (1 << i)) !== 0) out.push(CALL_UPDATE_FIELDS[i]!);
  return out;
}

/** A call record nothing is known of yet. */
export function newCallRecord(callID: string): CallRecord {
  return { callID, connections: new Map(), info: emptyInfo(), directions: new Map(), localIDs: undefined, awaiting: undefined, pending: 0 };
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
