/** Golden frames: decode, encode (hex-equal) and round trip for every fixture in fixtures/frames/. */
import { expect } from 'chai';
import { decodePdu, encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { loadFrameFixtures, spacedHex } from '../support/fixtures.js';

const fixtures = loadFrameFixtures();

describe('golden frames (fixtures/frames)', () => {
  it('has at least 40 frames', () => {
    expect(fixtures.length).to.be.at.least(40);
  });

  for (const fx of fixtures) {
    describe(`${fx.file}: ${fx.description}`, () => {
      it('decodes to the expected value', () => {
        expect(decodePdu(fx.bytes)).to.deep.equal(fx.decoded);
      });
      it('encodes to the same bytes', () => {
        expect(spacedHex(encodePdu(fx.decoded as CstaPdu))).to.equal(spacedHex(fx.bytes));
      });
      it('round-trips encode → decode', () => {
        expect(decodePdu(encodePdu(fx.decoded as CstaPdu))).to.deep.equal(fx.decoded);
      });
    });
  }
});
