/**
 * The agents side of the service: every agent request (gateway, server-side API, plugins) goes
 * through one {@link AgentDispatcher}, which counts requests in flight (shutdown waits for them),
 * exports them as metrics, logs failures, refuses new ones once the service stops accepting, and
 * remembers each agent's last Ready/NotReady state so that, after a failover to another endpoint,
 * the agent can be put back as it was.
 */
import type { Logger } from 'pino';
import { setNewest } from '../bounded-map.js';
import type { PegaCtiLink, PegaLoginParams } from '../pega/link.js';
import type { PegaLinkLike, PegaEventListener } from '../pega/gateway/index.js';
import type { PegaEvent, PegaRequest, PegaResult } from '../pega/types.js';
import type { ServiceMetrics } from './metrics.js';
import type { ServiceRequest } from './plugin.js';

/** Most agents whose last state is remembered (bounded like every peer-growable table). */
export const MAX_REMEMBERED_AGENTS = 100_000;

/** An agent's last Ready/NotReady state, as Pega last saw it. */
interface RememberedState {
  readonly ready: boolean;
  readonly reasonCode: string;
}

/** Counts, logs and gates agent requests; a PegaLinkLike for the gateway. */
export class AgentDispatcher implements PegaLinkLike {
  private inFlightCount = 0;
  private drained: (() => void)[] = [];
  private accepting = true;
  private readonly states = new Map<string, RememberedState>();
  private readonly onEvent = (agentId: string, event: PegaEvent): void => this.remember(agentId, event);
  /** Another instance's link the requests go to instead of the local one (a NATS standby), if any. */
  private remote: PegaLinkLike | undefined;
  /** The front ends' event listeners, also fed from `remote`. */
  private readonly listeners = new Set<PegaEventListener>();
  private readonly relay = (agentId: string, event: PegaEvent): void => {
    for (const l of this.listeners) l(agentId, event);
  };
  /** Settles each request in flight with a failure at once (see failInFlight). */
  private readonly aborts = new Set<(result: PegaResult) => void>();

  constructor(
    readonly link: PegaCtiLink,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    link.on('event', this.onEvent);
  }

  /** Requests not yet answered. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** New requests are refused from now on (shutdown). */
  stopAccepting(): void {
    this.accepting = false;
  }

  /**
   * Answers every request still in flight with OPENCTI_HTTP_ERROR_503 now (shutdown past its
   * drain time), so that the callers get an answer before their sockets close; what the PBX
   * answers later is dropped.
   */
  failInFlight(): number {
    const n = this.aborts.size;
    const failure = { ok: false, errCode: 'OPENCTI_HTTP_ERROR_503', errMessage: 'the service shut down before the PBX answered' } as PegaResult;
    for (const abort of [...this.aborts]) abort(failure);
    return n;
  }

  /** Resolves when no request is in flight. */
  idle(): Promise<void> {
    if (this.inFlightCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Agent passwords from the config, used when a login gives none (replaced on reload). */
  passwords: ReadonlyMap<string, string> = new Map();

  /** Sends requests to `remote` and relays its events (standby), or back to the local link with `undefined`. */
  route(remote: PegaLinkLike | undefined): void {
    this.remote?.off('event', this.relay);
    this.remote = remote;
    remote?.on('event', this.relay);
  }

  /** The link requests go to now. */
  private get target(): PegaLinkLike {
    return this.remote ?? this.link;
  }

  login(params: PegaLoginParams): Promise<PegaResult> {
    const password = params.password ?? this.passwords.get(params.agentId);
    const withPassword = password === undefined ? params : { ...params, password };
    return this.run('login', params.agentId, params.device, () => this.target.login(withPassword));
  }

  logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    return this.run('logout', agentId, this.link.agents.find((a) => a.agentId === agentId)?.device, () => this.target.logout(agentId, reasonCode));
  }

  request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    return this.run(String((request as { action?: unknown }).action), agentId, this.link.agents.find((a) => a.agentId === agentId)?.device, () => this.target.request(agentId, request));
  }

  refresh(agentId: string): Promise<unknown> {
    return this.remote?.refresh?.(agentId) ?? this.link.refresh(agentId);
  }

