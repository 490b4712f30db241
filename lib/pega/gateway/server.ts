/**
 * PegaGateway: lets a browser CTI toolbar (the demo page, or Pega with the OpenCTI adapter of
 * lib/opencti/) drive the Pega layer over a WebSocket.
 *
 *   browser ──WebSocket (JSON, docs/pega-gateway.md)──> PegaGateway ──> PegaCtiLink ──> CstaSession ──> PBX
 *
 * Standalone, it owns one HTTP (or, with `tls`, HTTPS) server on 127.0.0.1 by default. Mounted
 * (`server`), it handles only its own paths on someone else's server: upgrades on its WebSocket
 * path, and the public files through {@link PegaGateway.handle}. An upgrade carrying a valid token
 * (auth.ts, jwt.ts) opens a socket bound to that token's agent. Every request on the socket acts
 * for that agent only, and the socket receives that agent's events only.
 */
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { RawData } from 'ws';
import { tokenFromUpgrade } from './auth.js';
import { DEFAULT_GATEWAY_PATH, GATEWAY_SUBPROTOCOL, encodeServerMessage, failure, parseClientMessage, resultFromThrown } from './protocol.js';
import type { RequestId, ServerMessage } from './protocol.js';
import { StaticFiles, checkOrigins } from './static.js';
import { GatewayErrorCode, deviceAllowed } from './types.js';
import type { Authenticator, GatewayIdentity, GatewayResult, PegaEvent, PegaLinkLike, PegaRequest } from './types.js';

/** Options of {@link PegaGateway}. */
export interface PegaGatewayOptions {
  /** The Pega layer (a `PegaCtiLink`). */
  readonly link: PegaLinkLike;
  /** Token → identity; `undefined` refuses the upgrade with HTTP 401. */
  readonly authenticate: Authenticator;
  /** @default 0 (any free port; `listen()` resolves with the one chosen) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** URL path of the WebSocket endpoint. @default '/cti' */
  readonly path?: string;
  /** Largest accepted client frame in bytes; larger ones close the socket with 1009. @default 16384 */
  readonly maxPayload?: number;
  /** Log the agent out when their last socket closes. @default false (a page reload would log out) */
  readonly logoutOnClose?: boolean;
  /** Requests one socket may have waiting for results. @default 16 */
  readonly maxInFlight?: number;
  /** A socket whose unsent output exceeds this many bytes is dropped. @default 1048576 */
  readonly maxBufferedBytes?: number;
  /** Directory of toolbar.html and toolbar.js; `false` serves no files. @default ./public next to this module */
  readonly publicDir?: string | false;
  /**
   * The origins (e.g. Pega's `https://pega.example.com`) allowed to use the gateway. When set,
   * upgrades whose `Origin` header is not in this list get HTTP 403, and the served pages may be
   * framed by these origins only (CSP `frame-ancestors`); unset, no page may frame them.
   */
  readonly allowedOrigins?: readonly string[];
  /** Serve HTTPS / wss with this key and certificate (standalone mode only). */
  readonly tls?: https.ServerOptions;
  /**
   * Mount on this existing HTTP or HTTPS server instead of creating one: the gateway then takes
   * only upgrades on `path` (others are left to the server's other listeners) and never listens or
   * closes the server; its owner passes plain requests to {@link PegaGateway.handle}.
   */
  readonly server?: http.Server | https.Server;
  /**
   * Ping every socket this often; one that has not answered the previous ping is dropped (a
   * vanished browser then counts as closed, see `logoutOnClose`). 0 = no pings. @default 30000
   */
  readonly heartbeatMs?: number;
  /**
   * Most sockets open at once, all agents together, counting upgrades still being authenticated.
   * Each socket costs CSTA requests (the snapshot as it opens, then its requests), so sockets are
   * a bounded resource: past the bound an upgrade is refused with HTTP 503. @default DEFAULT_MAX_SOCKETS
   */
  readonly maxSockets?: number;
  /** Most sockets one agent may have open at once; past it HTTP 503. @default DEFAULT_MAX_SOCKETS_PER_AGENT */
  readonly maxSocketsPerAgent?: number;
}

/** Close code of a socket whose token expired (4000–4999 are the application's; 4401 as in HTTP 401). */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;

