/**
 * CtiLinkService: one CTI link as a service (`csta serve`). It composes, from a validated config:
 *
 *   [embedded PbxSimulator] ← CstaSession (primary/secondary endpoints) ← PegaCtiLink ← AgentDispatcher
 *                                                                              ↑
 *   one HTTP server: /healthz /readyz /metrics, plugins, gateway (WebSocket + toolbar) ┘
 *
 * plus logs and metrics of the link (link-observer.ts), routing points, agents logged in at start,
 * agent states restored after a failover, SIGHUP reload (`reload`) and a bounded, orderly `stop`
 * (stop accepting, finish in-flight requests, close sockets, stop plugins, release the
 * association with RLRQ / StopApplicationSession).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { CstaSession } from '../session/session.js';
import { PegaCtiLink } from '../pega/link.js';
import { registerRoutingPoint } from '../pega/routing.js';
import type { RoutingPoint } from '../pega/routing.js';
import { jwtAuthenticator, staticTokenTable } from '../pega/gateway/index.js';
import type { Authenticator, GatewayIdentity, PegaGatewayOptions } from '../pega/gateway/index.js';
import { PbxSimulator } from '../simulator/simulator.js';
import { createPegaServer } from '../pega/server/integration.js';
import type { PegaServer } from '../pega/server/integration.js';
import type { PegaServerLink } from '../pega/server/api.js';
import type { ApiAuthenticator } from '../pega/server/auth.js';
import { AgentDispatcher } from './agents.js';
import { readConfigFile } from './config.js';
import type { EndpointConfig, LogLevel, ServiceConfig } from './config-schema.js';
import { mountGateway } from './gateway-mount.js';
import type { MountedGateway } from './gateway-mount.js';
import { handleServiceRoute } from './http-routes.js';
import { LinkObserver } from './link-observer.js';
import { createLogger } from './logging.js';
import { ServiceMetrics } from './metrics.js';
import type { AssociationState, ServiceHost, ServicePlugin, ServicePluginFactory } from './plugin.js';
import { BUILTIN_PLUGINS } from './plugins.js';
import { endpointText, sessionOptionsOf, simulatorOptionsOf } from './session-config.js';
import { diffReload } from './reload.js';
import type { ReloadReport } from './reload.js';

/** Options of {@link CtiLinkService.start}. */
export interface ServiceStartOptions {
  readonly config: ServiceConfig;
  /** @default a pino logger on stdout at the config's level */
  readonly logger?: Logger;
  /** @default BUILTIN_PLUGINS */
  readonly plugins?: readonly ServicePluginFactory[];
  /** Overrides `http.port` (`--port`). */
  readonly httpPort?: number;
  /** Overrides `log.level` (`--log-level`), also across reloads. */
  readonly logLevel?: LogLevel;
}

/** How {@link CtiLinkService.stop} ended. */
export interface StopReport {
  /** False when the shutdown bound (`shutdown.timeoutMs`) ran out and the rest was cut short. */
  readonly clean: boolean;
  readonly elapsedMs: number;
}

/** Resolves after `ms`, or at once when `signal` aborts (the timer and the listener are then removed). */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const onAbort = (): void => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The PEM text of `auth.jwt.publicKeyFile`, or a ConfigError naming the key. */
function readPublicKey(path: string): string {
  return readConfigFile(path, 'auth.jwt.publicKeyFile').toString('utf8');
}

/** One running CTI link service. */
export class CtiLinkService {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  readonly session: CstaSession;
  readonly link: PegaCtiLink;
  readonly dispatcher: AgentDispatcher;
  /** The embedded simulator (config `simulator`), if any. */
  readonly simulator: PbxSimulator | undefined;
  /** The configured endpoints as `host:port`, primary first. */
  readonly endpoints: readonly string[];
  private config: ServiceConfig;
  private readonly options: ServiceStartOptions;
  private readonly server: http.Server;
  private readonly observer: LinkObserver;
  private gateway: MountedGateway | undefined;
  /** The server-side API and event pusher (config `server`), if configured. */
  private pegaServer: PegaServer | undefined;
  private readonly plugins: { readonly section: string; readonly plugin: ServicePlugin }[] = [];
  private readonly routingPoints = new Map<string, RoutingPoint>();
  private authenticator: Authenticator;
  private state: 'starting' | 'running' | 'stopping' | 'stopped' = 'starting';
  private readonly stopSignal = new AbortController();
  private stopping: Promise<StopReport> | undefined;
  private associating: Promise<void> | undefined;
  private held = false;

