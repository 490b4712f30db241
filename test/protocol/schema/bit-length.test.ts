import { expect } from 'chai';
import { BerWriter } from '../../../protocol/ber/writer.js';
import { BerReader } from '../../../protocol/ber/reader.js';
import { bitString } from '../../../protocol/schema/index.js';
import { typed } from '../../../protocol/schema/constructed.js';
import { BIT_STRING_LENGTH, applyWireBitLengths, bitLengthOf, wireBitLengths } from '../../../protocol/schema/bit-length.js';

/*
 * BIT STRINGs longer than their set bits need (BER allows it, DER does not; HiPath sends
 * cSTAVersion as 16 bits): decoded values remember the wire length and encode back the same.
 */
describe('BIT STRING wire length (trailing zero bits kept for re-encoding)', () => {
  // CSTA's cSTAVersion bit positions (ECMA-285 CSTAVersion: versionOne(0) ... versionSix(5)), as a test schema.
  const Version = typed<readonly (string | number)[]>(bitString('Version', { versionOne: 0, versionTwo: 1, versionThree: 2, versionFour: 3, versionFive: 4, versionSix: 5 }));

  const decode = (hex: string): (string | number)[] => {
    const bytes = Buffer.from(hex, 'hex');
    const r = new BerReader(bytes);
    r.header(0, bytes.length);
    return Version.decode(r) as (string | number)[];
  };
  const encode = (v: readonly (string | number)[]): string => {
    const w = new BerWriter(4);
    Version.encode(w, v, Version.tag);
    return w.finish().toString('hex');
  };

  it('16 bits with one set (HiPath cSTAVersion 03 03 00 08 00): the names, marked 16, encoded back byte for byte', () => {
    const v = decode('0303000800');
    expect(v).to.deep.equal(['versionFive']);
    expect(bitLengthOf(v)).to.equal(16);
    expect(encode(v)).to.equal('0303000800');
  });

  it('an all-zero 18-bit string (03 04 06 00 00 00): empty, marked 18, encoded back the same', () => {
    const v = decode('0304060000' + '00');
    expect(v).to.deep.equal([]);
    expect(bitLengthOf(v)).to.equal(18);
    expect(encode(v)).to.equal('030406000000');
  });

  it('the minimal form is not marked, and a value built by hand is written in the minimal form', () => {
    const v = decode('03020308');
    expect(v).to.deep.equal(['versionFive']);
    expect(bitLengthOf(v)).to.equal(undefined);
    expect(encode(['versionFive'])).to.equal('03020308');
    expect(encode([])).to.equal('030100');
  });

  it('the mark is invisible to JSON, spreads and deep equality', () => {
    const v = decode('0303000800');
    expect(JSON.stringify(v)).to.equal('["versionFive"]');
    expect(Object.keys(v)).to.deep.equal(['0']);
    expect(bitLengthOf([...v])).to.equal(undefined);
    expect(v).to.deep.equal(['versionFive']);
  });

  it('a value changed after decoding: a mark shorter than its set bits is ignored (no bit is lost)', () => {
    const v = decode('0303000800'); // marked 16
    v.push(15); // still within 16 bits
    expect(encode(v)).to.equal('0303000801');
    const w = decode('03020308');
    Object.defineProperty(w, BIT_STRING_LENGTH, { value: 2 }); // shorter than bit 4
    expect(encode(w)).to.equal('03020308');
  });

  it('wireBitLengths lists marks by JSON pointer (keys with / and ~ escaped); applyWireBitLengths puts them back after JSON', () => {
    const pdu = { a: { 'x/y~z': [decode('0303000800')] }, b: decode('03020308'), c: [1, 2] };
    const lengths = wireBitLengths(pdu);
    expect(lengths).to.deep.equal({ '/a/x~1y~0z/0': 16 });
    const back = JSON.parse(JSON.stringify(pdu)) as typeof pdu;
    expect(encode(back.a['x/y~z'][0]!)).to.equal('03020308'); // through JSON the mark is gone...
    applyWireBitLengths(back, JSON.parse(JSON.stringify(lengths)) as Record<string, unknown>);
    expect(encode(back.a['x/y~z'][0]!)).to.equal('0303000800'); // ...and comes back from the pointer
    expect(bitLengthOf(back.b)).to.equal(undefined);
    expect(wireBitLengths({ plain: ['a'], n: 1 })).to.equal(undefined);
  });

  it('applyWireBitLengths ignores pointers that lead nowhere or to non-arrays, and lengths that are not whole numbers in bounds', () => {
    const v = { list: ['versionFive'], obj: {} };
    applyWireBitLengths(v, { '/missing/0': 16, '/obj': 16, 'list': 16, '/list': 1.5, '/__proto__/x': 16 });
    expect(bitLengthOf(v.list)).to.equal(undefined);
    applyWireBitLengths(v, { '/list': 70000 });
    expect(bitLengthOf(v.list)).to.equal(undefined);
    applyWireBitLengths(v, { '/list': 24 });
    expect(bitLengthOf(v.list)).to.equal(24);
    expect(encode(v.list)).to.equal('030400080000');
  });
});
