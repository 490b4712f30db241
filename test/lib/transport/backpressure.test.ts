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
/** Enough answers (about 6 MB) to fill the loopback socket buffers and then our write queue. */
const N = 400_000;

function invokes(n: number): Buffer {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) parts.push(frameBer('length16', encodePdu({ pdu: 'invoke', invokeId: (i % 30000) + 1, operation: 'systemStatus', argument: { systemStatus: 'normal' } } as CstaPdu)));
  return Buffer.concat(parts);
}

describe('CstaConnection backpressure against a peer that does not read', function () {
  this.timeout(20000);
  let server: net.Server | undefined;
  let client: net.Socket | undefined;
  const peers: net.Socket[] = [];

  afterEach(async () => {
    client?.destroy();
    for (const p of peers.splice(0)) p.destroy();
    await new Promise<void>((r) => (server === undefined ? r() : server.close(() => r())));
    server = undefined;
  });

  /** A peer that writes `bytes` and reads nothing until `readAfterMs` (never when undefined). */
  async function peer(bytes: Buffer, readAfterMs: number | undefined, onAnswers: (n: number) => void): Promise<number> {
    server = net.createServer((s) => {
      peers.push(s);
      s.pause();
      s.write(bytes);
      if (readAfterMs !== undefined) {
        setTimeout(() => {
          const framer = createBerFramer('length16');
          let answers = 0;
          s.on('data', (c: Buffer) => framer.push(c, () => onAnswers(++answers), () => undefined));
          s.resume();
        }, readAfterMs);
      }
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
    const port = await peer(invokes(N), 1500, (n) => (answered = n));
    const { conn, maxQueued } = await connect(port, { highWaterBytes: 64 * 1024, maxQueuedBytes: 64 << 20 });
    await new Promise((r) => setTimeout(r, 1200));
    // While the peer does not read, our queue stays near the high-water mark: reading paused.
    expect(conn.backpressurePauses).to.be.greaterThan(0);
    expect(client!.isPaused()).to.equal(true);
    const start = Date.now();
    while (answered < N && Date.now() - start < 15000) await new Promise((r) => setTimeout(r, 20));
    expect(answered).to.equal(N);
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
