/**
 * Tells the CSTA encodings and framings apart from the first bytes of a TCP stream.
 *
 * Heuristics, in the order they are tried (first byte `b0`):
 *
 * 1. **Plain XML**: after an optional UTF-8 BOM and whitespace comes `<` followed by `?`, `!` or a
 *    name-start character.
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
 *
 * When a PDU tag at byte 0 and a consistent 2-byte prefix are both possible (a prefix of 0x60xx or
 * 0xa1xx, i.e. a frame of over 24 KiB), `ber` wins: CSTA frames are rarely that large.
 *
 * Returns `undefined` while the bytes are too few to decide, and also when they match nothing.
 * BER needs at most 11 bytes and XML 10 plus any BOM/whitespace before its first `<`, so with
 * {@link DETECT_MAX_BYTES} bytes `undefined` means "not CSTA" (bytes past that are not looked at).
 */
import { isXmlWhitespace } from './xml-framing.js';
import type { BerFraming } from './ber-framing.js';
import type { XmlFraming } from './xml-framing.js';

export type DetectedEncoding =
  | { readonly encoding: 'ber'; readonly framing: BerFraming }
  | { readonly encoding: 'xml'; readonly framing: XmlFraming };

/** Bytes after which {@link detectEncoding} no longer answers "need more". */
export const DETECT_MAX_BYTES = 64;

/** ROSE APDU tags ([1]..[4] constructed, context class). */
const ROSE_TAG_MIN = 0xa1; // invoke
const ROSE_TAG_MAX = 0xa4; // reject
/** ACSE APDU tags ([APPLICATION 0..4] constructed). */
const ACSE_TAG_MIN = 0x60; // AARQ
const ACSE_TAG_MAX = 0x64; // ABRT
const INTEGER = 0x02;
const NULL = 0x05;
const LT = 0x3c; // <
const MAX_LENGTH_OCTETS = 4;

/** Three-valued answer: yes, no, or need more bytes. */
type Maybe = boolean | undefined;

/** Detects the encoding and framing from the first bytes of a stream (see the module comment). */
export function detectEncoding(firstBytes: Uint8Array): DetectedEncoding | undefined {
  const b = firstBytes.length > DETECT_MAX_BYTES ? firstBytes.subarray(0, DETECT_MAX_BYTES) : firstBytes;
  if (b.length === 0) return undefined;
  const xml = plainXml(b, 0);
  if (xml === true) return { encoding: 'xml', framing: 'plain' };
  if (xml === undefined) return undefined;

  if (b[0] === 0x00 && b[1] === 0x00 && b.length >= 5 && isPrintable(b[4]!)) {
    return headedXml(b) === true ? { encoding: 'xml', framing: 'header' } : undefined;
  }
  const ber = berPdu(b, 0, undefined);
  if (ber === true) return { encoding: 'ber', framing: 'ber' };
  const l16 = b.length < 2 ? undefined : berPdu(b, 2, (b[0]! << 8) | b[1]!);
  if (l16 === true && ber === false) return { encoding: 'ber', framing: 'length16' };
  const l32 = b.length < 4 ? undefined : berPdu(b, 4, new DataView(b.buffer, b.byteOffset, 4).getUint32(0));
  if (l32 === true && ber === false && l16 === false) return { encoding: 'ber', framing: 'length32' };
  return undefined;
}

function isPrintable(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** Plain XML at `at`: BOM/whitespace, then `<` and `?`, `!` or a name-start character. */
function plainXml(b: Uint8Array, at: number): Maybe {
  let p = at;
  if (b[p] === 0xef) {
    if (b.length - p < 3) return undefined;
    if (b[p + 1] !== 0xbb || b[p + 2] !== 0xbf) return false;
    p += 3;
  }
  while (p < b.length && isXmlWhitespace(b[p]!)) p++;
  if (p >= b.length) return p === at ? false : undefined;
  if (b[p] !== LT) return false;
  if (p + 1 >= b.length) return undefined;
  const c = b[p + 1]!;
  return c === 0x3f || c === 0x21 || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

/** `00 00 LL LL c c c c` then XML. */
function headedXml(b: Uint8Array): Maybe {
  if (b.length < 8) {
    for (let i = 4; i < b.length; i++) if (!isPrintable(b[i]!)) return false;
    return undefined;
  }
  const length = (b[2]! << 8) | b[3]!;
  if (length <= 8) return false;
  for (let i = 4; i < 8; i++) if (!isPrintable(b[i]!)) return false;
  if (b.length === 8) return undefined;
  return plainXml(b, 8);
}

/**
 * A ROSE/ACSE PDU header at `at`. With `expectedLength` (the framing prefix), a definite BER
 * length must add up to it exactly.
 */
function berPdu(b: Uint8Array, at: number, expectedLength: number | undefined): Maybe {
  if (at >= b.length) return undefined;
  const tag = b[at]!;
  const rose = tag >= ROSE_TAG_MIN && tag <= ROSE_TAG_MAX;
  const acse = tag >= ACSE_TAG_MIN && tag <= ACSE_TAG_MAX;
  if (!rose && !acse) return false;
  if (at + 1 >= b.length) return undefined;
  const l = b[at + 1]!;
  let contentAt = at + 2;
  let total: number | undefined; // undefined: indefinite length
  if (l < 0x80) {
    total = 2 + l;
  } else if (l === 0x80) {
    total = undefined;
  } else {
    const n = l & 0x7f;
    if (n > MAX_LENGTH_OCTETS) return false;
    if (at + 2 + n > b.length) return undefined;
    let len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[at + 2 + i]!;
    contentAt += n;
    total = 2 + n + len;
  }
  if (total !== undefined && total - (contentAt - at) < 3) return false; // room for at least an INTEGER
  if (expectedLength !== undefined && total !== undefined && total !== expectedLength) return false;
  if (expectedLength !== undefined && total === undefined && expectedLength < 4) return false;
  if (contentAt >= b.length) return undefined;
  const first = b[contentAt]!;
  return rose ? first === INTEGER || first === NULL : first >= 0x80 && first <= 0xbf;
}
