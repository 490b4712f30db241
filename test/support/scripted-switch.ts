/**
 * A scripted switch for session tests: a real TCP server on 127.0.0.1 speaking the real wire
 * (CstaConnection + WireCodec), whose answers each test writes by hand. Used where a test needs
 * behaviour no well-behaved PBX shows on demand (late replies, garbage frames, silence).
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { CstaConnection } from '../../lib/transport/connection.js';
import { createWireCodec } from '../../lib/transport/wire.js';
import type { WireFormat } from '../../lib/transport/wire.js';
import type { CstaPdu } from '../../protocol/pdu.js';

export type PduHandler = (pdu: CstaPdu, conn: CstaConnection) => void;

export class ScriptedSwitch {
  private readonly server: net.Server;
  readonly connections: CstaConnection[] = [];
  readonly received: CstaPdu[] = [];
  handler: PduHandler = () => undefined;
  port = 0;
  private nextInvokeId = 5000;

  constructor(wire?: WireFormat, tlsOptions?: tls.TlsOptions) {
    const codec = createWireCodec(wire);
    const onSocket = (socket: net.Socket): void => {
      socket.setNoDelay(true);
      const conn = new CstaConnection(socket, codec);
      this.connections.push(conn);
      conn.on('pdu', (pdu) => {
        this.received.push(pdu);
        if (pdu.pdu === 'aarq') {
          conn.send({
            pdu: 'aare',
            'application-context-name': pdu['application-context-name'],
            result: 'accepted',
            'result-source-diagnostic': { 'acse-service-user': 'null' },
          });
          return;
        }
        if (pdu.pdu === 'rlrq') {
          conn.send({ pdu: 'rlre', reason: 'normal' });
          return;
        }
        this.handler(pdu, conn);
      });
    };
    this.server = tlsOptions === undefined ? net.createServer(onSocket) : tls.createServer(tlsOptions, onSocket);
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /**
   * Sends an invoke from the switch (event report, snapshotDeviceData...) with a fresh invokeId;
   * returns the id. Throws when the open link cannot encode it, so a mistyped script fails loudly.
   */
  invoke(conn: CstaConnection, operation: string, argument: unknown): number {
    const invokeId = this.nextInvokeId++;
    if (!conn.send({ pdu: 'invoke', invokeId, operation, argument } as CstaPdu) && conn.isOpen) throw new Error(`scripted switch could not encode ${operation}`);
    return invokeId;
  }

  /** Drops every client connection (the server keeps listening). */
  dropAll(): void {
    for (const c of this.connections) c.close(true);
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
