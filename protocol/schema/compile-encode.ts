/**
 * Schema compilation, encode side: specialised encode functions generated once per SEQUENCE and
 * CHOICE at module load, as compile.ts does for decoding. Each component's encoder and tag are
 * bound as constants of the generated function (no loop over a field table, no `Map` lookup by
 * alternative name), which is what makes them faster than the interpreter.
 *
 * The generated code only handles the common case and hands everything else to the interpreter
 * (`generic`) unchanged: a SEQUENCE value carrying `$unknown` components, a value that is not an
 * object, a CHOICE value without exactly one key, an alternative it does not know. Both paths
 * write the same bytes and throw the same errors, so the result does not depend on which ran.
 *
 * Only our own schema (identifiers and tag numbers) reaches the generated source: no input data.
 */
import type { BerWriter } from '../ber/writer.js';
import type { AnyCodec } from './codec.js';
import type { CompiledFieldInfo } from './compile.js';
import { uniqueSource } from './compile.js';

type Encode = (w: BerWriter, value: unknown, tag: number) => void;
type WithPath = (e: unknown, segment: string) => unknown;

/**
 * How a primitive's encode function can be written inline in generated code, for the values it
 * takes; anything else (and so every error) still goes through the function. Registered by the
 * primitives (primitives.ts): closures made per type from one literal, which V8 will not inline.
 */
export type InlineEncode =
  | { readonly kind: 'latin1' | 'hex' | 'integer' | 'boolean' | 'null' }
  | { readonly kind: 'enumerated'; readonly byName: ReadonlyMap<unknown, number> };
const INLINE = new WeakMap<Encode, InlineEncode>();

export function registerInlineEncode(encode: Encode, how: InlineEncode): void {
  INLINE.set(encode as Encode, how);
}

/**
 * The identifier octet of primitive tag `tag` when it is one octet (tag number below 31), else -1.
 * With it the generated code writes a whole TLV in one writer call (the `…Tlv` methods).
 */
function primitiveId(tag: number): number {
  const num = tag & 0x1fffff;
  return num < 31 ? ((tag >>> 21) << 6) | num : -1;
}

/** ENUMERATEDs with at most this many names are encoded by a switch on the name, not a Map. */
const SWITCH_ENUM_MAX = 16;

/** Whether every value of an ENUMERATED's table is a safe integer (so the generated code need not check). */
function allSafe(byName: ReadonlyMap<unknown, number>): boolean {
  for (const n of byName.values()) if (!Number.isSafeInteger(n)) return false;
  return true;
}

