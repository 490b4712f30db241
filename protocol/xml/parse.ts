/**
 * Hardened XML document parsing for ECMA-323 messages: fast-xml-parser does the tokenising, this
 * module adds the limits and refusals a network-facing decoder needs and returns a small element
 * tree with character offsets.
 *
 * - input larger than `maxFrameSize` → FRAME_TOO_LARGE, before anything is parsed;
 * - any DTD markup (`<!DOCTYPE`, `<!ENTITY`, ...) → BAD_SYNTAX: no external entities, no entity
 *   expansion bombs, no internal subset at all;
 * - references other than `&lt; &gt; &amp; &quot; &apos;` and numeric character references →
 *   BAD_SYNTAX (the parser's entity processing is off; {@link expandReferences} does it here);
 * - not well-formed (unclosed tags, repeated attributes, stray text) → BAD_SYNTAX with offset;
 * - elements nested deeper than `maxDepth` (the root is depth 1) → TOO_DEEP. fast-xml-parser's own
 *   `maxNestedTags` (counted slightly differently) stops runaway nesting early; the exact bound is
 *   checked while building the tree.
 */
import { Buffer } from 'node:buffer';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { expandReferences } from './text.js';

/** One element: local name, expanded attributes, child elements and character data. */
export interface XmlElement {
  /** Local name (any `prefix:` removed). */
  readonly name: string;
  /** Namespace prefix as written, if any. */
  readonly prefix: string | undefined;
  /** Attributes by qualified name, values with references expanded. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** All character data directly inside the element (CDATA included), references expanded. */
  readonly text: string;
  /** Character offset of the element's `<` in the decoded text. */
  readonly offset: number;
}

export interface XmlParseLimits {
  readonly maxFrameSize: number;
  readonly maxDepth: number;
  /** Where lenient readings are noted (a declared encoding that the bytes contradict). */
  readonly warnings?: { offset: number; message: string }[];
  /** Read bytes declared UTF-16 (without a UTF-16 BOM) as UTF-8, as Uni-tel sends them; else BAD_SYNTAX. */
  readonly utf16DeclarationAsUtf8?: boolean;
}

/** A parsed document: its root and its text (after byte decoding). */
export interface XmlDocument {
  readonly root: XmlElement;
  readonly text: string;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;
const TEXT = '#text';
const CDATA = '#cdata';
const ATTRS = ':@';
const DTD_MARKUP = /<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const ENCODING_DECL = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

const parsers = new Map<number, XMLParser>();

function parserFor(maxDepth: number): XMLParser {
  let p = parsers.get(maxDepth);
  if (p === undefined) {
    p = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: false,
      htmlEntities: false,
      cdataPropName: CDATA,
      commentPropName: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      removeNSPrefix: false,
      captureMetaData: true,
      maxNestedTags: maxDepth,
    });
    parsers.set(maxDepth, p);
  }
  return p;
}

function syntax(offset: number, message: string): DecodeError {
  return new DecodeError(DecodeErrorCode.BadSyntax, offset, message);
}

/**
 * Turns bytes into text: BOM, then the XML declaration's encoding (UTF-8, ISO-8859-1, US-ASCII).
 * A declared UTF-16 on bytes without a UTF-16 BOM is what Uni-tel sends on UTF-8 text (a .NET
 * string's declaration written out as UTF-8): read as UTF-8, with a warning.
 */
function decodeBytes(bytes: Uint8Array, limits: XmlParseLimits): string {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))) {
    throw syntax(0, 'UTF-16 XML is not supported');
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, 256)).toString('latin1');
  const decl = ENCODING_DECL.exec(head);
  let label = decl?.[1]?.toLowerCase() ?? 'utf-8';
  if (label === 'utf-16' || label === 'utf-16le' || label === 'utf-16be' || label === 'unicode') {
    // Without a UTF-16 byte order mark the bytes are not UTF-16 (they start `<?xml` in one byte each).
    const at = decl === null ? 0 : head.indexOf(decl[1]!);
    if (limits.utf16DeclarationAsUtf8 !== true) {
      throw syntax(at, `the XML declaration says encoding "${decl?.[1] ?? label}" but the bytes are not UTF-16 (Uni-tel sends UTF-8 so declared: decode with profile unitel / utf16DeclarationAsUtf8)`);
    }
    limits.warnings?.push({ offset: at, message: `declared encoding "${label}" on bytes that are not UTF-16: read as UTF-8` });
    label = 'utf-8';
  }
  const body = bytes.subarray(start);
  if (label === 'iso-8859-1' || label === 'latin1' || label === 'latin-1' || label === 'us-ascii' || label === 'ascii') {
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  }
  if (label !== 'utf-8' && label !== 'utf8') throw syntax(0, `unsupported XML encoding "${label}"`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw syntax(0, 'input is not valid UTF-8');
  }
}

