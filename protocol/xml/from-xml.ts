/**
 * The generic XML → value walker, the inverse of to-xml.ts. Components of a SEQUENCE are matched
 * by element name (in any order; absent OPTIONAL components stay absent), attributes are ignored
 * except where a mapping reads them, and whitespace between elements is insignificant. Anything
 * the schema does not expect is a {@link DecodeError} with the element's character offset.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { AnyCodec, BitStringCodec, ChoiceCodec, SequenceCodec, SequenceOfCodec } from '../schema/index.js';
import { itemNameOf, unwrap, withPath, xmlNameOf } from './context.js';
import type { XmlDecoder } from './context.js';
import { badValue, bitsFromList, leafFromText } from './leaf.js';
import { mappingFor } from './mappings.js';
import { hasText } from './parse.js';
import type { XmlElement } from './parse.js';

type Loose = Record<string, unknown>;

const fieldIndexes = new WeakMap<SequenceCodec<unknown>, ReadonlyMap<string, number>>();

/** Element name → component index (ASN.1 identifier and, where it differs, the ECMA-323 name). */
function fieldIndex(c: SequenceCodec<unknown>): ReadonlyMap<string, number> {
  let m = fieldIndexes.get(c);
  if (m === undefined) {
    const built = new Map<string, number>();
    c.fields.forEach((f, i) => {
      built.set(f.name, i);
      built.set(xmlNameOf(f.name), i);
    });
    fieldIndexes.set(c, built);
    m = built;
  }
  return m;
}

function unexpected(el: XmlElement, inside: string, expected: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnexpectedTag, el.offset, `unexpected element <${el.name}> in ${inside}`, { expected, found: el.name });
}

function noText(el: XmlElement, what: string): void {
  if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${what}) holds elements, not text`);
}

export class XmlValueReader implements XmlDecoder {
  value(codec: AnyCodec, el: XmlElement): unknown {
    const c = unwrap(codec);
    const m = mappingFor(c);
    if (m !== undefined) return m.decode(this, c, el);
    switch (c.kind) {
      case 'sequence':
        return this.sequence(c, el, el.children);
      case 'choice':
        noText(el, c.name);
        if (el.children.length !== 1) {
          throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `<${el.name}> (${c.name}) needs exactly one of ${c.alternatives.map((a) => `<${a.name}>`).join(' ')}`);
        }
        return this.alternative(c, el.children[0]!);
      case 'sequenceOf':
        return this.list(c, el);
      case 'bitString':
        return this.bits(c, el);
      default:
        if (el.children.length > 0) throw badValue(el.children[0]!.offset, `<${el.name}> (${c.name}) is text only`);
        return leafFromText(c, el.text, el.offset);
    }
  }

  /** A SEQUENCE from the given child elements (the root of an event passes all but the first). */
  sequence(c: SequenceCodec<unknown>, el: XmlElement, children: readonly XmlElement[]): Loose {
    noText(el, c.name);
    const index = fieldIndex(c);
    const values: unknown[] = new Array<unknown>(c.fields.length);
    for (const child of children) {
      const i = index.get(child.name);
      if (i === undefined) throw unexpected(child, c.name, c.fields.map((f) => xmlNameOf(f.name)).join('|'));
      const f = c.fields[i]!;
      if (values[i] !== undefined) throw badValue(child.offset, `${c.name}.${f.name} appears twice`);
      try {
        values[i] = this.value(f.codec, child);
      } catch (e) {
        throw withPath(e, `${c.name}.${f.name}`);
      }
    }
    const out: Loose = {};
    for (let i = 0; i < c.fields.length; i++) {
      const f = c.fields[i]!;
      if (values[i] !== undefined) out[f.name] = values[i];
      else if (!f.optional) {
        throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `mandatory <${xmlNameOf(f.name)}> of ${c.name} is missing`, {
          expected: xmlNameOf(f.name),
          found: 'end of element',
        });
      }
    }
    return out;
  }

  /** A CHOICE value from the element of its chosen alternative. */
  alternative(c: ChoiceCodec<unknown>, el: XmlElement): Loose {
    const alt = c.alternatives.find((a) => a.name === el.name);
    if (alt === undefined) throw unexpected(el, c.name, c.alternatives.map((a) => a.name).join('|'));
    try {
      return { [alt.name]: this.value(alt.codec, el) };
    } catch (e) {
      throw withPath(e, `${c.name}.${alt.name}`);
    }
  }

  private list(c: SequenceOfCodec<unknown>, el: XmlElement): unknown[] {
    noText(el, c.name);
    const item = unwrap(c.item);
    const direct = item.kind === 'choice' && mappingFor(item) === undefined;
    const itemName = itemNameOf(c, item);
    const out: unknown[] = [];
    for (const child of el.children) {
      try {
        if (direct) out.push(this.alternative(item as ChoiceCodec<unknown>, child));
        else if (child.name !== itemName) throw unexpected(child, c.name, itemName);
        else out.push(this.value(c.item, child));
      } catch (e) {
        throw withPath(e, `${c.name}[${out.length}]`);
      }
    }
    return out;
  }

  /** `<bit>true</bit>` children (false ones allowed and ignored), or a space-separated list. */
  private bits(c: BitStringCodec<unknown>, el: XmlElement): string[] {
    if (el.children.length === 0) return bitsFromList(c, el.text.split(/\s+/).filter((s) => s !== ''), el.offset);
    noText(el, c.name);
    const set: string[] = [];
    for (const child of el.children) {
      if (!c.bits.includes(child.name)) throw unexpected(child, c.name, c.bits.filter((b) => b !== undefined).join('|'));
      if (child.children.length > 0) throw badValue(child.offset, `<${child.name}> is true or false`);
      const t = child.text.trim();
      if (t === 'true' || t === '1') set.push(child.name);
      else if (t !== 'false' && t !== '0') throw badValue(child.offset, `<${child.name}> must be true or false`);
    }
    return bitsFromList(c, set, el.offset);
  }
}
