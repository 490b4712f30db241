/**
 * PegaEventPusher: POSTs each server-side event to a Pega service (the REST service whose
 * activity parses the payload and calls HandleEvent, pega-call-notes §1.1), one JSON envelope per
 * event (docs/pega-server.md, "Events out").
 *
 * - In order per agent: one request in flight per agent (per DN for events without an agent); the
 *   next event of that agent waits for the previous one to be delivered.
 * - Retried: network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and
 *   full jitter, without a limit on attempts, so nothing is lost while Pega is briefly down; any
 *   other answer (a 4xx: Pega refuses the payload and would refuse it again) counts as `rejected`
 *   and the queue moves on.
 * - Bounded: at most `maxQueued` events wait, all agents together. Past that the oldest waiting
 *   event is dropped (never one in flight), counted in `dropped` and reported by a 'dropped' event.
 */
import { EventEmitter } from 'node:events';
import { setNewest } from '../../bounded-map.js';
import type { PegaEvent } from '../types.js';
import type { PegaServerEvent } from '../server-view.js';

/** What is POSTed to Pega for one event. */
export type PegaPushEnvelope = {
  /** The DN the event concerns (what RetrieveDevicePresence looks the CSR up by). */
  readonly dn: string;
  /** The agent logged in at that DN ("" when none). */
  readonly agentId: string;
  /** 1, 2, 3… per agent (per DN when no agent): Pega can spot a gap or a repeat. */
  readonly sequence: number;
  /** When the link produced the event (ISO 8601). */
  readonly timestamp: string;
  /** The ChannelServices-Event-CTILink properties. */
  readonly ctiEvent: PegaServerEvent;
  /** The same event in the OpenCTI JSON schema form, when known. */
  readonly event?: PegaEvent;
};

/** Default of {@link PegaEventPusherOptions.maxQueued}. */
export const DEFAULT_MAX_QUEUED_EVENTS = 10_000;
/** Default of {@link PegaEventPusherOptions.retryBaseMs}. */
export const DEFAULT_PUSH_RETRY_BASE_MS = 100;
/** Default of {@link PegaEventPusherOptions.retryMaxMs}. */
export const DEFAULT_PUSH_RETRY_MAX_MS = 10_000;
/** Default of {@link PegaEventPusherOptions.requestTimeoutMs}. */
export const DEFAULT_PUSH_TIMEOUT_MS = 5000;
/**
 * Most agents/DNs whose sequence counter is remembered; past it the least recently used is
 * forgotten (its next event starts again at 1).
 */
export const MAX_SEQUENCE_KEYS = 100_000;
/** Default of {@link PegaEventPusherOptions.maxConcurrent}. */
export const DEFAULT_PUSH_CONCURRENCY = 8;

/** Options of {@link PegaEventPusher}. */
export interface PegaEventPusherOptions {
  /** The Pega service URL events are POSTed to. */
  readonly url: string | URL;
  /** Value of the `Authorization` header (e.g. `Bearer …`, `Basic …`), or a function giving it per request. */
  readonly authorization?: string | (() => string | Promise<string>);
  /** Further headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Most events waiting, all agents together (drop-oldest past it). Default {@link DEFAULT_MAX_QUEUED_EVENTS}. */
  readonly maxQueued?: number;
  /** First retry delay in ms; doubles per attempt up to `retryMaxMs`, each delay drawn at random below it. Default {@link DEFAULT_PUSH_RETRY_BASE_MS}. */
  readonly retryBaseMs?: number;
  /** Largest retry delay in ms. Default {@link DEFAULT_PUSH_RETRY_MAX_MS}. */
  readonly retryMaxMs?: number;
  /** Time one POST may take in ms. Default {@link DEFAULT_PUSH_TIMEOUT_MS}. */
  readonly requestTimeoutMs?: number;
  /** Most POSTs in flight at once (different agents). Default {@link DEFAULT_PUSH_CONCURRENCY}. */
  readonly maxConcurrent?: number;
  /** The fetch to use. Default: Node's global fetch. */
  readonly fetch?: typeof fetch;
  /** Random numbers in [0, 1) for the jitter (tests). Default Math.random. */
  readonly random?: () => number;
}

/** Why an event was not delivered. */
export type PushDropReason = 'queueFull' | 'closed';

/** Events of the pusher (for logs and metrics). */
export interface PegaEventPusherEvents {
  /** Pega accepted the event (2xx). */
  delivered: [envelope: PegaPushEnvelope, attempts: number];
  /** One attempt failed; it will be retried after `retryInMs`. */
  failure: [envelope: PegaPushEnvelope, error: Error, retryInMs: number];
  /** Pega refused the event with a status that is not retried; it is given up. */
  rejected: [envelope: PegaPushEnvelope, status: number];
  /** The event was discarded without being delivered. */
  dropped: [envelope: PegaPushEnvelope, reason: PushDropReason];
}

