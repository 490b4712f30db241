/**
 * Hardened XML document parsing for ECMA-323 messages, in one pass: tokenizer.ts (a strict,
 * non-validating XML 1.0 reader) builds a small element tree with character offsets from the
 * decoded text; this module decodes the bytes and adds the limits a network-facing decoder needs.
 *
 * - input larger than `maxFrameSize` → FRAME_TOO_LARGE, before anything is parsed;
 * - any DTD markup (`<!DOCTYPE`, `<!ENTITY`, ...) → BAD_SYNTAX: no external entities, no entity
 *   expansion bombs, no internal subset at all;
 * - references other than `&lt; &gt; &amp; &quot; &apos;` and numeric character references →
 *   BAD_SYNTAX (no others exist without a DTD), as are character references to characters XML
 *   forbids (`&#0;`);
 * - not well-formed (unclosed or mismatched tags, repeated attributes, a raw `<` in an attribute
 *   value, characters XML 1.0 forbids: NUL and other C0 controls, U+FFFE/U+FFFF, lone surrogates,
 *   text outside the root, a second root, `]]>` in text, bad names, `--` in a comment, an XML
 *   declaration anywhere but at offset 0) → BAD_SYNTAX at the offset where it was found;
 * - elements nested deeper than `maxDepth` (the root is depth 1) → TOO_DEEP, as soon as the
 *   offending start tag is read.
 * Every element keeps the offsets of its start tag and of the end of its end tag, so the exact
 * source of an element can be sliced out.
 */
import { Buffer, isAscii } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { readDocument } from './tokenizer.js';

/** One element: local name, attributes, child elements and character data. */
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
  /** Character offset just after the element's end (after `/>` or its end tag's `>`), when parsed. */
  readonly end?: number;
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

const ENCODING_DECL = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** One decoder for every message: without `stream` each decode() is complete on its own. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
  // Only a document that starts `<?` can declare an encoding (most messages do not).
  const declared = bytes[start] === 0x3c && bytes[start + 1] === 0x3f;
  const head = declared ? Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, 256)).toString('latin1') : '';
  const decl = declared ? ENCODING_DECL.exec(head) : null;
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
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  if (label === 'iso-8859-1' || label === 'latin1' || label === 'latin-1' || label === 'us-ascii' || label === 'ascii') {
    return body.toString('latin1');
  }
  if (label !== 'utf-8' && label !== 'utf8') throw syntax(start + (decl === null ? 0 : head.indexOf(decl[1]!)), `unsupported XML encoding "${label}"`);
  // ASCII (most messages) reads the same in every one of these encodings; latin1 is the fastest.
  if (isAscii(body)) return body.toString('latin1');
  try {
    return UTF8.decode(body);
  } catch {
    const at = start + invalidUtf8At(body);
    throw syntax(at, `input is not valid UTF-8 (at byte ${at})`);
  }
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode Table 3-7), or the length. */
function invalidUtf8At(b: Uint8Array): number {
  const n = b.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < n && b[i]! >= lo && b[i]! <= hi;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    let len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (c >= 0xe0 && c <= 0xef) len = cont(i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(i + 2) ? 3 : 0;
    else if (c >= 0xf0 && c <= 0xf4) len = cont(i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len === 0) return i;
    i += len;
  }
  return n;
}

/**
 * Parses a complete XML document into its root element. Throws {@link DecodeError} only.
 */
export function parseXmlDocument(input: string | Uint8Array, limits: XmlParseLimits): XmlDocument {
  const text = documentText(input, limits);
  return { root: readDocument(text, limits.maxDepth), text };
}

/**
 * The text of a document, before any markup is read: the size bound (FRAME_TOO_LARGE), bytes
 * decoded ({@link decodeBytes}), a leading byte order mark dropped.
 */
export function documentText(input: string | Uint8Array, limits: XmlParseLimits): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxFrameSize) {
    throw new DecodeError(DecodeErrorCode.FrameTooLarge, 0, `XML message of ${size} ${typeof input === 'string' ? 'characters' : 'bytes'} exceeds maxFrameSize ${limits.maxFrameSize}`);
  }
  const text = typeof input === 'string' ? input : decodeBytes(input, limits);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The namespace URI the root element is in (its prefix's or the default), or undefined. */
export function rootNamespace(root: XmlElement): string | undefined {
  return root.attrs[root.prefix === undefined ? 'xmlns' : `xmlns:${root.prefix}`];
}

const BLANK = /^[ \t\r\n]*$/;

function isBlank(s: string): boolean {
  // Most elements hold no text at all, or a value with no leading blank: no regex for those.
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  return BLANK.test(s);
}

/** True when the element holds character data other than whitespace. */
export function hasText(el: XmlElement): boolean {
  return !isBlank(el.text);
}
