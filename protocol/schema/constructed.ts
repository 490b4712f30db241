/**
 * Constructed ASN.1 types (SEQUENCE, SEQUENCE OF, CHOICE) and tagging (IMPLICIT / EXPLICIT).
 * Schema modules build the CSTA types from these; each call compiles the lookups the hot path
 * needs (tag → field, tag → alternative) once, at module load.
 */
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../errors.js';
import { TagClass, Universal, identifierHex, tagKey, tagName, universal } from '../ber/tags.js';
import type { BerReader } from '../ber/reader.js';
import { compileChoiceDecoder, compileExplicitDecoder, compileSequenceDecoder } from './compile.js';
import { compileChoiceEncoder, compileExplicitEncoder, compileSequenceEncoder } from './compile-encode.js';
import type { BerWriter } from '../ber/writer.js';
import type {
  AlternativeMap,
  AnyCodec,
  ChoiceCodec,
  ChoiceValue,
  Codec,
  ExplicitCodec,
  FieldMap,
  FieldSpec,
  Infer,
  OptionalField,
  RawElement,
  SequenceCodec,
  SequenceOfCodec,
  SequenceValue,
  UnknownComponent,
} from './codec.js';

type Loose = Record<string, unknown>;

/** Adds a path segment to an error on its way out (cheap: only runs when something failed). */
function withPath(e: unknown, segment: string): unknown {
  if (e instanceof DecodeError || e instanceof EncodeError) {
    const mutable = e as { path: string | undefined; message: string };
    const old = mutable.path;
    mutable.path = old === undefined ? segment : `${segment}.${old}`;
    mutable.message = old === undefined ? `${e.message} (in ${segment})` : e.message.replace(`in ${old}`, `in ${mutable.path}`);
  }
  return e;
}

function hexTags(tags: readonly number[] | null, cons: boolean): string {
  return tags === null ? 'any' : tags.map((t) => identifierHex(t, cons)).join('|');
}

// ---- tagging ---------------------------------------------------------------------------------

function contextOrClass(n: number, cls: TagClass): number {
  return tagKey(cls, n);
}

/**
 * `[n] IMPLICIT T`: the same type with its own tag replaced. An untagged CHOICE or open type
 * cannot be implicitly tagged, so there the tag is explicit (X.680 31.2.7).
 */
export function implicit<C extends AnyCodec>(n: number, codec: C, cls: TagClass = TagClass.context): C {
  // X.680 31.2.7: an IMPLICIT tag on an untagged CHOICE or open type is an explicit tag.
  if (codec.tag === -1) return explicit(n, codec, cls) as unknown as C;
  const tag = contextOrClass(n, cls);
  return { ...codec, tag, firstTags: [tag] };
}

/** `[n] T` in an EXPLICIT context (and every tagged CHOICE): a constructed wrapper around T. */
export function explicit<C extends AnyCodec>(n: number, inner: C, cls: TagClass = TagClass.context, name?: string): ExplicitCodec<Infer<C>> {
  const tag = contextOrClass(n, cls);
  const innerTags = inner.firstTags;
  const label = name ?? `${tagName(tag)} ${inner.name}`;
  return {
    kind: 'explicit',
    name: label,
    tag,
    firstTags: [tag],
    inner,
    decode: compileExplicitDecoder(inner, (r: BerReader, what: 0 | 1 | 2, pos: number): DecodeError => {
      if (what === 0) return new DecodeError(DecodeErrorCode.BadValue, r.hdr, `explicitly tagged ${label} must be constructed`);
      if (what === 1) {
        return new DecodeError(DecodeErrorCode.UnexpectedTag, r.hdr, `unexpected tag inside ${label}`, {
          expected: hexTags(innerTags, true),
          found: r.foundTag(),
        });
      }
      return new DecodeError(DecodeErrorCode.TrailingBytes, pos, `extra bytes inside ${label}`);
    }) as (r: BerReader) => Infer<C>,
    encode: compileExplicitEncoder(inner, withPath) as (w: BerWriter, v: Infer<C>, t: number) => void,
  };
}

