/** Helpers of the csta serve tests: waiting, a TCP proxy that decodes what the client sends, a toolbar socket. */
import * as net from 'node:net';
import { WebSocket } from 'ws';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { createWireCodec, DEFAULT_WIRE } from '../../../lib/transport/wire.js';
import type { WireFormat } from '../../../lib/transport/wire.js';
import { Writable } from 'node:stream';

export async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A loopback TCP proxy to `target` that decodes the client's frames (to see the RLRQ a shutdown
 * sends). `kill()` stops listening and cuts every connection, as a CTI server that dies.
 */
export class TapProxy {
  readonly fromClient: CstaPdu[] = [];
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  /** The client side of each connection, newest last (to write to the client as the PBX would). */
  readonly clients: net.Socket[] = [];
  connections = 0;

  constructor(target: () => number, wire: WireFormat = DEFAULT_WIRE) {
    this.server = net.createServer((client) => {
      this.connections++;
      const codec = createWireCodec(wire);
      const framer = codec.createFramer();
      const upstream = net.connect(target(), '127.0.0.1');
      this.sockets.add(client).add(upstream);
      this.clients.push(client);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('data', (chunk: Buffer) => {
        framer.push(chunk, (frame, header) => {
          try {
            this.fromClient.push(codec.decode(frame, header));
          } catch {
            // not ours to judge
          }
        }, () => undefined);
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      client.on('close', drop).on('error', drop);
      upstream.on('close', drop).on('error', drop);
    });
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Stops listening and cuts every connection (the CTI server died). */
  kill(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    return closed;
  }
}

/** A free loopback port (bound and released). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** One toolbar socket on the gateway: collects events and results. */
export class ToolbarSocket {
  readonly events: Record<string, unknown>[] = [];
  readonly results = new Map<number, { ok: boolean; errCode?: string }>();
  readonly ws: WebSocket;
  private nextId = 1;

  constructor(port: number, token: string, path = '/cti') {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, ['pega-gateway.v1', `bearer.${token}`]);
    this.ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString('utf8')) as { id?: number; result?: { ok: boolean }; event?: Record<string, unknown> };
      if (m.result !== undefined && m.id !== undefined) this.results.set(m.id, m.result);
      if (m.event !== undefined) this.events.push(m.event);
    });
  }

  opened(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => this.ws.once('open', () => resolve()).once('error', reject));
  }

  /** Resolves with the HTTP status of a refused upgrade. */
  refused(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      this.ws.once('open', () => reject(new Error('the socket opened')));
      this.ws.on('error', () => undefined);
    });
  }

  async request(request: Record<string, unknown>): Promise<{ ok: boolean; errCode?: string }> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, request }));
    return until(() => this.results.get(id), `the result of ${JSON.stringify(request)}`);
  }

  close(): void {
    this.ws.close();
  }
}

/** A pino destination that keeps the lines (JSON objects). */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
  has(msg: string): Record<string, unknown> | undefined {
    return this.lines.find((l) => l.msg === msg);
  }
}
