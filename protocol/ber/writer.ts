/**
 * A BER writer that fills its buffer from the end towards the start, so every length is known
 * when it is written and nothing is ever shifted. Encoders therefore emit the *last* component
 * first. `finish()` hands out the bytes written since the previous finish as a view of the
 * writer's slab (no copy: allocating and filling a fresh Buffer cost more than the encode of a
 * small PDU), and the next encode writes below them, so bytes handed to a caller are never
 * overwritten by a later encode. When a slab is used up the next one is allocated; a slab stays
 * alive while any result taken from it does, as with Node's own Buffer pool.
 */
import { Buffer } from 'node:buffer';

const INITIAL_SIZE = 1024;

/** The value of a lower-case hex digit's character code, or -1 (small enough for V8 to inline). */
function lowerHexNibble(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}

/** Up to this many bytes, strings are copied by a loop rather than Buffer.write. */
const SHORT = 24;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

export class BerWriter {
  private buf: Buffer;
  /** `buf.buffer` and `buf.byteOffset`, read once per slab rather than per finish(). */
  private ab: ArrayBuffer;
  private abOffset: number;
  /** Start of what the current encode has written (it grows downwards). */
  private pos: number;
  /** End of the current encode; everything above it was handed out by finish(). */
  private end: number;
  private readonly slab: number;

  constructor(initialSize = INITIAL_SIZE) {
    this.slab = Math.max(1, initialSize);
    this.buf = Buffer.allocUnsafeSlow(this.slab);
    this.ab = this.buf.buffer as ArrayBuffer;
    this.abOffset = this.buf.byteOffset;
    this.pos = this.slab;
    this.end = this.slab;
  }

  /** Number of bytes written so far (stable across buffer growth). */
  get size(): number {
    return this.end - this.pos;
  }

  private ensure(n: number): void {
    if (this.pos >= n) return;
    this.grow(n);
  }

  /** A new slab with room for `n` more bytes; the current encode's bytes move to its end. */
  private grow(n: number): void {
    const used = this.end - this.pos;
    // A single encode that outgrew its whole slab doubles it; otherwise a fresh slab will do.
    let cap = this.end === this.buf.length ? this.buf.length * 2 : this.slab;
    while (cap - used < n) cap *= 2;
    const next = Buffer.allocUnsafeSlow(cap);
    this.buf.copy(next, cap - used, this.pos, this.end);
    this.buf = next;
    this.ab = next.buffer as ArrayBuffer;
    this.abOffset = next.byteOffset;
    this.pos = cap - used;
    this.end = cap;
  }

  byte(b: number): void {
    if (this.pos < 1) this.grow(1);
    this.buf[--this.pos] = b;
  }

  /** Writes a definite length (short or long form) in front of what was written. */
  length(len: number): void {
    if (len < 0x80) {
      this.byte(len);
      return;
    }
    this.ensure(5);
    let n = 0;
    while (len > 0) {
      this.buf[--this.pos] = len & 0xff;
      len = Math.floor(len / 256);
      n++;
    }
    this.buf[--this.pos] = 0x80 | n;
  }

  /** Writes identifier octets for a tag key (see tags.ts). */
  tag(key: number, constructed: boolean): void {
    const num = key & 0x1fffff;
    const first = ((key >>> 21) << 6) | (constructed ? 0x20 : 0);
    if (num < 31) {
      this.byte(first | num);
      return;
    }
    this.ensure(5);
    let n = num;
    this.buf[--this.pos] = n & 0x7f;
    n >>>= 7;
    while (n > 0) {
      this.buf[--this.pos] = 0x80 | (n & 0x7f);
      n >>>= 7;
    }
    this.buf[--this.pos] = first | 0x1f;
  }

