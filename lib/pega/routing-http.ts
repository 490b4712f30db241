/**
 * Enhanced routing handed to Pega (pega-call-notes §3, "Route points"; Pega's JTAPI link monitors
 * ranges of route points, e.g. 6486–6488, and "executes the Pega Platform routing logic"):
 *
 * - {@link httpRouteDecider}: a {@link RouteDecider} that POSTs the call (ANI, DNIS, call data) to
 *   a configured HTTP decision endpoint (a Pega REST service running the routing logic) and
 *   selects the destination it answers. No answer in time, an error, or an answer without a
 *   destination → the configured default route (or, without one, the switch's own default).
 * - {@link parseRoutePointRanges} / {@link registerRoutingPoints}: route points given as ranges
 *   (`"5000-5099"`, `"6486"`), as on Pega's Route points tab.
 */
import type { RouteDecider, RouteDecision, RouteRequest, RoutingOptions, RoutingPoint, RoutingSession } from './routing.js';
import { registerRoutingPoint } from './routing.js';

/** What is POSTed to the decision endpoint. */
export type RouteDecisionRequestBody = {
  /** The route point the call is queued at. */
  readonly routingPoint: string;
  /** The call (pyCallID). */
  readonly pyCallID: string;
  /** The caller (pyANI). */
  readonly pyANI: string;
  /** The dialled number (pyDNIS). */
  readonly pyDNIS: string;
  /** Call data (pyNamedVariables): correlatorData and what RoutingOptions.callData adds. */
  readonly pyNamedVariables: Readonly<Record<string, string>>;
  /** True when the switch asks again because the previous destination failed. */
  readonly rerouted: boolean;
  /** The routeing dialogue (for logs). */
  readonly crossRefIdentifier: string;
};

/** What the endpoint answers: `{ "destination": "2001" }`, optionally with correlator data for the call; or `{ "end": "reason" }`. */
export type RouteDecisionAnswer = { readonly destination: string; readonly correlatorData?: string } | { readonly end: string };

/** Default of {@link HttpRouteDeciderOptions.timeoutMs}. */
export const DEFAULT_ROUTE_DECISION_TIMEOUT_MS = 2000;
/** Largest decision answer read, in bytes. */
export const MAX_ROUTE_DECISION_ANSWER_BYTES = 16_384;

/** Options of {@link httpRouteDecider}. */
export interface HttpRouteDeciderOptions {
  /** The decision endpoint. */
  readonly url: string | URL;
  /** Time the endpoint gets, in ms; keep it below the switch's route timer. Default {@link DEFAULT_ROUTE_DECISION_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Where a call goes when the endpoint does not decide. None: end the dialogue, the switch routes it by its own default. */
  readonly defaultRoute?: string;
  /** Value of the `Authorization` header, or a function giving it per request. */
  readonly authorization?: string | (() => string | Promise<string>);
  /** Further headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use. Default: Node's global fetch. */
  readonly fetch?: typeof fetch;
  /** Told why the default route was taken (logs, metrics). */
  readonly onFallback?: (request: RouteRequest, reason: string) => void;
}

