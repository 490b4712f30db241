/** Test helpers for the gateway: a scripted fake link, a WebSocket test client, and plain GETs. */
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as http from 'node:http';
import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import type { PegaEvent, PegaLinkLike, PegaLoginParams, PegaRequest, PegaResult } from '../../../../lib/pega/gateway/types.js';

/** A PegaLinkLike that records what it is asked and answers from a script. */
export class FakeLink extends EventEmitter implements PegaLinkLike {
  readonly logins: PegaLoginParams[] = [];
  readonly logouts: string[] = [];
  readonly requests: Array<{ agentId: string; request: PegaRequest }> = [];
  readonly refreshed: string[] = [];
  answer: (agentId: string, request: PegaRequest) => Promise<PegaResult> = async () => ({ ok: true });
  loginAnswer: PegaResult = { ok: true };
  /** Emitted by refresh() when set. */
  snapshot: PegaEvent | undefined;

  async login(params: PegaLoginParams): Promise<PegaResult> {
    this.logins.push(params);
    return this.loginAnswer;
  }
  async logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    this.logouts.push(reasonCode === undefined ? agentId : `${agentId}:${reasonCode}`);
    return { ok: true };
  }
  request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    this.requests.push({ agentId, request });
    return this.answer(agentId, request);
  }
  async refresh(agentId: string): Promise<unknown> {
    this.refreshed.push(agentId);
    if (this.snapshot !== undefined) this.fire(agentId, this.snapshot);
    return undefined;
  }
  fire(agentId: string, event: PegaEvent): void {
    this.emit('event', agentId, event);
  }
}


/** A test client: queues incoming JSON frames and hands them out in order. */
export class Client {
  private readonly queue: unknown[] = [];
  private waiters: Array<(m: unknown) => void> = [];
  closed: Promise<number>;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => {
      const message: unknown = JSON.parse(String(data));
      const waiter = this.waiters.shift();
      if (waiter !== undefined) waiter(message);
      else this.queue.push(message);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
  }
  next(timeoutMs = 2000): Promise<unknown> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('no message within timeout'));
      }, timeoutMs);
      const waiter = (m: unknown): void => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push(waiter);
    });
  }
  get pending(): number {
    return this.queue.length;
  }
  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }
  async call(id: number | string, request: Record<string, unknown>): Promise<unknown> {
    this.send({ id, request });
    return this.next();
  }
}

/** Options of {@link open}: wss with this CA, an Origin header. */
export interface OpenOptions {
  readonly tls?: { readonly ca: string };
  readonly origin?: string;
}

export type Opened = { kind: 'open'; client: Client } | { kind: 'refused'; status: number };

export function open(port: number, protocols: string[], path = '/cti', options: OpenOptions = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${options.tls === undefined ? 'ws' : 'wss'}://127.0.0.1:${port}${path}`, protocols, {
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
      ...(options.tls !== undefined ? { ca: options.tls.ca } : {}),
    });
    const client = new Client(ws);
    ws.once('open', () => resolve({ kind: 'open', client }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

export async function connect(port: number, token: string, options: OpenOptions = {}): Promise<Client> {
  const opened = await open(port, ['pega-gateway.v1', `bearer.${token}`], '/cti', options);
  if (opened.kind !== 'open') throw new Error(`refused with ${opened.status}`);
  return opened.client;
}

export function get(port: number, path: string, method = 'GET', headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; type: string | undefined; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A self-signed certificate for 127.0.0.1, or why none could be made. */
export function selfSigned(): { key: string; cert: string } | string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore', timeout: 20_000 });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch (e) {
    return `openssl could not make a certificate: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
