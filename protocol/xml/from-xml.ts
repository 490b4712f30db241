/**
 * The generic XML → value walker, the inverse of to-xml.ts. Components of a SEQUENCE are matched
 * by element name in any order and any letter case (ECMA's misspellings and the ASN.1 spellings
 * both), absent OPTIONAL components stay absent, attributes are ignored except where a mapping
 * reads them, and whitespace between elements is insignificant.
 *
 * Liberal by default (real PBXs send more than the schema): an element the schema does not know,
 * a repeated component, and an empty element whose type cannot be empty (`<ringCount/>`) are kept
 * as raw XML in the value's `$xml` (raw.ts) with a warning, never refused; a missing mandatory
 * component is named in `$missing` with a warning. With `strict`, each of those is a
 * {@link DecodeError} with the element's character offset, as a conformance check wants.
 * Malformed values (text that is not an INTEGER, an unknown enumeration identifier in strict
 * mode, ...) are always errors.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { AnyCodec, BitStringCodec, ChoiceCodec, SequenceCodec, SequenceOfCodec } from '../schema/index.js';
import { itemNameOf, unwrap, withPath, xmlNameOf } from './context.js';
import type { XmlDecoder } from './context.js';
import { badValue, bitsFromList, leafFromText } from './leaf.js';
import { mappingFor } from './mappings.js';
import { hasText } from './parse.js';
import type { XmlElement } from './parse.js';
import { rawXml } from './raw.js';
import type { NamespaceScope } from './raw.js';
import { ELEMENT_ALIASES, nameKey } from './spellings.js';

type Loose = Record<string, unknown>;

/** Something the liberal reader accepted that strict reading refuses. */
export interface XmlDecodeWarning {
  /** Character offset of the element concerned. */
  readonly offset: number;
  readonly message: string;
}

const nameIndexes = new WeakMap<object, ReadonlyMap<string, number>>();

/**
 * Element name (lower case) → position of a SEQUENCE's components or a CHOICE's alternatives,
 * under the ASN.1 identifier and ECMA-323's name; built once per codec.
 */
function nameIndex(codec: object, names: readonly { readonly name: string }[]): ReadonlyMap<string, number> {
  let m = nameIndexes.get(codec);
  if (m === undefined) {
    const built = new Map<string, number>();
    names.forEach((f, i) => {
      built.set(nameKey(f.name), i);
      built.set(nameKey(xmlNameOf(f.name)), i);
    });
    for (const [alias, target] of Object.entries(ELEMENT_ALIASES)) {
      const i = names.findIndex((f) => f.name === target);
      if (i >= 0 && !built.has(alias)) built.set(alias, i);
    }
    nameIndexes.set(codec, built);
    m = built;
  }
  return m;
}

function unexpected(el: XmlElement, inside: string, expected: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnexpectedTag, el.offset, `unexpected element <${el.name}> in ${inside}`, { expected, found: el.name });
}

function isEmpty(el: XmlElement): boolean {
  return el.children.length === 0 && !hasText(el);
}

export interface XmlReadContext {
  /** Refuse what the liberal reader keeps raw. */
  readonly strict: boolean;
  /** Namespace declarations in scope at the message root. */
  readonly scope: NamespaceScope;
  /** The message's own (default or root-prefix) namespace. */
  readonly namespace: string | undefined;
  /** The document text, so kept elements are sliced out as they were written. */
  readonly source?: string;
}

export class XmlValueReader implements XmlDecoder {
  readonly warnings: XmlDecodeWarning[] = [];

  constructor(private readonly ctx: XmlReadContext) {}

  get strict(): boolean {
    return this.ctx.strict;
  }