function offsetOf(text: string, line: number, col: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
  }
  return Math.min(text.length, off + Math.max(0, col - 1));
}

type OrderedEntry = Record<string, unknown>;

/** Start offset fast-xml-parser recorded for an element entry (captureMetaData). */
function startOf(entry: OrderedEntry): number | undefined {
  return (entry as unknown as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex;
}

function splitName(q: string): { prefix: string | undefined; name: string } {
  const i = q.indexOf(':');
  return i < 0 ? { prefix: undefined, name: q } : { prefix: q.slice(0, i), name: q.slice(i + 1) };
}

function expand(raw: string, offset: number, where: string): string {
  const r = expandReferences(raw);
  if (typeof r === 'string') return r;
  throw syntax(offset, `undefined or malformed entity reference in ${where}`);
}

function isBlank(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

/** Converts one fast-xml-parser ordered entry (an element) into an {@link XmlElement}. */
function toElement(entry: OrderedEntry, qname: string, parentOffset: number, depth: number, maxDepth: number): XmlElement {
  const offset = startOf(entry) ?? parentOffset;
  if (depth > maxDepth) throw new DecodeError(DecodeErrorCode.TooDeep, offset, `XML nests deeper than maxDepth ${maxDepth}`);
  const { prefix, name } = splitName(qname);
  const rawAttrs = entry[ATTRS] as Record<string, unknown> | undefined;
  let attrs: Record<string, string> = EMPTY_ATTRS;
  if (rawAttrs !== undefined) {
    attrs = Object.create(null) as Record<string, string>;
    for (const k of Object.keys(rawAttrs)) {
      const v = rawAttrs[k];
      if (typeof v !== 'string') throw syntax(offset, `attribute ${k} of <${qname}> has no value`);
      attrs[k] = expand(v, offset, `attribute ${k}`);
    }
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of entry[qname] as OrderedEntry[]) {
    const key = elementKey(child);
    if (key === TEXT) text += expand(String(child[TEXT]), offset, `<${qname}>`);
    else if (key === CDATA) for (const part of child[CDATA] as OrderedEntry[]) text += String(part[TEXT] ?? '');
    else if (key !== undefined) children.push(toElement(child, key, offset, depth + 1, maxDepth));
  }
  return { name, prefix, attrs, children, text, offset };
}

const EMPTY_ATTRS: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

function elementKey(entry: OrderedEntry): string | undefined {
  for (const k in entry) if (k !== ATTRS) return k;
  return undefined;
}

/**
 * Parses a complete XML document into its root element. Throws {@link DecodeError} only.
 */
export function parseXmlDocument(input: string | Uint8Array, limits: XmlParseLimits): XmlDocument {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxFrameSize) {
    throw new DecodeError(DecodeErrorCode.FrameTooLarge, 0, `XML message of ${size} ${typeof input === 'string' ? 'characters' : 'bytes'} exceeds maxFrameSize ${limits.maxFrameSize}`);
  }
  let text = typeof input === 'string' ? input : decodeBytes(input, limits);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const dtd = DTD_MARKUP.exec(text);
  if (dtd !== null) throw syntax(dtd.index, 'DTD declarations (DOCTYPE, ENTITY, ...) are not accepted');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw syntax(offsetOf(text, valid.err.line, valid.err.col), `malformed XML: ${valid.err.msg}`);
  let doc: OrderedEntry[];
  try {
    doc = parserFor(limits.maxDepth).parse(text) as OrderedEntry[];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(msg)) throw new DecodeError(DecodeErrorCode.TooDeep, 0, `XML nests deeper than maxDepth ${limits.maxDepth}`);
    throw syntax(0, `malformed XML: ${msg}`);
  }
  let root: XmlElement | undefined;
  for (const entry of doc) {
    const key = elementKey(entry);
    if (key === undefined) continue;
    if (key === TEXT) {
      if (!isBlank(String(entry[TEXT]))) throw syntax(0, 'text outside the root element');
      continue;
    }
    if (key === CDATA) throw syntax(0, 'CDATA outside the root element');
    const at = startOf(entry) ?? 0;
    if (root !== undefined) throw syntax(at, 'more than one root element');
    root = toElement(entry, key, 0, 1, limits.maxDepth);
  }
  if (root === undefined) throw syntax(0, 'no root element');
  return { root, text };
}

/** The namespace URI the root element is in (its prefix's or the default), or undefined. */
export function rootNamespace(root: XmlElement): string | undefined {
  return root.attrs[root.prefix === undefined ? 'xmlns' : `xmlns:${root.prefix}`];
}

/** True when the element holds character data other than whitespace. */
export function hasText(el: XmlElement): boolean {
  return !isBlank(el.text);
}