/** Counters of {@link PegaEventPusher.stats}. */
export type PegaPushStats = {
  /** Events waiting or in flight. */
  readonly depth: number;
  readonly delivered: number;
  /** Failed attempts (each retried). */
  readonly failures: number;
  readonly rejected: number;
  readonly dropped: number;
};

type Item = { readonly envelope: PegaPushEnvelope; readonly order: number; attempts: number };

type Lane = { readonly key: string; readonly items: Item[]; busy: boolean; timer: ReturnType<typeof setTimeout> | undefined };

/** An HTTP answer worth retrying. */
class RetryableStatus extends Error {
  constructor(readonly status: number) {
    super(`Pega answered HTTP ${status}`);
  }
}

/** Sends events to Pega in order per agent, with retries, a bound and a drop count. */
export class PegaEventPusher extends EventEmitter<PegaEventPusherEvents> {
  private readonly url: string;
  private readonly options: PegaEventPusherOptions;
  private readonly maxQueued: number;
  private readonly lanes = new Map<string, Lane>();
  private readonly sequences = new Map<string, number>();
  private readonly controllers = new Set<AbortController>();
  private readonly waiters = new Set<() => void>();
  private count = 0;
  private order = 0;
  private active = 0;
  private closed = false;
  private deliveredCount = 0;
  private failureCount = 0;
  private rejectedCount = 0;
  private droppedCount = 0;

  constructor(options: PegaEventPusherOptions) {
    super();
    this.url = String(options.url);
    const protocol = new URL(this.url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`Pega event URL must be http or https, not ${protocol}`);
    this.options = options;
    this.maxQueued = Math.max(1, options.maxQueued ?? DEFAULT_MAX_QUEUED_EVENTS);
  }

  /** Events waiting or in flight. */
  get depth(): number {
    return this.count;
  }
  /** Events Pega accepted. */
  get delivered(): number {
    return this.deliveredCount;
  }
  /** Failed attempts (each one retried). */
  get failures(): number {
    return this.failureCount;
  }
  /** Events Pega refused with a status that is not retried. */
  get rejected(): number {
    return this.rejectedCount;
  }
  /** Events discarded: queue full (drop-oldest) or closed with events left. */
  get dropped(): number {
    return this.droppedCount;
  }
  /** All counters at once. */
  get stats(): PegaPushStats {
    return { depth: this.count, delivered: this.deliveredCount, failures: this.failureCount, rejected: this.rejectedCount, dropped: this.droppedCount };
  }

