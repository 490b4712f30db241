/**
 * Primitive ASN.1 types as codecs. Each one decodes the contents of the element the reader has
 * just parsed and encodes a full TLV with the tag it is given (its own, or an IMPLICIT one).
 */
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../errors.js';
import { Universal, universal } from '../ber/tags.js';
import type { BerReader } from '../ber/reader.js';
import type { BerWriter } from '../ber/writer.js';
import { MAX_MARKED_BIT_LENGTH, bitLengthOf, markBitLength } from './bit-length.js';
import type { BitStringCodec, EnumeratedCodec, OpenTypeCodec, PrimitiveCodec, PrimitiveKind, RawElement } from './codec.js';
import { registerInlineDecode } from './compile.js';
import type { InlineDecode } from './compile.js';
import { registerInlineEncode } from './compile-encode.js';

function primitive<T>(
  kind: PrimitiveKind,
  name: string,
  tag: number,
  decode: (r: BerReader) => T,
  encode: (w: BerWriter, v: T, tag: number) => void,
  inline?: InlineDecode & { readonly kind: 'latin1' | 'hex' | 'integer' | 'boolean' | 'null' },
): PrimitiveCodec<T> {
  // `inline`: the primitive form is exactly that reader call, and the encoder the matching writer
  // calls (compile.ts and compile-encode.ts write them inline in generated code).
  if (inline !== undefined) {
    registerInlineDecode(decode, inline);
    registerInlineEncode(encode as (w: BerWriter, v: unknown, tag: number) => void, inline);
  }
  return { kind, name, tag, firstTags: [tag], decode, encode };
}

function typeError(name: string, v: unknown): EncodeError {
  return new EncodeError(EncodeErrorCode.BadValue, `${name} cannot encode ${JSON.stringify(v) ?? String(v)}`);
}

/** Rejects the constructed form where X.690 requires primitive. */
function expectPrimitive(r: BerReader, name: string): void {
  if (r.cons) throw new DecodeError(DecodeErrorCode.BadValue, r.hdr, `${name} must be primitive`);
}

/** `INTEGER` → number (safe-integer range). */
export const INTEGER = primitive<number>(
  'integer',
  'INTEGER',
  universal(Universal.integer),
  (r) => {
    expectPrimitive(r, 'INTEGER');
    return r.integer(r.start, r.end);
  },
  (w, v, tag) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw typeError('INTEGER', v);
    const m = w.size;
    w.integer(v);
    w.wrap(m, tag, false);
  },
  { kind: 'integer' },
);

/** `BOOLEAN` → boolean (encoded as 0xFF / 0x00). */
export const BOOLEAN = primitive<boolean>(
  'boolean',
  'BOOLEAN',
  universal(Universal.boolean),
  (r) => {
    expectPrimitive(r, 'BOOLEAN');
    return r.boolean(r.start, r.end);
  },
  (w, v, tag) => {
    if (typeof v !== 'boolean') throw typeError('BOOLEAN', v);
    w.byte(v ? 0xff : 0x00);
    w.byte(1);
    w.tag(tag, false);
  },
  { kind: 'boolean' },
);

/** `NULL` → null. */
export const NULL = primitive<null>(
  'null',
  'NULL',
  universal(Universal.null),
  (r) => {
    expectPrimitive(r, 'NULL');
    return r.null(r.start, r.end);
  },
  (w, v, tag) => {
    if (v !== null) throw typeError('NULL', v);
    w.byte(0);
    w.tag(tag, false);
  },
  { kind: 'null' },
);

const HEX_RE = /^(?:[0-9a-f]{2})*$/;
const OCTET_STRING_TAG = universal(Universal.octetString);

/**
 * `OCTET STRING` → lower-case hex. The constructed form is accepted on decode. On encode, a value
 * that is not lower-case hex is text an XML peer sent (`SIP/hpbx-0000af2f`, `FF0001…`, `N/A`):
 * its octets are its UTF-8 bytes (docs/xml.md, "Identifiers").
 */
export const OCTET_STRING = primitive<string>(
  'octetString',
  'OCTET STRING',
  universal(Universal.octetString),
  (r) => (r.cons ? r.constructedString(r.start, r.end, OCTET_STRING_TAG).toString('hex') : r.hex(r.start, r.end)),
  (w, v, tag) => {
    if (typeof v !== 'string') throw typeError('OCTET STRING (hex or text)', v);
    const m = w.size;
    if (!w.lowerHexIfValid(v)) w.utf8(v);
    w.wrap(m, tag, false);
  },
  { kind: 'hex' },
);

/**
 * A restricted character string with a one-byte-per-character encoding (IA5String,
 * PrintableString, VisibleString, NumericString, GeneralizedTime...). Decoded as latin1 so any
 * byte value survives the round trip.
 */
