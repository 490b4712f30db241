/**
 * XML 1.0 (Fifth Edition) character classes for the tokenizer (tokenizer.ts), by code point.
 *
 *   [2]  Char          ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 *   [3]  S             ::= (#x20 | #x9 | #xD | #xA)+
 *   [4]  NameStartChar ::= ":" | [A-Z] | "_" | [a-z] | [#xC0-#xD6] | [#xD8-#xF6] | [#xF8-#x2FF] |
 *                          [#x370-#x37D] | [#x37F-#x1FFF] | [#x200C-#x200D] | [#x2070-#x218F] |
 *                          [#x2C00-#x2FEF] | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD] |
 *                          [#x10000-#xEFFFF]
 *   [4a] NameChar      ::= NameStartChar | "-" | "." | [0-9] | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]
 * and the checks (and BAD_SYNTAX errors) of characters and names that the readers share.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';

/** ASCII classes: bit 1 = NameStartChar, bit 2 = NameChar. */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = c === 0x3a || c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const char = start || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39);
  ASCII_NAME[c] = (start ? NAME_START : 0) | (char ? NAME_CHAR : 0);
}

/** NameStartChar for a code point of 0x80 or above. */
export function isNameStartHigh(c: number): boolean {
  if (c < 0x2000) return (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) || (c >= 0x370 && c <= 0x37d) || c >= 0x37f;
  if (c < 0x3001) return c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef);
  return (c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd) || (c >= 0x10000 && c <= 0xeffff);
}

/** NameChar for a code point of 0x80 or above. */
export function isNameCharHigh(c: number): boolean {
  return isNameStartHigh(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Char (production 2) for a numeric character reference's value. */
export function isXmlChar(c: number): boolean {
  return c >= 0x20 ? c <= 0xd7ff || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff) : c === 0x9 || c === 0xa || c === 0xd;
}

/** S (production 3): one white space character. */
export function isS(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Classes of an ASCII character in character data and attribute values: what a scan must stop
 * for. PLAIN continues; LT ends a text run (refused in an attribute value); AMP starts a
 * reference; GT may end a forbidden `]]>` in text; CR is normalised (CRLF or CR → LF in text, →
 * space in attribute values); WS (TAB, LF) becomes a space in attribute values; QUOT may end an
 * attribute value; BAD is a C0 control XML forbids.
 */
export const PLAIN = 0;
export const LT = 1;
export const AMP = 2;
export const GT = 3;
export const CR = 4;
export const BAD = 5;
export const WS = 6;
export const QUOT = 7;

function classes(attr: boolean): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 0x20; c++) t[c] = BAD;
  t[0x09] = attr ? WS : PLAIN;
  t[0x0a] = attr ? WS : PLAIN;
  t[0x0d] = CR;
  t[0x3c] = LT;
  t[0x26] = AMP;
  if (!attr) t[0x3e] = GT;
  if (attr) {
    t[0x22] = QUOT;
    t[0x27] = QUOT;
  }
  return t;
}

/** Classes in character data (between tags). */
export const TEXT_CLASS = classes(false);
/** Classes in a quoted attribute value. */
export const ATTR_CLASS = classes(true);

/** Where an error at the end of the input is reported: its last character (0 when empty). */
export function endAt(text: string): number {
  return Math.max(0, text.length - 1);
}

/** BAD_SYNTAX at `offset`. */
export function syntax(offset: number, message: string): DecodeError {
  return new DecodeError(DecodeErrorCode.BadSyntax, offset, `malformed XML: ${message}`);
}

/** Checks the character at `i` (code unit `c` ≥ 0xD800): returns the index after it. */
export function highChar(text: string, i: number, c: number): number {
  if (c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2;
    throw syntax(i, 'a lone surrogate is not a character');
  }
  if (c <= 0xdfff) throw syntax(i, 'a lone surrogate is not a character');
  if (c >= 0xfffe) throw syntax(i, `character U+${c.toString(16).toUpperCase()} is not allowed in XML`);
  return i + 1;
}

/** Checks any character at `i` (inside a comment, PI or CDATA section): returns the index after it. */
export function anyChar(text: string, i: number, c: number): number {
  if (c < 0x20) {
    if (c === 0x09 || c === 0x0a || c === 0x0d) return i + 1;
    throw badControl(i, c);
  }
  return c < 0xd800 ? i + 1 : highChar(text, i, c);
}

/** The error for the C0 control `c` at `i`. */
export function badControl(i: number, c: number): DecodeError {
  return syntax(i, `control character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
}

/** The end of the Name at `i` (`i` when none; with `anyStart` the first character need only be a NameChar). */
export function nameEnd(text: string, i: number, anyStart: boolean): number {
  const n = text.length;
  const first = i;
  while (i < n) {
    let c = text.charCodeAt(i);
    let width = 1;
    const start = i === first && !anyStart;
    if (c < 128) {
      if ((ASCII_NAME[c]! & (start ? NAME_START : NAME_CHAR)) === 0) break;
    } else {
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) break;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        width = 2;
      }
      if (!(start ? isNameStartHigh(c) : isNameCharHigh(c))) break;
    }
    i += width;
  }
  return i;
}