  /**
   * Queues one event for Pega. The envelope gets the next sequence number of its agent (or DN).
   * Returns false (and counts a drop) after {@link close}.
   */
  push(ctiEvent: PegaServerEvent, event?: PegaEvent): boolean {
    const key = ctiEvent.pyAgentID !== '' ? `agent ${ctiEvent.pyAgentID}` : `dn ${ctiEvent.pyDN}`;
    const sequence = (this.sequences.get(key) ?? 0) + 1;
    setNewest(this.sequences, key, sequence, MAX_SEQUENCE_KEYS);
    const envelope: PegaPushEnvelope = { dn: ctiEvent.pyDN, agentId: ctiEvent.pyAgentID, sequence, timestamp: new Date().toISOString(), ctiEvent, ...(event === undefined ? {} : { event }) };
    if (this.closed) {
      this.drop({ envelope, order: 0, attempts: 0 }, 'closed');
      return false;
    }
    while (this.count >= this.maxQueued && this.dropOldest()) {
      // keep dropping until there is room (or only in-flight events are left)
    }
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = { key, items: [], busy: false, timer: undefined };
      this.lanes.set(key, lane);
    }
    lane.items.push({ envelope, order: this.order++, attempts: 0 });
    this.count++;
    this.pump();
    return true;
  }

  /** Resolves true once every queued event is delivered (or given up), false after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(this.count === 0);
      }, Math.max(0, timeoutMs));
      this.waiters.add(done);
    });
  }

  /**
   * Stops: aborts requests in flight, cancels retries and discards what is left (each counted as
   * dropped, reason `closed`). Call {@link flush} first for a graceful stop. Returns the number discarded.
   */
  close(): number {
    if (this.closed) return 0;
    this.closed = true;
    for (const c of this.controllers) c.abort();
    let discarded = 0;
    for (const lane of this.lanes.values()) {
      if (lane.timer !== undefined) clearTimeout(lane.timer);
      for (const item of lane.items.splice(0)) {
        this.drop(item, 'closed');
        discarded++;
      }
    }
    this.lanes.clear();
    this.count = 0;
    this.notifyIdle();
    return discarded;
  }

  // ---- internals -------------------------------------------------------------------------------

  /** Drops the oldest event that is not in flight. False when there is none. */
  private dropOldest(): boolean {
    let best: Lane | undefined;
    let bestIndex = -1;
    for (const lane of this.lanes.values()) {
      const index = lane.busy ? 1 : 0;
      const item = lane.items[index];
      if (item !== undefined && (best === undefined || item.order < (best.items[bestIndex] as Item).order)) {
        best = lane;
        bestIndex = index;
      }
    }
    if (best === undefined) return false;
    const [item] = best.items.splice(bestIndex, 1);
    this.count--;
    if (best.items.length === 0) {
      if (best.timer !== undefined) clearTimeout(best.timer);
      this.lanes.delete(best.key);
    }
    this.drop(item as Item, 'queueFull');
    return true;
  }

  private drop(item: Item, reason: PushDropReason): void {
    this.droppedCount++;
    this.safeEmit('dropped', item.envelope, reason);
  }

  private pump(): void {
    const max = Math.max(1, this.options.maxConcurrent ?? DEFAULT_PUSH_CONCURRENCY);
    for (const lane of this.lanes.values()) {
      if (this.active >= max) return;
      if (lane.busy || lane.timer !== undefined || lane.items.length === 0) continue;
      lane.busy = true;
      this.active++;
      void this.attempt(lane);
    }
  }

  private async attempt(lane: Lane): Promise<void> {
    const item = lane.items[0] as Item;
    item.attempts++;
    let outcome: 'delivered' | 'rejected' | 'retry' = 'retry';
    let status = 0;
    let error: Error | undefined;
    try {
      status = await this.post(item.envelope);
      outcome = status >= 200 && status < 300 ? 'delivered' : 'rejected';
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    this.active--;
    lane.busy = false;
    if (this.closed) return;
    if (outcome === 'retry') {
      this.failureCount++;
      const delay = this.backoff(item.attempts);
      this.safeEmit('failure', item.envelope, error ?? new Error('push failed'), delay);
      lane.timer = setTimeout(() => {
        lane.timer = undefined;
        this.pump();
      }, delay);
    } else {
      lane.items.shift();
      this.count--;
      if (lane.items.length === 0) this.lanes.delete(lane.key);
      if (outcome === 'delivered') {
        this.deliveredCount++;
        this.safeEmit('delivered', item.envelope, item.attempts);
      } else {
        this.rejectedCount++;
        this.safeEmit('rejected', item.envelope, status);
      }
      if (this.count === 0) this.notifyIdle();
    }
    this.pump();
  }

  /** The HTTP status of a 2xx or a 4xx that is not retried; throws for what is retried. */
  private async post(envelope: PegaPushEnvelope): Promise<number> {
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`no answer from Pega within ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const headers: Record<string, string> = { ...this.options.headers, 'content-type': 'application/json' };
      const auth = this.options.authorization;
      if (auth !== undefined) headers.authorization = typeof auth === 'string' ? auth : await auth();
      const doFetch = this.options.fetch ?? fetch;
      const response = await doFetch(this.url, { method: 'POST', headers, body: JSON.stringify(envelope), signal: controller.signal });
      await response.arrayBuffer().catch(() => undefined); // drain, so the connection is reused
      if (response.status === 408 || response.status === 429 || response.status >= 500) throw new RetryableStatus(response.status);
      return response.status;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private get timeoutMs(): number {
    return Math.max(1, this.options.requestTimeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS);
  }

  /** Full jitter: a random delay below min(max, base·2^(attempt-1)), at least 1 ms. */
  private backoff(attempt: number): number {
    const base = Math.max(1, this.options.retryBaseMs ?? DEFAULT_PUSH_RETRY_BASE_MS);
    const max = Math.max(base, this.options.retryMaxMs ?? DEFAULT_PUSH_RETRY_MAX_MS);
    const ceiling = Math.min(max, base * 2 ** Math.min(30, attempt - 1));
    const random = this.options.random ?? Math.random;
    return Math.max(1, Math.floor(random() * ceiling));
  }

  private notifyIdle(): void {
    for (const w of [...this.waiters]) w();
  }

  private safeEmit<K extends keyof PegaEventPusherEvents>(event: K, ...args: PegaEventPusherEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: PegaEventPusherEvents[K]) => boolean)(event, ...args);
    } catch {
      // a listener's failure must not stop delivery
    }
  }
}