export function characterString(name: string, universalNumber: number): PrimitiveCodec<string> {
  const tag = universal(universalNumber);
  return primitive<string>(
    'string',
    name,
    tag,
    // X.690 8.23.3 (and 8.25 for GeneralizedTime): segments of a constructed string are OCTET STRINGs.
    (r) => (r.cons ? r.constructedString(r.start, r.end, OCTET_STRING_TAG).toString('latin1') : r.latin1(r.start, r.end)),
    (w, v, t) => {
      if (typeof v !== 'string') throw typeError(name, v);
      const m = w.size;
      if (!w.latin1IfFits(v)) throw typeError(name, v);
      w.wrap(m, t, false);
    },
    { kind: 'latin1' },
  );
}

export const IA5String = characterString('IA5String', Universal.ia5String);
export const PrintableString = characterString('PrintableString', Universal.printableString);
export const VisibleString = characterString('VisibleString', Universal.visibleString);
export const NumericString = characterString('NumericString', Universal.numericString);
export const GraphicString = characterString('GraphicString', Universal.graphicString);
export const GeneralizedTime = characterString('GeneralizedTime', Universal.generalizedTime);
export const UTCTime = characterString('UTCTime', Universal.utcTime);

/** `UTF8String` → string. */
export const UTF8String = primitive<string>(
  'utf8String',
  'UTF8String',
  universal(Universal.utf8String),
  // X.690 8.23.3: UTF8String is a restricted character string, so its segments are OCTET STRINGs.
  (r) => (r.cons ? r.constructedString(r.start, r.end, OCTET_STRING_TAG).toString('utf8') : r.utf8(r.start, r.end)),
  (w, v, tag) => {
    if (typeof v !== 'string') throw typeError('UTF8String', v);
    const m = w.size;
    w.utf8(v);
    w.wrap(m, tag, false);
  },
);

/** `OBJECT IDENTIFIER` → dotted string, e.g. `"1.3.12.0.285.200"`. */
export const OBJECT_IDENTIFIER = primitive<string>(
  'objectIdentifier',
  'OBJECT IDENTIFIER',
  universal(Universal.objectIdentifier),
  (r) => {
    expectPrimitive(r, 'OBJECT IDENTIFIER');
    const { buf } = r;
    if (r.end === r.start) throw new DecodeError(DecodeErrorCode.BadValue, r.start, 'empty OBJECT IDENTIFIER');
    const arcs: number[] = [];
    let v = 0;
    for (let i = r.start; i < r.end; i++) {
      const b = buf[i]!;
      if (v === 0 && b === 0x80) throw new DecodeError(DecodeErrorCode.BadValue, i, 'OBJECT IDENTIFIER arc with a leading 0x80');
      v = v * 128 + (b & 0x7f);
      if (v > Number.MAX_SAFE_INTEGER / 128) throw new DecodeError(DecodeErrorCode.IntegerTooLarge, i, 'OBJECT IDENTIFIER arc too large');
      if ((b & 0x80) === 0) {
        if (arcs.length === 0) arcs.push(v < 40 ? 0 : v < 80 ? 1 : 2, v < 80 ? v % 40 : v - 80);
        else arcs.push(v);
        v = 0;
      } else if (i === r.end - 1) {
        throw new DecodeError(DecodeErrorCode.Truncated, i, 'OBJECT IDENTIFIER ends inside an arc');
      }
    }
    return arcs.join('.');
  },
  (w, v, tag) => {
    if (typeof v !== 'string' || !/^[0-2](\.\d+)+$/.test(v)) throw typeError('OBJECT IDENTIFIER', v);
    const arcs = v.split('.').map(Number);
    const m = w.size;
    for (let i = arcs.length - 1; i >= 1; i--) {
      let a = i === 1 ? arcs[0]! * 40 + arcs[1]! : arcs[i]!;
      w.byte(a & 0x7f);
      a = Math.floor(a / 128);
      while (a > 0) {
        w.byte(0x80 | (a & 0x7f));
        a = Math.floor(a / 128);
      }
    }
    w.wrap(m, tag, false);
  },
);

/**
 * `ENUMERATED { a(0), b(1) }` → `'a' | 'b'`. A value the schema does not name decodes to its
 * number, so vendor extensions survive a round trip.
 */
export function enumerated<const V extends Record<string, number>>(name: string, values: V): EnumeratedCodec<keyof V | number> {
  const tag = universal(Universal.enumerated);
  const byNumber = new Map<number, string>();
  for (const [k, n] of Object.entries(values)) byNumber.set(n, k);
  // A Map rather than `values[name]`: the encode closure is shared by every ENUMERATED type, so
  // a keyed load on `values` would see them all (megamorphic).
  const byName = new Map<unknown, number>(Object.entries(values));
  const decode = (r: BerReader): keyof V | number => {
    expectPrimitive(r, name);
    const n = r.integer(r.start, r.end);
    return byNumber.get(n) ?? n;
  };
  const encode = (w: BerWriter, v: keyof V | number, t: number): void => {
    const n = typeof v === 'number' ? v : byName.get(v);
    if (n === undefined || !Number.isSafeInteger(n)) throw typeError(name, v);
    const m = w.size;
    w.integer(n);
    w.wrap(m, t, false);
  };
  registerInlineDecode(decode, { kind: 'enumerated', byNumber });
  registerInlineEncode(encode as (w: BerWriter, v: unknown, tag: number) => void, { kind: 'enumerated', byName });
  return {
    kind: 'enumerated',
    name,
    tag,
    firstTags: [tag],
    values,
    decode,
    encode,
  };
}

