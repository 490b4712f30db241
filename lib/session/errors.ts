/**
 * Errors the session raises. Assert on class and `code`, never on message text.
 */
import { CstaError } from '../../protocol/errors.js';
import type { RejectProblem } from '../../protocol/rose/pdu.js';
import type { UniversalFailure } from '../../protocol/csta/types/error-definition.js';

/** A request got no answer within its timeout. */
export class TimeoutError extends CstaError {
  readonly invokeId: number;
  readonly operation: string;
  readonly timeoutMs: number;
  constructor(operation: string, invokeId: number, timeoutMs: number) {
    super('TIMEOUT', `${operation} (invokeId ${invokeId}) got no answer within ${timeoutMs} ms`, { retriable: true });
    this.invokeId = invokeId;
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** The connection closed (or was never open) while the request was pending. */
export class ConnectionClosedError extends CstaError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super('CONNECTION_CLOSED', `connection closed: ${reason}`, { retriable: true, ...options });
  }
}

/** The switch answered with a CSTA error (`returnError` with `universalFailure`). */
export class RemoteOperationError extends CstaError {
  readonly operation: string;
  readonly invokeId: number;
  /** The CSTA error: `{ operation: 'invalidCallID' }`, `{ stateIncompatibility: ... }`, ... */
  readonly failure: UniversalFailure | undefined;
  /** Category and value names, e.g. `operation` / `invalidCallID`, for quick matching. */
  readonly category: string;
  readonly value: string;
  constructor(operation: string, invokeId: number, failure: UniversalFailure | undefined, raw?: string) {
    const [category, value] = failure === undefined ? ['unknown', raw ?? 'unknown'] : describeFailure(failure);
    super('REMOTE_ERROR', `${operation} failed: ${category} ${value}`);
    this.operation = operation;
    this.invokeId = invokeId;
    this.failure = failure;
    this.category = category;
    this.value = value;
  }
}

/** The switch rejected the PDU (ROSE reject). */
export class RejectedError extends CstaError {
  readonly operation: string;
  readonly invokeId: number;
  readonly problem: RejectProblem;
  constructor(operation: string, invokeId: number, problem: RejectProblem) {
    const [kind, value] = Object.entries(problem)[0] ?? ['unknown', 'unknown'];
    super('REJECTED', `${operation} (invokeId ${invokeId}) rejected: ${kind} ${String(value)}`);
    this.operation = operation;
    this.invokeId = invokeId;
    this.problem = problem;
  }
}

/**
 * Every invoke id of the session's range is taken by a request still waiting for its answer (a
 * switch that stops answering, or more requests at once than the range holds): the request was
 * not sent. Retriable once answers or timeouts free ids.
 */
export class InvokeIdsExhaustedError extends CstaError {
  readonly operation: string;
  /** How many ids the range holds (all of them in flight). */
  readonly capacity: number;
  constructor(operation: string, capacity: number) {
    super('INVOKE_IDS_EXHAUSTED', `${operation} not sent: all ${capacity} invoke ids are in flight`, { retriable: true });
    this.operation = operation;
    this.capacity = capacity;
  }
}

/**
 * The switch answered a request with the result of another operation (same invoke id, wrong
 * operation): the result is not used, the request fails with this error.
 */
export class ReplyMismatchError extends CstaError {
  readonly operation: string;
  readonly invokeId: number;
  /** The operation the switch's result named. */
  readonly received: string;
  constructor(operation: string, invokeId: number, received: string) {
    super('REPLY_MISMATCH', `${operation} (invokeId ${invokeId}) was answered with a ${received} result`);
    this.operation = operation;
    this.invokeId = invokeId;
    this.received = received;
  }
}

/** A request was made in a state that does not allow it (not associated, released...). */
export class SessionStateError extends CstaError {
  constructor(message: string) {
    super('BAD_STATE', message);
  }
}

/**
 * snapshotDevice data sent in snapshotDeviceData segments grew past the session's
 * `maxSnapshotEntries` before the last segment came; the collection was dropped.
 */
export class SnapshotTooLargeError extends CstaError {
  readonly serviceCrossRefID: string;
  readonly limit: number;
  constructor(serviceCrossRefID: string, limit: number) {
    super('SNAPSHOT_TOO_LARGE', `snapshotDeviceData for serviceCrossRefID ${serviceCrossRefID} exceeds ${limit} entries`);
    this.serviceCrossRefID = serviceCrossRefID;
    this.limit = limit;
  }
}

/** The switch answered with a result the session cannot use (e.g. an alternative the schema does not know). */
export class UnexpectedResultError extends CstaError {
  readonly operation: string;
  constructor(operation: string, detail: string) {
    super('UNEXPECTED_RESULT', `${operation}: unexpected result (${detail})`);
    this.operation = operation;
  }
}

/** Something that must never happen did: a bug, reported instead of corrupting state. */
export class InvariantViolation extends CstaError {
  constructor(message: string) {
    super('INVARIANT_VIOLATION', message);
  }
}

function describeFailure(failure: UniversalFailure): [string, string] {
  const entries = Object.entries(failure as Record<string, unknown>);
  const [category, value] = entries[0] ?? ['unknown', 'unknown'];
  if (typeof value === 'string' || typeof value === 'number') return [category, String(value)];
  return [category, JSON.stringify(value)];
}
