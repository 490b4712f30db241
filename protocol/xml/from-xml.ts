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
import type { AnyCodec, BitStringCodec, ChoiceCodec, EnumeratedCodec, SequenceCodec, SequenceOfCodec } from '../schema/index.js';
import { compileAlternativeReader, compileSequenceReader, NOT_READ } from './compile-read.js';
import type { AlternativeHelpers, ElementRead, SequenceHelpers } from './compile-read.js';
import { itemNameOf, unwrap, withPath, xmlNameOf } from './context.js';
import type { XmlDecoder, XmlElementDecoder } from './context.js';
import { badValue, bitsFromList, leafFromText, parseInteger } from './leaf.js';
import { mappingFor } from './mappings.js';
import { hasText } from './parse.js';
import type { XmlElement } from './parse.js';
import { declarationsOf, rawXml } from './raw.js';
import type { NamespaceScope } from './raw.js';
import { ELEMENT_ALIASES, nameKey } from './spellings.js';


/** Something the liberal reader accepted that strict reading refuses. */
export interface XmlDecodeWarning {
  /** Character offset of the element concerned. */
  readonly offset: number;
  readonly message: string;
}

/**
 * Element name (lower case) → position of a SEQUENCE's components or a CHOICE's alternatives,
 * under the ASN.1 identifier, ECMA-323's name and the aliases.
 */
function nameIndex(names: readonly { readonly name: string }[]): ReadonlyMap<string, number> {
  const built = new Map<string, number>();
  names.forEach((f, i) => {
    built.set(nameKey(f.name), i);
    built.set(nameKey(xmlNameOf(f.name)), i);
  });
  for (const [alias, target] of Object.entries(ELEMENT_ALIASES)) {
    const i = names.findIndex((f) => f.name === target);
    if (i >= 0 && !built.has(alias)) built.set(alias, i);
  }
  return built;
}

/**
 * The names of component `i` matched as written, before lower-casing: the identifier and
 * ECMA-323's name, each only where the lower-case table gives the same component (so the two
 * lookups can never disagree).
 */
function exactNames(names: readonly { readonly name: string }[], i: number, index: ReadonlyMap<string, number>): string[] {
  const n = names[i]!.name;
  return [...new Set([n, xmlNameOf(n)])].filter((x) => index.get(nameKey(x)) === i);
}

function unexpected(el: XmlElement, inside: string, expected: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnexpectedTag, el.offset, `unexpected element <${el.name}> in ${inside}`, { expected, found: el.name });
}

function isEmpty(el: XmlElement): boolean {
  return el.children.length === 0 && !hasText(el);
}

function noText(el: XmlElement, c: AnyCodec): void {
  if (hasText(el)) throw badValue(el.offset, `<${el.name}> (${c.name}) should hold elements, not text`);
}

export interface XmlReadContext {
  /** Refuse what the liberal reader keeps raw. */
  readonly strict: boolean;
  /** The message root: kept elements re-declare the namespaces it declares (computed when first needed). */
  readonly root: XmlElement;
  /** The message's own (default or root-prefix) namespace. */
  readonly namespace: string | undefined;
  /** The document text, so kept elements are sliced out as they were written. */
  readonly source?: string;
}

const NO_SCOPE: NamespaceScope = new Map();

export class XmlValueReader implements XmlDecoder {
  /** What was read leniently; made on the first warning (most messages have none). */
  warnings: XmlDecodeWarning[] | undefined;
  readonly strict: boolean;
  private scope: NamespaceScope | undefined;

  constructor(private readonly ctx: XmlReadContext) {
    this.strict = ctx.strict;
  }

  warn(offset: number, message: string): void {
    const w = (this.warnings ??= []);
    // Bounded: one message cannot produce more warnings than it has elements, but cap anyway.
    if (w.length < MAX_WARNINGS) w.push({ offset, message });
  }

  /** The element as raw XML text (for `$xml`). */
  raw(el: XmlElement): string {
    // Namespace declarations in scope at the root: only a kept element needs them.
    this.scope ??= declarationsOf(this.ctx.root, NO_SCOPE);
    return rawXml(el, this.scope, this.ctx.namespace, this.ctx.source);
  }

