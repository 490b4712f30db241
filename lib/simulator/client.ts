/**
 * One CTI client connected to the simulator: its CstaConnection, whether it has associated (and
 * how), and the invoke ids of the switch's own invokes to it (events, keep-alives, routeRequest).
 */
import { EncodeError } from '../../protocol/errors.js';
import type { CstaConnection } from '../transport/connection.js';
import type { CstaPdu } from '../../protocol/pdu.js';

/** How a client set up its association. */
export type AssociationKind = 'acse' | 'systemRegister' | 'none' | 'applicationSession';

/** A connected client and its association state. */
export class SimClient {
  readonly id: number;
  readonly conn: CstaConnection;
  /** How the client associated; undefined until it has. */
  association: AssociationKind | undefined;
  private invokeId = 0;
  private readonly maxInvokeId: number;

  constructor(id: number, conn: CstaConnection) {
    this.id = id;
    this.conn = conn;
    // XML headers carry 4 digits of invoke id; BER ids stay in the usual 16-bit range.
    this.maxInvokeId = conn.codec.format.encoding === 'xml' ? 9999 : 32767;
  }

  get associated(): boolean {
    return this.association !== undefined;
  }

  /** Next invoke id for an invoke the switch sends. */
  nextInvokeId(): number {
    this.invokeId = this.invokeId >= this.maxInvokeId ? 1 : this.invokeId + 1;
    return this.invokeId;
  }

  /**
   * Sends a PDU; false when the link is closed or the PDU has no form on this wire. A ROSE reject
   * (which ECMA-323 XML cannot carry) goes out as a universalFailure error instead.
   */
  send(pdu: CstaPdu): boolean {
    try {
      return this.conn.send(pdu);
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      if (pdu.pdu === 'reject' && pdu.invokeId !== null) {
        return this.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: { operation: 'serviceNotSupported' } });
      }
      return false;
    }
  }

  /**
   * Writes an encoded PDU and resolves once the socket can take more (waits for 'drain' when its
   * buffer is full). Resolves false when the connection is gone.
   */
  async sendWithBackpressure(pdu: CstaPdu): Promise<boolean> {
    const socket = this.conn.socket;
    if (!this.conn.isOpen) return false;
    const ok = socket.write(this.conn.codec.encode(pdu));
    this.conn.framesOut++;
    if (ok) return true;
    return new Promise<boolean>((resolve) => {
      const done = (value: boolean): void => {
        socket.off('drain', onDrain);
        socket.off('close', onClose);
        resolve(value);
      };
      const onDrain = (): void => done(true);
      const onClose = (): void => done(false);
      socket.on('drain', onDrain);
      socket.on('close', onClose);
    });
  }
}
