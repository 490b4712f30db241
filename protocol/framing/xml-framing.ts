/**
 * The framings PBXs use for CSTA-XML (ECMA-323) over TCP:
 *
 * - `header`: each XML message is preceded by an 8-byte header
 *   ```
 *   | 0 1            | 2 3                        | 4 5 6 7               | 8 ...       |
 *   | format 0x0000  | total length, big-endian,  | invoke id, 4 ASCII    | XML message |
 *   |                | header INCLUDED            | characters, e.g. 0001 |             |
 *   ```
 *   Confirmed against a public client implementation (f-me/dmcc, `src/DMCC/XML/Raw.hs`, an Avaya
 *   AES DMCC client): it writes `putWord16be 0`, `putWord16be (8 + length body)` and the invoke id
 *   as `printf "%04d"`, and reads the header as "skip 2 (version), word16be length, 4-byte invoke
 *   id" followed by `length - 8` bytes of XML. The wording of ECMA-323's own annex on TCP transport
 *   was not available to check; the layout above is what the implementation shows.
 * - `plain`: no header; XML documents back to back, each optionally preceded by an `<?xml ...?>`
 *   declaration (and whitespace, a BOM, comments or processing instructions). A frame ends with the
 *   `>` that closes the root element.
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { Framer } from './framer.js';
import type { FrameCallback, FrameErrorCallback, FrameSpec, FramerOptions } from './framer.js';

export const XmlFraming = {
  header: 'header',
  plain: 'plain',
} as const;
export type XmlFraming = (typeof XmlFraming)[keyof typeof XmlFraming];

/** Size of the CSTA-XML TCP header. */
export const XML_HEADER_SIZE = 8;
/** Value of the first two header bytes (the "format"/"version" indicator). */
export const XML_HEADER_FORMAT = 0x0000;
const INVOKE_ID_LENGTH = 4;
const MAX_HEADED_FRAME = 0xffff;
const INCOMPLETE = -1;

// ASCII bytes the plain-XML scanner looks at.
const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const DQUOTE = 0x22; // "
const SQUOTE = 0x27; // '
const LBRACKET = 0x5b; // [
const BOM = [0xef, 0xbb, 0xbf] as const;

const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const PI_CLOSE = Buffer.from('?>');

/** Measures a headed frame: the length field counts the whole frame, header included. */
function measureHeaded(buf: Buffer, start: number, end: number): number {
  if (end - start < 4) return INCOMPLETE;
  const format = buf.readUInt16BE(start);
  if (format !== XML_HEADER_FORMAT) {
    throw new DecodeError(DecodeErrorCode.BadSyntax, start, 'CSTA-XML header does not start with 0x0000', {
      expected: '0000',
      found: format.toString(16).padStart(4, '0'),
    });
  }
  const length = buf.readUInt16BE(start + 2);
  if (length < XML_HEADER_SIZE) {
    throw new DecodeError(DecodeErrorCode.BadLength, start + 2, `CSTA-XML header length ${length} is shorter than the header itself`);
  }
  return length;
}

export function isXmlWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function isNameStart(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80;
}

/** Index just past `pat` if it occurs in `buf[from, end)`, else -1. */
function after(buf: Buffer, pat: Buffer, from: number, end: number): number {
  if (from >= end) return INCOMPLETE;
  const i = buf.subarray(from, end).indexOf(pat);
  return i < 0 ? INCOMPLETE : from + i + pat.length;
}

/** Whether `buf[at, end)` starts with `pat`: true, false, or undefined while too short to tell. */
function startsWith(buf: Buffer, at: number, end: number, pat: Buffer): boolean | undefined {
  for (let i = 0; i < pat.length; i++) {
    if (at + i >= end) return undefined;
    if (buf[at + i] !== pat[i]) return false;
  }
  return true;
}

/** Index just past the `>` ending a start or end tag whose `<` is at `lt`, or -1. Skips quoted values. */
function tagEnd(buf: Buffer, lt: number, end: number): number {
  let quote = 0;
  for (let p = lt + 1; p < end; p++) {
    const b = buf[p]!;
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === DQUOTE || b === SQUOTE) {
      quote = b;
    } else if (b === GT) {
      return p + 1;
    } else if (b === LT) {
      throw new DecodeError(DecodeErrorCode.BadSyntax, p, "'<' inside a tag");
    }
  }
  return INCOMPLETE;
}

