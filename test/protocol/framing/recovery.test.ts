/**
 * Recovery after a framing error (issue 15): one bad frame header must not cost the rest of the
 * TCP read, nor the link. For every framing: good frames, a bad header, then 50 good frames, in one
 * read and in several chunkings; the 50 arrive, the skipped bytes are counted and reported when
 * framing resumes. A corrupt 4-byte length is reported when its header arrives (not after 4 GiB).
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../../../protocol/errors.js';
import { createBerFramer, frameBer } from '../../../protocol/framing/ber-framing.js';
import type { BerFraming } from '../../../protocol/framing/ber-framing.js';
import { createXmlFramer, frameXml, frameXmlNul } from '../../../protocol/framing/xml-framing.js';
import type { XmlFraming } from '../../../protocol/framing/xml-framing.js';
import type { Framer, ResyncInfo } from '../../../protocol/framing/framer.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

const EVENTS = loadFrameFixtures()
  .filter((f) => f.file.startsWith('event.'))
  .map((f) => f.bytes);
const XML_EVENTS = Array.from({ length: 50 }, (_, i) => `<DeliveredEvent xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed4"><monitorCrossRefID>${i}</monitorCrossRefID></DeliveredEvent>`);

interface Case {
  readonly name: string;
  readonly framer: (onResync: (r: ResyncInfo) => void, maxFrameSize?: number) => Framer;
  /** The 50 payloads and their framed bytes. */
  readonly payloads: readonly Buffer[];
  readonly frame: (payload: Buffer, i: number) => Buffer;
  /** A bad header (and what follows it up to where the next frame starts), and the error it gives. */
  readonly bad: Buffer;
  readonly code: DecodeErrorCode;
}

const berCase = (framing: BerFraming, bad: string, code: DecodeErrorCode): Case => ({
  name: `${framing}: ${bad}`,
  framer: (onResync, maxFrameSize) => createBerFramer(framing, { onResync, ...(maxFrameSize !== undefined ? { maxFrameSize } : {}) }),
  payloads: Array.from({ length: 50 }, (_, i) => EVENTS[i % EVENTS.length]!),
  frame: (p) => Buffer.from(frameBer(framing, p)),
  bad: Buffer.from(bad.replace(/ /g, ''), 'hex'),
  code,
});

const xmlCase = (framing: XmlFraming, bad: string, code: DecodeErrorCode): Case => ({
  name: `xml ${framing}: ${JSON.stringify(bad)}`,
  framer: (onResync, maxFrameSize) => createXmlFramer(framing, { onResync, ...(maxFrameSize !== undefined ? { maxFrameSize } : {}) }),
  payloads: XML_EVENTS.map((x) => Buffer.from(x)),
  frame: (p, i) => (framing === 'header' ? frameXml(p, 9999 - (i % 2)) : framing === 'nul' ? frameXmlNul(p) : p),
  bad: Buffer.from(bad, 'latin1'),
  code,
});

const CASES: readonly Case[] = [
  // A length that disagrees with the PDU behind it (prefix 9, PDU of 5 bytes + 4 garbage bytes).
  berCase('length16', '0009 a103020101 ffffffff', DecodeErrorCode.BadLength),
  berCase('length32', '00000009 a103020101 ffffffff', DecodeErrorCode.BadLength),
  // A BER length field of 5 octets.
  berCase('ber', 'a1ff 0000000001', DecodeErrorCode.BadLength), // 0xFF: the reserved length octet (X.690 8.1.3.5)
  berCase('hipath', '2700 05 a103020101', DecodeErrorCode.BadSyntax),
  xmlCase('header', '\u0001\u0000\u0000\u00100001<A/>', DecodeErrorCode.BadSyntax),
  xmlCase('header', '\u0000\u0000\u0000\u0004', DecodeErrorCode.BadLength),
  xmlCase('plain', 'garbage', DecodeErrorCode.BadSyntax),
  xmlCase('plain', '</Stray>', DecodeErrorCode.BadSyntax),
];

interface Run {
  frames: string[];
  errors: DecodeError[];
  resyncs: ResyncInfo[];
  skipped: number;
  buffered: number;
}

function run(c: Case, chunks: readonly Buffer[], maxFrameSize?: number): Run {
  const resyncs: ResyncInfo[] = [];
  const framer = c.framer((r) => resyncs.push(r), maxFrameSize);
  const out: Run = { frames: [], errors: [], resyncs, skipped: 0, buffered: 0 };
  for (const ch of chunks) framer.push(ch, (f) => out.frames.push(Buffer.from(f).toString('hex')), (e) => out.errors.push(e));
  out.skipped = framer.skippedBytes;
  out.buffered = framer.buffered;
  return out;
}

function chunked(wire: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < wire.length; i += size) out.push(wire.subarray(i, i + size));
  return out;
}

