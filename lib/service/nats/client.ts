/**
 * A Pega link that lives on another instance: requests go over NATS request/reply to whichever
 * instance holds the PBX association, events come from the link's JetStream stream. It satisfies
 * the gateway's `PegaLinkLike`, so a `PegaGateway` on a standby instance (or in another service)
 * serves agents as if the link were local.
 *
 * A request that finds no responder (the active instance died and the standby has not taken over
 * yet) is re-sent every {@link DEFAULT_NO_RESPONDER_RETRY_MS} until `takeoverWaitMs` has passed,
 * then fails with OPENCTI_HTTP_ERROR_503. Only "no responders" is retried — it means no instance
 * received the request — never a timeout, after which a makeCall may already have happened.
 */
import { EventEmitter } from 'node:events';
import { RequestError } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { PegaLoginParams } from '../../pega/link.js';
import type { PegaLinkLike } from '../../pega/gateway/types.js';
import { pegaFailure } from '../../pega/errors.js';
import type { PegaEvent, PegaRequest, PegaResult } from '../../pega/types.js';
import { LinkEventConsumer } from './consumer.js';
import type { ConsumeFrom } from './consumer.js';
import { encodeNatsRequest } from './requests.js';
import type { NatsPegaRequestBody } from './requests.js';
import { streamName } from './stream.js';
import { LinkSubjects, parseSubject } from './subjects.js';

/** Default {@link RemotePegaLinkOptions.requestTimeoutMs}. */
export const DEFAULT_NATS_REQUEST_TIMEOUT_MS = 10_000;
/** Default {@link RemotePegaLinkOptions.takeoverWaitMs}: how long a request waits for a responder. */
export const DEFAULT_TAKEOVER_WAIT_MS = 15_000;
/** Pause between re-sends while no instance responds. */
export const DEFAULT_NO_RESPONDER_RETRY_MS = 100;

/** Options of {@link RemotePegaLink}. */
export interface RemotePegaLinkOptions {
  /** Link name. */
  readonly link: string;
  /** The link's stream; default `streamName({ link })`. */
  readonly stream?: string;
  /** Time for one request to be answered, ms. */
  readonly requestTimeoutMs?: number;
  /** Time a request keeps looking for a responder, ms. */
  readonly takeoverWaitMs?: number;
  /** Where event delivery starts; default: new events only. */
  readonly from?: ConsumeFrom;
}

/** Events of {@link RemotePegaLink}. */
export interface RemotePegaLinkEvents {
  event: [agentId: string, event: PegaEvent];
  /** A message on the stream could not be read, or the consumer stopped. */
  warning: [error: Error];
}

/** See the file header. */
export class RemotePegaLink extends EventEmitter<RemotePegaLinkEvents> implements PegaLinkLike {
  readonly subjects: LinkSubjects;
  private readonly nc: NatsConnection;
  private readonly js: JetStreamClient;
  private readonly options: RemotePegaLinkOptions;
  private consumer: LinkEventConsumer | undefined;

  constructor(nc: NatsConnection, js: JetStreamClient, options: RemotePegaLinkOptions) {
    super();
    this.nc = nc;
    this.js = js;
    this.options = options;
    this.subjects = new LinkSubjects(options.link);
  }

  /** Starts delivering the link's Pega events as `'event'`. */
  async start(): Promise<void> {
    if (this.consumer !== undefined) return;
    this.consumer = await LinkEventConsumer.start(this.js, {
      stream: this.options.stream ?? streamName({ link: this.options.link }),
      filter: this.subjects.pegaEvents,
      ...(this.options.from === undefined ? {} : { from: this.options.from }),
      onMessage: (m) => this.onMessage(m),
      onError: (e) => this.warn(e),
    });
  }

  /** Stops delivering events (requests still work). */
  async stop(): Promise<void> {
    const c = this.consumer;
    this.consumer = undefined;
    await c?.stop();
  }

  /** Stream sequence of the last event delivered. */
  get lastSeq(): number {
    return this.consumer?.lastSeq ?? 0;
  }

  login(params: PegaLoginParams): Promise<PegaResult> {
    return this.call(params.agentId, {
      action: 'login',
      device: params.device,
      ...(params.password === undefined ? {} : { password: params.password }),
      ...(params.reasonCode === undefined ? {} : { reasonCode: params.reasonCode }),
    });
  }

  logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    return this.call(agentId, { action: 'logout', ...(reasonCode === undefined ? {} : { reasonCode }) });
  }

  request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    return this.call(agentId, request);
  }

  /** Asks the active instance to emit a fresh SnapshotEvent for the agent. */
  refresh(agentId: string): Promise<PegaResult> {
    return this.call(agentId, { action: 'refresh' });
  }

  private async call(agentId: string, body: NatsPegaRequestBody): Promise<PegaResult> {
    let subject: string;
    try {
      subject = this.subjects.pegaRequest(agentId);
    } catch (e) {
      return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', (e as Error).message);
    }
    const data = encodeNatsRequest(body);
    const end = Date.now() + (this.options.takeoverWaitMs ?? DEFAULT_TAKEOVER_WAIT_MS);
    for (;;) {
      try {
        const reply = await this.nc.request(subject, data, { timeout: this.options.requestTimeoutMs ?? DEFAULT_NATS_REQUEST_TIMEOUT_MS });
        return readResult(reply.data);
      } catch (e) {
        if (e instanceof RequestError && e.isNoResponders()) {
          if (Date.now() >= end) return pegaFailure('OPENCTI_HTTP_ERROR_503', `no instance of link ${this.options.link} is answering`);
          await new Promise((r) => setTimeout(r, DEFAULT_NO_RESPONDER_RETRY_MS));
          continue;
        }
        const timeout = e instanceof Error && (e.name === 'TimeoutError' || (e.cause instanceof Error && e.cause.name === 'TimeoutError'));
        return pegaFailure(timeout ? 'OPENCTI_HTTP_ERROR_504' : 'OPENCTI_HTTP_ERROR_502', e instanceof Error ? e.message : String(e));
      }
    }
  }

  private onMessage(m: JsMsg): void {
    const parsed = parseSubject(m.subject);
    if (parsed?.kind !== 'pega') return;
    const event = m.json<PegaEvent>();
    if (event === null || typeof event !== 'object' || typeof (event as { pyEventType?: unknown }).pyEventType !== 'string') {
      this.warn(new Error(`stream message ${m.seq} on ${m.subject} is not a Pega event`));
      return;
    }
    this.emit('event', parsed.agentId, event);
  }

  private warn(e: Error): void {
    if (this.listenerCount('warning') > 0) this.emit('warning', e);
  }
}

/** A reply body as a PegaResult; anything else is OPENCTI_HTTP_ERROR_502. */
function readResult(data: Uint8Array): PegaResult {
  try {
    const v = JSON.parse(new TextDecoder().decode(data)) as unknown;
    if (v !== null && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean') return v as PegaResult;
  } catch {
    // fall through
  }
  return pegaFailure('OPENCTI_HTTP_ERROR_502', 'the link instance sent a reply that is not a Pega result');
}
