/**
 * A small streaming XML writer: elements with attributes and text, compact or indented. Empty
 * elements are written as `<name/>`. Values are escaped here; callers pass plain strings.
 */
import { EncodeError, EncodeErrorCode } from '../errors.js';
import { escapeAttr, escapeText, isXmlSafe } from './text.js';

export type XmlAttributes = readonly (readonly [string, string])[];

export class XmlWriter {
  private out = '';
  /** Names of the open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Start tag written up to its attributes, waiting for `>` or `/>`. */
  private pending = false;

  constructor(private readonly indent: string) {}

  private newline(): void {
    if (this.indent !== '' && this.out.length > 0) this.out += '\n' + this.indent.repeat(this.stack.length);
  }

  private flushPending(): void {
    if (this.pending) {
      this.out += '>';
      this.pending = false;
    }
  }

  private startTag(name: string, attrs: XmlAttributes | undefined): void {
    this.flushPending();
    this.newline();
    this.out += '<' + name;
    if (attrs !== undefined) {
      for (const [k, v] of attrs) {
        checkSafe(v, `attribute ${k} of <${name}>`);
        this.out += ` ${k}="${escapeAttr(v)}"`;
      }
    }
  }

  /** Writes raw markup (the XML declaration). */
  raw(s: string): void {
    this.out += s;
  }

  /** Writes well-formed XML kept from a decoded message (`$xml`, vendor private data) inside the open element. */
  content(xml: string): void {
    this.flushPending();
    this.newline();
    this.out += xml;
  }

  /** Opens an element whose content follows (child elements). */
  open(name: string, attrs?: XmlAttributes): void {
    this.startTag(name, attrs);
    this.stack.push(name);
    this.pending = true;
  }

  /** Closes the innermost open element (as `<name/>` if nothing was written inside). */
  close(): void {
    const top = this.stack.pop();
    if (top === undefined) throw new Error('XmlWriter: close() without open()');
    if (this.pending) {
      this.out += '/>';
      this.pending = false;
      return;
    }
    this.newline();
    this.out += `</${top}>`;
  }

  /** Writes `<name attrs>text</name>`, or `<name attrs/>` for empty text. */
  leaf(name: string, text: string, attrs?: XmlAttributes): void {
    this.startTag(name, attrs);
    if (text === '') {
      this.out += '/>';
      return;
    }
    checkSafe(text, `<${name}>`);
    this.out += '>' + escapeText(text) + `</${name}>`;
  }

  finish(): string {
    if (this.stack.length !== 0) throw new Error('XmlWriter: unclosed elements');
    const s = this.out;
    this.out = '';
    return s;
  }
}

function checkSafe(s: string, where: string): void {
  if (!isXmlSafe(s)) throw new EncodeError(EncodeErrorCode.BadValue, `${where} contains a character XML 1.0 cannot carry`);
}
