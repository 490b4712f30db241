/**
 * Random values drawn from the schema itself, with a seeded generator so a failure reproduces
 * from the seed alone (no fast-check: the same generator feeds the Erlang oracle test).
 *
 * - `Rng`: a small deterministic PRNG (mulberry32).
 * - `ValueGenerator.valueFor(codec)`: a valid value of any codec. OPTIONAL components are present
 *   or absent at random; CHOICE alternatives and ENUMERATED names are drawn round-robin per codec
 *   (from a random start), so every alternative and name comes up within a few hundred draws;
 *   bit sets are random subsets of the named bits; integers mix boundaries (0, ±1, 127/128,
 *   255/256, ±2^15, ±2^31, ±(2^53 − 1)) and random magnitudes; strings use the type's alphabet
 *   (NumericString digits and space, PrintableString's set, IA5String 0-127, ...) with lengths
 *   from 0 to past 127 octets (long-form lengths). OCTET STRING values are lower-case hex, the
 *   form BER decodes to and XML keeps verbatim.
 * - The `xml` profile leaves out what XML 1.0 text cannot carry: C0 controls other than tab, line
 *   feed and carriage return (which the writer escapes as `&#13;`), and lone surrogates.
 */
import type { AnyCodec, BitStringCodec, ChoiceCodec, EnumeratedCodec } from '../../protocol/schema/index.js';

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

export type Profile = 'ber' | 'xml';

export interface GeneratorOptions {
  readonly profile: Profile;
  /** Open-type values: random elements, or only `0500` (what the ECMA-285 text allows there). */
  readonly openTypes: 'random' | 'null';
  /** Probability that an OPTIONAL component is present. @default 0.5 */
  readonly optionalRate?: number;
  /**
   * Subtype constraints to respect (the schema does not carry them), keyed by
   * `<parent name>.<component>` or a SEQUENCE OF's name: value range of an INTEGER, length of a
   * string, number of items (test/support/schema-constraints.ts).
   */
  readonly constraints?: ReadonlyMap<string, { readonly min: number; readonly max: number }>;
}

type Bound = { readonly min: number; readonly max: number } | undefined;

const MAX = Number.MAX_SAFE_INTEGER;
const INT_BOUNDS = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, MAX, -MAX];
const PRINTABLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";
const NUMERIC = '0123456789 ';

function range(lo: number, hi: number): string {
  let s = '';
  for (let c = lo; c <= hi; c++) s += String.fromCharCode(c);
  return s;
}
const VISIBLE = range(0x20, 0x7e);
const IA5_BER = range(0x00, 0x7f);
const IA5_XML = '\t\n\r' + VISIBLE;
const LATIN1_BER = range(0x00, 0xff);
const LATIN1_XML = '\t\n\r' + VISIBLE + range(0x80, 0xff);

/** Alphabet of a restricted character string type, by its ASN.1 name. */
function alphabet(name: string, profile: Profile): string {
  switch (name) {
    case 'NumericString':
      return NUMERIC;
    case 'PrintableString':
      return PRINTABLE;
    case 'VisibleString':
      return VISIBLE;
    case 'IA5String':
      return profile === 'xml' ? IA5_XML : IA5_BER;
    default:
      // GraphicString and anything else one-octet-per-character: any octet (decoded as latin1).
      return profile === 'xml' ? LATIN1_XML : LATIN1_BER;
  }
}

/** What a generator produced, per codec: CHOICE alternatives, ENUMERATED names, set bit names. */
export class Coverage {
  /** Keyed by {@link typeKey}: the IMPLICIT copies of one type count as that type. */
  readonly seen = new Map<string, { codec: AnyCodec; names: Set<string> }>();
  note(codec: AnyCodec, name?: string): void {
    const k = typeKey(codec);
    let e = this.seen.get(k);
    if (e === undefined) this.seen.set(k, (e = { codec, names: new Set() }));
    if (name !== undefined) e.names.add(name);
  }
  /** Names of `codec` that were never produced (every codec this coverage has seen). */
  missing(): { codec: AnyCodec; names: string[] }[] {
    const out: { codec: AnyCodec; names: string[] }[] = [];
    for (const { codec, names: s } of this.seen.values()) {
      const all = namesOf(codec);
      const names = all.filter((n) => !s.has(n));
      if (names.length > 0) out.push({ codec, names });
    }
    return out;
  }
  /** [produced, possible] summed over every codec seen. */
  totals(): [number, number] {
    let got = 0;
    let all = 0;
    for (const { codec, names: s } of this.seen.values()) {
      got += s.size;
      all += namesOf(codec).length;
    }
    return [got, all];
  }
}

