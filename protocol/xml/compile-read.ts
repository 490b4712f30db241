/**
 * Generated XML readers for SEQUENCE and CHOICE types, made once per codec (from-xml.ts builds
 * and caches them). Like the BER side (schema/compile.ts) the generated code stores each
 * component under a constant property name, so every value of one type has one hidden class, and
 * knows up front what the generic walk looked up per element: the components' element names (a
 * `switch` on the name as written, the ASN.1 identifier or ECMA-323's spelling), each component's
 * reader (a parameter of its own, so every call site has one target), which are mandatory.
 *
 * There is no fast path with a fallback: the generated function is the whole reading, one pass
 * over the children, each decoded once. Names written in another letter case, misspellings and
 * aliases go through the lower-case table (`lower`); everything unusual (an unknown element, a
 * repeated one, a component that cannot be read, a missing mandatory one) is handed to the
 * helpers in `SequenceHelpers`, which keep it raw or refuse it exactly as the generic rules say.
 *
 * Only our own schema (identifiers) reaches the generated source: no input data.
 */
import { uniqueSource } from '../schema/compile.js';
import type { XmlElement } from './parse.js';

/** Reads one value from an element. `skip` (SEQUENCEs only) is a child to pass over (an event's monitorCrossRefID). */
export type ElementRead = (r: unknown, el: XmlElement, skip?: XmlElement) => unknown;

/** One SEQUENCE component as the generated code needs it. */
export interface CompiledReadField {
  readonly name: string;
  readonly optional: boolean;
  /** Names matched as written (before any lower-casing): the identifier and ECMA-323's name. */
  readonly exact: readonly string[];
  readonly read: ElementRead;
  /** A CHOICE (no mapping) whose alternatives may appear without its own element (Uni-tel). */
  readonly inline: boolean;
}

/** The rare cases of a SEQUENCE, shared by every generated reader (from-xml.ts). */
export interface SequenceHelpers {
  /** Throws unless the element holds only whitespace text. */
  noText(r: unknown, el: XmlElement): void;
  /** The component index of a name not matched as written (any letter case, aliases), or -1. */
  other(name: string): number;
  /** A second element of component `i`: strict refuses, liberal keeps it raw. Returns the raw list. */
  twice(r: unknown, raw: string[] | undefined, child: XmlElement, i: number): string[];
  /** Component `i` could not be read (`e`): liberal keeps it raw, strict (or a non-DecodeError) rethrows with the path. */
  failed(r: unknown, raw: string[] | undefined, child: XmlElement, i: number, e: unknown): string[];
  /** The still-empty inline CHOICE component `child` is an alternative of, or -1 (liberal only). */
  inlineIndex(r: unknown, child: XmlElement, values: readonly unknown[]): number;
  /** Reads `child` as an alternative of inline CHOICE component `i`; `NOT_READ` when that fails. */
  inlineRead(r: unknown, child: XmlElement, i: number): unknown;
  /** An element that is no component: strict refuses, liberal keeps it raw. */
  unknown(r: unknown, raw: string[] | undefined, child: XmlElement): string[];
  /** Mandatory component `i` is absent: strict refuses, liberal warns and names it. */
  missing(r: unknown, el: XmlElement, missing: string[] | undefined, i: number): string[];
}

/** Returned by `inlineRead` when the child is not that CHOICE after all. */
export const NOT_READ: unique symbol = Symbol('not read');

const str = JSON.stringify;

/** The `switch (name)` cases mapping names as written to component indexes. */
function nameCases(exact: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  exact.forEach((names, i) => {
    for (const n of names) {
      if (seen.has(n)) continue;
      seen.add(n);
      lines.push(`      case ${str(n)}: i = ${i}; break;`);
    }
  });
  return lines;
}

/**
 * A constructor of plain objects, one per type (see schema/compile.ts: objects one constructor
 * makes are sized to the properties they end up with).
 */
function plainObjectConstructor(): new () => Record<string, unknown> {
  const Out = function (this: Record<string, unknown>) {} as unknown as { new (): Record<string, unknown>; prototype: object };
  Out.prototype = Object.prototype;
  return Out;
}

