import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { BerReader } from '../../../protocol/ber/reader.js';
import { DecodeError } from '../../../protocol/errors.js';
import { TagClass, tagKey } from '../../../protocol/ber/tags.js';

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');

function headerOf(h: string): BerReader {
  const b = hex(h);
  const r = new BerReader(b);
  r.header(0, b.length);
  return r;
}

function expectDecodeError(fn: () => unknown, code: string, offset?: number): DecodeError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(DecodeError);
    const de = e as DecodeError;
    expect(de.code).to.equal(code);
    if (offset !== undefined) expect(de.offset).to.equal(offset);
    return de;
  }
  expect.fail(`expected DecodeError ${code}`);
}

describe('BerReader', () => {
  it('reads a short-form header', () => {
    const r = headerOf('a1 03 02 01 05');
    expect(r.tag).to.equal(tagKey(TagClass.context, 1));
    expect(r.cons).to.equal(true);
    expect([r.hdr, r.start, r.end, r.next]).to.deep.equal([0, 2, 5, 5]);
  });

  it('reads long-form lengths (1 and 2 length octets)', () => {
    const body = '00'.repeat(200);
    let r = headerOf(`04 81 c8 ${body}`);
    expect([r.start, r.end]).to.deep.equal([3, 203]);
    const body2 = '00'.repeat(300);
    r = headerOf(`04 82 01 2c ${body2}`);
    expect([r.start, r.end]).to.deep.equal([4, 304]);
  });

  it('reads multi-byte tag numbers', () => {
    const r = headerOf('bf 81 48 00'); // [200] constructed
    expect(r.tag).to.equal(tagKey(TagClass.context, 200));
    expect(r.start).to.equal(4);
  });

  it('resolves indefinite lengths to the end-of-contents position', () => {
    const r = headerOf('30 80 6b 80 80 02 00 2a 00 00 00 00');
    expect(r.start).to.equal(2);
    expect(r.end).to.equal(10);
    expect(r.next).to.equal(12);
  });

  it('decodes integers in two’s complement', () => {
    const cases: [string, number][] = [
      ['00', 0],
      ['7f', 127],
      ['00 80', 128],
      ['ff', -1],
      ['80', -128],
      ['ff 7f', -129],
      ['01 00 00 00 00 00', 2 ** 40],
    ];
    for (const [h, v] of cases) {
      const b = hex(h);
      expect(new BerReader(b).integer(0, b.length), h).to.equal(v);
    }
  });

  it('rejects integers beyond the safe range', () => {
    const b = hex('01 00 00 00 00 00 00 00');
    expectDecodeError(() => new BerReader(b).integer(0, b.length), 'INTEGER_TOO_LARGE', 0);
  });

  it('reports a truncated element with its offset', () => {
    const b = hex('30 05 02 01');
    expectDecodeError(() => new BerReader(b).header(0, b.length), 'TRUNCATED', 2);
  });

  it('reports an inner element that overruns its parent', () => {
    const b = hex('30 04 04 05 00 00 00 00');
    const r = new BerReader(b);
    r.header(0, 6);
    expectDecodeError(() => r.header(2, 6), 'LENGTH_OVERRUN', 2);
  });

  it('reads length fields of more than 4 octets with leading zeros (X.690 8.1.3.5)', () => {
    const r = headerOf('04 85 00 00 00 00 01 2a');
    expect([r.start, r.end, r.next]).to.deep.equal([7, 8, 8]);
    const long = headerOf(`04 fe ${'00 '.repeat(125)}02 aa bb`);
    expect([long.start, long.end]).to.deep.equal([128, 130]);
  });

  it('refuses the reserved length octet 0xFF, lengths past the input however many octets, and indefinite primitive lengths', () => {
    expectDecodeError(() => headerOf(`04 ff ${'00 '.repeat(127)}`), 'BAD_LENGTH', 1);
    // 2^64 - 1 in 8 octets: clamped, reported as running past the input, nothing allocated.
    expectDecodeError(() => headerOf('04 88 ff ff ff ff ff ff ff ff 00'), 'TRUNCATED');
    expectDecodeError(() => headerOf(`04 90 ${'00 '.repeat(12)}01 00 00 00 00`), 'TRUNCATED');
    const inner = hex('30 0b 04 89 00 00 00 00 00 00 00 00 05 00');
    const r = new BerReader(inner);
    r.header(0, inner.length);
    expectDecodeError(() => r.header(2, r.end), 'LENGTH_OVERRUN', 2);
    expectDecodeError(() => headerOf('04 80 00 00'), 'BAD_LENGTH', 1);
  });

  it('rejects a missing end-of-contents', () => {
    expectDecodeError(() => headerOf('30 80 02 01 05'), 'TRUNCATED');
  });

  it('limits nesting depth of indefinite lengths', () => {
    const deep = Buffer.concat([Buffer.from('3080'.repeat(100), 'hex'), Buffer.from('0000'.repeat(100), 'hex')]);
    const r = new BerReader(deep, { maxDepth: 10 });
    expectDecodeError(() => r.header(0, deep.length), 'TOO_DEEP');
  });

  it('concatenates constructed OCTET STRING segments', () => {
    const b = hex('24 08 04 02 00 2a 04 02 ff 01');
    const r = new BerReader(b);
    r.header(0, b.length);
    expect(r.constructedString(r.start, r.end, 4).toString('hex')).to.equal('002aff01');
  });

  it('joins constructed BIT STRING segments, each with its own unused-bits octet (X.690 8.6.4)', () => {
    // 0x10 (no unused bits) then 0x20 with 5 unused bits: bits 3 and 10 of 11.
    const b = hex('23 08 03 02 00 10 03 02 05 20');
    const r = new BerReader(b);
    r.header(0, b.length);
    expect(r.constructedBitString(r.start, r.end, 3).toString('hex')).to.equal('051020');
    // Nested constructed segments, and an empty segment (just its unused-bits octet).
    const n = hex('23 0d 23 04 03 02 00 ff 03 01 00 03 02 07 80');
    const rn = new BerReader(n);
    rn.header(0, n.length);
    expect(rn.constructedBitString(rn.start, rn.end, 3).toString('hex')).to.equal('07ff80');
  });

  it('refuses unused bits in a BIT STRING segment other than the last, and bad unused-bits counts', () => {
    const cases: [string, number][] = [
      ['23 08 03 02 03 10 03 02 00 20', 2],
      ['23 06 03 02 08 10 03 00', 2],
      ['23 03 03 01 01', 2],
      ['23 02 03 00', 2],
    ];
    for (const [h, at] of cases) {
      const b = hex(h);
      const r = new BerReader(b);
      r.header(0, b.length);
      const e = expectDecodeError(() => r.constructedBitString(r.start, r.end, 3), 'BAD_VALUE');
      expect(e.offset, h).to.equal(at + 2);
    }
  });

  it('returns zero-copy slices', () => {
    const b = hex('04 02 aa bb');
    const s = new BerReader(b).slice(2, 4);
    b[2] = 0xcc;
    expect(s[0]).to.equal(0xcc);
  });

  it('an error inside an indefinite-length element leaves the reader at depth 0, so the next read is judged at top level', () => {
    // 30 80 (indefinite) holding 02 01 with its content byte missing.
    const r = new BerReader(Buffer.from([0x30, 0x80, 0x02, 0x01]));
    expect(() => r.header(0, 4)).to.throw(DecodeError).with.property('code', 'LENGTH_OVERRUN');
    expect(r.depth).to.equal(0);
    // The same INTEGER read on its own simply runs past the end of the input.
    expect(() => r.header(2, 4)).to.throw(DecodeError).with.property('code', 'TRUNCATED');
  });
  it('short strings come out exact through the string caches (lengths, leading zeros, collisions, non-ASCII)', () => {
    // Every string of 0..12 octets over a few byte values, read twice in a shuffled order and
    // far more of them than the caches hold: each read must equal Buffer#toString.
    const samples: Buffer[] = [];
    const bytes = [0x00, 0x01, 0x30, 0x39, 0x7f, 0xe9];
    for (let n = 0; n <= 12; n++) for (let k = 0; k < 300; k++) samples.push(Buffer.from(Array.from({ length: n }, (_, i) => bytes[(k * 7 + i * (k + 3)) % bytes.length]!)));
    const all = Buffer.concat(samples);
    const r = new BerReader(all);
    for (let round = 0; round < 2; round++) {
      let at = 0;
      const spans = samples.map((b) => {
        const span = [at, at + b.length] as const;
        at += b.length;
        return span;
      });
      if (round === 1) spans.reverse();
      for (const [s, e] of spans) {
        expect(r.latin1(s, e)).to.equal(all.toString('latin1', s, e));
        expect(r.utf8(s, e)).to.equal(all.toString('utf8', s, e));
        expect(r.hex(s, e)).to.equal(all.toString('hex', s, e));
      }
    }
  });
});