/** Shorthand for `[APPLICATION n] IMPLICIT T`. */
export const applicationImplicit = <C extends AnyCodec>(n: number, codec: C): C => implicit(n, codec, TagClass.application);
/** Shorthand for `[APPLICATION n] T` (explicit), as in `ConnectionID ::= [APPLICATION 11] CHOICE`. */
export const applicationExplicit = <C extends AnyCodec>(n: number, codec: C, name?: string): ExplicitCodec<Infer<C>> =>
  explicit(n, codec, TagClass.application, name);

// ---- SEQUENCE --------------------------------------------------------------------------------

interface CompiledField extends FieldSpec {
  /** The single tag that starts this field, or -1 if several/any. */
  readonly single: number;
  /** All starting tags when there are several; null = any. */
  readonly set: ReadonlySet<number> | null;
}

function compileField(name: string, spec: AnyCodec | OptionalField<AnyCodec>): CompiledField {
  const isOptional = 'optional' in spec && (spec as OptionalField<AnyCodec>).optional === true && !('kind' in spec);
  const codec = isOptional ? (spec as OptionalField<AnyCodec>).codec : (spec as AnyCodec);
  const tags = codec.firstTags;
  return {
    name,
    codec,
    optional: isOptional,
    single: tags !== null && tags.length === 1 ? tags[0]! : -1,
    set: tags === null ? null : new Set(tags),
  };
}

function accepts(f: CompiledField, tag: number): boolean {
  if (f.single !== -1) return f.single === tag;
  return f.set === null || f.set.has(tag);
}

/**
 * Checks that every pair of consecutive OPTIONAL fields has distinct tags (X.680 25.5).
 * A later field that accepts any tag (an open type, or a CHOICE with an open alternative such as
 * `SecurityInfo.private`) is allowed after a tagged OPTIONAL one: the decoder tries fields in
 * order, so the earlier field wins its own tags and the open one takes everything else. An open
 * OPTIONAL field followed by anything is still an error (it would swallow its successors).
 */
function checkDistinctTags(name: string, fields: readonly CompiledField[]): void {
  for (let i = 0; i < fields.length; i++) {
    if (!fields[i]!.optional) continue;
    for (let j = i + 1; j < fields.length; j++) {
      const a = fields[i]!.codec.firstTags;
      const b = fields[j]!.codec.firstTags;
      if (a === null || (b !== null && a.some((t) => b.includes(t)))) {
        throw new Error(`schema error: ${name}.${fields[i]!.name} and .${fields[j]!.name} share a tag`);
      }
      if (!fields[j]!.optional) break;
    }
  }
}

/**
 * `SEQUENCE { ... }`. `fields` maps each ASN.1 identifier to its codec, wrapped in `optional()`
 * when OPTIONAL; the object's key order is the component order.
 */
