/**
 * ECMA-323 XML namespaces. Encoding writes one edition's namespace (ed4 by default); decoding
 * accepts every edition, and a root element without any namespace (many PBXs send none).
 */

/** ECMA-323 editions this codec can name on encode. */
export type Ecma323Edition = 2 | 3 | 4 | 5 | 6;

export const DEFAULT_EDITION: Ecma323Edition = 4;

const BASE = 'http://www.ecma-international.org/standards/ecma-323/csta';

/** The namespace URI of an ECMA-323 edition, e.g. `.../ecma-323/csta/ed4`. */
export function namespaceOf(edition: Ecma323Edition): string {
  return `${BASE}/ed${edition}`;
}

/**
 * Namespaces accepted on decode: `.../csta/ed1` to `.../csta/ed6`, the bare `.../csta`, and the
 * first edition's `http://www.ecma.ch/standards/ecma-323/csta` (the 2001 ECMA site; assumed, see
 * docs/xml.md).
 */
const ACCEPTED = new Set<string>([
  BASE,
  'http://www.ecma.ch/standards/ecma-323/csta',
  ...[1, 2, 3, 4, 5, 6].map((n) => `${BASE}/ed${n}`),
]);

/** True for an ECMA-323 namespace URI of any edition. */
export function isEcma323Namespace(uri: string): boolean {
  return ACCEPTED.has(uri);
}
