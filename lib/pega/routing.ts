/**
 * Routing points (pega-call-notes §3, "Route points / enhanced routing"): the switch asks the
 * application where to send a call arriving at a routing device, and the application answers.
 *
 * CSTA flow (ECMA-269 routeing services): routeRegister for the device → the switch invokes
 * routeRequest (reRouteRequest to ask again) → the application answers routeSelectRequest with a
 * destination, or routeEndRequest → the switch may report routeUsedRequest and ends the dialogue
 * with routeEndRequest.
 *
 * ```ts
 * const rp = await registerRoutingPoint(session, '6486', async (req) => ({ destination: '2000' }));
 * rp.on('routeRequest', (req) => log(req.callId, req.callingDevice));
 * ```
 */
import { deviceID } from '../session/requests.js';
import { EventEmitter } from 'node:events';
import type { RouteRequestArgument } from '../../protocol/csta/services/route-request.js';
import type { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import type { CstaSession } from '../session/session.js';
import { ConnectionClosedError } from '../session/errors.js';
import type { RequestArgument } from '../session/requests.js';
import { callIdOf, dnOf, octetsAsText, textAsOctets } from './csta-values.js';
import type { OctetForm } from './csta-values.js';

/** What routing needs from a session (a CstaSession fits). */
export type RoutingSession = Pick<CstaSession, 'request' | 'notify' | 'handle' | 'monitorStart'> & { readonly octetStrings?: OctetForm };

/** A route request, as the application sees it. */
export interface RouteRequest {
  /** The routing point (device) the request is for. */
  readonly routingPoint: string;
  readonly routeRegisterReqID: string;
  /** The routeing dialogue's cross reference (RouteingCrossRefID). */
  readonly crossRefIdentifier: string;
  /** The call being routed ("" if the switch did not say). */
  readonly callId: string;
  /** The call's current destination (the number dialed). */
  readonly currentRoute: string;
  readonly callingDevice: string;
  /** correlatorData as text (or hex when not printable); "" when absent. */
  readonly correlatorData: string;
  /**
   * Call data for the decision: `correlatorData` when the switch sent it, plus what
   * {@link RoutingOptions.callData} adds (e.g. UUI seen on the call's earlier events).
   */
  readonly callData: Readonly<Record<string, string>>;
  /** true for a reRouteRequest (the previous destination did not work). */
  readonly rerouted: boolean;
  /** The switch's original argument (absent for a re-route request). */
  readonly argument: RouteRequestArgument | undefined;
}

/** The application's answer: a destination, or end the routeing dialogue. */
export type RouteDecision =
  | { readonly destination: string; readonly correlatorData?: string }
  | { readonly end: string; readonly failure?: UniversalFailure };

/** Decides where a call goes. May be async; a throw or a timeout ends the dialogue. */
export type RouteDecider = (request: RouteRequest) => Promise<RouteDecision> | RouteDecision;

/** Events of a routing point. */
export interface RoutingPointEvents {
  routeRequest: [request: RouteRequest];
  routeSelected: [request: RouteRequest, destination: string];
  /** The dialogue ended: by the application (`byApplication`), or by the switch. */
  routeEnded: [crossRefIdentifier: string, reason: string, byApplication: boolean];
  /** The switch reports the route it used. */
  routeUsed: [crossRefIdentifier: string, routeUsed: string];
  /** A decision could not be sent, or the decider failed. */
  warning: [error: Error];
}

/** Options of {@link registerRoutingPoint}. */
export interface RoutingOptions {
  /** Also monitorStart the routing device (its queued/delivered events arrive on the session). Default false. */
  readonly monitor?: boolean;
  /** Time the decider gets, in ms. Default: 80% of the request's replyTimeout, else 5000. */
  readonly decisionTimeoutMs?: number;
  /** Upper bound on the time taken from a request's replyTimeout (the switch's value is input). Default 300000. */
  readonly maxDecisionTimeoutMs?: number;
  /**
   * Most routing dialogues kept open at once. A switch that never ends its dialogues would grow
   * the table without bound; beyond this the oldest is forgotten (a late answer for it is not sent).
   * Default 10000.
   */
  readonly maxOpenDialogues?: number;
  /**
   * More call data for a request (merged into {@link RouteRequest.callData}), e.g. looked up by
   * callId from what the application saw of the call. A throw is reported as a warning and ignored.
   */
  readonly callData?: (request: RouteRequest) => Readonly<Record<string, string>> | undefined;
}

/** Default of {@link RoutingOptions.maxOpenDialogues}. */
export const DEFAULT_MAX_OPEN_DIALOGUES = 10_000;

/** Default of {@link RoutingOptions.maxDecisionTimeoutMs}. */
export const DEFAULT_MAX_DECISION_TIMEOUT_MS = 300_000;
/** Decision time when neither the options nor a usable replyTimeout give one. */
const DEFAULT_DECISION_TIMEOUT_MS = 5000;

/** One registered routing point. */
export class RoutingPoint extends EventEmitter<RoutingPointEvents> {
  readonly device: string;
  readonly routeRegisterReqID: string;
  private readonly session: RoutingSession;
  private readonly decide: RouteDecider;
  private readonly options: RoutingOptions;
  /** Open dialogues: cross reference → last request. */
  private readonly open = new Map<string, RouteRequest>();
  private registry: RoutingRegistry | undefined;

  /** How the session's OCTET STRING values carry text (correlator data). */
  get octetStrings(): OctetForm {
    return this.session.octetStrings ?? 'hex';
  }

  constructor(session: RoutingSession, device: string, routeRegisterReqID: string, decide: RouteDecider, options: RoutingOptions, registry: RoutingRegistry) {
    super();
    this.session = session;
    this.device = device;
    this.routeRegisterReqID = routeRegisterReqID;
    this.decide = decide;
    this.options = options;
    this.registry = registry;
  }

  /** Routeing dialogues in progress. */
  get pending(): number {
    return this.open.size;
  }

  /** routeRegisterCancel, then stops dispatching to this point. */
  async unregister(): Promise<void> {
    this.registry?.remove(this);
    this.registry = undefined;
    await this.session.request('routeRegisterCancel', { routeRegisterReqID: this.routeRegisterReqID });
  }

  /** @internal A routeRequest or reRouteRequest for this point. */
  async onRequest(request: RouteRequest): Promise<void> {
    const maxOpen = Math.max(1, this.options.maxOpenDialogues ?? DEFAULT_MAX_OPEN_DIALOGUES);
    this.open.delete(request.crossRefIdentifier);
    while (this.open.size >= maxOpen) {
      const oldest = this.open.keys().next();
      if (oldest.done === true) break;
      this.open.delete(oldest.value);
      this.warn(new Error(`routing point ${this.device}: more than ${maxOpen} open dialogues, forgot ${oldest.value}`));
    }
    request = this.withCallData(request);
    this.open.set(request.crossRefIdentifier, request);
    this.safeEmit('routeRequest', request);
    let decision: RouteDecision;
    try {
      decision = await this.decideInTime(request);
    } catch (e) {
      this.warn(e);
      decision = { end: e instanceof DecisionTimeout ? 'decision timed out' : 'decider failed', failure: e instanceof DecisionTimeout ? { operation: 'routeingTimerExpired' } : { operation: 'generic' } };
    }
    if (!this.open.has(request.crossRefIdentifier)) return; // the switch ended it meanwhile
    const base = { crossRefIdentifier: request.crossRefIdentifier, routeRegisterReqID: this.routeRegisterReqID };
    if ('destination' in decision) {
      this.send('routeSelectRequest', {
        ...base,
        routeSelected: deviceID(decision.destination),
        routeUsedReq: true,
        ...(decision.correlatorData === undefined ? {} : { correlatorData: textAsOctets(decision.correlatorData, this.session.octetStrings) }),
      });
      this.safeEmit('routeSelected', request, decision.destination);
      return;
    }
    this.open.delete(request.crossRefIdentifier);
    this.send('routeEndRequest', { ...base, ...(decision.failure === undefined ? {} : { errorValue: decision.failure }) });
    this.safeEmit('routeEnded', request.crossRefIdentifier, decision.end, true);
  }

  /** @internal The switch re-asks for a dialogue. */
  rerouteRequest(crossRefIdentifier: string): RouteRequest | undefined {
    const last = this.open.get(crossRefIdentifier);
    return last === undefined ? undefined : { ...last, rerouted: true };
  }

  /** @internal The switch ended a dialogue. */
  onEnd(crossRefIdentifier: string, reason: string): void {
    this.open.delete(crossRefIdentifier);
    this.safeEmit('routeEnded', crossRefIdentifier, reason, false);
  }

  /** @internal The switch reported the route used. */
  onUsed(crossRefIdentifier: string, routeUsed: string): void {
    this.safeEmit('routeUsed', crossRefIdentifier, routeUsed);
  }

  /** @internal */
  owns(crossRefIdentifier: string): boolean {
    return this.open.has(crossRefIdentifier);
  }

  private withCallData(request: RouteRequest): RouteRequest {
    const hook = this.options.callData;
    if (hook === undefined || request.rerouted) return request;
    try {
      const more = hook(request);
      return more === undefined ? request : { ...request, callData: { ...request.callData, ...more } };
    } catch (e) {
      this.warn(e);
      return request;
    }
  }

  private decideInTime(request: RouteRequest): Promise<RouteDecision> {
    // replyTimeout (seconds) comes from the switch: a value of 0, a negative one, or one past the
    // timer range (which Node turns into 1 ms) must not make every decision time out at once.
    const reply = request.argument?.replyTimeout === undefined ? NaN : Number(request.argument.replyTimeout) * 800;
    const cap = this.options.maxDecisionTimeoutMs ?? DEFAULT_MAX_DECISION_TIMEOUT_MS;
    const replyMs = Number.isFinite(reply) && reply >= 1 ? Math.min(reply, cap) : undefined;
    const ms = this.options.decisionTimeoutMs ?? replyMs ?? DEFAULT_DECISION_TIMEOUT_MS;
    return new Promise<RouteDecision>((resolve, reject) => {
      const timer = setTimeout(() => reject(new DecisionTimeout(ms)), ms);
      Promise.resolve()
        .then(() => this.decide(request))
        .then(
          (d) => {
            clearTimeout(timer);
            if (d === null || typeof d !== 'object' || (!('destination' in d) && !('end' in d))) reject(new TypeError('decider returned neither destination nor end'));
            else resolve(d);
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(e);
          },
        );
    });
  }

  /** routeSelectRequest/routeEndRequest have no reply: sent as invokes nobody waits for. */
  private send<N extends 'routeSelectRequest' | 'routeEndRequest'>(operation: N, argument: RequestArgument<N>): void {
    if (!this.session.notify(operation, argument)) this.warn(new ConnectionClosedError(`${operation} for ${this.device} not sent: link down`));
  }

  private safeEmit<K extends keyof RoutingPointEvents>(event: K, ...args: RoutingPointEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: RoutingPointEvents[K]) => boolean)(event, ...args);
    } catch (e) {
      this.warn(e);
    }
  }

  private warn(e: unknown): void {
    if (this.listenerCount('warning') > 0) this.emit('warning', e instanceof Error ? e : new Error(String(e)));
  }
}

