/**
 * fast-check arbitraries derived from a schema codec: random *valid* values of any CSTA type,
 * for property tests (encode → decode → encode is the identity).
 */
import fc from 'fast-check';
import type { AnyCodec } from '../../protocol/schema/index.js';

const latin1Char = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const hexBytes = (max: number): fc.Arbitrary<string> =>
  fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b).toString('hex'));

export function arbitraryFor(codec: AnyCodec, depth = 0): fc.Arbitrary<unknown> {
  switch (codec.kind) {
    case 'integer':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'octetString':
      return hexBytes(8);
    case 'string':
      return fc.array(latin1Char, { maxLength: 12 }).map((a) => a.join(''));
    case 'utf8String':
      return fc.string({ maxLength: 12 });
    case 'objectIdentifier':
      return fc
        .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 5 }))
        .map(([a, b, rest]) => [a, b, ...rest].join('.'));
    case 'enumerated':
      return fc.constantFrom(...Object.keys(codec.values));
    case 'bitString': {
      const named = codec.bits.flatMap((n, i) => (n === undefined ? [] : [[n, i] as const]));
      if (named.length === 0) return fc.constant([]);
      return fc.subarray(named).map((sub) => [...sub].sort((x, y) => x[1] - y[1]).map(([n]) => n));
    }
    case 'sequence': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const f of codec.fields) {
        model[f.name] = arbitraryFor(f.codec, depth + 1);
        if (!f.optional) required.push(f.name);
      }
      return fc.record(model, { requiredKeys: required });
    }
    case 'choice': {
      const alts = codec.alternatives.map((a) => arbitraryFor(a.codec, depth + 1).map((v) => ({ [a.name]: v })));
      // An extensible CHOICE keeps unknown alternatives raw; [30] is used by no CSTA category.
      if (codec.extensible) alts.push(hexBytes(4).map((h) => ({ $unknown: { tlv: `9e${(h.length / 2).toString(16).padStart(2, '0')}${h}` } })));
      return fc.oneof(...alts);
    }
    case 'sequenceOf':
      return fc.array(arbitraryFor(codec.item, depth + 1), { maxLength: depth > 4 ? 1 : 3 });
    case 'explicit':
      return arbitraryFor(codec.inner, depth);
    case 'open':
      // A context-specific primitive [5] element: no CSTA open type shares that tag with a sibling alternative.
      return hexBytes(6).map((h) => ({ tlv: `85${(h.length / 2).toString(16).padStart(2, '0')}${h}` }));
    default: {
      const never: never = codec;
      throw new Error(`no arbitrary for ${String(never)}`);
    }
  }
}
