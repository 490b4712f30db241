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

type Encode = (w: BerWriter, value: unknown, tag: number) => void;
type WithPath = (e: unknown, segment: string) => unknown;

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
  lines.push('  let fv;');
  for (let j = fields.length - 1; j >= 0; j--) {
    const f = fields[j]!;
    lines.push(`  fv = value${prop(f.name)};`);
    const call = `try { E${j}(w, fv, ${f.codec.tag}); } catch (e) { throw withPath(e, ${JSON.stringify(`${name}.${f.name}`)}); }`;
    if (f.optional) lines.push(`  if (fv !== undefined) { ${call} }`);
    else lines.push(`  if (fv === undefined) throw missing(${j});`, `  ${call}`);
  }
  lines.push('  w.wrap(m, t, true);');
  lines.push('};');
  const names = fields.map((_, j) => `E${j}`);
  const factory = new Function(...names, 'generic', 'missing', 'withPath', lines.join('\n')) as (...args: unknown[]) => Encode;
  return factory(...fields.map((f) => f.codec.encode), generic, missing, withPath);
}

/** A specialised encoder for an untagged CHOICE: a switch on the value's one key. */
export function compileChoiceEncoder(
  name: string,
  alternatives: readonly { readonly name: string; readonly codec: AnyCodec }[],
  generic: Encode,
  withPath: WithPath,
): Encode {
  const lines: string[] = [];
  lines.push('return function encodeChoice(w, v, t) {');
  lines.push('  if (typeof v !== "object" || v === null) { generic(w, v, t); return; }');
  lines.push('  let chosen, n = 0;');
  lines.push('  for (const k in v) { chosen = k; n++; }');
  lines.push('  if (n !== 1) { generic(w, v, t); return; }');
  lines.push('  switch (chosen) {');
  alternatives.forEach((a, k) => {
    lines.push(`    case ${JSON.stringify(a.name)}: try { A${k}(w, v${prop(a.name)}, ${a.codec.tag}); } catch (e) { throw withPath(e, ${JSON.stringify(`${name}.${a.name}`)}); } return;`);
  });
  lines.push('    default: generic(w, v, t);');
  lines.push('  }');
  lines.push('};');
  const names = alternatives.map((_, k) => `A${k}`);
  const factory = new Function(...names, 'generic', 'withPath', lines.join('\n')) as (...args: unknown[]) => Encode;
  return factory(...alternatives.map((a) => a.codec.encode), generic, withPath);
}
