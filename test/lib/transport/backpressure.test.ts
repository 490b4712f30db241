/**
 * Backpressure (issue 15, Medium): a peer that sends invokes as fast as it can and never reads our
 * answers must not grow our write queue without bound. Over real TCP on 127.0.0.1: the answers
 * queue up to the high-water mark, reading pauses, and once the peer reads again every answer
 * arrives; a peer that never reads at all gets the connection closed with WriteQueueFullError.
 */
import { expect } from 'chai';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Buffer } from 'node:buffer';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import { WriteQueueFullError } from '../../../lib/transport/errors.js';
import { encodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { frameBer } from '../../../protocol/framing/ber-framing.js';
import { createBerFramer } from '../../../protocol/framing/ber-framing.js';

const WIRE = { encoding: 'ber', framing: 'length16' } as const;
/** Invokes per batch the peer writes (about 3 MB of answers); batches go on until reading pauses. */
const N = 200_000;

function invokes(n: number): Buffer {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) parts.push(frameBer('length16', encodePdu({ pdu: 'invoke', invokeId: (i % 30000) + 1, operation: 'systemStatus', argument: { systemStatus: 'normal' } } as CstaPdu)));
  return Buffer.concat(parts);
}

describe('CstaConnection backpressure against a peer that does not read', function () {
  this.timeout(40000);
  let server: net.Server | undefined;
  let client: net.Socket | undefined;
  const peers: net.Socket[] = [];

  afterEach(async () => {
    client?.destroy();
    for (const p of peers.splice(0)) p.destroy();
    await new Promise<void>((r) => (server === undefined ? r() : server.close(() => r())));
    server = undefined;
  });

  /**
   * A peer that writes invokes in batches of `batch` until `enough()` says so (at most `maxBatches`),
   * and reads nothing until `startReading` resolves (never when undefined). Resolves the port; `sent()` counts.
   */
  let sentInvokes = 0;
  async function peer(batch: Buffer, startReading: Promise<void> | undefined, onAnswers: (n: number) => void, enough: () => boolean = () => false, maxBatches = 8): Promise<number> {
    sentInvokes = 0;
    server = net.createServer((s) => {
      peers.push(s);
      s.on('error', () => undefined); // our side closing first resets the peer's writes
      s.pause();
      let batches = 0;
      const more = (): void => {
        if (enough() || batches >= maxBatches || s.destroyed) return;
        batches++;
        sentInvokes += N;
        s.write(batch, () => setTimeout(more, 10));
      };
      more();
      void startReading?.then(() => {
        const framer = createBerFramer('length16');
        let answers = 0;
        s.on('data', (c: Buffer) => framer.push(c, () => onAnswers(++answers), () => undefined));
        s.resume();
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return (server.address() as AddressInfo).port;
  }

  function connect(port: number, limits: { highWaterBytes: number; maxQueuedBytes: number }): Promise<{ conn: CstaConnection; maxQueued: () => number }> {
    return new Promise((resolve) => {
      client = net.connect(port, '127.0.0.1', () => {
        const conn = new CstaConnection(client!, createWireCodec(WIRE), limits);
        let max = 0;
        conn.on('pdu', (pdu) => {
          if (pdu.pdu !== 'invoke') return;
          conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'systemStatus', result: { noData: null } } as CstaPdu);
          max = Math.max(max, client!.writableLength);
        });
        resolve({ conn, maxQueued: () => max });
      });
    });
  }

  it('pauses reading at the high-water mark and answers every invoke once the peer reads', async () => {
    let answered = 0;
    let read!: () => void;
    const reading = new Promise<void>((r) => (read = r));
    let conn!: CstaConnection;
    const port = await peer(invokes(N), reading, (n) => (answered = n), () => conn !== undefined && conn.backpressurePauses > 0);
    const connected = await connect(port, { highWaterBytes: 64 * 1024, maxQueuedBytes: 64 << 20 });
    conn = connected.conn;
    const maxQueued = connected.maxQueued;
    // While the peer does not read, our queue reaches the high-water mark and reading pauses.
    const waitStart = Date.now();
    while (conn.backpressurePauses === 0 && Date.now() - waitStart < 15000) await new Promise((r) => setTimeout(r, 20));
    expect(conn.backpressurePauses).to.be.greaterThan(0);
    expect(client!.isPaused()).to.equal(true);
    read();
    const start = Date.now();
    while (answered < sentInvokes && Date.now() - start < 20000) await new Promise((r) => setTimeout(r, 20));
    expect(answered).to.equal(sentInvokes);
    // One read chunk of invokes can still be answered after the pause: bounded by the chunk, not by N.
    expect(maxQueued()).to.be.below(64 * 1024 + 2 * 65536 * 2);
  });

  it('closes with WriteQueueFullError when the queue passes its bound anyway', async () => {
    const port = await peer(invokes(N), undefined, () => undefined);
    const { conn } = await connect(port, { highWaterBytes: 1 << 30, maxQueuedBytes: 32 * 1024 });
    const error = await new Promise<Error | undefined>((r) => conn.on('close', r));
    expect(error).to.be.instanceOf(WriteQueueFullError);
    expect((error as WriteQueueFullError).code).to.equal('WRITE_QUEUE_FULL');
  });
});
