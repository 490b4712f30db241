/**
 * The framings PBXs use for BER CSTA over TCP (sources in docs/framing.md):
 * - `length16`: a 2-byte big-endian length, then the PDU (the common "TPKT-less" CSTA framing;
 *   Ericsson MD110 Application Link as read and written by Net::CSTA);
 * - `length32`: a 4-byte big-endian length, then the PDU;
 * - `ber`: no prefix; each PDU is self-delimited by its own BER length (definite or indefinite);
 * - `hipath`: Siemens HiPath, a 3-byte header `26 LL LL` whose 2-byte big-endian length has the
 *   top bit set and counts the PDU only (15-bit length: at most {@link HIPATH_MAX_PDU} bytes), as
 *   Net::CSTAv3::Client's `encode_msg_header`/`decode_msg_header` write and read it.
 */
import type { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { DEFAULT_MAX_DEPTH } from '../ber/reader.js';
import { Framer } from './framer.js';
import type { FrameMeasurer, FrameSpec, FramerOptions } from './framer.js';
import { berPduAt, hipathAt, HIPATH_LENGTH_FLAG, HIPATH_MARK, isPduTag, nextByte, prefixedBerAt, scanForFrameStart } from './frame-start.js';

export const BerFraming = {
  length16: 'length16',
  length32: 'length32',
  ber: 'ber',
  hipath: 'hipath',
} as const;
export type BerFraming = (typeof BerFraming)[keyof typeof BerFraming];

const INCOMPLETE = -1;
/** Length octets X.690 allows after the initial one (0xFF, i.e. 127, is reserved). */
const MAX_LENGTH_OCTETS = 126;
/** Lengths are clamped here (far past any frame limit). */
const LENGTH_CLAMP = 2 ** 40;

/**
 * Length of the BER element at `start` (header included) from the bytes available, or -1 when
 * more bytes are needed. Throws DecodeError for a header no BER element can have.
 */
export function berElementLength(buf: Buffer, start: number, end: number, depth = 0): number {
  if (depth > DEFAULT_MAX_DEPTH) throw new DecodeError(DecodeErrorCode.TooDeep, start, 'indefinite-length nesting too deep');
  const headerLength = berHeader(buf, start, end);
  if (headerLength === INCOMPLETE) return INCOMPLETE;
  if (header.length !== INDEFINITE) return headerLength + header.length;
  // Indefinite: walk the contents until the end-of-contents octets.
  let p = start + headerLength;
  for (;;) {
    if (p + 2 > end) return INCOMPLETE;
    if (buf[p] === 0 && buf[p + 1] === 0) return p + 2 - start;
    const inner = berElementLength(buf, p, end, depth + 1);
    if (inner === INCOMPLETE) return INCOMPLETE;
    p += inner;
  }
}

/**
 * {@link berElementLength} made incremental: it keeps the position of the next element to look
 * at and how many indefinite-length elements are open, so a frame that arrives in many chunks is
 * walked once (positions are relative to the frame start, as the Framer may move the bytes).
 */
export class BerMeasurer implements FrameMeasurer {
  /** Next element header (or end-of-contents) to read, relative to the frame start. */
  private pos = 0;
  /** Indefinite-length elements open around `pos`. */
  private depth = 0;

  reset(): void {
    this.pos = 0;
    this.depth = 0;
  }

  measure(buf: Buffer, start: number, end: number): number {
    for (;;) {
      const p = start + this.pos;
      if (this.depth > 0) {
        if (p + 2 > end) return INCOMPLETE;
        if (buf[p] === 0 && buf[p + 1] === 0) {
          this.pos += 2;
          if (--this.depth === 0) return this.pos;
          continue;
        }
        if (this.depth > DEFAULT_MAX_DEPTH) throw new DecodeError(DecodeErrorCode.TooDeep, p, 'indefinite-length nesting too deep');
      }
      const headerLength = berHeader(buf, p, end);
      if (headerLength === INCOMPLETE) return INCOMPLETE;
      const length = header.length;
      if (length !== INDEFINITE) {
        // A definite-length element: skip it whole (its contents need not have arrived).
        if (this.depth === 0) return headerLength + length;
        this.pos += headerLength + length;
        if (start + this.pos > end) return INCOMPLETE;
        continue;
      }
      this.depth++;
      this.pos += headerLength;
    }
  }
}

const INDEFINITE = -2;
/** Content length of the header {@link berHeader} read last (INDEFINITE for `80`): no allocation per element. */
const header = { length: 0 };

/** Identifier and length octets at `p`: their size, or -1 when incomplete; the content length goes to `header.length`. */
function berHeader(buf: Buffer, p: number, end: number): number {
  const start = p;
  if (p >= end) return INCOMPLETE;
  const first = buf[p++]!;
  if ((first & 0x1f) === 0x1f) {
    let n = 0;
    for (;;) {
      if (p >= end) return INCOMPLETE;
      const b = buf[p++]!;
      if (++n > 3) throw new DecodeError(DecodeErrorCode.BadTag, start, 'tag number too large');
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= end) return INCOMPLETE;
  const l = buf[p++]!;
  if (l < 0x80) {
    header.length = l;
    return p - start;
  }
  const n = l & 0x7f;
  if (n === 0) {
    if ((first & 0x20) === 0) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, 'indefinite length on a primitive element');
    header.length = INDEFINITE;
    return p - start;
  }
  // X.690 8.1.3.5: up to 126 length octets, leading zeros allowed (0xFF is reserved); a length
  // past any frame limit is clamped, so it fails as FRAME_TOO_LARGE rather than as a number.
  if (n > MAX_LENGTH_OCTETS) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, `length field of ${n} octets`);
  if (p + n > end) return INCOMPLETE;
  let len = 0;
  for (let i = 0; i < n; i++) len = Math.min(len * 256 + buf[p++]!, LENGTH_CLAMP);
  header.length = len;
  return p - start;
}

