/**
 * XML the schema does not know, kept as text so nothing a PBX sent is lost and it can be written
 * back: vendor elements (`scx:`, Avaya, Microsoft `lcs:`), `privateData` where a vendor puts it,
 * components a later edition added, empty elements whose type cannot be empty.
 *
 * Each kept element is its source text exactly as received (whitespace, attribute order and
 * references untouched), made self-contained: namespace prefixes it uses that were declared on an
 * ancestor (usually the root) are declared on it again, so the string means the same wherever it
 * is written. Values carry them as `$xml: string[]`.
 */
import type { XmlElement } from './parse.js';
import { escapeAttr, escapeText } from './text.js';

/** Namespace declarations in scope: prefix (`''` = default) → URI. */
export type NamespaceScope = ReadonlyMap<string, string>;

/** Unknown elements kept on a SEQUENCE (or as a CHOICE alternative) value, in document order. */
export interface RawXmlHolder {
  readonly $xml?: readonly string[];
}

/** The namespace declarations an element makes (`xmlns`, `xmlns:p`). */
export function declarationsOf(el: XmlElement, outer: NamespaceScope): NamespaceScope {
  let scope: Map<string, string> | undefined;
  for (const k in el.attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      scope ??= new Map(outer);
      scope.set(k === 'xmlns' ? '' : k.slice(6), el.attrs[k]!);
    }
  }
  return scope ?? outer;
}

function qualified(el: XmlElement): string {
  return el.prefix === undefined ? el.name : `${el.prefix}:${el.name}`;
}

function usedPrefixes(el: XmlElement, declared: Set<string>, out: Set<string>): void {
  const own = new Set(declared);
  for (const k in el.attrs) {
    if (k === 'xmlns') own.add('');
    else if (k.startsWith('xmlns:')) own.add(k.slice(6));
  }
  const p = el.prefix ?? '';
  if (!own.has(p)) out.add(p);
  for (const k in el.attrs) {
    const i = k.indexOf(':');
    if (i > 0 && !k.startsWith('xmlns')) {
      const ap = k.slice(0, i);
      if (ap !== 'xml' && !own.has(ap)) out.add(ap);
    }
  }
  for (const c of el.children) usedPrefixes(c, own, out);
}

function write(el: XmlElement, extra: readonly (readonly [string, string])[], out: string[]): void {
  const name = qualified(el);
  out.push('<', name);
  for (const [k, v] of extra) out.push(' ', k, '="', escapeAttr(v), '"');
  for (const k in el.attrs) out.push(' ', k, '="', escapeAttr(el.attrs[k]!), '"');
  if (el.children.length === 0 && el.text === '') {
    out.push('/>');
    return;
  }
  out.push('>');
  if (el.children.length === 0) out.push(escapeText(el.text));
  else {
    // Mixed content keeps its text (whitespace between elements is dropped).
    if (!/^[ \t\r\n]*$/.test(el.text)) out.push(escapeText(el.text));
    for (const c of el.children) write(c, [], out);
  }
  out.push('</', name, '>');
}

/**
 * Serialises an element the schema does not know, declaring again the prefixes it borrows from
 * `scope` (a default namespace is re-declared only when it is not the message's own).
 */
export function rawXml(el: XmlElement, scope: NamespaceScope, messageNamespace: string | undefined, source?: string): string {
  const borrowed = new Set<string>();
  usedPrefixes(el, new Set(), borrowed);
  const extra: [string, string][] = [];
  for (const p of borrowed) {
    const uri = scope.get(p);
    if (uri === undefined) continue;
    if (p === '') {
      if (uri !== messageNamespace) extra.push(['xmlns', uri]);
    } else extra.push([`xmlns:${p}`, uri]);
  }
  if (source !== undefined && el.end !== undefined) {
    // The element exactly as the PBX wrote it, with the borrowed declarations added to its start tag.
    const text = source.slice(el.offset, el.end);
    const at = 1 + qualified(el).length;
    return extra.length === 0 ? text : text.slice(0, at) + extra.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('') + text.slice(at);
  }
  const out: string[] = [];
  write(el, extra, out);
  return out.join('');
}

/** A compact text of the same element (used for vendor PDUs that were built, not decoded). */
export function serialiseElement(el: XmlElement): string {
  const out: string[] = [];
  write(el, [], out);
  return out.join('');
}