  value(codec: AnyCodec, el: XmlElement): unknown {
    return readerOf(codec)(this, el);
  }

  /** Keeps `child` as raw XML (the list made on first use), with a warning. */
  keep(raw: string[] | undefined, child: XmlElement, why: string): string[] {
    this.warn(child.offset, `<${child.name}> kept as raw XML: ${why}`);
    const out = raw ?? [];
    out.push(this.raw(child));
    return out;
  }
}

/** Reads a message root: `skip` is a child to read the root as if it were not there (an event's monitorCrossRefID). */
export type RootRead = (r: XmlValueReader, root: XmlElement, skip?: XmlElement) => unknown;

/**
 * The reader of a message root of `codec`, made once per message type: like any element, except
 * that an empty root of a CHOICE stands for its NULL alternative `emptyAlternative` (`noData`).
 */
export function rootReaderOf(codec: AnyCodec, emptyAlternative: string | undefined): RootRead {
  const c = unwrap(codec);
  const read = readerOf(codec);
  // A SEQUENCE's generated reader passes over `skip` itself; anything else reads a copy without it.
  const skips = c.kind === 'sequence' && mappingFor(c) === undefined;
  const empty = c.kind === 'choice' ? emptyAlternative : undefined;
  return (r, root, skip) => {
    if (empty !== undefined && root.children.length === (skip === undefined ? 0 : 1) && !hasText(root)) return { [empty]: null };
    if (skip === undefined || skips) return read(r, root, skip);
    return read(r, { ...root, children: root.children.filter((x) => x !== skip) });
  };
}

/** Reads with the reader made for a codec; `r` is always an {@link XmlValueReader}. */
type Read = (r: XmlValueReader, el: XmlElement, skip?: XmlElement) => unknown;

/** Readers made so far, by codec (EXPLICIT wrappers and the type they wrap both). */
const readers = new WeakMap<AnyCodec, Read>();
/** Codecs whose reader is being made (a recursive type reaches itself through a stub). */
const building = new Set<AnyCodec>();

/**
 * The reader of a codec, made once: it knows the codec's kind, mapping and (for SEQUENCE and
 * CHOICE) its element names and its components' readers, where the generic walk looked each up
 * per element.
 */
export function readerOf(codec: AnyCodec): Read {
  const known = readers.get(codec);
  if (known !== undefined) return known;
  const c = unwrap(codec);
  const inner = readers.get(c);
  if (inner !== undefined) {
    readers.set(codec, inner);
    return inner;
  }
  if (building.has(c)) {
    // A recursive type: its reader is not made yet; call it through the cache once it is.
    return (r, el, skip) => readers.get(c)!(r, el, skip);
  }
  building.add(c);
  try {
    const made = makeReader(c);
    readers.set(c, made);
    readers.set(codec, made);
    return made;
  } finally {
    building.delete(c);
  }
}

function makeReader(c: AnyCodec): Read {
  const m = mappingFor(c);
  if (m !== undefined) {
    return m.reader(c, (nested) => readerOf(nested) as XmlElementDecoder) as Read;
  }
  switch (c.kind) {
    case 'sequence':
      return sequenceReader(c);
    case 'choice':
      return choiceElementReader(c);
    case 'sequenceOf':
      return listReader(c);
    case 'bitString':
      return bitsReader(c);
    default:
      return leafReader(c);
  }
}

// ---- SEQUENCE ----------------------------------------------------------------------------------

