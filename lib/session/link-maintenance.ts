/**
 * Link maintenance for a session: the systemStatus keep-alive we send (ECMA-269 System Status
 * used as a heartbeat) and the scheduling of reconnect attempts after the link drops. Both are
 * small state holders that call back into the session; the session owns the state machine.
 */
import { InvokeIdsExhaustedError, TimeoutError } from './errors.js';
import type { ReconnectPolicy } from './options.js';

/** What the keep-alive needs from the session. */
export interface KeepAliveHost {
  /** True while the session is associated (keep-alives are sent only then). */
  associated(): boolean;
  /** Sends systemStatus `normal` with this timeout. */
  ping(timeoutMs: number): Promise<unknown>;
  /** `missed` keep-alives in a row went unanswered. */
  degraded(missed: number): void;
  /** A keep-alive was answered after one or more had been missed. */
  recovered(): void;
  /** Too many were missed: the link is dead. */
  dropLink(): void;
}

/**
 * Sends a keep-alive every `intervalMs` (0 = none); each must be answered within the interval.
 * After `maxMisses` unanswered in a row the link is dropped.
 */
export class KeepAlive {
  private timer: ReturnType<typeof setInterval> | undefined;
  private missed = 0;

  constructor(
    private readonly host: KeepAliveHost,
    private readonly intervalMs: number,
    private readonly maxMisses: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.stop();
    this.missed = 0;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One keep-alive. Unanswered in time (TimeoutError) or not sent because every invoke id is in
   * flight (InvokeIdsExhaustedError: the switch is not answering) counts as missed. Runs from a
   * timer, so nothing may escape it: a ping that throws instead of rejecting is handled the same.
   */
  private tick(): void {
    if (!this.host.associated()) return;
    let ping: Promise<unknown>;
    try {
      ping = this.host.ping(this.intervalMs);
    } catch (e) {
      ping = Promise.reject(e);
    }
    ping
      .then(() => {
        if (this.missed > 0 && this.host.associated()) this.host.recovered();
        this.missed = 0;
      })
      .catch((e: unknown) => {
        if (!(e instanceof TimeoutError) && !(e instanceof InvokeIdsExhaustedError)) return;
        this.missed++;
        this.host.degraded(this.missed);
        if (this.missed >= this.maxMisses) this.host.dropLink();
      })
      .catch(() => undefined);
  }
}

/** What reconnect scheduling needs from the session. */
export interface ReconnectHost {
  /** Attempt `attempt` is due in `delayMs` (the session goes to `reconnecting`). */
  scheduled(attempt: number, delayMs: number, error: Error | undefined): void;
  /** The policy gave up: close with this error. */
  gaveUp(error: Error | undefined): void;
  /** Runs attempt `attempt` (the session skips it when it was closed meanwhile). */
  attempt(attempt: number): Promise<void>;
  /** An attempt failed: the session drops what it opened and schedules the next one. */
  failed(attempt: number, error: Error): void;
}

/** Asks the policy for each attempt's delay and runs attempts until one succeeds or it gives up. */
export class ReconnectScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly policy: ReconnectPolicy | false,
    private readonly host: ReconnectHost,
  ) {}

  /** Schedules attempt `attempt` after the link was lost (or the previous attempt failed) with `error`. */
  schedule(attempt: number, error: Error | undefined): void {
    const delay = this.policy === false ? null : this.policy(attempt);
    if (delay === null) {
      this.host.gaveUp(error);
      return;
    }
    this.host.scheduled(attempt, delay, error);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.host
        .attempt(attempt)
        .catch((e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          this.host.failed(attempt, err);
        });
    }, delay);
  }

  /** Cancels a scheduled attempt (the session is closing). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
