/**
 * The framings PBXs use for BER CSTA over TCP:
 * - `length16`: a 2-byte big-endian length, then the PDU (the common "TPKT-less" CSTA framing);
 * - `length32`: a 4-byte big-endian length, then the PDU;
 * - `ber`: no prefix; each PDU is self-delimited by its own BER length (definite or indefinite).
 */
import type { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { DEFAULT_MAX_DEPTH } from '../ber/reader.js';
import { Framer } from './framer.js';
import type { FrameSpec, FramerOptions } from './framer.js';

export const BerFraming = {
  length16: 'length16',
  length32: 'length32',
  ber: 'ber',
} as const;
export type BerFraming = (typeof BerFraming)[keyof typeof BerFraming];

const INCOMPLETE = -1;
const MAX_LENGTH_OCTETS = 4;

/**
 * Length of the BER element at `start` (header included) from the bytes available, or -1 when
 * more bytes are needed. Throws DecodeError for a header no BER element can have.
 */
export function berElementLength(buf: Buffer, start: number, end: number, depth = 0): number {
  if (depth > DEFAULT_MAX_DEPTH) throw new DecodeError(DecodeErrorCode.TooDeep, start, 'indefinite-length nesting too deep');
  let p = start;
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
  if (l < 0x80) return p - start + l;
  const n = l & 0x7f;
  if (n === 0) {
    if ((first & 0x20) === 0) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, 'indefinite length on a primitive element');
    // Indefinite: walk the contents until the end-of-contents octets.
    for (;;) {
      if (p + 2 > end) return INCOMPLETE;
      if (buf[p] === 0 && buf[p + 1] === 0) return p + 2 - start;
      const inner = berElementLength(buf, p, end, depth + 1);
      if (inner === INCOMPLETE) return INCOMPLETE;
      p += inner;
    }
  }
  if (n > MAX_LENGTH_OCTETS) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, `length field of ${n} octets`);
  if (p + n > end) return INCOMPLETE;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  return p - start + len;
}

export const BER_FRAME_SPECS: Readonly<Record<BerFraming, FrameSpec>> = {
  length16: {
    headerSize: 2,
    measure: (buf, start, end) => (end - start < 2 ? INCOMPLETE : 2 + buf.readUInt16BE(start)),
  },
  length32: {
    headerSize: 4,
    measure: (buf, start, end) => (end - start < 4 ? INCOMPLETE : 4 + buf.readUInt32BE(start)),
  },
  ber: { headerSize: 0, measure: (buf, start, end) => berElementLength(buf, start, end) },
};

/** A framer for one of the BER framings. */
export function createBerFramer(framing: BerFraming, options?: FramerOptions): Framer {
  return new Framer(BER_FRAME_SPECS[framing], options);
}

/** Prepends the framing's prefix to an encoded PDU. */
export function frameBer(framing: BerFraming, pdu: Uint8Array): Uint8Array {
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
    default: {
      const never: never = framing;
      throw new RangeError(`unknown framing ${String(never)}`);
    }
  }
}
