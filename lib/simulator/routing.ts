/**
 * The switch side of CSTA routeing (ECMA-269 §30): route registrations (routeRegister), and the
 * routeing dialogue for a call queued at a routing point — routeRequest to the registered client
 * (or to a client monitoring the device), then routeSelectRequest from it, routeUsedRequest when
 * asked for, routeEndRequest; no answer in time (or routeEnd from the client) → default route.
 */
import type { CstaPdu } from '../../protocol/pdu.js';
import type { RouteSelectRequestArgument } from '../../protocol/csta/services/route-select-request.js';
import type { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import { CstaFailure, Failures } from './errors.js';
import { extDev, HexIds, numberOf } from './identifiers.js';
import { connectionID } from '../session/requests.js';
import type { CallFeatures } from './call-features.js';
import type { SwitchMonitors } from './monitors.js';
import type { Call } from './switch-state.js';

/** A route registration of one client, for one routing device or (no device) for all. */
export interface RouteRegistration {
  readonly id: string;
  readonly clientId: number;
  readonly device: string | undefined;
}

interface RouteDialogue {
  readonly crossRef: string;
  readonly call: Call;
  readonly routingPoint: string;
  readonly clientId: number;
  readonly registration: string | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Sends a PDU to one client (false when it is gone). */
export type ClientSender = (clientId: number, pdu: CstaPdu) => boolean;

/** Route registrations and open routeing dialogues. */
export class Router {
  private readonly registrations = new Map<string, RouteRegistration>();
  private readonly dialogues = new Map<string, RouteDialogue>();
  private readonly regIds = new HexIds();
  private readonly crossRefs = new HexIds();
  private readonly engine: CallFeatures;
  private readonly monitors: SwitchMonitors;
  private readonly send: ClientSender;
  private readonly timeoutMs: number;
  private readonly nextInvokeId: (clientId: number) => number;

  constructor(engine: CallFeatures, monitors: SwitchMonitors, send: ClientSender, nextInvokeId: (clientId: number) => number, timeoutMs: number) {
    this.engine = engine;
    this.monitors = monitors;
    this.send = send;
    this.nextInvokeId = nextInvokeId;
    this.timeoutMs = timeoutMs;
  }

  register(clientId: number, device: string | undefined): RouteRegistration {
    if (device !== undefined && this.engine.state.device(device).config.kind !== 'routingPoint') throw new CstaFailure({ operation: 'invalidDeviceID' });
    const reg: RouteRegistration = { id: this.regIds.take(), clientId, device };
    this.registrations.set(reg.id, reg);
    return reg;
  }

  cancel(clientId: number, id: string): void {
    const reg = this.registrations.get(id);
    if (reg === undefined || reg.clientId !== clientId) throw new CstaFailure({ operation: 'invalidRouteRegistrationCrossRefID' });
    this.registrations.delete(id);
  }

  /** Forgets a client's registrations; its open dialogues fall back to the default route. */
  dropClient(clientId: number): void {
    for (const r of [...this.registrations.values()]) if (r.clientId === clientId) this.registrations.delete(r.id);
    for (const d of [...this.dialogues.values()]) if (d.clientId === clientId) this.finish(d, undefined, false);
  }

  /** A call is queued at a routing point: ask a client for a route, or use the default at once. */
  requested(call: Call, routingPoint: string): void {
    const reg = [...this.registrations.values()].find((r) => r.device === routingPoint) ?? [...this.registrations.values()].find((r) => r.device === undefined);
    const clientId = reg?.clientId ?? this.monitors.of(routingPoint)[0]?.clientId;
    if (clientId === undefined) {
      setImmediate(() => this.defaultRoute(call, routingPoint));
      return;
    }
    const dialogue: RouteDialogue = { crossRef: this.crossRefs.take(), call, routingPoint, clientId, registration: reg?.id, timer: undefined };
    this.dialogues.set(dialogue.crossRef, dialogue);
    dialogue.timer = setTimeout(() => this.finish(dialogue, { operation: 'routeingTimerExpired' }, true), this.timeoutMs);
    dialogue.timer.unref?.();
    this.send(clientId, {
      pdu: 'invoke',
      invokeId: this.nextInvokeId(clientId),
      operation: 'routeRequest',
      argument: {
        crossRefIdentifier: dialogue.crossRef,
        ...(reg === undefined ? {} : { routeRegisterReqID: reg.id }),
        currentRoute: extDev(call.called),
        callingDevice: extDev(call.calling),
        routeingDevice: extDev(routingPoint),
        routedCall: connectionID(call.callID, routingPoint),
        routeSelAlgorithm: 'normal',
        replyTimeout: Math.max(1, Math.round(this.timeoutMs / 1000)),
      },
    });
  }

  /** routeSelectRequest from a client: deliver to the selected route (or an alternate). */
  select(clientId: number, arg: RouteSelectRequestArgument): void {
    const d = this.dialogues.get(arg.crossRefIdentifier);
    if (d === undefined || d.clientId !== clientId) return;
    if (d.call.connections.get(d.routingPoint)?.state !== 'queued') {
      this.finish(d, { operation: 'invalidCallID' }, false);
      return;
    }
    const candidates = [arg.routeSelected, ...(arg.alternateRoutes ?? [])].map(numberOf);
    for (const dest of candidates) {
      if (dest === undefined) continue;
      try {
        this.engine.state.classify(dest);
      } catch {
        continue;
      }
      this.clearTimer(d);
      this.dialogues.delete(d.crossRef);
      this.engine.divert(d.call, d.routingPoint, dest, 'redirected');
      this.engine.notifyChanged();
      if (arg.routeUsedReq === true) {
        this.send(d.clientId, {
          pdu: 'invoke',
          invokeId: this.nextInvokeId(d.clientId),
          operation: 'routeUsedRequest',
          argument: { crossRefIdentifier: d.crossRef, ...(d.registration === undefined ? {} : { routeRegisterReqID: d.registration }), routeUsed: extDev(dest), callingDevice: extDev(d.call.calling) },
        });
      }
      this.sendEnd(d, undefined);
      return;
    }
    this.finish(d, Failures.invalidDestination().failure, true);
  }

  /** routeEndRequest from a client: the switch routes the call itself. */
  end(clientId: number, crossRef: string): void {
    const d = this.dialogues.get(crossRef);
    if (d === undefined || d.clientId !== clientId) return;
    this.clearTimer(d);
    this.dialogues.delete(crossRef);
    this.defaultRoute(d.call, d.routingPoint);
  }

  get openDialogues(): number {
    return this.dialogues.size;
  }

  private finish(d: RouteDialogue, error: UniversalFailure | undefined, tellClient: boolean): void {
    this.clearTimer(d);
    this.dialogues.delete(d.crossRef);
    if (tellClient) this.sendEnd(d, error);
    this.defaultRoute(d.call, d.routingPoint);
  }

  private sendEnd(d: RouteDialogue, error: UniversalFailure | undefined): void {
    this.send(d.clientId, {
      pdu: 'invoke',
      invokeId: this.nextInvokeId(d.clientId),
      operation: 'routeEndRequest',
      argument: { crossRefIdentifier: d.crossRef, ...(d.registration === undefined ? {} : { routeRegisterReqID: d.registration }), ...(error === undefined ? {} : { errorValue: error }) },
    });
  }

  private clearTimer(d: RouteDialogue): void {
    if (d.timer !== undefined) clearTimeout(d.timer);
    d.timer = undefined;
  }

  /** Sends a call still queued at the routing point to the point's default route (or clears it). */
  private defaultRoute(call: Call, routingPoint: string): void {
    if (call.connections.get(routingPoint)?.state !== 'queued') return;
    const dest = this.engine.state.devices.get(routingPoint)?.config.defaultRoute;
    if (dest === undefined) this.engine.clearCall(call, 'noRule');
    else this.engine.divert(call, routingPoint, dest, 'redirected');
    this.engine.notifyChanged();
  }
}