describe('framing recovery', () => {
  for (const c of CASES) {
    it(`${c.name}: one bad header, then 50 frames that all arrive`, () => {
      const lead = c.payloads.slice(0, 3);
      const wire = Buffer.concat([...lead.map(c.frame), c.bad, ...c.payloads.map(c.frame)]);
      const want = [...lead, ...c.payloads].map((p) => p.toString('hex'));
      const badAt = lead.reduce((n, p, i) => n + c.frame(p, i).length, 0);
      for (const size of [wire.length, 1, 3, 7, 100, 1000]) {
        const got = run(c, chunked(wire, size));
        expect(got.errors.map((e) => e.code), `chunks of ${size}`).to.deep.equal([c.code]);
        expect(got.frames, `chunks of ${size}`).to.deep.equal(want);
        expect(got.skipped, `chunks of ${size}`).to.equal(c.bad.length);
        expect(got.resyncs, `chunks of ${size}`).to.deep.equal([{ offset: badAt + c.bad.length, skipped: c.bad.length }]);
        expect(got.buffered).to.equal(0);
      }
    });
  }

  it('a corrupt 4-byte length is reported when its header arrives, and the link keeps hearing', () => {
    const c = CASES.find((x) => x.name.startsWith('length32'))!;
    const corrupt = Buffer.concat([Buffer.from('7f000000', 'hex'), EVENTS[0]!]);
    const following = Buffer.concat(c.payloads.map(c.frame));
    const framer = createBerFramer('length32');
    const errors: DecodeError[] = [];
    const frames: string[] = [];
    const onFrame = (f: Buffer): number => frames.push(f.toString('hex'));
    framer.push(corrupt.subarray(0, 4), onFrame, (e) => errors.push(e));
    // At once: the header alone says the frame cannot be (2 GiB over the 1 MiB default).
    expect(errors.map((e) => [e.code, e.offset])).to.deep.equal([[DecodeErrorCode.FrameTooLarge, 0]]);
    framer.push(Buffer.concat([corrupt.subarray(4), following]), onFrame, (e) => errors.push(e));
    expect(frames).to.have.length(50);
    expect(errors).to.have.length(1);
    expect(framer.skippedBytes).to.equal(corrupt.length);
    expect(framer.buffered).to.equal(0);
    expect(framer.synchronised).to.equal(true);
  });

  it('a length over maxFrameSize but under 64 KiB is reported at once too, and skipped over', () => {
    const framer = createBerFramer('length16', { maxFrameSize: 256 });
    const errors: DecodeError[] = [];
    const frames: Buffer[] = [];
    // A consistent 1000-byte OCTET STRING: too large here, but nothing corrupt about it.
    const big = Buffer.concat([Buffer.from('048203e4', 'hex'), Buffer.alloc(996, 0x41)]);
    framer.push(frameBer('length16', big).subarray(0, 2), (f) => frames.push(f), (e) => errors.push(e));
    expect(errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.FrameTooLarge]);
    framer.push(Buffer.concat([frameBer('length16', big).subarray(2), frameBer('length16', EVENTS[1]!)]), (f) => frames.push(f), (e) => errors.push(e));
    expect(frames.map((f) => f.toString('hex'))).to.deep.equal([EVENTS[1]!.toString('hex')]);
  });

  it('a header error reports a stream offset (bytes pushed into the framer), not an index into a buffer', () => {
    const c = CASES.find((x) => x.name.startsWith('xml header'))!;
    const lead = Buffer.concat(c.payloads.slice(0, 2).map(c.frame));
    const got = run(c, [lead.subarray(0, 10), lead.subarray(10), c.bad, c.frame(c.payloads[0]!, 0)]);
    expect(got.errors.map((e) => e.offset)).to.deep.equal([lead.length]);
  });

  it('a framer without findFrameStart (a custom spec) resumes at the next chunk, counting what it dropped', async () => {
    const { Framer: FramerClass } = await import('../../../protocol/framing/framer.js');
    const spec = {
      headerSize: 1,
      measure: (buf: Buffer, start: number, end: number): number => {
        if (end <= start) return -1;
        if (buf[start] === 0xff) throw new DecodeError(DecodeErrorCode.BadSyntax, start, 'bad');
        return 1 + buf[start]!;
      },
    };
    const framer = new FramerClass(spec);
    const frames: string[] = [];
    const errors: DecodeError[] = [];
    framer.push(Buffer.from('0161ff016202', 'hex'), (f) => frames.push(f.toString('latin1')), (e) => errors.push(e));
    framer.push(Buffer.from('0163', 'hex'), (f) => frames.push(f.toString('latin1')), (e) => errors.push(e));
    expect(frames).to.deep.equal(['a', 'c']);
    expect(errors).to.have.length(1);
    expect(framer.skippedBytes).to.equal(4);
  });
});
