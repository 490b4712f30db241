/**
 * The generic value → XML walker. Every codec node becomes an element named by the ASN.1
 * identifier that refers to it:
 * - SEQUENCE: one child element per present component, in schema order;
 * - CHOICE: one child element, named by the chosen alternative;
 * - SEQUENCE OF CHOICE: the alternatives' elements one after the other; SEQUENCE OF anything
 *   else: one element per item, named by `itemNameOf` (`<connectionListItem>`);
 * - BIT STRING: one `<bitName>true</bitName>` child per set bit;
 * - leaf types: text (see leaf.ts); NULL: an empty element;
 * - EXPLICIT tags: invisible; types in mappings.ts: their ECMA-323 form.
 */
import type { AnyCodec, ChoiceCodec, SequenceCodec } from '../schema/index.js';
import { itemNameOf, unwrap, withPath, xmlNameOf } from './context.js';
import type { XmlEncoder } from './context.js';
import { bitsToNames, encodeBad, leafToText } from './leaf.js';
import { mappingFor } from './mappings.js';
import type { XmlAttributes, XmlWriter } from './writer.js';

type Loose = Record<string, unknown>;

export class XmlValueWriter implements XmlEncoder {
  constructor(readonly w: XmlWriter) {}

  element(codec: AnyCodec, value: unknown, name: string): void {
    const c = unwrap(codec);
    const m = mappingFor(c);
    if (m !== undefined) {
      m.encode(this, c, value, name);
      return;
    }
    switch (c.kind) {
      case 'sequence':
      case 'choice':
      case 'sequenceOf':
      case 'bitString':
        this.w.open(name);
        this.content(c, value);
        this.w.close();
        return;
      case 'open':
        if (typeof value === 'object' && value !== null && typeof (value as { xml?: unknown }).xml === 'string') {
          this.w.open(name);
          this.w.content((value as { xml: string }).xml);
          this.w.close();
          return;
        }
        this.w.leaf(name, leafToText(c, value));
        return;
      default:
        this.w.leaf(name, leafToText(c, value));
    }
  }

  /** Writes the raw XML a decoder kept (`$xml`). */
  private rawElements(v: unknown, where: string): void {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw encodeBad(`${where}.$xml needs an array of XML strings`);
    for (const x of v as string[]) this.w.content(x);
  }

  /**
   * Writes the content of an element of a constructed type (its child elements) into the element
   * currently open; used directly for message root elements.
   */
  content(codec: AnyCodec, value: unknown): void {
    const c = unwrap(codec);
    switch (c.kind) {
      case 'sequence':
        this.sequence(c, value);
        return;
      case 'choice':
        this.choice(c, value);
        return;
      case 'sequenceOf': {
        if (!Array.isArray(value)) throw encodeBad(`${c.name} needs an array`);
        const item = unwrap(c.item);
        const direct = item.kind === 'choice' && mappingFor(item) === undefined;
        const itemName = itemNameOf(c, item);
        for (let i = 0; i < value.length; i++) {
          try {
            if (direct) this.choice(item as ChoiceCodec<unknown>, value[i]);
            else this.element(c.item, value[i], itemName);
          } catch (e) {
            throw withPath(e, `${c.name}[${i}]`);
          }
        }
        return;
      }
      case 'bitString':
        for (const b of bitsToNames(c, value)) this.w.leaf(b, 'true');
        return;
      default:
        throw encodeBad(`${c.name} has no element content`);
    }
  }

  private sequence(c: SequenceCodec<unknown>, value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw encodeBad(`${c.name} needs an object`);
    const v = value as Loose;
    if (v.$unknown !== undefined) throw encodeBad(`${c.name}: components unknown to the schema (raw BER) cannot be written as ECMA-323 XML`);
    const missing = Array.isArray(v.$missing) ? (v.$missing as unknown[]) : undefined;
    for (const f of c.fields) {
      const fv = v[f.name];
      if (fv === undefined) {
        // A component the PBX left out (decoded liberally, named in $missing) stays out.
        if (!f.optional && missing?.includes(f.name) !== true) throw withPath(encodeBad(`mandatory ${c.name}.${f.name} is missing`), `${c.name}.${f.name}`);
        continue;
      }
      try {
        this.element(f.codec, fv, xmlNameOf(f.name));
      } catch (e) {
        throw withPath(e, `${c.name}.${f.name}`);
      }
    }
    this.rawElements(v.$xml, c.name);
  }

  /** Writes the chosen alternative's element. */
  private choice(c: ChoiceCodec<unknown>, value: unknown): void {
    if (typeof value !== 'object' || value === null) throw encodeBad(`${c.name} needs a single-key object`);
    const keys = Object.keys(value);
    if (keys.length !== 1) throw encodeBad(`${c.name} needs exactly one alternative, got ${keys.length}`);
    const k = keys[0]!;
    if (k === '$unknown') throw encodeBad(`${c.name}: an alternative unknown to the schema cannot be written as ECMA-323 XML`);
    if (k === '$xml') {
      this.rawElements((value as Loose).$xml, c.name);
      return;
    }
    const alt = c.alternatives.find((a) => a.name === k);
    if (alt === undefined) throw encodeBad(`${c.name} has no alternative ${k}`);
    try {
      this.element(alt.codec, (value as Loose)[k], xmlNameOf(k));
    } catch (e) {
      throw withPath(e, `${c.name}.${k}`);
    }
  }

  /**
   * A message root: `<name attrs>content</name>`. `before` writes leading children (the event's
   * `monitorCrossRefID`). A CHOICE whose chosen alternative is NULL (`noData`) is an empty root,
   * as ECMA-323's `<AnswerCallResponse/>`; a leaf-typed root holds the text.
   */
  root(name: string, attrs: XmlAttributes, codec: AnyCodec, value: unknown, before?: () => void): void {
    const c = unwrap(codec);
    if (mappingFor(c) !== undefined) throw encodeBad(`${c.name} cannot be a message root`);
    if (c.kind !== 'sequence' && c.kind !== 'choice' && c.kind !== 'sequenceOf' && c.kind !== 'bitString') {
      if (before !== undefined) throw encodeBad(`${c.name} cannot be an event`);
      this.w.leaf(name, leafToText(c, value), attrs);
      return;
    }
    this.w.open(name, attrs);
    before?.();
    if (!(c.kind === 'choice' && isNullChoice(c, value))) this.content(c, value);
    this.w.close();
  }
}

/**
 * The NULL alternative an empty root element stands for: `noData` if the CHOICE has it, else its
 * only NULL alternative; undefined when there is none (or several).
 */
export function emptyRootAlternative(c: ChoiceCodec<unknown>): string | undefined {
  const nulls = c.alternatives.filter((a) => unwrap(a.codec).kind === 'null');
  return (nulls.find((a) => a.name === 'noData') ?? (nulls.length === 1 ? nulls[0] : undefined))?.name;
}

function isNullChoice(c: ChoiceCodec<unknown>, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === emptyRootAlternative(c) && (value as Loose)[keys[0]!] === null;
}
