/**
 * "Could a frame start here?" for each framing, from a few bytes. Shared by autodetection
 * (which framing is this stream?) and by the Framer's resynchronisation after a framing error
 * (where does the next frame start?). Every predicate answers three-valued: `true` (a plausible
 * frame start), `false` (cannot be one) or `undefined` (the bytes up to `end` do not tell yet), and
 * looks at no more than {@link FRAME_START_WINDOW} bytes past `at`.
 */
import type { Buffer } from 'node:buffer';

/** Three-valued answer: yes, no, or need more bytes. */
export type Maybe = boolean | undefined;

/** Bytes a predicate may look at past its start position (the longest is XML after an 8-byte header). */
export const FRAME_START_WINDOW = 64;

/** ROSE APDU tags ([1]..[4] constructed, context class): invoke, returnResult, returnError, reject. */
const ROSE_TAG_MIN = 0xa1;
const ROSE_TAG_MAX = 0xa4;
/** ACSE APDU tags ([APPLICATION 0..4] constructed): AARQ, AARE, RLRQ, RLRE, ABRT. */
const ACSE_TAG_MIN = 0x60;
const ACSE_TAG_MAX = 0x64;
const INTEGER = 0x02;
const NULL = 0x05;
const LT = 0x3c; // <
const MAX_LENGTH_OCTETS = 4;

/** First byte of a Siemens HiPath frame header. */
export const HIPATH_MARK = 0x26;
/** Bit set in the HiPath header's 2-byte length field. */
export const HIPATH_LENGTH_FLAG = 0x8000;

export function isXmlWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