/** Largest PDU a HiPath header can announce (15 bits). */
export const HIPATH_MAX_PDU = 0x7fff;
/** Size of the HiPath header. */
export const HIPATH_HEADER_SIZE = 3;

function measureHipath(buf: Buffer, start: number, end: number): number {
  if (end - start < HIPATH_HEADER_SIZE) {
    if (end > start && buf[start] !== HIPATH_MARK) throw hipathMarkError(buf, start);
    return INCOMPLETE;
  }
  if (buf[start] !== HIPATH_MARK) throw hipathMarkError(buf, start);
  const field = buf.readUInt16BE(start + 1);
  if ((field & HIPATH_LENGTH_FLAG) === 0) {
    throw new DecodeError(DecodeErrorCode.BadLength, start + 1, 'HiPath length field without its top bit set', { found: field.toString(16).padStart(4, '0') });
  }
  return HIPATH_HEADER_SIZE + (field & HIPATH_MAX_PDU);
}

function hipathMarkError(buf: Buffer, start: number): DecodeError {
  return new DecodeError(DecodeErrorCode.BadSyntax, start, 'HiPath frame does not start with 0x26', { expected: '26', found: buf[start]!.toString(16).padStart(2, '0') });
}

function nextPduTag(buf: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && !isPduTag(buf[i]!)) i++;
  return i;
}

/**
 * A length-prefixed frame must hold one BER element whose own length (when definite) adds up to
 * the prefix: a prefix that disagrees is a corrupt header or a lost frame boundary, caught from the
 * first bytes of the PDU instead of when its garbage length has been read. Contents that are not
 * BER at all (a malformed header, too short for one) pass: the boundary may well be right, and
 * the decoder reports the frame.
 */
