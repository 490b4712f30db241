/**
 * The XML document reader as it was before protocol/xml/tokenizer.ts: saxes (a strict, conforming
 * XML 1.0 tokeniser) with handlers that build the same XmlElement tree and add the same limits.
 * Kept, unchanged but for its imports and saxes forced to XML 1.0 rules (the new reader reads
 * every 1.x document by XML 1.0's rules), as the oracle of test/protocol/xml/tokenizer.test.ts.
 * The size bound and bytes to text go through parse.ts's own documentText: the oracle checks the
 * tokenizer, not the byte decoding (which tokenizer-refusals.test.ts tests on its own).
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { DecodeError, DecodeErrorCode } from '../../protocol/errors.js';
import { documentText } from '../../protocol/xml/parse.js';
import type { XmlDocument, XmlElement, XmlParseLimits } from '../../protocol/xml/parse.js';




const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const DTD_MARKUP_AT = /<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/iy;

/**
 * Offset of the first markup declaration (`<!DOCTYPE`, `<!ENTITY`, ...), or -1. Declarations start with `<!`, so
 * the regex only runs where `<!` occurs (comments and CDATA do; most messages have neither),
 * anchored there, instead of over the whole text.
 */
function dtdMarkupAt(text: string): number {
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    DTD_MARKUP_AT.lastIndex = i;
    if (DTD_MARKUP_AT.test(text)) return i;
  }
  return -1;
}

function syntax(offset: number, message: string): DecodeError {
  return new DecodeError(DecodeErrorCode.BadSyntax, offset, message);
}



/** An element being built: the XmlElement itself, mutable until its end tag is read. */
interface OpenElement {
  name: string;
  prefix: string | undefined;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  offset: number;
  end: number;
}

const EMPTY_ATTRS: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

/** saxes' message without its `line:column: ` prefix (the offset says where). */
function saxesMessage(e: Error): string {
  return e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
}

/** The state of the document being parsed, read by the parser's handlers. */
interface ParseState {
  text: string;
  limits: XmlParseLimits;
  stack: OpenElement[];
  root: XmlElement | undefined;
  start: number;
}

/**
 * A parser with its handlers, reused from document to document (saxes re-initialises itself at
 * close(); building one and registering its handlers cost as much as parsing a small message).
 * Dropped after any error, so a parser is only reused after a clean end.
 */
interface Reader {
  readonly parser: SaxesParser;
  readonly state: ParseState;
}
let idle: Reader | undefined;

function createReader(): Reader {
  const parser = new SaxesParser({ position: true, xmlns: false, forceXMLVersion: true, defaultXMLVersion: '1.0' });
  const st: ParseState = { text: '', limits: { maxFrameSize: 0, maxDepth: 0 }, stack: [], root: undefined, start: 0 };
  parser.on('opentagstart', () => {
    // position is just past the name; the `<` is the last one before it.
    st.start = st.text.lastIndexOf('<', parser.position - 1);
    if (st.stack.length + 1 > st.limits.maxDepth) throw new DecodeError(DecodeErrorCode.TooDeep, st.start, `XML nests deeper than maxDepth ${st.limits.maxDepth}`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const q = tag.name;
    const i = q.indexOf(':');
    let attrs: Record<string, string> = EMPTY_ATTRS;
    for (const k in tag.attributes) {
      if (attrs === EMPTY_ATTRS) attrs = Object.create(null) as Record<string, string>;
      attrs[k] = tag.attributes[k]!;
    }
    st.stack.push({
      name: i < 0 ? q : q.slice(i + 1),
      prefix: i < 0 ? undefined : q.slice(0, i),
      attrs,
      children: [],
      text: '',
      offset: st.start,
      end: 0,
    });
  });
  parser.on('text', (t: string) => {
    const top = st.stack[st.stack.length - 1];
    if (top !== undefined) top.text += t;
    else if (!/^[ \t\r\n]*$/.test(t)) throw syntax(Math.max(0, parser.position - t.length), 'text outside the root element');
  });
  parser.on('cdata', (t: string) => {
    const top = st.stack[st.stack.length - 1];
    if (top === undefined) throw syntax(parser.position, 'CDATA outside the root element');
    top.text += t;
  });
  parser.on('closetag', () => {
    const el = st.stack.pop()!;
    el.end = parser.position;
    const parent = st.stack[st.stack.length - 1];
    if (parent !== undefined) parent.children.push(el);
    else st.root = el;
  });
  parser.on('error', (e: Error) => {
    throw syntax(Math.min(st.text.length, Math.max(0, parser.position - 1)), `malformed XML: ${saxesMessage(e)}`);
  });
  return { parser, state: st };
}

/**
 * Parses a complete XML document into its root element. Throws {@link DecodeError} only.
 */
export function parseXmlDocument(input: string | Uint8Array, limits: XmlParseLimits): XmlDocument {
  const text = documentText(input, limits);
  // saxes checks every other character XML 1.0 forbids; a lone surrogate only a string can hold.
  if (typeof input === 'string') {
    const lone = LONE_SURROGATE.exec(text);
    if (lone !== null) throw syntax(lone.index, 'malformed XML: a lone surrogate is not a character');
  }
  const dtd = dtdMarkupAt(text);
  if (dtd >= 0) throw syntax(dtd, 'DTD declarations (DOCTYPE, ENTITY, ...) are not accepted');

  const reader = idle ?? createReader();
  idle = undefined;
  const { parser, state } = reader;
  state.text = text;
  state.limits = limits;
  state.stack = [];
  state.root = undefined;
  state.start = 0;
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    throw syntax(Math.min(text.length, parser.position), `malformed XML: ${e instanceof Error ? saxesMessage(e) : String(e)}`);
  }
  const root = state.root as XmlElement | undefined;
  // Clean end: the parser re-initialised itself in close(); keep it (without this document).
  state.text = '';
  state.root = undefined;
  idle = reader;
  if (root === undefined) throw syntax(0, 'no root element');
  return { root, text };
}

