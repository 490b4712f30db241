/** CSTA-XML framing: the 8-byte header and plain back-to-back documents, under every chunking. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../../../protocol/errors.js';
import { createXmlFramer, frameXml, invokeIdOfHeader, XML_HEADER_SIZE } from '../../../protocol/framing/xml-framing.js';
import type { XmlFraming } from '../../../protocol/framing/xml-framing.js';

const NS = 'http://www.ecma-international.org/standards/ecma-323/csta/ed4';
/** Test documents, chosen to exercise every construct the plain scanner must skip. */
const DOCS: readonly string[] = [
  `<?xml version="1.0" encoding="UTF-8"?><MonitorStart xmlns="${NS}"><monitorObject><deviceObject>2000</deviceObject></monitorObject></MonitorStart>`,
  `<MonitorStartResponse xmlns="${NS}"><monitorCrossRefID>0001</monitorCrossRefID></MonitorStartResponse>`,
  `<?xml version="1.0"?>\n<!-- a > comment with <tags> -->\n<DeliveredEvent xmlns="${NS}" a='x>"y' b="'>">\n  <monitorCrossRefID>0001</monitorCrossRefID>\n  <connection><callID>17</callID><deviceID>2000</deviceID></connection>\n  <note><![CDATA[ </DeliveredEvent> <x> ]]></note>\n  <?pi </DeliveredEvent>?>\n  <empty/><empty2 attr="1" />\n</DeliveredEvent>`,
  `<SystemStatus xmlns="${NS}"/>`,
  `<EstablishedEvent xmlns="${NS}"><monitorCrossRefID>0001</monitorCrossRefID><answeringDevice><deviceIdentifier>2000</deviceIdentifier></answeringDevice><text>caf\u00e9 \u260e</text></EstablishedEvent>`,
];

interface Out {
  frames: string[];
  headers: string[];
  errors: DecodeError[];
}

function run(framing: XmlFraming, chunks: readonly Uint8Array[], maxFrameSize?: number): Out {
  const framer = createXmlFramer(framing, maxFrameSize === undefined ? {} : { maxFrameSize });
  const out: Out = { frames: [], headers: [], errors: [] };
  for (const c of chunks) {
    framer.push(
      c,
      (f, h) => {
        out.frames.push(Buffer.from(f).toString('utf8'));
        out.headers.push(Buffer.from(h).toString('hex'));
      },
      (e) => out.errors.push(e),
    );
  }
  return out;
}

function splits(bytes: Buffer): { name: string; chunks: Buffer[] }[] {
  const out = [{ name: 'whole', chunks: [bytes] }];
  out.push({ name: 'one byte at a time', chunks: [...bytes].map((b) => Buffer.from([b])) });
  for (let i = 1; i < bytes.length; i++) out.push({ name: `split at ${i}`, chunks: [bytes.subarray(0, i), bytes.subarray(i)] });
  return out;
}