/** A destination the decision may name: a dialable number. */
const DESTINATION = /^[0-9A-Za-z+*#._@-]{1,64}$/;

/** The body POSTed for a request. */
export function routeDecisionBody(request: RouteRequest): RouteDecisionRequestBody {
  return {
    routingPoint: request.routingPoint,
    pyCallID: request.callId,
    pyANI: request.callingDevice,
    pyDNIS: request.currentRoute,
    pyNamedVariables: { ...request.callData },
    rerouted: request.rerouted,
    crossRefIdentifier: request.crossRefIdentifier,
  };
}

/** A decider asking an HTTP endpoint; never rejects (falls back instead). */
export function httpRouteDecider(options: HttpRouteDeciderOptions): RouteDecider {
  const url = String(options.url);
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`route decision URL must be http or https, not ${protocol}`);
  if (options.defaultRoute !== undefined && !DESTINATION.test(options.defaultRoute)) throw new TypeError(`defaultRoute ${JSON.stringify(options.defaultRoute)} is not a number`);
  const timeoutMs = Math.max(1, options.timeoutMs ?? DEFAULT_ROUTE_DECISION_TIMEOUT_MS);
  const fallback = (request: RouteRequest, reason: string): RouteDecision => {
    try {
      options.onFallback?.(request, reason);
    } catch {
      // a listener's failure does not change the decision
    }
    return options.defaultRoute === undefined ? { end: `no decision: ${reason}` } : { destination: options.defaultRoute };
  };
  return async (request: RouteRequest): Promise<RouteDecision> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { ...options.headers, 'content-type': 'application/json', accept: 'application/json' };
      if (options.authorization !== undefined) headers.authorization = typeof options.authorization === 'string' ? options.authorization : await options.authorization();
      const response = await (options.fetch ?? fetch)(url, { method: 'POST', headers, body: JSON.stringify(routeDecisionBody(request)), signal: controller.signal });
      const text = await readBounded(response);
      if (response.status < 200 || response.status >= 300) return fallback(request, `HTTP ${response.status}`);
      return toDecision(text) ?? fallback(request, 'answer has no valid destination');
    } catch (e) {
      return fallback(request, controller.signal.aborted ? `no answer within ${timeoutMs} ms` : e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
  };
}

async function readBounded(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_ROUTE_DECISION_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error(`decision answer larger than ${MAX_ROUTE_DECISION_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toDecision(text: string): RouteDecision | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.destination === 'string' && DESTINATION.test(o.destination)) {
    const correlatorData = typeof o.correlatorData === 'string' && o.correlatorData.length <= 256 ? o.correlatorData : undefined;
    return { destination: o.destination, ...(correlatorData === undefined ? {} : { correlatorData }) };
  }
  if (typeof o.end === 'string') return { end: o.end.slice(0, 256) };
  return undefined;
}

/** Most route points one call to {@link parseRoutePointRanges} may produce. */
export const MAX_ROUTE_POINTS = 1000;

/** A route-point range that cannot be used. */
export class RoutePointRangeError extends Error {
  readonly code = 'ROUTE_POINT_RANGE';
  constructor(readonly range: string, reason: string) {
    super(`route point range ${JSON.stringify(range)}: ${reason}`);
  }
}

/**
 * The route points of ranges such as `"5000-5099"` (both ends included; leading zeros kept,
 * `"0500-0502"` → 0500, 0501, 0502) or single numbers `"6486"`. Duplicates are listed once.
 * Throws {@link RoutePointRangeError} for a malformed or reversed range, ends of different widths,
 * or more than {@link MAX_ROUTE_POINTS} points in all.
 */
export function parseRoutePointRanges(ranges: string | readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of typeof ranges === 'string' ? ranges.split(',') : ranges) {
    const range = raw.trim();
    const m = /^(\d{1,15})(?:\s*-\s*(\d{1,15}))?$/.exec(range);
    if (m === null) throw new RoutePointRangeError(range, 'expected N or N-M (digits)');
    const from = m[1] as string;
    const to = m[2] ?? from;
    if (to.length !== from.length) throw new RoutePointRangeError(range, 'both ends must have the same number of digits');
    const a = Number(from);
    const b = Number(to);
    if (b < a) throw new RoutePointRangeError(range, 'the end is below the start');
    if (out.size + (b - a + 1) > MAX_ROUTE_POINTS) throw new RoutePointRangeError(range, `more than ${MAX_ROUTE_POINTS} route points`);
    for (let n = a; n <= b; n++) out.add(String(n).padStart(from.length, '0'));
  }
  return [...out];
}

/**
 * Registers every route point of `ranges` with the same decider. If the switch refuses one, the
 * ones already registered are cancelled and the error is thrown.
 */
export async function registerRoutingPoints(session: RoutingSession, ranges: string | readonly string[], decide: RouteDecider, options: RoutingOptions = {}): Promise<RoutingPoint[]> {
  const points: RoutingPoint[] = [];
  try {
    for (const device of parseRoutePointRanges(ranges)) points.push(await registerRoutingPoint(session, device, decide, options));
  } catch (e) {
    await Promise.all(points.map((p) => p.unregister().catch(() => undefined)));
    throw e;
  }
  return points;
}
