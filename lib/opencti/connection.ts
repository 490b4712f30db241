/**
 * One WebSocket to the gateway (docs/pega-gateway.md), as the adapter uses it: requests with ids
 * and their results, events, and reconnection with backoff after the socket drops.
 *
 *   out  `{ "id": 7, "request": { "action": "answerCall", "callId": "4953" } }`
 *   in   `{ "id": 7, "result": { "ok": true } }`   `{ "event": { "pyEventType": … } }`
 *
 * Bounds: at most MAX_PENDING requests wait for results (more fail at once, as the gateway's own
 * maxInFlight would refuse them); each waits at most `requestTimeoutMs`.
 */
import { GATEWAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../pega/gateway/wire.js';
import { AdapterErrorCode } from './errors.js';
import type { OpenCtiBackoff, PegaEvent, WebSocketConstructorLike, WebSocketLike } from './types.js';

/** Most requests waiting for a result on one connection. */
export const MAX_PENDING = 16;

/** A result as the gateway sends it (PegaResult or the gateway's own failure). */
export type WireResult = { readonly ok: true; readonly callId?: string } | { readonly ok: false; readonly errCode: string; readonly errMessage: string };

/** What the connection tells its owner. */
export interface ConnectionHandlers {
  /** An `{event}` frame. */
  readonly onEvent: (event: PegaEvent) => void;
  /** The socket dropped unexpectedly; a reconnect is scheduled. */
  readonly onDrop: () => void;
  /** A dropped socket is open again. */
  readonly onReconnect: () => void;
}

/** Options of {@link GatewayConnection}. */
export interface ConnectionOptions extends ConnectionHandlers {
  readonly url: string;
  /** The first socket's token. */
  readonly token: string;
  /** Asked again before each reconnect (a token may have expired); `undefined` keeps the last one. */
  readonly renewToken?: () => Promise<string | undefined>;
  readonly WebSocket: WebSocketConstructorLike;
  readonly requestTimeoutMs: number;
  readonly backoff: Required<OpenCtiBackoff>;
}

const OPEN = 1;

function fail(errCode: string, errMessage: string): WireResult {
  return { ok: false, errCode, errMessage };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Pending = { readonly resolve: (result: WireResult) => void; readonly timer: ReturnType<typeof setTimeout> };

/** The adapter's connection to the gateway. */
export class GatewayConnection {
  private readonly options: ConnectionOptions;
  private socket: WebSocketLike | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private everOpen = false;
  private token: string;

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.token = options.token;
  }

  /** Whether the socket is open now. */
  get isOpen(): boolean {
    return this.socket !== undefined && this.socket.readyState === OPEN;
  }

  /** Opens the first socket; resolves when open, rejects with a message when it closes first. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connect((ok, why) => (ok ? resolve() : reject(new Error(why))));
    });
  }

  /** Sends a request; resolves with its result (never rejects). */
  request(request: Readonly<Record<string, unknown>>): Promise<WireResult> {
    const socket = this.socket;
    if (socket === undefined || socket.readyState !== OPEN) return Promise.resolve(fail(AdapterErrorCode.Unavailable, 'not connected to the CTI gateway (reconnecting)'));
    if (this.pending.size >= MAX_PENDING) return Promise.resolve(fail('OPENCTI_GATEWAY_BUSY', `more than ${MAX_PENDING} requests are waiting for results`));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(fail(AdapterErrorCode.Timeout, `no answer from the CTI gateway within ${this.options.requestTimeoutMs} ms`));
      }, this.options.requestTimeoutMs);
      this.pending.set(id, { resolve, timer });
      socket.send(JSON.stringify({ id, request }));
    });
  }

  /** Closes for good: no reconnect; waiting requests fail. */
  close(): void {
    this.closed = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.retry = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket !== undefined) {
      socket.onclose = null;
      socket.onmessage = null;
      try {
        socket.close(1000, 'logout');
      } catch {
        // already closing
      }
    }
    this.failPending('the connection to the CTI gateway was closed');
  }

  /** Drops the socket as a network failure would (tests, and a page that knows the network changed). */
  drop(): void {
    try {
      this.socket?.close(4000, 'dropped');
    } catch {
      // already closing
    }
  }

  private connect(first?: (ok: boolean, why: string) => void): void {
    if (this.closed) return;
    let socket: WebSocketLike;
    try {
      socket = new this.options.WebSocket(this.options.url, [GATEWAY_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${this.token}`]);
    } catch (e) {
      first?.(false, `cannot open ${this.options.url}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      const reconnected = this.everOpen;
      this.everOpen = true;
      first?.(true, '');
      if (reconnected) this.options.onReconnect();
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.failPending(`the connection to the CTI gateway closed (${event.code})`);
      if (first !== undefined && !this.everOpen) {
        this.closed = true;
        first(false, `the CTI gateway refused the connection or is unreachable (code ${event.code}): a bad or expired token, an origin not allowed, or the gateway down`);
        return;
      }
      if (this.closed) return;
      this.options.onDrop();
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const { initialDelayMs, maxDelayMs } = this.options.backoff;
    const base = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(this.attempt, 20));
    this.attempt++;
    const delay = base / 2 + Math.random() * (base / 2);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.renew().then(() => this.connect());
    }, delay);
  }

  private async renew(): Promise<void> {
    const renew = this.options.renewToken;
    if (renew === undefined) return;
    try {
      const fresh = await renew();
      if (typeof fresh === 'string' && fresh !== '') this.token = fresh;
    } catch {
      // keep the last token; the gateway refuses it if it is no longer good, and the backoff goes on
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!isObject(frame)) return;
    const event = frame['event'];
    if (isObject(event) && typeof event['pyEventType'] === 'string') {
      this.options.onEvent(event as unknown as PegaEvent);
      return;
    }
    const id = frame['id'];
    const result = frame['result'];
    if (typeof id !== 'number' || !isObject(result)) return;
    const waiting = this.pending.get(id);
    if (waiting === undefined) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(
      result['ok'] === true
        ? typeof result['callId'] === 'string' ? { ok: true, callId: result['callId'] } : { ok: true }
        : fail(String(result['errCode'] ?? AdapterErrorCode.Generic), String(result['errMessage'] ?? '')),
    );
  }

  private failPending(why: string): void {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(fail(AdapterErrorCode.Unavailable, why));
    }
  }
}
