/**
 * The hand-written XML reader (protocol/xml/tokenizer.ts, through parseXmlDocument) against the
 * saxes-based reader it replaced (test/support/xml-saxes-oracle.ts): the same accept/reject
 * decision, the same tree, error offsets close to saxes' own, on generated and on mutated
 * documents; then each refusal class on its own, linear time, and bounded retention.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../../../protocol/errors.js';
import { parseXmlDocument } from '../../../protocol/xml/parse.js';
import type { XmlElement } from '../../../protocol/xml/parse.js';
import { parseXmlDocument as oracleParse } from '../../support/xml-saxes-oracle.js';
import { REPO_ROOT } from '../../support/fixtures.js';

const LIMITS = { maxFrameSize: 4_000_000, maxDepth: 64 };

interface Plain {
  name: string;
  prefix: string | undefined;
  attrs: Record<string, string>;
  text: string;
  offset: number;
  end: number | undefined;
  children: Plain[];
}

function plain(el: XmlElement): Plain {
  return { name: el.name, prefix: el.prefix, attrs: { ...el.attrs }, text: el.text, offset: el.offset, end: el.end, children: el.children.map(plain) };
}

type Outcome = { ok: true; tree: Plain } | { ok: false; code: string; offset: number; message: string };

function outcome(parse: typeof parseXmlDocument, xml: string, maxDepth = LIMITS.maxDepth): Outcome {
  try {
    return { ok: true, tree: plain(parse(xml, { ...LIMITS, maxDepth }).root) };
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return { ok: false, code: e.code, offset: e.offset ?? -1, message: e.message };
  }
}

/** How far our offset may be from saxes': a few characters (saxes reports at the end of the token). */
const NEAR = 8;
/**
 * Errors this reader reports earlier than saxes did, by design: a bad reference at its `&` (saxes
 * read on to the next `;`), a lone surrogate or text outside the root where it is (the old reader
 * found lone surrogates by a pre-scan of the whole text, and text outside the root at the end of
 * its run), a processing instruction's target not followed by white space or `?>` at once (saxes
 * read on to the next `?>`), a PI target `xml` in another case (saxes: at the PI's end).
 */
const EARLIER = /reference|surrogate|outside the root|not allowed in XML|processing instruction|only allowed at the start/;

/** Compares the two readers on `xml`; returns a description of the difference, or undefined. */
function differ(xml: string, maxDepth = LIMITS.maxDepth): string | undefined {
  const ours = outcome(parseXmlDocument, xml, maxDepth);
  const theirs = outcome(oracleParse, xml, maxDepth);
  if (ours.ok && theirs.ok) {
    try {
      expect(ours.tree).to.deep.equal(theirs.tree);
    } catch (e) {
      return `trees differ: ${(e as Error).message.slice(0, 300)}`;
    }
    return undefined;
  }
  // saxes read `<?t?x` as the PI t with a body; XML 1.0 (production 16) wants S or `?>` after the target.
  if (!ours.ok && theirs.ok && /processing instruction target/.test(ours.message) && xml[ours.offset] === '?' && xml[ours.offset + 1] !== '>') return undefined;
  if (ours.ok !== theirs.ok) return `ours ${ours.ok ? 'accepts' : `refuses (${(ours as { message: string }).message})`}, saxes ${theirs.ok ? 'accepts' : `refuses (${(theirs as { message: string }).message})`}`;
  if (ours.ok || theirs.ok) return undefined;
  if (ours.code !== theirs.code) return `codes differ: ours ${ours.code} ${ours.message}, saxes ${theirs.code} ${theirs.message}`;
  const d = ours.offset - theirs.offset;
  if (Math.abs(d) <= NEAR) return undefined;
  if (d < 0 && (EARLIER.test(ours.message) || EARLIER.test(theirs.message))) return undefined;
  // The old reader looked for DTD markup in a pre-scan of the whole text; this one where it reads.
  if (d < 0 && /DTD declarations/.test(theirs.message)) return undefined;
  return `offsets differ: ours ${ours.offset} (${ours.message}), saxes ${theirs.offset} (${theirs.message})`;
}

function assertSame(xml: string, maxDepth?: number): void {
  const d = differ(xml, maxDepth);
  if (d !== undefined) throw new Error(`${d}\n  on ${JSON.stringify(xml.length > 400 ? `${xml.slice(0, 400)}…` : xml)}`);
}

// ------------------------------------------------------------------------------------------
// Generated documents