  private constructor(options: ServiceStartOptions, simulator: PbxSimulator | undefined, endpoints: readonly EndpointConfig[]) {
    this.options = options;
    this.config = options.config;
    this.simulator = simulator;
    this.logger = options.logger ?? createLogger({ level: options.logLevel ?? options.config.log.level, name: options.config.name });
    if (options.logLevel !== undefined) this.logger.level = options.logLevel;
    this.endpoints = endpoints.map(endpointText);
    this.session = new CstaSession(sessionOptionsOf(this.config, endpoints));
    this.link = new PegaCtiLink(this.session);
    this.link.on('warning', (e) => this.logger.warn({ err: e.message }, 'Pega link warning'));
    this.metrics = new ServiceMetrics(this.config.name, {
      frames: () => this.session.frameCounts,
      liveCalls: () => this.session.model?.size ?? 0,
      monitoredDevices: () => this.session.monitors.length,
      gatewaySockets: () => this.gateway?.gateway.connectionCount ?? 0,
      pusher: () => {
        const stats = this.pegaServer?.pusher === undefined ? undefined : this.pegaServer.stats();
        return stats === undefined ? undefined : { queueDepth: stats.depth, dropped: stats.dropped };
      },
    });
    this.dispatcher = new AgentDispatcher(this.link, this.metrics, this.logger);
    this.observer = new LinkObserver(this.session, this.endpoints, this.metrics, this.logger, {
      onReconnected: () => this.reRegisterRoutingPoints(),
      onFailover: () => {
        this.dispatcher.restoreAgents().catch((e: unknown) => this.logger.warn({ err: String(e) }, 'agent restore after failover failed'));
      },
    });
    this.authenticator = this.makeAuthenticator();
    this.applyAgentPasswords();
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => this.onRequest(req, res);
    const tls = httpsOptionsOf(this.config);
    this.server = tls === undefined ? http.createServer(handler) : https.createServer(tls, handler);
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    this.server.on('clientError', (_e, socket) => socket.destroy());
  }

  /** Starts everything; resolves once the HTTP port listens (the PBX link comes up in the background: see `whenAssociated`). */
  static async start(options: ServiceStartOptions): Promise<CtiLinkService> {
    const config = options.config;
    let simulator: PbxSimulator | undefined;
    let endpoints = config.pbx.endpoints ?? [];
    if (config.simulator !== undefined) {
      simulator = new PbxSimulator(simulatorOptionsOf(config));
      const port = await simulator.listen(config.simulator.port, config.simulator.host);
      if (endpoints.length === 0) endpoints = [{ host: config.simulator.host, port }];
    }
    let service: CtiLinkService;
    try {
      service = new CtiLinkService(options, simulator, endpoints);
    } catch (e) {
      // A config the constructor refuses (an unreadable http.tls file, ...): stop what already runs.
      await simulator?.close().catch(() => undefined);
      throw e;
    }
    try {
      await service.startParts();
    } catch (e) {
      await service.stop().catch(() => undefined);
      throw e;
    }
    return service;
  }

  /** The HTTP port. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The config in force (after reloads). */
  get currentConfig(): ServiceConfig {
    return this.config;
  }

  /** The PBX association now. */
  association(): AssociationState {
    return { held: this.held, associated: this.session.isAssociated, endpoint: this.observer.endpoint };
  }