/**
 * `BIT STRING { a(0), b(1) }` → array of the names of the set bits. Encoded in the minimal
 * (DER) form: trailing zero bits removed, as X.690 11.2.2 prescribes for named bit lists.
 */
export function bitString<const N extends string>(name: string, named: Readonly<Record<N, number>>): BitStringCodec<readonly (N | number)[]> {
  const tag = universal(Universal.bitString);
  const bits: (string | undefined)[] = [];
  for (const [k, pos] of Object.entries(named) as [string, number][]) bits[pos] = k;
  // A Map, not `named[b]`: no inherited properties (a name like `toString` is simply unknown).
  const byBitName = new Map<unknown, number>(Object.entries(named) as [string, number][]);
  return {
    kind: 'bitString',
    name,
    tag,
    firstTags: [tag],
    bits,
    decode(r) {
      let start = r.start;
      let end = r.end;
      let buf = r.buf;
      if (r.cons) {
        // X.690 8.6.4: each segment has its own unused-bits octet; this joins them into one.
        buf = r.constructedBitString(r.start, r.end, tag);
        start = 0;
        end = buf.length;
      }
      if (end === start) throw new DecodeError(DecodeErrorCode.BadValue, r.start, 'BIT STRING with no content octets');
      const unused = buf[start]!;
      if (unused > 7 || (unused > 0 && end - start === 1)) {
        throw new DecodeError(DecodeErrorCode.BadValue, r.start, `BIT STRING with ${unused} unused bits`);
      }
      const out: (N | number)[] = [];
      const total = (end - start - 1) * 8 - unused;
      let highest = -1;
      for (let i = 0; i < total; i++) {
        if (buf[start + 1 + (i >> 3)]! & (0x80 >> (i & 7))) {
          out.push((bits[i] as N | undefined) ?? i);
          highest = i;
        }
      }
      // Longer than its set bits need (trailing zero bits, as HiPath sends): remember the length, so it encodes back the same.
      if (total !== highest + 1 && total <= MAX_MARKED_BIT_LENGTH) markBitLength(out, total);
      return out;
    },
    encode(w, v, t) {
      if (!Array.isArray(v)) throw typeError(name, v);
      // One pass checks every bit and, while all positions are below 32, collects them in `low`
      // (bit 31 - pos): the common case (a few named bits) then allocates nothing.
      const list = v as readonly (string | number)[];
      let highest = -1;
      let low = 0;
      for (let k = 0; k < list.length; k++) {
        const b = list[k]!;
        const pos = typeof b === 'number' ? b : byBitName.get(b);
        if (pos === undefined || !Number.isInteger(pos) || pos < 0 || pos > 0xffff) throw typeError(name, b);
        if (pos > highest) highest = pos;
        if (pos < 32) low |= 0x80000000 >>> pos;
      }
      // A decoded value keeps the length it came with (trailing zero bits); others get the minimal form.
      const wire = bitLengthOf(list);
      const length = wire !== undefined && wire > highest ? wire : highest + 1;
      const nbytes = (length + 7) >> 3;
      const m = w.size;
      if (nbytes <= 4) {
        for (let i = nbytes - 1; i >= 0; i--) w.byte((low >>> (24 - 8 * i)) & 0xff);
      } else {
        const octets = new Uint8Array(nbytes);
        for (let k = 0; k < list.length; k++) {
          const b = list[k]!;
          const pos = (typeof b === 'number' ? b : byBitName.get(b))!;
          octets[pos >> 3]! |= 0x80 >> (pos & 7);
        }
        w.bytes(octets);
      }
      w.byte(nbytes * 8 - length);
      w.wrap(m, t, false);
    },
  };
}

/**
 * An open type (`ANY`, `&ArgumentType` of an unknown operation, vendor private data): any single
 * element, kept as its complete TLV in hex.
 */
export function openType(name: string): OpenTypeCodec<RawElement> {
  return {
    kind: 'open',
    name,
    tag: -1,
    firstTags: null,
    decode: (r) => ({ tlv: r.hex(r.hdr, r.next) }),
    encode(w, v) {
      if (typeof v !== 'object' || v === null || typeof v.tlv !== 'string' || !HEX_RE.test(v.tlv) || v.tlv.length === 0) {
        throw typeError(name, v);
      }
      w.hex(v.tlv);
    },
  };
}

export const ANY = openType('ANY');

/**
 * `INTEGER { name(n), ... }` → the name when the value is named, else the number. Same wire
 * form as INTEGER; used for ROSE problem codes and similar.
 */
export function namedInteger<const V extends Record<string, number>>(name: string, values: V): EnumeratedCodec<keyof V | number> {
  return { ...enumerated(name, values), tag: universal(Universal.integer), firstTags: [universal(Universal.integer)] };
}

/** `BIT STRING` without named bits → array of the positions of the set bits. */
export const BIT_STRING = bitString<never>('BIT STRING', {});
