/**
 * A strict, non-validating XML 1.0 reader specialised for parse.ts: one pass over the decoded
 * string with charCodeAt that builds the element tree directly (no events, no callbacks). Names,
 * values and text are sliced out of the source; references are expanded, and line ends and
 * attribute white space normalised, only where a `&`, CR, TAB or LF is present.
 *
 * Hand-written rather than saxes because saxes alone capped the XML session path at ~90k events/s
 * (per-character state machine, a string built per name, an event per token); saxes stays the
 * oracle in the tests (test/protocol/xml/tokenizer.test.ts compares the two).
 *
 * What it accepts is XML 1.0 (Fifth Edition) well-formed documents without a DTD (DTD markup is
 * refused wherever a `<!` is read, even in a comment: markup.ts), with these productions (numbers
 * from XML 1.0):
 *   [1]  document  ::= prolog element Misc*
 *   [22] prolog    ::= XMLDecl? Misc*                      (no doctypedecl)
 *   [23] XMLDecl   ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>'   (only at offset 0)
 *   [27] Misc      ::= Comment | PI | S
 *   [15] Comment   ::= '<!--' ((Char - '-') | ('-' (Char - '-')))* '-->'
 *   [16] PI        ::= '<?' PITarget (S (Char* - (Char* '?>' Char*)))? '?>'   (target not 'xml' in any case)
 *   [39] element   ::= EmptyElemTag | STag content ETag   (ETag's Name must match STag's)
 *   [41] Attribute ::= Name Eq AttValue                  (a Name at most once per tag)
 *   [43] content   ::= CharData? ((element | Reference | CDSect | PI | Comment) CharData?)*
 *   [14] CharData  ::= [^<&]* - ([^<&]* ']]>' [^<&]*)
 *   [67] Reference ::= EntityRef | CharRef   (EntityRef only lt, gt, amp, quot, apos; CharRef to a Char)
 * Every character must be a Char (chars.ts); a lone surrogate is refused where it is. Names are
 * not split or checked as QNames (xmlns off): an element's prefix is what precedes its first `:`.
 * The version number is checked (1.x) but the document is always read by XML 1.0's rules.
 *
 * Errors are DecodeError BAD_SYNTAX (TOO_DEEP for the depth limit) at the offset of the character
 * where the document stops being well-formed (its last character when it ends early).
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { XmlElement } from './parse.js';
import * as chars from './chars.js';
import * as markup from './markup.js';

// Local bindings: a loader that compiles modules to CommonJS (tsx, for tests and benchmarks) turns
// every imported name into a getter call, which costs in the per-character loops.
const { AMP, ASCII_NAME, ATTR_CLASS, BAD, CR, GT, LT, NAME_CHAR, NAME_START, PLAIN, QUOT, TEXT_CLASS } = chars;
const { cdataEnd, comment, endTagError, processingInstruction, refuseDtdAt, xmlDeclaration } = markup;
const { anyChar, badControl, endAt, highChar, isNameCharHigh, isNameStartHigh, isS, isXmlChar, syntax } = chars;

const C_LT = 0x3c;
const C_GT = 0x3e;
const C_SLASH = 0x2f;
const C_BANG = 0x21;
const C_QUESTION = 0x3f;
const C_EQ = 0x3d;
const C_COLON = 0x3a;
const C_RBRACKET = 0x5d;
const C_SEMI = 0x3b;
const C_HASH = 0x23;
const C_DQUOTE = 0x22;
const C_SQUOTE = 0x27;

/** An element being built: the XmlElement itself, mutable until its end tag is read. */
interface Building {
  name: string;
  prefix: string | undefined;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  offset: number;
  end: number;
}

const EMPTY_ATTRS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);
/** Shared by every element without children (most are leaves), replaced at the first child. */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

// ---------------------------------------------------------------------------------------------
// Names, interned

/**
 * Element and attribute names repeat from message to message: a direct-mapped cache returns the
 * strings already made for the same characters (the qualified name as written, its local part
 * and prefix), so repeated names are the same string objects (no allocation, and the Map and
 * property lookups downstream hit their cached hash). The slot is chosen by the length and a few
 * of the characters, and a hit is verified by comparing the whole name (a slice compared with ===:
 * startsWith with a position is not inlined and cost more than the rest of the lookup), so a
 * collision only replaces the slot. Bounded: NAME_SLOTS entries of names of at most NAME_MAX
 * characters, each a copy (not a slice that would keep a whole document alive).
 */
