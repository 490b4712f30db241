/**
 * BIT STRINGs sent longer than their set bits need. X.690 11.2.2 has DER drop the trailing zero
 * bits of a named bit list, and this codec writes that form; BER allows more, and some switches
 * send it (HiPath writes cSTAVersion as 16 bits, `03 03 00 08 00`, and an all-zero 18-bit monitor
 * filter, `03 04 06 00 00 00`). The decoder marks such a value with the length it had on the wire,
 * so the same value encodes back to the same bytes; values built by hand carry no mark and are
 * written in the minimal form.
 *
 * The mark is a non-enumerable symbol property of the decoded array: the value still is the array
 * of set bit names its type says, and JSON, spreads and deep equality ignore the mark. Where a
 * decoded value goes through JSON (`csta decode --json | csta encode`), {@link wireBitLengths}
 * lists the marks by JSON pointer and {@link applyWireBitLengths} puts them back.
 */

/** On a decoded BIT STRING value (an array): its length in bits on the wire, when longer than minimal. */
export const BIT_STRING_LENGTH: unique symbol = Symbol('csta-link.bitStringLength');

/** The longest BIT STRING length kept as a mark (the encoder accepts bit positions up to 0xffff). */
export const MAX_MARKED_BIT_LENGTH = 0x10000;

/** A BIT STRING value that may carry its wire length. */
type Marked = readonly unknown[] & { readonly [BIT_STRING_LENGTH]?: number };

/** Marks a decoded BIT STRING value with its wire length in bits (only when longer than its set bits need). */
export function markBitLength<T extends unknown[]>(value: T, bits: number): T {
  Object.defineProperty(value, BIT_STRING_LENGTH, { value: bits, enumerable: false, writable: false, configurable: true });
  return value;
}

/** The wire length a decoded BIT STRING value was marked with, if any. */
export function bitLengthOf(value: readonly unknown[]): number | undefined {
  const n = (value as Marked)[BIT_STRING_LENGTH];
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_MARKED_BIT_LENGTH ? n : undefined;
}

/** Bound on the depth {@link wireBitLengths} descends (decoded values are bounded by the decoder's own depth limit). */
const MAX_WALK_DEPTH = 256;

function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The marked BIT STRINGs inside a decoded value: JSON pointer (RFC 6901, relative to `value`) →
 * length in bits; undefined when there is none (the common case).
 */
export function wireBitLengths(value: unknown): Record<string, number> | undefined {
  let out: Record<string, number> | undefined;
  const walk = (v: unknown, pointer: string, depth: number): void => {
    if (typeof v !== 'object' || v === null || depth > MAX_WALK_DEPTH || ArrayBuffer.isView(v)) return;
    if (Array.isArray(v)) {
      const n = bitLengthOf(v);
      if (n !== undefined) (out ??= {})[pointer] = n;
      for (let i = 0; i < v.length; i++) walk(v[i], `${pointer}/${i}`, depth + 1);
      return;
    }
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${pointer}/${escapePointerToken(k)}`, depth + 1);
  };
  walk(value, '', 0);
  return out;
}

/**
 * Marks the BIT STRINGs of `value` (the same value read back from JSON) with the lengths
 * {@link wireBitLengths} gave. Pointers that do not lead to an array, and lengths that are not
 * whole numbers within bounds, are ignored: the value then encodes in the minimal form.
 */
export function applyWireBitLengths(value: unknown, lengths: Readonly<Record<string, unknown>>): void {
  for (const [pointer, n] of Object.entries(lengths)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_MARKED_BIT_LENGTH) continue;
    if (pointer !== '' && !pointer.startsWith('/')) continue;
    let at: unknown = value;
    for (const token of pointer === '' ? [] : pointer.slice(1).split('/')) {
      if (typeof at !== 'object' || at === null) {
        at = undefined;
        break;
      }
      const key = unescapePointerToken(token);
      at = Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
    }
    if (Array.isArray(at)) markBitLength(at, n);
  }
}
