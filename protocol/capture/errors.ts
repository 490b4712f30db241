/**
 * Errors from reading a capture file. Like every csta-link error they carry a stable `code`;
 * `offset` is the byte offset in the capture file (or in the TCP stream for stream-level codes).
 */
import { CstaError } from '../errors.js';

export const CaptureErrorCode = {
  /** The file is neither pcap nor pcapng. */
  BadMagic: 'BAD_MAGIC',
  /** The file ends inside a header, record or block. Reading stops. */
  Truncated: 'TRUNCATED',
  /** A pcapng block's length is impossible (too short, not a multiple of 4, trailer mismatch). Reading stops. */
  BadBlock: 'BAD_BLOCK',
  /** A link-layer, IP or TCP header is malformed. The packet is skipped. */
  BadPacket: 'BAD_PACKET',
  /** Valid but not handled: a link type, an IP fragment, an unknown interface. The packet is skipped. */
  Unsupported: 'UNSUPPORTED',
  /** A direction buffered more out-of-order bytes than `maxBufferedBytes`; the hole before them was skipped. */
  BufferLimit: 'BUFFER_LIMIT',
  /** Bytes of a TCP stream were never captured; framing restarts at the next plausible frame start. */
  Gap: 'GAP',
  /** The stream ended (FIN, RST or end of capture) inside a frame. */
  IncompleteFrame: 'INCOMPLETE_FRAME',
  /** A stream on a configured CSTA port whose first bytes match no CSTA encoding. */
  UnrecognisedStream: 'UNRECOGNISED_STREAM',
} as const;
export type CaptureErrorCode = (typeof CaptureErrorCode)[keyof typeof CaptureErrorCode];

export class CaptureError extends CstaError {
  declare readonly code: CaptureErrorCode;
  /** Byte offset in the file (file- and packet-level codes) or in the direction's stream (stream-level codes). */
  readonly offset: number;
  constructor(code: CaptureErrorCode, offset: number, message: string) {
    super(code, `${message} at offset ${offset}`);
    this.offset = offset;
  }
}
