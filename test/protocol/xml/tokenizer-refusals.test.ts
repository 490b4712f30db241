/**
 * Each refusal of the XML reader (protocol/xml/parse.ts + tokenizer.ts) on its own, with its code
 * and offset; what it accepts and how it normalises; linear time on megabyte shapes; and no
 * document kept alive by the name cache.
 */
import { Buffer } from 'node:buffer';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import { DecodeError } from '../../../protocol/errors.js';
import { hasText, parseXmlDocument, rootNamespace } from '../../../protocol/xml/parse.js';
import type { XmlElement } from '../../../protocol/xml/parse.js';

const LIMITS = { maxFrameSize: 4_000_000, maxDepth: 64 };

function refusal(xml: string, limits: { maxFrameSize: number; maxDepth: number } = LIMITS): DecodeError {
  try {
    parseXmlDocument(xml, limits);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(xml)}`);
}

function refusalOf(f: () => unknown): DecodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('accepted');
}

function root(xml: string, maxDepth = LIMITS.maxDepth): XmlElement {
  return parseXmlDocument(xml, { ...LIMITS, maxDepth }).root;
}

/** [what, document, code, offset]: each refused where it stops being well-formed. */
const REFUSALS: readonly (readonly [string, string, string, number])[] = [
  // DTD markup, anywhere (even in a comment), in any case
  ['DOCTYPE', '<?xml version="1.0"?><!DOCTYPE a><a/>', 'BAD_SYNTAX', 21],
  ['ENTITY in a comment', '<a><!-- <!ENTITY x "y"> --></a>', 'BAD_SYNTAX', 8],
  ['lower-case doctype', '<!doctype a><a/>', 'BAD_SYNTAX', 0],
  ['ENTITY in a CDATA section', '<a><![CDATA[<!ENTITY x>]]></a>', 'BAD_SYNTAX', 12],
  ['DOCTYPE in a PI', '<?p <!DOCTYPE x?><a/>', 'BAD_SYNTAX', 4],
  ['DOCTYPE in the XML declaration', '<?xml version="<!DOCTYPE"?><a/>', 'BAD_SYNTAX', 15],
  ['DOCTYPE in an attribute value', '<a b="<!DOCTYPE"/>', 'BAD_SYNTAX', 6],
  ['ELEMENT inside the root', '<a><!ELEMENT a ANY></a>', 'BAD_SYNTAX', 3],
  // references
  ['undefined entity', '<a>&foo;</a>', 'BAD_SYNTAX', 3],
  ['entity without ;', '<a>&amp</a>', 'BAD_SYNTAX', 3],
  ['bare &', '<a>a & b</a>', 'BAD_SYNTAX', 5],
  ['undefined entity in an attribute', '<a b="&bogus;"/>', 'BAD_SYNTAX', 6],
  ['&#0;', '<a>&#0;</a>', 'BAD_SYNTAX', 3],
  ['&#xFFFE;', '<a>&#xFFFE;</a>', 'BAD_SYNTAX', 3],
  ['a surrogate by reference', '<a>&#xD800;</a>', 'BAD_SYNTAX', 3],
  ['beyond U+10FFFF', '<a>&#x110000;</a>', 'BAD_SYNTAX', 3],
  ['a huge decimal reference', `<a>&#${'9'.repeat(400)};</a>`, 'BAD_SYNTAX', 3],
  ['upper-case X', '<a>&#X41;</a>', 'BAD_SYNTAX', 5],
  ['no digits', '<a>&#;</a>', 'BAD_SYNTAX', 5],
  ['character reference without ;', '<a>&#65</a>', 'BAD_SYNTAX', 7],
  // structure
  ['unclosed element', '<a><b></b>', 'BAD_SYNTAX', 9],
  ['mismatched end tag', '<a><b></c></a>', 'BAD_SYNTAX', 9],
  ['end tag of a prefixed element without its prefix', '<p:a></a>', 'BAD_SYNTAX', 8],
  ['end tag outside the root', '</a>', 'BAD_SYNTAX', 3],
  ['empty end tag', '<a></></a>', 'BAD_SYNTAX', 5],
  ['repeated attribute (at the tag end)', '<a x="1" x="2"/>', 'BAD_SYNTAX', 15],
  ['raw < in an attribute value', '<a x="<"/>', 'BAD_SYNTAX', 6],
  ['unquoted attribute value', '<a x=1/>', 'BAD_SYNTAX', 5],
  ['no white space between attributes', '<a x="1"y="2"/>', 'BAD_SYNTAX', 8],
  ['attribute without a value', '<a x/>', 'BAD_SYNTAX', 4],
  ['/ not followed by >', '<a/ >', 'BAD_SYNTAX', 3],
  ['input ends in a start tag', '<a x="1"', 'BAD_SYNTAX', 7],
  ['a lone <', '<a><</a>', 'BAD_SYNTAX', 4],
  ['empty input', '', 'BAD_SYNTAX', 0],
  ['only white space', '  \n', 'BAD_SYNTAX', 2],
  // characters XML 1.0 forbids
  ['C0 control in text', '<a>\u0001</a>', 'BAD_SYNTAX', 3],
  ['NUL in an attribute', '<a x="\u0000"/>', 'BAD_SYNTAX', 6],
  ['U+FFFF', '<a>\uffff</a>', 'BAD_SYNTAX', 3],
  ['U+FFFE', '<a>\ufffe</a>', 'BAD_SYNTAX', 3],
  ['lone high surrogate', '<a>\ud800x</a>', 'BAD_SYNTAX', 3],
  ['lone low surrogate', '<a>\udc00</a>', 'BAD_SYNTAX', 3],
  ['lone surrogate in an attribute', '<a x="\udbff"/>', 'BAD_SYNTAX', 6],
  ['control in a comment', '<!-- \u0002 --><a/>', 'BAD_SYNTAX', 5],
  ['control in a tag', '<a\u0001/>', 'BAD_SYNTAX', 2],
  ['control in a CDATA section', '<a><![CDATA[\u0008]]></a>', 'BAD_SYNTAX', 12],
  ['control outside the root', '<a/>\u0007', 'BAD_SYNTAX', 4],
  [']]> in text', '<a>x]]>y</a>', 'BAD_SYNTAX', 6],
  // outside the root
  ['text before the root', 'x<a/>', 'BAD_SYNTAX', 0],
  ['text after the root', '<a/> x', 'BAD_SYNTAX', 5],
  ['a reference after the root', '<a/>&amp;', 'BAD_SYNTAX', 4],
  ['a second element', '<a/><b/>', 'BAD_SYNTAX', 6],
  ['CDATA before the root', '<![CDATA[x]]><a/>', 'BAD_SYNTAX', 0],
  // names (XML 1.0 NameStartChar / NameChar)
  ['digit first', '<1a/>', 'BAD_SYNTAX', 1],
  ['- first', '<-a/>', 'BAD_SYNTAX', 1],
  ['× inside', '<a\u00d7b/>', 'BAD_SYNTAX', 2],
  ['combining mark first', '<\u0300/>', 'BAD_SYNTAX', 1],
  ['beyond #xEFFFF', '<\u{F0000}/>', 'BAD_SYNTAX', 1],
  ['· first in an attribute name', '<a \u00b7="1"/>', 'BAD_SYNTAX', 3],
  // comments
  ['-- inside a comment', '<a><!-- a -- b --></a>', 'BAD_SYNTAX', 12],
  ['---> ending a comment', '<a><!-- x ---></a>', 'BAD_SYNTAX', 12],
  ['unclosed comment', '<a><!-- x </a>', 'BAD_SYNTAX', 13],
  ['unknown <! markup', '<a><!FOO></a>', 'BAD_SYNTAX', 5],
  // processing instructions and the XML declaration
  ['XML declaration inside the root', '<a><?xml version="1.0"?></a>', 'BAD_SYNTAX', 5],
  ['XML declaration after white space', ' <?xml version="1.0"?><a/>', 'BAD_SYNTAX', 3],
  ['a second XML declaration', '<?xml version="1.0"?><?xml version="1.0"?><a/>', 'BAD_SYNTAX', 23],
  ['XML declaration in upper case', '<?XML version="1.0"?><a/>', 'BAD_SYNTAX', 2],
  ['PI without a target', '<? foo?><a/>', 'BAD_SYNTAX', 2],
  ['PI target followed by ?x', '<?foo?x?><a/>', 'BAD_SYNTAX', 5],
  ['unclosed PI', '<a><?p x</a>', 'BAD_SYNTAX', 11],
  ['XML declaration without version', '<?xml?><a/>', 'BAD_SYNTAX', 5],
  ['encoding before version', '<?xml encoding="UTF-8"?><a/>', 'BAD_SYNTAX', 14],
  ['version 2.0', '<?xml version="2.0"?><a/>', 'BAD_SYNTAX', 18],
  ['standalone maybe', '<?xml version="1.0" standalone="maybe"?><a/>', 'BAD_SYNTAX', 37],
  ['standalone before encoding', '<?xml version="1.0" standalone="no" encoding="UTF-8"?><a/>', 'BAD_SYNTAX', 44],
  ['no white space in the declaration', '<?xml version="1.0"encoding="UTF-8"?><a/>', 'BAD_SYNTAX', 19],
  // CDATA
  ['unclosed CDATA section', '<a><![CDATA[x</a>', 'BAD_SYNTAX', 16],
];

