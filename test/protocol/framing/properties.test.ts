/**
 * Property tests of every framer on random and mutated streams: valid streams come out whole
 * whatever the chunking; damaged streams never throw, never hold more than they may, and give the
 * same frames, errors and skip counts however they are chunked; the incremental BER measurer
 * agrees with the whole-buffer one.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { DecodeError } from '../../../protocol/errors.js';
import { BerMeasurer, berElementLength, createBerFramer, frameBer } from '../../../protocol/framing/ber-framing.js';
import type { BerFraming } from '../../../protocol/framing/ber-framing.js';
import { createXmlFramer, frameXmlAs } from '../../../protocol/framing/xml-framing.js';
import type { XmlFraming } from '../../../protocol/framing/xml-framing.js';
import type { Framer } from '../../../protocol/framing/framer.js';
import { FRAME_START_WINDOW } from '../../../protocol/framing/frame-start.js';
import { detectEncoding } from '../../../protocol/framing/autodetect.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

const PDUS = loadFrameFixtures().map((f) => f.bytes);
const MAX_FRAME = 1 << 16;
const RUNS = 300;

type AnyFraming = { kind: 'ber'; framing: BerFraming } | { kind: 'xml'; framing: XmlFraming };
const FRAMINGS: readonly AnyFraming[] = [
  { kind: 'ber', framing: 'length16' },
  { kind: 'ber', framing: 'length32' },
  { kind: 'ber', framing: 'ber' },
  { kind: 'ber', framing: 'hipath' },
  { kind: 'xml', framing: 'header' },
  { kind: 'xml', framing: 'plain' },
  { kind: 'xml', framing: 'nul' },
];

const name = (f: AnyFraming): string => (f.kind === 'ber' ? f.framing : `xml ${f.framing}`);
const framerFor = (f: AnyFraming): Framer => (f.kind === 'ber' ? createBerFramer(f.framing, { maxFrameSize: MAX_FRAME }) : createXmlFramer(f.framing, { maxFrameSize: MAX_FRAME }));

/** Small well-formed documents: nested elements, attributes with `>` and quotes, text, CDATA, comments. */
const xmlDoc: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('a', 'callID', 'x:dev'), fc.constantFrom('', ' k="v>1"', " q='\"'")).map(([n, attr]) => `<${n}${attr}/>`),
    fc
      .tuple(fc.constantFrom('b', 'deviceID', 'ns:e'), fc.array(fc.oneof(tie('el'), fc.constantFrom('text', 'caf\u00e9', '<![CDATA[</b>]]>', '<!-- > -->')), { maxLength: 4 }))
      .map(([n, kids]) => `<${n}>${kids.join('')}</${n}>`),
  ),
})).el;

function payloads(f: AnyFraming): fc.Arbitrary<Buffer[]> {
  if (f.kind === 'ber') return fc.array(fc.constantFrom(...PDUS), { minLength: 1, maxLength: 6 });
  return fc.array(xmlDoc.map((d) => Buffer.from(d)), { minLength: 1, maxLength: 6 });
}

function frameOf(f: AnyFraming, p: Buffer, i: number): Buffer {
  return f.kind === 'ber' ? Buffer.from(frameBer(f.framing, p)) : frameXmlAs(f.framing, p, i % 10000);
}

/** Cut points, as fractions, turned into chunks of `wire`. */
function chunk(wire: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * wire.length)))].filter((c) => c > 0 && c < wire.length).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, wire.length]) {
    out.push(wire.subarray(prev, c));
    prev = c;
  }
  return out;
}

interface Result {
  frames: string[];
  errors: string[];
  skipped: number;
  buffered: number;
  maxBuffered: number;
}

