/**
 * Publishes a link's CSTA events (`csta.L.<device>.<event>`) and Pega events (`pega.L.<agent>`)
 * to JetStream, so other services and the link's other instances consume them.
 *
 * Every message carries `Nats-Msg-Id: <link>:<epoch>:<seq>`: the epoch is the lease revision the
 * publishing instance won (lease.ts), so ids never repeat across instances or restarts, and a
 * publish retried after a lost PubAck is stored once (the stream's duplicate window). The epoch
 * also goes out as the `Csta-Link-Epoch` header so a consumer can ignore a deposed instance
 * (see {@link isStaleEpoch}).
 *
 * Publishes are started in event order on one connection (so the stream keeps that order) and
 * at most {@link DEFAULT_MAX_PENDING_PUBLISHES} wait for their PubAck; past that, events are
 * dropped and counted, never queued without bound.
 */
import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';
import { headers } from '@nats-io/transport-node';
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import type { CstaEvent } from '../../session/events.js';
import type { Monitor } from '../../session/monitors.js';
import type { PegaEvent } from '../../pega/types.js';
import { LinkSubjects } from './subjects.js';
import { DEFAULT_MAX_EVENT_BYTES } from './stream.js';
import type { CstaEventListener, CstaEventSource, PegaEventListenerFn, PegaEventSource } from './types.js';

/** Default {@link EventPublisherOptions.maxPending}: publishes waiting for a PubAck. */
export const DEFAULT_MAX_PENDING_PUBLISHES = 1000;
/** Default {@link EventPublisherOptions.publishTimeoutMs}. */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 2000;
/** Default {@link EventPublisherOptions.retries}: re-sends (same message id) after a failed publish. */
export const DEFAULT_PUBLISH_RETRIES = 2;

/** Header naming the lease epoch of the publishing instance. */
export const EPOCH_HEADER = 'Csta-Link-Epoch';
/** Header naming the publishing instance. */
export const INSTANCE_HEADER = 'Csta-Link-Instance';

/** Options of {@link NatsEventPublisher}. */
export interface EventPublisherOptions {
  /** Link name (first token after `csta`/`pega`). */
  readonly link: string;
  /** Lease revision of this instance (message ids and the epoch header); default: the time the publisher was made, in ms. */
  readonly epoch?: number;
  /** This instance's name, sent as a header. */
  readonly instance?: string;
  /** Publishes awaiting their PubAck before new events are dropped. */
  readonly maxPending?: number;
  /** How long to wait for one PubAck, ms. */
  readonly publishTimeoutMs?: number;
  /** Re-sends after a failed publish (same message id, so stored once). */
  readonly retries?: number;
  /** Largest payload; larger events are dropped (reason `too-large`). */
  readonly maxEventBytes?: number;
  /** Publish CSTA events (default true). */
  readonly csta?: boolean;
  /** Publish Pega events (default true). */
  readonly pega?: boolean;
}

/** Why an event was not published. */
export type DropReason = 'backlog' | 'too-large' | 'bad-subject' | 'failed';

/** One event that reached the stream. */
export interface PublishedEvent {
  readonly subject: string;
  /** The `Nats-Msg-Id`. */
  readonly msgId: string;
  /** The stream's acknowledgement (sequence, duplicate flag). */
  readonly ack: PubAck;
}

/** Events of {@link NatsEventPublisher}. */
export interface EventPublisherEvents {
  /** An event was stored (or recognised as a duplicate) by the stream. */
  published: [event: PublishedEvent];
  /** An event was not published. */
  dropped: [reason: DropReason, subject: string, error: Error | undefined];
}

/** Counters of {@link NatsEventPublisher}. */
export interface PublisherStats {
  published: number;
  duplicates: number;
  dropped: Record<DropReason, number>;
}

/** The body of a CSTA event message. */
export interface CstaEventMessage {
  /** The monitored device the event belongs to ("" when no monitor matched its cross reference). */
  readonly device: string;
  /** The flattened event report (octet strings and raw elements as `{ "$hex": "…" }`). */
  readonly event: CstaEvent;
}

/** JSON with binary values as `{ "$hex": "…" }` instead of Node's byte-array form. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Uint8Array) return { $hex: Buffer.from(raw).toString('hex') };
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}

/** True when a message's epoch is older than the newest one a consumer has seen (the sender lost its lease). */
export function isStaleEpoch(epochHeader: string | undefined, newestSeen: number): boolean {
  const epoch = Number(epochHeader);
  return Number.isFinite(epoch) && epoch < newestSeen;
}