/**
 * One key per ASN.1 type: `implicit()` copies a codec with another tag, so object identity would
 * split a type used in many places (EventCause) into many.
 */
function typeKey(codec: AnyCodec): string {
  return `${codec.kind}:${codec.name}:${namesOf(codec).join(',')}`;
}

function namesOf(codec: AnyCodec): string[] {
  switch (codec.kind) {
    case 'choice':
      return codec.alternatives.map((a) => a.name);
    case 'enumerated':
      return Object.keys(codec.values);
    case 'bitString':
      return codec.bits.filter((b): b is string => b !== undefined);
    default:
      return [];
  }
}

export class ValueGenerator {
  private readonly turn = new Map<string, number>();
  private readonly optionalRate: number;

  constructor(
    readonly rng: Rng,
    readonly options: GeneratorOptions,
    readonly coverage: Coverage = new Coverage(),
  ) {
    this.optionalRate = options.optionalRate ?? 0.5;
  }

  /** Round-robin index for `codec` over `n` choices, starting at a random place. */
  private nextTurn(codec: AnyCodec, n: number): number {
    const k = typeKey(codec);
    let t = this.turn.get(k);
    if (t === undefined) t = this.rng.int(n);
    this.turn.set(k, t + 1);
    return t % n;
  }

  /** Keys of `constraints` the generator applied (so a test can check the table matches the schema). */
  readonly usedConstraints = new Set<string>();

  private bound(key: string): Bound {
    const b = this.options.constraints?.get(key);
    if (b !== undefined) this.usedConstraints.add(key);
    return b;
  }

  private length(bound?: Bound): number {
    if (bound !== undefined) return bound.min + this.rng.int(bound.max - bound.min + 1);
    const r = this.rng.next();
    if (r < 0.15) return 0;
    if (r < 0.85) return 1 + this.rng.int(12);
    if (r < 0.97) return 13 + this.rng.int(120);
    return 128 + this.rng.int(200);
  }

  integer(bound?: Bound): number {
    const rng = this.rng;
    if (bound !== undefined) return bound.min + rng.int(bound.max - bound.min + 1);
    if (rng.chance(0.4)) return rng.pick(INT_BOUNDS);
    const bits = rng.int(54);
    const mag = Math.floor(rng.next() * 2 ** bits);
    const v = Math.min(mag, MAX);
    return rng.chance(0.5) && v !== 0 ? -v : v; // never -0: it is not a value INTEGER can carry
  }

  private text(chars: string, bound?: Bound): string {
    const n = this.length(bound);
    let s = '';
    for (let i = 0; i < n; i++) s += chars[this.rng.int(chars.length)];
    return s;
  }

  private generalizedTime(): string {
    const rng = this.rng;
    const d = (n: number, w = 2): string => String(n).padStart(w, '0');
    const base = `${d(1950 + rng.int(100), 4)}${d(1 + rng.int(12))}${d(1 + rng.int(28))}${d(rng.int(24))}${d(rng.int(60))}${d(rng.int(60))}`;
    const frac = rng.chance(0.5) ? `.${rng.int(1000)}` : '';
    const zone = rng.pick(['Z', '', '+0100', '-0530']);
    return base + frac + zone;
  }

