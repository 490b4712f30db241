/**
 * A second BER encoder, for tests: it writes a schema value in the *other* forms X.690 allows a
 * sender, chosen at random per element, so decoders can be checked against them:
 * - lengths: short form, long form with extra leading zero octets (up to 6 length octets, past
 *   the 4 a 32-bit reader assumes), and indefinite length on constructed elements (8.1.3);
 * - OCTET STRING, restricted character strings and GeneralizedTime as constructed strings split at
 *   random points into OCTET STRING segments, sometimes nested (8.7.3, 8.23.3);
 * - BIT STRING as constructed segments split at random octet boundaries, each with its own
 *   unused-bits octet (8.6.4);
 * - BOOLEAN TRUE as any non-zero octet (8.2.2).
 * Contents octets of INTEGER, ENUMERATED and OBJECT IDENTIFIER have one form only, so they are
 * taken from the library's own encoder; open types are written verbatim (their bytes are the value).
 */
import { Buffer } from 'node:buffer';
import { BerReader } from '../../protocol/ber/reader.js';
import { BerWriter } from '../../protocol/ber/writer.js';
import { TagClass, Universal, identifierHex, tagKey, universal } from '../../protocol/ber/tags.js';
import type { AnyCodec } from '../../protocol/schema/index.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { operationByName } from '../../protocol/csta/operations.js';
import { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import { UNIVERSAL_FAILURE_CODE } from '../../protocol/rose/pdu.js';
import type { Rng } from './schema-values.js';

const OCTETS = universal(Universal.octetString);
const BITS = universal(Universal.bitString);

export class AltBerEncoder {
  /** Number of elements written in a non-canonical form (to report that forms were exercised). */
  altForms = 0;

  constructor(private readonly rng: Rng) {}

  /** Identifier + a randomly chosen length form + contents. */
  tlv(tag: number, cons: boolean, contents: Buffer): Buffer {
    const id = Buffer.from(identifierHex(tag, cons), 'hex');
    const rng = this.rng;
    const r = rng.next();
    if (cons && r < 0.25) {
      this.altForms++;
      return Buffer.concat([id, Buffer.from([0x80]), contents, Buffer.from([0, 0])]);
    }
    const len = contents.length;
    if (r < 0.45) {
      // Long form, minimal octets + 0..3 leading zeros (1..6 octets in all for CSTA sizes).
      const octets: number[] = [];
      for (let n = len; n > 0; n = Math.floor(n / 256)) octets.unshift(n & 0xff);
      const zeros = rng.int(4);
      for (let i = 0; i < zeros; i++) octets.unshift(0);
      if (octets.length === 0) octets.push(0);
      if (len < 0x80 || zeros > 0) this.altForms++;
      return Buffer.concat([id, Buffer.from([0x80 | octets.length, ...octets]), contents]);
    }
    const w = new BerWriter(16);
    w.length(len);
    return Buffer.concat([id, w.finish(), contents]);
  }

  /** Canonical contents octets of a primitive value (the library's encoder, header removed). */
  private contents(codec: AnyCodec, value: unknown): Buffer {
    const w = new BerWriter(64);
    codec.encode(w, value, codec.tag);
    const b = w.finish();
    const r = new BerReader(b);
    r.header(0, b.length);
    return b.subarray(r.start, r.end);
  }

  /** Random split of `b` into parts (empty parts allowed). */
  private split(b: Buffer, minParts = 1): Buffer[] {
    const n = minParts + this.rng.int(4);
    const cuts = Array.from({ length: n - 1 }, () => this.rng.int(b.length + 1)).sort((x, y) => x - y);
    const parts: Buffer[] = [];
    let at = 0;
    for (const c of cuts) {
      parts.push(b.subarray(at, c));
      at = c;
    }
    parts.push(b.subarray(at));
    return parts;
  }

  /** OCTET STRING-like contents, primitive or as (possibly nested) OCTET STRING segments. */
  private octets(tag: number, bytes: Buffer, nested = 0): Buffer {
    if (this.rng.chance(0.5)) return this.tlv(tag, false, bytes);
    this.altForms++;
    const segs = this.split(bytes).map((p) => (nested < 1 && this.rng.chance(0.2) ? this.octets(OCTETS, p, nested + 1) : this.tlv(OCTETS, false, p)));
    return this.tlv(tag, true, Buffer.concat(segs));
  }

  /** BIT STRING contents (unused-bits octet first), primitive or segmented at octet boundaries. */
  private bitString(tag: number, contents: Buffer): Buffer {
    if (this.rng.chance(0.5)) return this.tlv(tag, false, contents);
    this.altForms++;
    const unused = contents[0]!;
    const data = contents.subarray(1);
    // The last segment carries the unused bits, so it must keep the last octet when there are any.
    const head = unused > 0 ? data.subarray(0, data.length - 1) : data;
    const tail = unused > 0 ? data.subarray(data.length - 1) : Buffer.alloc(0);
    const parts = this.split(head);
    parts[parts.length - 1] = Buffer.concat([parts[parts.length - 1]!, tail]);
    const segs = parts.map((p, i) => this.tlv(BITS, false, Buffer.concat([Buffer.from([i === parts.length - 1 ? unused : 0]), p])));
    return this.tlv(tag, true, Buffer.concat(segs));
  }

  /** Encodes `value` of `codec` with tag `tag` (the codec's own or an IMPLICIT one). */
  encode(codec: AnyCodec, value: unknown, tag: number = codec.tag): Buffer {
    switch (codec.kind) {
      case 'integer':
      case 'enumerated':
      case 'objectIdentifier':
      case 'null':
        return this.tlv(tag, false, this.contents(codec, value));
      case 'boolean': {
        const t = value === true ? (this.rng.chance(0.5) ? 1 + this.rng.int(254) : 0xff) : 0;
        if (t !== 0 && t !== 0xff) this.altForms++;
        return this.tlv(tag, false, Buffer.from([t]));
      }
      case 'octetString':
      case 'string':
      case 'utf8String':
        return this.octets(tag, this.contents(codec, value));
      case 'bitString':
        return this.bitString(tag, this.contents(codec, value));
      case 'sequence': {
        const v = value as Record<string, unknown>;
        if (v.$unknown !== undefined) throw new Error('AltBerEncoder: $unknown components are not supported');
        const parts = codec.fields.flatMap((f) => (v[f.name] === undefined ? [] : [this.encode(f.codec, v[f.name])]));
        return this.tlv(tag, true, Buffer.concat(parts));
      }
      case 'sequenceOf':
        return this.tlv(tag, true, Buffer.concat((value as unknown[]).map((x) => this.encode(codec.item, x))));
      case 'choice': {
        const [name, v] = Object.entries(value as Record<string, unknown>)[0]!;
        const alt = codec.alternatives.find((a) => a.name === name);
        if (alt === undefined) throw new Error(`AltBerEncoder: ${codec.name} has no alternative ${name}`);
        return this.encode(alt.codec, v);
      }
      case 'explicit':
        return this.tlv(tag, true, this.encode(codec.inner, value));
      case 'open':
        return Buffer.from((value as { tlv: string }).tlv, 'hex');
      default: {
        const never: never = codec;
        throw new Error(`AltBerEncoder: no case for ${String(never)}`);
      }
    }
  }

  integer(v: number, tag = universal(Universal.integer)): Buffer {
    const w = new BerWriter(16);
    w.integer(v);
    return this.tlv(tag, false, w.finish());
  }

  invokeId(id: number | null): Buffer {
    return id === null ? this.tlv(universal(Universal.null), false, Buffer.alloc(0)) : this.integer(id);
  }

  /** ROSE invoke `[1] { invokeId, linkedId?, opcode, argument }`. */
  invoke(invokeId: number | null, linkedId: number | null | undefined, opcode: number, argument: Buffer): Buffer {
    const linked =
      linkedId === undefined
        ? []
        : [linkedId === null ? this.tlv(tagKey(TagClass.context, 1), false, Buffer.alloc(0)) : this.integer(linkedId, tagKey(TagClass.context, 0))];
    return this.tlv(tagKey(TagClass.context, 1), true, Buffer.concat([this.invokeId(invokeId), ...linked, this.integer(opcode), argument]));
  }

  /** ROSE returnResult `[2] { invokeId, SEQUENCE { opcode, result } }`. */
  returnResult(invokeId: number | null, opcode: number, result: Buffer): Buffer {
    const seq = this.tlv(universal(Universal.sequence), true, Buffer.concat([this.integer(opcode), result]));
    return this.tlv(tagKey(TagClass.context, 2), true, Buffer.concat([this.invokeId(invokeId), seq]));
  }

  /** ROSE returnError `[3] { invokeId, errcode, parameter }`. */
  returnError(invokeId: number | null, errcode: number, parameter: Buffer): Buffer {
    return this.tlv(tagKey(TagClass.context, 3), true, Buffer.concat([this.invokeId(invokeId), this.integer(errcode), parameter]));
  }
}

/** Writes a PDU in alternative BER forms (ROSE envelope included). */
export function altEncodePdu(alt: AltBerEncoder, pdu: CstaPdu): Buffer {
  switch (pdu.pdu) {
    case 'invoke': {
      const op = operationByName(pdu.operation)!;
      return alt.invoke(pdu.invokeId, pdu.linkedId, op.code, alt.encode(op.argument, pdu.argument));
    }
    case 'returnResult': {
      if (!('operation' in pdu) || pdu.operation === 'unknown') throw new Error('altEncodePdu: returnResult of a known operation only');
      const op = operationByName(pdu.operation)!;
      return alt.returnResult(pdu.invokeId, op.code, alt.encode(op.result!, pdu.result));
    }
    case 'returnError':
      if (pdu.error !== 'universalFailure') throw new Error('altEncodePdu: universalFailure only');
      return alt.returnError(pdu.invokeId, UNIVERSAL_FAILURE_CODE, alt.encode(UniversalFailure, pdu.parameter));
    default:
      throw new Error(`altEncodePdu: ${pdu.pdu} not supported`);
  }
}
