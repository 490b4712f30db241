/**
 * Which instance holds a link's PBX association: a lease in the NATS key-value store.
 *
 * One bucket per link (`csta_lease_<link>`), whose TTL is the lease's: the holder's entry vanishes
 * `ttlMs` after its last write. Taking the lease is `create` (succeeds only when the key has no
 * live value); renewing is `update` with the revision last written, a compare-and-set the
 * server refuses once another instance took over. The revision won at `create` is the holder's
 * epoch: KV revisions are stream sequences and only grow, so each takeover has a larger epoch
 * (publisher.ts stamps it on every event).
 *
 * The holder also keeps a local deadline: `ttlMs - safetyMs` after the start of its last
 * successful write it gives the lease up by itself, before the server can let anyone else in,
 * even when NATS cannot be reached to hear about it.
 */
import { EventEmitter } from 'node:events';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { KV } from '@nats-io/kv';
import { NatsLinkError, NatsLinkErrorCode } from './errors.js';
import { safeName } from './stream.js';

/** Default {@link LeaseOptions.ttlMs}. */
export const DEFAULT_LEASE_TTL_MS = 5000;
/** Shortest lease accepted (the server expires KV entries about once a second at best for shorter TTLs). */
export const MIN_LEASE_TTL_MS = 500;
/** The key holding the lease in the link's bucket. */
export const LEASE_KEY = 'holder';

/** Options of {@link NatsLease}. */
export interface LeaseOptions {
  /** Link name. */
  readonly link: string;
  /** This instance's name (stored as the holder). */
  readonly owner: string;
  /** Lease lifetime without renewal, ms. Default {@link DEFAULT_LEASE_TTL_MS}. */
  readonly ttlMs?: number;
  /** Renewal period, ms; default a third of the TTL. */
  readonly renewEveryMs?: number;
  /** How often a standby tries to take the lease, ms; default a twentieth of the TTL (at least 50). */
  readonly pollMs?: number;
  /** Margin before the TTL at which the holder gives up by itself, ms; default a fifth of the TTL. */
  readonly safetyMs?: number;
  /** Bucket name; default `csta_lease_<safeName(link)>`. */
  readonly bucket?: string;
}

/** Why the lease was lost. */
export type LeaseLossReason = 'taken' | 'expired' | 'stopped';

/** The stored value. */
export interface LeaseHolder {
  readonly owner: string;
  /** When the holder took the lease (its clock, ms since the epoch). */
  readonly since: number;
}

/** Events of {@link NatsLease}. */
export interface LeaseEvents {
  /** This instance now holds the lease; `epoch` is the KV revision it won. */
  acquired: [epoch: number];
  /** This instance no longer holds the lease. */
  lost: [reason: LeaseLossReason];
  /** A KV operation failed (the lease goes on trying). */
  error: [error: Error];
}

function wrongSequence(e: unknown): boolean {
  return e instanceof JetStreamApiError && (e.code === JetStreamApiCodes.StreamWrongLastSequence || e.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);
}

/** See the file header. */
export class NatsLease extends EventEmitter<LeaseEvents> {
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  readonly pollMs: number;
  readonly safetyMs: number;
  private readonly kv: KV;
  private readonly owner: string;
  private revision = 0;
  private epoch_ = 0;
  private since = 0;
  private lastOk = 0;
  private lastAttempt = 0;
  private busy = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(kv: KV, options: LeaseOptions, ttlMs: number) {
    super();
    this.kv = kv;
    this.owner = options.owner;
    this.ttlMs = ttlMs;
    this.renewEveryMs = options.renewEveryMs ?? Math.floor(ttlMs / 3);
    this.pollMs = options.pollMs ?? Math.max(50, Math.floor(ttlMs / 20));
    this.safetyMs = options.safetyMs ?? Math.floor(ttlMs / 5);
    if (this.renewEveryMs <= 0 || this.renewEveryMs >= ttlMs - this.safetyMs || this.pollMs <= 0) {
      throw new NatsLinkError(NatsLinkErrorCode.BadConfig, `lease timings: renewEveryMs ${this.renewEveryMs} must be positive and below ttlMs - safetyMs (${ttlMs - this.safetyMs}); pollMs ${this.pollMs} positive`);
    }
  }