/** The decider did not answer in time. */
export class DecisionTimeout extends Error {
  readonly code = 'ROUTE_DECISION_TIMEOUT';
  constructor(ms: number) {
    super(`route decision took longer than ${ms} ms`);
  }
}

/** The routing points of one session; owns the session's routeing handlers (a session has one handler per operation). */
class RoutingRegistry {
  private readonly points = new Map<string, RoutingPoint>();

  constructor(session: RoutingSession) {
    session.handle('routeRequest', (arg) => {
      const point = this.pointFor(arg.routeRegisterReqID, [dnOf(arg.routeingDevice), dnOf(arg.currentRoute)]);
      if (point !== undefined) void point.onRequest(toRouteRequest(point, arg));
      return undefined as never;
    });
    session.handle('reRouteRequest', (arg) => {
      const point = this.pointFor(arg.routeRegisterReqID, [], arg.crossRefIdentifier);
      const again = point?.rerouteRequest(arg.crossRefIdentifier);
      if (point !== undefined && again !== undefined) void point.onRequest(again);
      return undefined as never;
    });
    session.handle('routeEndRequest', (arg) => {
      this.pointFor(arg.routeRegisterReqID, [], arg.crossRefIdentifier)?.onEnd(arg.crossRefIdentifier, arg.errorValue === undefined ? 'ended by switch' : JSON.stringify(arg.errorValue));
      return undefined as never;
    });
    session.handle('routeUsedRequest', (arg) => {
      this.pointFor(arg.routeRegisterReqID, [], arg.crossRefIdentifier)?.onUsed(arg.crossRefIdentifier, dnOf(arg.routeUsed));
      return undefined as never;
    });
  }

