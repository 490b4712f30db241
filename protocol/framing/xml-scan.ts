/**
 * The plain-XML frame measurer: finds the `>` that closes a document's root element by scanning
 * markup (tags, comments, CDATA, processing instructions, quoted attribute values) without
 * building a tree. Well-formedness beyond nesting depth (matching names, entities, attribute
 * syntax) is left to the XML decoder.
 *
 * Incremental: {@link PlainXmlMeasurer} keeps where it stopped, relative to the frame start,
 * including inside an unfinished construct (its scan position and open quote), so a document that
 * arrives in many chunks is read once, however long a comment, attribute value or text run gets.
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { FrameMeasurer } from './framer.js';
import { isXmlWhitespace } from './frame-start.js';

const INCOMPLETE = -1;

// ASCII bytes the scanner looks at.
const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const DQUOTE = 0x22; // "
const SQUOTE = 0x27; // '
const LBRACKET = 0x5b; // [
const BOM0 = 0xef;
const BOM1 = 0xbb;
const BOM2 = 0xbf;

const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const PI_CLOSE = Buffer.from('?>');

function isNameStart(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80;
}

/** Whether `buf[at, end)` starts with `pat`: true, false, or undefined while too short to tell. */
function startsWith(buf: Buffer, at: number, end: number, pat: Buffer): boolean | undefined {
  for (let i = 0; i < pat.length; i++) {
    if (at + i >= end) return undefined;
    if (buf[at + i] !== pat[i]) return false;
  }
  return true;
}

export class PlainXmlMeasurer implements FrameMeasurer {
  /** First byte not yet scanned outside any construct, relative to the frame start. */
  private pos = 0;
  private depth = 0;
  private rootSeen = false;
  /** Inside the construct whose `<` is at `pos`: how far it has been scanned (relative), and any open quote. */
  private inner = -1;
  private quote = 0;

  reset(): void {
    this.pos = 0;
    this.depth = 0;
    this.rootSeen = false;
    this.inner = -1;
    this.quote = 0;
  }

  measure(buf: Buffer, start: number, end: number): number {
    for (;;) {
      const p = start + this.pos;
      if (p >= end) return INCOMPLETE;
      const b = buf[p]!;
      if (b !== LT) {
        if (this.depth > 0) {
          // Character data inside the root: skip to the next markup.
          // (A bounded view: an accumulator's bytes past `end` are not data.)
          const i = buf.subarray(p, end).indexOf(LT);
          if (i < 0) {
            this.pos = end - start;
            return INCOMPLETE;
          }
          this.pos = p + i - start;
          continue;
        }
        if (isXmlWhitespace(b)) {
          this.pos++;
          continue;
        }
        if (this.pos === 0 && b === BOM0) {
          if (end - p < 3) return INCOMPLETE;
          if (buf[p + 1] === BOM1 && buf[p + 2] === BOM2) {
            this.pos += 3;
            continue;
          }
        }
        throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'expected an XML document', { expected: '3c', found: b.toString(16).padStart(2, '0') });
      }
      const q = this.construct(buf, p, end);
      if (q === INCOMPLETE) return INCOMPLETE;
      this.inner = -1;
      this.quote = 0;
      this.pos = q - start;
      if (this.depth === 0 && this.rootSeen) return this.pos;
    }
  }

  /** Scans the construct whose `<` is at `p`: index just past it, or -1 (state kept in `inner`). */
  private construct(buf: Buffer, p: number, end: number): number {
    if (p + 1 >= end) return INCOMPLETE;
    const next = buf[p + 1]!;
    if (next === QUESTION) return this.until(buf, PI_CLOSE, p, p + 2, end);
    if (next === BANG) {
      const comment = startsWith(buf, p, end, COMMENT_OPEN);
      if (comment === undefined) return INCOMPLETE;
      if (comment) return this.until(buf, COMMENT_CLOSE, p, p + COMMENT_OPEN.length, end);
      const cdata = startsWith(buf, p, end, CDATA_OPEN);
      if (cdata === undefined) return INCOMPLETE;
      if (cdata && this.depth > 0) return this.until(buf, CDATA_CLOSE, p, p + CDATA_OPEN.length, end);
      if (this.depth === 0 && !this.rootSeen) {
        // <!DOCTYPE ...>: CSTA never uses one; accept it without an internal subset.
        const q = this.tagEnd(buf, p, end);
        if (q !== INCOMPLETE && buf.subarray(p, q).includes(LBRACKET)) {
          throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'DOCTYPE internal subsets are not supported');
        }
        return q;
      }
      throw new DecodeError(DecodeErrorCode.BadSyntax, p, "unexpected '<!'");
    }
    if (next === SLASH) {
      if (this.depth === 0) throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'end tag without a start tag');
      const q = this.tagEnd(buf, p, end);
      if (q !== INCOMPLETE) this.depth--;
      return q;
    }
    if (isNameStart(next)) {
      if (this.depth === 0 && this.rootSeen) throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'second root element');
      const q = this.tagEnd(buf, p, end);
      if (q === INCOMPLETE) return INCOMPLETE;
      this.rootSeen = true;
      if (buf[q - 2] !== SLASH) this.depth++;
      return q;
    }
    throw new DecodeError(DecodeErrorCode.BadSyntax, p + 1, "bad character after '<'", { found: next.toString(16).padStart(2, '0') });
  }

  /** Index just past `close`, searching from `from` (or where the last search stopped), or -1. */
  private until(buf: Buffer, close: Buffer, p: number, from: number, end: number): number {
    const base = p - this.pos; // the frame start
    const resume = this.inner >= 0 ? Math.max(from, base + this.inner - (close.length - 1)) : from;
    const i = resume < end ? buf.subarray(resume, end).indexOf(close) : -1;
    if (i < 0) {
      this.inner = end - base;
      return INCOMPLETE;
    }
    return resume + i + close.length;
  }

  /** Index just past the `>` ending the tag whose `<` is at `p`, skipping quoted values, or -1. */
  private tagEnd(buf: Buffer, p: number, end: number): number {
    const base = p - this.pos;
    let quote = this.inner >= 0 ? this.quote : 0;
    for (let i = this.inner >= 0 ? base + this.inner : p + 1; i < end; i++) {
      const b = buf[i]!;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === DQUOTE || b === SQUOTE) {
        quote = b;
      } else if (b === GT) {
        return i + 1;
      } else if (b === LT) {
        throw new DecodeError(DecodeErrorCode.BadSyntax, i, "'<' inside a tag");
      }
    }
    this.inner = end - base;
    this.quote = quote;
    return INCOMPLETE;
  }
}

/** The stateless plain-XML measure: a fresh scan from `start`. */
export function measurePlainXml(buf: Buffer, start: number, end: number): number {
  return new PlainXmlMeasurer().measure(buf, start, end);
}
