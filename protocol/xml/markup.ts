/**
 * The markup the XML reader (tokenizer.ts) skips or reads rarely: comments, processing
 * instructions, the XML declaration, CDATA sections' extent, and the error for an end tag that
 * does not match. Each checks every character it passes (chars.ts) and returns the index after
 * its construct, or throws BAD_SYNTAX where the construct stops being well-formed.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import * as chars from './chars.js';

// Local bindings (see tokenizer.ts: a CommonJS-compiling loader makes imported names getters).
const { anyChar, endAt, isS, nameEnd, syntax } = chars;

const C_LT = 0x3c;
const C_BANG = 0x21;
const C_GT = 0x3e;
const C_EQ = 0x3d;
const C_QUESTION = 0x3f;
const C_MINUS = 0x2d;
const C_RBRACKET = 0x5d;
const C_DQUOTE = 0x22;
const C_SQUOTE = 0x27;

const DTD_MARKUP_AT = /<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/iy;

/**
 * Throws when a markup declaration (`<!DOCTYPE`, `<!ENTITY`, ... in any case) starts at `i` (a
 * `<!`): no DTD at all, so no external entities and no entity expansion. Checked wherever a
 * `<!` is read, in comments, CDATA sections and PIs too (as the pre-scan it replaces did).
 */
export function refuseDtdAt(text: string, i: number): void {
  DTD_MARKUP_AT.lastIndex = i;
  if (DTD_MARKUP_AT.test(text)) throw new DecodeError(DecodeErrorCode.BadSyntax, i, 'DTD declarations (DOCTYPE, ENTITY, ...) are not accepted');
}

/** A comment whose `<!--` is at `i`: returns the index after its `-->`. */
export function comment(text: string, i: number): number {
  const n = text.length;
  let j = i + 4;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === C_MINUS && text.charCodeAt(j + 1) === C_MINUS) {
      if (text.charCodeAt(j + 2) === C_GT) return j + 3;
      if (j + 2 >= n) break;
      throw syntax(j + 2, '"--" inside a comment');
    }
    if (c === C_LT && text.charCodeAt(j + 1) === C_BANG) refuseDtdAt(text, j);
    j = anyChar(text, j, c);
  }
  throw syntax(endAt(text), `comment at ${i} not closed`);
}

/** The index of the `]]>` ending the CDATA section whose `<![CDATA[` is at `i` (characters checked). */
export function cdataEnd(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 9; j < n; ) {
    const c = text.charCodeAt(j);
    if (c === C_RBRACKET && text.startsWith(']]>', j)) return j;
    if (c === C_LT && text.charCodeAt(j + 1) === C_BANG) refuseDtdAt(text, j);
    j = anyChar(text, j, c);
  }
  throw syntax(endAt(text), `CDATA section at ${i} not closed`);
}

/** A processing instruction whose `<?` is at `i` (not the XML declaration): skipped; returns the index after `?>`. */
export function processingInstruction(text: string, i: number): number {
  const n = text.length;
  const t = i + 2;
  const e = nameEnd(text, t, false);
  if (e === t) throw t >= n ? syntax(endAt(text), 'input ends in a processing instruction') : syntax(t, 'processing instruction without a target');
  if (e - t === 3 && text.slice(t, e).toLowerCase() === 'xml') throw syntax(t, 'an XML declaration is only allowed at the start of the document');
  const c = text.charCodeAt(e);
  if (c === C_QUESTION && text.charCodeAt(e + 1) === C_GT) return e + 2;
  if (!isS(c)) throw e >= n ? syntax(endAt(text), 'input ends in a processing instruction') : syntax(e, 'disallowed character after a processing instruction target');
  let j = e + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === C_QUESTION && text.charCodeAt(j + 1) === C_GT) return j + 2;
    if (d === C_LT && text.charCodeAt(j + 1) === C_BANG) refuseDtdAt(text, j);
    j = anyChar(text, j, d);
  }
  throw syntax(endAt(text), `processing instruction at ${i} not closed`);
}

