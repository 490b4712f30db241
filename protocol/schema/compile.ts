/**
 * Schema compilation: specialised decode functions generated once per SEQUENCE and CHOICE at
 * module load. The generated code stores each component under a constant property name (named
 * stores, one hidden class per type) instead of a computed key, which is what makes typed decode
 * several times faster than the interpreter it mirrors.
 *
 * The SEQUENCE fast path assumes the common case — every element is a known component, in
 * order. On anything else (an unknown element, a missing mandatory component) it hands the whole
 * SEQUENCE to the generic decoder, which keeps unknown elements and reports errors. The two paths
 * accept exactly the same components, so the result does not depend on which one ran.
 *
 * Only our own schema (identifiers and tag numbers) reaches the generated source: no input data.
 */
import type { BerReader } from '../ber/reader.js';
import type { AnyCodec } from './codec.js';

export interface CompiledFieldInfo {
  readonly name: string;
  readonly codec: AnyCodec;
  readonly optional: boolean;
}

type Decode = (r: BerReader) => unknown;
type WithPath = (e: unknown, segment: string) => unknown;

function acceptExpr(codec: AnyCodec, index: number): string {
  const tags = codec.firstTags;
  if (tags === null) return 'true';
  if (tags.length === 1) return `t === ${tags[0]}`;
  if (tags.length <= 4) return `(${tags.map((x) => `t === ${x}`).join(' || ')})`;
  return `S[${index}].has(t)`;
}

const prop = (name: string): string => `[${JSON.stringify(name)}]`;

/** A specialised decoder for SEQUENCE `name`, falling back to `generic` for unusual input. */
export function compileSequenceDecoder(name: string, fields: readonly CompiledFieldInfo[], generic: Decode, withPath: WithPath): Decode {
  const lines: string[] = [];
  lines.push('return function decodeSequence(r) {');
  lines.push('  if (!r.cons) return generic(r);');
  lines.push('  const hdr = r.hdr, start = r.start, end = r.end, next0 = r.next, tag0 = r.tag;');
  lines.push('  r.enter(hdr);');
  lines.push('  const out = {};');
  lines.push('  let pos = start, t = -1, next = 0, cur = "";');
  lines.push('  try {');
  lines.push('  if (pos < end) { r.header(pos, end); t = r.tag; next = r.next; }');
  fields.forEach((f, j) => {
    lines.push(`  if (t !== -1 && ${acceptExpr(f.codec, j)}) {`);
    lines.push(`    cur = ${JSON.stringify(f.name)};`);
    lines.push(`    out${prop(f.name)} = C[${j}].decode(r);`);
    lines.push('    pos = next;');
    lines.push('    if (pos < end) { r.header(pos, end); t = r.tag; next = r.next; } else t = -1;');
    lines.push(f.optional ? '  }' : '  } else { r.leave(); return fallback(r, hdr, start, end, next0, tag0); }');
  });
  lines.push('  if (pos < end) { r.leave(); return fallback(r, hdr, start, end, next0, tag0); }');
  lines.push('  } catch (e) { throw withPath(e, NAME + "." + cur); }');
  lines.push('  r.leave();');
  lines.push('  return out;');
  lines.push('};');
  const sets = fields.map((f) => (f.codec.firstTags !== null && f.codec.firstTags.length > 4 ? new Set(f.codec.firstTags) : undefined));
  const fallback = (r: BerReader, hdr: number, start: number, end: number, next: number, tag: number): unknown => {
    // Restore the SEQUENCE's own header, then let the interpreter decode it from the start.
    r.hdr = hdr;
    r.start = start;
    r.end = end;
    r.next = next;
    r.tag = tag;
    r.cons = true;
    return generic(r);
  };
  const factory = new Function('C', 'S', 'generic', 'fallback', 'withPath', 'NAME', lines.join('\n')) as (
    c: readonly AnyCodec[],
    s: readonly (Set<number> | undefined)[],
    g: Decode,
    fb: typeof fallback,
    wp: WithPath,
    n: string,
  ) => Decode;
  return factory(
    fields.map((f) => f.codec),
    sets,
    generic,
    fallback,
    withPath,
    name,
  );
}

/** A specialised decoder for an untagged CHOICE: a switch on the tag building `{ alt: value }`. */
export function compileChoiceDecoder(
  name: string,
  byTag: ReadonlyMap<number, { readonly name: string; readonly codec: AnyCodec }>,
  orElse: Decode,
  withPath: WithPath,
): Decode {
  const alts = [...new Set(byTag.values())];
  const lines: string[] = ['return function decodeChoice(r) {', '  switch (r.tag) {'];
  for (const [tag, alt] of byTag) {
    const k = alts.indexOf(alt);
    lines.push(`    case ${tag}: try { return { ${JSON.stringify(alt.name)}: A[${k}].decode(r) }; } catch (e) { throw withPath(e, NAME + ${JSON.stringify('.' + alt.name)}); }`);
  }
  lines.push('    default: return orElse(r);', '  }', '};');
  const factory = new Function('A', 'orElse', 'withPath', 'NAME', lines.join('\n')) as (a: readonly AnyCodec[], o: Decode, wp: WithPath, n: string) => Decode;
  return factory(
    alts.map((a) => a.codec),
    orElse,
    withPath,
    name,
  );
}
