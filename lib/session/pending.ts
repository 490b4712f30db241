/**
 * Invoke-id allocation and request correlation. Each pending request moves
 * `pending → settled` exactly once; a reply for an id that is not pending (late, after a timeout,
 * or never sent) is reported to the caller of `settle*` as `false` and otherwise ignored.
 */
import { InvariantViolation, InvokeIdsExhaustedError, ReplyMismatchError, TimeoutError } from './errors.js';
import { ConnectionClosedError } from './errors.js';

export interface InvokeIdRange {
  /** Smallest id used. @default 1 */
  readonly min?: number;
  /** Largest id used before wrapping. @default 32767 */
  readonly max?: number;
}

interface Pending {
  readonly operation: string;
  readonly timeoutMs: number;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
  /** Pre-allocated so the stack shows the caller's call site. */
  readonly timeoutError: TimeoutError | undefined;
}

export class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  private readonly min: number;
  private readonly max: number;
  private next: number;

  constructor(range: InvokeIdRange = {}) {
    this.min = range.min ?? 1;
    this.max = range.max ?? 32767;
    if (!(this.min <= this.max)) throw new RangeError('invokeId range is empty');
    this.next = this.min;
  }

  get size(): number {
    return this.pending.size;
  }

  /** How many ids the range holds: at most this many requests are in flight at once. */
  get capacity(): number {
    return this.max - this.min + 1;
  }

  /** Next free id, wrapping within the range and skipping ids still in flight; undefined when every id is in flight. */
  tryAllocate(): number | undefined {
    const span = this.capacity;
    if (this.pending.size >= span) return undefined;
    for (let tries = 0; tries < span; tries++) {
      const id = this.next;
      this.next = id === this.max ? this.min : id + 1;
      if (!this.pending.has(id)) return id;
    }
    return undefined;
  }

  /** Like `tryAllocate`, but throws InvokeIdsExhaustedError when every id is in flight. */
  allocate(operation = 'request'): number {
    const id = this.tryAllocate();
    if (id === undefined) throw new InvokeIdsExhaustedError(operation, this.capacity);
    return id;
  }

  /** Registers a request; the promise settles on reply, timeout or `rejectAll`. */
  track<T>(invokeId: number, operation: string, timeoutMs: number, asyncStack = true): Promise<T> {
    if (this.pending.has(invokeId)) throw new InvariantViolation(`invokeId ${invokeId} already in flight`);
    return new Promise<T>((resolve, reject) => {
      const timeoutError = asyncStack && timeoutMs > 0 ? new TimeoutError(operation, invokeId, timeoutMs) : undefined;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              if (this.pending.delete(invokeId)) reject(timeoutError ?? new TimeoutError(operation, invokeId, timeoutMs));
            }, timeoutMs)
          : undefined;
      timer?.unref?.();
      this.pending.set(invokeId, { operation, timeoutMs, resolve: resolve as (v: unknown) => void, reject, timer, timeoutError });
    });
  }

  operationOf(invokeId: number): string | undefined {
    return this.pending.get(invokeId)?.operation;
  }

  /** The timeout a pending request was tracked with (undefined when nothing is pending under that id). */
  timeoutOf(invokeId: number): number | undefined {
    return this.pending.get(invokeId)?.timeoutMs;
  }

  /** Settles with a value; returns false if nothing was pending under that id. */
  resolve(invokeId: number, value: unknown): boolean {
    const p = this.take(invokeId);
    if (p === undefined) return false;
    p.resolve(value);
    return true;
  }

  /**
   * Whether a result naming `operation` answers what is pending under `invokeId`: the same
   * operation, or a result that names none (an empty returnResult). False when nothing is pending.
   */
  matches(invokeId: number, operation: string | undefined): boolean {
    const pending = this.pending.get(invokeId)?.operation;
    return pending !== undefined && (operation === undefined || operation === pending);
  }

  /**
   * Settles with a returnResult naming `operation` (undefined: it names none): resolves with
   * `value` when the operation is the pending request's, else rejects it with ReplyMismatchError.
   * Returns false if nothing was pending under that id.
   */
  settleResult(invokeId: number, operation: string | undefined, value: unknown): boolean {
    const pending = this.pending.get(invokeId)?.operation;
    if (pending === undefined) return false;
    if (operation === undefined || operation === pending) return this.resolve(invokeId, value);
    return this.reject(invokeId, new ReplyMismatchError(pending, invokeId, operation));
  }

  /** Settles with an error; returns false if nothing was pending under that id. */
  reject(invokeId: number, error: Error): boolean {
    const p = this.take(invokeId);
    if (p === undefined) return false;
    p.reject(error);
    return true;
  }

  /** Rejects everything pending (connection lost). */
  rejectAll(error: Error = new ConnectionClosedError('closed')): void {
    const all = [...this.pending.values()];
    for (const p of all) if (p.timer !== undefined) clearTimeout(p.timer);
    this.pending.clear();
    for (const p of all) p.reject(error);
  }

  private take(invokeId: number): Pending | undefined {
    const p = this.pending.get(invokeId);
    if (p === undefined) return undefined;
    this.pending.delete(invokeId);
    if (p.timer !== undefined) clearTimeout(p.timer);
    return p;
  }
}
