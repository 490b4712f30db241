/** detectEncoding: every encoding/framing from its first bytes, and "unsure" on too few or foreign bytes. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { detectEncoding, DETECT_MAX_BYTES } from '../../../protocol/framing/autodetect.js';
import type { DetectedEncoding } from '../../../protocol/framing/autodetect.js';
import { frameBer } from '../../../protocol/framing/ber-framing.js';
import { frameXml, frameXmlNul } from '../../../protocol/framing/xml-framing.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

const fixtures = loadFrameFixtures();
const XML = '<?xml version="1.0" encoding="UTF-8"?><MonitorStart xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed4"/>';

/** The answer for every prefix of `bytes`, from the shortest that decides. */
function decidesAndStays(bytes: Uint8Array, want: DetectedEncoding): number {
  let first = -1;
  for (let n = 0; n <= Math.min(bytes.length, DETECT_MAX_BYTES + 8); n++) {
    const got = detectEncoding(bytes.subarray(0, n));
    if (got === undefined) {
      expect(first, `undecided again at ${n} after deciding at ${first}`).to.equal(-1);
      continue;
    }
    expect(got, `prefix of ${n}`).to.deep.equal(want);
    if (first < 0) first = n;
  }
  expect(first, 'never decided').to.be.greaterThan(0);
  return first;
}

