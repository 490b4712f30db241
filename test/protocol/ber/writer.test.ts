import { expect } from 'chai';
import { BerWriter } from '../../../protocol/ber/writer.js';
import { BerReader } from '../../../protocol/ber/reader.js';
import { TagClass, tagKey } from '../../../protocol/ber/tags.js';

describe('BerWriter', () => {
  it('writes backwards: content first, then length and tag', () => {
    const w = new BerWriter(2);
    const m = w.size;
    w.latin1('2000');
    w.wrap(m, tagKey(TagClass.context, 0), false);
    expect(w.finish().toString('hex')).to.equal('800432303030');
  });

  it('uses long-form lengths from 128 bytes on', () => {
    const w = new BerWriter(8);
    const m = w.size;
    w.hex('00'.repeat(300));
    w.wrap(m, 4, false);
    const out = w.finish();
    expect(out.subarray(0, 4).toString('hex')).to.equal('0482012c');
    expect(out.length).to.equal(304);
  });

  it('writes multi-byte tags', () => {
    const w = new BerWriter();
    w.byte(0);
    w.tag(tagKey(TagClass.context, 200), true);
    expect(w.finish().toString('hex')).to.equal('bf814800');
  });

  it('encodes integers minimally in two’s complement, and they read back', () => {
    for (const v of [0, 1, 127, 128, 255, 256, -1, -128, -129, 65535, -65536, 2 ** 40, -(2 ** 40), Number.MAX_SAFE_INTEGER]) {
      const w = new BerWriter(1);
      w.integer(v);
      const out = w.finish();
      expect(new BerReader(out).integer(0, out.length), String(v)).to.equal(v);
      if (out.length > 1) {
        const redundant = (out[0] === 0x00 && (out[1]! & 0x80) === 0) || (out[0] === 0xff && (out[1]! & 0x80) !== 0);
        expect(redundant, `${v} minimal`).to.equal(false);
      }
    }
  });

  it('finish() hands out a copy that later writes do not touch', () => {
    const w = new BerWriter();
    w.hex('aabb');
    const first = w.finish();
    w.hex('ccdd');
    w.finish();
    expect(first.toString('hex')).to.equal('aabb');
  });

  describe('one-call TLVs write what content + wrap writes', () => {
    // Small slabs so that the grow path runs inside the one-call writes too.
    const stepwise = (size: number, write: (w: BerWriter) => void): string => {
      const w = new BerWriter(size);
      write(w);
      return w.finish().toString('hex');
    };
    const ctx0 = tagKey(TagClass.context, 0);
    const app21 = tagKey(TagClass.application, 21);
    const strings = ['', '2000', 'x'.repeat(24), 'y'.repeat(25), 'z'.repeat(127), 'w'.repeat(128), 'caf\u00e9', 'n\u0101me', 'a'.repeat(30) + '\u0101'];

    it('latin1Tlv (and it writes nothing for characters above 0xFF)', () => {
      for (const size of [1, 3, 1024]) {
        for (const s of strings) {
          const fits = [...s].every((c) => c.charCodeAt(0) <= 0xff);
          const one = stepwise(size, (w) => {
            w.hex('ab');
            expect(w.latin1Tlv(s, 0x80), s).to.equal(fits);
          });
          const two = stepwise(size, (w) => {
            w.hex('ab');
            if (!fits) return;
            const m = w.size;
            w.latin1(s);
            w.wrap(m, ctx0, false);
          });
          expect(one, `${size} ${s}`).to.equal(two);
        }
      }
    });

    it('hexTlv: hex bytes, else the UTF-8 bytes, as OCTET STRING encodes them', () => {
      const values = ['', '00', '002a', 'ab'.repeat(24), 'cd'.repeat(25), 'ef'.repeat(200), '0', 'ABCD', 'SIP/hpbx-0000af2f', 'N/A', '00g0', 'caf\u00e9'];
      for (const size of [1, 3, 1024]) {
        for (const h of values) {
          const one = stepwise(size, (w) => w.hexTlv(h, 0x55));
          const two = stepwise(size, (w) => {
            const m = w.size;
            if (!w.lowerHexIfValid(h)) w.utf8(h);
            w.wrap(m, app21, false);
          });
          expect(one, `${size} ${h}`).to.equal(two);
        }
      }
    });

    it('integerTlv, tlv3 and tlv2', () => {
      for (const size of [1, 2, 1024]) {
        for (const v of [0, 1, 127, 128, 255, -1, -129, 2 ** 40, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
          const two = stepwise(size, (w) => {
            const m = w.size;
            w.integer(v);
            w.wrap(m, 0x02, false);
          });
          expect(stepwise(size, (w) => w.integerTlv(v, 0x02)), `${size} ${v}`).to.equal(two);
        }
        for (const bad of [1.5, -0.5, NaN, Infinity, 2 ** 53]) {
          const w = new BerWriter(size);
          w.hex('ab');
          expect(() => w.integerTlv(bad, 0x02), String(bad)).to.throw(RangeError);
          expect(w.finish().toString('hex'), `${bad} wrote nothing`).to.equal('ab');
        }
        expect(stepwise(size, (w) => w.tlv3(0x01, 0xff))).to.equal('0101ff');
        expect(stepwise(size, (w) => w.tlv2(0x87))).to.equal('8700');
      }
    });

    it('wrapConstructed is wrap(…, true), short and long lengths, low and high tag numbers', () => {
      for (const size of [1, 1024]) {
        for (const n of [0, 5, 127, 128, 300]) {
          for (const key of [tagKey(TagClass.context, 3), tagKey(TagClass.application, 11), tagKey(TagClass.context, 200)]) {
            const one = stepwise(size, (w) => {
              const m = w.size;
              w.hex('00'.repeat(n));
              w.wrapConstructed(m, key);
            });
            const two = stepwise(size, (w) => {
              const m = w.size;
              w.hex('00'.repeat(n));
              w.wrap(m, key, true);
            });
            expect(one, `${size} ${n} ${key}`).to.equal(two);
          }
        }
      }
    });
  });
});
