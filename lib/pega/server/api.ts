/**
 * PegaServerApi: the HTTP JSON API a Pega REST connector calls for the server-side OpenCTI
 * integration (LoginAgent, LogoutAgent, SetAgentReady/NotReady, call control, SubscribeForEvents,
 * UnSubscribeForEvents; pega-call-notes §2), over a PegaCtiLink. docs/pega-server.md describes it,
 * docs/openapi/pega-server.json is its OpenAPI 3.1 description (also at GET <prefix>/openapi.json).
 *
 * `handle(req, res)` is a request handler to mount on any Node HTTP server: it returns false for
 * paths outside its prefix (default `/api`) and leaves them alone.
 *
 *   Pega REST connector ──HTTP JSON──> PegaServerApi ──> PegaCtiLink ──> CstaSession ──> PBX
 *   Pega REST service  <──HTTP JSON── PegaEventPusher <── (events of subscribed DNs)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PegaLoginParams } from '../link.js';
import type { OpenCtiErrorCode, PegaEvent, PegaRequest, PegaResult, SnapshotEvent } from '../types.js';
import { toServerEvent } from '../server-view.js';
import { mapWorkMode } from '../request-parse.js';
import { bearerToken, mayActFor } from './auth.js';
import type { ApiAuthenticator, ApiIdentity } from './auth.js';
import { PEGA_SERVER_OPENAPI } from './openapi.js';
import { checkBody, checkParams, matchRoute } from './routes.js';
import type { ApiRouteMatch } from './routes.js';
import { DEFAULT_MAX_SUBSCRIPTIONS, SubscriptionBridge, SubscriptionTable } from './subscriptions.js';
import type { ServerEventTarget } from './subscriptions.js';
import { SubscriptionMonitors } from './monitors.js';
import type { MonitoringLink } from './monitors.js';

/** What the API needs from the link (a PegaCtiLink fits). */
export interface PegaServerLink {
  login(params: PegaLoginParams): Promise<PegaResult>;
  logout(agentId: string, reasonCode?: string): Promise<PegaResult>;
  request(agentId: string, request: PegaRequest): Promise<PegaResult>;
  refresh(agentId: string): Promise<SnapshotEvent | undefined>;
  agentAt(device: string): { readonly agentId: string } | undefined;
  readonly agents: readonly { readonly agentId: string; readonly device: string }[];
  on(event: 'event', listener: (agentId: string, event: PegaEvent) => void): unknown;
  off(event: 'event', listener: (agentId: string, event: PegaEvent) => void): unknown;
}

/** Default of {@link PegaServerApiOptions.maxInFlight}. */
export const DEFAULT_MAX_API_IN_FLIGHT = 64;
/** Default of {@link PegaServerApiOptions.maxBodyBytes}. */
export const DEFAULT_MAX_API_BODY_BYTES = 16_384;

/** Options of {@link PegaServerApi}. */
export interface PegaServerApiOptions {
  readonly link: PegaServerLink;
  /** Checks the bearer token of every request except GET openapi.json. */
  readonly authenticate: ApiAuthenticator;
  /** Where events of subscribed DNs go (a PegaEventPusher). None: events are not pushed. */
  readonly events?: ServerEventTarget;
  /** URL path prefix of every route. Default `/api`. */
  readonly prefix?: string;
  /** Largest request body in bytes (HTTP 413 past it). Default {@link DEFAULT_MAX_API_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /**
   * Most requests being handled at once (each costs CSTA requests); past it HTTP 503
   * (`OPENCTI_HTTP_ERROR_503`) at once. Default {@link DEFAULT_MAX_API_IN_FLIGHT}.
   */
  readonly maxInFlight?: number;
  /** Most subscribed DNs (HTTP 503 past it). Default DEFAULT_MAX_SUBSCRIPTIONS. */
  readonly maxSubscriptions?: number;
  /**
   * Subscribing a DN where no agent is logged in opens a monitor on it (simple telephony: screen
   * pop without agent state), when the link offers `session` and `mapper` (a PegaCtiLink does).
   * Default true.
   */
  readonly monitorSubscriptions?: boolean;
}

/** Kinds of API-level errors (the request never reached the link). */
export type ApiErrorType = 'badRequest' | 'invalidJson' | 'bodyTooLarge' | 'unsupportedMediaType' | 'unauthorized' | 'forbidden' | 'notFound' | 'methodNotAllowed' | 'unavailable';