describe('detectEncoding', () => {
  it('has BER fixtures to test with', () => {
    expect(fixtures.length).to.be.greaterThan(0);
  });

  for (const fx of fixtures) {
    it(`${fx.file}: ber, length16, length32 and hipath`, () => {
      decidesAndStays(frameBer('ber', fx.bytes), { encoding: 'ber', framing: 'ber' });
      decidesAndStays(frameBer('length16', fx.bytes), { encoding: 'ber', framing: 'length16' });
      decidesAndStays(frameBer('length32', fx.bytes), { encoding: 'ber', framing: 'length32' });
      decidesAndStays(frameBer('hipath', fx.bytes), { encoding: 'ber', framing: 'hipath' });
    });
  }

  it('XML with the 8-byte header', () => {
    expect(decidesAndStays(frameXml(XML, 1), { encoding: 'xml', framing: 'header' })).to.equal(10);
    decidesAndStays(frameXml('<A/>', '0042'), { encoding: 'xml', framing: 'header' });
  });

  it('plain XML, with a declaration, BOM or leading whitespace', () => {
    decidesAndStays(Buffer.from(XML), { encoding: 'xml', framing: 'plain' });
    decidesAndStays(Buffer.from(`\r\n  ${XML}`), { encoding: 'xml', framing: 'plain' });
    decidesAndStays(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(XML)]), { encoding: 'xml', framing: 'plain' });
    decidesAndStays(Buffer.from('<MonitorStart/>'), { encoding: 'xml', framing: 'plain' });
  });

  it('BER with indefinite length and long-form lengths', () => {
    // a1 80 (indefinite) 02 01 01 02 01 15 00 00
    const indefinite = Buffer.from('a18002010102011500 00'.replace(/ /g, ''), 'hex');
    decidesAndStays(indefinite, { encoding: 'ber', framing: 'ber' });
    // a1 82 01 00 02 01 01 ...: 256-byte content, long form
    const long = Buffer.concat([Buffer.from('a182010002010102011530', 'hex'), Buffer.alloc(100)]);
    decidesAndStays(long, { encoding: 'ber', framing: 'ber' });
    decidesAndStays(Buffer.concat([Buffer.from([0x01, 0x04]), long]), { encoding: 'ber', framing: 'length16' });
  });

  it('ACSE AARQ with and without a prefix', () => {
    // 60 0b a1 09 06 07 2b 0c 00 81 5a 81 48: AARQ { application-context-name }
    const aarq = Buffer.from('600ba109060728 0c00815a8148'.replace(/ /g, ''), 'hex');
    decidesAndStays(aarq, { encoding: 'ber', framing: 'ber' });
    decidesAndStays(frameBer('length16', aarq), { encoding: 'ber', framing: 'length16' });
  });

  it('Siemens HiPath: AARQ with context 1.3.12.0.218 and a long-form PDU', () => {
    const aarq = Buffer.from('6009a10706052b0c00815a', 'hex');
    expect(decidesAndStays(frameBer('hipath', aarq), { encoding: 'ber', framing: 'hipath' })).to.equal(6);
    const long = Buffer.concat([Buffer.from('a182010002010102011530', 'hex'), Buffer.alloc(249)]);
    decidesAndStays(frameBer('hipath', long), { encoding: 'ber', framing: 'hipath' });
    // 0x26 without the length's top bit, or with a length that disagrees, is not HiPath.
    expect(detectEncoding(Buffer.from('26000ba10902010102011530', 'hex'))).to.equal(undefined);
    expect(detectEncoding(Buffer.from('26800ca10902010102011530', 'hex'))).to.equal(undefined);
  });

  describe('NUL-terminated XML', () => {
    const plain: DetectedEncoding = { encoding: 'xml', framing: 'plain' };
    const nul: DetectedEncoding = { encoding: 'xml', framing: 'nul' };
    /** Every prefix answers undefined, then plain, then nul, and never goes back. */
    function plainThenNul(bytes: Uint8Array): void {
      const order = [undefined, 'plain', 'nul'];
      let at = 0;
      for (let n = 0; n <= bytes.length; n++) {
        const got = detectEncoding(bytes.subarray(0, n));
        if (got !== undefined) expect(got.encoding, `prefix of ${n}`).to.equal('xml');
        const k = order.indexOf(got?.framing);
        expect(k, `prefix of ${n}: ${JSON.stringify(got)}`).to.be.at.least(at);
        at = k;
      }
      expect(detectEncoding(bytes)).to.deep.equal(nul);
    }

    it('is nul once the first document and its NUL are among the bytes, plain before', () => {
      plainThenNul(frameXmlNul(XML));
      plainThenNul(Buffer.concat([frameXmlNul('<SystemStatus/>'), frameXmlNul(XML)]));
      plainThenNul(Buffer.from(`${XML}\r\n\u0000`));
      plainThenNul(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), frameXmlNul(XML)]));
    });

    it('stays plain when the first document is followed by anything but a NUL', () => {
      expect(detectEncoding(Buffer.from(`${XML}${XML}`))).to.deep.equal(plain);
      expect(detectEncoding(Buffer.from(`${XML}\r\n<B/>\u0000`))).to.deep.equal(plain);
      // A document that does not close within the bytes: no evidence of a terminator.
      expect(detectEncoding(Buffer.from('<A><B>\u0000'))).to.deep.equal(plain);
    });
  });

  it('is unsure on too few bytes', () => {
    for (const b of ['', '00', '0000', '000000', 'a1', '001b', '00000019']) {
      expect(detectEncoding(Buffer.from(b, 'hex')), b).to.equal(undefined);
    }
  });

  it('does not take foreign protocols for CSTA', () => {
    const foreign = [
      Buffer.from('GET / HTTP/1.1\r\nHost: example.com\r\n\r\n'),
      Buffer.from('160301020001000200030300000000000000000000000000000000000000000000', 'hex'), // TLS ClientHello
      Buffer.from('SSH-2.0-OpenSSH_9.2\r\n'),
      Buffer.alloc(DETECT_MAX_BYTES, 0),
      Buffer.alloc(DETECT_MAX_BYTES, 0xff),
      Buffer.from('a1050201010201', 'hex').subarray(0, 2), // too short to say, not foreign
    ];
    for (const b of foreign) expect(detectEncoding(b), b.toString('hex')).to.equal(undefined);
    // A length16 prefix that disagrees with the PDU's own length is not length16.
    expect(detectEncoding(Buffer.from('0020a10602010102011500', 'hex'))).to.equal(undefined);
    // A header-like start whose body is not XML.
    expect(detectEncoding(Buffer.from('0000000c30303031ffff', 'hex'))).to.equal(undefined);
  });
});
