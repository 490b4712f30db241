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
