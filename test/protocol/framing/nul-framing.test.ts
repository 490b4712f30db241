/**
 * NUL-terminated CSTA-XML (Uni-tel): each document ends with one 0x00 byte. Every split offset,
 * documents back to back with the separators real clients put between them, documents the plain
 * framing could not delimit, limits and recovery.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../../../protocol/errors.js';
import { createXmlFramer, frameXmlAs, frameXmlNul } from '../../../protocol/framing/xml-framing.js';

const NS = 'http://www.ecma.ch/standards/ecma-323/csta/ed6';
/** Our own documents in the shapes Uni-tel uses: no namespace on requests, SIP-style call ids, privateData. */
const DOCS: readonly string[] = [
  '<?xml version="1.0" encoding="utf-16"?><MonitorStart><monitorObject><deviceObject>4500</deviceObject></monitorObject><privateData><requestID>7</requestID></privateData></MonitorStart>',
  `<MonitorStartResponse xmlns="${NS}"><monitorCrossRefID>88</monitorCrossRefID></MonitorStartResponse>`,
  `<DeliveredEvent xmlns="${NS}"><connection><callID>SIP/pbx-00001a2b-in</callID><deviceID>4500</deviceID></connection><note a='1>2'><![CDATA[ </DeliveredEvent> ]]></note></DeliveredEvent>`,
  `<SystemStatus xmlns="${NS}"/>`,
  `<Text xmlns="${NS}">caf\u00e9 \u260e</Text>`,
];

interface Out {
  frames: string[];
  offsets: number[];
  errors: DecodeError[];
  buffered: number;
}

function run(chunks: readonly Uint8Array[], maxFrameSize?: number): Out {
  const framer = createXmlFramer('nul', maxFrameSize === undefined ? {} : { maxFrameSize });
  const out: Out = { frames: [], offsets: [], errors: [], buffered: 0 };
  for (const c of chunks) {
    framer.push(
      c,
      (f, h, offset) => {
        expect(h.length).to.equal(0);
        out.frames.push(Buffer.from(f).toString('utf8'));
        out.offsets.push(offset);
      },
      (e) => out.errors.push(e),
    );
  }
  out.buffered = framer.buffered;
  return out;
}

function splits(bytes: Buffer): { name: string; chunks: Buffer[] }[] {
  const out = [{ name: 'whole', chunks: [bytes] }];
  out.push({ name: 'one byte at a time', chunks: [...bytes].map((b) => Buffer.from([b])) });
  for (let i = 1; i < bytes.length; i++) out.push({ name: `split at ${i}`, chunks: [bytes.subarray(0, i), bytes.subarray(i)] });
  return out;
}

describe('NUL-terminated XML framing', () => {
  it('writes the document and one NUL; refuses a document holding a NUL', () => {
    expect(frameXmlNul('<A/>').toString('hex')).to.equal(Buffer.from('<A/>\u0000').toString('hex'));
    expect(frameXmlAs('nul', '<A/>').toString('hex')).to.equal(Buffer.from('<A/>\u0000').toString('hex'));
    expect(() => frameXmlNul('<A>\u0000</A>')).to.throw(RangeError);
  });

  DOCS.forEach((doc, i) => {
    it(`doc ${i}: whole, split at every offset, one byte at a time`, () => {
      for (const s of splits(frameXmlNul(doc))) {
        const out = run(s.chunks);
        expect(out.errors, s.name).to.deep.equal([]);
        expect(out.frames, s.name).to.deep.equal([doc]);
        expect(out.buffered, s.name).to.equal(0);
      }
    });
  });

  it('all documents back to back with CRLF, empty documents and a BOM between, split at every offset', () => {
    const parts = DOCS.map((d, i) => (i % 2 === 0 ? `${d}\u0000\r\n` : `\u0000\u0000${d}\u0000`));
    const all = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(parts.join(''), 'utf8')]);
    for (const s of splits(all)) {
      const out = run(s.chunks);
      expect(out.errors, s.name).to.deep.equal([]);
      expect(out.frames, s.name).to.deep.equal(DOCS);
      // Each offset is where the document's bytes start in the stream.
      for (let k = 0; k < DOCS.length; k++) {
        expect(all.subarray(out.offsets[k]!, out.offsets[k]! + Buffer.byteLength(DOCS[k]!)).toString('utf8'), s.name).to.equal(DOCS[k]);
      }
    }
  });

  it('delimits by the NUL alone: a document with an unclosed tag costs only itself', () => {
    const broken = '<MakeCall><callingDevice>4500</callingDevice><calledDirectoryNumber>22334455</MakeCall>';
    const bad = '</Stray>';
    const out = run([Buffer.from(`${broken}\u0000${bad}\u0000${DOCS[3]}\u0000`)]);
    expect(out.errors).to.deep.equal([]);
    expect(out.frames).to.deep.equal([broken, bad, DOCS[3]]);
  });

  it('reports no terminator within maxFrameSize, then resumes after the next NUL', () => {
    const runaway = Buffer.from(`<A>${'x'.repeat(300)}`);
    const chunks = [runaway.subarray(0, 100), runaway.subarray(100, 200), runaway.subarray(200), Buffer.from(`yyy\u0000${DOCS[3]}\u0000`)];
    const out = run(chunks, 128);
    expect(out.errors.map((e) => [e.code, e.offset])).to.deep.equal([[DecodeErrorCode.FrameTooLarge, 0]]);
    expect(out.frames).to.deep.equal([DOCS[3]]);
    expect(out.buffered).to.equal(0);
  });

  it('reports a single chunk over maxFrameSize without a NUL at once, holding none of it', () => {
    const framer = createXmlFramer('nul', { maxFrameSize: 64 });
    const errors: DecodeError[] = [];
    framer.push(Buffer.from(`<A>${'x'.repeat(100)}`), () => expect.fail('no frame'), (e) => errors.push(e));
    expect(errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.FrameTooLarge]);
    expect(framer.buffered).to.equal(0);
    expect(framer.skippedBytes).to.equal(103);
  });
});