const NAME_SLOTS = 1 << 10;
const NAME_BITS = 10;
const NAME_MAX = 64;
const QNAMES: string[] = new Array<string>(NAME_SLOTS).fill('');
const LOCALS: string[] = new Array<string>(NAME_SLOTS).fill('');
const PREFIXES: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);

/** A copy of text[a, b) that does not share the document's storage. */
function copyOf(text: string, a: number, b: number): string {
  // A flat string of its own: V8 makes a slice of 13 characters or more a view of the document.
  const codes: number[] = [];
  for (let k = a; k < b; k++) codes.push(text.charCodeAt(k));
  return String.fromCharCode.apply(null, codes);
}

/**
 * The cache slot holding the name text[start, end) (`colon` its first ':' or -1), filled on a miss; -1 for a name longer than NAME_MAX (not cached).
 */
function nameSlot(text: string, start: number, end: number, colon: number): number {
  const len = end - start;
  if (len > NAME_MAX) return -1;
  // The length and five characters: schema names that share all of them are rare (and only
  // share a slot; the comparison below keeps a hit exact).
  const k = text.charCodeAt(start) | (text.charCodeAt(end - 1) << 16);
  const l = text.charCodeAt(start + 1) ^ (text.charCodeAt(end - 2) << 8) ^ (text.charCodeAt(start + (len >> 1)) << 16) ^ (len << 24);
  const slot = Math.imul(k ^ Math.imul(l, 0x27d4eb2d), 0x9e3779b1) >>> (32 - NAME_BITS);
  const cached = QNAMES[slot]!;
  if (cached.length === len && text.slice(start, end) === cached) return slot;
  const q = copyOf(text, start, end);
  QNAMES[slot] = q;
  LOCALS[slot] = colon < 0 ? q : copyOf(text, colon + 1, end);
  PREFIXES[slot] = colon < 0 ? undefined : copyOf(text, start, colon);
  return slot;
}

// Result of scanName, read by its callers (module state: no object per name).
let colonAt = -1; // index of the name's first ':', or -1

/**
 * Scans a Name (production 5) from `i`; returns its end (`i` when no NameStartChar is there).
 * Sets colonAt.
 */
function scanName(text: string, i: number): number {
  const n = text.length;
  colonAt = -1;
  const first = i;
  while (i < n) {
    let c = text.charCodeAt(i);
    let width = 1;
    if (c < 128) {
      if ((ASCII_NAME[c]! & (i === first ? NAME_START : NAME_CHAR)) === 0) break;
      if (c === C_COLON && colonAt < 0) colonAt = i;
    } else {
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) break;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        width = 2;
      }
      if (!(i === first ? isNameStartHigh(c) : isNameCharHigh(c))) break;
    }
    i += width;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Characters and references

/** The character a reference stands for, set by reference(). */
let refValue = '';

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

/**
 * Reads the reference whose `&` is at `i` (production 67): sets refValue and returns the index
 * after its `;`. Only the five predefined entities and character references to a Char.
 */
