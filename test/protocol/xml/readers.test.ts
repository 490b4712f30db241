/**
 * The XML readers made once per codec (protocol/xml/from-xml.ts, compile-read.ts), on schemas
 * built for the test: what the generated SEQUENCE and CHOICE readers must keep from the generic
 * rules (schema key order whatever the document order, any letter case, each child read once,
 * repeated and unknown components raw), and that a type that contains itself is read.
 */
import { expect } from 'chai';
import { DecodeError } from '../../../protocol/errors.js';
import { INTEGER, IA5String, choice, optional, sequence, sequenceOf } from '../../../protocol/schema/index.js';
import type { AnyCodec, FieldSpec } from '../../../protocol/schema/index.js';
import { XmlValueReader, readerOf } from '../../../protocol/xml/from-xml.js';
import { parseXmlDocument } from '../../../protocol/xml/parse.js';

function read(codec: AnyCodec, xml: string, strict = false): { value: unknown; warnings: readonly { offset: number; message: string }[] } {
  const doc = parseXmlDocument(xml, { maxFrameSize: 1 << 16, maxDepth: 64 });
  const r = new XmlValueReader({ strict, root: doc.root, namespace: undefined, source: doc.text });
  return { value: r.value(codec, doc.root), warnings: r.warnings ?? [] };
}

const Pair = sequence('Pair', { first: INTEGER, second: optional(IA5String), third: INTEGER });

describe('XML readers made per codec', () => {
  it('gives the schema order of components whatever order and letter case they are written in', () => {
    const inOrder = read(Pair, '<p><first>1</first><second>x</second><third>3</third></p>').value;
    const reversed = read(Pair, '<p><THIRD>3</THIRD><Second>x</Second><first>1</first></p>').value;
    expect(reversed).to.deep.equal({ first: 1, second: 'x', third: 3 });
    expect(Object.keys(reversed as object)).to.deep.equal(Object.keys(inOrder as object));
  });

  it('keeps a repeated and an unknown component raw (liberal) and refuses them with their offsets (strict)', () => {
    const xml = '<p><first>1</first><first>2</first><extra>e</extra><third>3</third></p>';
    const { value, warnings } = read(Pair, xml);
    expect(value).to.deep.equal({ first: 1, third: 3, $xml: ['<first>2</first>', '<extra>e</extra>'] });
    expect(warnings.map((w) => w.offset)).to.deep.equal([xml.indexOf('<first>2'), xml.indexOf('<extra>')]);
    const err = (() => {
      try {
        read(Pair, xml, true);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).to.be.instanceOf(DecodeError);
    expect((err as DecodeError).offset).to.equal(xml.indexOf('<first>2'));
  });

  it('names a missing mandatory component and reads a component that failed as raw, each child once', () => {
    const xml = '<p><first>one</first></p>';
    const { value, warnings } = read(Pair, xml);
    expect(value).to.deep.equal({ $xml: ['<first>one</first>'], $missing: ['first', 'third'] });
    expect(warnings).to.have.length(3);
  });

  it('reads a type that contains itself (its reader reaches itself through the cache)', () => {
    // The schema builders cannot make a cycle; a codec graph can have one, so the reader must cope.
    const Tree = sequence('Tree', { value: INTEGER, children: optional(sequenceOf('Trees', INTEGER)) });
    const items = sequenceOf('Trees', Tree);
    (Tree.fields as FieldSpec[])[1] = { name: 'children', codec: items, optional: true };
    const xml = '<t><value>1</value><children><tree><value>2</value><children><tree><value>3</value></tree></children></tree></children></t>';
    expect(read(Tree, xml).value).to.deep.equal({ value: 1, children: [{ value: 2, children: [{ value: 3 }] }] });
    expect(readerOf(Tree)).to.equal(readerOf(Tree));
  });

  it('reads a CHOICE alternative in any letter case and keeps an unknown one raw', () => {
    const Either = choice('Either', { number: INTEGER, text: IA5String });
    const Holder = sequence('Holder', { either: Either });
    expect(read(Holder, '<h><either><TEXT>abc</TEXT></either></h>').value).to.deep.equal({ either: { text: 'abc' } });
    const { value, warnings } = read(Holder, '<h><either><other>1</other></either></h>');
    expect(value).to.deep.equal({ either: { $xml: ['<other>1</other>'] } });
    expect(warnings[0]!.message).to.match(/not an alternative of Either/);
  });
});
