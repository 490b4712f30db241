/**
 * Framing is linear in the bytes pushed, whatever the chunking (issue 15: a frame that never ends,
 * fed in 100-byte pushes, was re-measured from its first byte after each push: 1 MiB took 14-26 s
 * against < 20 ms in one push). For each shape of never-ending frame the framers must measure
 * incrementally: 1 MiB in 100-byte chunks against 1 MiB in one chunk, and against 256 KiB in
 * 100-byte chunks (linear: about 4 times; quadratic: 16 times). Ratios, never absolute times;
 * best of several runs, so a busy machine does not decide.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { createBerFramer } from '../../../protocol/framing/ber-framing.js';
import { createXmlFramer } from '../../../protocol/framing/xml-framing.js';
import type { Framer } from '../../../protocol/framing/framer.js';

const MIB = 1 << 20;
const CHUNK = 100;
const RUNS = 7;
/** chunked / one chunk. Linear framers measure 1-16 here; the quadratic one measured over 700. */
const MAX_CHUNKING_RATIO = 100;
/** 1 MiB / 256 KiB, both chunked. Linear: about 4 (up to 7 seen on a busy machine); quadratic: about 16. */
const MAX_SCALING_RATIO = 12;

/** Alternating `05 00` (NULL elements) after `prefix`: an indefinite-length PDU that never closes. */
function openBer(prefixHex: string, n: number): Buffer {
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i += 2) body[i] = 0x05;
  return Buffer.concat([Buffer.from(prefixHex, 'hex'), body]);
}

const SHAPES: { name: string; framer: () => Framer; bytes: (n: number) => Buffer }[] = [
  { name: 'BER: indefinite-length PDU with ever more elements', framer: () => createBerFramer('ber', { maxFrameSize: 4 * MIB }), bytes: (n) => openBer('a180', n) },
  { name: 'BER: 60 open indefinite levels, then elements', framer: () => createBerFramer('ber', { maxFrameSize: 4 * MIB }), bytes: (n) => openBer('a180' + '3080'.repeat(60), n) },
  { name: 'XML: an attribute value that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a b="${'x'.repeat(n)}`) },
  { name: 'XML: a comment that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a><!--${'x'.repeat(n)}`) },
  { name: 'XML: a CDATA section that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a><![CDATA[${'x'.repeat(n)}`) },
  { name: 'XML: a processing instruction that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<?xml ${'x'.repeat(n)}`) },
  { name: 'XML: text in a root that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a>${'x'.repeat(n)}`) },
  { name: 'XML: ever more elements in a root that never closes', framer: () => createXmlFramer('plain', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a>${'<b x="1">t</b>'.repeat(Math.ceil(n / 14))}`) },
  { name: 'NUL XML: no terminator', framer: () => createXmlFramer('nul', { maxFrameSize: 4 * MIB }), bytes: (n) => Buffer.from(`<a>${'x'.repeat(n)}`) },
];

/** Best time of RUNS pushes of `bytes` in `chunk`-byte pieces (after one warm-up); the frame must stay open. */
function time(make: () => Framer, bytes: Buffer, chunk: number): number {
  let best = Infinity;
  for (let r = 0; r <= RUNS; r++) {
    const framer = make();
    const t0 = performance.now();
    for (let i = 0; i < bytes.length; i += chunk) {
      framer.push(
        bytes.subarray(i, i + chunk),
        () => expect.fail('the frame never ends'),
        (e) => expect.fail(`no error expected: ${e.message}`),
      );
    }
    if (r > 0) best = Math.min(best, performance.now() - t0);
    expect(framer.buffered).to.equal(bytes.length);
  }
  return best;
}

describe('framing work is linear in bytes, whatever the chunking', () => {
  for (const s of SHAPES) {
    it(s.name, () => {
      const big = s.bytes(MIB);
      const whole = Math.max(time(s.framer, big, big.length), 0.05);
      const chunked = time(s.framer, big, CHUNK);
      const quarter = Math.max(time(s.framer, s.bytes(MIB / 4), CHUNK), 0.05);
      const report = `one chunk ${whole.toFixed(2)} ms, 100-byte chunks ${chunked.toFixed(2)} ms, 256 KiB chunked ${quarter.toFixed(2)} ms`;
      expect(chunked / whole, report).to.be.below(MAX_CHUNKING_RATIO);
      expect(chunked / quarter, report).to.be.below(MAX_SCALING_RATIO);
    });
  }
});