const DECL_NAMES = ['version', 'encoding', 'standalone'] as const;
const DECL_VALUES = [/^1\.[0-9]+$/, /^[A-Za-z][A-Za-z0-9._-]*$/, /^(?:yes|no)$/] as const;

/**
 * The XML declaration at offset 0 (`<?xml` and a white space or `?` seen), productions 23–32:
 *   XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>'
 * each `S Name Eq ('"' value '"' | "'" value "'")`, in this order, version required. A wrong name
 * is reported at its end, a wrong value at its closing quote. Returns the index after `?>`.
 */
export function xmlDeclaration(text: string): number {
  const n = text.length;
  let j = 5;
  let next = 0; // the first of DECL_NAMES still allowed
  for (;;) {
    const before = j;
    while (isS(text.charCodeAt(j))) j++;
    if (j >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
    let c = text.charCodeAt(j);
    if (c === C_QUESTION) {
      if (next === 0) throw syntax(j, 'the XML declaration has no version');
      if (j + 1 >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
      if (text.charCodeAt(j + 1) !== C_GT) throw syntax(j + 1, 'the XML declaration does not end with "?>"');
      return j + 2;
    }
    if (j === before) throw syntax(j, 'white space required in the XML declaration');
    // The name is its first character and all up to a white space, `=` or `?` (saxes' reading).
    const ns = j;
    anyChar(text, j, c);
    for (j++; j < n; j++) {
      c = text.charCodeAt(j);
      if (isS(c) || c === C_EQ || c === C_QUESTION) break;
      if (c === C_LT) refuseDtdAt(text, j);
      anyChar(text, j, c);
    }
    if (j >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
    if (c === C_QUESTION) throw syntax(j, 'the XML declaration is incomplete');
    const name = text.slice(ns, j);
    let which = -1;
    for (let m = next; m < DECL_NAMES.length; m++) if (DECL_NAMES[m] === name) which = m;
    if (which < 0 || (which > 0 && next === 0)) throw syntax(j, `expected ${next === 0 ? 'version' : DECL_NAMES.slice(next).join(' or ')} in the XML declaration`);
    while (isS(text.charCodeAt(j))) j++;
    if (j >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
    if (text.charCodeAt(j) !== C_EQ) throw syntax(j, 'expected "=" in the XML declaration');
    j++;
    while (isS(text.charCodeAt(j))) j++;
    if (j >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
    const q = text.charCodeAt(j);
    if (q !== C_DQUOTE && q !== C_SQUOTE) throw syntax(j, 'XML declaration value not quoted');
    const vs = ++j;
    for (; j < n; j++) {
      c = text.charCodeAt(j);
      if (c === q) break;
      if (c === C_QUESTION) throw syntax(j, 'the XML declaration is incomplete');
      if (c === C_LT) refuseDtdAt(text, j);
      anyChar(text, j, c);
    }
    if (j >= n) throw syntax(endAt(text), 'input ends in the XML declaration');
    if (!DECL_VALUES[which]!.test(text.slice(vs, j))) throw syntax(j, `bad ${DECL_NAMES[which]!} value in the XML declaration (at ${vs})`);
    j++;
    next = which + 1;
  }
}

/**
 * The error for an end tag at `i` that does not close the open element `open` (its qualified name
 * and offset; undefined: outside the root), reported at the tag's `>` (as saxes did) or at the
 * character that breaks it.
 */
export function endTagError(text: string, i: number, open: { qname: string; offset: number } | undefined): DecodeError {
  let e = nameEnd(text, i + 2, true);
  const name = text.slice(i + 2, e);
  while (isS(text.charCodeAt(e))) e++;
  if (e >= text.length) return syntax(endAt(text), 'input ends inside an end tag');
  if (text.charCodeAt(e) !== C_GT) return syntax(e, 'disallowed character in an end tag');
  if (open === undefined) return syntax(e, `end tag </${name}> outside the root element`);
  return syntax(e, `end tag </${name}> does not match <${open.qname}> at ${open.offset}`);
}
