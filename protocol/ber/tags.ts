/**
 * BER tags as small integers. A *tag key* packs class and number: `class << 21 | number`, so the
 * hot path compares one SMI instead of two fields. The constructed bit is not part of the key.
 */

/** X.690 tag classes (bits 8-7 of the identifier octet). */
export const TagClass = {
  universal: 0, // 0b00xxxxxx
  application: 1, // 0b01xxxxxx
  context: 2, // 0b10xxxxxx
  private: 3, // 0b11xxxxxx
} as const;
export type TagClass = (typeof TagClass)[keyof typeof TagClass];

/** Largest tag number we accept (keeps keys within SMI range). */
export const MAX_TAG_NUMBER = (1 << 21) - 1;

/** Universal tag numbers used by CSTA. */
export const Universal = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  objectIdentifier: 6,
  external: 8,
  enumerated: 10,
  utf8String: 12,
  sequence: 16,
  set: 17,
  numericString: 18,
  printableString: 19,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  graphicString: 25,
  visibleString: 26,
  generalString: 27,
} as const;

export function tagKey(cls: TagClass, num: number): number {
  return (cls << 21) | num;
}
export const tagClassOf = (key: number): TagClass => (key >>> 21) as TagClass;
export const tagNumberOf = (key: number): number => key & MAX_TAG_NUMBER;

export const universal = (n: number): number => tagKey(TagClass.universal, n);
export const application = (n: number): number => tagKey(TagClass.application, n);
export const context = (n: number): number => tagKey(TagClass.context, n);

const CLASS_NAMES = ['UNIVERSAL', 'APPLICATION', 'CONTEXT', 'PRIVATE'] as const;

/** `[APPLICATION 11]`, `[2]`, `[UNIVERSAL 16]`: the ASN.1 notation of a tag key. */
export function tagName(key: number): string {
  const cls = tagClassOf(key);
  return cls === TagClass.context ? `[${tagNumberOf(key)}]` : `[${CLASS_NAMES[cls]} ${tagNumberOf(key)}]`;
}

/** The identifier octets of a tag as hex, e.g. `"a1"` or `"bf8148"`. */
export function identifierHex(key: number, constructed: boolean): string {
  const first = (tagClassOf(key) << 6) | (constructed ? 0x20 : 0);
  const num = tagNumberOf(key);
  if (num < 31) return (first | num).toString(16).padStart(2, '0');
  const bytes = [first | 0x1f];
  const groups: number[] = [];
  let n = num;
  do {
    groups.unshift(n & 0x7f);
    n >>>= 7;
  } while (n > 0);
  for (let i = 0; i < groups.length; i++) bytes.push(groups[i]! | (i < groups.length - 1 ? 0x80 : 0));
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}