function reference(text: string, i: number): number {
  const c = text.charCodeAt(i + 1);
  if (c === C_HASH) {
    let j = i + 2;
    let v = 0;
    const hex = text.charCodeAt(j) === 0x78;
    if (hex) j++;
    const digitsAt = j;
    for (;;) {
      const d = text.charCodeAt(j);
      const x = hex ? hexDigit(d) : d >= 0x30 && d <= 0x39 ? d - 0x30 : -1;
      if (x < 0) break;
      v = Math.min(v * (hex ? 16 : 10) + x, 0x110000);
      j++;
    }
    if (j === digitsAt || text.charCodeAt(j) !== C_SEMI) throw syntax(j, 'malformed character reference');
    if (!isXmlChar(v)) throw syntax(i, `character reference ${text.slice(i, j + 1)} is to a character XML does not allow`);
    refValue = String.fromCodePoint(v);
    return j + 1;
  }
  const c2 = text.charCodeAt(i + 2);
  const c3 = text.charCodeAt(i + 3);
  switch (c) {
    case 0x6c: // &lt;
      if (c2 === 0x74 && c3 === C_SEMI) {
        refValue = '<';
        return i + 4;
      }
      break;
    case 0x67: // &gt;
      if (c2 === 0x74 && c3 === C_SEMI) {
        refValue = '>';
        return i + 4;
      }
      break;
    case 0x61: // &amp; &apos;
      if (c2 === 0x6d && c3 === 0x70 && text.charCodeAt(i + 4) === C_SEMI) {
        refValue = '&';
        return i + 5;
      }
      if (c2 === 0x70 && c3 === 0x6f && text.charCodeAt(i + 4) === 0x73 && text.charCodeAt(i + 5) === C_SEMI) {
        refValue = "'";
        return i + 6;
      }
      break;
    case 0x71: // &quot;
      if (c2 === 0x75 && c3 === 0x6f && text.charCodeAt(i + 4) === 0x74 && text.charCodeAt(i + 5) === C_SEMI) {
        refValue = '"';
        return i + 6;
      }
      break;
    default:
  }
  throw syntax(i, 'undefined entity reference (only &lt; &gt; &amp; &quot; &apos; and character references)');
}

const CR_LF = /\r\n?/g;
const ATTR_WS = /\r\n|[\t\n\r]/g;
/**
 * Longer than this, a normalisation is done by split/join instead of a global regex replace:
 * V8's replace is fastest on short strings but superlinear on megabyte ones with many matches.
 */
const REPLACE_MAX = 512;

/** Character data from `a` to `b` with CRLF and CR read as LF (XML 1.0 §2.11). */
function textSlice(text: string, a: number, b: number, cr: boolean): string {
  const s = text.slice(a, b);
  if (!cr) return s;
  return b - a <= REPLACE_MAX ? s.replace(CR_LF, '\n') : s.split('\r\n').join('\n').split('\r').join('\n');
}

/** Attribute value characters from `a` to `b` with TAB, LF, CR and CRLF read as one space (§3.3.3). */
function attrSlice(text: string, a: number, b: number, ws: boolean): string {
  let s = text.slice(a, b);
  if (!ws) return s;
  if (b - a <= REPLACE_MAX) return s.replace(ATTR_WS, ' ');
  if (s.includes('\r')) s = s.split('\r\n').join(' ').split('\r').join(' ');
  return s.split('\n').join(' ').split('\t').join(' ');
}

function appendText(el: Building, piece: string): void {
  if (piece.length !== 0) el.text = el.text.length === 0 ? piece : el.text + piece;
}

// ---------------------------------------------------------------------------------------------
// Character data, comments, PIs, CDATA

/** Character data inside `el` from `i`: appended to its text; returns the index of the next `<` (or the end). */
function charData(text: string, i: number, el: Building): number {
  const n = text.length;
  let start = i;
  let out = '';
  let cr = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = TEXT_CLASS[c]!;
      if (k === PLAIN) {
        i++;
        continue;
      }
      if (k === LT) break;
      if (k === AMP) {
        out += textSlice(text, start, i, cr);
        cr = false;
        i = reference(text, i);
        out += refValue;
        start = i;
      } else if (k === GT) {
        if (text.charCodeAt(i - 1) === C_RBRACKET && text.charCodeAt(i - 2) === C_RBRACKET) throw syntax(i, '"]]>" is not allowed in character data');
        i++;
      } else if (k === CR) {
        cr = true;
        i++;
      } else throw badControl(i, c);
    } else if (c < 0xd800) i++;
    else i = highChar(text, i, c);
  }
  appendText(el, out.length === 0 ? textSlice(text, start, i, cr) : out + textSlice(text, start, i, cr));
  return i;
}

/** White space outside the root element from `i`: returns the index of the next `<` (or the end). */
function outsideRoot(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === C_LT) return i;
    if (!isS(c)) {
      anyChar(text, i, c);
      throw syntax(i, 'text outside the root element');
    }
    i++;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Tags

