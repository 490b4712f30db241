/** Errors of the transport layer. */
import { CstaError } from '../../protocol/errors.js';
import type { DecodeError } from '../../protocol/errors.js';

/**
 * The framer lost the frame boundaries (a header no frame can have, a length over maxFrameSize)
 * and the wire's policy is to close rather than resynchronise (`WireLimits.framingErrors:
 * 'close'`): the connection closes with this error, so a session with a reconnect policy
 * reconnects. `cause` is the framing DecodeError.
 */
export class FramingLostError extends CstaError {
  declare readonly cause: DecodeError;
  constructor(cause: DecodeError) {
    super('FRAMING_LOST', `frame boundaries lost: ${cause.message}`, { cause, retriable: true });
  }
}

/**
 * The peer stopped reading: more than `limit` bytes of our writes were queued on the socket even
 * with reading paused (backpressure), so the connection was closed rather than grow without bound.
 */
export class WriteQueueFullError extends CstaError {
  readonly limit: number;
  constructor(limit: number, queued: number) {
    super('WRITE_QUEUE_FULL', `the peer is not reading: ${queued} bytes queued to it (limit ${limit})`, { retriable: true });
    this.limit = limit;
  }
}
