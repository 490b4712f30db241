/**
 * The JetStream stream that keeps a link's events: created when missing, its bounds updated when
 * the config changed. Every bound is named; the stream never grows past any of them (JetStream
 * discards the oldest messages first, `discard: old`).
 *
 * The stream captures exactly `csta.L.*.*` and `pega.L.*` (see subjects.ts), so the request
 * subjects `pega.L.req.<agent>` (4 tokens under `pega`) are never stored — a stream that captured
 * them would answer each request with its own PubAck.
 */
import { createHash } from 'node:crypto';
import { nanos } from '@nats-io/transport-node';
import { DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { NatsLinkError, NatsLinkErrorCode } from './errors.js';
import { LinkSubjects } from './subjects.js';

/** Default {@link LinkStreamConfig.maxAgeMs}: a day of events. */
export const DEFAULT_STREAM_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Default {@link LinkStreamConfig.maxBytes}: 1 GiB. */
export const DEFAULT_STREAM_MAX_BYTES = 1024 * 1024 * 1024;
/** Default {@link LinkStreamConfig.maxMsgs}: ten million events. */
export const DEFAULT_STREAM_MAX_MSGS = 10_000_000;
/** Default {@link LinkStreamConfig.duplicateWindowMs}: how long a `Nats-Msg-Id` is remembered for de-duplication. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60 * 1000;
/** Largest event accepted by the stream (bytes); the publisher drops larger ones before sending. */
export const DEFAULT_MAX_EVENT_BYTES = 256 * 1024;

/** The stream of one link. */
export interface LinkStreamConfig {
  /** Link name (as in the subjects). */
  readonly link: string;
  /** Stream name; default `CSTA_<escaped link>`. */
  readonly name?: string;
  /** Oldest event kept, ms. Default {@link DEFAULT_STREAM_MAX_AGE_MS}. */
  readonly maxAgeMs?: number;
  /** Bytes kept. Default {@link DEFAULT_STREAM_MAX_BYTES}. */
  readonly maxBytes?: number;
  /** Events kept. Default {@link DEFAULT_STREAM_MAX_MSGS}. */
  readonly maxMsgs?: number;
  /** De-duplication window, ms. Default {@link DEFAULT_DUPLICATE_WINDOW_MS}. */
  readonly duplicateWindowMs?: number;
  /** Largest event, bytes. Default {@link DEFAULT_MAX_EVENT_BYTES}. */
  readonly maxEventBytes?: number;
  /** Replicas in a NATS cluster. Default 1. */
  readonly replicas?: number;
  /** `file` (default: survives a server restart) or `memory`. */
  readonly storage?: 'file' | 'memory';
}

/**
 * A link name as a JetStream stream or KV key name part: itself when it is only `A-Z a-z 0-9 _ -`,
 * else those characters plus a hash of the whole name (so distinct links stay distinct). Escaped
 * tokens cannot serve: nats-server 2.9 formats stream names into its ack subjects with Printf, and
 * a `%` there garbles them; KV keys do not allow `%` at all.
 */
export function safeName(link: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(link)) return link;
  const plain = link.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);
  return `${plain}_${createHash('sha256').update(link, 'utf8').digest('hex').slice(0, 12)}`;
}

/** The stream name of a config: `name`, or `CSTA_<safeName(link)>`. */
export function streamName(config: LinkStreamConfig): string {
  return config.name ?? `CSTA_${safeName(config.link)}`;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isSafeInteger(v) || v <= 0) throw new NatsLinkError(NatsLinkErrorCode.BadConfig, `${name} must be a positive integer (got ${String(value)})`);
  return v;
}

/** Creates the link's stream, or updates its bounds and subjects when it exists. Returns its info. */
export async function ensureLinkStream(jsm: JetStreamManager, config: LinkStreamConfig): Promise<StreamInfo> {
  const subjects = new LinkSubjects(config.link);
  const maxAge = positive('maxAgeMs', config.maxAgeMs, DEFAULT_STREAM_MAX_AGE_MS);
  const window = Math.min(positive('duplicateWindowMs', config.duplicateWindowMs, DEFAULT_DUPLICATE_WINDOW_MS), maxAge);
  const bounds = {
    subjects: [subjects.cstaEvents(), subjects.pegaEvents],
    max_age: nanos(maxAge),
    max_bytes: positive('maxBytes', config.maxBytes, DEFAULT_STREAM_MAX_BYTES),
    max_msgs: positive('maxMsgs', config.maxMsgs, DEFAULT_STREAM_MAX_MSGS),
    max_msg_size: positive('maxEventBytes', config.maxEventBytes, DEFAULT_MAX_EVENT_BYTES),
    duplicate_window: nanos(window),
    num_replicas: positive('replicas', config.replicas, 1),
    discard: DiscardPolicy.Old,
  };
  const name = streamName(config);
  try {
    const info = await jsm.streams.info(name);
    return await jsm.streams.update(name, { ...info.config, ...bounds });
  } catch (e) {
    if (!(e instanceof JetStreamApiError) || e.code !== JetStreamApiCodes.StreamNotFound) throw e;
  }
  return jsm.streams.add({
    name,
    ...bounds,
    retention: RetentionPolicy.Limits,
    storage: config.storage === 'memory' ? StorageType.Memory : StorageType.File,
  });
}