/** The element read by startTag() and whether it was an empty-element tag. */
let tagElement: Building | undefined;
let tagEmpty = false;
let tagQname = ''; // the qualified name as written

function endOr(text: string, j: number, message: string): DecodeError {
  return j >= text.length ? syntax(endAt(text), 'input ends inside a tag') : syntax(j, message);
}

/**
 * A start tag (or empty-element tag) whose `<` is at `i`, at nesting depth `depth` (its parent's
 * count of ancestors + 1). Sets tagElement and tagEmpty; returns the index after its `>`.
 */
function startTag(text: string, i: number, depth: number, maxDepth: number, afterRoot: boolean): number {
  const n = text.length;
  let j = i + 1;
  const nameEnd = scanName(text, j);
  if (nameEnd === j) throw endOr(text, j, 'disallowed character at the start of a tag name');
  if (nameEnd >= n) throw syntax(endAt(text), 'input ends inside a tag');
  if (depth > maxDepth) throw new DecodeError(DecodeErrorCode.TooDeep, i, `XML nests deeper than maxDepth ${maxDepth}`);
  if (afterRoot) throw syntax(nameEnd, 'a second element after the root element');
  let name: string;
  let prefix: string | undefined;
  const slot = nameSlot(text, j, nameEnd, colonAt);
  if (slot >= 0) {
    name = LOCALS[slot]!;
    prefix = PREFIXES[slot];
    tagQname = QNAMES[slot]!;
  } else {
    tagQname = text.slice(j, nameEnd);
    name = colonAt < 0 ? tagQname : text.slice(colonAt + 1, nameEnd);
    prefix = colonAt < 0 ? undefined : text.slice(j, colonAt);
  }
  j = nameEnd;
  let attrs = EMPTY_ATTRS;
  let repeated = -1;
  let repeatedName = '';
  let afterValue = false;
  for (;;) {
    let c = text.charCodeAt(j);
    if (c === C_GT) {
      j++;
      tagEmpty = false;
      break;
    }
    if (c === C_SLASH) {
      if (text.charCodeAt(j + 1) !== C_GT) throw endOr(text, j + 1, '"/" in a tag not followed by ">"');
      j += 2;
      tagEmpty = true;
      break;
    }
    if (!isS(c)) {
      if (afterValue && scanName(text, j) > j) throw syntax(j, 'no white space between attributes');
      throw endOr(text, j, afterValue || j !== nameEnd ? 'disallowed character in attribute name' : 'disallowed character in tag name');
    }
    do j++;
    while (isS(text.charCodeAt(j)));
    c = text.charCodeAt(j);
    if (c === C_GT || c === C_SLASH) continue;
    // Attribute ::= Name Eq AttValue
    const an = j;
    const ae = scanName(text, j);
    if (ae === an) throw endOr(text, j, 'disallowed character in attribute name');
    const as = nameSlot(text, an, ae, colonAt);
    const attrName = as >= 0 ? QNAMES[as]! : text.slice(an, ae);
    j = ae;
    while (isS(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== C_EQ) throw endOr(text, j, `attribute ${attrName} without a value`);
    j++;
    while (isS(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (q !== C_DQUOTE && q !== C_SQUOTE) throw endOr(text, j, 'attribute value not quoted');
    let vs = ++j;
    let out = '';
    let ws = false;
    for (;;) {
      if (j >= n) throw syntax(endAt(text), 'input ends inside a tag');
      const d = text.charCodeAt(j);
      if (d < 128) {
        const k = ATTR_CLASS[d]!;
        if (k === PLAIN) j++;
        else if (k === QUOT) {
          if (d === q) break;
          j++;
        } else if (k === AMP) {
          out += attrSlice(text, vs, j, ws);
          ws = false;
          j = reference(text, j);
          out += refValue;
          vs = j;
        } else if (k === LT) throw syntax(j, '"<" in an attribute value');
        else if (k === BAD) throw badControl(j, d);
        else {
          ws = true; // WS or CR
          j++;
        }
      } else if (d < 0xd800) j++;
      else j = highChar(text, j, d);
    }
    const value = out.length === 0 ? attrSlice(text, vs, j, ws) : out + attrSlice(text, vs, j, ws);
    j++;
    if (attrs === EMPTY_ATTRS) attrs = Object.create(null) as Record<string, string>;
    if (attrs[attrName] !== undefined) {
      if (repeated < 0) {
        repeated = an;
        repeatedName = attrName;
      }
    } else attrs[attrName] = value;
    afterValue = true;
  }
  // Reported once the tag is read, where saxes reported it (a broken tag is reported first).
  if (repeated >= 0) throw syntax(j - 1, `attribute ${repeatedName} repeated (at ${repeated})`);
  tagElement = { name, prefix, attrs, children: NO_CHILDREN, text: '', offset: i, end: tagEmpty ? j : 0 };
  return j;
}

function qualified(el: Building): string {
  return el.prefix === undefined ? el.name : `${el.prefix}:${el.name}`;
}

/** The index after the end tag at `i` if it closes the element named `qname` (its `>` or white space next), else -1. */
function endTagMatch(text: string, i: number, qname: string): number {
  const k = i + 2;
  let e = k + qname.length;
  if (text.slice(k, e) !== qname) return -1;
  let c = text.charCodeAt(e);
  if (c === C_GT) return e + 1;
  if (!isS(c)) return -1;
  do c = text.charCodeAt(++e);
  while (isS(c));
  return c === C_GT ? e + 1 : -1;
}

// ---------------------------------------------------------------------------------------------
// The document

/**
 * Reads the document `text` (BOM already removed) into its root element; elements nested deeper
 * than `maxDepth` (the root is depth 1) are refused with TOO_DEEP at their start tag.
 */
export function readDocument(text: string, maxDepth: number): XmlElement {
  const n = text.length;
  const stack: Building[] = [];
  const qnames: string[] = []; // each open element's qualified name
  let top: Building | undefined;
  let topQname = '';
  let root: Building | undefined;
  let i = 0;
  if (text.startsWith('<?xml') && (isS(text.charCodeAt(5)) || text.charCodeAt(5) === C_QUESTION)) i = xmlDeclaration(text);
  for (;;) {
    i = top === undefined ? outsideRoot(text, i) : charData(text, i, top);
    if (i >= n) break;
    const c = text.charCodeAt(i + 1);
    if (c === C_SLASH) {
      if (top === undefined) throw endTagError(text, i, undefined);
      const end = endTagMatch(text, i, topQname);
      if (end < 0) throw endTagError(text, i, { qname: qualified(top), offset: top.offset });
      const el = top;
      el.end = end;
      stack.pop();
      qnames.pop();
      top = stack.length === 0 ? undefined : stack[stack.length - 1];
      topQname = qnames.length === 0 ? '' : qnames[qnames.length - 1]!;
      if (top === undefined) root = el;
      else if (top.children === NO_CHILDREN) top.children = [el];
      else top.children.push(el);
      i = end;
    } else if (c === C_BANG) {
      if (text.startsWith('--', i + 2)) i = comment(text, i);
      else if (text.startsWith('[CDATA[', i + 2)) {
        if (top === undefined) throw syntax(i, 'CDATA section outside the root element');
        const end = cdataEnd(text, i);
        appendText(top, textSlice(text, i + 9, end, text.slice(i + 9, end).includes('\r')));
        i = end + 3;
      } else {
        refuseDtdAt(text, i);
        throw i + 2 >= n ? syntax(endAt(text), 'input ends in markup') : syntax(i + 2, 'unknown markup after "<!" (only comments and CDATA sections)');
      }
    } else if (c === C_QUESTION) {
      i = processingInstruction(text, i);
    } else {
      i = startTag(text, i, stack.length + 1, maxDepth, root !== undefined);
      const el = tagElement!;
      tagElement = undefined;
      if (!tagEmpty) {
        stack.push(el);
        qnames.push(tagQname);
        top = el;
        topQname = tagQname;
      } else if (top === undefined) root = el;
      else if (top.children === NO_CHILDREN) top.children = [el];
      else top.children.push(el);
    }
  }
  if (top !== undefined) {
    throw syntax(endAt(text), `input ends before the end tag of <${qualified(top)}> at ${top.offset}`);
  }
  if (root === undefined) throw syntax(endAt(text), 'no root element');
  return root;
}
