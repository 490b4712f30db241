/**
 * A loopback TCP relay that records what passes through it: the client connects to the relay,
 * the relay connects to the target, and every chunk is kept with its direction and arrival time.
 * scripts/record-traces.ts puts it between a CstaSession and a PbxSimulator to capture the real
 * wire bytes of a session both ways.
 */
import * as net from 'node:net';
import { Buffer } from 'node:buffer';

/** One chunk as read from a socket: 0 = client → server, 1 = server → client. */
export interface RecordedChunk {
  readonly side: 0 | 1;
  readonly bytes: Buffer;
  /** process.hrtime.bigint() at arrival. */
  readonly at: bigint;
}

/** The recording relay (see the module comment); one instance relays any number of connections. */
export class TcpRecorder {
  readonly chunks: RecordedChunk[] = [];
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {
    this.server = net.createServer((client) => this.relay(client));
  }

  /** Listens on an ephemeral loopback port; resolves with it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const a = this.server.address();
    return a !== null && typeof a === 'object' ? a.port : 0;
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.on('data', (b: Buffer) => {
      this.chunks.push({ side: 0, bytes: Buffer.from(b), at: process.hrtime.bigint() });
      upstream.write(b);
    });
    upstream.on('data', (b: Buffer) => {
      this.chunks.push({ side: 1, bytes: Buffer.from(b), at: process.hrtime.bigint() });
      client.write(b);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  }

  /** Stops listening and closes every relayed connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