export function sequence<const F extends FieldMap>(name: string, fieldMap: F): SequenceCodec<SequenceValue<F>> {
  const fields = Object.entries(fieldMap).map(([k, v]) => compileField(k, v));
  checkDistinctTags(name, fields);
  const n = fields.length;
  const tag = universal(Universal.sequence);
  return {
    kind: 'sequence',
    name,
    tag,
    firstTags: [tag],
    fields,
    decode: compileSequenceDecoder(name, fields, genericDecode as (r: BerReader) => unknown, withPath) as (r: BerReader) => SequenceValue<F>,
    encode: compileSequenceEncoder(name, fields, encodeSequence as (w: BerWriter, v: unknown, t: number) => void, missingField, withPath),
  };

  function missingField(j: number): EncodeError {
    return new EncodeError(EncodeErrorCode.MissingField, `mandatory ${fields[j]!.name} is missing`, name);
  }

  function genericDecode(r: BerReader): SequenceValue<F> {
    if (!r.cons) throw new DecodeError(DecodeErrorCode.BadValue, r.hdr, `${name} must be constructed`);
    const end = r.end;
    r.enter(r.hdr);
    const out: Loose = {};
    let unknown: UnknownComponent[] | undefined;
    let after: string | undefined;
    let i = 0;
    let pos = r.start;
    while (pos < end) {
      r.header(pos, end);
      const t = r.tag;
      let match = -1;
      for (let j = i; j < n; j++) {
        const f = fields[j]!;
        if (accepts(f, t)) {
          match = j;
          break;
        }
        if (!f.optional) break;
      }
      const next = r.next;
      if (match >= 0) {
        const f = fields[match]!;
        try {
          out[f.name] = f.codec.decode(r);
        } catch (e) {
          throw withPath(e, `${name}.${f.name}`);
        }
        after = f.name;
        i = match + 1;
      } else {
        const raw: UnknownComponent = after === undefined ? { tlv: r.hex(pos, next) } : { tlv: r.hex(pos, next), after };
        (unknown ??= []).push(raw);
      }
      pos = next;
    }
    for (; i < n; i++) {
      const f = fields[i]!;
      if (!f.optional) {
        throw new DecodeError(DecodeErrorCode.MissingField, end, `mandatory ${name}.${f.name} is missing`, {
          expected: hexTags(f.codec.firstTags, f.codec.kind !== 'integer'),
          found: 'end of contents',
        });
      }
    }
    if (unknown !== undefined) out.$unknown = unknown;
    r.leave();
    return out as SequenceValue<F>;
  }

  function encodeSequence(w: BerWriter, value: SequenceValue<F>, t: number): void {
    if (typeof value !== 'object' || value === null) throw new EncodeError(EncodeErrorCode.BadValue, `${name} needs an object`);
    const v = value as Loose;
    const unknown = v.$unknown as readonly UnknownComponent[] | undefined;
    const m = w.size;
    for (let j = n - 1; j >= 0; j--) {
      const f = fields[j]!;
      if (unknown !== undefined) writeUnknownAfter(w, unknown, f.name);
      const fv = v[f.name];
      if (fv === undefined) {
        if (!f.optional) throw missingField(j);
        continue;
      }
      try {
        f.codec.encode(w, fv, f.codec.tag);
      } catch (e) {
        throw withPath(e, `${name}.${f.name}`);
      }
    }
    if (unknown !== undefined) writeUnknownAfter(w, unknown, undefined);
    w.wrap(m, t, true);
  }
}

/** Writes (backwards) the unknown components that followed `after`, preserving their order. */
function writeUnknownAfter(w: BerWriter, unknown: readonly UnknownComponent[], after: string | undefined): void {
  for (let k = unknown.length - 1; k >= 0; k--) if (unknown[k]!.after === after) w.hex(unknown[k]!.tlv);
}

// ---- SEQUENCE OF -----------------------------------------------------------------------------

/** `SEQUENCE OF T` (or `SET OF T` with `setOf: true`) → array. */
export function sequenceOf<C extends AnyCodec>(name: string, item: C, setOf = false): SequenceOfCodec<readonly Infer<C>[]> {
  const tag = universal(setOf ? Universal.set : Universal.sequence);
  const itemTags = item.firstTags;
  const itemSet = itemTags === null ? null : new Set(itemTags);
  return {
    kind: 'sequenceOf',
    name,
    tag,
    firstTags: [tag],
    item,
    decode(r: BerReader): readonly Infer<C>[] {
      if (!r.cons) throw new DecodeError(DecodeErrorCode.BadValue, r.hdr, `${name} must be constructed`);
      const end = r.end;
      r.enter(r.hdr);
      const out: Infer<C>[] = [];
      let pos = r.start;
      while (pos < end) {
        r.header(pos, end);
        if (itemSet !== null && !itemSet.has(r.tag)) {
          throw new DecodeError(DecodeErrorCode.UnexpectedTag, pos, `unexpected element in ${name}`, {
            expected: hexTags(itemTags, true),
            found: r.foundTag(),
          });
        }
        const next = r.next;
        try {
          out.push(item.decode(r) as Infer<C>);
        } catch (e) {
          throw withPath(e, `${name}[${out.length}]`);
        }
        pos = next;
      }
      r.leave();
      return out;
    },
    encode(w: BerWriter, v: readonly Infer<C>[], t: number): void {
      if (!Array.isArray(v)) throw new EncodeError(EncodeErrorCode.BadValue, `${name} needs an array`);
      const m = w.size;
      for (let k = v.length - 1; k >= 0; k--) {
        try {
          item.encode(w, v[k], item.tag);
        } catch (e) {
          throw withPath(e, `${name}[${k}]`);
        }
      }
      w.wrap(m, t, true);
    },
  };
}