const NAMES = ['a', 'b', 'callID', 'deviceID', 'x:y', 'csta:MakeCall', 'été', 'n\u00b7m', '\u4e2d', '_u', 'a-b.c', 'p:q:r', '\ud840\udc00x', 'A1'];
const ATTR_NAMES = ['id', 'xmlns', 'xmlns:csta', 'typeOfNumber', 'x:y', 'é'];
/** Pieces of character data (escaped as a document would have them). */
const TEXT_PIECES = ['1234', ' ', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x1F600;', '&#13;', '&#x9;', ']', ']]', '>', 'é', '\u{1F600}', '"', "'", 'x y'];
const ATTR_PIECES = ['v', ' ', '\t', '\n', '\r\n', '\r', '&amp;', '&lt;', '&#9;', '&#xA;', '&#13;', '>', 'é', '\u{1F600}', ']]>'];

const textArb = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((p) => p.join(''));
const attrValueArb = fc.array(fc.constantFrom(...ATTR_PIECES), { maxLength: 5 }).map((p) => p.join(''));
const miscArb = fc.constantFrom('', ' ', '\n', '<!-- c -->', '<!---->', '<?pi body?>', '<?target?>', '\r\n  ');

function elementOf(depth: number): fc.Arbitrary<string> {
  return fc
    .record({
      name: fc.constantFrom(...NAMES),
      attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTR_NAMES), attrValueArb, fc.constantFrom('"', "'"), fc.constantFrom(' ', '\n', '\t', '  ')), { maxLength: 3, selector: (a) => a[0] }),
      content: fc.array(fc.oneof(textArb, fc.constantFrom('<![CDATA[a<b&c]]>', '<![CDATA[]]>', '<!-- x -->', '<?p q?>', '<![CDATA[\r\n]]]>')), { maxLength: 3 }),
      children: depth === 0 ? fc.constant([] as string[]) : fc.array(elementOf(depth - 1), { maxLength: 3 }),
      empty: fc.boolean(),
      closeSpace: fc.constantFrom('', ' ', '\n'),
    })
    .map(({ name, attrs, content, children, empty, closeSpace }) => {
      const a = attrs.map(([k, v, q, sp]) => `${sp}${k}=${q}${v.split(q).join(q === '"' ? '&quot;' : '&apos;')}${q}`).join('');
      if (empty && children.length === 0 && content.length === 0) return `<${name}${a}${closeSpace}/>`;
      const body: string[] = [];
      for (let i = 0; i < Math.max(content.length, children.length); i++) body.push(content[i] ?? '', children[i] ?? '');
      return `<${name}${a}>${body.join('')}</${name}${closeSpace}>`;
    });
}
const elementArb = elementOf(4);

const documentArb = fc
  .tuple(fc.constantFrom('', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='UTF-8'?>\n", '<?xml version="1.0" encoding="utf-8" standalone="yes" ?>'), miscArb, elementArb, miscArb)
  .map(([decl, before, root, after]) => `${decl}${before}${root}${after}`);

// ------------------------------------------------------------------------------------------
// Mutations of real documents

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...xmlFiles(join(dir, e.name)));
    else if (e.name.endsWith('.xml')) out.push(readFileSync(join(dir, e.name), 'utf8'));
  }
  return out;
}
const SOURCES = [...xmlFiles(join(REPO_ROOT, 'fixtures', 'xml')), ...xmlFiles(join(REPO_ROOT, 'fixtures', 'vendors'))];

/** Characters that matter to a tokenizer, and a few that do not. */
const MUTATION_CHARS = ['<', '>', '&', ';', '"', "'", '=', '/', '!', '?', '-', '[', ']', ':', '#', 'x', 'a', '1', ' ', '\t', '\r', '\n', '\u0000', '\u0001', '\ud800', '\udc00', '\uffff', 'é', '\u00b7', '\u4e2d', 'lt;', 'amp;', '#13;', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '</', '/>', 'xml'];
const insertArb = fc.array(fc.constantFrom(...MUTATION_CHARS), { maxLength: 4 }).map((p) => p.join(''));

type Mutation = { kind: 'insert'; at: number; s: string } | { kind: 'delete'; at: number; len: number } | { kind: 'swap'; at: number; to: number } | { kind: 'copy'; at: number; len: number; to: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: insertArb }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }), to: fc.nat() }),
);

function mutate(src: string, muts: readonly Mutation[]): string {
  let s = src;
  for (const m of muts) {
    const at = m.at % (s.length + 1);
    switch (m.kind) {
      case 'insert':
        s = s.slice(0, at) + m.s + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.len);
        break;
      case 'swap': {
        if (s.length < 2) break;
        const a = Math.min(at, s.length - 1);
        const b = m.to % s.length;
        const chars = s.split('');
        [chars[a], chars[b]] = [chars[b]!, chars[a]!];
        s = chars.join('');
        break;
      }
      case 'copy': {
        const to = m.to % (s.length + 1);
        s = s.slice(0, to) + s.slice(at, at + m.len) + s.slice(to);
        break;
      }
      default: {
        const never: never = m;
        throw new Error(`unknown mutation ${String(never)}`);
      }
    }
  }
  return s;
}

describe('XML tokenizer (protocol/xml/tokenizer.ts) against saxes', () => {
  it('reads every fixture and vendor message to the same tree', () => {
    expect(SOURCES.length).to.be.at.least(40);
    for (const src of SOURCES) assertSame(src);
  });

  it('agrees on generated documents (tree, or refusal and offset)', () => {
    fc.assert(fc.property(documentArb, (xml) => assertSame(xml)), { numRuns: 1500 });
  });

  it('agrees on the nesting limit', () => {
    fc.assert(fc.property(documentArb, fc.integer({ min: 1, max: 4 }), (xml, maxDepth) => assertSame(xml, maxDepth)), { numRuns: 500 });
  });

  it('agrees on mutated fixtures and vendor messages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SOURCES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (i, muts) => assertSame(mutate(SOURCES[i]!, muts))),
      { numRuns: 4000 },
    );
  });

  it('agrees on mutated generated documents', () => {
    fc.assert(fc.property(documentArb, fc.array(mutationArb, { minLength: 1, maxLength: 2 }), (xml, muts) => assertSame(mutate(xml, muts))), { numRuns: 3000 });
  });
});