/** Statements encoding `v` (an expression without side effects) with `fn` and tag `tag`. */
function encodeStatements(encode: Encode, fn: string, map: string, v: string, tag: number): string {
  const how = INLINE.get(encode);
  const call = `${fn}(w, ${v}, ${tag});`;
  if (how === undefined) return call;
  const id = primitiveId(tag);
  if (id >= 0) {
    switch (how.kind) {
      case 'latin1':
        return `if (typeof ${v} !== "string" || !w.latin1Tlv(${v}, ${id})) ${call}`;
      case 'hex':
        return `if (typeof ${v} === "string") w.hexTlv(${v}, ${id}); else ${call}`;
      case 'integer':
        return `if (typeof ${v} === "number" && Number.isSafeInteger(${v})) w.integerTlv(${v}, ${id}); else ${call}`;
      case 'boolean':
        return `if (typeof ${v} === "boolean") w.tlv3(${id}, ${v} ? 0xff : 0x00); else ${call}`;
      case 'null':
        return `if (${v} === null) w.tlv2(${id}); else ${call}`;
      case 'enumerated': {
        if (how.byName.size <= SWITCH_ENUM_MAX && allSafe(how.byName)) {
          // A switch on the name with each value's whole TLV as a constant: for a short list,
          // comparisons of (interned) strings beat the Map lookup.
          const cases = [...how.byName].map(([k, n]) => `case ${JSON.stringify(k)}: ${n >= 0 && n < 0x80 ? `w.tlv3(${id}, ${n})` : `w.integerTlv(${n}, ${id})`}; break;`);
          return `if (typeof ${v} === "string") switch (${v}) { ${cases.join(' ')} default: ${call} } else ${call}`;
        }
        const safe = allSafe(how.byName) ? '' : ' && Number.isSafeInteger(n2)';
        return `if (typeof ${v} === "string" && (n2 = ${map}.get(${v})) !== undefined${safe}) w.integerTlv(n2, ${id}); else ${call}`;
      }
      default: {
        const never: never = how;
        return never;
      }
    }
  }
  switch (how.kind) {
    case 'latin1':
      return `if (typeof ${v} === "string" && (m2 = w.size, w.latin1IfFits(${v}))) w.wrap(m2, ${tag}, false); else ${call}`;
    case 'hex':
      return `if (typeof ${v} === "string") { m2 = w.size; if (!w.lowerHexIfValid(${v})) w.utf8(${v}); w.wrap(m2, ${tag}, false); } else ${call}`;
    case 'integer':
      return `if (typeof ${v} === "number" && Number.isSafeInteger(${v})) { m2 = w.size; w.integer(${v}); w.wrap(m2, ${tag}, false); } else ${call}`;
    case 'boolean':
      return `if (typeof ${v} === "boolean") { w.byte(${v} ? 0xff : 0x00); w.byte(1); w.tag(${tag}, false); } else ${call}`;
    case 'null':
      return `if (${v} === null) { w.byte(0); w.tag(${tag}, false); } else ${call}`;
    case 'enumerated':
      return `if (typeof ${v} === "string" && (n2 = ${map}.get(${v})) !== undefined && Number.isSafeInteger(n2)) { m2 = w.size; w.integer(n2); w.wrap(m2, ${tag}, false); } else ${call}`;
    default: {
      const never: never = how;
      return never;
    }
  }
}

function tableOf(encode: Encode): ReadonlyMap<unknown, number> | undefined {
  const how = INLINE.get(encode);
  return how?.kind === 'enumerated' ? how.byName : undefined;
}

const prop = (name: string): string => `[${JSON.stringify(name)}]`;

/**
 * A specialised encoder for SEQUENCE `name`. `missing(j)` builds the error for an absent
 * mandatory component `j` (the interpreter's own), thrown outside any path wrapping, as there.
 */
