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

/**
 * How a primitive's decode function can be written inline in generated code: its primitive form
 * as one reader call (the constructed form, and every error, still go through the function).
 * The primitives register their decode functions here (primitives.ts): they are closures made
 * per type from one function literal, which V8 will not inline (no per-closure feedback).
 */
export type InlineDecode =
  | { readonly kind: 'latin1' | 'hex' | 'integer' | 'boolean' | 'null' }
  | { readonly kind: 'enumerated'; readonly byNumber: ReadonlyMap<number, string> };
const INLINE = new WeakMap<Decode, InlineDecode>();

export function registerInlineDecode(decode: Decode, how: InlineDecode): void {
  INLINE.set(decode, how);
}

/**
 * The source of decoding with `fn` (a parameter named `fnName`; `mapName` names the parameter
 * holding an ENUMERATED's table, when `tableOf` returns one).
 */
function decodeCall(decode: Decode, fnName: string, mapName: string): string {
  const how = INLINE.get(decode);
  if (how === undefined) return `${fnName}(r)`;
  switch (how.kind) {
    case 'latin1':
    case 'hex':
    case 'integer':
    case 'boolean':
    case 'null':
      return `(r.cons ? ${fnName}(r) : r.${how.kind}(r.start, r.end))`;
    case 'enumerated':
      return `(r.cons ? ${fnName}(r) : (n = r.integer(r.start, r.end), ${mapName}.get(n) ?? n))`;
    default: {
      const never: never = how;
      return never;
    }
  }
}

/** The ENUMERATED table `decode` needs inline, if any. */
function tableOf(decode: Decode): ReadonlyMap<number, string> | undefined {
  const how = INLINE.get(decode);
  return how?.kind === 'enumerated' ? how.byNumber : undefined;
}

/**
 * A set of tag keys tested without hashing: keys with a tag number below 64 (all of CSTA's
 * context tags, most application ones) index a 256-entry table by class and number; the rest
 * (high-numbered vendor tags) are in `high`.
 */
export interface TagTable {
  readonly low: Uint8Array;
  readonly high: ReadonlySet<number>;
}

export function tagTable(tags: readonly number[]): TagTable {
  const low = new Uint8Array(256);
  const high = new Set<number>();
  for (const t of tags) {
    if ((t & 0x1fffff) < 64) low[(t >>> 15) | (t & 63)] = 1;
    else high.add(t);
  }
  return { low, high };
}

/** The source of a test of `t` against `tags` (the table `table` for large sets), `true` for any tag. */
export function acceptSource(tags: readonly number[] | null, table: string): string {
  if (tags === null) return 'true';
  if (tags.length === 1) return `t === ${tags[0]}`;
  if (tags.length <= 4) return `(${tags.map((x) => `t === ${x}`).join(' || ')})`;
  return `((t & 0x1fffc0) === 0 ? ${table}.low[(t >>> 15) | (t & 63)] === 1 : ${table}.high.has(t))`;
}

function acceptExpr(codec: AnyCodec, index: number): string {
  return acceptSource(codec.firstTags, `S${index}`);
}

const prop = (name: string): string => `[${JSON.stringify(name)}]`;

/**
 * V8 caches `new Function` by source text, and functions compiled from one cached source share
 * their type feedback: two SEQUENCEs with the same components (CallingDevice, CalledDevice, …)
 * would see each other's component decoders at every call site and call them all megamorphically.
 * A serial number in each generated source keeps every decoder's feedback its own.
 */
let serial = 0;
export function uniqueSource(body: string): string {
  return `// #${serial++}\n${body}`;
}

/**
 * A constructor of plain objects, one per SEQUENCE type: `new Out()` is an ordinary object
 * (prototype Object.prototype, no own properties, indistinguishable from `{}`), but V8 sizes the
 * objects one constructor makes to the properties they end up with (slack tracking), where `{}`
 * has room for four and moves the rest to a separately allocated, regrown property array.
 */
function plainObjectConstructor(): new () => Record<string, unknown> {
  const Out = function (this: Record<string, unknown>) {} as unknown as { new (): Record<string, unknown>; prototype: object };
  Out.prototype = Object.prototype;
  return Out;
}

