/**
 * How the CLI shows values: primitive elements in the annotated tree (ENUMERATED by name with its
 * number, OCTET STRING as text when printable plus its hex) and typed PDUs as JSON (Buffers and
 * byte arrays as hex, bigints as strings).
 */
import { Buffer } from 'node:buffer';
import type { BerReader } from '../../protocol/ber/reader.js';
import type { AnyCodec } from '../../protocol/schema/index.js';

/** True when every byte is printable ASCII (space included) and there is at least one. */
export function isPrintableAscii(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return false;
  return true;
}

/**
 * The display form of the primitive element whose header the reader has just parsed, decoded with
 * `codec`. Throws the codec's DecodeError for a bad value.
 */
export function formatPrimitive(codec: AnyCodec, r: BerReader, start: number, end: number): string {
  switch (codec.kind) {
    case 'integer':
      return String(codec.decode(r));
    case 'boolean':
      return codec.decode(r) === true ? 'TRUE' : 'FALSE';
    case 'null':
      codec.decode(r);
      return 'NULL';
    case 'octetString': {
      const hex = codec.decode(r) as string;
      const bytes = Buffer.from(hex, 'hex');
      return isPrintableAscii(bytes) ? `${JSON.stringify(bytes.toString('latin1'))} (${hex})` : hex === '' ? "''H" : hex;
    }
    case 'string':
    case 'utf8String':
      return JSON.stringify(codec.decode(r));
    case 'objectIdentifier':
      return String(codec.decode(r));
    case 'enumerated': {
      const v = codec.decode(r);
      const n = r.integer(start, end);
      return typeof v === 'number' ? `${n} (not named in ${codec.name})` : `${String(v)} (${n})`;
    }
    case 'bitString': {
      const bits = codec.decode(r) as readonly (string | number)[];
      return `{${bits.join(', ')}} (${r.hex(start, end)})`;
    }
    case 'open':
      return r.hex(r.hdr, r.next);
    case 'sequence':
    case 'sequenceOf':
    case 'choice':
    case 'explicit':
      return r.hex(start, end);
    default: {
      const never: never = codec;
      return String(never);
    }
  }
}

/** JSON.stringify replacer: Buffers/typed arrays as hex, bigints as decimal strings. */
export function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = this !== null && typeof this === 'object' ? (this as Record<string, unknown>)[key] : value;
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('hex');
  if (typeof value === 'bigint') return value.toString();
  return value;
}