  /** Header for contents written since `mark` (a previous `size`). */
  wrap(mark: number, key: number, constructed: boolean): void {
    const len = this.end - this.pos - mark;
    const num = key & 0x1fffff;
    if (len < 0x80 && num < 31) {
      // The common case in one step: a one-octet identifier and a short-form length.
      if (this.pos < 2) this.grow(2);
      const buf = this.buf;
      buf[--this.pos] = len;
      buf[--this.pos] = ((key >>> 21) << 6) | (constructed ? 0x20 : 0) | num;
      return;
    }
    this.length(len);
    this.tag(key, constructed);
  }

  /**
   * Header for contents written since `mark`, constructed: `wrap(mark, key, true)` without the
   * flag (the header of every SEQUENCE, CHOICE wrapper and EXPLICIT tag).
   */
  wrapConstructed(mark: number, key: number): void {
    const len = this.end - this.pos - mark;
    const num = key & 0x1fffff;
    if (len < 0x80 && num < 31 && this.pos >= 2) {
      const buf = this.buf;
      buf[--this.pos] = len;
      buf[--this.pos] = ((key >>> 21) << 6) | 0x20 | num;
      return;
    }
    this.length(len);
    this.tag(key, true);
  }

  /**
   * A whole primitive TLV of latin1 `s` with the one-octet identifier `id` (a tag number below
   * 31). Returns false, having written nothing, if a character is above 0xFF.
   */
  latin1Tlv(s: string, id: number): boolean {
    const n = s.length;
    if (n > SHORT) return this.latin1TlvLong(s, id);
    if (this.pos < n + 2) this.grow(n + 2); // room for the contents and the 2-octet header
    if (!this.latin1IfFits(s)) return false;
    this.shortHeader(n, id);
    return true;
  }

  private latin1TlvLong(s: string, id: number): boolean {
    const m = this.end - this.pos;
    if (!this.latin1IfFits(s)) return false;
    this.length(this.end - this.pos - m);
    this.byte(id);
    return true;
  }

  /**
   * A whole primitive TLV of an OCTET STRING value with the one-octet identifier `id`: the
   * bytes of `h` if it is lower-case hex of even length, else its UTF-8 bytes (as OCTET STRING
   * encodes them).
   */
  hexTlv(h: string, id: number): void {
    const n = h.length >>> 1;
    if (n <= SHORT) {
      if (this.pos < n + 2) this.grow(n + 2); // room for the contents and the 2-octet header
      if (this.lowerHexIfValid(h)) {
        this.shortHeader(n, id);
        return;
      }
    }
    this.hexTlvLong(h, id);
  }

  /** Identifier `id` and the one-octet length `n` (below 0x80) in front of contents just written; the room is there. */
  private shortHeader(n: number, id: number): void {
    const buf = this.buf;
    buf[--this.pos] = n;
    buf[--this.pos] = id;
  }

  private hexTlvLong(h: string, id: number): void {
    const m = this.end - this.pos;
    if (!this.lowerHexIfValid(h)) this.utf8(h);
    this.length(this.end - this.pos - m);
    this.byte(id);
  }

  /**
   * A whole INTEGER (or ENUMERATED) TLV of `v`, one-octet identifier `id`; throws RangeError,
   * having written nothing, unless `v` is a safe integer (as `integer` does).
   */
  integerTlv(v: number, id: number): void {
    // (v & 0x7f) === v: an integer 0..127 (false for fractions, NaN and everything larger).
    if ((v & 0x7f) === v && this.pos >= 3) {
      const buf = this.buf;
      const p = this.pos;
      buf[p - 1] = v;
      buf[p - 2] = 1;
      buf[p - 3] = id;
      this.pos = p - 3;
      return;
    }
    const m = this.end - this.pos;
    this.integer(v);
    this.byte(this.end - this.pos - m);
    this.byte(id);
  }

  /** A whole TLV of one content octet `b` (BOOLEAN), one-octet identifier `id`. */
  tlv3(id: number, b: number): void {
    if (this.pos < 3) this.grow(3);
    const buf = this.buf;
    const p = this.pos;
    buf[p - 1] = b;
    buf[p - 2] = 1;
    buf[p - 3] = id;
    this.pos = p - 3;
  }

