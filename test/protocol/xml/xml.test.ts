/**
 * ECMA-323 XML codec: every fixtures/xml/<name>.xml names a BER golden frame (in an XML comment);
 * decoding the XML must give exactly what decoding the BER gives, encoding must round-trip, and
 * hostile or malformed XML must fail with a DecodeError, quickly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError, EncodeError } from '../../../protocol/errors.js';
import { decodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { decodeXml, encodeXml, namespaceOf } from '../../../protocol/xml/index.js';
import { FRAMES_DIR, REPO_ROOT, loadFrameFixtures, parseAnnotatedHex } from '../../support/fixtures.js';

const XML_DIR = join(REPO_ROOT, 'fixtures', 'xml');
const BER_REF = /<!--\s*ber:\s*fixtures\/frames\/([A-Za-z0-9._-]+\.json)\s*-->/;

interface XmlFixture {
  readonly file: string;
  readonly xml: string;
  readonly berFile: string;
  readonly ber: Buffer;
}

function loadXmlFixtures(): XmlFixture[] {
  return readdirSync(XML_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => {
      const xml = readFileSync(join(XML_DIR, file), 'utf8');
      const ref = BER_REF.exec(xml);
      if (ref === null) throw new Error(`${file}: no <!-- ber: fixtures/frames/<name>.json --> comment`);
      const raw = JSON.parse(readFileSync(join(FRAMES_DIR, ref[1]!), 'utf8')) as { annotatedHex: string[] };
      return { file, xml, berFile: ref[1]!, ber: parseAnnotatedHex(raw.annotatedHex) };
    });
}

const fixtures = loadXmlFixtures();

/** Asserts that `fn` throws a DecodeError with the given code; returns it. */
function decodeFails(fn: () => unknown, code: string): DecodeError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a DecodeError').to.be.instanceOf(DecodeError);
  expect((caught as DecodeError).code).to.equal(code);
  return caught as DecodeError;
}

/** The invokeId of a ROSE PDU (XML fixtures are all ROSE). */
function invokeIdOf(p: CstaPdu): number | null {
  if (!('invokeId' in p)) throw new Error(`not a ROSE PDU: ${p.pdu}`);
  return p.invokeId;
}

const NS = namespaceOf(4);
const makeCall = (body: string, root = 'MakeCall', ns = ` xmlns="${NS}"`): string => `<${root}${ns}>${body}</${root}>`;
const MAKE_CALL_BODY = '<callingDevice>2000</callingDevice><calledDirectoryNumber>3000</calledDirectoryNumber>';

