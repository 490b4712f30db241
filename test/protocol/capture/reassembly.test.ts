/** TCP reassembly: order, retransmission, overlap, SYN/FIN, sequence wrap, buffer limit. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { TcpReassembler } from '../../../protocol/capture/reassembly.js';
import type { GapReason } from '../../../protocol/capture/reassembly.js';

interface Seg {
  seq: number;
  syn?: boolean;
  fin?: boolean;
  data?: string;
}

function run(segs: readonly Seg[], maxBufferedBytes?: number, flush = true) {
  const r = new TcpReassembler<number>(maxBufferedBytes === undefined ? {} : { maxBufferedBytes });
  const chunks: { data: string; offset: number; ctx: number }[] = [];
  const gaps: { offset: number; length: number; reason: GapReason }[] = [];
  const sink = {
    data: (c: Buffer, offset: number, ctx: number) => chunks.push({ data: c.toString(), offset, ctx }),
    gap: (offset: number, length: number, reason: GapReason) => gaps.push({ offset, length, reason }),
  };
  segs.forEach((s, i) => r.push(s.seq >>> 0, s.syn ?? false, s.fin ?? false, Buffer.from(s.data ?? ''), i, sink));
  if (flush) r.flush(sink);
  return { text: chunks.map((c) => c.data).join(''), chunks, gaps, r };
}

describe('TcpReassembler', () => {
  it('delivers in-order data after a SYN, with stream offsets', () => {
    const { text, chunks } = run([{ seq: 100, syn: true }, { seq: 101, data: 'abc' }, { seq: 104, data: 'def' }]);
    expect(text).to.equal('abcdef');
    expect(chunks.map((c) => c.offset)).to.deep.equal([0, 3]);
  });

  it('holds out-of-order segments until the hole is filled, then delivers them with the filling segment', () => {
    const { text, chunks, gaps } = run([{ seq: 100, syn: true }, { seq: 107, data: 'ghi' }, { seq: 104, data: 'def' }, { seq: 101, data: 'abc' }]);
    expect(text).to.equal('abcdefghi');
    expect(gaps).to.deep.equal([]);
    expect(chunks.map((c) => c.ctx)).to.deep.equal([3, 3, 3]);
  });

  it('drops retransmissions and trims overlaps (delivered bytes are never replaced)', () => {
    const { text, r } = run([
      { seq: 0, syn: true },
      { seq: 1, data: 'abcd' },
      { seq: 1, data: 'abcd' }, // full retransmission
      { seq: 3, data: 'XXef' }, // overlap: 'cd' already delivered, 'ef' new
      { seq: 9, data: 'ij' }, // out of order: stream offsets 8..9
      { seq: 8, data: 'YYY' }, // out of order: 7..9, overlapping the held 'ij'
      { seq: 7, data: 'gh' }, // fills 6..7
    ]);
    expect(r.retransmissions).to.equal(1);
    // After 'gh', held segments drain in position order: 'YYY' (from 7) adds 8..9, so 'ij' adds nothing.
    expect(text).to.equal('abcdefghYY');
  });

  it('keeps the first received copy when held segments overlap', () => {
    const { text } = run([{ seq: 0, syn: true }, { seq: 5, data: 'EFG' }, { seq: 4, data: 'xyzw' }, { seq: 1, data: 'abc' }]);
    // Held: 'xyzw' at 3..6 (stream offsets) and 'EFG' at 4..6. Sorted by position 'xyzw' comes first.
    expect(text).to.equal('abcxyzw');
  });

  it('starts mid-stream at the first data segment when no SYN was captured', () => {
    const { text } = run([{ seq: 5000 }, { seq: 5000, data: 'hello' }, { seq: 5005, data: ' world' }]);
    expect(text).to.equal('hello world');
  });

  it('handles sequence number wrap', () => {
    const isn = 0xfffffffa;
    const { text, chunks } = run([
      { seq: isn, syn: true },
      { seq: isn + 1, data: 'abc' }, // 0xfffffffb..fd
      { seq: 0x00000001, data: 'ghi' }, // out of order, after the wrap
      { seq: 0xfffffffe, data: 'def' }, // fe, ff, 00: crosses the wrap
      { seq: 0x00000004, data: 'jk', fin: true },
    ]);
    expect(text).to.equal('abcdefghijk');
    expect(chunks.map((c) => c.offset)).to.deep.equal([0, 3, 6, 9]);
  });

  it('ignores data after FIN and reports finished', () => {
    const { text, r } = run([{ seq: 0, syn: true }, { seq: 1, data: 'ab', fin: true }, { seq: 3, data: 'zz' }]);
    expect(text).to.equal('ab');
    expect(r.finished).to.equal(true);
  });

  it('a SYN carrying data (TCP Fast Open) delivers it', () => {
    expect(run([{ seq: 10, syn: true, data: 'hi' }, { seq: 13, data: '!' }]).text).to.equal('hi!');
  });

  it('reports holes at flush and delivers what follows them', () => {
    const { text, gaps, chunks } = run([{ seq: 0, syn: true }, { seq: 1, data: 'ab' }, { seq: 6, data: 'fg' }, { seq: 3, data: 'c' }]);
    expect(text).to.equal('abcfg');
    expect(chunks.map((c) => c.ctx)).to.deep.equal([1, 3, 2]);
    expect(gaps).to.deep.equal([{ offset: 3, length: 2, reason: 'end' }]);
  });

  it('skips a hole when out-of-order data exceeds maxBufferedBytes', () => {
    const segs: Seg[] = [{ seq: 0, syn: true }, { seq: 1, data: 'a' }];
    for (let i = 0; i < 10; i++) segs.push({ seq: 100 + i * 10, data: '0123456789' });
    const { gaps, r, text } = run(segs, 45, false);
    expect(gaps[0]).to.deep.equal({ offset: 1, length: 98, reason: 'limit' });
    expect(r.bufferedBytes).to.be.at.most(45);
    expect(text.startsWith('a0123456789')).to.equal(true);
  });

  it('reassembles any permutation with duplicates of a segmented stream (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.array(fc.nat(199), { maxLength: 12 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (bytes, cutList, isn, order) => {
          const cuts = [...new Set(cutList.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
          const bounds = [0, ...cuts, bytes.length];
          const segs = bounds.slice(0, -1).map((s, i) => ({ seq: (isn + 1 + s) >>> 0, data: Buffer.from(bytes.subarray(s, bounds[i + 1])) }));
          // Shuffle deterministically and add retransmissions of random segments.
          const shuffled = [...segs];
          order.forEach((o, i) => {
            const j = o % shuffled.length;
            const k = i % shuffled.length;
            [shuffled[j], shuffled[k]] = [shuffled[k]!, shuffled[j]!];
          });
          const withDups = [...shuffled, ...order.slice(0, 5).map((o) => segs[o % segs.length]!)];
          const r = new TcpReassembler<null>();
          const out: Buffer[] = [];
          const sink = { data: (c: Buffer) => out.push(Buffer.from(c)), gap: () => expect.fail('no gap expected') };
          r.push(isn, true, false, Buffer.alloc(0), null, sink);
          for (const s of withDups) r.push(s.seq, false, false, s.data, null, sink);
          expect(Buffer.concat(out).equals(Buffer.from(bytes))).to.equal(true);
          expect(r.bufferedBytes).to.equal(0);
        },
      ),
    );
  });
});

describe('TcpReassembler work (issue 15: quadratic in out-of-order segments)', () => {
  /** Delivers `n` 10-byte segments, all but the first held out of order in `order`; returns ms. */
  function run(n: number, order: 'ascending' | 'descending'): number {
    const r = new TcpReassembler<number>({ maxBufferedBytes: 1 << 30 });
    let delivered = 0;
    const sink = { data: (c: Buffer) => void (delivered += c.length), gap: () => undefined };
    const seg = Buffer.alloc(10, 1);
    const idx = Array.from({ length: n - 1 }, (_, i) => i + 1);
    if (order === 'descending') idx.reverse();
    r.push(999, true, false, Buffer.alloc(0), -1, sink); // SYN: data starts at 1000
    const t0 = performance.now();
    for (const i of idx) r.push(1000 + i * 10, false, false, seg, i, sink);
    r.push(1000, false, false, seg, 0, sink);
    const ms = performance.now() - t0;
    expect(delivered).to.equal(n * 10);
    return ms;
  }

  it('holds and drains out-of-order segments in O(n log n) whatever their order (10x the segments: well under 100x the time)', () => {
    run(2000, 'descending'); // warm-up
    const small = Math.max(0.5, run(4000, 'descending'));
    const large = run(40000, 'descending');
    expect(large / small).to.be.below(40);
    // Reverse order costs about what forward order does.
    expect(run(40000, 'descending') / Math.max(0.5, run(40000, 'ascending'))).to.be.below(8);
  });
});
