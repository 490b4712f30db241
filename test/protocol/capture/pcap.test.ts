/** pcap and pcapng readers: both byte orders, timestamp resolutions, block kinds, corrupt files. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { readPackets } from '../../../protocol/capture/pcap.js';
import type { CapturePacket, PacketEntry } from '../../../protocol/capture/pcap.js';
import { CaptureError, CaptureErrorCode } from '../../../protocol/capture/errors.js';
import { LINKTYPE, writePcap, writePcapNg } from '../../support/pcap-writer.js';
import type { Rec } from '../../support/pcap-writer.js';

const T0 = 1_700_000_000_123_456_789n;
const RECS: Rec[] = [
  { tsNs: T0, data: Buffer.from('first packet') },
  { tsNs: T0 + 1_000_000_001n, data: Buffer.from('second') },
  { tsNs: T0 + 2_500_000_000n, data: Buffer.from('x'.repeat(1500)) },
];

function packets(entries: PacketEntry[]): CapturePacket[] {
  return entries.filter((e): e is { kind: 'packet'; packet: CapturePacket } => e.kind === 'packet').map((e) => e.packet);
}
function errors(entries: PacketEntry[]): CaptureError[] {
  return entries.filter((e): e is { kind: 'error'; error: CaptureError } => e.kind === 'error').map((e) => e.error);
}
const read = (b: Uint8Array): PacketEntry[] => [...readPackets(b)];

describe('capture file readers', () => {
  describe('pcap', () => {
    for (const littleEndian of [true, false]) {
      for (const nanos of [false, true]) {
        it(`${littleEndian ? 'little' : 'big'}-endian, ${nanos ? 'nano' : 'micro'}second timestamps`, () => {
          const file = writePcap(RECS, { littleEndian, nanos, linkType: LINKTYPE.sll });
          const entries = read(file);
          expect(errors(entries)).to.deep.equal([]);
          const ps = packets(entries);
          expect(ps.map((p) => p.data.toString())).to.deep.equal(RECS.map((r) => Buffer.from(r.data).toString()));
          const want = RECS.map((r) => (nanos ? r.tsNs : (r.tsNs / 1000n) * 1000n));
          expect(ps.map((p) => p.timestampNs)).to.deep.equal(want);
          expect(ps.map((p) => p.linkType)).to.deep.equal([113, 113, 113]);
          expect(ps.map((p) => p.index)).to.deep.equal([0, 1, 2]);
          expect(file.subarray(ps[1]!.fileOffset, ps[1]!.fileOffset + 6).toString()).to.equal('second');
        });
      }
    }

    it('reports the original length of a packet cut at snaplen', () => {
      const [p] = packets(read(writePcap([{ tsNs: T0, data: Buffer.from('abc'), origLen: 1514 }])));
      expect(p!.originalLength).to.equal(1514);
      expect(p!.data.length).to.equal(3);
    });

    it('truncated file: header, record header, record data', () => {
      const file = writePcap(RECS);
      expect(errors(read(file.subarray(0, 10))).map((e) => e.code)).to.deep.equal([CaptureErrorCode.Truncated]);
      const cutHeader = read(file.subarray(0, 24 + 16 + 12 + 5));
      expect(packets(cutHeader).length).to.equal(1);
      expect(errors(cutHeader).map((e) => e.code)).to.deep.equal([CaptureErrorCode.Truncated]);
      const cutData = read(file.subarray(0, file.length - 1));
      expect(packets(cutData).length).to.equal(2);
      expect(errors(cutData)[0]!.code).to.equal(CaptureErrorCode.Truncated);
    });

    it('a record length beyond snaplen is a bad block, not an allocation', () => {
      const file = writePcap(RECS, { snaplen: 65535 });
      file.writeUInt32LE(0x7fffffff, 24 + 8); // incl_len of packet 0
      expect(errors(read(file)).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadBlock]);
    });
  });

  describe('pcapng', () => {
    for (const littleEndian of [true, false]) {
      it(`${littleEndian ? 'little' : 'big'}-endian with per-interface resolutions, EPB and SPB`, () => {
        const recs: Rec[] = [
          { tsNs: T0, data: Buffer.from('on if0 (µs)'), iface: 0 },
          { tsNs: T0, data: Buffer.from('on if1 (ns)'), iface: 1 },
          { tsNs: T0, data: Buffer.from('on if2 (2^-20 s)'), iface: 2 },
          // 64 bits of picoseconds only reach 213 days past the epoch.
          { tsNs: 1_234_567_890_123n, data: Buffer.from('on if3 (10^-12 s)'), iface: 3 },
          { tsNs: 0n, data: Buffer.from('simple'), simple: true },
        ];
        const file = writePcapNg(recs, {
          littleEndian,
          interfaces: [
            { linkType: LINKTYPE.ethernet },
            { linkType: LINKTYPE.sll, tsresol: 9 },
            { linkType: LINKTYPE.raw, tsresol: 0x80 | 20 },
            { linkType: LINKTYPE.ethernet, tsresol: 12 },
          ],
        });
        const entries = read(file);
        expect(errors(entries)).to.deep.equal([]);
        const ps = packets(entries);
        expect(ps.map((p) => p.data.toString())).to.deep.equal(recs.map((r) => Buffer.from(r.data).toString()));
        expect(ps.map((p) => p.linkType)).to.deep.equal([1, 113, 101, 1, 1]);
        expect(ps.map((p) => p.interfaceId)).to.deep.equal([0, 1, 2, 3, 0]);
        const units20 = (T0 * (1n << 20n)) / 1_000_000_000n;
        expect(ps.map((p) => p.timestampNs)).to.deep.equal([(T0 / 1000n) * 1000n, T0, (units20 * 1_000_000_000n) >> 20n, 1_234_567_890_123n, undefined]);
      });
    }

    it('a second section resets interfaces and may change byte order', () => {
      const a = writePcapNg([{ tsNs: T0, data: Buffer.from('le') }], { littleEndian: true, interfaces: [{ linkType: LINKTYPE.ethernet }] });
      const b = writePcapNg([{ tsNs: T0, data: Buffer.from('be') }], { littleEndian: false, interfaces: [{ linkType: LINKTYPE.sll, tsresol: 9 }] });
      const ps = packets(read(Buffer.concat([a, b])));
      expect(ps.map((p) => [p.data.toString(), p.linkType, p.timestampNs])).to.deep.equal([
        ['le', 1, (T0 / 1000n) * 1000n],
        ['be', 113, T0],
      ]);
      expect(ps.map((p) => p.index)).to.deep.equal([0, 1]);
    });

    it('skips unknown block types', () => {
      const file = writePcapNg([{ tsNs: T0, data: Buffer.from('p') }]);
      // Insert a custom block (type 0x00000BAD, 16 bytes) before the EPB.
      const custom = Buffer.alloc(16);
      custom.writeUInt32LE(0xbad, 0);
      custom.writeUInt32LE(16, 4);
      custom.writeUInt32LE(16, 12);
      const shbIdb = file.readUInt32LE(4) + file.readUInt32LE(file.readUInt32LE(4) + 4);
      const withCustom = Buffer.concat([file.subarray(0, shbIdb), custom, file.subarray(shbIdb)]);
      expect(packets(read(withCustom)).map((p) => p.data.toString())).to.deep.equal(['p']);
    });

    it('a packet on an undescribed interface is an error entry; reading continues', () => {
      const file = writePcapNg([
        { tsNs: T0, data: Buffer.from('bad'), iface: 5 },
        { tsNs: T0, data: Buffer.from('good') },
      ]);
      const entries = read(file);
      expect(errors(entries).map((e) => e.code)).to.deep.equal([CaptureErrorCode.Unsupported]);
      expect(packets(entries).map((p) => p.data.toString())).to.deep.equal(['good']);
    });

    it('corrupt files: bad magic, bad byte-order magic, bad block length, trailer mismatch, truncation', () => {
      const good = writePcapNg(RECS);
      const badMagic = Buffer.from(good);
      badMagic.writeUInt32LE(0xdeadbeef, 0);
      expect(errors(read(badMagic)).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadMagic]);

      const badBom = Buffer.from(good);
      badBom.writeUInt32LE(0x11223344, 8);
      expect(errors(read(badBom)).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadMagic]);

      const shbLen = good.readUInt32LE(4);
      const idbLen = good.readUInt32LE(shbLen + 4);
      const epbAt = shbLen + idbLen;
      for (const len of [0, 8, 13, 0xfffffff0]) {
        const bad = Buffer.from(good);
        bad.writeUInt32LE(len, epbAt + 4);
        const entries = read(bad);
        expect(packets(entries).length, `length ${len}`).to.equal(0);
        const codes = errors(entries).map((e) => e.code);
        expect(codes.length, `length ${len}`).to.equal(1);
        expect([CaptureErrorCode.BadBlock, CaptureErrorCode.Truncated], `length ${len}`).to.include(codes[0]);
      }

      const badTrailer = Buffer.from(good);
      const epbLen = good.readUInt32LE(epbAt + 4);
      badTrailer.writeUInt32LE(epbLen + 4, epbAt + epbLen - 4);
      expect(errors(read(badTrailer)).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadBlock]);

      const capLenTooBig = Buffer.from(good);
      capLenTooBig.writeUInt32LE(10_000, epbAt + 8 + 12);
      expect(errors(read(capLenTooBig)).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadBlock]);

      for (let cut = 1; cut < good.length; cut += 7) {
        const entries = read(good.subarray(0, cut));
        for (const e of errors(entries)) expect(e).to.be.instanceOf(CaptureError);
        expect(errors(entries).length, `cut at ${cut}`).to.be.at.most(1);
      }
    });

    it('random bytes never throw or hang', () => {
      let seed = 42;
      const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      const good = writePcapNg(RECS);
      for (let i = 0; i < 300; i++) {
        const f = Buffer.from(good);
        for (let k = 0; k < 4; k++) f[rnd() * 7 % f.length] = rnd();
        for (const e of read(f)) if (e.kind === 'error') expect(e.error).to.be.instanceOf(CaptureError);
      }
    });
  });

  it('neither format: bad magic, and an empty file is truncated', () => {
    expect(errors(read(Buffer.from('not a capture file at all'))).map((e) => e.code)).to.deep.equal([CaptureErrorCode.BadMagic]);
    expect(errors(read(Buffer.alloc(0))).map((e) => e.code)).to.deep.equal([CaptureErrorCode.Truncated]);
  });
});