export function compileSequenceEncoder(
  name: string,
  fields: readonly CompiledFieldInfo[],
  generic: Encode,
  missing: (j: number) => unknown,
  withPath: WithPath,
): Encode {
  const lines: string[] = [];
  lines.push('return function encodeSequence(w, value, t) {');
  lines.push('  if (typeof value !== "object" || value === null || value.$unknown !== undefined) { generic(w, value, t); return; }');
  lines.push('  const m = w.size;');
  lines.push('  let fv, m2 = 0, n2 = 0;');
  for (let j = fields.length - 1; j >= 0; j--) {
    const f = fields[j]!;
    lines.push(`  fv = value${prop(f.name)};`);
    const call = `try { ${encodeStatements(f.codec.encode, `E${j}`, `M${j}`, 'fv', f.codec.tag)} } catch (e) { throw withPath(e, ${JSON.stringify(`${name}.${f.name}`)}); }`;
    if (f.optional) lines.push(`  if (fv !== undefined) { ${call} }`);
    else lines.push(`  if (fv === undefined) throw missing(${j});`, `  ${call}`);
  }
  lines.push('  w.wrapConstructed(m, t);');
  lines.push('};');
  const names = [...fields.map((_, j) => `E${j}`), ...fields.map((_, j) => `M${j}`)];
  const factory = new Function(...names, 'generic', 'missing', 'withPath', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => Encode;
  return factory(...fields.map((f) => f.codec.encode), ...fields.map((f) => tableOf(f.codec.encode)), generic, missing, withPath);
}

/** A specialised encoder for an untagged CHOICE: a switch on the value's one key. */
export function compileChoiceEncoder(
  name: string,
  alternatives: Alternatives,
  generic: Encode,
  withPath: WithPath,
): Encode {
  const lines: string[] = [];
  lines.push('return function encodeChoice(w, v, t) {');
  lines.push('  if (typeof v !== "object" || v === null) { generic(w, v, t); return; }');
  lines.push('  let chosen, n = 0, m2 = 0, n2 = 0, av;');
  lines.push('  for (const k in v) { chosen = k; n++; }');
  lines.push('  if (n !== 1) { generic(w, v, t); return; }');
  lines.push('  switch (chosen) {');
  lines.push(...alternativeCases(name, alternatives, 'return'));
  lines.push('    default: generic(w, v, t);');
  lines.push('  }');
  lines.push('};');
  const factory = new Function(...alternativeParams(alternatives), 'generic', 'withPath', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => Encode;
  return factory(...alternativeArgs(alternatives), generic, withPath);
}

type Alternatives = readonly { readonly name: string; readonly codec: AnyCodec }[];

/**
 * The `case` of each alternative in a compiled CHOICE switch: its value encoded by its own
 * encoder (A<k>, with its table M<k>), errors given the alternative's path, then `end`.
 */
function alternativeCases(name: string, alternatives: Alternatives, end: 'return' | 'break'): string[] {
  return alternatives.map(
    (a, k) => `    case ${JSON.stringify(a.name)}: av = v${prop(a.name)}; try { ${encodeStatements(a.codec.encode, `A${k}`, `M${k}`, 'av', a.codec.tag)} } catch (e) { throw withPath(e, ${JSON.stringify(`${name}.${a.name}`)}); } ${end};`,
  );
}

/** The parameter names of the alternatives' encoders and tables in generated code (A0…, M0…). */
function alternativeParams(alternatives: Alternatives): string[] {
  return [...alternatives.map((_, k) => `A${k}`), ...alternatives.map((_, k) => `M${k}`)];
}

/** The values for {@link alternativeParams}, in the same order. */
function alternativeArgs(alternatives: Alternatives): unknown[] {
  return [...alternatives.map((a) => a.codec.encode), ...alternatives.map((a) => tableOf(a.codec.encode))];
}

/**
 * A specialised encoder for an EXPLICIT tag around `inner`: the inner TLV, then the wrapper's
 * header. Around an untagged CHOICE (`[APPLICATION 3] CHOICE {…}`, every device identifier) the
 * CHOICE's own switch is written in, so the pair is one call; any value that switch does not
 * take goes to the CHOICE's encoder unchanged, and errors carry the same paths as before.
 */
export function compileExplicitEncoder(inner: AnyCodec, withPath: WithPath): Encode {
  if (inner.kind === 'choice') return compileExplicitChoiceEncoder(inner.name, inner.alternatives, inner.encode, withPath);
  const lines = [
    'return function encodeExplicit(w, v, t) {',
    '  let m2 = 0, n2 = 0;',
    '  const m = w.size;',
    `  ${encodeStatements(inner.encode, 'E', 'M', 'v', inner.tag)}`,
    '  w.wrapConstructed(m, t);',
    '};',
  ];
  const factory = new Function('E', 'M', uniqueSource(lines.join('\n'))) as (e: Encode, m: unknown) => Encode;
  return factory(inner.encode, tableOf(inner.encode));
}

function compileExplicitChoiceEncoder(
  name: string,
  alternatives: Alternatives,
  choiceEncode: Encode,
  withPath: WithPath,
): Encode {
  const lines: string[] = [];
  lines.push('return function encodeExplicitChoice(w, v, t) {');
  lines.push('  const m = w.size;');
  lines.push('  let chosen, n = 0, m2 = 0, n2 = 0, av;');
  lines.push('  if (typeof v === "object" && v !== null) for (const k in v) { chosen = k; n++; }');
  lines.push('  if (n !== 1) C(w, v, -1);');
  lines.push('  else switch (chosen) {');
  lines.push(...alternativeCases(name, alternatives, 'break'));
  lines.push('    default: C(w, v, -1);');
  lines.push('  }');
  lines.push('  w.wrapConstructed(m, t);');
  lines.push('};');
  const factory = new Function(...alternativeParams(alternatives), 'C', 'withPath', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => Encode;
  return factory(...alternativeArgs(alternatives), choiceEncode, withPath);
}