function validatePrefixed(headerSize: number): (buf: Buffer, start: number, end: number, size: number) => boolean | undefined {
  return (buf, start, end, size) => {
    const payload = size - headerSize;
    const avail = Math.min(end, start + size);
    let headerLength: number;
    try {
      headerLength = berHeader(buf, start + headerSize, avail);
    } catch {
      return true;
    }
    if (headerLength === INCOMPLETE) return avail === start + size ? true : undefined;
    if (header.length !== INDEFINITE && headerLength + header.length !== payload) {
      throw new DecodeError(DecodeErrorCode.BadLength, start, 'length prefix disagrees with the BER element behind it', {
        expected: String(payload),
        found: String(headerLength + header.length),
      });
    }
    return true;
  };
}

export const BER_FRAME_SPECS: Readonly<Record<BerFraming, FrameSpec>> = {
  length16: {
    headerSize: 2,
    measure: (buf, start, end) => (end - start < 2 ? INCOMPLETE : 2 + buf.readUInt16BE(start)),
    validate: validatePrefixed(2),
    findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, (b, at, e) => prefixedBerAt(b, at, e, 2)),
  },
  length32: {
    headerSize: 4,
    measure: (buf, start, end) => (end - start < 4 ? INCOMPLETE : 4 + buf.readUInt32BE(start)),
    validate: validatePrefixed(4),
    findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, (b, at, e) => prefixedBerAt(b, at, e, 4)),
  },
  ber: {
    headerSize: 0,
    measure: (buf, start, end) => berElementLength(buf, start, end),
    createMeasurer: () => new BerMeasurer(),
    findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, (b, at, e) => berPduAt(b, at, e, undefined), nextPduTag),
  },
  hipath: {
    headerSize: HIPATH_HEADER_SIZE,
    measure: measureHipath,
    validate: validatePrefixed(HIPATH_HEADER_SIZE),
    findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, hipathAt, (b, f, e) => nextByte(b, HIPATH_MARK, f, e)),
  },
};

/** A framer for one of the BER framings. */
export function createBerFramer(framing: BerFraming, options?: FramerOptions): Framer {
  return new Framer(BER_FRAME_SPECS[framing], options);
}

/** Options of {@link frameBer}. */
export interface FrameBerOptions {
  /**
   * Largest HiPath PDU written; larger ones throw RangeError. The header allows
   * {@link HIPATH_MAX_PDU}; Net::CSTAv3::Client refuses to send more than 1000 bytes ("Message
   * larger than allowed!"), which a profile for such a PBX can set here. @default HIPATH_MAX_PDU
   */
  readonly maxHipathPdu?: number;
}

/** Prepends the framing's prefix to an encoded PDU. */
export function frameBer(framing: BerFraming, pdu: Uint8Array, options: FrameBerOptions = {}): Uint8Array {
  switch (framing) {
    case 'ber':
      return pdu;
    case 'length16': {
      if (pdu.length > 0xffff) throw new RangeError(`PDU of ${pdu.length} bytes does not fit a 2-byte length`);
      const out = new Uint8Array(2 + pdu.length);
      out[0] = pdu.length >>> 8;
      out[1] = pdu.length & 0xff;
      out.set(pdu, 2);
      return out;
    }
    case 'length32': {
      const out = new Uint8Array(4 + pdu.length);
      new DataView(out.buffer).setUint32(0, pdu.length);
      out.set(pdu, 4);
      return out;
    }
    case 'hipath': {
      const max = Math.min(options.maxHipathPdu ?? HIPATH_MAX_PDU, HIPATH_MAX_PDU);
      if (pdu.length > max) throw new RangeError(`PDU of ${pdu.length} bytes exceeds the HiPath maximum of ${max}`);
      const out = new Uint8Array(HIPATH_HEADER_SIZE + pdu.length);
      out[0] = HIPATH_MARK;
      out[1] = (pdu.length | HIPATH_LENGTH_FLAG) >>> 8;
      out[2] = pdu.length & 0xff;
      out.set(pdu, HIPATH_HEADER_SIZE);
      return out;
    }
    default: {
      const never: never = framing;
      throw new RangeError(`unknown framing ${String(never)}`);
    }
  }
}