  add(point: RoutingPoint): void {
    this.points.set(point.routeRegisterReqID, point);
  }

  remove(point: RoutingPoint): void {
    if (this.points.get(point.routeRegisterReqID) === point) this.points.delete(point.routeRegisterReqID);
  }

  /** By registration ID; else by open dialogue; else by device; else the only point. */
  private pointFor(regId: string | undefined, devices: readonly string[], crossRef?: string): RoutingPoint | undefined {
    if (regId !== undefined) {
      const p = this.points.get(regId);
      if (p !== undefined) return p;
    }
    const all = [...this.points.values()];
    if (crossRef !== undefined) {
      const p = all.find((x) => x.owns(crossRef));
      if (p !== undefined) return p;
    }
    const byDevice = all.find((x) => devices.includes(x.device));
    if (byDevice !== undefined) return byDevice;
    return all.length === 1 ? all[0] : undefined;
  }
}

const registries = new WeakMap<RoutingSession, RoutingRegistry>();

function toRouteRequest(point: RoutingPoint, arg: RouteRequestArgument): RouteRequest {
  const correlatorData = octetsAsText(arg.correlatorData, point.octetStrings);
  return {
    routingPoint: point.device,
    routeRegisterReqID: point.routeRegisterReqID,
    crossRefIdentifier: arg.crossRefIdentifier,
    callId: callIdOf(arg.routedCall),
    currentRoute: dnOf(arg.currentRoute),
    callingDevice: dnOf(arg.callingDevice),
    correlatorData,
    callData: correlatorData === '' ? {} : { correlatorData },
    rerouted: false,
    argument: arg,
  };
}

/**
 * Registers `device` as a routing point: routeRegister (and monitorStart when asked), then every
 * routeRequest for it goes to `decide`, whose answer is sent as routeSelectRequest or
 * routeEndRequest. Rejects if the switch refuses the registration.
 */
export async function registerRoutingPoint(session: RoutingSession, device: string, decide: RouteDecider, options: RoutingOptions = {}): Promise<RoutingPoint> {
  let registry = registries.get(session);
  if (registry === undefined) {
    registry = new RoutingRegistry(session);
    registries.set(session, registry);
  }
  const result = await session.request('routeRegister', { routeingDevice: deviceID(device) });
  if (options.monitor === true) await session.monitorStart(device);
  const point = new RoutingPoint(session, device, result.routeRegisterReqID, decide, options, registry);
  registry.add(point);
  return point;
}
