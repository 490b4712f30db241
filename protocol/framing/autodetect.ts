/**
 * Tells the CSTA encodings and framings apart from the first bytes of a TCP stream.
 *
 * Heuristics, in the order they are tried (first byte `b0`):
 *
 * 1. **Plain XML**: after an optional UTF-8 BOM and whitespace comes `<` followed by `?`, `!` or a
 *    name-start character. It is **NUL-terminated XML** (`nul`) when the end of the first document
 *    is among the bytes (up to {@link XML_DETECT_MAX_BYTES}) and the next byte after it that is not
 *    whitespace is a NUL. Until that NUL is visible the answer is `plain`, which may so become
 *    `nul` with more bytes; that is harmless, as the plain framer reads NUL-terminated documents
 *    too (it skips NULs between documents), and only the framing written back differs.
 * 2. **XML with the 8-byte header**: `00 00`, a 2-byte length of at least 9, four printable ASCII
 *    characters (the invoke id; PBXs send digits) and then `<` (a BOM or whitespace before it is
 *    tolerated). A byte 4 that is an ASCII digit can never be a BER PDU tag, which is what
 *    separates this from a 4-byte length prefix whose high half is zero.
 * 3. **BER without prefix** (`ber`): `b0` is a ROSE tag (`a1`..`a4`: invoke, returnResult,
 *    returnError, reject) or an ACSE tag (`60`..`64`: AARQ, AARE, RLRQ, RLRE, ABRT), followed by a
 *    valid BER length and a plausible first content byte: a ROSE APDU starts with its invokeId
 *    (INTEGER `02`, or NULL `05` for an absent id), an ACSE APDU with a context-specific tag
 *    (`80`..`bf`).
 * 4. **BER with a 2-byte length** (`length16`): byte 2 starts a PDU as in 3, and when its BER
 *    length is definite the prefix equals it (prefix = PDU length).
 * 5. **BER with a 4-byte length** (`length32`): the same at byte 4.
 * 6. **Siemens HiPath** (`hipath`): `26`, a 2-byte length with the top bit set, and a PDU as in 3
 *    whose definite length equals the 15-bit length. Tried before 3–5: `26` starts no PDU, and a
 *    2-byte prefix of 0x26xx would announce a PDU of over 9 KiB.
 *
 * When a PDU tag at byte 0 and a consistent 2-byte prefix are both possible (a prefix of 0x60xx or
 * 0xa1xx, i.e. a frame of over 24 KiB), `ber` wins: CSTA frames are rarely that large.
 *
 * Returns `undefined` while the bytes are too few to decide, and also when they match nothing.
 * BER needs at most 11 bytes and XML 10 plus any BOM/whitespace before its first `<`, so with
 * {@link DETECT_MAX_BYTES} bytes `undefined` means "not CSTA" (bytes past that are not looked at,
 * except to find the end of a plain XML document).
 */
import { Buffer } from 'node:buffer';
import { berPduAt, headedXmlAt, hipathAt, isXmlWhitespace, plainXmlAt, prefixedBerAt } from './frame-start.js';
import type { BerFraming } from './ber-framing.js';
import type { XmlFraming } from './xml-framing.js';
import { PlainXmlMeasurer } from './xml-scan.js';

export type DetectedEncoding =
  | { readonly encoding: 'ber'; readonly framing: BerFraming }
  | { readonly encoding: 'xml'; readonly framing: XmlFraming };

/** Bytes after which {@link detectEncoding} no longer answers "need more". */
export const DETECT_MAX_BYTES = 64;
/** Bytes of a plain XML stream searched for the end of its first document (NUL-terminated or not). */
export const XML_DETECT_MAX_BYTES = 65536;

/** Detects the encoding and framing from the first bytes of a stream (see the module comment). */
export function detectEncoding(firstBytes: Uint8Array): DetectedEncoding | undefined {
  const b = firstBytes.length > DETECT_MAX_BYTES ? firstBytes.subarray(0, DETECT_MAX_BYTES) : firstBytes;
  const end = b.length;
  if (end === 0) return undefined;
  const xml = plainXmlAt(b, 0, end);
  if (xml === true) return { encoding: 'xml', framing: nulTerminated(firstBytes) ? 'nul' : 'plain' };
  if (xml === undefined) return undefined;

  if (b[0] === 0x00 && b[1] === 0x00 && end >= 5 && b[4]! >= 0x20 && b[4]! <= 0x7e) {
    return headedXml(b) === true ? { encoding: 'xml', framing: 'header' } : undefined;
  }
  const hipath = hipathAt(b, 0, end);
  if (hipath === true) return { encoding: 'ber', framing: 'hipath' };
  if (hipath === undefined) return undefined;
  const ber = berPduAt(b, 0, end, undefined);
  if (ber === true) return { encoding: 'ber', framing: 'ber' };
  const l16 = end < 2 ? undefined : prefixedBerAt(b, 0, end, 2);
  if (l16 === true && ber === false) return { encoding: 'ber', framing: 'length16' };
  const l32 = end < 4 ? undefined : prefixedBerAt(b, 0, end, 4);
  if (l32 === true && ber === false && l16 === false) return { encoding: 'ber', framing: 'length32' };
  return undefined;
}

/** `00 00 LL LL c c c c` then XML; undefined while the 8 bytes and the `<` are not all there. */
function headedXml(b: Uint8Array): boolean | undefined {
  const m = headedXmlAt(b, 0, b.length);
  // With all of the window seen, "need more" means the body does not start like XML.
  return m === undefined && b.length >= DETECT_MAX_BYTES ? false : m;
}

/** Whether the first plain XML document among the bytes is followed by a NUL (after whitespace). */
function nulTerminated(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, XML_DETECT_MAX_BYTES));
  let size: number;
  try {
    size = new PlainXmlMeasurer().measure(b, 0, b.length);
  } catch {
    return false;
  }
  if (size < 0) return false;
  let p = size;
  while (p < b.length && isXmlWhitespace(b[p]!)) p++;
  return p < b.length && b[p] === 0x00;
}
