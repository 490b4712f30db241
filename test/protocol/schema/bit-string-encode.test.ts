import { expect } from 'chai';
import { BerWriter } from '../../../protocol/ber/writer.js';
import { BerReader } from '../../../protocol/ber/reader.js';
import { EncodeError } from '../../../protocol/errors.js';
import { bitString } from '../../../protocol/schema/index.js';
import { typed } from '../../../protocol/schema/constructed.js';

/** X.690 8.6 with trailing zero bits removed, computed bit by bit (no shortcut shared with the codec). */
function expectedHex(positions: readonly number[]): string {
  if (positions.length === 0) return '030100';
  const highest = Math.max(...positions);
  const bits = Array.from({ length: highest + 1 }, (_, i) => (positions.includes(i) ? '1' : '0')).join('');
  const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  const bytes = (padded.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2).toString(16).padStart(2, '0')).join('');
  const contents = (padded.length - bits.length).toString(16).padStart(2, '0') + bytes;
  const len = contents.length / 2;
  return '03' + (len < 128 ? len.toString(16).padStart(2, '0') : `81${len.toString(16).padStart(2, '0')}`) + contents;
}

describe('BIT STRING encode', () => {
  const POSITION: Readonly<Record<string, number>> = { a: 0, b: 1, h: 7, i: 8, q: 31, r: 32, z: 40 };
  // Typed loosely: the tests hand it names it does not have.
  const Flags = typed<readonly (string | number)[]>(bitString('Flags', { a: 0, b: 1, h: 7, i: 8, q: 31, r: 32, z: 40 }));

  const encode = (v: readonly (string | number)[]): string => {
    const w = new BerWriter(4);
    Flags.encode(w, v, Flags.tag);
    return w.finish().toString('hex');
  };

  it('writes the minimal form below, at and above 32 bits, and it decodes back', () => {
    const cases: (readonly number[])[] = [[], [0], [1], [7], [8], [0, 8], [31], [0, 31], [32], [31, 32], [40], [3, 17, 29], [100], [0, 63, 64], [1000]];
    for (const positions of cases) {
      const hex = encode(positions);
      expect(hex, String(positions)).to.equal(expectedHex(positions));
      const bytes = Buffer.from(hex, 'hex');
      const r = new BerReader(bytes);
      r.header(0, bytes.length);
      const back = (Flags.decode(r) as readonly (string | number)[]).map((x) => (typeof x === 'string' ? POSITION[x]! : x));
      expect(back, String(positions)).to.deep.equal([...new Set(positions)].sort((x, y) => x - y));
    }
  });

  it('takes names and numbers alike, repeated bits once', () => {
    expect(encode(['a', 'q', 'z'])).to.equal(expectedHex([0, 31, 40]));
    expect(encode(['b', 1, 'b'])).to.equal(expectedHex([1]));
  });

  it('refuses unknown names, inherited property names and bad positions, writing nothing', () => {
    for (const bad of ['nope', 'toString', '__proto__', -1, 1.5, 0x10000, NaN] as const) {
      const w = new BerWriter(4);
      w.hex('ab');
      expect(() => Flags.encode(w, ['a', bad], Flags.tag), String(bad)).to.throw(EncodeError);
      expect(w.finish().toString('hex')).to.equal('ab');
    }
  });
});
