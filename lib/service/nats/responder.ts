/**
 * Answers Pega requests that arrive over NATS request/reply (`pega.L.req.<agent>`) by carrying
 * them out on the local Pega link, and replies with the PegaResult as JSON. Only the instance that
 * holds the PBX association runs one, so a request reaches the link that can act on it; with no
 * responder the requester gets NATS "no responders" at once (and retries: client.ts).
 *
 * Bad payloads get `{ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' }` with the typed error's
 * code in the `Csta-Error` header; at most {@link DEFAULT_MAX_IN_FLIGHT_REQUESTS} requests run at
 * once, the rest get `OPENCTI_HTTP_ERROR_503` at once.
 */
import { Buffer } from 'node:buffer';
import { headers } from '@nats-io/transport-node';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { PegaResult } from '../../pega/types.js';
import { pegaFailure } from '../../pega/errors.js';
import { NatsLinkError } from './errors.js';
import { MAX_REQUEST_BYTES, parseNatsRequest } from './requests.js';
import type { NatsPegaRequest } from './requests.js';
import { LinkSubjects, unescapeToken } from './subjects.js';
import type { LocalPegaLink } from './types.js';

/** Default {@link RequestResponderOptions.maxInFlight}. */
export const DEFAULT_MAX_IN_FLIGHT_REQUESTS = 256;
/** Longest wait for the server to confirm the unsubscription at {@link NatsRequestResponder.stop}, ms. */
export const STOP_FLUSH_MS = 1000;

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/** Header carrying the {@link NatsLinkError} code of a refused request. */
export const ERROR_HEADER = 'Csta-Error';

/** Options of {@link NatsRequestResponder}. */
export interface RequestResponderOptions {
  /** Link name. */
  readonly link: string;
  /** Requests carried out at once. */
  readonly maxInFlight?: number;
  /** Largest request body, bytes. */
  readonly maxRequestBytes?: number;
  /** NATS queue group (several responders of one instance share the load); default none. */
  readonly queue?: string;
}

/** See the file header. */
export class NatsRequestResponder {
  private readonly nc: NatsConnection;
  private readonly link: Pick<LocalPegaLink, 'login' | 'logout' | 'request' | 'refresh'>;
  private readonly options: RequestResponderOptions;
  private readonly subjects: LinkSubjects;
  private sub: Subscription | undefined;
  private running = 0;
  private readonly idle: (() => void)[] = [];
  /** Requests answered, refused as malformed, refused as busy. */
  readonly counts = { answered: 0, malformed: 0, busy: 0 };

  constructor(nc: NatsConnection, link: Pick<LocalPegaLink, 'login' | 'logout' | 'request' | 'refresh'>, options: RequestResponderOptions) {
    this.nc = nc;
    this.link = link;
    this.options = options;
    this.subjects = new LinkSubjects(options.link);
  }

  /** True while subscribed. */
  get started(): boolean {
    return this.sub !== undefined;
  }

  /** Subscribes; resolves once the server has the subscription (a request sent after it is answered). */
  async start(): Promise<void> {
    if (this.sub !== undefined) return;
    this.sub = this.nc.subscribe(this.subjects.pegaRequests, {
      ...(this.options.queue === undefined ? {} : { queue: this.options.queue }),
      callback: (err, msg) => {
        if (err === null) this.onMessage(msg);
      },
    });
    await this.nc.flush();
  }

  /** Unsubscribes (new requests find no responder) and waits for the requests in progress. */
  async stop(): Promise<void> {
    const sub = this.sub;
    this.sub = undefined;
    if (sub !== undefined) {
      sub.unsubscribe();
      // Bounded: while NATS is unreachable a flush waits for the reconnect.
      await Promise.race([this.nc.flush().catch(() => undefined), delay(STOP_FLUSH_MS)]);
    }
    if (this.running > 0) await new Promise<void>((r) => this.idle.push(r));
  }

  private onMessage(msg: Msg): void {
    if (msg.reply === undefined || msg.reply === '') return;
    let agentId: string;
    let parsed: NatsPegaRequest;
    try {
      agentId = unescapeToken(msg.subject.split('.')[3] ?? '');
      parsed = parseNatsRequest(agentId, msg.data, this.options.maxRequestBytes ?? MAX_REQUEST_BYTES);
    } catch (e) {
      this.counts.malformed++;
      const code = e instanceof NatsLinkError ? e.code : 'BAD_FIELD';
      this.reply(msg, pegaFailure('OPENCTI_CF_GENERIC_OPERATION', (e as Error).message), code);
      return;
    }
    if (this.running >= (this.options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT_REQUESTS)) {
      this.counts.busy++;
      this.reply(msg, pegaFailure('OPENCTI_HTTP_ERROR_503', 'too many requests in progress on this link'));
      return;
    }
    this.running++;
    this.execute(agentId, parsed)
      .catch((e: unknown) => pegaFailure('OPENCTI_HTTP_ERROR_500', e instanceof Error ? e.message : String(e)))
      .then((result) => {
        this.counts.answered++;
        this.reply(msg, result);
      })
      .finally(() => {
        this.running--;
        if (this.running === 0) for (const r of this.idle.splice(0)) r();
      });
  }

  private async execute(agentId: string, r: NatsPegaRequest): Promise<PegaResult> {
    switch (r.kind) {
      case 'login':
        return this.link.login(r.params);
      case 'logout':
        return this.link.logout(agentId, r.reasonCode);
      case 'refresh': {
        if (this.link.refresh === undefined) return pegaFailure('OPENCTI_HTTP_ERROR_405', 'this link cannot refresh');
        const snapshot = await this.link.refresh(agentId);
        return snapshot === undefined ? pegaFailure('OPENCTI_AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`) : { ok: true };
      }
      case 'request':
        return this.link.request(agentId, r.request);
      default: {
        const never: never = r;
        return never;
      }
    }
  }

  private reply(msg: Msg, result: PegaResult, errorCode?: string): void {
    const h = errorCode === undefined ? undefined : headers();
    if (h !== undefined && errorCode !== undefined) h.set(ERROR_HEADER, errorCode);
    try {
      msg.respond(Buffer.from(JSON.stringify(result), 'utf8'), h === undefined ? undefined : { headers: h });
    } catch {
      // The connection closed: the requester times out.
    }
  }
}