describe('xml-framing', () => {
  describe('header framing', () => {
    it('builds the header: 0x0000, total length including the header, 4-character invoke id', () => {
      const f = frameXml('<A/>', 1);
      expect(f.subarray(0, XML_HEADER_SIZE).toString('hex')).to.equal('0000000c' + Buffer.from('0001').toString('hex'));
      expect(f.subarray(XML_HEADER_SIZE).toString()).to.equal('<A/>');
      expect(invokeIdOfHeader(f)).to.equal('0001');
      expect(invokeIdOfHeader(frameXml('<A/>', '9999'))).to.equal('9999');
      expect(() => frameXml('<A/>', 10000)).to.throw(RangeError);
      expect(() => frameXml('<A/>', 'abc')).to.throw(RangeError);
    });

    DOCS.forEach((doc, i) => {
      const bytes = frameXml(doc, i + 1);
      it(`doc ${i}: whole, split at every offset, one byte at a time`, () => {
        for (const s of splits(bytes)) {
          const out = run('header', s.chunks);
          expect(out.errors, s.name).to.deep.equal([]);
          expect(out.frames, s.name).to.deep.equal([doc]);
          expect(invokeIdOfHeader(Buffer.from(out.headers[0]!, 'hex')), s.name).to.equal(String(i + 1).padStart(4, '0'));
        }
      });
    });

    it('all documents back to back, split at every offset', () => {
      const all = Buffer.concat(DOCS.map((d, i) => frameXml(d, i)));
      for (const s of splits(all)) {
        const out = run('header', s.chunks);
        expect(out.errors, s.name).to.deep.equal([]);
        expect(out.frames, s.name).to.deep.equal(DOCS);
      }
    });

    it('rejects a header not starting 0x0000 and a length shorter than the header', () => {
      const bad = frameXml('<A/>', 1);
      bad[0] = 0x01;
      const out = run('header', [bad]);
      expect(out.errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.BadSyntax]);
      const short = Buffer.from('00000004303030313c', 'hex');
      expect(run('header', [short]).errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.BadLength]);
    });

    it('skips a frame over maxFrameSize and keeps the next', () => {
      const big = frameXml(`<A>${'x'.repeat(100)}</A>`, 1);
      const out = run('header', [Buffer.concat([big, frameXml('<B/>', 2)])], 64);
      expect(out.errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.FrameTooLarge]);
      expect(out.frames).to.deep.equal(['<B/>']);
    });

    it('events with invoke id 9999 and requests 0000..9998, back to back, split at every offset', () => {
      const ids = [0, 1, 9998, 9999, 9999, 42];
      const all = Buffer.concat(ids.map((id, i) => frameXml(DOCS[i % DOCS.length]!, id)));
      for (const s of splits(all)) {
        const out = run('header', s.chunks);
        expect(out.errors, s.name).to.deep.equal([]);
        expect(out.headers.map((h) => invokeIdOfHeader(Buffer.from(h, 'hex'))), s.name).to.deep.equal(ids.map((id) => String(id).padStart(4, '0')));
      }
    });

    it('agrees with a reader that takes bytes 0-3 as one 32-bit length (pyssimist) for every frame it writes', () => {
      for (const bodyLength of [0, 1, 247, 248, 65527]) {
        const f = frameXml(Buffer.alloc(bodyLength, 0x20), 9999);
        expect(f.readUInt32BE(0), `body ${bodyLength}`).to.equal(f.length);
        expect(f.readUInt16BE(0)).to.equal(0);
      }
      // 65 528 bytes of XML would need a third length byte: the header cannot say it.
      expect(() => frameXml(Buffer.alloc(65528, 0x20), 1)).to.throw(RangeError);
    });

    it('a header with non-zero first bytes (a 32-bit length over 65535) is a framing error; the next frame is read', () => {
      const bad = Buffer.concat([Buffer.from('00010010', 'hex'), Buffer.from('9999<A>'), Buffer.alloc(65545, 0x20), Buffer.from('</A>')]);
      const out = run('header', [Buffer.concat([bad, frameXml('<B/>', 9999)])]);
      expect(out.errors.map((e) => [e.code, e.offset])).to.deep.equal([[DecodeErrorCode.BadSyntax, 0]]);
      expect(out.frames).to.deep.equal(['<B/>']);
    });

    it('invokeIdOfHeader rejects non-printable ids and short headers', () => {
      expect(() => invokeIdOfHeader(Buffer.from('0000000c00010203', 'hex'))).to.throw(DecodeError);
      expect(() => invokeIdOfHeader(Buffer.from('0000', 'hex'))).to.throw(DecodeError);
    });
  });

  describe('plain framing', () => {
    DOCS.forEach((doc, i) => {
      const bytes = Buffer.from(doc, 'utf8');
      it(`doc ${i}: whole, split at every offset, one byte at a time`, () => {
        for (const s of splits(bytes)) {
          const out = run('plain', s.chunks);
          expect(out.errors, s.name).to.deep.equal([]);
          expect(out.frames, s.name).to.deep.equal([doc]);
        }
      });
    });

    it('documents back to back with whitespace and a BOM between, split at every offset', () => {
      const all = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ...DOCS.map((d) => Buffer.from(`${d}\r\n`, 'utf8'))]);
      for (const s of splits(all)) {
        const out = run('plain', s.chunks);
        expect(out.errors, s.name).to.deep.equal([]);
        expect(out.frames, s.name).to.deep.equal(DOCS);
      }
    });

    it('holds back an incomplete document until its root closes', () => {
      const framer = createXmlFramer('plain');
      const frames: string[] = [];
      framer.push(Buffer.from('<A><B>text</B>'), (f) => frames.push(f.toString()));
      expect(frames).to.deep.equal([]);
      expect(framer.buffered).to.equal(14);
      framer.push(Buffer.from('</A><C'), (f) => frames.push(f.toString()));
      expect(frames).to.deep.equal(['<A><B>text</B></A>']);
      framer.push(Buffer.from('/>'), (f) => frames.push(f.toString()));
      expect(frames).to.deep.equal(['<A><B>text</B></A>', '<C/>']);
      expect(framer.buffered).to.equal(0);
    });

    it('reports bytes that cannot start a document', () => {
      for (const junk of ['hello', '\u0001\u0001', '</A>', '<1/>']) {
        const out = run('plain', [Buffer.from(junk)]);
        expect(out.errors.map((e) => e.code), junk).to.deep.equal([DecodeErrorCode.BadSyntax]);
        expect(out.frames, junk).to.deep.equal([]);
      }
    });

    it('resynchronises after bytes that cannot start a document, in the same chunk', () => {
      for (const junk of ['hello<A/>', '\u0001\u0001<A/>', '</X><A/>', '<1/><A/>']) {
        const out = run('plain', [Buffer.from(`${junk}<B/>`)]);
        expect(out.errors.map((e) => e.code), junk).to.deep.equal([DecodeErrorCode.BadSyntax]);
        expect(out.frames, junk).to.deep.equal(['<A/>', '<B/>']);
      }
    });

    it('skips NUL terminators and whitespace between documents (reads a NUL-terminated stream)', () => {
      const all = Buffer.from(DOCS.map((d) => `${d}\u0000\r\n`).join(''), 'utf8');
      for (const s of splits(all)) {
        const out = run('plain', s.chunks);
        expect(out.errors, s.name).to.deep.equal([]);
        expect(out.frames, s.name).to.deep.equal(DOCS);
      }
    });

    it('reports a single chunk over maxFrameSize without a root end at once, holding none of it', () => {
      const framer = createXmlFramer('plain', { maxFrameSize: 100 });
      const errors: DecodeError[] = [];
      framer.push(Buffer.from(`<A>${'x'.repeat(1000)}`), () => expect.fail('no frame expected'), (e) => errors.push(e));
      expect(errors.map((e) => [e.code, e.offset])).to.deep.equal([[DecodeErrorCode.FrameTooLarge, 0]]);
      expect(framer.buffered).to.equal(0);
      const frames: string[] = [];
      framer.push(Buffer.from('<B/>'), (f) => frames.push(Buffer.from(f).toString()), (e) => errors.push(e));
      expect(frames).to.deep.equal(['<B/>']);
    });

    it('gives up after maxFrameSize bytes without a root end, then recovers at a chunk starting a document', () => {
      const filler = Array.from({ length: 20 }, () => Buffer.from('x'.repeat(10)));
      const out = run('plain', [Buffer.from('<A>'), ...filler, Buffer.from('<B/>')], 100);
      expect(out.errors[0]!.code).to.equal(DecodeErrorCode.FrameTooLarge);
      // The rest of the runaway document no longer looks like XML: each chunk is reported, none framed.
      expect(out.errors.slice(1).every((e) => e.code === DecodeErrorCode.BadSyntax)).to.equal(true);
      expect(out.frames).to.deep.equal(['<B/>']);
    });

    it('stays fast on a large document fed one byte at a time', () => {
      const doc = `<A>${'<b x="1">t</b>'.repeat(20000)}</A>`;
      const bytes = Buffer.from(doc);
      const t0 = Date.now();
      const out = run('plain', [...bytes].map((b) => Buffer.from([b])), 1 << 20);
      expect(out.frames.length).to.equal(1);
      expect(out.frames[0]!.length).to.equal(doc.length);
      expect(Date.now() - t0).to.be.below(5000);
    });
  });
});
