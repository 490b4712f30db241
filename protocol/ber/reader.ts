/**
 * A BER cursor with no CSTA knowledge. `header(pos, limit)` parses one identifier + length and
 * leaves the result in plain fields (no object per element): `tag`, `cons`, `start`/`end` (the
 * contents) and `hdr`/`next` (the whole element). Primitive readers take content bounds.
 *
 * Memory: values are returned as fresh strings/numbers; `slice()` returns a zero-copy view of the
 * input, so callers must not hand the reader a buffer they later overwrite (the framers never do).
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { MAX_TAG_NUMBER, identifierHex } from './tags.js';

/** Limits applied while reading. */
export interface BerReaderOptions {
  /** Deepest nesting of constructed elements accepted. @default 64 */
  readonly maxDepth?: number;
}
export const DEFAULT_MAX_DEPTH = 64;
/** Decoded lengths are clamped here (2^40): larger than any frame, still exact in a double. */
const MAX_LENGTH = 2 ** 40;

/** Up to this many octets, strings are read by a loop rather than Buffer#toString. */
const SHORT_STRING = 12;

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Short strings (up to SHORT_STRING octets) repeat: the same extensions, trunks and call ids
 * arrive in event after event. Two direct-mapped caches (one for character strings, one for
 * hex) return the string already made for the same octets instead of building it again. A
 * string's key is exact, two numbers: `a` = its first (up to) 6 octets in base 256, `b` = its
 * length followed by the remaining octets (both below 2^53), so a hit is always the right string;
 * a collision only replaces the slot. Bounded: STRING_CACHE_SLOTS strings of at most 12
 * characters each per cache, shared by every reader (strings are immutable, so sharing them is
 * invisible to callers).
 */
const STRING_CACHE_SLOTS = 1 << 9;
const STRING_CACHE_BITS = 9; // log2(STRING_CACHE_SLOTS)
const CHARS_A = new Float64Array(STRING_CACHE_SLOTS).fill(-1);
const CHARS_B = new Float64Array(STRING_CACHE_SLOTS);
const CHARS_S: string[] = new Array<string>(STRING_CACHE_SLOTS).fill('');
const HEX_A = new Float64Array(STRING_CACHE_SLOTS).fill(-1);
const HEX_B = new Float64Array(STRING_CACHE_SLOTS);
const HEX_S: string[] = new Array<string>(STRING_CACHE_SLOTS).fill('');

function cacheSlot(a: number, b: number): number {
  // Multiplicative hashing of the low 32 bits of both keys (the octets that differ most).
  return Math.imul((a | 0) ^ Math.imul(b | 0, 0x27d4eb2d), 0x9e3779b1) >>> (32 - STRING_CACHE_BITS);
}

/**
 * The character string of `buf[start, end)` (octets below 0x80 or read as latin1, at most
 * SHORT_STRING), keyed `a`/`b` as above: from the cache, or built by a loop (it beats the native
 * call's overhead; up to 12 characters V8 makes flat strings, no cons strings) and cached.
 */
function cachedChars(buf: Buffer, start: number, end: number, a: number, b: number): string {
  const slot = cacheSlot(a, b);
  if (CHARS_A[slot] === a && CHARS_B[slot] === b) return CHARS_S[slot]!;
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  CHARS_A[slot] = a;
  CHARS_B[slot] = b;
  CHARS_S[slot] = s;
  return s;
}