describe('XML reader refusals and normalisation (protocol/xml/tokenizer.ts)', () => {
  for (const [what, xml, code, offset] of REFUSALS) {
    it(`refuses ${what} with ${code} at ${offset}`, () => {
      const e = refusal(xml);
      expect(e.code, e.message).to.equal(code);
      expect(e.offset, e.message).to.equal(offset);
      expect(e.message).to.match(/^malformed XML: |DTD declarations/);
    });
  }

  it('refuses input over maxFrameSize with FRAME_TOO_LARGE before reading it', () => {
    const e = refusal('<a>\u0000</a>'.repeat(10), { maxFrameSize: 20, maxDepth: 8 });
    expect(e.code).to.equal('FRAME_TOO_LARGE');
    expect(e.offset).to.equal(0);
  });

  it('refuses nesting deeper than maxDepth with TOO_DEEP at the offending start tag, before its attributes are read', () => {
    expect(root('<a><b><c/></b></a>', 3).children[0]!.children[0]!.name).to.equal('c');
    const e = refusal('<a><b><c/></b></a>', { ...LIMITS, maxDepth: 2 });
    expect([e.code, e.offset]).to.deep.equal(['TOO_DEEP', 6]);
    const early = refusal('<a><b =/></a>', { ...LIMITS, maxDepth: 1 });
    expect([early.code, early.offset]).to.deep.equal(['TOO_DEEP', 3]);
  });

  it('expands the predefined entities and character references, without normalising what they produce', () => {
    const el = root('<a b="&#9;&#xA;&#13;&lt;&quot;">&#13;&#x1F600;&#65;&lt;&gt;&amp;&quot;&apos;</a>');
    expect(el.attrs['b']).to.equal('\t\n\r<"');
    expect(el.text).to.equal('\r\u{1F600}A<>&"\'');
  });

  it('normalises line ends in text and CDATA (CRLF, CR → LF) and white space in attribute values (TAB, LF, CR, CRLF → space)', () => {
    const el = root('<a b="1\t2\n3\r\n4\r5">x\r\ny\rz<![CDATA[1\r\n2\r3]]></a>');
    expect(el.attrs['b']).to.equal('1 2 3 4 5');
    expect(el.text).to.equal('x\ny\nz1\n2\n3');
  });

  it('accepts what XML 1.0 allows: comments, PIs, CDATA, ]]> in attributes, non-ASCII and astral names, any 1.x version', () => {
    const xml = '<?xml version="1.1" encoding="UTF-8" standalone="yes" ?>\n<!----><?xml-stylesheet href="x"?>' +
      '<\u00e9t\u00e9 a\u0300="]]>" \u{10000}=\'"\'><?p?><!-- - --><![CDATA[<&]]>&lt;<b/></\u00e9t\u00e9 >\n<?q x?>\n';
    const el = root(xml);
    expect(el.name).to.equal('\u00e9t\u00e9');
    expect(el.attrs).to.deep.equal({ 'a\u0300': ']]>', '\u{10000}': '"' });
    expect(el.text).to.equal('<&<');
    expect(el.children.map((c) => c.name)).to.deep.equal(['b']);
    expect(el.offset).to.equal(xml.indexOf('<\u00e9t\u00e9'));
    expect(el.end).to.equal(xml.indexOf('\n<?q'));
  });

  it('keeps qualified names as written (xmlns off): prefix before the first colon, attributes by qualified name', () => {
    const el = root('<p:a xmlns:p="urn:x" p:x="1"><p:b/><q:c:d/></p:a>');
    expect([el.prefix, el.name]).to.deep.equal(['p', 'a']);
    expect(el.attrs).to.deep.equal({ 'xmlns:p': 'urn:x', 'p:x': '1' });
    expect(rootNamespace(el)).to.equal('urn:x');
    expect(el.children.map((c) => [c.prefix, c.name])).to.deep.equal([
      ['p', 'b'],
      ['q', 'c:d'],
    ]);
  });

  it('decodes bytes: ASCII, UTF-8 (BOM or not), a declared ISO-8859-1; refuses invalid UTF-8 and an unsupported encoding', () => {
    const bytes = (xml: string, enc: BufferEncoding = 'utf8'): Uint8Array => new Uint8Array(Buffer.from(xml, enc));
    expect(parseXmlDocument(bytes('<a x="1">v</a>'), LIMITS).root.text).to.equal('v');
    expect(parseXmlDocument(bytes('\ufeff<a>\u00e9\u4e2d\u{1F600}</a>'), LIMITS).root.text).to.equal('\u00e9\u4e2d\u{1F600}');
    expect(parseXmlDocument(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>\u00e9</a>', 'latin1'), LIMITS).root.text).to.equal('\u00e9');
    expect(parseXmlDocument(bytes('<?xml version="1.0" encoding="US-ASCII"?><a>x</a>'), LIMITS).root.text).to.equal('x');
    const bad = new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]);
    const e = refusalOf(() => parseXmlDocument(bad, LIMITS));
    expect([e.code, e.offset]).to.deep.equal(['BAD_SYNTAX', 3]);
    expect(e.message).to.match(/not valid UTF-8/);
    for (const [seq, at] of [[[0xe0, 0x80, 0x80], 3], [[0xed, 0xa0, 0x80], 3], [[0xf4, 0x90, 0x80, 0x80], 3], [[0xc0, 0xaf], 3], [[0xe4, 0xb8], 3], [[0xf0, 0x9f, 0x98, 0x80, 0xff], 7]] as const) {
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e, ...seq, 0x3c, 0x2f, 0x61, 0x3e]);
      expect(refusalOf(() => parseXmlDocument(withBom, LIMITS)).offset, JSON.stringify(seq)).to.equal(at + 3);
    }
    const ebcdic = '<?xml version="1.0" encoding="EBCDIC"?><a/>';
    const u = refusalOf(() => parseXmlDocument(bytes(ebcdic), LIMITS));
    expect([u.offset, u.message]).to.deep.equal([ebcdic.indexOf('EBCDIC'), `unsupported XML encoding "ebcdic" at offset ${ebcdic.indexOf('EBCDIC')}`]);
  });

  it('records each element offset and end, and the text directly inside it', () => {
    const xml = '<r>\n  <a x="1">v</a>\n  <b/>\n</r>';
    const el = root(xml);
    expect([el.offset, el.end]).to.deep.equal([0, xml.length]);
    const [a, b] = el.children;
    expect(xml.slice(a!.offset, a!.end)).to.equal('<a x="1">v</a>');
    expect(xml.slice(b!.offset, b!.end)).to.equal('<b/>');
    expect(hasText(el)).to.equal(false);
    expect(el.text).to.equal('\n  \n  \n');
    expect(hasText(a!)).to.equal(true);
  });

  describe('linear time and bounded retention', () => {
    /** Documents of about `n` characters, each a shape a hostile peer could send. */
    const shapes: Record<string, (n: number) => [string, number]> = {
      deep: (n) => [`${'<a>'.repeat(n / 7)}x${'</a>'.repeat(n / 7)}`, n],
      wide: (n) => [`<r>${'<b x="1"/>'.repeat(n / 10)}</r>`, 8],
      'white space between children': (n) => [`<r>${' <b/>'.repeat(n / 5)}</r>`, 8],
      'long text': (n) => [`<a>${'x'.repeat(n)}</a>`, 8],
      'text of references': (n) => [`<a>${'&amp;x'.repeat(n / 6)}</a>`, 8],
      'text of CRLF': (n) => [`<a>${'x\r\n'.repeat(n / 3)}</a>`, 8],
      'many attributes': (n) => [`<a${Array.from({ length: n / 12 }, (_, i) => ` a${i.toString(36).padStart(4, '0')}="1"`).join('')}/>`, 8],
      'long attribute value': (n) => [`<a b="${'x\t'.repeat(n / 2)}"/>`, 8],
      'long name': (n) => [`<${'a'.repeat(n)}/>`, 8],
      'long comment': (n) => [`<a><!--${'x-'.repeat(n / 2)}x--></a>`, 8],
      'long PI': (n) => [`<a><?p ${'x?'.repeat(n / 2)}?></a>`, 8],
    };

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;

    /** The best of 3 runs' CPU time, each after a full collection (so one run's garbage is not the next one's cost). */
    function cpuMs(xml: string, maxDepth: number): number {
      let best = Infinity;
      for (let r = 0; r < 3; r++) {
        gc();
        const t = process.cpuUsage();
        parseXmlDocument(xml, { maxFrameSize: 4_000_000, maxDepth });
        const d = process.cpuUsage(t);
        best = Math.min(best, (d.user + d.system) / 1000);
      }
      return best;
    }

    it('reads 1 MB documents of deep, wide and long shapes in time proportional to their size', function () {
      this.timeout(60_000);
      for (const [name, make] of Object.entries(shapes)) {
        const [small, smallDepth] = make(131_072);
        const [large, largeDepth] = make(1_048_576);
        cpuMs(large, largeDepth); // warm up
        const a = Math.max(cpuMs(small, smallDepth), 0.5);
        const b = cpuMs(large, largeDepth);
        // 8× the size: linear is about 8× (up to ~25× where the young-generation collections copy
        // a growing live tree: deep, wide), quadratic 64×.
        expect(b / a, `${name}: ${a.toFixed(2)} ms → ${b.toFixed(2)} ms`).to.be.below(40);
      }
    });

    it('normalises megabyte text and attribute values as it does short ones', () => {
      const n = 300_000;
      const el = root(`<a b="${'x\t\r\n\ry\n'.repeat(n / 6)}">${'x\r\n\ry\n'.repeat(n / 5)}</a>`);
      expect(el.attrs['b']).to.equal('x   y '.repeat(n / 6));
      expect(el.text).to.equal('x\n\ny\n'.repeat(n / 5));
    });

    it('does not keep documents alive through its name cache', function () {
      this.timeout(60_000);
      gc();
      const before = process.memoryUsage().heapUsed;
      const filler = 'x'.repeat(1_000_000);
      for (let i = 0; i < 60; i++) {
        // A distinct name of 40 characters (cached: up to 64) in a 1 MB document.
        const name = `n${i.toString().padStart(39, '0')}`;
        parseXmlDocument(`<${name} a${name}="1">${filler}${i}</${name}>`, LIMITS);
      }
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      expect(grown, `${(grown / 1e6).toFixed(1)} MB retained`).to.be.below(25_000_000);
    });
  });
});