  on(event: 'event', listener: PegaEventListener): this {
    this.link.on(event, listener);
    this.listeners.add(listener);
    return this;
  }

  off(event: 'event', listener: PegaEventListener): this {
    this.link.off(event, listener);
    this.listeners.delete(listener);
    return this;
  }

  /** One request from a plugin or the API. */
  dispatch(r: ServiceRequest): Promise<PegaResult> {
    switch (r.kind) {
      case 'login':
        return this.login(r.params);
      case 'logout':
        return this.logout(r.agentId, r.reasonCode);
      case 'request':
        return this.request(r.agentId, r.request);
      default: {
        const never: never = r;
        return Promise.resolve({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION', errMessage: `unknown request kind ${JSON.stringify(never)}` } as PegaResult);
      }
    }
  }

  /**
   * After the link came back on another endpoint: logs each logged-in agent in again (a switch
   * that already has them logged on answers "same state", which is fine) and puts them back
   * Ready or NotReady as they last were.
   */
  async restoreAgents(): Promise<void> {
    for (const agent of this.link.agents) {
      const log = this.logger.child({ agentId: agent.agentId, device: agent.device });
      const loggedOn = await this.link.request(agent.agentId, { action: 'login', ...(agent.password === undefined ? {} : { password: agent.password }) });
      if (!loggedOn.ok && loggedOn.errCode !== 'OPENCTI_IN_SAME_STATE') log.warn({ errCode: loggedOn.errCode, err: loggedOn.errMessage }, 'agent login after failover failed');
      const last = this.states.get(agent.agentId);
      if (last === undefined) continue;
      const request: PegaRequest = last.ready ? { action: 'agentReady' } : { action: 'agentNotReady', ...(last.reasonCode === '' ? {} : { reasonCode: last.reasonCode }) };
      const result = await this.link.request(agent.agentId, request);
      if (!result.ok && result.errCode !== 'OPENCTI_IN_SAME_STATE') log.warn({ errCode: result.errCode, err: result.errMessage }, 'agent state restore after failover failed');
      else log.info({ agentState: last.ready ? 'Ready' : 'NotReady' }, 'agent state restored after failover');
    }
  }

  detach(): void {
    this.link.off('event', this.onEvent);
  }

  private remember(agentId: string, event: PegaEvent): void {
    let name: string | undefined;
    if (event.pyEventType === 'SnapshotEvent') name = event.pyAgentState;
    else if (event.pyEventType === 'AgentStateEvent') name = event.pyEventName;
    if (name === 'Logout') this.states.delete(agentId);
    if (name !== 'Ready' && name !== 'NotReady') return;
    const reasonCode = 'pyReasonCode' in event && typeof event.pyReasonCode === 'string' ? event.pyReasonCode : '';
    setNewest(this.states, agentId, { ready: name === 'Ready', reasonCode }, MAX_REMEMBERED_AGENTS);
  }

  private async run(action: string, agentId: string, device: string | undefined, call: () => Promise<PegaResult>): Promise<PegaResult> {
    if (!this.accepting) {
      this.metrics.pegaRequests.inc({ action, outcome: 'refused' });
      return { ok: false, errCode: 'OPENCTI_HTTP_ERROR_503', errMessage: 'the service is shutting down' } as PegaResult;
    }
    this.inFlightCount++;
    let abort: ((result: PegaResult) => void) | undefined;
    const aborted = new Promise<PegaResult>((resolve) => {
      abort = resolve;
      this.aborts.add(resolve);
    });
    try {
      const answered = call().catch((e: unknown): PegaResult => ({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION', errMessage: e instanceof Error ? e.message : String(e) }) as PegaResult);
      const result = await Promise.race([answered, aborted]);
      this.metrics.pegaRequests.inc({ action, outcome: result.ok ? 'ok' : 'error' });
      if (!result.ok) this.logger.warn({ action, agentId, device, errCode: result.errCode, err: result.errMessage }, 'agent request failed');
      return result;
    } finally {
      if (abort !== undefined) this.aborts.delete(abort);
      this.inFlightCount--;
      if (this.inFlightCount === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }
}