function sequenceReader(c: SequenceCodec<unknown>): Read {
  const index = nameIndex(c.fields);
  const codecs = c.fields.map((f) => unwrap(f.codec));
  // CHOICE components (without a mapping) whose alternatives may come without the CHOICE's element.
  const inline = codecs.map((fc) => (fc.kind === 'choice' && mappingFor(fc) === undefined ? nameIndex((fc as ChoiceCodec<unknown>).alternatives) : undefined));
  const path = c.fields.map((f) => `${c.name}.${f.name}`);
  const h: SequenceHelpers = {
    noText: (_r, el) => noText(el, c),
    other: (name) => index.get(nameKey(name)) ?? -1,
    twice(r, raw, child, i) {
      if ((r as XmlValueReader).strict) throw badValue(child.offset, `${path[i]} appears twice`);
      return (r as XmlValueReader).keep(raw, child, `${path[i]} appears twice`);
    },
    failed(r, raw, child, i, e) {
      // Liberal: a component whose content this schema cannot read (an empty <ringCount/>, a
      // vendor's enumeration value, text where a later edition has elements) is kept as it came.
      if (!(r as XmlValueReader).strict && e instanceof DecodeError) {
        return (r as XmlValueReader).keep(raw, child, isEmpty(child) ? `empty, and ${path[i]} cannot be empty` : `${path[i]}: ${e.message}`);
      }
      throw withPath(e, path[i]!);
    },
    inlineIndex(r, child, values) {
      // A CHOICE component written without its own element (Uni-tel's <serviceCrossRefID> right
      // under SnapShotDeviceResponse): the child is one of that CHOICE's alternatives.
      if ((r as XmlValueReader).strict) return -1;
      const key = nameKey(child.name);
      for (let i = 0; i < inline.length; i++) {
        if (values[i] === undefined && inline[i]?.has(key) === true) return i;
      }
      return -1;
    },
    inlineRead(r, child, i) {
      try {
        const v = alternativeReaderOf(codecs[i] as ChoiceCodec<unknown>)(r as XmlValueReader, child);
        (r as XmlValueReader).warn(child.offset, `<${child.name}> read as ${path[i]} (its CHOICE element left out)`);
        return v;
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        return NOT_READ;
      }
    },
    unknown(r, raw, child) {
      if ((r as XmlValueReader).strict) throw unexpected(child, c.name, c.fields.map((f) => xmlNameOf(f.name)).join('|'));
      return (r as XmlValueReader).keep(raw, child, `not a component of ${c.name}`);
    },
    missing(r, el, missing, i) {
      const name = xmlNameOf(c.fields[i]!.name);
      if ((r as XmlValueReader).strict) {
        throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `mandatory <${name}> of ${c.name} is missing`, { expected: name, found: 'end of element' });
      }
      (r as XmlValueReader).warn(el.offset, `mandatory <${name}> of ${c.name} is missing`);
      const out = missing ?? [];
      out.push(c.fields[i]!.name);
      return out;
    },
  };
  return compileSequenceReader(
    c.fields.map((f, i) => ({ name: f.name, optional: f.optional, exact: exactNames(c.fields, i, index), read: readerOf(f.codec) as ElementRead, inline: inline[i] !== undefined })),
    h,
  ) as Read;
}

// ---- CHOICE ------------------------------------------------------------------------------------

const alternativeReaders = new WeakMap<ChoiceCodec<unknown>, Read>();
const alternativesBuilding = new Set<ChoiceCodec<unknown>>();

/** The reader of a CHOICE value from the element of its chosen alternative, made once. */
function alternativeReaderOf(c: ChoiceCodec<unknown>): Read {
  const known = alternativeReaders.get(c);
  if (known !== undefined) return known;
  // A recursive type (a list of this CHOICE inside one of its alternatives): through the cache.
  if (alternativesBuilding.has(c)) return (r, el) => alternativeReaders.get(c)!(r, el);
  alternativesBuilding.add(c);
  try {
    const index = nameIndex(c.alternatives);
    const names = c.alternatives.map((a) => xmlNameOf(a.name)).join('|');
    const path = c.alternatives.map((a) => `${c.name}.${a.name}`);
    const h: AlternativeHelpers = {
      other: (name) => index.get(nameKey(name)) ?? -1,
      unknown(r, el) {
        if ((r as XmlValueReader).strict) throw unexpected(el, c.name, names);
        (r as XmlValueReader).warn(el.offset, `<${el.name}> kept as raw XML: not an alternative of ${c.name}`);
        return { $xml: [(r as XmlValueReader).raw(el)] };
      },
      failed(e, i) {
        throw withPath(e, path[i]!);
      },
    };
    const alts = c.alternatives.map((a, i) => ({ name: a.name, exact: exactNames(c.alternatives, i, index), read: readerOf(a.codec) as ElementRead }));
    const read = compileAlternativeReader(alts, h) as Read;
    alternativeReaders.set(c, read);
    return read;
  } finally {
    alternativesBuilding.delete(c);
  }
}

