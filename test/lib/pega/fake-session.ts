/**
 * Test double for the session-like interfaces of lib/pega: records every request (operation,
 * argument) and answers from a script, and can emit session events like a CstaSession.
 */
import { EventEmitter } from 'node:events';
import type { SessionEvents } from '../../../lib/session/session.js';
import type { InvokeHandler } from '../../../lib/session/session.js';
import type { Monitor } from '../../../lib/session/monitors.js';
import type { OperationName } from '../../../protocol/csta/operations.js';
import type { PegaLinkSession } from '../../../lib/pega/link.js';
import type { CstaSession } from '../../../lib/session/session.js';

export interface RecordedRequest {
  readonly operation: string;
  readonly argument: unknown;
  readonly timeoutMs: number | undefined;
}

/** An answer: a value to resolve with, an Error to reject with, or a function of the argument. */
export type Answer = unknown | Error | ((argument: unknown) => unknown);

export class FakeSession extends EventEmitter<SessionEvents> {
  readonly requests: RecordedRequest[] = [];
  readonly answers = new Map<string, Answer[]>();
  readonly handlers = new Map<string, InvokeHandler<OperationName>>();
  isAssociated = true;
  private nextCrossRef = 1;

  /** Queues answers for an operation (used in order; the last one repeats). */
  answer(operation: string, ...answers: Answer[]): this {
    this.answers.set(operation, answers);
    return this;
  }

  /** Operations requested, in order. */
  get operations(): string[] {
    return this.requests.map((r) => r.operation);
  }

  /** Link state seen by notify(); false makes notify report "not sent". */
  linkUp = true;

  /** No-reply invokes (routeSelect/routeEnd): recorded like requests, with no timeout. */
  readonly notify = ((operation: string, argument: unknown): boolean => {
    if (!this.linkUp) return false;
    this.requests.push({ operation, argument, timeoutMs: undefined });
    return true;
  }) as CstaSession['notify'];

  readonly request = ((operation: string, argument: unknown, options?: { timeoutMs?: number }): Promise<unknown> => {
    this.requests.push({ operation, argument, timeoutMs: options?.timeoutMs });
    const queue = this.answers.get(operation);
    const next = queue === undefined ? { noData: null } : queue.length > 1 ? queue.shift() : queue[0];
    try {
      const value = typeof next === 'function' ? (next as (a: unknown) => unknown)(argument) : next;
      return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
    } catch (e) {
      return Promise.reject(e);
    }
  }) as PegaLinkSession['request'];

  async monitorStart(device: string): Promise<Monitor> {
    const result = (await this.request('monitorStart', { monitorObject: { deviceObject: { deviceIdentifier: { dialingNumber: device } } } })) as { crossRefIdentifier?: string } | undefined;
    const crossRefIdentifier = result?.crossRefIdentifier ?? String(this.nextCrossRef++).padStart(4, '0');
    return { device, deviceID: { deviceIdentifier: { dialingNumber: device } }, crossRefIdentifier, requestedFilter: undefined };
  }

  async monitorStop(monitor: Monitor): Promise<void> {
    await this.request('monitorStop', { crossRefIdentifier: monitor.crossRefIdentifier });
  }

  handle<N extends OperationName>(operation: N, handler: InvokeHandler<N>): void {
    this.handlers.set(operation, handler as unknown as InvokeHandler<OperationName>);
  }
}
