/**
 * Records the events a CstaSession receives, keyed by the monitored device, in the shape
 * `matchExpectations` compares (tests, demos and the session benchmark use it).
 */
import type { CstaSession } from '../session/session.js';
import type { CstaEvent } from '../session/events.js';
import type { Monitor } from '../session/monitors.js';
import type { ObservedEvent } from './scenarios.js';

/** The events recorded so far, with ways to wait for more. */
export interface EventRecorder {
  readonly events: ObservedEvent[];
  /** Resolves once `count` events have been recorded (or rejects after `timeoutMs`). */
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first recorded event (past or future) that satisfies `pred`. */
  waitFor(pred: (e: ObservedEvent) => boolean, timeoutMs?: number): Promise<ObservedEvent>;
  stop(): void;
}

/** Starts recording `session`'s events. */
export function recordEvents(session: CstaSession): EventRecorder {
  const events: ObservedEvent[] = [];
  const waiters = new Set<() => void>();
  const onEvent = (e: CstaEvent, m: Monitor | undefined): void => {
    events.push({ device: m?.device ?? '?', type: e.type, event: 'event' in e ? e.event : e.raw });
    for (const w of [...waiters]) w();
  };
  session.on('event', onEvent);
  const wait = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const now = check();
      if (now !== undefined) {
        resolve(now);
        return;
      }
      const waiter = (): void => {
        const v = check();
        if (v === undefined) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        resolve(v);
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (have ${events.length} events)`));
      }, timeoutMs);
      waiters.add(waiter);
    });
  return {
    events,
    waitForCount: (count, timeoutMs = 5000) => wait(() => (events.length >= count ? true : undefined), timeoutMs, `${count} events`).then(() => undefined),
    waitFor: (pred, timeoutMs = 5000) => wait(() => events.find(pred), timeoutMs, 'a matching event'),
    stop: () => session.off('event', onEvent),
  };
}