function choiceElementReader(c: ChoiceCodec<unknown>): Read {
  const alternative = alternativeReaderOf(c);
  return (r, el) => {
    noText(el, c);
    if (el.children.length !== 1) {
      throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `<${el.name}> (${c.name}) needs exactly one of ${c.alternatives.map((a) => `<${xmlNameOf(a.name)}>`).join(' ')}`);
    }
    return alternative(r, el.children[0]!);
  };
}

// ---- SEQUENCE OF, BIT STRING, leaves ------------------------------------------------------------

function listReader(c: SequenceOfCodec<unknown>): Read {
  const item = unwrap(c.item);
  const direct = item.kind === 'choice' && mappingFor(item) === undefined;
  const itemName = itemNameOf(c, item);
  const itemKey = nameKey(itemName);
  const read = direct ? alternativeReaderOf(item as ChoiceCodec<unknown>) : readerOf(c.item);
  return (r, el) => {
    noText(el, c);
    const out: unknown[] = [];
    for (const child of el.children) {
      try {
        if (direct || !r.strict || nameKey(child.name) === itemKey) out.push(read(r, child));
        else throw unexpected(child, c.name, itemName);
      } catch (e) {
        throw withPath(e, `${c.name}[${out.length}]`);
      }
    }
    return out;
  };
}

/** `<bit>true</bit>` children (false ones allowed and ignored), or a space-separated list. */
function bitsReader(c: BitStringCodec<unknown>): Read {
  const index = new Map<string, number>();
  c.bits.forEach((b, i) => {
    if (b !== undefined) index.set(nameKey(b), i);
  });
  return (r, el) => {
    if (el.children.length === 0) return bitsFromList(c, el.text.split(/\s+/).filter((s) => s !== ''), el.offset);
    noText(el, c);
    const set: string[] = [];
    for (const child of el.children) {
      const pos = index.get(nameKey(child.name));
      if (pos === undefined) {
        if (r.strict) throw unexpected(child, c.name, c.bits.filter((b) => b !== undefined).join('|'));
        r.warn(child.offset, `<${child.name}> ignored: not a bit of ${c.name}`);
        continue;
      }
      if (child.children.length > 0) throw badValue(child.offset, `<${child.name}> is true or false`);
      const t = child.text.trim();
      if (t === 'true' || t === '1') set.push(c.bits[pos]!);
      else if (t !== 'false' && t !== '0') throw badValue(child.offset, `<${child.name}> must be true or false`);
    }
    return bitsFromList(c, set, el.offset);
  };
}

/** The value of a leaf type's text, specialised for the common kinds. */
function textReader(c: AnyCodec): (text: string, offset: number) => unknown {
  switch (c.kind) {
    case 'integer':
      return (text, offset) => parseInteger(text, offset, c.name);
    case 'octetString':
    case 'string':
    case 'utf8String':
      return (text) => text;
    case 'enumerated': {
      // Identifiers written exactly (no surrounding whitespace) without the table walk.
      const values = (c as EnumeratedCodec<unknown>).values;
      const names = new Set(Object.keys(values));
      return (text, offset) => (names.has(text) ? text : leafFromText(c, text, offset));
    }
    default:
      return (text, offset) => leafFromText(c, text, offset);
  }
}

function leafReader(c: AnyCodec): Read {
  const fromText = textReader(c);
  const textual = c.kind === 'octetString' || c.kind === 'string' || c.kind === 'utf8String';
  return (r, el) => {
    if (el.children.length === 0) return fromText(el.text, el.offset);
    // Private data in ECMA-323 is XML in a vendor namespace: kept as it came.
    if (c.kind === 'open') return { xml: el.children.map((x) => r.raw(x)).join('') };
    // ECMA-323 wraps some OCTET STRINGs in a one-alternative element (`<correlatorData><string>…`).
    const only = el.children.length === 1 ? el.children[0]! : undefined;
    if (!r.strict && only !== undefined && only.children.length === 0 && !hasText(el) && textual) {
      return leafFromText(c, only.text, only.offset);
    }
    throw badValue(el.children[0]!.offset, `<${el.name}> (${c.name}) is text only`);
  };
}

/** Warnings kept per message. */
export const MAX_WARNINGS = 64;