/** Default of {@link PegaGatewayOptions.maxSockets}. */
export const DEFAULT_MAX_SOCKETS = 256;
/** Default of {@link PegaGatewayOptions.maxSocketsPerAgent}. */
export const DEFAULT_MAX_SOCKETS_PER_AGENT = 8;

/** Diagnostics the gateway emits. */
export interface PegaGatewayEvents {
  /** A socket was authenticated and opened. */
  connection: [identity: GatewayIdentity];
  /** A socket closed. */
  disconnection: [identity: GatewayIdentity, code: number];
  /** An upgrade was refused with this HTTP status. */
  rejected: [status: number, reason: string];
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** Writes a bare HTTP error on a socket that asked to upgrade, then closes it. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  if (status === 401) headers.push('WWW-Authenticate: Bearer realm="pega-gateway"');
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/** The path of a request's URL, or undefined when it cannot be read. */
function pathOf(req: http.IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://gateway.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** The WebSocket gateway. */
export class PegaGateway extends EventEmitter<PegaGatewayEvents> {
  private readonly options: PegaGatewayOptions;
  private readonly server: http.Server | https.Server;
  /** Whether the server is someone else's (`options.server`). */
  private readonly mounted: boolean;
  private readonly onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.mounted && pathOf(req) !== this.path) return;
    socket.on('error', () => socket.destroy());
    void this.upgrade(req, socket, head);
  };
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly onLinkEvent = (agentId: string, event: PegaEvent): void => this.deliver(agentId, event);
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private files: StaticFiles | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private state: 'idle' | 'listening' | 'closed' = 'idle';
  /** Upgrades past the socket-count check and not yet opened or refused (they hold a place). */
  private upgrading = 0;

