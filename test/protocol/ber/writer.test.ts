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
});
