/**
 * Property and fuzz tests: random and mutated frames never crash, hang or throw anything but
 * DecodeError; random valid PDUs round-trip byte for byte.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { decodePdu, encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { DecodeError } from '../../protocol/errors.js';
import { OPERATIONS } from '../../protocol/csta/operations.js';
import type { OperationDefinition } from '../../protocol/csta/operation.js';
import { loadFrameFixtures } from '../support/fixtures.js';
import { arbitraryFor } from '../support/arbitrary.js';

const fixtures = loadFrameFixtures().map((f) => f.bytes);
const RUNS = 300;

function decodeOrDecodeError(bytes: Uint8Array): boolean {
  try {
    decodePdu(bytes);
    return true;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw new Error(`non-DecodeError thrown: ${String(e)}\n${(e as Error).stack ?? ''}`);
    expect(e.offset).to.be.a('number').and.to.be.at.least(0);
    return false;
  }
}

describe('fuzz: decoders', () => {
  it('random bytes give a PDU or a DecodeError', () => {
    // Start with a ROSE/ACSE tag more often than not, so the fuzz reaches past the first byte.
    const frame = fc.tuple(fc.constantFrom(0xa1, 0xa2, 0xa3, 0xa4, 0x60, 0x61, 0x30, 0x00), fc.uint8Array({ maxLength: 200 }));
    fc.assert(
      fc.property(frame, ([first, rest]) => {
        decodeOrDecodeError(Buffer.concat([Buffer.from([first]), rest]));
      }),
      { numRuns: 2000 },
    );
  });

  it('mutated golden frames give a PDU or a DecodeError', function () {
    if (fixtures.length === 0) this.skip();
    const mutation = fc.record({
      index: fc.nat(fixtures.length - 1),
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      cut: fc.option(fc.nat()),
    });
    fc.assert(
      fc.property(mutation, ({ index, edits, cut }) => {
        const f = Buffer.from(fixtures[index]!);
        for (const [pos, b] of edits) f[pos % f.length] = b;
        decodeOrDecodeError(cut === null ? f : f.subarray(0, cut % (f.length + 1)));
      }),
      { numRuns: 3000 },
    );
  });

  it('deeply nested input is refused with TOO_DEEP, not a stack overflow', () => {
    const depth = 5000;
    const open = Buffer.from('3080'.repeat(depth), 'hex');
    const close = Buffer.alloc(depth * 2);
    const bytes = Buffer.concat([Buffer.from('a180', 'hex'), open, close, Buffer.from('0000', 'hex')]);
    try {
      decodePdu(bytes);
      expect.fail('should not decode');
    } catch (e) {
      expect(e).to.be.instanceOf(DecodeError);
      expect((e as DecodeError).code).to.equal('TOO_DEEP');
    }
  });

  it('a length claiming 4 GiB does not allocate', () => {
    const bytes = Buffer.from('a184ffffffff020101', 'hex');
    expect(decodeOrDecodeError(bytes)).to.equal(false);
  });
});

describe('property: encode(decode(x)) = x for valid frames', () => {
  const ops = OPERATIONS as readonly OperationDefinition[];

  it('random invokes of every operation round-trip byte for byte', () => {
    const invoke = fc.oneof(
      ...ops.map((op) =>
        fc.record({
          pdu: fc.constant('invoke' as const),
          invokeId: fc.integer({ min: -32768, max: 32767 }),
          operation: fc.constant(op.name),
          argument: arbitraryFor(op.argument),
        }),
      ),
    );
    fc.assert(
      fc.property(invoke, (pdu) => {
        const bytes = encodePdu(pdu as unknown as CstaPdu);
        const decoded = decodePdu(bytes);
        expect(decoded).to.deep.equal(pdu);
        expect(encodePdu(decoded).toString('hex')).to.equal(bytes.toString('hex'));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('random results of every operation with a result round-trip byte for byte', () => {
    const withResult = ops.filter((op) => op.result !== undefined);
    const result = fc.oneof(
      ...withResult.map((op) =>
        fc.record({
          pdu: fc.constant('returnResult' as const),
          invokeId: fc.integer({ min: 0, max: 65535 }),
          operation: fc.constant(op.name),
          result: arbitraryFor(op.result!),
        }),
      ),
    );
    fc.assert(
      fc.property(result, (pdu) => {
        const bytes = encodePdu(pdu as unknown as CstaPdu);
        const decoded = decodePdu(bytes);
        expect(decoded).to.deep.equal(pdu);
        expect(encodePdu(decoded).toString('hex')).to.equal(bytes.toString('hex'));
      }),
      { numRuns: RUNS },
    );
  });

  it('golden frames survive decode → encode → decode even when re-encoded canonically', () => {
    for (const f of fixtures) {
      const once = decodePdu(f);
      expect(decodePdu(encodePdu(once))).to.deep.equal(once);
    }
  });
});
