/**
 * Text forms of the leaf types (element text and attribute values):
 * INTEGER → decimal; BOOLEAN → `true`/`false` (`1`/`0` accepted); NULL → empty;
 * OCTET STRING → the text as the PBX wrote it (see {@link octetsFromText}); open types → hex of the
 * BER element, or `{ xml }` for vendor XML inside the element (from-xml.ts);
 * character strings → the text itself; OBJECT IDENTIFIER → dotted;
 * ENUMERATED → the identifier (a number when the schema has no name for it);
 * BIT STRING (only as an attribute, see mappings.ts) → the set bits' names separated by spaces.
 */
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../errors.js';
import type { AnyCodec, BitStringCodec, EnumeratedCodec } from '../schema/index.js';
import { escapeText, parseHex } from './text.js';

const INT_RE = /^[+-]?[0-9]+$/;
const OID_RE = /^[0-2](\.[0-9]+)+$/;
const LOWER_HEX_RE = /^(?:[0-9a-f]{2})*$/;

export function badValue(offset: number, message: string): DecodeError {
  return new DecodeError(DecodeErrorCode.BadValue, offset, message);
}

export function encodeBad(message: string): EncodeError {
  return new EncodeError(EncodeErrorCode.BadValue, message);
}

export function parseInteger(text: string, offset: number, what: string): number {
  const t = text.trim();
  if (!INT_RE.test(t)) throw badValue(offset, `${what} is not an integer: ${JSON.stringify(t.slice(0, 40))}`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new DecodeError(DecodeErrorCode.IntegerTooLarge, offset, `${what} does not fit a safe integer`);
  return n;
}

function enumFromText(codec: EnumeratedCodec<unknown>, text: string, offset: number): string | number {
  const t = text.trim();
  if (Object.prototype.hasOwnProperty.call(codec.values, t)) return t;
  if (INT_RE.test(t)) {
    const n = parseInteger(t, offset, codec.name);
    for (const k in codec.values) if (codec.values[k] === n) return k;
    return n;
  }
  throw badValue(offset, `${JSON.stringify(t.slice(0, 40))} is not a value of ${codec.name}`);
}

function enumToText(codec: EnumeratedCodec<unknown>, v: unknown): string {
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(codec.values, v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    for (const k in codec.values) if (codec.values[k] === v) return k;
    return String(v);
  }
  throw encodeBad(`${codec.name} has no value ${JSON.stringify(v)}`);
}

/** Bit names from a whitespace-separated list, in bit order. */
export function bitsFromList(codec: BitStringCodec<unknown>, names: readonly string[], offset: number): string[] {
  const positions: number[] = [];
  for (const n of names) {
    const pos = codec.bits.indexOf(n);
    if (pos < 0) throw badValue(offset, `${JSON.stringify(n)} is not a bit of ${codec.name}`);
    if (!positions.includes(pos)) positions.push(pos);
  }
  return positions.sort((a, b) => a - b).map((p) => codec.bits[p]!);
}

/** Set bit names of a BIT STRING value, in bit order; numbers (unnamed bits) cannot be written. */
export function bitsToNames(codec: BitStringCodec<unknown>, v: unknown): string[] {
  if (!Array.isArray(v)) throw encodeBad(`${codec.name} needs an array of bit names`);
  const positions: number[] = [];
  for (const b of v as unknown[]) {
    const pos = typeof b === 'string' ? codec.bits.indexOf(b) : -1;
    if (pos < 0) throw encodeBad(`${codec.name}: bit ${JSON.stringify(b)} has no name, so ECMA-323 XML cannot carry it`);
    if (!positions.includes(pos)) positions.push(pos);
  }
  return positions.sort((a, b) => a - b).map((p) => codec.bits[p]!);
}

/** Decodes the text of a leaf-typed element or attribute. */
export function leafFromText(codec: AnyCodec, text: string, offset: number): unknown {
  switch (codec.kind) {
    case 'integer':
      return parseInteger(text, offset, codec.name);
    case 'boolean': {
      const t = text.trim();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw badValue(offset, `${JSON.stringify(t.slice(0, 40))} is not a BOOLEAN`);
    }
    case 'null':
      if (text.trim() !== '') throw badValue(offset, 'NULL element must be empty');
      return null;
    case 'octetString':
      return text;
    case 'open': {
      const h = parseHex(text);
      if (h === undefined || h === '') return { xml: escapeText(text) };
      return { tlv: h };
    }
    case 'string':
    case 'utf8String':
      return text;
    case 'objectIdentifier': {
      const t = text.trim();
      if (!OID_RE.test(t)) throw badValue(offset, `${JSON.stringify(t.slice(0, 40))} is not an OBJECT IDENTIFIER`);
      return t;
    }
    case 'enumerated':
      return enumFromText(codec, text, offset);
    case 'bitString':
      return bitsFromList(codec, text.split(/\s+/).filter((s) => s !== ''), offset);
    default:
      throw badValue(offset, `${codec.name} is not a text type`);
  }
}

/** The text form of a leaf value. */
export function leafToText(codec: AnyCodec, v: unknown): string {
  switch (codec.kind) {
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw encodeBad(`${codec.name} needs a safe integer`);
      return String(v);
    case 'boolean':
      if (typeof v !== 'boolean') throw encodeBad(`${codec.name} needs a boolean`);
      return v ? 'true' : 'false';
    case 'null':
      if (v !== null) throw encodeBad('NULL needs null');
      return '';
    case 'octetString':
      if (typeof v !== 'string') throw encodeBad(`${codec.name} needs a string (hex or text)`);
      return v;
    case 'open': {
      const xml = typeof v === 'object' && v !== null ? (v as { xml?: unknown }).xml : undefined;
      if (typeof xml === 'string') return xml;
      const tlv = typeof v === 'object' && v !== null ? (v as { tlv?: unknown }).tlv : undefined;
      if (typeof tlv !== 'string' || tlv === '' || !LOWER_HEX_RE.test(tlv)) throw encodeBad(`${codec.name} needs { tlv: hex }`);
      return tlv;
    }
    case 'string':
    case 'utf8String':
      if (typeof v !== 'string') throw encodeBad(`${codec.name} needs a string`);
      return v;
    case 'objectIdentifier':
      if (typeof v !== 'string' || !OID_RE.test(v)) throw encodeBad(`${codec.name} needs a dotted OID`);
      return v;
    case 'enumerated':
      return enumToText(codec, v);
    case 'bitString':
      return bitsToNames(codec, v).join(' ');
    default:
      throw encodeBad(`${codec.name} is not a text type`);
  }
}