// ---- CHOICE ----------------------------------------------------------------------------------

/** Value of an extensible CHOICE whose alternative the schema does not know. */
export interface UnknownAlternative {
  readonly $unknown: RawElement;
}

interface ChoiceOptions {
  /** Keep unknown alternatives as raw elements instead of failing (event categories, vendor data). */
  readonly extensible?: boolean;
}

/** `CHOICE { ... }` (untagged) → `{ alternativeName: value }`. */
export function choice<const A extends AlternativeMap>(name: string, alternativeMap: A): ChoiceCodec<ChoiceValue<A>>;
export function choice<const A extends AlternativeMap>(
  name: string,
  alternativeMap: A,
  options: ChoiceOptions & { readonly extensible: true },
): ChoiceCodec<ChoiceValue<A> | UnknownAlternative>;
export function choice<const A extends AlternativeMap>(name: string, alternativeMap: A, options: ChoiceOptions = {}): ChoiceCodec<Loose> {
  const alternatives = Object.entries(alternativeMap).map(([k, codec]) => ({ name: k, codec }));
  const byTag = new Map<number, { name: string; codec: AnyCodec }>();
  let catchAll: { name: string; codec: AnyCodec } | undefined;
  const byName = new Map<string, AnyCodec>();
  for (const alt of alternatives) {
    byName.set(alt.name, alt.codec);
    if (alt.codec.firstTags === null) {
      if (catchAll !== undefined) throw new Error(`schema error: ${name} has two open alternatives`);
      catchAll = alt;
      continue;
    }
    for (const t of alt.codec.firstTags) {
      if (byTag.has(t)) throw new Error(`schema error: ${name}.${alt.name} repeats tag ${tagName(t)}`);
      byTag.set(t, alt);
    }
  }
  const firstTags = catchAll !== undefined || options.extensible === true ? null : [...byTag.keys()];
  const extensible = options.extensible === true;
  return {
    kind: 'choice',
    name,
    tag: -1,
    firstTags,
    alternatives,
    extensible,
    decode: compileChoiceDecoder(name, byTag, decodeOther, withPath) as (r: BerReader) => Loose,
    encode: compileChoiceEncoder(name, alternatives, encodeChoice as (w: BerWriter, v: unknown, t: number) => void, withPath),
  };

  /** Tags not in the switch: the open alternative, an unknown one, or an error. */
  function decodeOther(r: BerReader): Loose {
    const alt = byTag.get(r.tag) ?? catchAll;
    if (alt === undefined) {
      if (extensible) return { $unknown: { tlv: r.hex(r.hdr, r.next) } };
      throw new DecodeError(DecodeErrorCode.UnexpectedTag, r.hdr, `no alternative of ${name} has this tag`, {
        expected: hexTags([...byTag.keys()], true),
        found: r.foundTag(),
      });
    }
    const out: Loose = {};
    try {
      out[alt.name] = alt.codec.decode(r);
    } catch (e) {
      throw withPath(e, `${name}.${alt.name}`);
    }
    return out;
  }

  function encodeChoice(w: BerWriter, v: Loose): void {
    if (typeof v !== 'object' || v === null) throw new EncodeError(EncodeErrorCode.BadValue, `${name} needs an object`);
    let chosen: string | undefined;
    for (const k in v) {
      if (chosen !== undefined) throw new EncodeError(EncodeErrorCode.BadValue, `${name} value has two alternatives (${chosen}, ${k})`);
      chosen = k;
    }
    if (chosen === '$unknown' && extensible) {
      w.hex((v.$unknown as RawElement).tlv);
      return;
    }
    const codec = chosen === undefined ? undefined : byName.get(chosen);
    if (codec === undefined) throw new EncodeError(EncodeErrorCode.BadValue, `${name} has no alternative ${String(chosen)}`);
    try {
      codec.encode(w, v[chosen!], codec.tag);
    } catch (e) {
      throw withPath(e, `${name}.${chosen}`);
    }
  }
}

/** Narrowing helper for schema authors: asserts a codec's value type. */
export function typed<T>(codec: AnyCodec): Codec<T> {
  return codec as Codec<T>;
}