/** See the file header. */
export class NatsEventPublisher extends EventEmitter<EventPublisherEvents> {
  readonly epoch: number;
  readonly subjects: LinkSubjects;
  private readonly js: JetStreamClient;
  private readonly options: EventPublisherOptions;
  private readonly maxPending: number;
  private readonly maxBytes: number;
  private seq = 0;
  private pending = 0;
  private readonly idle: (() => void)[] = [];
  private readonly stats_: PublisherStats = { published: 0, duplicates: 0, dropped: { backlog: 0, 'too-large': 0, 'bad-subject': 0, failed: 0 } };
  private readonly detachers: (() => void)[] = [];

  constructor(js: JetStreamClient, options: EventPublisherOptions) {
    super();
    this.js = js;
    this.options = options;
    this.epoch = options.epoch ?? Date.now();
    this.subjects = new LinkSubjects(options.link);
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING_PUBLISHES;
    this.maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  }

  /** Counters (published, duplicates, drops by reason). */
  get stats(): Readonly<PublisherStats> {
    return this.stats_;
  }

  /** Publishes awaiting their PubAck. */
  get inFlight(): number {
    return this.pending;
  }

  /** Publishes every CSTA event of `session` until {@link detach}. */
  attachCsta(session: CstaEventSource): void {
    if (this.options.csta === false) return;
    const f: CstaEventListener = (event, monitor) => this.publishCsta(event, monitor);
    session.on('event', f);
    this.detachers.push(() => session.off('event', f));
  }

  /** Publishes every Pega event of `link` until {@link detach}. */
  attachPega(link: PegaEventSource): void {
    if (this.options.pega === false) return;
    const f: PegaEventListenerFn = (agentId, event) => this.publishPega(agentId, event);
    link.on('event', f);
    this.detachers.push(() => link.off('event', f));
  }

  /** Stops listening to the attached sources (publishes in flight go on; see {@link flush}). */
  detach(): void {
    for (const d of this.detachers.splice(0)) d();
  }

  /** Publishes one CSTA event. */
  publishCsta(event: CstaEvent, monitor: Monitor | undefined): void {
    const device = monitor?.device ?? '';
    const body: CstaEventMessage = { device, event };
    this.publish(() => this.subjects.cstaEvent(device, event.type), () => toJson(body));
  }

  /** Publishes one Pega event. */
  publishPega(agentId: string, event: PegaEvent): void {
    this.publish(() => this.subjects.pegaEvent(agentId), () => JSON.stringify(event));
  }

  /** Resolves when no publish is waiting for its PubAck. */
  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private publish(subjectOf: () => string, bodyOf: () => string): void {
    let subject: string;
    try {
      subject = subjectOf();
    } catch (e) {
      this.drop('bad-subject', '', e as Error);
      return;
    }
    const body = Buffer.from(bodyOf(), 'utf8');
    if (body.length > this.maxBytes) {
      this.drop('too-large', subject, undefined);
      return;
    }
    if (this.pending >= this.maxPending) {
      this.drop('backlog', subject, undefined);
      return;
    }
    const msgId = `${this.subjects.link}:${this.epoch}:${++this.seq}`;
    const h = headers();
    h.set(EPOCH_HEADER, String(this.epoch));
    if (this.options.instance !== undefined) h.set(INSTANCE_HEADER, this.options.instance);
    this.pending++;
    void this.send(subject, body, msgId, h).finally(() => {
      this.pending--;
      if (this.pending === 0) for (const r of this.idle.splice(0)) r();
    });
  }

  private async send(subject: string, body: Buffer, msgId: string, h: ReturnType<typeof headers>): Promise<void> {
    const retries = this.options.retries ?? DEFAULT_PUBLISH_RETRIES;
    let last: Error | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        const ack = await this.js.publish(subject, body, { msgID: msgId, headers: h, timeout: this.options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS });
        if (ack.duplicate) this.stats_.duplicates++;
        else this.stats_.published++;
        if (this.listenerCount('published') > 0) this.emit('published', { subject, msgId, ack });
        return;
      } catch (e) {
        last = e as Error;
      }
    }
    this.drop('failed', subject, last);
  }

  private drop(reason: DropReason, subject: string, error: Error | undefined): void {
    this.stats_.dropped[reason]++;
    if (this.listenerCount('dropped') > 0) this.emit('dropped', reason, subject, error);
  }
}