/** The reader of a SEQUENCE: `(reader, el, skip?) => value`. */
export function compileSequenceReader(fields: readonly CompiledReadField[], h: SequenceHelpers): ElementRead {
  const v = fields.map((_, j) => `v${j}`);
  const hasInline = fields.some((f) => f.inline);
  const lines: string[] = [];
  lines.push('return function readSequence(r, el, skip) {');
  lines.push('  H.noText(r, el);');
  if (v.length > 0) lines.push(`  let ${v.join(', ')};`);
  lines.push('  let raw, missing;');
  lines.push('  const children = el.children;');
  lines.push('  for (let k = 0; k < children.length; k++) {');
  lines.push('    const child = children[k];');
  lines.push('    if (child === skip) continue;');
  lines.push('    let i;');
  lines.push('    switch (child.name) {');
  lines.push(...nameCases(fields.map((f) => f.exact)));
  lines.push('      default: i = H.other(child.name);');
  lines.push('    }');
  lines.push('    switch (i) {');
  fields.forEach((_, j) => {
    lines.push(`      case ${j}:`);
    lines.push(`        if (v${j} !== undefined) raw = H.twice(r, raw, child, ${j});`);
    lines.push(`        else try { v${j} = D${j}(r, child); } catch (e) { raw = H.failed(r, raw, child, ${j}, e); }`);
    lines.push('        break;');
  });
  lines.push('      default: {');
  if (hasInline) {
    lines.push(`        const j = H.inlineIndex(r, child, [${v.join(', ')}]);`);
    lines.push('        if (j >= 0) {');
    lines.push('          const x = H.inlineRead(r, child, j);');
    lines.push('          if (x !== NOT_READ) {');
    lines.push('            switch (j) {');
    fields.forEach((f, j) => {
      if (f.inline) lines.push(`              case ${j}: v${j} = x; break;`);
    });
    lines.push('            }');
    lines.push('            continue;');
    lines.push('          }');
    lines.push('        }');
  }
  lines.push('        raw = H.unknown(r, raw, child);');
  lines.push('      }');
  lines.push('    }');
  lines.push('  }');
  lines.push('  const out = new Out();');
  fields.forEach((f, j) => {
    const store = `out[${str(f.name)}] = v${j};`;
    lines.push(f.optional ? `  if (v${j} !== undefined) ${store}` : `  if (v${j} !== undefined) ${store} else missing = H.missing(r, el, missing, ${j});`);
  });
  lines.push('  if (raw !== undefined) out.$xml = raw;');
  lines.push('  if (missing !== undefined) out.$missing = missing;');
  lines.push('  return out;');
  lines.push('};');
  const params = fields.map((_, j) => `D${j}`);
  const factory = new Function(...params, 'H', 'NOT_READ', 'Out', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => ElementRead;
  return factory(...fields.map((f) => f.read), h, NOT_READ, plainObjectConstructor());
}

/** One CHOICE alternative as the generated code needs it. */
export interface CompiledReadAlternative {
  readonly name: string;
  readonly exact: readonly string[];
  readonly read: ElementRead;
}

/** The rare cases of a CHOICE alternative. */
export interface AlternativeHelpers {
  /** The alternative index of a name not matched as written (any letter case, aliases), or -1. */
  other(name: string): number;
  /** An element that is no alternative: strict refuses, liberal warns and keeps it as `{ $xml }`. */
  unknown(r: unknown, el: XmlElement): unknown;
  /** Alternative `i` could not be read: rethrows with the path. */
  failed(e: unknown, i: number): never;
}

/** The reader of a CHOICE value from the element of its chosen alternative: `(reader, el) => { alt: value }`. */
export function compileAlternativeReader(alternatives: readonly CompiledReadAlternative[], h: AlternativeHelpers): ElementRead {
  const lines: string[] = [];
  lines.push('return function readAlternative(r, el) {');
  lines.push('  let i;');
  lines.push('  switch (el.name) {');
  lines.push(...nameCases(alternatives.map((a) => a.exact)));
  lines.push('    default: i = H.other(el.name);');
  lines.push('  }');
  lines.push('  switch (i) {');
  alternatives.forEach((a, j) => {
    lines.push(`    case ${j}: try { return { ${str(a.name)}: A${j}(r, el) }; } catch (e) { H.failed(e, ${j}); }`);
  });
  lines.push('    default: return H.unknown(r, el);');
  lines.push('  }');
  lines.push('};');
  const factory = new Function(...alternatives.map((_, j) => `A${j}`), 'H', uniqueSource(lines.join('\n'))) as (...args: unknown[]) => ElementRead;
  return factory(...alternatives.map((a) => a.read), h);
}