  /** Opens (creating when missing) the link's lease bucket. */
  static async open(js: JetStreamClient, options: LeaseOptions): Promise<NatsLease> {
    const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    if (!Number.isSafeInteger(ttlMs) || ttlMs < MIN_LEASE_TTL_MS) throw new NatsLinkError(NatsLinkErrorCode.BadConfig, `lease ttlMs must be an integer of at least ${MIN_LEASE_TTL_MS} (got ${ttlMs})`);
    const kv = await new Kvm(js).create(options.bucket ?? `csta_lease_${safeName(options.link)}`, { ttl: ttlMs, history: 1 });
    return new NatsLease(kv, options, ttlMs);
  }

  /** True while this instance holds the lease. */
  get held(): boolean {
    return this.revision !== 0;
  }

  /** The epoch of the current holding (0 when not held). */
  get epoch(): number {
    return this.held ? this.epoch_ : 0;
  }

  /** Who holds the lease now, if anyone. */
  async holder(): Promise<LeaseHolder | undefined> {
    const e = await this.kv.get(LEASE_KEY);
    if (e === null || e.operation !== 'PUT') return undefined;
    return e.json<LeaseHolder>();
  }

  /** Starts contending (and, once held, renewing). */
  start(): void {
    if (this.timer !== undefined) return;
    const tick = Math.max(10, Math.min(this.pollMs, Math.floor(this.renewEveryMs / 2)));
    this.timer = setInterval(() => this.tick(), tick);
    this.tick();
  }

  /** Stops; a held lease is deleted (compare-and-set on its revision) so a standby takes over at its next poll. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const revision = this.revision;
    if (revision === 0) return;
    this.lose('stopped');
    await this.kv.delete(LEASE_KEY, { previousSeq: revision }).catch(() => undefined);
  }

  private tick(): void {
    const now = Date.now();
    if (this.held && now >= this.lastOk + this.ttlMs - this.safetyMs) {
      this.lose('expired');
      return;
    }
    if (this.busy) return;
    if (this.held) {
      if (now - this.lastOk >= this.renewEveryMs) void this.renew(now);
    } else if (now - this.lastAttempt >= this.pollMs) {
      void this.acquire(now);
    }
  }

  private value(): string {
    return JSON.stringify({ owner: this.owner, since: this.since } satisfies LeaseHolder);
  }

  private async acquire(startedAt: number): Promise<void> {
    this.busy = true;
    this.lastAttempt = startedAt;
    try {
      this.since = startedAt;
      const revision = await this.kv.create(LEASE_KEY, this.value());
      if (this.timer === undefined) {
        await this.kv.delete(LEASE_KEY, { previousSeq: revision }).catch(() => undefined);
        return;
      }
      this.revision = revision;
      this.epoch_ = revision;
      this.lastOk = startedAt;
      this.emit('acquired', revision);
    } catch (e) {
      if (!wrongSequence(e)) this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async renew(startedAt: number): Promise<void> {
    const revision = this.revision;
    this.busy = true;
    try {
      const next = await this.kv.update(LEASE_KEY, this.value(), revision);
      if (this.revision !== revision) return; // lost meanwhile (deadline): do not resurrect
      this.revision = next;
      this.lastOk = startedAt;
    } catch (e) {
      if (this.revision !== revision) return;
      if (wrongSequence(e)) this.lose('taken');
      else this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private lose(reason: LeaseLossReason): void {
    if (!this.held) return;
    this.revision = 0;
    this.emit('lost', reason);
  }

  private fail(e: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', e instanceof Error ? e : new Error(String(e)));
  }
}