/** A specialised decoder for SEQUENCE `name`, falling back to `generic` for unusual input. */
export function compileSequenceDecoder(name: string, fields: readonly CompiledFieldInfo[], generic: Decode, withPath: WithPath): Decode {
  const lines: string[] = [];
  lines.push('return function decodeSequence(r) {');
  lines.push('  if (!r.cons) return generic(r);');
  lines.push('  const hdr = r.hdr, start = r.start, end = r.end, next0 = r.next, tag0 = r.tag;');
  lines.push('  r.enter(hdr);');
  lines.push('  const out = new Out();');
  lines.push('  let pos = start, t = -1, next = 0, cur = "", n = 0;');
  lines.push('  try {');
  lines.push('  if (pos < end) { r.header(pos, end); t = r.tag; next = r.next; }');
  fields.forEach((f, j) => {
    lines.push(`  if (t !== -1 && ${acceptExpr(f.codec, j)}) {`);
    lines.push(`    cur = ${JSON.stringify(f.name)};`);
    lines.push(`    out${prop(f.name)} = ${decodeCall(f.codec.decode, `D${j}`, `M${j}`)};`);
    lines.push('    pos = next;');
    lines.push('    if (pos < end) { r.header(pos, end); t = r.tag; next = r.next; } else t = -1;');
    lines.push(f.optional ? '  }' : '  } else { r.leave(); return fallback(r, hdr, start, end, next0, tag0); }');
  });
  lines.push('  if (pos < end) { r.leave(); return fallback(r, hdr, start, end, next0, tag0); }');
  lines.push('  } catch (e) { throw withPath(e, NAME + "." + cur); }');
  lines.push('  r.leave();');
  lines.push('  return out;');
  lines.push('};');
  const tables = fields.map((f) => (f.codec.firstTags !== null && f.codec.firstTags.length > 4 ? tagTable(f.codec.firstTags) : undefined));
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
  // Each component's decode function and tag table are parameters of their own, so every call
  // site in the generated code sees one known target.
  const params = [...fields.map((_, j) => `D${j}`), ...fields.map((_, j) => `S${j}`), ...fields.map((_, j) => `M${j}`)];
  const factory = new Function(...params, 'Out', 'generic', 'fallback', 'withPath', 'NAME', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => Decode;
  return factory(...fields.map((f) => f.codec.decode), ...tables, ...fields.map((f) => tableOf(f.codec.decode)), plainObjectConstructor(), generic, fallback, withPath, name);
}

/** A specialised decoder for an untagged CHOICE: a switch on the tag building `{ alt: value }`. */
export function compileChoiceDecoder(
  name: string,
  byTag: ReadonlyMap<number, { readonly name: string; readonly codec: AnyCodec }>,
  orElse: Decode,
  withPath: WithPath,
): Decode {
  const alts = [...new Set(byTag.values())];
  const lines: string[] = ['return function decodeChoice(r) {', '  let n = 0;', '  switch (r.tag) {'];
  for (const [tag, alt] of byTag) {
    const k = alts.indexOf(alt);
    lines.push(`    case ${tag}: try { return { ${JSON.stringify(alt.name)}: ${decodeCall(alt.codec.decode, `A${k}`, `M${k}`)} }; } catch (e) { throw withPath(e, NAME + ${JSON.stringify('.' + alt.name)}); }`);
  }
  lines.push('    default: return orElse(r);', '  }', '};');
  const factory = new Function(...alts.map((_, k) => `A${k}`), ...alts.map((_, k) => `M${k}`), 'orElse', 'withPath', 'NAME', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => Decode;
  return factory(...alts.map((a) => a.codec.decode), ...alts.map((a) => tableOf(a.codec.decode)), orElse, withPath, name);
}

/**
 * A specialised decoder for an EXPLICIT tag around `inner`: checks the one inner element's tag
 * (a comparison or a table, no Set), decodes it, checks nothing follows. `fail` builds the
 * errors: 0 = not constructed, 1 = unexpected inner tag, 2 = trailing bytes at `pos`.
 */
export function compileExplicitDecoder(inner: AnyCodec, fail: (r: BerReader, what: 0 | 1 | 2, pos: number) => unknown): Decode {
  const tags = inner.firstTags;
  const lines = [
    'return function decodeExplicit(r) {',
    '  if (!r.cons) throw fail(r, 0, 0);',
    '  const end = r.end;',
    '  r.enter(r.hdr);',
    '  r.header(r.start, end);',
    '  const t = r.tag;',
    `  if (!${acceptSource(tags, 'T')}) throw fail(r, 1, 0);`,
    '  const next = r.next;',
    '  let n = 0;',
    `  const v = ${decodeCall(inner.decode, 'D', 'M')};`,
    '  if (next !== end) throw fail(r, 2, next);',
    '  r.leave();',
    '  return v;',
    '};',
  ];
  const factory = new Function('D', 'T', 'M', 'fail', uniqueSource(lines.join('\n'))) as (d: Decode, t: TagTable | undefined, m: unknown, f: typeof fail) => Decode;
  return factory(inner.decode, tags !== null && tags.length > 4 ? tagTable(tags) : undefined, tableOf(inner.decode), fail);
}