  private utf8(): string {
    const rng = this.rng;
    const n = this.length() >> 1;
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.5) s += VISIBLE[rng.int(VISIBLE.length)];
      else if (r < 0.7) s += String.fromCharCode(0xa0 + rng.int(0x700)); // Latin, Greek, Cyrillic...
      else if (r < 0.85) s += String.fromCharCode(0x3000 + rng.int(0x5000)); // CJK
      else if (r < 0.95) s += String.fromCodePoint(0x1f300 + rng.int(0x300)); // astral (surrogate pairs)
      else s += this.options.profile === 'xml' ? rng.pick(['\t', '\n', '\r']) : String.fromCharCode(rng.int(0x20));
    }
    return s;
  }

  /**
   * `n` random octets as lower-case hex. In the xml profile only octets XML text can carry in
   * ISO-8859-1 (tab, line feed, carriage return, 20-7E, 80-FF): XML writes DeviceID's `other` (an OCTET STRING) as
   * its octets in ISO-8859-1 (docs/xml.md), and the generator does not know which OCTET STRING
   * it is filling.
   */
  private hex(n: number): string {
    let h = '';
    const xml = this.options.profile === 'xml';
    for (let i = 0; i < n; i++) {
      const b = xml ? LATIN1_XML.charCodeAt(this.rng.int(LATIN1_XML.length)) : this.rng.int(256);
      h += b.toString(16).padStart(2, '0');
    }
    return h;
  }

  private openValue(): { tlv: string } {
    if (this.options.openTypes === 'null' || this.rng.chance(0.3)) return { tlv: '0500' };
    // A vendor element: context [5] primitive, or [APPLICATION 9] constructed holding an INTEGER.
    const body = this.hex(this.rng.int(6));
    if (this.rng.chance(0.5)) return { tlv: `85${(body.length / 2).toString(16).padStart(2, '0')}${body}` };
    return { tlv: `6903020101` };
  }

  private bits(codec: BitStringCodec<unknown>): (string | number)[] {
    const named = codec.bits.flatMap((n, i) => (n === undefined ? [] : [[n, i] as const]));
    if (named.length === 0) {
      const out: number[] = [];
      const n = this.rng.int(40);
      for (let i = 0; i < n; i++) if (this.rng.chance(0.5)) out.push(i);
      return out;
    }
    // Mostly random subsets; sometimes none or all, so the empty and the longest encodings occur.
    const r = this.rng.next();
    const p = r < 0.1 ? 0 : r < 0.2 ? 1 : 0.5;
    const set = named.filter(() => this.rng.chance(p)).map(([n]) => n);
    for (const n of set) this.coverage.note(codec, n);
    if (set.length === 0) this.coverage.note(codec);
    return set;
  }

  private enumValue(codec: EnumeratedCodec<unknown>): string {
    const names = Object.keys(codec.values);
    const name = names[this.nextTurn(codec, names.length)]!;
    this.coverage.note(codec, name);
    return name;
  }

  /** Picks the alternative of a CHOICE (round-robin) and generates its value. */
  choiceValue(codec: ChoiceCodec<unknown>, depth: number): Record<string, unknown> {
    const alt = codec.alternatives[this.nextTurn(codec, codec.alternatives.length)]!;
    this.coverage.note(codec, alt.name);
    return { [alt.name]: this.valueFor(alt.codec, depth + 1, this.bound(`${codec.name}.${alt.name}`)) };
  }

  /** A value of `codec`; `bound` is a subtype constraint on it (see {@link GeneratorOptions.constraints}). */
  valueFor(codec: AnyCodec, depth = 0, bound?: Bound): unknown {
    switch (codec.kind) {
      case 'integer':
        return this.integer(bound);
      case 'boolean':
        return this.rng.chance(0.5);
      case 'null':
        return null;
      case 'octetString':
        return this.hex(this.length(bound));
      case 'string':
        if (codec.name === 'GeneralizedTime' || codec.name === 'UTCTime') return this.generalizedTime();
        return this.text(alphabet(codec.name, this.options.profile), bound);
      case 'utf8String':
        return this.utf8();
      case 'objectIdentifier': {
        const first = this.rng.int(3);
        const arcs = [first, first < 2 ? this.rng.int(40) : this.rng.int(1000)];
        const n = this.rng.int(5);
        for (let i = 0; i < n; i++) arcs.push(this.rng.chance(0.3) ? this.rng.int(2 ** 31) : this.rng.int(200));
        return arcs.join('.');
      }
      case 'enumerated':
        return this.enumValue(codec);
      case 'bitString':
        return this.bits(codec);
      case 'sequence': {
        const out: Record<string, unknown> = {};
        // Deep inside, optional components get rarer so values stay small.
        const rate = depth > 6 ? this.optionalRate / 4 : this.optionalRate;
        for (const f of codec.fields) {
          if (!f.optional || this.rng.chance(rate)) out[f.name] = this.valueFor(f.codec, depth + 1, this.bound(`${codec.name}.${f.name}`));
        }
        return out;
      }
      case 'choice':
        return this.choiceValue(codec, depth);
      case 'sequenceOf': {
        const b = bound ?? this.bound(codec.name);
        const n = b !== undefined ? b.min + this.rng.int(Math.min(b.max, b.min + 3) - b.min + 1) : depth > 6 ? this.rng.int(2) : this.rng.int(4);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(this.valueFor(codec.item, depth + 1));
        return out;
      }
      case 'explicit':
        return this.valueFor(codec.inner, depth, bound);
      case 'open':
        return this.openValue();
      default: {
        const never: never = codec;
        throw new Error(`no generator for ${String(never)}`);
      }
    }
  }
}