  /** A whole empty TLV (NULL), one-octet identifier `id`. */
  tlv2(id: number): void {
    if (this.pos < 2) this.grow(2);
    const buf = this.buf;
    const p = this.pos;
    buf[p - 1] = 0;
    buf[p - 2] = id;
    this.pos = p - 2;
  }

  latin1(s: string): void {
    const n = s.length;
    this.ensure(n);
    this.pos -= n;
    if (n > SHORT) {
      this.buf.write(s, this.pos, n, 'latin1');
      return;
    }
    // Short strings (device numbers): a plain loop beats the Buffer.write call overhead.
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) buf[p + i] = s.charCodeAt(i);
  }

  /**
   * Writes `s` as latin1 if every character is at most 0xFF and returns true; otherwise writes
   * nothing and returns false (one pass for the check and the copy).
   */
  latin1IfFits(s: string): boolean {
    const n = s.length;
    if (n > SHORT) {
      for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 0xff) return false;
      this.latin1(s);
      return true;
    }
    this.ensure(n);
    const buf = this.buf;
    const p = this.pos - n;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) return false;
      buf[p + i] = c;
    }
    this.pos = p;
    return true;
  }

  /**
   * Writes `h` as bytes if it is lower-case hex of even length (the model's OCTET STRING) and
   * returns true; otherwise writes nothing and returns false.
   */
  lowerHexIfValid(h: string): boolean {
    const len = h.length;
    if ((len & 1) !== 0) return false;
    const n = len >>> 1;
    this.ensure(n);
    const buf = this.buf;
    const p = this.pos - n;
    for (let i = 0; i < n; i++) {
      const a = h.charCodeAt(2 * i);
      const b = h.charCodeAt(2 * i + 1);
      const hi = lowerHexNibble(a);
      const lo = lowerHexNibble(b);
      if ((hi | lo) < 0) return false;
      buf[p + i] = (hi << 4) | lo;
    }
    this.pos = p;
    return true;
  }

  utf8(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.ensure(n);
    this.pos -= n;
    this.buf.write(s, this.pos, n, 'utf8');
  }

  /** Writes bytes given as hex (the model's representation of OCTET STRING and raw elements). */
  hex(h: string): void {
    const n = h.length >>> 1;
    this.ensure(n);
    this.pos -= n;
    if (n > SHORT) {
      const written = this.buf.write(h, this.pos, n, 'hex');
      if (written !== n) throw new RangeError('invalid hex string');
      return;
    }
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) {
      const hi = hexValue(h.charCodeAt(2 * i));
      const lo = hexValue(h.charCodeAt(2 * i + 1));
      if ((hi | lo) < 0) throw new RangeError('invalid hex string');
      buf[p + i] = (hi << 4) | lo;
    }
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.pos -= b.length;
    this.buf.set(b, this.pos);
  }

  /** Two's-complement contents of an INTEGER (minimal length). */
  integer(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer: ${v}`);
    if (v >= 0 && v < 0x80) {
      this.byte(v);
      return;
    }
    let x = v;
    for (;;) {
      const low = ((x % 256) + 256) % 256;
      this.byte(low);
      x = (x - low) / 256;
      if ((x === 0 && (low & 0x80) === 0) || (x === -1 && (low & 0x80) !== 0)) break;
    }
  }

  /** Returns everything written since the last finish, as a view no later encode touches. */
  finish(): Buffer {
    // Buffer.from(arrayBuffer, offset, length) makes the view directly (subarray goes through the
    // species constructor and is several times slower).
    const out = Buffer.from(this.ab, this.abOffset + this.pos, this.end - this.pos);
    this.end = this.pos;
    return out;
  }

  /** Drops what the current encode has written. */
  reset(): void {
    this.pos = this.end;
  }
}
