/**
 * Frame-level entry points: one BER frame in, one typed PDU out, and back.
 */
import type { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from './errors.js';
import { BerReader } from './ber/reader.js';
import type { BerReaderOptions } from './ber/reader.js';
import { BerWriter } from './ber/writer.js';
import { TagClass } from './ber/tags.js';
import { decodeRose } from './rose/decode.js';
import { encodeRose } from './rose/encode.js';
import type { RosePdu } from './rose/pdu.js';
import { decodeAcse, encodeAcse, isAcsePdu } from './acse/pdu.js';
import type { AcsePdu } from './acse/pdu.js';
import type { VendorPdu } from './xml/vendor.js';
import type { ApplicationSessionPdu } from './ecma354/messages.js';

/**
 * Every PDU a CSTA link carries: ROSE operations, ACSE association control, and (XML only) the
 * vendor messages that share the socket and the ECMA-354 application session messages.
 */
export type CstaPdu = RosePdu | AcsePdu | VendorPdu | ApplicationSessionPdu;

export interface DecodeOptions extends BerReaderOptions {
  /** Largest frame accepted, in bytes. @default 1048576 */
  readonly maxFrameSize?: number;
}
export const DEFAULT_MAX_FRAME_SIZE = 1 << 20;
// Module constants: read once, not through the import binding on every frame.
const CONTEXT: number = TagClass.context;
const APPLICATION: number = TagClass.application;
/** The default options, one object rather than a fresh `{}` per frame. */
const NO_OPTIONS: DecodeOptions = Object.freeze({});

/**
 * Decodes one complete BER frame. Throws {@link DecodeError} (with code and byte offset) for
 * anything malformed; never anything else.
 */
export function decodePdu(frame: Uint8Array, options: DecodeOptions = NO_OPTIONS): CstaPdu {
  const max = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
  if (frame.length > max) throw new DecodeError(DecodeErrorCode.FrameTooLarge, 0, `frame of ${frame.length} bytes exceeds maxFrameSize ${max}`);
  const r = new BerReader(frame, options);
  r.header(0, frame.length);
  if (r.next !== frame.length) {
    throw new DecodeError(DecodeErrorCode.TrailingBytes, r.next, `${frame.length - r.next} bytes after the end of the PDU`);
  }
  const cls = r.tag >>> 21; // tagClassOf, inlined on the hot path
  const num = r.tag & 0x1fffff; // tagNumberOf
  if (cls === CONTEXT && num >= 1 && num <= 4) return decodeRose(r);
  if (cls === APPLICATION && num <= 4) return decodeAcse(r);
  throw new DecodeError(DecodeErrorCode.UnknownPdu, 0, 'not a ROSE or ACSE PDU', { expected: 'a1|a2|a3|a4|60|61|62|63|64', found: r.foundTag() });
}

// 16 KiB slabs: one allocation per couple of hundred typical PDUs (see BerWriter.finish).
const writer = new BerWriter(16384);

/** Encodes a PDU to a fresh buffer (never reused by later calls). */
export function encodePdu(pdu: CstaPdu): Buffer {
  if (pdu.pdu === 'vendor') throw new EncodeError(EncodeErrorCode.UnknownOperation, `vendor message <${pdu.root}> is XML and has no BER form`);
  if (pdu.pdu === 'applicationSession') throw new EncodeError(EncodeErrorCode.UnknownOperation, `ECMA-354 message ${pdu.message.kind} is XML and has no BER form`);
  try {
    if (isAcsePdu(pdu)) encodeAcse(writer, pdu);
    else encodeRose(writer, pdu);
  } catch (e) {
    writer.reset();
    throw e;
  }
  return writer.finish();
}
