/**
 * BER forms X.690 allows that csta-link once got wrong (issue 11). Each frame is the issue's
 * example; the expected value is what the Erlang asn1ct oracle (oracle/) decodes it to, and the
 * expected bytes are the oracle's canonical re-encoding.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { decodePdu, encodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { DecodeError } from '../../../protocol/errors.js';
import { CASES, SNAPSHOT_1234 } from '../../support/ber-examples.js';

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const snapshot1234 = SNAPSHOT_1234;

describe('BER conformance: forms X.690 allows (issue 11 examples)', () => {
  for (const c of CASES) {
    it(`${c.title}: decodes to the oracle's value and re-encodes canonically`, () => {
      const v = decodePdu(hex(c.frame));
      expect(v).to.deep.equal(c.value);
      expect(encodePdu(v).toString('hex')).to.equal(hex(c.canonical).toString('hex'));
      expect(decodePdu(hex(c.canonical))).to.deep.equal(c.value);
    });
  }

  it('an invoke without linkedId has no linkedId key; linkedId present [0] is a number', () => {
    const none = decodePdu(hex('a1 10 020101 02014a 30 08 30 06 80 04 31323334'));
    expect(none).to.not.have.property('linkedId');
    const present = decodePdu(hex('a1 13 020101 800107 02014a 30 08 30 06 80 04 31323334'));
    expect(present).to.have.property('linkedId', 7);
    expect(encodePdu(present).toString('hex')).to.equal('a113020101800107' + '02014a30083006800431323334');
  });

  it('refuses a linkedId that is neither a safe integer nor null', () => {
    const bad = { pdu: 'invoke', invokeId: 1, linkedId: 1.5, operation: 'snapshotDevice', argument: snapshot1234 } as unknown as CstaPdu;
    expect(() => encodePdu(bad)).to.throw(/linkedId/);
  });

  it('refuses a string segment carrying the string type’s own tag instead of OCTET STRING', () => {
    // The same frame as the segmented-string example with 16 (IA5String) segment tags.
    const frame = hex('a1 14 020101 02014a 30 0c 30 0a a0 08 1602 3132 1602 3334');
    expect(() => decodePdu(frame)).to.throw(DecodeError).with.property('code', 'UNEXPECTED_TAG');
  });

  it('refuses a BIT STRING whose first segment has unused bits', () => {
    const frame = hex('a1 19 020101 020147 30 11 3003800131 a0 0a a0 08 0302 03 10 0302 05 20');
    expect(() => decodePdu(frame)).to.throw(DecodeError).with.property('code', 'BAD_VALUE');
  });
});