  /** Resolves once the link is associated (rejects after `timeoutMs`). */
  whenAssociated(timeoutMs = 10_000): Promise<void> {
    if (this.session.isAssociated) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.session.off('status', onStatus);
        reject(new Error(`PBX link not associated within ${timeoutMs} ms: ${this.healthReason() ?? ''}`));
      }, timeoutMs);
      const onStatus = (): void => {
        if (!this.session.isAssociated) return;
        clearTimeout(timer);
        this.session.off('status', onStatus);
        resolve();
      };
      this.session.on('status', onStatus);
    });
  }

  private healthReason(): string | undefined {
    const h = this.observer.health();
    return h.ok ? undefined : h.reason;
  }

  private async startParts(): Promise<void> {
    const c = this.config;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.httpPort ?? c.http.port, c.http.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    if (c.gateway.enabled) this.gateway = await mountGateway(this.gatewayOptions());
    if (c.server !== undefined) this.pegaServer = this.createServerApi(c.server);
    const host = this.pluginHost();
    let managed = false;
    for (const factory of this.options.plugins ?? BUILTIN_PLUGINS) {
      const section = c[factory.section];
      if (section === undefined) continue;
      managed ||= factory.managesAssociation?.(section) === true;
      const plugin = factory.create(section, host.child(factory.section));
      await plugin.start();
      this.plugins.push({ section: factory.section, plugin });
    }
    this.state = 'running';
    this.logger.info({ port: this.port, https: c.http.tls !== undefined, endpoints: this.endpoints, simulator: this.simulator !== undefined, gateway: c.gateway.enabled ? c.gateway.path : false }, 'csta serve listening');
    if (!managed) void this.associate().catch(() => undefined);
  }

  /** The gateway options; limits are getters so that a reload applies to new sockets and requests. */
  private gatewayOptions(): PegaGatewayOptions & { readonly server: http.Server; readonly path: string } {
    const self = this;
    const g = this.config.gateway;
    return {
      link: this.dispatcher,
      server: this.server,
      path: g.path,
      authenticate: (token) => self.authenticator(token),
      host: this.config.http.host,
      publicDir: g.toolbar ? undefined : false,
      logoutOnClose: g.logoutOnClose,
      heartbeatMs: g.heartbeatMs,
      maxPayload: this.config.limits.maxPayloadBytes,
      ...(g.allowedOrigins === undefined ? {} : { allowedOrigins: g.allowedOrigins }),
      get maxSockets() {
        return self.config.limits.maxSockets;
      },
      get maxSocketsPerAgent() {
        return self.config.limits.maxSocketsPerAgent;
      },
      get maxInFlight() {
        return self.config.limits.maxInFlightPerSocket;
      },
    };
  }

  /**
   * The token table, then (with `auth.jwt`) JWT verification for tokens not in it. With
   * `agents.mode: configured` a JWT must name a listed agent.
   */
  /**
   * The server-side API and pusher on the agent dispatcher (so its requests count, log and drain
   * at shutdown like the gateway's). With `auth.jwt`, an agent's JWT may call it for that agent.
   */
  private createServerApi(section: NonNullable<ServiceConfig['server']>): PegaServer {
    const link = this.link;
    const d = this.dispatcher;
    const serverLink: PegaServerLink = {
      login: (params) => d.login(params),
      logout: (agentId, reasonCode) => d.logout(agentId, reasonCode),
      request: (agentId, request) => d.request(agentId, request),
      refresh: (agentId) => d.refresh(agentId) as ReturnType<PegaServerLink['refresh']>,
      agentAt: (device) => link.agentAt(device),
      get agents() {
        return link.agents;
      },
      on: (event, listener) => d.on(event, listener),
      off: (event, listener) => d.off(event, listener),
    };
    const jwtAuth: ApiAuthenticator | undefined =
      this.config.auth.jwt === undefined
        ? undefined
        : async (token) => {
            const identity = await this.authenticator(token);
            return identity === undefined ? undefined : { name: `agent ${identity.agentId}`, agentIds: [identity.agentId] };
          };
    const server = createPegaServer(serverLink, { ...section, ...(jwtAuth === undefined ? {} : { authenticate: jwtAuth }) });
    server.pusher?.on('dropped', (envelope, reason) => this.logger.warn({ reason, agentId: envelope.agentId, device: envelope.dn, event: envelope.event?.pyEventName, sequence: envelope.sequence }, 'event pusher dropped an event'));
    server.pusher?.on('rejected', (envelope, status) => this.logger.warn({ status, agentId: envelope.agentId, device: envelope.dn, event: envelope.event?.pyEventName, sequence: envelope.sequence }, 'Pega refused a pushed event'));
    return server;
  }

  private makeAuthenticator(): Authenticator {
    const table = new Map<string, GatewayIdentity>(this.config.auth.tokens.map((t) => [t.token, { agentId: t.agentId, device: t.device }]));
    const byTable = staticTokenTable(table);
    const jwt = this.config.auth.jwt;
    if (jwt === undefined) return byTable;
    const log = this.logger.child({ auth: 'jwt' });
    const verify = jwtAuthenticator({
      key: jwt.secret !== undefined ? { secret: jwt.secret } : { publicKey: readPublicKey(jwt.publicKeyFile ?? '') },
      ...(jwt.algorithms === undefined ? {} : { algorithms: jwt.algorithms }),
      ...(jwt.issuer === undefined ? {} : { issuer: jwt.issuer }),
      ...(jwt.audience === undefined ? {} : { audience: jwt.audience }),
      clockToleranceSec: jwt.clockToleranceSec,
      onRejected: (reason) => log.info({ reason }, 'JWT refused'),
    });
    const agents = this.config.agents;
    return async (token) => {
      const fromTable = await byTable(token);
      if (fromTable !== undefined) return fromTable;
      const identity = await verify(token);
      if (identity === undefined) return undefined;
      if (agents.mode === 'configured' && !agents.list.some((a) => a.agentId === identity.agentId)) {
        log.info({ agentId: identity.agentId }, 'JWT refused: agent not in agents.list');
        return undefined;
      }
      return identity;
    };
  }

  private applyAgentPasswords(): void {
    this.dispatcher.passwords = new Map(this.config.agents.list.flatMap((a) => (a.password === undefined ? [] : [[a.agentId, a.password] as const])));
  }

  /** The host handed to plugins. */
  private pluginHost(): { child(section: string): ServiceHost } {
    return {
      child: (section) => ({
        linkName: this.config.name,
        session: this.session,
        link: this.link,
        logger: this.logger.child({ plugin: section }),
        metrics: this.metrics.registry,
        dispatch: (r) => this.dispatcher.dispatch(r),
        association: () => this.association(),
        associate: () => this.associate(),
        release: () => this.release(),
        routeAgents: (remote) => this.dispatcher.route(remote),
      }),
    };
  }

  /**
   * Opens the link (trying the endpoints in turn, again and again with backoff until it works or
   * the service stops), then registers the routing points and logs in the agents marked
   * `loginAtStart`.
   */
  associate(): Promise<void> {
    this.associating ??= this.associateLoop().finally(() => {
      this.associating = undefined;
    });
    return this.associating;
  }

  private async associateLoop(): Promise<void> {
    this.held = true;
    const { initialMs, maxMs } = this.config.pbx.reconnect;
    for (let attempt = 1; !this.session.isAssociated; attempt++) {
      if (this.state === 'stopping' || this.state === 'stopped' || !this.held) return;
      try {
        await this.session.connect();
      } catch (e) {
        const delay = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 20));
        this.logger.warn({ linkState: 'closed', attempt, endpoints: this.endpoints, err: (e as Error).message, retryInMs: delay }, 'PBX link could not be opened');
        await sleep(delay, this.stopSignal.signal);
      }
    }
    await this.registerRoutingPoints();
    await this.loginAtStartAgents();
  }

  /** Logs in the agents marked `loginAtStart` that are not logged in yet. */
  private async loginAtStartAgents(): Promise<void> {
    for (const a of this.config.agents.list) {
      if (!a.loginAtStart || this.link.agents.some((x) => x.agentId === a.agentId)) continue;
      const r = await this.dispatcher.login({ agentId: a.agentId, device: a.device, ...(a.password === undefined ? {} : { password: a.password }) });
      if (r.ok) this.logger.info({ agentId: a.agentId, device: a.device }, 'agent logged in at start');
    }
  }

  /** Releases the association properly and closes the link. */
  async release(): Promise<void> {
    this.held = false;
    await this.session.close();
  }

  private async registerRoutingPoints(): Promise<void> {
    for (const p of this.config.routing.points) {
      if (this.routingPoints.has(p.device)) continue;
      await this.registerRoutingPoint(p.device, p.monitor);
    }
  }

  private async registerRoutingPoint(device: string, monitor: boolean): Promise<void> {
    try {
      const rp = await registerRoutingPoint(this.session, device, () => {
        const point = this.config.routing.points.find((x) => x.device === device);
        return point === undefined ? { end: 'routing point removed' } : { destination: point.destination };
      }, { monitor });
      rp.on('routeSelected', (req, destination) => this.logger.info({ device, callId: req.callId, destination }, 'call routed'));
      rp.on('warning', (e) => this.logger.warn({ device, err: e.message }, 'routing point warning'));
      this.routingPoints.set(device, rp);
      this.logger.info({ device }, 'routing point registered');
    } catch (e) {
      this.logger.warn({ device, err: (e as Error).message }, 'routing point registration failed');
    }
  }

  /** After a reconnect the switch knows no registration: register each point again. */
  private reRegisterRoutingPoints(): void {
    const points = [...this.routingPoints.values()];
    this.routingPoints.clear();
    void (async () => {
      for (const rp of points) await rp.unregister().catch(() => undefined);
      await this.registerRoutingPoints();
    })();
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const handled = handleServiceRoute(req, res, {
      health: () => {
        const h = this.observer.health();
        const standby = h.ok ? undefined : this.standbyReason();
        if (standby !== undefined) return { ok: true, body: { link: 'standby', standby, pyLinkState: this.link.linkState } };
        return h.ok ? { ok: true, body: { link: 'associated', endpoint: h.endpoint, role: this.observer.roleOf(h.endpoint), pyLinkState: this.link.linkState } } : { ok: false, reason: h.reason };
      },
      ready: () => this.readiness(),
      metrics: async () => ({ contentType: this.metrics.contentType, text: await this.metrics.text() }),
      toolbarPath: () => (this.gateway !== undefined && this.config.gateway.toolbar ? '/toolbar' : undefined),
    });
    if (handled) return;
    for (const { plugin } of this.plugins) if (plugin.handle?.(req, res) === true) return;
    if (this.pegaServer?.handle(req, res) === true) return;
    if (this.gateway?.handle(req, res) === true) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('not found\n');
  }

  /** A plugin's reason this instance is a standby on purpose (see ServicePlugin.standby). */
  private standbyReason(): string | undefined {
    for (const { plugin } of this.plugins) {
      const r = plugin.standby?.();
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private readiness(): string | undefined {
    if (this.state !== 'running') return `service ${this.state}`;
    const h = this.observer.health();
    if (!h.ok && this.standbyReason() === undefined) return h.reason;
    for (const { section, plugin } of this.plugins) {
      const r = plugin.notReady?.();
      if (r !== undefined) return `${section}: ${r}`;
    }
    return undefined;
  }

  private onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.gateway?.upgrade(req, socket, head) === true) return;
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }

  // ---- reload and stop -------------------------------------------------------------------------

  /**
   * Applies a new config (SIGHUP): log level, tokens, agents (passwords, `loginAtStart`), limits,
   * routing destinations and points, plugin sections. What cannot change without a restart is
   * listed in the report (and logged); the rest of the new config is then not applied.
   */
  async reload(next: ServiceConfig): Promise<ReloadReport> {
    const report = diffReload(this.config, next);
    if (report.needsRestart.length > 0) {
      this.logger.warn({ needsRestart: report.needsRestart }, 'config reload refused: these keys need a restart');
      return report;
    }
    const previous = this.config;
    this.config = next;
    this.logger.level = this.options.logLevel ?? next.log.level;
    this.authenticator = this.makeAuthenticator();
    this.applyAgentPasswords();
    for (const device of [...this.routingPoints.keys()]) {
      if (next.routing.points.some((p) => p.device === device)) continue;
      const rp = this.routingPoints.get(device);
      this.routingPoints.delete(device);
      await rp?.unregister().catch(() => undefined);
    }
    if (this.session.isAssociated) {
      await this.registerRoutingPoints();
      await this.loginAtStartAgents();
    }
    for (const { section, plugin } of this.plugins) {
      if (JSON.stringify(previous[section]) !== JSON.stringify(next[section])) await plugin.reload?.(next[section]);
    }
    this.logger.info({ changed: report.changed }, 'config reloaded');
    return report;
  }

  /**
   * Orderly shutdown within `shutdown.timeoutMs`: readyz goes 503 and new requests are refused,
   * in-flight requests get half the time to finish, gateway sockets close (1001), plugins stop
   * (flushing what they publish), the association is released (RLRQ / StopApplicationSession),
   * then the simulator and the HTTP server close.
   */
  stop(): Promise<StopReport> {
    this.stopping ??= this.stopWithin();
    return this.stopping;
  }

  private async stopWithin(): Promise<StopReport> {
    const started = Date.now();
    const bound = this.config.shutdown.timeoutMs;
    this.state = 'stopping';
    this.stopSignal.abort();
    this.logger.info({ inFlight: this.dispatcher.inFlight, timeoutMs: bound }, 'shutting down');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), bound)));
    const outcome = await Promise.race([this.shutdownSteps(bound / 2).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.error({ timeoutMs: bound }, 'shutdown took too long: closing what is left');
      this.server.closeAllConnections();
      await this.simulator?.close().catch(() => undefined);
    }
    this.state = 'stopped';
    const elapsedMs = Date.now() - started;
    this.logger.info({ elapsedMs, clean: outcome === 'done' }, 'stopped');
    return { clean: outcome === 'done', elapsedMs };
  }

  private async shutdownSteps(drainMs: number): Promise<void> {
    this.dispatcher.stopAccepting();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const drainTimer = new AbortController();
    const drained = await Promise.race([this.dispatcher.idle().then(() => true), sleep(drainMs, drainTimer.signal).then(() => false)]);
    drainTimer.abort();
    if (!drained) {
      this.logger.warn({ inFlight: this.dispatcher.inFlight }, 'requests still in flight at shutdown: failing them');
      this.dispatcher.failInFlight();
    }
    await new Promise((resolve) => setImmediate(resolve)); // the last answers go out before the sockets close
    await this.gateway?.close();
    if (this.pegaServer !== undefined) {
      const discarded = await this.pegaServer.close(drainMs / 2);
      this.logger[discarded > 0 ? 'warn' : 'info']({ discarded, ...this.pegaServer.stats() }, 'event pusher flushed');
    }
    for (const { section, plugin } of [...this.plugins].reverse()) {
      await plugin.stop().catch((e: unknown) => this.logger.warn({ plugin: section, err: String(e) }, 'plugin stop failed'));
    }
    this.held = false;
    await this.session.close();
    this.dispatcher.detach();
    this.link.detach();
    await this.simulator?.close();
    this.server.closeAllConnections();
    await closed;
  }
}

/** The HTTPS server options of `http.tls` (PEM files read now: a missing file is a ConfigError), or undefined for plain HTTP. */
function httpsOptionsOf(config: ServiceConfig): https.ServerOptions | undefined {
  const t = config.http.tls;
  if (t === undefined) return undefined;
  return {
    cert: readConfigFile(t.certFile, 'http.tls.certFile'),
    key: readConfigFile(t.keyFile, 'http.tls.keyFile'),
    ...(t.caFile === undefined ? {} : { ca: readConfigFile(t.caFile, 'http.tls.caFile') }),
    requestCert: t.requireClientCert,
    rejectUnauthorized: t.requireClientCert,
  };
}
