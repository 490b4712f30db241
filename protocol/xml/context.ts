/**
 * What the generic walkers (to-xml.ts, from-xml.ts) and the per-type mappings (mappings.ts) share:
 * the callback interfaces, tag unwrapping, element naming rules and error-path bookkeeping.
 */
import { DecodeError, EncodeError } from '../errors.js';
import type { AnyCodec } from '../schema/index.js';
import { withoutExplicitTags } from '../schema/codec.js';
import type { XmlElement } from './parse.js';
import type { XmlWriter } from './writer.js';
import { xmlElementName } from './spellings.js';

/** Writes values as XML; given to mappings so they can write nested values generically. */
export interface XmlEncoder {
  readonly w: XmlWriter;
  /** Writes `value` (of `codec`) as the element `name`. */
  element(codec: AnyCodec, value: unknown, name: string): void;
}

/** Reads values from XML; given to mappings so they can read nested values generically. */
export interface XmlDecoder {
  /** Reads the value of `codec` from the element `el`. */
  value(codec: AnyCodec, el: XmlElement): unknown;
  /** Refuse what the liberal reader keeps raw or reads leniently. */
  readonly strict: boolean;
  /** Notes something read leniently. */
  warn(offset: number, message: string): void;
  /** The element as self-contained raw XML text. */
  raw(el: XmlElement): string;
}

/** Decodes one element of a known type. */
export type XmlElementDecoder = (dec: XmlDecoder, el: XmlElement) => unknown;

/**
 * A per-type XML form that replaces the generic one (ECMA-323's simplifications). Keyed by codec
 * name in mappings.ts; applies to a codec of that name and kind wherever it occurs.
 */
export interface XmlTypeMapping {
  readonly kind: AnyCodec['kind'];
  encode(enc: XmlEncoder, codec: AnyCodec, value: unknown, name: string): void;
  /**
   * The decoder of `codec`'s elements, made once per codec (what it needs of the schema looked up
   * then); `nested` gives the decoder of a type inside it.
   */
  reader(codec: AnyCodec, nested: (codec: AnyCodec) => XmlElementDecoder): XmlElementDecoder;
}

/** Strips EXPLICIT tag wrappers: tags do not exist in XML. */
export const unwrap: (codec: AnyCodec) => AnyCodec = withoutExplicitTags;

/**
 * The element name of an ASN.1 component or alternative: the identifier, except where ECMA-323
 * names it otherwise (`crossRefIdentifier` → `monitorCrossRefID`, ECMA's misspellings; see
 * spellings.ts). Decoding accepts both names.
 */
export function xmlNameOf(field: string): string {
  return xmlElementName(field);
}

const BUILT_IN = new Set([
  'INTEGER', 'BOOLEAN', 'NULL', 'OCTET STRING', 'OBJECT IDENTIFIER', 'ANY', 'IA5String', 'PrintableString', 'VisibleString',
  'NumericString', 'GraphicString', 'GeneralizedTime', 'UTCTime', 'UTF8String',
]);

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Element name of the items of a SEQUENCE OF whose items are not a CHOICE: the item type's name
 * with a lower-case initial (`SnapshotDeviceResponseInfo` → `snapshotDeviceResponseInfo`); for an
 * anonymous or built-in item type, the list type's name plus `Item` (`ConnectionList` →
 * `connectionListItem`).
 */
export function itemNameOf(list: AnyCodec, item: AnyCodec): string {
  if (/^[A-Z][A-Za-z0-9]*$/.test(item.name) && !BUILT_IN.has(item.name)) return lowerFirst(item.name);
  const base = list.name.slice(list.name.lastIndexOf('.') + 1).replace(/[^A-Za-z0-9_]/g, '');
  return base === '' ? 'item' : lowerFirst(base) + 'Item';
}

/** Prefixes a path segment to a DecodeError/EncodeError on its way out. */
export function withPath(e: unknown, segment: string): unknown {
  if (e instanceof DecodeError || e instanceof EncodeError) {
    const m = e as { path: string | undefined; message: string };
    const old = m.path;
    m.path = old === undefined ? segment : `${segment}.${old}`;
    m.message = old === undefined ? `${e.message} (in ${segment})` : e.message.replace(`(in ${old})`, `(in ${m.path})`);
  }
  return e;
}
