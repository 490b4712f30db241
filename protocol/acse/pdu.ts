/**
 * ACSE APDUs as `CstaPdu` members, keyed by `pdu` like the ROSE ones.
 */
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../errors.js';
import type { BerReader } from '../ber/reader.js';
import type { BerWriter } from '../ber/writer.js';
import { AAREapdu, AARQapdu, ABRTapdu, RLREapdu, RLRQapdu } from './acse.js';

export type AarqPdu = { readonly pdu: 'aarq' } & AARQapdu;
export type AarePdu = { readonly pdu: 'aare' } & AAREapdu;
export type RlrqPdu = { readonly pdu: 'rlrq' } & RLRQapdu;
export type RlrePdu = { readonly pdu: 'rlre' } & RLREapdu;
export type AbrtPdu = { readonly pdu: 'abrt' } & ABRTapdu;
export type AcsePdu = AarqPdu | AarePdu | RlrqPdu | RlrePdu | AbrtPdu;

/** [APPLICATION n] of each ACSE APDU. */
const ACSE_CODECS = [
  ['aarq', AARQapdu],
  ['aare', AAREapdu],
  ['rlrq', RLRQapdu],
  ['rlre', RLREapdu],
  ['abrt', ABRTapdu],
] as const;

/** Decodes the ACSE APDU whose header the reader has just parsed (`[APPLICATION 0..4]`). */
export function decodeAcse(r: BerReader): AcsePdu {
  const num = r.tag & 0x1fffff;
  const entry = ACSE_CODECS[num];
  if (entry === undefined) throw new DecodeError(DecodeErrorCode.UnknownPdu, r.hdr, `not an ACSE APDU: [APPLICATION ${num}]`);
  const [name, codec] = entry;
  const value = (codec.decode as (r: BerReader) => object)(r);
  return { pdu: name, ...value } as AcsePdu;
}

export function encodeAcse(w: BerWriter, pdu: AcsePdu): void {
  const entry = ACSE_CODECS.find(([name]) => name === pdu.pdu);
  if (entry === undefined) throw new EncodeError(EncodeErrorCode.BadValue, `not an ACSE APDU: ${String((pdu as { pdu: unknown }).pdu)}`);
  const codec = entry[1] as unknown as { encode(w: BerWriter, v: unknown, tag: number): void; tag: number };
  codec.encode(w, pdu, codec.tag);
}

export function isAcsePdu(pdu: { readonly pdu: string }): pdu is AcsePdu {
  return pdu.pdu === 'aarq' || pdu.pdu === 'aare' || pdu.pdu === 'rlrq' || pdu.pdu === 'rlre' || pdu.pdu === 'abrt';
}
