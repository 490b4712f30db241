/**
 * ACSE authentication values with a name and a password. ECMA's CSTA ACSE profile leaves the
 * mechanism open; two forms are in use:
 * - `charstring`: the password alone (GraphicString);
 * - Siemens HiPath: `external` whose single-ASN1-type is `[0] { name OCTET STRING, password
 *   OCTET STRING }` (Net::CSTAv3::Client HiPath.pm, defaults "AMHOST" / "77777").
 */
import { Buffer } from 'node:buffer';
import type { AuthenticationValue } from './acse.js';

function tlv(tag: number, content: Buffer): Buffer {
  if (content.length > 0xffff) throw new RangeError('authentication value too long');
  const len = content.length < 0x80 ? Buffer.from([content.length]) : content.length <= 0xff ? Buffer.from([0x81, content.length]) : Buffer.from([0x82, content.length >> 8, content.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

/** HiPath's name-and-password authentication value. */
export function nameAndPasswordAuthentication(name: string, password: string): AuthenticationValue {
  const inner = tlv(0xa0, Buffer.concat([tlv(0x04, Buffer.from(name, 'latin1')), tlv(0x04, Buffer.from(password, 'latin1'))]));
  return { external: { encoding: { 'single-ASN1-type': { tlv: inner.toString('hex') } } } } as AuthenticationValue;
}

/** Reads the OCTET STRINGs of `[0] { … }` (short or long form lengths); undefined when it is not that shape. */
function octetStrings(hex: string): string[] | undefined {
  const b = Buffer.from(hex, 'hex');
  const read = (at: number): { len: number; next: number } | undefined => {
    const first = b[at];
    if (first === undefined) return undefined;
    if (first < 0x80) return { len: first, next: at + 1 };
    const n = first & 0x7f;
    if (n < 1 || n > 2 || at + n >= b.length) return undefined;
    let len = 0;
    for (let i = 1; i <= n; i++) len = (len << 8) | b[at + i]!;
    return { len, next: at + 1 + n };
  };
  if (b[0] !== 0xa0) return undefined;
  const outer = read(1);
  if (outer === undefined || outer.next + outer.len !== b.length) return undefined;
  const out: string[] = [];
  let at = outer.next;
  while (at < b.length) {
    if (b[at] !== 0x04) return undefined;
    const l = read(at + 1);
    if (l === undefined || l.next + l.len > b.length) return undefined;
    out.push(b.subarray(l.next, l.next + l.len).toString('latin1'));
    at = l.next + l.len;
  }
  return out;
}

/** Name and password in an authentication value, whichever form it has; undefined when it has none. */
export function credentialsOfAuthentication(v: AuthenticationValue | undefined): { readonly name?: string; readonly password: string } | undefined {
  if (v === undefined) return undefined;
  if ('charstring' in v && typeof v.charstring === 'string') return { password: v.charstring };
  if ('external' in v) {
    const enc = (v.external as { encoding?: Record<string, unknown> }).encoding;
    const single = enc?.['single-ASN1-type'] as { tlv?: unknown } | undefined;
    if (typeof single?.tlv !== 'string') return undefined;
    const parts = octetStrings(single.tlv);
    if (parts === undefined || parts.length !== 2) return undefined;
    return { name: parts[0]!, password: parts[1]! };
  }
  return undefined;
}