  constructor(options: PegaGatewayOptions) {
    super();
    this.options = options;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayload ?? 16 * 1024,
      perMessageDeflate: false,
      handleProtocols: (offered) => (offered.has(GATEWAY_SUBPROTOCOL) ? GATEWAY_SUBPROTOCOL : false),
    });
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      if (this.handle(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('not found\n');
    };
    if (options.allowedOrigins !== undefined) checkOrigins(options.allowedOrigins);
    this.mounted = options.server !== undefined;
    if (options.server !== undefined && options.tls !== undefined) throw new TypeError('PegaGateway: give either server or tls, not both (a mounted gateway uses its server\'s TLS)');
    this.server = options.server ?? (options.tls !== undefined ? https.createServer(options.tls, onRequest) : http.createServer(onRequest));
    this.server.on('upgrade', this.onUpgrade);
  }

  /** The WebSocket endpoint's path. */
  get path(): string {
    return this.options.path ?? DEFAULT_GATEWAY_PATH;
  }

  /**
   * Answers a plain HTTP request for one of the gateway's public files (`/toolbar`, `/toolbar.js`,
   * `/opencti.js`…, and `/` when standalone) and returns true; returns false, touching nothing,
   * for any other path (and before `listen()` or after `close()`), so a mounting server can route
   * the request on.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (this.files === undefined || this.state !== 'listening') return false;
    const pathname = pathOf(req);
    if (pathname === undefined || (this.mounted && pathname === '/')) return false;
    return this.files.handle(req, res, pathname);
  }

  /** Open sockets, all agents together. */
  get connectionCount(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  /**
   * Starts: loads the public files, subscribes to the link and, standalone, listens; resolves with
   * the port (mounted: the server's port if it is listening, else 0).
   */
  async listen(): Promise<number> {
    if (this.state !== 'idle') throw new Error(`listen() while ${this.state}`);
    if (this.options.publicDir !== false) this.files = await StaticFiles.load(this.options.publicDir, this.options.allowedOrigins);
    if (!this.mounted) await this.listenStandalone();
    this.state = 'listening';
    this.options.link.on('event', this.onLinkEvent);
    const heartbeatMs = this.options.heartbeatMs ?? 30_000;
    if (heartbeatMs > 0) {
      this.heartbeat = setInterval(() => this.pingAll(), heartbeatMs);
      this.heartbeat.unref();
    }
    const address = this.server.address();
    return address !== null && typeof address === 'object' ? (address as AddressInfo).port : 0;
  }

  private async listenStandalone(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /**
   * Cuts the agent's sockets at once, without a closing handshake, as a network failure would
   * (clients see 1006 and reconnect). Returns how many were cut.
   */
  dropAgent(agentId: string): number {
    const set = this.sockets.get(agentId);
    if (set === undefined) return 0;
    const cut = [...set];
    for (const ws of cut) ws.terminate();
    return cut.length;
  }

  /** Drops sockets that did not answer the last ping, pings the rest. */
  private pingAll(): void {
    for (const set of this.sockets.values()) {
      for (const ws of set) {
        if (this.alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        this.alive.set(ws, false);
        ws.ping();
      }
    }
  }

  /** Closes every socket (code 1001), stops listening and detaches from the link. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    const wasListening = this.state === 'listening';
    this.state = 'closed';
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.options.link.off('event', this.onLinkEvent);
    for (const set of this.sockets.values()) for (const ws of set) ws.close(1001, 'gateway closing');
    const closing = [...this.sockets.values()].flatMap((set) => [...set]).map(
      (ws) => new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        const timer = setTimeout(() => ws.terminate(), 1000);
        ws.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
    );
    await Promise.all(closing);
    this.wss.close();
    this.server.off('upgrade', this.onUpgrade);
    if (wasListening && !this.mounted) {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const refuse = (status: number, reason: string): void => {
      refuseUpgrade(socket, status, reason);
      this.emit('rejected', status, reason);
    };
    if (this.state !== 'listening') return refuse(503, 'gateway is closing');
    if (pathOf(req) !== this.path) return refuse(404, 'no such endpoint');
    const maxSockets = this.options.maxSockets ?? DEFAULT_MAX_SOCKETS;
    if (this.connectionCount + this.upgrading >= maxSockets) return refuse(503, `too many sockets: the gateway serves at most ${maxSockets} (maxSockets)`);
    this.upgrading++;
    try {
      await this.authenticateAndOpen(req, socket, head, refuse);
    } finally {
      this.upgrading--;
    }
  }

  private async authenticateAndOpen(req: http.IncomingMessage, socket: Duplex, head: Buffer, refuse: (status: number, reason: string) => void): Promise<void> {
    const allowed = this.options.allowedOrigins;
    if (allowed !== undefined && !allowed.includes(req.headers.origin ?? '')) return refuse(403, 'origin not allowed');
    const token = tokenFromUpgrade(req);
    if (token === undefined) return refuse(401, `offer subprotocols "${GATEWAY_SUBPROTOCOL}" and "bearer.<token>"`);
    let identity: GatewayIdentity | undefined;
    try {
      identity = await this.options.authenticate(token);
    } catch {
      identity = undefined;
    }
    if (identity === undefined) return refuse(401, 'invalid token');
    if (socket.destroyed || this.state !== 'listening') return;
    const perAgent = this.options.maxSocketsPerAgent ?? DEFAULT_MAX_SOCKETS_PER_AGENT;
    if ((this.sockets.get(identity.agentId)?.size ?? 0) >= perAgent) {
      return refuse(503, `too many sockets for agent ${identity.agentId}: at most ${perAgent} (maxSocketsPerAgent)`);
    }
    const who: GatewayIdentity = {
      agentId: identity.agentId,
      device: identity.device,
      ...(identity.devices !== undefined ? { devices: [...identity.devices] } : {}),
      ...(identity.expiresAt !== undefined ? { expiresAt: identity.expiresAt } : {}),
    };
    await new Promise<void>((resolve) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.open(ws, who);
        resolve();
      });
      // A socket that dies during the handshake never reaches the callback.
      socket.once('close', () => resolve());
    });
  }

  private open(ws: WebSocket, identity: GatewayIdentity): void {
    if (this.state !== 'listening') {
      ws.close(1001, 'gateway closing');
      return;
    }
    let set = this.sockets.get(identity.agentId);
    if (set === undefined) this.sockets.set(identity.agentId, (set = new Set()));
    set.add(ws);
    const flight = { count: 0 };
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(ws, identity, flight, data, isBinary));
    ws.on('error', () => undefined);
    ws.on('pong', () => this.alive.set(ws, true));
    const expiry = this.expiryTimer(ws, identity);
    ws.once('close', (code: number) => {
      if (expiry !== undefined) clearTimeout(expiry);
      this.closed(ws, identity, code);
    });
    this.emit('connection', identity);
    this.snapshot(identity.agentId);
  }

  /** Asks the link for a fresh snapshot of the agent, if it can give one; errors are ignored. */
  private snapshot(agentId: string): void {
    const link = this.options.link;
    if (link.refresh === undefined) return;
    Promise.resolve()
      .then(() => link.refresh?.(agentId))
      .catch(() => undefined);
  }

  /** A socket does not outlive its token: closed with 4401 at `expiresAt` (the client may reconnect with a fresh token). */
  private expiryTimer(ws: WebSocket, identity: GatewayIdentity): ReturnType<typeof setTimeout> | undefined {
    if (identity.expiresAt === undefined) return undefined;
    // setTimeout's longest delay is 2^31-1 ms (~24.8 days); a longer-lived token is re-checked then.
    const delay = Math.max(0, Math.min(identity.expiresAt - Date.now(), 2 ** 31 - 1));
    const timer = setTimeout(() => {
      if (Date.now() >= identity.expiresAt!) ws.close(TOKEN_EXPIRED_CLOSE_CODE, 'token expired');
      else this.expiryTimer(ws, identity);
    }, delay);
    timer.unref();
    return timer;
  }

  private closed(ws: WebSocket, identity: GatewayIdentity, code: number): void {
    const set = this.sockets.get(identity.agentId);
    set?.delete(ws);
    const last = set !== undefined && set.size === 0;
    if (last) this.sockets.delete(identity.agentId);
    if (last && this.options.logoutOnClose === true) {
      this.options.link.logout(identity.agentId).catch(() => undefined);
    }
    this.emit('disconnection', identity, code);
  }

  private receive(ws: WebSocket, identity: GatewayIdentity, flight: { count: number }, data: RawData, isBinary: boolean): void {
    if (isBinary) return this.send(ws, { result: failure(GatewayErrorCode.InvalidRequest, 'binary frames are not accepted; send JSON text') });
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
    const message = parseClientMessage(text);
    if (message.kind === 'invalid') return this.reply(ws, message.id, failure(GatewayErrorCode.InvalidRequest, message.errMessage));
    const { id, request } = message;
    const extension = message.extension;
    const mismatch = this.identityMismatch(identity, request);
    if (mismatch !== undefined) return this.reply(ws, id, failure(GatewayErrorCode.InvalidRequest, mismatch));
    if (flight.count >= (this.options.maxInFlight ?? 16)) {
      return this.reply(ws, id, failure(GatewayErrorCode.TooManyRequests, 'too many requests in flight on this socket'));
    }
    flight.count++;
    this.dispatch(identity, request, extension)
      .catch((error: unknown) => resultFromThrown(error, request.action))
      .then((result) => {
        flight.count--;
        this.reply(ws, id, result);
      });
  }

  /** A request may name its agent, but only the one its token is bound to. */
  private identityMismatch(identity: GatewayIdentity, request: PegaRequest): string | undefined {
    const agentId = 'agentId' in request ? request.agentId : undefined;
    if (agentId !== undefined && agentId !== identity.agentId) return 'agentId does not match the authenticated agent';
    return undefined;
  }

  private async dispatch(identity: GatewayIdentity, request: PegaRequest, extension: string | undefined): Promise<GatewayResult> {
    const { link } = this.options;
    switch (request.action) {
      case 'login':
        if (extension !== undefined && !deviceAllowed(identity, extension)) {
          return failure(GatewayErrorCode.ExtensionNotAllowed, `extension ${extension} is not one agent ${identity.agentId} may log in at`);
        }
        return await link.login({
          agentId: identity.agentId,
          device: extension ?? identity.device,
          ...(request.password !== undefined ? { password: request.password } : {}),
          ...(request.workMode !== undefined ? { workMode: request.workMode } : {}),
          ...(request.queue !== undefined ? { queue: request.queue } : {}),
        });
      case 'logout':
        return await link.logout(identity.agentId, request.reasonCode);
      default:
        return await link.request(identity.agentId, request);
    }
  }

  private reply(ws: WebSocket, id: RequestId | undefined, result: GatewayResult): void {
    this.send(ws, id === undefined ? { result } : { id, result });
  }

  private deliver(agentId: string, event: PegaEvent): void {
    const set = this.sockets.get(agentId);
    if (set === undefined) return;
    for (const ws of set) this.send(ws, { event });
  }

  private send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > (this.options.maxBufferedBytes ?? 1024 * 1024)) {
      ws.terminate();
      return;
    }
    ws.send(encodeServerMessage(message));
  }
}