/** Where the plain-XML scanner stopped, so a later call on the same, longer input can resume. */
interface ScanState {
  buf: Buffer | null;
  start: number;
  /** First byte not yet scanned: always outside any markup construct. */
  pos: number;
  depth: number;
  rootSeen: boolean;
}

/**
 * The plain framing's measure function. It scans markup (tags, comments, CDATA, processing
 * instructions, quoted attribute values) without building a tree and returns the length up to the
 * `>` closing the root element, or -1 until that has arrived. Well-formedness beyond nesting depth
 * (matching names, entities, attribute syntax) is left to the XML decoder.
 *
 * The scanner keeps its position between calls on the same growing buffer (the Framer re-measures
 * its accumulator after every chunk), so feeding a large document in tiny chunks stays linear
 * except within a single unfinished construct. That is why each Framer needs its own spec: use
 * {@link createXmlFrameSpec}.
 */
function createPlainMeasure(): (buf: Buffer, start: number, end: number) => number {
  const st: ScanState = { buf: null, start: 0, pos: 0, depth: 0, rootSeen: false };
  return (buf, start, end) => {
    if (st.buf !== buf || st.start !== start || st.pos > end) {
      st.buf = buf;
      st.start = start;
      st.pos = start;
      st.depth = 0;
      st.rootSeen = false;
    }
    const r = scanPlain(buf, start, end, st);
    if (r !== INCOMPLETE) st.buf = null; // done with this frame: never resume into it
    return r;
  };
}

function scanPlain(buf: Buffer, start: number, end: number, st: ScanState): number {
  let p = st.pos;
  for (;;) {
    st.pos = p;
    if (p >= end) return INCOMPLETE;
    const b = buf[p]!;
    if (b !== LT) {
      if (st.depth > 0) {
        // Character data inside the root: skip to the next markup.
        const i = buf.subarray(p, end).indexOf(LT);
        if (i < 0) {
          st.pos = end;
          return INCOMPLETE;
        }
        p += i;
        continue;
      }
      if (isXmlWhitespace(b)) {
        p++;
        continue;
      }
      if (p === start && b === BOM[0]) {
        if (end - p < 3) return INCOMPLETE;
        if (buf[p + 1] === BOM[1] && buf[p + 2] === BOM[2]) {
          p += 3;
          continue;
        }
      }
      throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'expected an XML document', { expected: '3c', found: b.toString(16).padStart(2, '0') });
    }
    if (p + 1 >= end) return INCOMPLETE;
    const next = buf[p + 1]!;
    let q: number;
    if (next === QUESTION) {
      q = after(buf, PI_CLOSE, p + 2, end);
    } else if (next === BANG) {
      const comment = startsWith(buf, p, end, COMMENT_OPEN);
      if (comment === undefined) return INCOMPLETE;
      if (comment) {
        q = after(buf, COMMENT_CLOSE, p + 4, end);
      } else {
        const cdata = startsWith(buf, p, end, CDATA_OPEN);
        if (cdata === undefined) return INCOMPLETE;
        if (cdata && st.depth > 0) {
          q = after(buf, CDATA_CLOSE, p + CDATA_OPEN.length, end);
        } else if (st.depth === 0 && !st.rootSeen) {
          // <!DOCTYPE ...>: CSTA never uses one; accept it without an internal subset.
          q = tagEnd(buf, p, end);
          if (q !== INCOMPLETE && buf.subarray(p, q).includes(LBRACKET)) {
            throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'DOCTYPE internal subsets are not supported');
          }
        } else {
          throw new DecodeError(DecodeErrorCode.BadSyntax, p, "unexpected '<!'");
        }
      }
    } else if (next === SLASH) {
      if (st.depth === 0) throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'end tag without a start tag');
      q = tagEnd(buf, p, end);
      if (q === INCOMPLETE) return INCOMPLETE;
      if (--st.depth === 0) return q - start;
      p = q;
      continue;
    } else if (isNameStart(next)) {
      if (st.depth === 0 && st.rootSeen) throw new DecodeError(DecodeErrorCode.BadSyntax, p, 'second root element');
      q = tagEnd(buf, p, end);
      if (q === INCOMPLETE) return INCOMPLETE;
      st.rootSeen = true;
      if (buf[q - 2] !== SLASH) st.depth++;
      else if (st.depth === 0) return q - start; // self-closing root: <Empty/>
      p = q;
      continue;
    } else {
      throw new DecodeError(DecodeErrorCode.BadSyntax, p + 1, "bad character after '<'", { found: next.toString(16).padStart(2, '0') });
    }
    if (q === INCOMPLETE) return INCOMPLETE;
    p = q;
  }
}