/** The JSON of every failed answer: OpenCTI's error object, plus `error` for API-level errors. */
export type ApiFailureBody = {
  readonly ok: false;
  readonly errCode: OpenCtiErrorCode;
  readonly errMessage: string;
  readonly error?: { readonly type: ApiErrorType; readonly field?: string };
};

/** HTTP status of a link failure (docs/pega-server.md, "Answers"). */
export function httpStatusOf(errCode: string): number {
  const m = /^OPENCTI_HTTP_ERROR_(\d{3})$/.exec(errCode);
  if (m !== null) return m[1] === '401' ? 403 : Number(m[1]); // 401 is kept for a bad API token
  if (errCode === 'OPENCTI_CF_GENERIC_OPERATION' || errCode === 'OPENCTI_CF_INVALID_DESTINATION') return 422;
  return 409;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly errCode: OpenCtiErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const badRequest = (message: string, field?: string, type: ApiErrorType = 'badRequest'): ApiError => new ApiError(400, type, 'OPENCTI_CF_GENERIC_OPERATION', message, field);

/** The server-side HTTP API. */
export class PegaServerApi {
  readonly prefix: string;
  /** The subscribed DNs. */
  readonly subscriptions: SubscriptionTable;
  private readonly options: PegaServerApiOptions;
  private readonly bridge: SubscriptionBridge | undefined;
  private readonly maxBody: number;
  private readonly openapi: unknown;
  private readonly monitors: SubscriptionMonitors | undefined;
  private readonly maxInFlight: number;
  private inFlight = 0;

  constructor(options: PegaServerApiOptions) {
    this.options = options;
    this.prefix = (options.prefix ?? '/api').replace(/\/+$/, '');
    this.maxBody = Math.max(1, options.maxBodyBytes ?? DEFAULT_MAX_API_BODY_BYTES);
    this.subscriptions = new SubscriptionTable(options.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS);
    this.openapi = withPrefix(this.prefix);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? DEFAULT_MAX_API_IN_FLIGHT);
    const bridge = options.events === undefined ? undefined : new SubscriptionBridge(options.link, this.subscriptions, options.events);
    this.bridge = bridge;
    const link = options.link as PegaServerLink & Partial<MonitoringLink>;
    this.monitors =
      bridge !== undefined && (options.monitorSubscriptions ?? true) && link.session !== undefined && link.mapper !== undefined
        ? new SubscriptionMonitors(link as PegaServerLink & MonitoringLink, (agentId, dn, event) => bridge.inject(agentId, dn, event))
        : undefined;
  }

  /** Handles a request under the prefix (true), or leaves it (false). Never rejects. */
  handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] as string;
    if (path !== this.prefix && !path.startsWith(`${this.prefix}/`)) return false;
    if (this.inFlight >= this.maxInFlight) {
      req.resume();
      this.sendError(res, new ApiError(503, 'unavailable', 'OPENCTI_HTTP_ERROR_503', `more than ${this.maxInFlight} requests in progress`, undefined, { 'retry-after': '1' }));
      return true;
    }
    this.inFlight++;
    this.serve(req, res, path.slice(this.prefix.length))
      .catch((e: unknown) => {
        if (!res.headersSent) this.sendError(res, e instanceof ApiError ? e : new ApiError(500, 'unavailable', 'OPENCTI_HTTP_ERROR_500', e instanceof Error ? e.message : String(e)));
        else res.destroy();
      })
      .finally(() => {
        this.inFlight--;
      });
    return true;
  };

  /** Stops pushing the link's events and the monitor-only subscriptions' monitors (the link and its agents are left as they are). */
  async close(): Promise<void> {
    this.bridge?.detach();
    await this.monitors?.close();
  }

  private async serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const found = matchRoute(method, path);
    if (found.kind === 'none') throw new ApiError(404, 'notFound', 'OPENCTI_HTTP_ERROR_404', `no route ${method} ${this.prefix}${path}`);
    if (found.kind === 'method') throw new ApiError(405, 'methodNotAllowed', 'OPENCTI_HTTP_ERROR_405', `${method} not allowed on ${this.prefix}${path}`, undefined, { allow: found.allow.join(', ') });
    const { match } = found;
    if (match.route.kind === 'openapi') {
      this.send(res, 200, this.openapi, req.method === 'HEAD');
      return;
    }
    const identity = await this.authenticate(req);
    const paramError = checkParams(match.params);
    if (paramError !== undefined) throw badRequest(paramError.message, paramError.field);
    const agentId = match.params.agentId ?? '';
    if (agentId !== '' && !mayActFor(identity, agentId)) throw new ApiError(403, 'forbidden', 'OPENCTI_HTTP_ERROR_401', `${identity.name} may not act for agent ${agentId}`);
    const raw = await this.readJson(req);
    const checked = checkBody(match.route, raw);
    if (!checked.ok) throw badRequest(checked.error.message, checked.error.field);
    const answer = await this.dispatch(match, checked.fields, identity);
    this.send(res, answer.ok ? 200 : httpStatusOf(answer.errCode), answer.body);
  }

  private async authenticate(req: IncomingMessage): Promise<ApiIdentity> {
    const token = bearerToken(req);
    const unauthorized = (why: string): ApiError => new ApiError(401, 'unauthorized', 'OPENCTI_HTTP_ERROR_401', why, undefined, { 'www-authenticate': 'Bearer realm="csta-link"' });
    if (token === undefined) throw unauthorized('a bearer token is required');
    let identity: ApiIdentity | undefined;
    try {
      identity = await this.options.authenticate(token, req);
    } catch {
      identity = undefined;
    }
    if (identity === undefined) throw unauthorized('the bearer token is not valid');
    return identity;
  }

  private async dispatch(match: ApiRouteMatch, fields: Readonly<Record<string, string>>, identity: ApiIdentity): Promise<{ ok: boolean; errCode: string; body: unknown }> {
    const link = this.options.link;
    const agentId = match.params.agentId ?? '';
    const result = (r: PegaResult): { ok: boolean; errCode: string; body: unknown } => ({ ok: r.ok, errCode: r.ok ? '' : r.errCode, body: r });
    const route = match.route;
    switch (route.kind) {
      case 'login': {
        const dn = fields.extension as string;
        let created = this.subscriptions.subscribe(dn, agentId, false);
        const previous = this.subscriptions.get(dn);
        if (created === 'conflict' && previous !== undefined && link.agentAt(dn) === undefined) {
          // Another agent subscribed this DN but is not logged in there (a shift change): it is this agent's now.
          this.subscriptions.unsubscribe(dn);
          this.subscriptions.subscribe(dn, agentId, previous.explicit);
          created = 'existing';
        }
        if (created === 'full') throw new ApiError(503, 'unavailable', 'OPENCTI_HTTP_ERROR_503', `more than ${this.subscriptions.max} subscribed DNs`);
        await this.monitors?.stop(dn); // the link takes the device over
        const workMode = fields.workMode === undefined ? undefined : mapWorkMode(fields.workMode); // checkBody allowed only known modes
        const r = await link.login({
          agentId,
          device: dn,
          ...(fields.password === undefined ? {} : { password: fields.password }),
          ...(fields.reasonCode === undefined ? {} : { reasonCode: fields.reasonCode }),
          ...(workMode === undefined ? {} : { workMode }),
          ...(fields.queue === undefined ? {} : { queue: fields.queue }),
        });
        if (!r.ok && created === 'created') this.subscriptions.unsubscribe(dn, agentId);
        else if (!r.ok) await this.monitorIfSubscribed(dn);
        return result(r);
      }
      case 'logout': {
        const dn = link.agents.find((a) => a.agentId === agentId)?.device;
        const r = await link.logout(agentId, fields.reasonCode);
        if (r.ok && dn !== undefined) {
          // A DN only the login subscribed is done with; one Pega subscribed stays monitored for screen pops.
          if (this.subscriptions.get(dn)?.explicit === false) this.subscriptions.unsubscribe(dn);
          else await this.monitorIfSubscribed(dn);
        }
        return result(r);
      }
      case 'request':
        return result(await link.request(agentId, { action: route.operationId, ...fields } as unknown as PegaRequest));
      case 'snapshot': {
        const device = link.agents.find((a) => a.agentId === agentId)?.device;
        const snapshot = await link.refresh(agentId);
        if (snapshot === undefined || device === undefined) return result({ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN', errMessage: `agent ${agentId} is not logged in` });
        return { ok: true, errCode: '', body: { ok: true, snapshot: toServerEvent(snapshot, { dn: device, agentId }) } };
      }
      case 'subscribe':
        return await this.subscribe(match.params.dn as string, fields.agentId ?? '', identity);
      case 'unsubscribe': {
        const dn = match.params.dn as string;
        if (!this.subscriptions.unsubscribe(dn, fields.agentId ?? '')) return result({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', errMessage: `DN ${dn} is not subscribed${fields.agentId === undefined ? '' : ` by agent ${fields.agentId}`}` });
        await this.monitors?.stop(dn);
        return result({ ok: true });
      }
      case 'openapi':
        return { ok: true, errCode: '', body: this.openapi };
      default: {
        const never: never = route.kind;
        throw new Error(`unhandled route kind ${String(never)}`);
      }
    }
  }

  /** Monitor-only again for a DN that is still subscribed and has no agent (after a logout or a refused login). */
  private async monitorIfSubscribed(dn: string): Promise<void> {
    const sub = this.subscriptions.get(dn);
    if (sub !== undefined && this.monitors !== undefined) await this.monitors.start(dn, sub.agentId, false);
  }

  private async subscribe(dn: string, agentId: string, identity: ApiIdentity): Promise<{ ok: boolean; errCode: string; body: unknown }> {
    if (agentId !== '' && !mayActFor(identity, agentId)) throw new ApiError(403, 'forbidden', 'OPENCTI_HTTP_ERROR_401', `${identity.name} may not act for agent ${agentId}`, 'agentId');
    const holder = this.options.link.agentAt(dn);
    if (holder !== undefined && agentId !== '' && holder.agentId !== agentId) {
      return { ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', body: { ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', errMessage: `DN ${dn} is in use by agent ${holder.agentId}` } };
    }
    const outcome = this.subscriptions.subscribe(dn, agentId);
    switch (outcome) {
      case 'created':
      case 'existing': {
        const watched = this.monitors === undefined ? ({ ok: true } as const) : await this.monitors.start(dn, this.subscriptions.get(dn)?.agentId ?? agentId);
        if (!watched.ok) {
          if (outcome === 'created') this.subscriptions.unsubscribe(dn);
          return { ok: false, errCode: watched.errCode, body: watched };
        }
        return { ok: true, errCode: '', body: { ok: true } };
      }
      case 'conflict':
        return { ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', body: { ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', errMessage: `DN ${dn} is subscribed by agent ${this.subscriptions.get(dn)?.agentId ?? ''}` } };
      case 'full':
        throw new ApiError(503, 'unavailable', 'OPENCTI_HTTP_ERROR_503', `more than ${this.subscriptions.max} subscribed DNs`);
      default: {
        const never: never = outcome;
        throw new Error(`unhandled outcome ${String(never)}`);
      }
    }
  }

  /** The JSON body (undefined when empty), bounded by maxBodyBytes. */
  private readJson(req: IncomingMessage): Promise<unknown> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > this.maxBody) return Promise.reject(this.tooLarge(req));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      req.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > this.maxBody) {
          failed = true;
          reject(this.tooLarge(req));
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', (e) => {
        if (!failed) reject(e);
        failed = true;
      });
      req.on('end', () => {
        if (failed) return;
        if (size === 0) return resolve(undefined);
        const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/json') return reject(new ApiError(415, 'unsupportedMediaType', 'OPENCTI_CF_GENERIC_OPERATION', 'the body must be application/json', '(body)'));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(badRequest(`the body is not JSON: ${e instanceof Error ? e.message : String(e)}`, '(body)', 'invalidJson'));
        }
      });
    });
  }

  private tooLarge(req: IncomingMessage): ApiError {
    req.resume(); // read and discard the rest; the answer closes the connection
    return new ApiError(413, 'bodyTooLarge', 'OPENCTI_CF_GENERIC_OPERATION', `the body is larger than ${this.maxBody} bytes`, '(body)', { connection: 'close' });
  }

  private sendError(res: ServerResponse, e: ApiError): void {
    const body: ApiFailureBody = { ok: false, errCode: e.errCode, errMessage: e.message, error: { type: e.type, ...(e.field === undefined ? {} : { field: e.field }) } };
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    this.send(res, e.status, body);
  }

  private send(res: ServerResponse, status: number, body: unknown, headOnly = false): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(headOnly ? undefined : text);
  }
}

/** The OpenAPI document with its paths under `prefix` instead of `/api`. */
function withPrefix(prefix: string): unknown {
  if (prefix === '/api') return PEGA_SERVER_OPENAPI;
  const paths = Object.fromEntries(Object.entries(PEGA_SERVER_OPENAPI.paths).map(([path, item]) => [prefix + path.slice('/api'.length), item]));
  return { ...PEGA_SERVER_OPENAPI, paths };
}
