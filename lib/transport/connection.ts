/**
 * A CSTA connection over one stream socket: bytes in → frames → PDUs out, and back. A frame that
 * does not decode is reported (`frameError`) and skipped; the connection keeps running.
 */
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { Buffer } from 'node:buffer';
import { DecodeError } from '../../protocol/errors.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { WireCodec } from './wire.js';
import { FramingLostError, WriteQueueFullError } from './errors.js';

export interface ConnectionEvents {
  /** A decoded PDU, with the raw frame it came from. */
  pdu: [pdu: CstaPdu, frame: Buffer];
  /**
   * A frame could not be decoded (`frame` given), or the framing lost the frame boundaries (`frame`
   * undefined: bytes up to the next plausible frame start were skipped, or, with the wire's
   * `framingErrors: 'close'`, the connection closes with a FramingLostError).
   */
  frameError: [error: DecodeError, frame: Buffer | undefined];
  /** A PDU could not be encoded for this wire (e.g. a ROSE reject over CSTA-XML); nothing was sent. */
  sendError: [error: Error, pdu: CstaPdu];
  /** The socket closed; `error` if it closed because of one. */
  close: [error: Error | undefined];
}

/** Write-side bounds of a connection (a peer that sends but never reads must not grow us). */
export interface ConnectionLimits {
  /** Queued bytes past which reading pauses until the socket drains. @default 1048576 */
  readonly highWaterBytes?: number;
  /** Queued bytes past which the connection closes with WriteQueueFullError. @default 16777216 */
  readonly maxQueuedBytes?: number;
}

/** Default of {@link ConnectionLimits.highWaterBytes}. */
export const DEFAULT_HIGH_WATER_BYTES = 1 << 20;
/** Default of {@link ConnectionLimits.maxQueuedBytes}. */
export const DEFAULT_MAX_QUEUED_BYTES = 16 << 20;

export class CstaConnection extends EventEmitter<ConnectionEvents> {
  readonly socket: Duplex;
  readonly codec: WireCodec;
  private closed = false;
  private readonly highWater: number;
  private readonly maxQueued: number;
  /** Reading is paused until what we wrote drains (the peer reads slower than it sends). */
  private backpressured = false;
  /** Times reading was paused for backpressure, for diagnostics. */
  backpressurePauses = 0;
  /** Frames received and sent, for diagnostics. */
  framesIn = 0;
  framesOut = 0;

  constructor(socket: Duplex, codec: WireCodec, limits: ConnectionLimits = {}) {
    super();
    this.socket = socket;
    this.codec = codec;
    this.highWater = limits.highWaterBytes ?? DEFAULT_HIGH_WATER_BYTES;
    this.maxQueued = limits.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
    const framer = codec.createFramer();
    let framingLost = false;
    const onFrame = (frame: Buffer, header: Buffer): void => {
      if (framingLost) return;
      this.framesIn++;
      let pdu: CstaPdu;
      try {
        pdu = codec.decode(frame, header);
      } catch (e) {
        if (e instanceof DecodeError) {
          this.emit('frameError', e, frame);
          return;
        }
        throw e;
      }
      this.emit('pdu', pdu, frame);
    };
    const onFramingError = (e: DecodeError): void => {
      if (framingLost) return;
      this.emit('frameError', e, undefined);
      if (codec.framingErrors === 'close') {
        framingLost = true;
        socket.destroy(new FramingLostError(e));
      }
    };
    socket.on('data', (chunk: Buffer) => framer.push(chunk, onFrame, onFramingError));
    let lastError: Error | undefined;
    socket.on('error', (e: Error) => {
      lastError = e;
    });
    socket.on('close', () => {
      if (this.closed) return;
      this.closed = true;
      this.emit('close', lastError);
    });
  }

  get isOpen(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  /**
   * Encodes and writes a PDU. Returns false if the connection is closed or the PDU cannot be
   * encoded on this wire (reported as `sendError`, never thrown into the caller's I/O handler).
   */
  send(pdu: CstaPdu): boolean {
    return this.trySend(pdu) === undefined;
  }

  /**
   * Like `send`, but says why nothing was written: `'closed'`, or the encode error (which is also
   * reported as `sendError`); undefined when the PDU was written.
   */
  trySend(pdu: CstaPdu): 'closed' | Error | undefined {
    if (!this.isOpen) return 'closed';
    let bytes: Uint8Array;
    try {
      bytes = this.codec.encode(pdu);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.emit('sendError', error, pdu);
      return error;
    }
    this.socket.write(bytes);
    this.framesOut++;
    this.checkBackpressure();
    return undefined;
  }

  /** Pauses reading while our writes are queued past the high-water mark; closes past the bound. */
  private checkBackpressure(): void {
    const queued = this.socket.writableLength;
    if (queued > this.maxQueued) {
      this.socket.destroy(new WriteQueueFullError(this.maxQueued, queued));
      return;
    }
    if (queued > this.highWater && !this.backpressured) {
      this.backpressured = true;
      this.backpressurePauses++;
      this.socket.pause();
      this.socket.once('drain', () => {
        this.backpressured = false;
        if (!this.closed) this.socket.resume();
      });
    }
  }

  /** Writes bytes as they are (tests use it to inject malformed frames). */
  sendRaw(bytes: Uint8Array): boolean {
    if (!this.isOpen) return false;
    this.socket.write(bytes);
    return true;
  }

  /** Ends the stream after pending writes; `destroy` closes at once. */
  close(destroy = false): void {
    if (destroy) this.socket.destroy();
    else this.socket.end();
  }
}