function feed(f: AnyFraming, chunks: readonly Buffer[]): Result {
  const framer = framerFor(f);
  const out: Result = { frames: [], errors: [], skipped: 0, buffered: 0, maxBuffered: 0 };
  for (const c of chunks) {
    framer.push(
      c,
      (frame, header, offset) => out.frames.push(`${offset}:${Buffer.from(header).toString('hex')}:${Buffer.from(frame).toString('hex')}`),
      (e) => {
        expect(e).to.be.instanceOf(DecodeError);
        out.errors.push(`${e.code}@${e.offset}`);
      },
    );
    out.maxBuffered = Math.max(out.maxBuffered, framer.buffered);
  }
  out.skipped = framer.skippedBytes;
  out.buffered = framer.buffered;
  return out;
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe('framer properties', () => {
  for (const f of FRAMINGS) {
    describe(name(f), () => {
      it('valid frames come out whole and in order, whatever the chunking', () => {
        fc.assert(
          fc.property(payloads(f), cutsArb, (ps, cuts) => {
            const wire = Buffer.concat(ps.map((p, i) => frameOf(f, p, i)));
            const got = feed(f, chunk(wire, cuts));
            expect(got.errors).to.deep.equal([]);
            expect(got.frames.map((s) => s.split(':')[2])).to.deep.equal(ps.map((p) => p.toString('hex')));
            expect(got.buffered).to.equal(0);
          }),
          { numRuns: RUNS },
        );
      });

      it('a stream of valid frames is detected as this framing', () => {
        fc.assert(
          fc.property(payloads(f), (ps) => {
            const wire = Buffer.concat(ps.map((p, i) => frameOf(f, p, i)));
            expect(detectEncoding(wire)).to.deep.equal({ encoding: f.kind, framing: f.framing });
          }),
          { numRuns: RUNS },
        );
      });

      it('damaged streams: no throw, bounded holding, and the same result however chunked', () => {
        const damage = fc.record({
          ps: payloads(f),
          edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), {
            minLength: 1,
            maxLength: 6,
          }),
          cuts: cutsArb,
        });
        fc.assert(
          fc.property(damage, ({ ps, edits, cuts }) => {
            const bytes = [...Buffer.concat(ps.map((p, i) => frameOf(f, p, i)))];
            for (const [where, value, op] of edits) {
              const at = Math.floor(where * bytes.length);
              if (op === 'set' && bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = value;
              else if (op === 'insert') bytes.splice(at, 0, value);
              else bytes.splice(at, 1);
            }
            const wire = Buffer.from(bytes);
            const whole = feed(f, [wire]);
            const split = feed(f, chunk(wire, cuts));
            expect(split.frames).to.deep.equal(whole.frames);
            expect(split.errors).to.deep.equal(whole.errors);
            expect(split.skipped).to.equal(whole.skipped);
            expect(split.maxBuffered).to.be.at.most(MAX_FRAME + FRAME_START_WINDOW);
            expect(whole.skipped).to.be.at.most(wire.length);
          }),
          { numRuns: RUNS },
        );
      });

      it('random bytes: no throw, bounded holding', () => {
        fc.assert(
          fc.property(fc.uint8Array({ maxLength: 400 }), cutsArb, (bytes, cuts) => {
            const wire = Buffer.from(bytes);
            const got = feed(f, chunk(wire, cuts));
            expect(got.maxBuffered).to.be.at.most(MAX_FRAME + FRAME_START_WINDOW);
            expect(got.skipped).to.be.at.most(wire.length);
          }),
          { numRuns: RUNS },
        );
      });
    });
  }

  it('BerMeasurer fed in pieces agrees with berElementLength on the whole buffer', () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)),
      fc.constantFrom(...PDUS).chain((p) => fc.tuple(fc.constant(p), fc.nat(p.length), fc.integer({ min: 0, max: 255 }))).map(([p, at, v]) => {
        const b = Buffer.from(p);
        if (at < b.length) b[at] = v;
        return b;
      }),
      fc.array(fc.constantFrom('3080', '0500', '0000', '0401ff', 'a180'), { maxLength: 30 }).map((parts) => Buffer.from(`a180${parts.join('')}`, 'hex')),
    );
    fc.assert(
      fc.property(input, cutsArb, (buf, cuts) => {
        const outcome = (fn: () => number): string => {
          try {
            return String(fn());
          } catch (e) {
            return (e as DecodeError).code;
          }
        };
        const expected = outcome(() => berElementLength(buf, 0, buf.length));
        const m = new BerMeasurer();
        let got = '-1';
        const ends = [...new Set(cuts.map((c) => Math.floor(c * buf.length)))].sort((a, b) => a - b);
        for (const end of [...ends, buf.length]) {
          got = outcome(() => m.measure(buf, 0, end));
          if (got !== '-1') break;
        }
        // A piece may already decide (an error, or an end) before the whole buffer is there.
        if (expected === '-1') expect(got).to.equal('-1');
        else expect(got).to.equal(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
