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
 *   `>` that closes the root element. Whitespace and NUL bytes between documents are skipped, so a
 *   NUL-terminated stream reads correctly with this framing too.
 * - `nul`: each XML document is terminated by a NUL byte (Uni-tel's CSTA API: its sample client
 *   has `MESSAGE_TERMINATOR = "\0"`). A frame ends at the NUL, whatever the XML before it: a broken
 *   document (Uni-tel's own samples have unclosed tags) costs that document only. Whitespace and
 *   empty documents between terminators are skipped.
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { Framer } from './framer.js';
import type { FrameCallback, FrameErrorCallback, FrameMeasurer, FrameSpec, FramerOptions } from './framer.js';
import { headedXmlAt, isMarkupStart, isXmlWhitespace, nextByte, scanForFrameStart } from './frame-start.js';
import { measurePlainXml, PlainXmlMeasurer } from './xml-scan.js';

export { isXmlWhitespace } from './frame-start.js';

export const XmlFraming = {
  header: 'header',
  plain: 'plain',
  nul: 'nul',
} as const;
export type XmlFraming = (typeof XmlFraming)[keyof typeof XmlFraming];

/** Size of the CSTA-XML TCP header. */
export const XML_HEADER_SIZE = 8;
/** Value of the first two header bytes (the "format"/"version" indicator). */
export const XML_HEADER_FORMAT = 0x0000;
/** The terminator of the `nul` framing. */
export const XML_TERMINATOR = 0x00;
const INVOKE_ID_LENGTH = 4;
const MAX_HEADED_FRAME = 0xffff;
const INCOMPLETE = -1;
const LT = 0x3c; // <
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Measures a headed frame: the length field counts the whole frame, header included. */
function measureHeaded(buf: Buffer, start: number, end: number): number {
  if (end - start < 4) {
    // Say at once when the first bytes already cannot be a header.
    for (let i = start; i < end && i < start + 2; i++) if (buf[i] !== 0) throw headerFormatError(buf, start, end);
    return INCOMPLETE;
  }
  const format = buf.readUInt16BE(start);
  if (format !== XML_HEADER_FORMAT) throw headerFormatError(buf, start, end);
  const length = buf.readUInt16BE(start + 2);
  if (length < XML_HEADER_SIZE) {
    throw new DecodeError(DecodeErrorCode.BadLength, start + 2, `CSTA-XML header length ${length} is shorter than the header itself`);
  }
  return length;
}

function headerFormatError(buf: Buffer, start: number, end: number): DecodeError {
  return new DecodeError(DecodeErrorCode.BadSyntax, start, 'CSTA-XML header does not start with 0x0000', {
    expected: '0000',
    found: buf.subarray(start, Math.min(end, start + 2)).toString('hex'),
  });
}

/** Whitespace and NUL bytes between documents (a BOM too, when whole). */
function skipXmlJunk(buf: Buffer, start: number, end: number): number {
  let p = start;
  for (;;) {
    while (p < end && (buf[p] === XML_TERMINATOR || isXmlWhitespace(buf[p]!))) p++;
    if (p + 3 <= end && buf[p] === BOM[0] && buf[p + 1] === BOM[1] && buf[p + 2] === BOM[2]) {
      p += 3;
      continue;
    }
    return p - start;
  }
}

/** `<` followed by `?`, `!` or a name-start character: where a plain document may start. */
function plainStartAt(b: Uint8Array, at: number, end: number): boolean | undefined {
  if (b[at] !== LT) return false;
  if (at + 1 >= end) return undefined;
  return isMarkupStart(b[at + 1]!);
}

/** The `nul` measure, incremental: remembers how far it has looked for the terminator. */
class NulMeasurer implements FrameMeasurer {
  private scanned = 0;
  reset(): void {
    this.scanned = 0;
  }
  measure(buf: Buffer, start: number, end: number): number {
    const from = start + this.scanned;
    const i = nextByte(buf, XML_TERMINATOR, from, end);
    if (i >= end) {
      this.scanned = end - start;
      return INCOMPLETE;
    }
    return i + 1 - start;
  }
}

export const XML_HEADER_SPEC: FrameSpec = {
  headerSize: XML_HEADER_SIZE,
  measure: measureHeaded,
  findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, headedXmlAt, (b, f, e) => nextByte(b, 0x00, f, e)),
};