const NO_READER_OPTIONS: BerReaderOptions = Object.freeze({});

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class BerReader {
  readonly buf: Buffer;
  readonly maxDepth: number;
  /** Current nesting depth of constructed values being decoded. */
  depth = 0;
  // Result of the last header(): see the class comment.
  tag = 0;
  cons = false;
  hdr = 0;
  start = 0;
  end = 0;
  next = 0;

  constructor(bytes: Uint8Array, options: BerReaderOptions = NO_READER_OPTIONS) {
    this.buf = toBuffer(bytes);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  /** Parses the header of the element at `pos`, which must end at or before `limit`. */
  header(pos: number, limit: number): void {
    const buf = this.buf;
    if (pos + 1 < limit) {
      // Fast path: a one-octet identifier and a short-form length that fits (most elements).
      const b = buf[pos]!;
      const len = buf[pos + 1]!;
      const end = pos + 2 + len;
      if ((b & 0x1f) !== 0x1f && len < 0x80 && end <= limit) {
        this.tag = ((b >> 6) << 21) | (b & 0x1f);
        this.cons = (b & 0x20) !== 0;
        this.hdr = pos;
        this.start = pos + 2;
        this.end = end;
        this.next = end;
        return;
      }
    }
    this.headerSlow(pos, limit);
  }

  /** Every other header, and every malformed one (the errors are reported here). */
  private headerSlow(pos: number, limit: number): void {
    const buf = this.buf;
    if (pos >= limit) throw this.truncated(pos, limit, 'tag');
    let b = buf[pos]!;
    const cls = b >> 6;
    const cons = (b & 0x20) !== 0;
    let num = b & 0x1f;
    let p = pos + 1;
    if (num === 0x1f) {
      num = 0;
      do {
        if (p >= limit) throw this.truncated(p, limit, 'tag');
        b = buf[p++]!;
        if (num === 0 && b === 0x80) throw new DecodeError(DecodeErrorCode.BadTag, p - 1, 'tag number has a leading 0x80 octet');
        num = num * 128 + (b & 0x7f);
        if (num > MAX_TAG_NUMBER) throw new DecodeError(DecodeErrorCode.BadTag, pos, 'tag number too large');
      } while (b & 0x80);
    }
    if (p >= limit) throw this.truncated(p, limit, 'length');
    let len = buf[p++]!;
    let start = p;
    let end: number;
    let next: number;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0) {
        if (!cons) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, 'indefinite length on a primitive element');
        end = this.findEndOfContents(p, limit);
        next = end + 2;
        this.set((cls << 21) | num, cons, pos, start, end, next);
        return;
      }
      // X.690 8.1.3.5: up to 126 length octets (0xFF is reserved); BER allows leading zeros, so a
      // long field is fine as long as its value fits. Past 2^40 the value is clamped: it overruns
      // any frame, and the overrun below reports it.
      if (n === 0x7f) throw new DecodeError(DecodeErrorCode.BadLength, p - 1, 'length octet 0xFF is reserved (X.690 8.1.3.5)');
      if (p + n > limit) throw this.truncated(p, limit, 'length');
      len = 0;
      for (let i = 0; i < n; i++) {
        len = len * 256 + buf[p++]!;
        if (len > MAX_LENGTH) len = MAX_LENGTH;
      }
      start = p;
    }
    end = start + len;
    if (end > limit) {
      // At the top level the input simply ended; inside an element the length lies.
      throw this.depth === 0 && limit === this.buf.length
        ? this.truncated(start, limit, 'contents', len)
        : new DecodeError(DecodeErrorCode.LengthOverrun, pos, `element of length ${len} overruns its enclosing element by ${end - limit} bytes`);
    }
    next = end;
    this.set((cls << 21) | num, cons, pos, start, end, next);
  }

  private set(tag: number, cons: boolean, hdr: number, start: number, end: number, next: number): void {
    this.tag = tag;
    this.cons = cons;
    this.hdr = hdr;
    this.start = start;
    this.end = end;
    this.next = next;
  }

  /** Scans an indefinite-length contents octets for its end-of-contents marker. */
  private findEndOfContents(pos: number, limit: number): number {
    this.enter(pos);
    let p = pos;
    try {
      for (;;) {
        if (p + 1 < limit && this.buf[p] === 0 && this.buf[p + 1] === 0) break;
        if (p >= limit - 1) throw this.truncated(p, limit, 'end-of-contents');
        this.header(p, limit);
        p = this.next;
      }
    } finally {
      // Also on error: a reader that reports a bad element stays usable for the next one.
      if (this.depth > 0) this.depth--;
    }
    return p;
  }

  private truncated(pos: number, limit: number, what: string, need?: number): DecodeError {
    const detail = need === undefined ? '' : ` (${need} bytes announced, ${limit - pos} available)`;
    return new DecodeError(DecodeErrorCode.Truncated, pos, `input ends inside ${what}${detail}`);
  }

  /** Call when descending into a constructed value; throws past `maxDepth`. */
  enter(pos: number): void {
    if (++this.depth > this.maxDepth) {
      this.depth = 0;
      throw new DecodeError(DecodeErrorCode.TooDeep, pos, `nesting deeper than maxDepth ${this.maxDepth}`);
    }
  }
  leave(): void {
    this.depth--;
  }

  /** The identifier octets of the current element as hex (for error messages). */
  foundTag(): string {
    return identifierHex(this.tag, this.cons);
  }

  // ---- primitive contents -------------------------------------------------------------------

  integer(start: number, end: number): number {
    const len = end - start;
    if (len === 0) throw new DecodeError(DecodeErrorCode.BadValue, start, 'INTEGER with no content octets');
    if (len > 7) throw new DecodeError(DecodeErrorCode.IntegerTooLarge, start, `INTEGER of ${len} octets`);
    const buf = this.buf;
    let v = buf[start]! & 0x80 ? buf[start]! - 256 : buf[start]!;
    for (let i = start + 1; i < end; i++) v = v * 256 + buf[i]!;
    if (!Number.isSafeInteger(v)) throw new DecodeError(DecodeErrorCode.IntegerTooLarge, start, 'INTEGER outside the safe integer range');
    return v;
  }

  boolean(start: number, end: number): boolean {
    if (end - start !== 1) throw new DecodeError(DecodeErrorCode.BadValue, start, `BOOLEAN of ${end - start} octets`);
    return this.buf[start] !== 0;
  }

  null(start: number, end: number): null {
    if (end !== start) throw new DecodeError(DecodeErrorCode.BadValue, start, `NULL with ${end - start} content octets`);
    return null;
  }

  latin1(start: number, end: number): string {
    const n = end - start;
    if (n > SHORT_STRING) return this.buf.toString('latin1', start, end);
    const buf = this.buf;
    const mid = n < 6 ? end : start + 6;
    let a = 0;
    let b = n;
    for (let i = start; i < mid; i++) a = a * 256 + buf[i]!;
    for (let i = mid; i < end; i++) b = b * 256 + buf[i]!;
    return cachedChars(buf, start, end, a, b);
  }

  utf8(start: number, end: number): string {
    const n = end - start;
    if (n > SHORT_STRING) return this.buf.toString('utf8', start, end);
    // Short ASCII strings: the same cache as latin1 (ASCII reads the same in both); anything
    // else (multi-byte, invalid) by the decoder.
    const buf = this.buf;
    const mid = n < 6 ? end : start + 6;
    let a = 0;
    let b = n;
    let high = 0;
    for (let i = start; i < mid; i++) {
      const c = buf[i]!;
      high |= c;
      a = a * 256 + c;
    }
    for (let i = mid; i < end; i++) {
      const c = buf[i]!;
      high |= c;
      b = b * 256 + c;
    }
    if (high >= 0x80) return buf.toString('utf8', start, end);
    return cachedChars(buf, start, end, a, b);
  }

  hex(start: number, end: number): string {
    const buf = this.buf;
    const n = end - start;
    if (n > SHORT_STRING) return buf.toString('hex', start, end);
    const mid = n < 6 ? end : start + 6;
    let a = 0;
    let b = n;
    for (let i = start; i < mid; i++) a = a * 256 + buf[i]!;
    for (let i = mid; i < end; i++) b = b * 256 + buf[i]!;
    const slot = cacheSlot(a, b);
    if (HEX_A[slot] === a && HEX_B[slot] === b) return HEX_S[slot]!;
    let s = '';
    for (let i = start; i < end; i++) s += HEX[buf[i]!]!;
    HEX_A[slot] = a;
    HEX_B[slot] = b;
    HEX_S[slot] = s;
    return s;
  }

  /** A zero-copy view of `[start, end)` of the input. */
  slice(start: number, end: number): Buffer {
    return this.buf.subarray(start, end);
  }

  /**
   * Contents of a constructed string (X.690 8.7.3, 8.23.3): the concatenated primitive segments.
   * `segmentTag` is the tag every segment carries: OCTET STRING (04) for OCTET STRING and for
   * every restricted character string and GeneralizedTime, which X.690 8.23.3 / 8.25 encode "as
   * if [UNIVERSAL n] IMPLICIT OCTET STRING". Returns a fresh buffer.
   */
  constructedString(start: number, end: number, segmentTag: number): Buffer {
    const parts: Buffer[] = [];
    this.collectSegments(start, end, segmentTag, parts);
    return Buffer.concat(parts);
  }

  /**
   * Contents of a constructed BIT STRING (X.690 8.6.4): every primitive segment starts with its
   * own unused-bits octet, which must be 0 in all but the last segment. Returns the contents of
   * the equivalent primitive encoding: one unused-bits octet, then the joined bits.
   */
  constructedBitString(start: number, end: number, segmentTag: number): Buffer {
    const parts: Buffer[] = [];
    this.collectSegments(start, end, segmentTag, parts);
    let unused = 0;
    const data: Buffer[] = [];
    for (let i = 0; i < parts.length; i++) {
      const seg = parts[i]!;
      const at = seg.byteOffset - this.buf.byteOffset;
      if (seg.length === 0) throw new DecodeError(DecodeErrorCode.BadValue, at, 'BIT STRING segment with no unused-bits octet');
      const u = seg[0]!;
      if (u > 7 || (u > 0 && seg.length === 1)) throw new DecodeError(DecodeErrorCode.BadValue, at, `BIT STRING segment with ${u} unused bits`);
      if (u !== 0 && i !== parts.length - 1) {
        throw new DecodeError(DecodeErrorCode.BadValue, at, `BIT STRING segment other than the last with ${u} unused bits (X.690 8.6.4)`);
      }
      unused = u;
      data.push(seg.subarray(1));
    }
    return Buffer.concat([Buffer.from([unused]), ...data]);
  }

  private collectSegments(start: number, end: number, segmentTag: number, out: Buffer[]): void {
    this.enter(start);
    let p = start;
    while (p < end) {
      this.header(p, end);
      if (this.tag !== segmentTag) {
        throw new DecodeError(DecodeErrorCode.UnexpectedTag, p, 'bad segment in a constructed string', {
          expected: identifierHex(segmentTag, false),
          found: this.foundTag(),
        });
      }
      const next = this.next;
      if (this.cons) this.collectSegments(this.start, this.end, segmentTag, out);
      else out.push(this.buf.subarray(this.start, this.end));
      p = next;
    }
    this.leave();
  }
}

/** Lower-case hex of a byte range (no reader needed). */
export function bytesToHex(bytes: Uint8Array): string {
  return toBuffer(bytes).toString('hex');
}

export function hexToBytes(hex: string): Buffer {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new DecodeError(DecodeErrorCode.BadSyntax, 0, 'not a hex string');
  }
  return Buffer.from(clean, 'hex');
}