  warn(offset: number, message: string): void {
    // Bounded: one message cannot produce more warnings than it has elements, but cap anyway.
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ offset, message });
  }

  /** The element as raw XML text (for `$xml`). */
  raw(el: XmlElement): string {
    return rawXml(el, this.ctx.scope, this.ctx.namespace, this.ctx.source);
  }

  value(codec: AnyCodec, el: XmlElement): unknown {
    const c = unwrap(codec);
    const m = mappingFor(c);
    if (m !== undefined) return m.decode(this, c, el);
    switch (c.kind) {
      case 'sequence':
        return this.sequence(c, el, el.children);
      case 'choice':
        return this.choiceElement(c, el);
      case 'sequenceOf':
        return this.list(c, el);
      case 'bitString':
        return this.bits(c, el);
      default:
        return this.leaf(c, el);
    }
  }

  private leaf(c: AnyCodec, el: XmlElement): unknown {
    if (el.children.length > 0) {
      // Private data in ECMA-323 is XML in a vendor namespace: kept as it came.
      if (c.kind === 'open') return { xml: el.children.map((x) => this.raw(x)).join('') };
      // ECMA-323 wraps some OCTET STRINGs in a one-alternative element (`<correlatorData><string>…`).
      const only = el.children.length === 1 ? el.children[0]! : undefined;
      if (!this.strict && only !== undefined && only.children.length === 0 && !hasText(el) && (c.kind === 'octetString' || c.kind === 'string' || c.kind === 'utf8String')) {
        return leafFromText(c, only.text, only.offset);
      }
      throw badValue(el.children[0]!.offset, `<${el.name}> (${c.name}) is text only`);
    }
    return leafFromText(c, el.text, el.offset);
  }

  private choiceElement(c: ChoiceCodec<unknown>, el: XmlElement): unknown {
    if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${c.name}) should hold elements, not text`);
    if (el.children.length !== 1) {
      throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `<${el.name}> (${c.name}) needs exactly one of ${c.alternatives.map((a) => `<${xmlNameOf(a.name)}>`).join(' ')}`);
    }
    return this.alternative(c, el.children[0]!);
  }

  /** A SEQUENCE from the given child elements (the root of an event passes all but the first). */
  sequence(c: SequenceCodec<unknown>, el: XmlElement, children: readonly XmlElement[]): Loose {
    if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${c.name}) should hold elements, not text`);
    const index = nameIndex(c, c.fields);
    const values: unknown[] = new Array<unknown>(c.fields.length);
    let raw: string[] | undefined;
    for (const child of children) {
      const i = index.get(nameKey(child.name));
      if (i === undefined) {
        // A CHOICE component written without its own element (Uni-tel's <serviceCrossRefID> right
        // under SnapShotDeviceResponse): the child is one of that CHOICE's alternatives.
        const inline = this.strict ? undefined : inlineChoice(c, child, values);
        if (inline !== undefined) {
          try {
            values[inline] = this.alternative(unwrap(c.fields[inline]!.codec) as ChoiceCodec<unknown>, child);
            this.warn(child.offset, `<${child.name}> read as ${c.name}.${c.fields[inline]!.name} (its CHOICE element left out)`);
            continue;
          } catch (e) {
            if (!(e instanceof DecodeError)) throw e;
          }
        }
        if (this.strict) throw unexpected(child, c.name, c.fields.map((f) => xmlNameOf(f.name)).join('|'));
        raw = this.keep(raw, child, `not a component of ${c.name}`);
        continue;
      }
      const f = c.fields[i]!;
      if (values[i] !== undefined) {
        if (this.strict) throw badValue(child.offset, `${c.name}.${f.name} appears twice`);
        raw = this.keep(raw, child, `${c.name}.${f.name} appears twice`);
        continue;
      }
      try {
        values[i] = this.value(f.codec, child);
      } catch (e) {
        // Liberal: a component whose content this schema cannot read (an empty <ringCount/>, a
        // vendor's enumeration value, text where a later edition has elements) is kept as it came.
        if (!this.strict && e instanceof DecodeError) {
          raw = this.keep(raw, child, isEmpty(child) ? `empty, and ${c.name}.${f.name} cannot be empty` : `${c.name}.${f.name}: ${e.message}`);
          continue;
        }
        throw withPath(e, `${c.name}.${f.name}`);
      }
    }
    const out: Loose = {};
    let missing: string[] | undefined;
    for (let i = 0; i < c.fields.length; i++) {
      const f = c.fields[i]!;
      if (values[i] !== undefined) out[f.name] = values[i];
      else if (!f.optional) {
        const name = xmlNameOf(f.name);
        if (this.strict) {
          throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `mandatory <${name}> of ${c.name} is missing`, { expected: name, found: 'end of element' });
        }
        this.warn(el.offset, `mandatory <${name}> of ${c.name} is missing`);
        (missing ??= []).push(f.name);
      }
    }
    if (raw !== undefined) out.$xml = raw;
    if (missing !== undefined) out.$missing = missing;
    return out;
  }

  /** Keeps `child` as raw XML (the list made on first use), with a warning. */
  private keep(raw: string[] | undefined, child: XmlElement, why: string): string[] {
    this.warn(child.offset, `<${child.name}> kept as raw XML: ${why}`);
    const out = raw ?? [];
    out.push(this.raw(child));
    return out;
  }

  /** A CHOICE value from the element of its chosen alternative. */
  alternative(c: ChoiceCodec<unknown>, el: XmlElement): Loose {
    const i = nameIndex(c, c.alternatives).get(nameKey(el.name));
    if (i === undefined) {
      if (this.strict) throw unexpected(el, c.name, c.alternatives.map((a) => xmlNameOf(a.name)).join('|'));
      this.warn(el.offset, `<${el.name}> kept as raw XML: not an alternative of ${c.name}`);
      return { $xml: [this.raw(el)] };
    }
    const alt = c.alternatives[i]!;
    try {
      return { [alt.name]: this.value(alt.codec, el) };
    } catch (e) {
      throw withPath(e, `${c.name}.${alt.name}`);
    }
  }

  private list(c: SequenceOfCodec<unknown>, el: XmlElement): unknown[] {
    if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${c.name}) should hold elements, not text`);
    const item = unwrap(c.item);
    const direct = item.kind === 'choice' && mappingFor(item) === undefined;
    const itemKey = nameKey(itemNameOf(c, item));
    const out: unknown[] = [];
    for (const child of el.children) {
      try {
        if (direct) out.push(this.alternative(item as ChoiceCodec<unknown>, child));
        else if (nameKey(child.name) === itemKey || !this.strict) out.push(this.value(c.item, child));
        else throw unexpected(child, c.name, itemNameOf(c, item));
      } catch (e) {
        throw withPath(e, `${c.name}[${out.length}]`);
      }
    }
    return out;
  }

  /** `<bit>true</bit>` children (false ones allowed and ignored), or a space-separated list. */
  private bits(c: BitStringCodec<unknown>, el: XmlElement): string[] {
    if (el.children.length === 0) return bitsFromList(c, el.text.split(/\s+/).filter((s) => s !== ''), el.offset);
    if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${c.name}) should hold elements, not text`);
    const set: string[] = [];
    for (const child of el.children) {
      const pos = bitIndex(c).get(nameKey(child.name));
      if (pos === undefined) {
        if (this.strict) throw unexpected(child, c.name, c.bits.filter((b) => b !== undefined).join('|'));
        this.warn(child.offset, `<${child.name}> ignored: not a bit of ${c.name}`);
        continue;
      }
      if (child.children.length > 0) throw badValue(child.offset, `<${child.name}> is true or false`);
      const t = child.text.trim();
      if (t === 'true' || t === '1') set.push(c.bits[pos]!);
      else if (t !== 'false' && t !== '0') throw badValue(child.offset, `<${child.name}> must be true or false`);
    }
    return bitsFromList(c, set, el.offset);
  }
}

/** The index of a still-empty CHOICE component of `c` that has an alternative named like `child`. */
function inlineChoice(c: SequenceCodec<unknown>, child: XmlElement, values: readonly unknown[]): number | undefined {
  const key = nameKey(child.name);
  for (let i = 0; i < c.fields.length; i++) {
    if (values[i] !== undefined) continue;
    const fc = unwrap(c.fields[i]!.codec);
    if (fc.kind !== 'choice' || mappingFor(fc) !== undefined) continue;
    if (nameIndex(fc, (fc as ChoiceCodec<unknown>).alternatives).has(key)) return i;
  }
  return undefined;
}

/** Warnings kept per message. */
export const MAX_WARNINGS = 64;

const bitIndexes = new WeakMap<BitStringCodec<unknown>, ReadonlyMap<string, number>>();

function bitIndex(c: BitStringCodec<unknown>): ReadonlyMap<string, number> {
  let m = bitIndexes.get(c);
  if (m === undefined) {
    const built = new Map<string, number>();
    c.bits.forEach((b, i) => {
      if (b !== undefined) built.set(nameKey(b), i);
    });
    bitIndexes.set(c, built);
    m = built;
  }
  return m;
}
