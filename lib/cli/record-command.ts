/**
 * `csta record --listen [HOST:]PORT --to HOST:PORT -w trace.pcap [--trace DIR] [--once]`: a
 * recording proxy. The application connects to the listening port instead of the PBX; each
 * connection is relayed to `--to`, and everything both ways is written to a pcap (pcap-writer.ts)
 * as the bytes pass, with the application's real address and the PBX's address and port, so the
 * capture looks as if taken on the wire (no tshark or root needed).
 *
 * `--trace DIR` writes `DIR/trace.pcap` and, when the recording ends, `expected-decode.ndjson` and
 * `expected-pega.json` next to it: a new conformance case (`csta conformance DIR`). `--once` ends
 * the recording when the first connection closes; else it runs until interrupted.
 */
import * as net from 'node:net';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';
import type { EventMapper } from './trace.js';
import { PcapFileWriter, plainAddress, TcpStreamRecorder } from './pcap-writer.js';
import { writeTraceExpectations } from './conformance.js';

/** Connections relayed at once; more are refused (closed at once). */
export const MAX_RECORDED_CONNECTIONS = 64;

/** Options of `csta record`. */
export interface RecordOptions {
  readonly listenHost: string;
  readonly listenPort: number;
  readonly toHost: string;
  readonly toPort: number;
  /** The pcap to write (`-w`), relative to the cwd. */
  readonly write?: string;
  /** A trace folder to write (trace.pcap plus the expectations). */
  readonly trace?: string;
  /** End when the first connection closes. */
  readonly once?: boolean;
}

/** `HOST:PORT`, `[v6]:PORT`, or `PORT` alone when there is a default host → host and port. */
export function parseHostPort(value: string, defaultHost: string | undefined): { host: string; port: number } | undefined {
  const m = /^(?:(?:\[([^\]]+)\]|([^:[\]]+)):)?(\d{1,5})$/.exec(value);
  if (m === null || Number(m[3]) > 65535) return undefined;
  const host = m[1] ?? m[2] ?? defaultHost;
  return host === undefined ? undefined : { host, port: Number(m[3]) };
}

/** Runs `csta record`; returns the exit code. */
export async function runRecord(options: RecordOptions, io: CliIo, mapper: () => EventMapper<unknown>): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const log = (s: string): void => void io.stdout.write(`${s}\n`);
  if (options.write === undefined && options.trace === undefined) {
    io.stderr.write('csta record: give -w FILE.pcap or --trace DIR\n');
    return 2;
  }
  if (options.write !== undefined && options.trace !== undefined) {
    io.stderr.write('csta record: give -w FILE.pcap or --trace DIR, not both (--trace writes DIR/trace.pcap)\n');
    return 2;
  }
  let traceDir: string | undefined;
  if (options.trace !== undefined) {
    traceDir = resolve(cwd, options.trace);
    mkdirSync(traceDir, { recursive: true });
  }
  const path = options.write !== undefined ? resolve(cwd, options.write) : join(traceDir!, 'trace.pcap');
  const pcap = new PcapFileWriter(path);
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let active = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const server = net.createServer((client) => {
    if (active >= MAX_RECORDED_CONNECTIONS) {
      client.destroy();
      return;
    }
    active++;
    const id = ++connections;
    const upstream = net.connect(options.toPort, options.toHost);
    let recorder: TcpStreamRecorder | undefined;
    const pendingFromClient: Buffer[] = [];
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', (e) => {
        if (s === upstream) io.stderr.write(`connection ${id}: ${options.toHost}:${options.toPort}: ${e.message}\n`);
        s.destroy();
      });
    }
    upstream.once('connect', () => {
      const peer = { address: plainAddress(client.remoteAddress ?? '127.0.0.1'), port: client.remotePort ?? 0 };
      const pbx = { address: plainAddress(upstream.remoteAddress ?? '127.0.0.1'), port: upstream.remotePort ?? options.toPort };
      recorder = new TcpStreamRecorder(pcap, peer, pbx);
      log(`connection ${id}: ${peer.address}:${peer.port} → ${pbx.address}:${pbx.port}`);
      for (const b of pendingFromClient.splice(0)) {
        recorder.data(0, b);
        upstream.write(b);
      }
    });
    client.on('data', (b: Buffer) => {
      if (recorder === undefined) pendingFromClient.push(b);
      else {
        recorder.data(0, b);
        upstream.write(b);
      }
    });
    upstream.on('data', (b: Buffer) => {
      recorder?.data(1, b);
      client.write(b);
    });
    client.on('end', () => {
      recorder?.fin(0);
      upstream.end();
    });
    upstream.on('end', () => {
      recorder?.fin(1);
      client.end();
    });
    let closedSockets = 0;
    const onClose = (): void => {
      if (++closedSockets < 2) {
        client.destroy();
        upstream.destroy();
        return;
      }
      sockets.delete(client);
      sockets.delete(upstream);
      active--;
      log(`connection ${id} closed`);
      if (options.once === true) finish();
    };
    client.on('close', onClose);
    upstream.on('close', onClose);
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.listenPort, options.listenHost, () => ok());
    });
  } catch (e) {
    pcap.close();
    io.stderr.write(`csta record: cannot listen on ${options.listenHost}:${options.listenPort}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : options.listenPort;
  log(`recording proxy listening on ${options.listenHost}:${port} → ${options.toHost}:${options.toPort}, writing ${path}`);
  const signal = io.signal;
  if (signal !== undefined) {
    if (signal.aborted) finish();
    signal.addEventListener('abort', () => finish());
  }
  await finished;
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  pcap.close();
  log(`recorded ${connections} connection(s), ${pcap.packets} packets to ${path}`);
  if (traceDir !== undefined) {
    await writeTraceExpectations(traceDir, mapper());
    log(`wrote the expectations of ${traceDir} (check them with: csta conformance ${options.trace})`);
  }
  return 0;
}
