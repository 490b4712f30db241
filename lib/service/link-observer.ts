/**
 * Watches the CSTA session for the service: one log line per link state change (with the
 * endpoint), per failed request (operation, invoke id, device) and per dropped frame (decode error
 * code and offset); the link metrics; and failover — the link coming up on another endpoint than
 * before (primary ⇄ secondary) — which is logged, counted and handed to `onFailover` (the service
 * restores agent states there). Also answers /healthz's question: is the link up, and if not, why.
 */
import type { Logger } from 'pino';
import type { CstaSession, RequestSettled, SessionStatus } from '../session/session.js';
import type { DecodeError } from '../../protocol/errors.js';
import type { ServiceMetrics } from './metrics.js';
import { outcomeOf } from './metrics.js';

/** Health of the PBX link. */
export type LinkHealth = { readonly ok: true; readonly endpoint: string } | { readonly ok: false; readonly reason: string };

/** The device a request argument names, when it names one in the usual places. */
export function deviceOfArgument(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const a = argument as Record<string, unknown>;
  for (const key of ['device', 'snapshotObject', 'callingDevice', 'deviceObject', 'monitorObject', 'callToBeAnswered', 'callToBeCleared', 'callToBeHeld', 'callToBeRetrieved', 'deviceID']) {
    const found = deviceText(a[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function deviceText(v: unknown, depth = 0): string | undefined {
  if (depth > 4 || v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const key of ['dialingNumber', 'deviceNumber', 'deviceIdentifier', 'deviceID', 'deviceObject', 'staticID', 'dynamicID', 'device']) {
    const found = deviceText(o[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What the observer tells the service. */
export interface LinkObserverHooks {
  /** The link came up on `endpoint` after having been on `previous` (a failover); `downMs` since the link was lost. */
  onFailover(previous: string, endpoint: string, downMs: number): void;
  /** The link came up again (any endpoint) after a reconnect. */
  onReconnected(endpoint: string, downMs: number): void;
}

export class LinkObserver {
  private lastStatus: SessionStatus = { type: 'closed', error: undefined };
  private associatedOn: string | undefined;
  private attemptOn: string | undefined;
  private lostAt: number | undefined;

  constructor(
    private readonly session: CstaSession,
    private readonly endpoints: readonly string[],
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
    private readonly hooks: LinkObserverHooks,
  ) {
    session.on('status', (s) => this.onStatus(s));
    session.on('protocolError', (e) => this.onDecodeError(e));
    session.on('requestSettled', (s) => this.onSettled(s));
    session.on('unmatched', (pdu) => {
      metrics.unmatched.inc();
      logger.warn({ invokeId: 'invokeId' in pdu ? pdu.invokeId : undefined, pdu: pdu.pdu }, 'reply for no pending request dropped');
    });
    session.on('resync', (monitor, _snapshot, error) => {
      if (error !== undefined) logger.warn({ device: monitor.device, err: error.message }, 'device resync after reconnect failed');
      else logger.debug({ device: monitor.device }, 'device resynchronised');
    });
  }

  /** `primary` or `secondary` (or `endpoint-N`) for an endpoint. */
  roleOf(endpoint: string): string {
    const i = this.endpoints.indexOf(endpoint);
    return i === 0 ? 'primary' : i === 1 ? 'secondary' : `endpoint-${i + 1}`;
  }

  /** The endpoint the link is associated on, if it is. */
  get endpoint(): string | undefined {
    return this.session.isAssociated ? this.associatedOn : undefined;
  }

  health(): LinkHealth {
    if (this.session.isAssociated && this.associatedOn !== undefined) return { ok: true, endpoint: this.associatedOn };
    const s = this.lastStatus;
    switch (s.type) {
      case 'connecting':
        return { ok: false, reason: `connecting to ${s.endpoint ?? 'the PBX'} (attempt ${s.attempt})` };
      case 'reconnecting':
        return { ok: false, reason: `link lost${s.error === undefined ? '' : ` (${s.error.message})`}; reconnect attempt ${s.attempt} in ${s.delayMs} ms` };
      case 'degraded':
        return { ok: false, reason: `link degraded: ${s.reason}` };
      case 'closed':
        return { ok: false, reason: s.error === undefined ? 'link closed' : `link closed: ${s.error.message}` };
      case 'associated':
        return { ok: false, reason: 'link not associated' };
      default: {
        const never: never = s;
        return { ok: false, reason: `unknown link state ${JSON.stringify(never)}` };
      }
    }
  }

  private onStatus(s: SessionStatus): void {
    this.lastStatus = s;
    this.metrics.setLinkState(s.type);
    switch (s.type) {
      case 'connecting':
        this.attemptOn = s.endpoint;
        this.logger.info({ linkState: 'connecting', attempt: s.attempt, endpoint: s.endpoint, role: s.endpoint === undefined ? undefined : this.roleOf(s.endpoint) }, 'PBX link connecting');
        return;
      case 'associated': {
        const endpoint = this.attemptOn ?? this.associatedOn ?? '?';
        const previous = this.associatedOn;
        this.associatedOn = endpoint;
        this.metrics.setEndpoint(endpoint, this.roleOf(endpoint));
        const downMs = this.lostAt === undefined ? undefined : Date.now() - this.lostAt;
        this.logger.info({ linkState: 'associated', endpoint, role: this.roleOf(endpoint), reconnected: s.reconnected, ...(downMs === undefined ? {} : { downMs }) }, 'PBX link associated');
        if (s.reconnected) {
          this.lostAt = undefined;
          this.hooks.onReconnected(endpoint, downMs ?? 0);
          if (previous !== undefined && previous !== endpoint) {
            this.metrics.failovers.inc();
            this.logger.warn({ linkState: 'failover', from: previous, to: endpoint, fromRole: this.roleOf(previous), toRole: this.roleOf(endpoint), downMs }, 'PBX link failed over');
            this.hooks.onFailover(previous, endpoint, downMs ?? 0);
          }
        }
        return;
      }
      case 'degraded':
        this.logger.warn({ linkState: 'degraded', reason: s.reason }, 'PBX link degraded');
        return;
      case 'reconnecting':
        if (this.lostAt === undefined) this.lostAt = Date.now();
        this.metrics.reconnects.inc();
        this.logger.warn({ linkState: 'reconnecting', attempt: s.attempt, delayMs: s.delayMs, err: s.error?.message }, 'PBX link lost, reconnecting');
        return;
      case 'closed':
        this.logger.info({ linkState: 'closed', err: s.error?.message }, 'PBX link closed');
        return;
      default: {
        const never: never = s;
        this.logger.warn({ status: never }, 'unknown link status');
      }
    }
  }

  private onDecodeError(e: DecodeError): void {
    this.metrics.decodeErrors.inc({ kind: e.code });
    this.logger.warn({ code: e.code, offset: e.offset, err: e.message }, 'frame from the PBX dropped (did not decode)');
  }

  private onSettled(s: RequestSettled): void {
    const outcome = outcomeOf(s.error);
    this.metrics.requests.inc({ operation: s.operation, outcome });
    this.metrics.requestSeconds.observe({ operation: s.operation }, s.durationMs / 1000);
    if (s.error !== undefined && s.operation !== 'systemStatus') {
      this.logger.warn({ operation: s.operation, invokeId: s.invokeId, device: deviceOfArgument(s.argument), outcome, err: s.error.message }, 'CSTA request failed');
    }
  }
}