export function isPrintableAscii(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** A byte that can follow `<` at the start of an XML document: `?`, `!` or a name-start character. */
export function isMarkupStart(c: number): boolean {
  return c === 0x3f || c === 0x21 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

/** True for a byte that can start a ROSE or ACSE APDU. */
export function isPduTag(b: number): boolean {
  return (b >= ROSE_TAG_MIN && b <= ROSE_TAG_MAX) || (b >= ACSE_TAG_MIN && b <= ACSE_TAG_MAX);
}

/** Plain XML at `at`: an optional BOM, whitespace, then `<` and `?`, `!` or a name-start character. */
export function plainXmlAt(b: Uint8Array, at: number, end: number): Maybe {
  let p = at;
  if (p < end && b[p] === 0xef) {
    if (end - p < 3) return undefined;
    if (b[p + 1] !== 0xbb || b[p + 2] !== 0xbf) return false;
    p += 3;
  }
  while (p < end && isXmlWhitespace(b[p]!)) p++;
  if (p >= end) return undefined;
  if (b[p] !== LT) return false;
  if (p + 1 >= end) return undefined;
  return isMarkupStart(b[p + 1]!);
}

/** `00 00 LL LL c c c c` (length ≥ 9, four printable ASCII characters) and then XML. */
export function headedXmlAt(b: Uint8Array, at: number, end: number): Maybe {
  for (let i = 0; i < 2; i++) {
    if (at + i >= end) return undefined;
    if (b[at + i] !== 0x00) return false;
  }
  if (at + 4 > end) return undefined;
  const length = (b[at + 2]! << 8) | b[at + 3]!;
  if (length <= 8) return false;
  for (let i = 4; i < 8; i++) {
    if (at + i >= end) return undefined;
    if (!isPrintableAscii(b[at + i]!)) return false;
  }
  return plainXmlAt(b, at + 8, end);
}

/**
 * A ROSE/ACSE PDU header at `at`. With `expectedLength` (the framing prefix), a definite BER
 * length must add up to it exactly.
 */
export function berPduAt(b: Uint8Array, at: number, end: number, expectedLength: number | undefined): Maybe {
  if (at >= end) return undefined;
  const tag = b[at]!;
  const rose = tag >= ROSE_TAG_MIN && tag <= ROSE_TAG_MAX;
  const acse = tag >= ACSE_TAG_MIN && tag <= ACSE_TAG_MAX;
  if (!rose && !acse) return false;
  if (at + 1 >= end) return undefined;
  const l = b[at + 1]!;
  let contentAt = at + 2;
  let total: number | undefined; // undefined: indefinite length
  if (l < 0x80) {
    total = 2 + l;
  } else if (l === 0x80) {
    total = undefined;
  } else {
    const n = l & 0x7f;
    if (n > MAX_LENGTH_OCTETS) return false;
    if (at + 2 + n > end) return undefined;
    let len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[at + 2 + i]!;
    contentAt += n;
    total = 2 + n + len;
  }
  if (total !== undefined && total - (contentAt - at) < 3) return false; // room for at least an INTEGER
  if (expectedLength !== undefined && total !== undefined && total !== expectedLength) return false;
  if (expectedLength !== undefined && total === undefined && expectedLength < 4) return false;
  if (contentAt >= end) return undefined;
  const first = b[contentAt]!;
  return rose ? first === INTEGER || first === NULL : first >= 0x80 && first <= 0xbf;
}

/** A BER PDU behind a `size`-byte big-endian length prefix (`length16`: 2, `length32`: 4). */
export function prefixedBerAt(b: Uint8Array, at: number, end: number, size: 2 | 4): Maybe {
  if (at + size > end) {
    // The prefix is incomplete; a PDU length that large is still possible, so only "need more".
    return undefined;
  }
  let len = 0;
  for (let i = 0; i < size; i++) len = len * 256 + b[at + i]!;
  return berPduAt(b, at + size, end, len);
}

/** Siemens HiPath: `26`, a 2-byte length with the top bit set, then a ROSE/ACSE PDU of that length. */
export function hipathAt(b: Uint8Array, at: number, end: number): Maybe {
  if (at >= end) return undefined;
  if (b[at] !== HIPATH_MARK) return false;
  if (at + 1 >= end) return undefined;
  if ((b[at + 1]! & 0x80) === 0) return false;
  if (at + 2 >= end) return undefined;
  const len = ((b[at + 1]! << 8) | b[at + 2]!) & ~HIPATH_LENGTH_FLAG;
  return berPduAt(b, at + 3, end, len);
}

/** Where a resynchronising scan stopped: a plausible frame start (`sure`), or bytes to keep. */
export interface FrameStart {
  /** Index of the plausible frame start (`sure`), else of the first byte that must be kept (`end` for none). */
  readonly at: number;
  readonly sure: boolean;
}

/**
 * Scans `[from, end)` for the first position where `startsFrame` says yes. A position whose
 * answer needs bytes beyond `end` (and within the window) stops the scan unsure, so the caller can
 * keep those few bytes for the next chunk. `nextCandidate` skips positions that cannot start a
 * frame quickly (e.g. `indexOf`). Linear: each position costs at most {@link FRAME_START_WINDOW}.
 */
export function scanForFrameStart(
  buf: Buffer,
  from: number,
  end: number,
  startsFrame: (b: Uint8Array, at: number, end: number) => Maybe,
  nextCandidate?: (b: Buffer, from: number, end: number) => number,
): FrameStart {
  let i = from;
  while (i < end) {
    if (nextCandidate !== undefined) {
      i = nextCandidate(buf, i, end);
      if (i >= end) break;
    }
    const windowEnd = Math.min(end, i + FRAME_START_WINDOW);
    const m = startsFrame(buf, i, windowEnd);
    if (m === true) return { at: i, sure: true };
    if (m === undefined && windowEnd === end && end - i < FRAME_START_WINDOW) return { at: i, sure: false };
    i++;
  }
  return { at: end, sure: false };
}

/** Index of the next `value` byte in `[from, end)`, or `end`. */
export function nextByte(buf: Buffer, value: number, from: number, end: number): number {
  if (from >= end) return end;
  const i = buf.subarray(from, end).indexOf(value);
  return i < 0 ? end : from + i;
}
