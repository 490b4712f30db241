/**
 * Siemens HiPath framing: `26`, a 2-byte big-endian length with the top bit set (15-bit PDU
 * length, header not counted), then the BER PDU. Header layout, limits, header errors and what
 * follows them. (Every split offset of every golden frame is in ber-framer.test.ts.)
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { createBerFramer, frameBer, HIPATH_MAX_PDU } from '../../../protocol/framing/ber-framing.js';
import { DecodeError, DecodeErrorCode } from '../../../protocol/errors.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

/** AARQ { application-context-name 1.3.12.0.218 } (the context HiPath expects; bytes from the OID). */
const AARQ = Buffer.from('6009a10706052b0c00815a', 'hex');
const fixtures = loadFrameFixtures();
const pdu = (name: string): Buffer => fixtures.find((f) => f.file === name)!.bytes;
const EVENTS = fixtures.filter((f) => f.file.startsWith('event.')).map((f) => f.bytes);

interface Out {
  frames: string[];
  errors: DecodeError[];
}

function run(chunks: readonly Uint8Array[], maxFrameSize?: number): Out & { skipped: number } {
  const framer = createBerFramer('hipath', maxFrameSize === undefined ? {} : { maxFrameSize });
  const out: Out = { frames: [], errors: [] };
  for (const c of chunks) framer.push(c, (f) => out.frames.push(Buffer.from(f).toString('hex')), (e) => out.errors.push(e));
  return { ...out, skipped: framer.skippedBytes };
}

const hip = (b: Uint8Array): Buffer => Buffer.from(frameBer('hipath', b));

describe('HiPath framing', () => {
  it('writes 0x26 and the PDU length with the top bit set, header not counted', () => {
    expect(hip(AARQ).subarray(0, 3).toString('hex')).to.equal('26800b');
    const big = Buffer.concat([Buffer.from('04827ffb', 'hex'), Buffer.alloc(0x7ffb)]);
    expect(big.length).to.equal(HIPATH_MAX_PDU);
    expect(hip(big).subarray(0, 3).toString('hex')).to.equal('26ffff');
    expect(() => frameBer('hipath', Buffer.alloc(HIPATH_MAX_PDU + 1))).to.throw(RangeError);
  });

  it('refuses to write more than maxHipathPdu (Net::CSTAv3::Client sends at most 1000 bytes)', () => {
    expect(() => frameBer('hipath', Buffer.alloc(1001), { maxHipathPdu: 1000 })).to.throw(RangeError, /1000/);
    expect(frameBer('hipath', Buffer.alloc(1000), { maxHipathPdu: 1000 }).length).to.equal(1003);
  });

  it('reads the AARQ, a SystemStatus and events back to back, whatever the chunking', () => {
    const pdus = [AARQ, pdu('system-status.invoke.json'), ...EVENTS.slice(0, 10)];
    const wire = Buffer.concat(pdus.map(hip));
    const want = pdus.map((p) => p.toString('hex'));
    for (const size of [1, 2, 3, 4, 5, 17, wire.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < wire.length; i += size) chunks.push(wire.subarray(i, i + size));
      const got = run(chunks);
      expect(got.errors, `chunks of ${size}`).to.deep.equal([]);
      expect(got.frames, `chunks of ${size}`).to.deep.equal(want);
    }
  });

  describe('a bad header costs that frame only: the 50 frames after it arrive', () => {
    const tail = Array.from({ length: 50 }, (_, i) => EVENTS[i % EVENTS.length]!);
    const want = tail.map((p) => p.toString('hex'));
    const tailWire = Buffer.concat(tail.map(hip));
    const cases: { name: string; bad: Buffer; code: DecodeErrorCode }[] = [
      { name: 'first byte not 0x26', bad: Buffer.concat([Buffer.from('27'), hip(AARQ).subarray(1)]), code: DecodeErrorCode.BadSyntax },
      { name: 'length without its top bit', bad: Buffer.concat([Buffer.from('26000b', 'hex'), AARQ]), code: DecodeErrorCode.BadLength },
      { name: 'length that disagrees with the PDU', bad: Buffer.concat([Buffer.from('26800c', 'hex'), AARQ, Buffer.from('00', 'hex')]), code: DecodeErrorCode.BadLength },
    ];
    for (const c of cases) {
      it(`${c.name}: in one read, and split anywhere in the bad frame`, () => {
        const wire = Buffer.concat([c.bad, tailWire]);
        const whole = run([wire]);
        expect(whole.errors.map((e) => e.code)).to.deep.equal([c.code]);
        expect(whole.frames).to.deep.equal(want);
        expect(whole.skipped).to.equal(c.bad.length);
        for (let cut = 1; cut <= c.bad.length; cut++) {
          const split = run([wire.subarray(0, cut), wire.subarray(cut)]);
          expect(split.errors.map((e) => e.code), `cut ${cut}`).to.deep.equal([c.code]);
          expect(split.frames, `cut ${cut}`).to.deep.equal(want);
        }
      });
    }
  });

  it('reports a length over maxFrameSize when the header arrives, and reads on', () => {
    const big = Buffer.concat([Buffer.from('04820ffc', 'hex'), Buffer.alloc(0x0ffc, 0x55)]);
    const framer = createBerFramer('hipath', { maxFrameSize: 1024 });
    const errors: DecodeError[] = [];
    const frames: string[] = [];
    framer.push(hip(big).subarray(0, 3), (f) => frames.push(f.toString('hex')), (e) => errors.push(e));
    expect(errors.map((e) => [e.code, e.offset])).to.deep.equal([[DecodeErrorCode.FrameTooLarge, 0]]);
    framer.push(Buffer.concat([hip(big).subarray(3), hip(AARQ)]), (f) => frames.push(f.toString('hex')), (e) => errors.push(e));
    expect(frames).to.deep.equal([AARQ.toString('hex')]);
    expect(errors).to.have.length(1);
    expect(framer.buffered).to.equal(0);
  });
});
