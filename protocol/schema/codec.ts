/**
 * The schema engine's node types. Every ASN.1 type of the CSTA schema is a `Codec<T>` value: it
 * decodes BER into `T`, encodes `T` back, and describes itself (`kind` + structural fields) so the
 * XML codec, the CLI tree printer and the tests can walk the same schema.
 *
 * Value model (shared by BER, XML and the CLI's JSON):
 * - INTEGER → number; ENUMERATED → the identifier (`'alerting'`), or the number if unknown;
 * - BOOLEAN → boolean; NULL → null; character strings and GeneralizedTime → string;
 * - OCTET STRING → lower-case hex string; OBJECT IDENTIFIER → dotted string;
 * - BIT STRING with named bits → array of the names of the set bits (unknown bits as numbers);
 * - SEQUENCE → object keyed by the ASN.1 identifiers, absent OPTIONAL components omitted;
 *   elements the schema does not know are kept in `$unknown` and re-encoded where they stood;
 * - CHOICE → an object with exactly one key, the chosen alternative's identifier;
 * - open types (ANY, private data) → `{ tlv: hex }` of the whole element.
 */
import type { BerReader } from '../ber/reader.js';
import type { BerWriter } from '../ber/writer.js';

/** A BER element the schema does not know, kept whole so it can be re-encoded unchanged. */
export interface RawElement {
  /** Hex of the complete element (identifier, length and contents). */
  readonly tlv: string;
}

/** An unknown SEQUENCE component and the identifier of the known component it followed. */
export interface UnknownComponent extends RawElement {
  readonly after?: string;
}

interface CodecBase<T> {
  /** ASN.1 type reference, or a short description for anonymous types. */
  readonly name: string;
  /** Own tag key (see ber/tags.ts), or -1 for an untagged CHOICE or an open type. */
  readonly tag: number;
  /** Tag keys a value of this type can start with; `null` means any tag (open type). */
  readonly firstTags: readonly number[] | null;
  /**
   * Decodes the element the reader's last `header()` described (`r.tag`, `r.start`, ...).
   * Callers must call this right after `header()`, before touching the reader again.
   */
  decode(r: BerReader): T;
  /** Encodes `value` with tag key `tag` (the own tag, or an IMPLICIT replacement). */
  encode(w: BerWriter, value: T, tag: number): void;
  /** Phantom marker for type inference; never set. */
  readonly __value?: T;
}

export type PrimitiveKind =
  | 'integer'
  | 'boolean'
  | 'null'
  | 'octetString'
  | 'string'
  | 'utf8String'
  | 'objectIdentifier';

export interface PrimitiveCodec<T> extends CodecBase<T> {
  readonly kind: PrimitiveKind;
}

export interface EnumeratedCodec<T> extends CodecBase<T> {
  readonly kind: 'enumerated';
  readonly values: Readonly<Record<string, number>>;
}

export interface BitStringCodec<T> extends CodecBase<T> {
  readonly kind: 'bitString';
  /** Named bits by position; a hole is an unnamed position. */
  readonly bits: readonly (string | undefined)[];
}

export interface FieldSpec {
  readonly name: string;
  readonly codec: AnyCodec;
  readonly optional: boolean;
}

export interface SequenceCodec<T> extends CodecBase<T> {
  readonly kind: 'sequence';
  readonly fields: readonly FieldSpec[];
}

export interface AlternativeSpec {
  readonly name: string;
  readonly codec: AnyCodec;
}

export interface ChoiceCodec<T> extends CodecBase<T> {
  readonly kind: 'choice';
  readonly alternatives: readonly AlternativeSpec[];
  /** Unknown alternatives decode to `{ $unknown: RawElement }` instead of failing. */
  readonly extensible: boolean;
}

export interface SequenceOfCodec<T> extends CodecBase<T> {
  readonly kind: 'sequenceOf';
  readonly item: AnyCodec;
}

export interface ExplicitCodec<T> extends CodecBase<T> {
  readonly kind: 'explicit';
  readonly inner: AnyCodec;
}

export interface OpenTypeCodec<T> extends CodecBase<T> {
  readonly kind: 'open';
}

/** Every codec node, as a discriminated union on `kind`. */
export type Codec<T> =
  | PrimitiveCodec<T>
  | EnumeratedCodec<T>
  | BitStringCodec<T>
  | SequenceCodec<T>
  | ChoiceCodec<T>
  | SequenceOfCodec<T>
  | ExplicitCodec<T>
  | OpenTypeCodec<T>;

/** A codec of unknown value type (methods are bivariant, so any `Codec<T>` is assignable). */
export type AnyCodec = Codec<unknown>;

/** The value type a codec decodes to. */
export type Infer<C> = C extends { decode(r: BerReader): infer T } ? T : never;

/** Marker produced by `optional()` inside a `sequence()` field map. */
export interface OptionalField<C extends AnyCodec> {
  readonly optional: true;
  readonly codec: C;
}

export function optional<C extends AnyCodec>(codec: C): OptionalField<C> {
  return { optional: true, codec };
}

export type FieldMap = Readonly<Record<string, AnyCodec | OptionalField<AnyCodec>>>;

type FieldValue<F> = F extends OptionalField<infer C> ? Infer<C> : Infer<F>;
type RequiredKeys<F extends FieldMap> = { [K in keyof F]: F[K] extends OptionalField<AnyCodec> ? never : K }[keyof F];
type OptionalKeys<F extends FieldMap> = { [K in keyof F]: F[K] extends OptionalField<AnyCodec> ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The value type of `sequence(name, fields)`. */
export type SequenceValue<F extends FieldMap> = Simplify<
  { readonly [K in RequiredKeys<F>]: FieldValue<F[K]> } & { readonly [K in OptionalKeys<F>]?: FieldValue<F[K]> } & {
    readonly $unknown?: readonly UnknownComponent[];
    /** XML only: elements the schema does not know, kept as their source text (docs/xml.md, "Dialects"). */
    readonly $xml?: readonly string[];
    /** XML only: mandatory components the PBX left out (read liberally). */
    readonly $missing?: readonly string[];
  }
>;

export type AlternativeMap = Readonly<Record<string, AnyCodec>>;

/** The value type of `choice(name, alternatives)`: exactly one key. */
export type ChoiceValue<A extends AlternativeMap> = {
  [K in keyof A]: { readonly [P in K]: Infer<A[K]> };
}[keyof A];

/** The codec under any EXPLICIT tag wrappers (what a value of it looks like, tags aside). */
export function withoutExplicitTags(codec: AnyCodec): AnyCodec {
  let c = codec;
  while (c.kind === 'explicit') c = c.inner;
  return c;
}