describe('ECMA-323 XML codec', () => {
  it('has at least 20 XML fixtures covering requests, responses, events and an error', () => {
    expect(fixtures.length).to.be.at.least(20);
    const kinds = new Set(
      fixtures.map((f) => {
        const p = decodePdu(f.ber);
        return p.pdu === 'invoke' && p.operation === 'cSTAEventReport' ? 'event' : p.pdu;
      }),
    );
    expect([...kinds].sort()).to.deep.equal(['event', 'invoke', 'returnError', 'returnResult']);
  });

  for (const fx of fixtures) {
    describe(`${fx.file} ↔ ${fx.berFile}`, () => {
      const ber = decodePdu(fx.ber);
      const opts = { invokeId: invokeIdOf(ber) };

      it('decodes to the value the BER frame decodes to', () => {
        expect(decodeXml(fx.xml, opts)).to.deep.equal(ber);
      });

      it('decodes the same from UTF-8 bytes', () => {
        expect(decodeXml(Buffer.from(fx.xml, 'utf8'), opts)).to.deep.equal(ber);
      });

      it('encodeXml(BER value) re-decodes to the same value (compact and indented)', () => {
        expect(decodeXml(encodeXml(ber), opts)).to.deep.equal(ber);
        expect(decodeXml(encodeXml(ber, { indent: 2 }), opts)).to.deep.equal(ber);
      });

      it('XML → typed → XML is stable after one normalisation pass', () => {
        const once = encodeXml(decodeXml(fx.xml, opts), { indent: 2 });
        const twice = encodeXml(decodeXml(once, opts), { indent: 2 });
        expect(twice).to.equal(once);
        expect(encodeXml(decodeXml(fx.xml, opts), { indent: 2 })).to.equal(encodeXml(ber, { indent: 2 }));
      });
    });
  }

  describe('every BER golden frame (fixtures/frames)', () => {
    it('round-trips through XML, or is refused with an EncodeError when ECMA-323 cannot express it', () => {
      let expressed = 0;
      for (const f of loadFrameFixtures()) {
        const pdu = decodePdu(f.bytes);
        let xml: string;
        try {
          xml = encodeXml(pdu);
        } catch (e) {
          expect(e, f.file).to.be.instanceOf(EncodeError);
          expect(pdu.pdu === 'reject' || !('invokeId' in pdu) || ('operation' in pdu && pdu.operation === 'unknown'), `${f.file}: ${String(e)}`).to.equal(true);
          continue;
        }
        expect(decodeXml(xml, { invokeId: invokeIdOf(pdu) }), f.file).to.deep.equal(pdu);
        expressed++;
      }
      expect(expressed).to.be.at.least(fixtures.length);
    });
  });

  describe('messages and options', () => {
    it('takes the invokeId as an option or as the second argument (default 0)', () => {
      const xml = makeCall(MAKE_CALL_BODY);
      expect(invokeIdOf(decodeXml(xml))).to.equal(0);
      expect(invokeIdOf(decodeXml(xml, 42))).to.equal(42);
      expect(invokeIdOf(decodeXml(xml, { invokeId: 7 }))).to.equal(7);
      expect(invokeIdOf(decodeXml(xml, null))).to.equal(null);
    });

    it('writes the ed4 namespace by default and any edition on request; reads ed1..ed6', () => {
      const pdu = decodeXml(makeCall(MAKE_CALL_BODY), 1);
      expect(encodeXml(pdu)).to.contain(`xmlns="${NS}"`);
      for (const ed of [2, 3, 4, 5, 6] as const) {
        const xml = encodeXml(pdu, { edition: ed });
        expect(xml).to.contain(`/ecma-323/csta/ed${ed}"`);
        expect(decodeXml(xml, 1)).to.deep.equal(pdu);
      }
      expect(decodeXml(makeCall(MAKE_CALL_BODY, 'MakeCall', ' xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed1"'), 1)).to.deep.equal(pdu);
      expect(decodeXml(makeCall(MAKE_CALL_BODY, 'MakeCall', ''), 1)).to.deep.equal(pdu);
      expect(encodeXml(pdu, { namespace: '', xmlDeclaration: false })).to.match(/^<MakeCall>/);
    });

    it('accepts a prefixed root element', () => {
      const xml = `<csta:MakeCall xmlns:csta="${NS}"><csta:callingDevice>2000</csta:callingDevice><csta:calledDirectoryNumber>3000</csta:calledDirectoryNumber></csta:MakeCall>`;
      expect(decodeXml(xml, 1)).to.deep.equal(decodeXml(makeCall(MAKE_CALL_BODY), 1));
    });

    it('reads a CSTA message by local name in any namespace; strict refuses a foreign one, requireNamespace a missing one', () => {
      const foreign = makeCall(MAKE_CALL_BODY, 'MakeCall', ' xmlns="http://www.avaya.com/csta"');
      expect(decodeXml(foreign, 1)).to.deep.equal(decodeXml(makeCall(MAKE_CALL_BODY), 1));
      decodeFails(() => decodeXml(foreign, { strict: true }), 'UNKNOWN_PDU');
      decodeFails(() => decodeXml(makeCall(MAKE_CALL_BODY, 'MakeCall', ''), { requireNamespace: true }), 'UNKNOWN_PDU');
    });

    it('reads DeviceID typeOfNumber forms and writes them back', () => {
      const xml = makeCall(
        '<callingDevice typeOfNumber="deviceNumber">2000</callingDevice>' +
          '<calledDirectoryNumber typeOfNumber="explicitPublic:international" mediaClass="voice im" bitRate="constant">+4930123</calledDirectoryNumber>',
      );
      const pdu = decodeXml(xml, 1) as { argument: Record<string, unknown> };
      expect(pdu.argument.callingDevice).to.deep.equal({ deviceIdentifier: { deviceNumber: 2000 } });
      expect(pdu.argument.calledDirectoryNumber).to.deep.equal({
        deviceIdentifier: { explicitPublic: { international: '+4930123' } },
        mediaCallCharacteristics: { mediaClass: ['voice', 'im'], bitRate: 'constant' },
      });
      expect(decodeXml(encodeXml(pdu as CstaPdu), 1)).to.deep.equal(pdu);
      expect(encodeXml(pdu as CstaPdu)).to.contain('<calledDirectoryNumber typeOfNumber="explicitPublic:international" mediaClass="voice im" bitRate="constant">+4930123</calledDirectoryNumber>');
    });

    it('escapes and unescapes text, including references and CDATA', () => {
      const xml = makeCall('<callingDevice>&lt;2&amp;0&#x30;&#48;&gt;</callingDevice><calledDirectoryNumber><![CDATA[<&>]]></calledDirectoryNumber>');
      const pdu = decodeXml(xml, 1) as { argument: Record<string, unknown> };
      expect(pdu.argument.callingDevice).to.deep.equal({ deviceIdentifier: { dialingNumber: '<2&000>' } });
      expect(pdu.argument.calledDirectoryNumber).to.deep.equal({ deviceIdentifier: { dialingNumber: '<&>' } });
      expect(decodeXml(encodeXml(pdu as CstaPdu), 1)).to.deep.equal(pdu);
    });
  });

  describe('encode errors', () => {
    it('a ROSE reject has no ECMA-323 form', () => {
      const reject = { pdu: 'reject', invokeId: 1, problem: { invoke: 'unrecognizedOperation' } } as CstaPdu;
      expect(() => encodeXml(reject)).to.throw(EncodeError);
    });

    it('an unknown operation or raw BER component cannot be written', () => {
      const unknown = { pdu: 'invoke', invokeId: 1, operation: 'unknown', opcode: { local: 999 }, argument: { tlv: '0500' } } as CstaPdu;
      expect(() => encodeXml(unknown)).to.throw(EncodeError);
      const pdu = decodeXml(makeCall(MAKE_CALL_BODY), 1) as { argument: Record<string, unknown> };
      const withRaw = { ...pdu, argument: { ...pdu.argument, $unknown: [{ tlv: '9f6401ff' }] } } as unknown as CstaPdu;
      expect(() => encodeXml(withRaw)).to.throw(EncodeError);
    });

    it('a value of the wrong type is an EncodeError with a path', () => {
      const pdu = decodeXml(makeCall(MAKE_CALL_BODY), 1) as { argument: Record<string, unknown> };
      const bad = { ...pdu, argument: { ...pdu.argument, callingDevice: { deviceIdentifier: { deviceNumber: 'x' } } } } as unknown as CstaPdu;
      let caught: unknown;
      try {
        encodeXml(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).to.be.instanceOf(EncodeError);
      expect((caught as EncodeError).path).to.contain('callingDevice');
    });
  });

  describe('malformed and hostile input', () => {
    it('refuses a DOCTYPE (XXE) and ENTITY declarations (billion laughs)', () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE MakeCall [<!ENTITY x SYSTEM "file:///etc/passwd">]>${makeCall('<callingDevice>&x;</callingDevice>')}`;
      const e = decodeFails(() => decodeXml(xxe), 'BAD_SYNTAX');
      expect(e.offset).to.equal(xxe.indexOf('<!DOCTYPE'));
      let lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">';
      for (let i = 1; i < 10; i++) lol += `<!ENTITY lol${i} "${`&lol${i - 1 === 0 ? '' : i - 1};`.repeat(10)}">`;
      lol += `]>${makeCall('<callingDevice>&lol9;</callingDevice>')}`;
      decodeFails(() => decodeXml(lol), 'BAD_SYNTAX');
      decodeFails(() => decodeXml(`<!ENTITY a "b">${makeCall(MAKE_CALL_BODY)}`), 'BAD_SYNTAX');
    });

    it('refuses undefined and malformed references', () => {
      decodeFails(() => decodeXml(makeCall('<callingDevice>&foo;</callingDevice>')), 'BAD_SYNTAX');
      decodeFails(() => decodeXml(makeCall('<callingDevice>&#0;</callingDevice>')), 'BAD_SYNTAX');
      decodeFails(() => decodeXml(makeCall('<callingDevice>a & b</callingDevice>')), 'BAD_SYNTAX');
    });

    it('reports unclosed and mismatched tags with an offset', () => {
      const unclosed = `<MakeCall xmlns="${NS}"><callingDevice>2000</callingDevice>`;
      decodeFails(() => decodeXml(unclosed), 'BAD_SYNTAX');
      const mismatched = makeCall('<callingDevice>2000</calledDevice>');
      const e = decodeFails(() => decodeXml(mismatched), 'BAD_SYNTAX');
      expect(e.offset).to.be.greaterThan(0).and.at.most(mismatched.length);
    });

    it('refuses empty input, text or a second element outside the root, and invalid UTF-8', () => {
      decodeFails(() => decodeXml(''), 'BAD_SYNTAX');
      decodeFails(() => decodeXml('hello'), 'BAD_SYNTAX');
      decodeFails(() => decodeXml(`${makeCall(MAKE_CALL_BODY)}<MakeCall/>`), 'BAD_SYNTAX');
      decodeFails(() => decodeXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])), 'BAD_SYNTAX');
    });

    it('bounds the input size', () => {
      const huge = makeCall(`<callingDevice>${'1'.repeat(2_000_000)}</callingDevice>`);
      decodeFails(() => decodeXml(huge), 'FRAME_TOO_LARGE');
      decodeFails(() => decodeXml(makeCall(MAKE_CALL_BODY), { maxFrameSize: 20 }), 'FRAME_TOO_LARGE');
    });

    it('bounds the nesting depth', () => {
      const n = 100_000;
      const deep = `<MakeCall xmlns="${NS}">${'<a>'.repeat(n)}${'</a>'.repeat(n)}</MakeCall>`;
      decodeFails(() => decodeXml(deep), 'TOO_DEEP');
      decodeFails(() => decodeXml(makeCall('<callingDevice>2000</callingDevice><calledDirectoryNumber>3</calledDirectoryNumber>'), { maxDepth: 1 }), 'TOO_DEEP');
    });

    it('reports an unknown root element as UNKNOWN_PDU when strict, and as a vendor PDU otherwise', () => {
      const e = decodeFails(() => decodeXml(`<FrobnicateCall xmlns="${NS}"/>`, { strict: true }), 'UNKNOWN_PDU');
      expect(e.found).to.equal('FrobnicateCall');
      const v = decodeXml(`<FrobnicateCall xmlns="${NS}"/>`, 3);
      expect(v).to.include({ pdu: 'vendor', root: 'FrobnicateCall', namespace: NS, invokeId: 3 });
    });

    it('reports schema violations with codes and offsets', () => {
      const unknownChild = makeCall(`${MAKE_CALL_BODY}<frobnicate>1</frobnicate>`);
      const strict = { strict: true } as const;
      const e1 = decodeFails(() => decodeXml(unknownChild, strict), 'UNEXPECTED_TAG');
      expect(e1.offset).to.equal(unknownChild.indexOf('<frobnicate>'));
      const e2 = decodeFails(() => decodeXml(makeCall('<callingDevice>2000</callingDevice>'), strict), 'MISSING_FIELD');
      expect(e2.message).to.contain('calledDirectoryNumber');
      const badEnum = makeCall(`${MAKE_CALL_BODY}<autoOriginate>sometimes</autoOriginate>`);
      const e3 = decodeFails(() => decodeXml(badEnum, strict), 'BAD_VALUE');
      expect(e3.offset).to.equal(badEnum.indexOf('<autoOriginate>'));
      expect(e3.path).to.contain('autoOriginate');
      decodeFails(() => decodeXml(makeCall('<callingDevice typeOfNumber="deviceNumber">12ab</callingDevice><calledDirectoryNumber>1</calledDirectoryNumber>'), strict), 'BAD_VALUE');
      decodeFails(() => decodeXml(makeCall('<callingDevice typeOfNumber="bogus">1</callingDevice><calledDirectoryNumber>1</calledDirectoryNumber>'), strict), 'BAD_VALUE');
      decodeFails(() => decodeXml(makeCall(`${MAKE_CALL_BODY}${'<callingDevice>1</callingDevice>'}`), strict), 'BAD_VALUE');
    });

    it('fails pathological megabyte inputs with a DecodeError (linear-time parsing)', () => {
      const cases: [string, string][] = [
        [makeCall('<b/>'.repeat(150_000)), 'UNEXPECTED_TAG'],
        [makeCall('x<b>y</b>'.repeat(100_000)), 'BAD_VALUE'],
        ['<'.repeat(1_000_000), 'BAD_SYNTAX'],
        ['<a'.repeat(500_000), 'BAD_SYNTAX'],
        [`<!--${'-'.repeat(1_000_000)}`, 'BAD_SYNTAX'],
        // One pass: the nesting limit is hit before the missing end tags are.
        ['<a>'.repeat(300_000), 'TOO_DEEP'],
        [`<MakeCall ${'a="1" '.repeat(100_000)}/>`, 'BAD_SYNTAX'],
        [`<a b="${'"'.repeat(1_000_000)}`, 'BAD_SYNTAX'],
      ];
      for (const [xml, code] of cases) decodeFails(() => decodeXml(xml, { strict: true }), code);
    });

    it('never throws anything but DecodeError on mutated fixtures', () => {
      const sources = fixtures.map((f) => f.xml);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 }), (i, at, del, ins) => {
          const src = sources[i]!;
          const p = at % (src.length + 1);
          const mutated = src.slice(0, p) + ins + src.slice(p + del);
          try {
            decodeXml(mutated);
          } catch (e) {
            if (!(e instanceof DecodeError)) throw e;
          }
        }),
        { numRuns: 3000 },
      );
    });
  });
});
