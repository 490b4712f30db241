/** The floor for any BER decoder: visit every TLV header, decode no value. */
let count = 0;

function element(buf: Uint8Array, p: number): number {
  const first = buf[p++]!;
  if ((first & 0x1f) === 0x1f) while (buf[p++]! & 0x80);
  let len = buf[p++]!;
  count++;
  if (len === 0x80) {
    while (!(buf[p] === 0 && buf[p + 1] === 0)) p = element(buf, p);
    return p + 2;
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  if (first & 0x20) {
    const end = p + len;
    while (p < end) p = element(buf, p);
    return end;
  }
  return p + len;
}

/** Walks every element of a well-formed BER buffer; returns how many it saw. */
export function rawTlvWalk(buf: Uint8Array): number {
  count = 0;
  let p = 0;
  while (p < buf.length) p = element(buf, p);
  return count;
}
