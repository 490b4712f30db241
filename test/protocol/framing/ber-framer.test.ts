/**
 * The BER framers (2- and 4-byte length, self-delimited, Siemens HiPath), fed every frame whole,
 * split at every offset, byte by byte and back to back.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { createBerFramer, frameBer, berElementLength } from '../../../protocol/framing/ber-framing.js';
import type { BerFraming } from '../../../protocol/framing/ber-framing.js';
import { DecodeError } from '../../../protocol/errors.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

const hand: Buffer[] = [
  Buffer.from('a11a02010102010230126b10300e8002002aa1083006800432303030', 'hex'),
  Buffer.from('30806b808002002a00000000', 'hex'), // indefinite lengths
  Buffer.concat([Buffer.from('a481c8', 'hex'), Buffer.alloc(200, 0x05).fill(0).subarray(0, 200)]), // long-form length
];
const frames: Buffer[] = [...hand, ...loadFrameFixtures().map((f) => f.bytes)];
const framings: BerFraming[] = ['length16', 'length32', 'ber', 'hipath'];

function run(framing: BerFraming, chunks: Uint8Array[]): { frames: string[]; errors: DecodeError[] } {
  const framer = createBerFramer(framing);
  const out: string[] = [];
  const errors: DecodeError[] = [];
  for (const c of chunks) framer.push(c, (f) => out.push(Buffer.from(f).toString('hex')), (e) => errors.push(e));
  expect(framer.buffered, 'nothing left over').to.equal(0);
  return { frames: out, errors };
}

describe('BER framers', () => {
  for (const framing of framings) {
    describe(framing, () => {
      it('emits each frame pushed whole', () => {
        for (const f of frames) expect(run(framing, [frameBer(framing, f)]).frames).to.deep.equal([f.toString('hex')]);
      });

      it('emits each frame split at every offset', () => {
        for (const f of frames) {
          const wire = frameBer(framing, f);
          for (let cut = 1; cut < wire.length; cut++) {
            const got = run(framing, [wire.subarray(0, cut), wire.subarray(cut)]);
            expect(got.frames, `cut at ${cut}`).to.deep.equal([f.toString('hex')]);
          }
        }
      });

      it('emits each frame fed one byte at a time', () => {
        for (const f of frames) {
          const wire = frameBer(framing, f);
          const bytes = Array.from(wire, (_, i) => wire.subarray(i, i + 1));
          expect(run(framing, bytes).frames).to.deep.equal([f.toString('hex')]);
        }
      });

      it('emits all frames sent back to back, whatever the chunking', () => {
        const wire = Buffer.concat(frames.map((f) => frameBer(framing, f)));
        const expected = frames.map((f) => f.toString('hex'));
        expect(run(framing, [wire]).frames).to.deep.equal(expected);
        for (const size of [1, 2, 3, 7, 13, 64, 1000]) {
          const chunks: Buffer[] = [];
          for (let i = 0; i < wire.length; i += size) chunks.push(wire.subarray(i, i + size));
          expect(run(framing, chunks).frames, `chunks of ${size}`).to.deep.equal(expected);
        }
      });

      it('never overwrites a frame it has handed out', () => {
        const wire = Buffer.concat(frames.map((f) => frameBer(framing, f)));
        const framer = createBerFramer(framing);
        const held: Buffer[] = [];
        for (let i = 0; i < wire.length; i += 5) framer.push(Buffer.from(wire.subarray(i, i + 5)), (f) => held.push(f));
        expect(held.map((h) => h.toString('hex'))).to.deep.equal(frames.map((f) => f.toString('hex')));
      });
    });
  }

  it('headers: false hands out the same frames with an empty header, whole or split across chunks', () => {
    const wire = Buffer.concat(frames.map((f) => frameBer('length16', f)));
    for (const split of [wire.length, 7, 1]) {
      const got: { frame: string; header: string }[] = [];
      const want: { frame: string; header: string }[] = [];
      const without = createBerFramer('length16', { headers: false });
      const withHeaders = createBerFramer('length16');
      for (let i = 0; i < wire.length; i += split) {
        const chunk = wire.subarray(i, i + split);
        without.push(chunk, (f, h) => got.push({ frame: f.toString('hex'), header: h.toString('hex') }));
        withHeaders.push(chunk, (f, h) => want.push({ frame: f.toString('hex'), header: h.toString('hex') }));
      }
      expect(got.map((x) => x.frame), `split ${split}`).to.deep.equal(want.map((x) => x.frame));
      expect(got.every((x) => x.header === ''), `split ${split}: no headers`).to.equal(true);
      expect(want.every((x) => x.header.length === 4), `split ${split}: 2-byte prefixes by default`).to.equal(true);
    }
  });

  it('skips an oversized length-prefixed frame and keeps going', () => {
    // An OCTET STRING of 2996 bytes: a consistent 3000-byte BER element.
    const big = Buffer.concat([Buffer.from('04820bb4', 'hex'), Buffer.alloc(2996, 0)]);
    const good = frames[0]!;
    const wire = Buffer.concat([frameBer('length16', big), frameBer('length16', good)]);
    for (const size of [1, 100, wire.length]) {
      const framer = createBerFramer('length16', { maxFrameSize: 1024 });
      const out: string[] = [];
      const errors: DecodeError[] = [];
      for (let i = 0; i < wire.length; i += size) framer.push(wire.subarray(i, i + size), (f) => out.push(f.toString('hex')), (e) => errors.push(e));
      expect(errors.map((e) => e.code), `chunk ${size}`).to.deep.equal(['FRAME_TOO_LARGE']);
      expect(out).to.deep.equal([good.toString('hex')]);
    }
  });

  it('frames a PDU whose length fields have more than 4 octets (X.690 8.1.3.5), as the decoder reads it', () => {
    const pdu = Buffer.from('a11502010102014a300d30850000000006800431323334', 'hex');
    const framer = createBerFramer('ber');
    const out: string[] = [];
    framer.push(Buffer.concat([pdu, pdu]), (f) => void out.push(f.toString('hex')), (e) => expect.fail(e.message));
    expect(out).to.deep.equal([pdu.toString('hex'), pdu.toString('hex')]);
    const long = Buffer.from('a1 88 00 00 00 00 00 00 00 03 02 01 01'.replace(/ /g, ''), 'hex');
    expect(berElementLength(long, 0, long.length)).to.equal(long.length);
  });

  it('reports an impossible BER header as a typed error', () => {
    const framer = createBerFramer('ber');
    const errors: DecodeError[] = [];
    framer.push(Buffer.from('a1 ff 00 00 00 00 01'.replace(/ /g, ''), 'hex'), () => expect.fail('no frame'), (e) => errors.push(e));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(DecodeError);
    expect(errors[0]!.code).to.equal('BAD_LENGTH');
  });

  it('berElementLength says "incomplete" by returning -1, never by throwing', () => {
    const f = frames[1]!;
    for (let n = 0; n < f.length; n++) expect(berElementLength(f, 0, n), `${n} bytes`).to.equal(-1);
    expect(berElementLength(f, 0, f.length)).to.equal(f.length);
  });
});