/**
 * A fresh FrameSpec for one Framer. The plain spec carries scanner state and must not be shared
 * between Framers; the header spec is stateless.
 *
 * Plain frames as measured include any whitespace, BOM, comments or PIs before the document's
 * first markup; the Framer made by {@link createXmlFramer} strips leading whitespace and the BOM.
 */
export function createXmlFrameSpec(framing: XmlFraming): FrameSpec {
  return framing === 'header' ? XML_HEADER_SPEC : { headerSize: 0, measure: createPlainMeasure() };
}

export const XML_HEADER_SPEC: FrameSpec = { headerSize: XML_HEADER_SIZE, measure: measureHeaded };

/** Number of whitespace/BOM bytes at the start of `frame`. */
export function leadingXmlJunk(frame: Uint8Array): number {
  let i = 0;
  if (frame[0] === BOM[0] && frame[1] === BOM[1] && frame[2] === BOM[2]) i = 3;
  while (i < frame.length && isXmlWhitespace(frame[i]!)) i++;
  return i;
}

/** A Framer for plain XML that hands out each document without the whitespace before it. */
class PlainXmlFramer extends Framer {
  override push(chunk: Uint8Array, onFrame: FrameCallback, onError?: FrameErrorCallback): void {
    super.push(chunk, (frame, header) => onFrame(frame.subarray(leadingXmlJunk(frame)), header), onError);
  }
}

/**
 * A framer for one of the CSTA-XML framings. Emitted frames are the XML bytes (UTF-8); for
 * `header` the second callback argument is the 8-byte header (see {@link invokeIdOfHeader}), for
 * `plain` it is empty.
 */
export function createXmlFramer(framing: XmlFraming, options?: FramerOptions): Framer {
  const spec = createXmlFrameSpec(framing);
  return framing === 'plain' ? new PlainXmlFramer(spec, options) : new Framer(spec, options);
}

/** The invoke id of an 8-byte CSTA-XML header, as its 4 ASCII characters (e.g. `"0001"`). */
export function invokeIdOfHeader(header: Uint8Array): string {
  if (header.length < XML_HEADER_SIZE) {
    throw new DecodeError(DecodeErrorCode.Truncated, header.length, `CSTA-XML header of ${header.length} bytes`);
  }
  let id = '';
  for (let i = 4; i < XML_HEADER_SIZE; i++) {
    const c = header[i]!;
    if (c < 0x20 || c > 0x7e) {
      throw new DecodeError(DecodeErrorCode.BadSyntax, i, 'invoke id is not printable ASCII', { found: c.toString(16).padStart(2, '0') });
    }
    id += String.fromCharCode(c);
  }
  return id;
}

/**
 * Builds a headed CSTA-XML frame. `invokeId` is a number (0..9999, written as 4 zero-padded
 * digits) or a 4-character ASCII string.
 */
export function frameXml(xml: string | Uint8Array, invokeId: number | string): Buffer {
  const body = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const id = typeof invokeId === 'number' ? formatInvokeId(invokeId) : invokeId;
  if (id.length !== INVOKE_ID_LENGTH || !/^[\x20-\x7e]{4}$/.test(id)) {
    throw new RangeError(`invoke id ${JSON.stringify(id)} is not 4 printable ASCII characters`);
  }
  const total = XML_HEADER_SIZE + body.length;
  if (total > MAX_HEADED_FRAME) throw new RangeError(`XML message of ${body.length} bytes does not fit the 2-byte header length`);
  const out = Buffer.allocUnsafe(total);
  out.writeUInt16BE(XML_HEADER_FORMAT, 0);
  out.writeUInt16BE(total, 2);
  out.write(id, 4, 'latin1');
  body.copy(out, XML_HEADER_SIZE);
  return out;
}

function formatInvokeId(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`invoke id ${n} is not in 0..9999`);
  return String(n).padStart(INVOKE_ID_LENGTH, '0');
}