export const XML_PLAIN_SPEC: FrameSpec = {
  headerSize: 0,
  measure: measurePlainXml,
  createMeasurer: () => new PlainXmlMeasurer(),
  skipJunk: skipXmlJunk,
  findFrameStart: (buf, from, end) => scanForFrameStart(buf, from, end, plainStartAt, (b, f, e) => nextByte(b, LT, f, e)),
};

export const XML_NUL_SPEC: FrameSpec = {
  headerSize: 0,
  trailerSize: 1,
  measure: (buf, start, end) => new NulMeasurer().measure(buf, start, end),
  createMeasurer: () => new NulMeasurer(),
  skipJunk: skipXmlJunk,
  // A frame starts just after the next terminator.
  findFrameStart: (buf, from, end) => {
    const i = nextByte(buf, XML_TERMINATOR, from, end);
    return i < end ? { at: i + 1, sure: true } : { at: end, sure: false };
  },
};

/**
 * The FrameSpec of an XML framing. Frames as measured by `plain` and `nul` include any BOM,
 * comments or PIs before the document's first element (the Framer skips whitespace and NULs
 * between documents); the Framer made by {@link createXmlFramer} also strips a leading BOM.
 */
export function createXmlFrameSpec(framing: XmlFraming): FrameSpec {
  switch (framing) {
    case 'header':
      return XML_HEADER_SPEC;
    case 'plain':
      return XML_PLAIN_SPEC;
    case 'nul':
      return XML_NUL_SPEC;
    default: {
      const never: never = framing;
      throw new RangeError(`unknown XML framing ${String(never)}`);
    }
  }
}

/** Number of whitespace, NUL and BOM bytes at the start of `frame`. */
export function leadingXmlJunk(frame: Uint8Array): number {
  let i = 0;
  for (;;) {
    while (i < frame.length && (frame[i] === XML_TERMINATOR || isXmlWhitespace(frame[i]!))) i++;
    if (frame[i] === BOM[0] && frame[i + 1] === BOM[1] && frame[i + 2] === BOM[2]) {
      i += 3;
      continue;
    }
    return i;
  }
}

/** A Framer for headerless XML that hands out each document without what precedes it, and no empty ones. */
class UnheadedXmlFramer extends Framer {
  override push(chunk: Uint8Array, onFrame: FrameCallback, onError?: FrameErrorCallback): void {
    super.push(
      chunk,
      (frame, header, offset) => {
        const junk = leadingXmlJunk(frame);
        if (junk < frame.length) onFrame(frame.subarray(junk), header, offset + junk);
      },
      onError,
    );
  }
}

/**
 * A framer for one of the CSTA-XML framings. Emitted frames are the XML bytes (UTF-8, without the
 * `nul` terminator); for `header` the second callback argument is the 8-byte header (see
 * {@link invokeIdOfHeader}), otherwise it is empty.
 */
export function createXmlFramer(framing: XmlFraming, options?: FramerOptions): Framer {
  const spec = createXmlFrameSpec(framing);
  return framing === 'header' ? new Framer(spec, options) : new UnheadedXmlFramer(spec, options);
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

/** A NUL-terminated XML frame: the document and one 0x00 byte. */
export function frameXmlNul(xml: string | Uint8Array): Buffer {
  const body = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  if (body.includes(XML_TERMINATOR)) throw new RangeError('an XML document with a NUL byte cannot be NUL-terminated');
  const out = Buffer.allocUnsafe(body.length + 1);
  body.copy(out, 0);
  out[body.length] = XML_TERMINATOR;
  return out;
}

/** Frames one XML document for `framing` (`invokeId` is used by `header` only; default 0). */
export function frameXmlAs(framing: XmlFraming, xml: string | Uint8Array, invokeId: number | string = 0): Buffer {
  switch (framing) {
    case 'header':
      return frameXml(xml, invokeId);
    case 'nul':
      return frameXmlNul(xml);
    case 'plain':
      return typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
    default: {
      const never: never = framing;
      throw new RangeError(`unknown XML framing ${String(never)}`);
    }
  }
}
