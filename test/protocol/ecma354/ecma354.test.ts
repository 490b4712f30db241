import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { decodeXml, decodeXmlMessage, encodeXml } from '../../../protocol/xml/index.js';
import { decodePdu, encodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../../../protocol/errors.js';
import { parseXmlDocument } from '../../../protocol/xml/parse.js';
import {
  APPL_SESSION_NAMESPACE,
  avayaSessionLoginInfo,
  decodeApplicationSessionElement,
  loginCredentialsOf,
  openScapeBusinessLoginInfo,
  resumeSessionIDOf,
} from '../../../protocol/ecma354/index.js';
import type { ApplicationSessionPdu } from '../../../protocol/ecma354/index.js';

const DIR = fileURLToPath(new URL('../../../fixtures/ecma354/', import.meta.url));
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.xml')).sort();

interface Golden {
  readonly invokeId: number;
  readonly pdu: ApplicationSessionPdu;
  /** Our encoding when it differs from the fixture text (namespace declarations moved onto raw elements). */
  readonly encoded?: string;
}

function golden(f: string): { xml: string; g: Golden } {
  const xml = readFileSync(DIR + f, 'utf8');
  const g = JSON.parse(readFileSync(DIR + f.replace(/\.xml$/, '.json'), 'utf8')) as Golden;
  return { xml, g };
}

function decodeError(f: () => unknown): DecodeError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(DecodeError);
    return e as DecodeError;
  }
  throw new Error('expected a DecodeError');
}

function encodeError(f: () => unknown): EncodeError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(EncodeError);
    return e as EncodeError;
  }
  throw new Error('expected an EncodeError');
}

const NS = APPL_SESSION_NAMESPACE;

describe('ECMA-354 application session messages (XML)', () => {
  it('has golden fixtures for every message kind', () => {
    const kinds = new Set(FIXTURES.map((f) => golden(f).g.pdu.message.kind));
    expect([...kinds].sort()).to.deep.equal(
      [
        'applicationSessionTerminated',
        'resetApplicationSessionTimer',
        'resetApplicationSessionTimerNegResponse',
        'resetApplicationSessionTimerPosResponse',
        'startApplicationSession',
        'startApplicationSessionNegResponse',
        'startApplicationSessionPosResponse',
        'stopApplicationSession',
        'stopApplicationSessionNegResponse',
        'stopApplicationSessionPosResponse',
        'transferMonitorObjects',
        'transferMonitorObjectsResponse',
      ].sort(),
    );
  });

  for (const f of FIXTURES) {
    describe(f, () => {
      it('decodes to the golden PDU', () => {
        const { xml, g } = golden(f);
        expect(decodeXml(xml, { invokeId: g.invokeId })).to.deep.equal(g.pdu);
      });
      it('encodes the golden PDU to the fixture text', () => {
        const { xml, g } = golden(f);
        expect(encodeXml(g.pdu, { xmlDeclaration: false })).to.equal(g.encoded ?? xml);
      });
      it('round-trips (decode ∘ encode = identity)', () => {
        const { g } = golden(f);
        expect(decodeXml(encodeXml(g.pdu), { invokeId: g.invokeId })).to.deep.equal(g.pdu);
      });
      it('has no BER form (typed EncodeError)', () => {
        const e = encodeError(() => encodePdu(golden(f).g.pdu));
        expect(e.code).to.equal(EncodeErrorCode.UnknownOperation);
      });
    });
  }

  describe('dialects', () => {
    it('reads roots and children by local name in any letter case, order and prefix', () => {
      const xml = `<a:resetapplicationsessiontimer xmlns:a="${NS}"><a:RequestedSessionDuration> 180 </a:RequestedSessionDuration><a:SESSIONID>469421A9-0</a:SESSIONID></a:resetapplicationsessiontimer>`;
      const m = decodeXmlMessage(xml, { invokeId: 7 });
      expect(m.root).to.equal('resetapplicationsessiontimer');
      expect(m.namespace).to.equal(NS);
      expect(m.pdu).to.deep.equal({
        pdu: 'applicationSession',
        invokeId: 7,
        namespace: NS,
        message: { kind: 'resetApplicationSessionTimer', sessionID: '469421A9-0', requestedSessionDuration: 180 },
      });
    });

    it('keeps identifiers exactly as written (no trimming, no hex reading)', () => {
      const pdu = decodeXml(`<StartApplicationSessionPosResponse><sessionID> -12 </sessionID></StartApplicationSessionPosResponse>`) as ApplicationSessionPdu;
      expect(pdu.message).to.deep.equal({ kind: 'startApplicationSessionPosResponse', sessionID: ' -12 ' });
      expect(encodeXml(pdu, { xmlDeclaration: false })).to.equal('<StartApplicationSessionPosResponse><sessionID> -12 </sessionID></StartApplicationSessionPosResponse>');
    });

    it('keeps extensions raw next to actualHBT', () => {
      const xml = `<StartApplicationSessionPosResponse><sessionID>1</sessionID><extensions><actualHBT>15</actualHBT><scx:x xmlns:scx="http://www.siemens.com/schema/csta">y</scx:x></extensions></StartApplicationSessionPosResponse>`;
      const pdu = decodeXml(xml) as ApplicationSessionPdu;
      expect(pdu.message).to.deep.equal({ kind: 'startApplicationSessionPosResponse', sessionID: '1', actualHBT: 15, extensions: '<scx:x xmlns:scx="http://www.siemens.com/schema/csta">y</scx:x>' });
      expect(encodeXml(pdu, { xmlDeclaration: false })).to.equal(xml);
    });

    it('declares again on raw vendor elements the prefixes they borrowed from the root', () => {
      const xml = `<StartApplicationSession xmlns="${NS}" xmlns:acx="http://www.avaya.com/csta"><applicationInfo><applicationID>a</applicationID><applicationSpecificInfo><acx:SessionLoginInfo><acx:userName>u</acx:userName></acx:SessionLoginInfo></applicationSpecificInfo></applicationInfo></StartApplicationSession>`;
      const pdu = decodeXml(xml) as ApplicationSessionPdu;
      const m = pdu.message;
      if (m.kind !== 'startApplicationSession') throw new Error('kind');
      expect(m.applicationInfo.applicationSpecificInfo).to.equal(
        '<acx:SessionLoginInfo xmlns:acx="http://www.avaya.com/csta"><acx:userName>u</acx:userName></acx:SessionLoginInfo>',
      );
      // Written back and read again, it names the same elements in the same namespace.
      const again = parseXmlDocument(encodeXml(pdu), { maxFrameSize: 1 << 16, maxDepth: 16 });
      const login = again.root.children[0]!.children[1]!.children[0]!;
      expect(login.name).to.equal('SessionLoginInfo');
      expect(login.attrs['xmlns:acx']).to.equal('http://www.avaya.com/csta');
    });

    it('keeps raw vendor content exactly as written (spacing, attribute order, references)', () => {
      const login = '<SessionLoginInfo xmlns="http://www.avaya.com/csta">\n  <userName xmlns="">a&amp;b</userName>\n  <sessionID xmlns="" />\n</SessionLoginInfo>';
      const xml = `<StartApplicationSession xmlns="${NS}"><applicationInfo><applicationSpecificInfo>${login}</applicationSpecificInfo></applicationInfo></StartApplicationSession>`;
      const pdu = decodeXml(xml) as ApplicationSessionPdu;
      expect((pdu.message as { applicationInfo: { applicationSpecificInfo?: string } }).applicationInfo.applicationSpecificInfo).to.equal(login);
      expect(encodeXml(pdu, { xmlDeclaration: false })).to.equal(xml);
    });

    it('writes the namespace the PDU names: received, none, or ECMA-354 by default', () => {
      const message = { kind: 'stopApplicationSessionPosResponse' } as const;
      expect(encodeXml({ pdu: 'applicationSession', invokeId: 1, message }, { xmlDeclaration: false })).to.equal(`<StopApplicationSessionPosResponse xmlns="${NS}"/>`);
      expect(encodeXml({ pdu: 'applicationSession', invokeId: 1, message, namespace: '' }, { xmlDeclaration: false })).to.equal('<StopApplicationSessionPosResponse/>');
      // The encoder's namespace option is the CSTA (ECMA-323) one: ECMA-354 keeps its own.
      expect(encodeXml({ pdu: 'applicationSession', invokeId: 1, message }, { xmlDeclaration: false, namespace: 'urn:x' })).to.equal(`<StopApplicationSessionPosResponse xmlns="${NS}"/>`);
    });

    it('leaves other roots to the ECMA-323 codec', () => {
      const doc = parseXmlDocument('<MonitorStart><monitorObject/></MonitorStart>', { maxFrameSize: 1000, maxDepth: 8 });
      expect(decodeApplicationSessionElement(doc.root, 1)).to.equal(undefined);
      expect(decodeXml('<SystemStatus><systemStatus>normal</systemStatus></SystemStatus>', 5).pdu).to.equal('invoke');
    });

    it('is not confused with BER: a BER frame still decodes as before', () => {
      const ber = encodePdu({ pdu: 'invoke', invokeId: 1, operation: 'systemStatus', argument: { systemStatus: 'normal' } } as CstaPdu);
      expect(decodePdu(ber).pdu).to.equal('invoke');
    });
  });

  describe('malformed messages are located DecodeErrors', () => {
    it('a duration that is not an integer', () => {
      const xml = `<ResetApplicationSessionTimer><sessionID>1</sessionID><requestedSessionDuration>3 minutes</requestedSessionDuration></ResetApplicationSessionTimer>`;
      const e = decodeError(() => decodeXml(xml));
      expect(e.code).to.equal(DecodeErrorCode.BadValue);
      expect(e.offset).to.equal(xml.indexOf('<requestedSessionDuration>'));
      expect(e.path).to.equal('ResetApplicationSessionTimer.requestedSessionDuration');
    });
    it('a duration too large for a safe integer', () => {
      const e = decodeError(() => decodeXml('<ResetApplicationSessionTimerPosResponse><actualSessionDuration>99999999999999999</actualSessionDuration></ResetApplicationSessionTimerPosResponse>'));
      expect(e.code).to.be.oneOf([DecodeErrorCode.IntegerTooLarge, DecodeErrorCode.BadValue]);
    });
    it('a missing sessionID', () => {
      const xml = '<StopApplicationSession><sessionEndReason><definedEndReason>normal</definedEndReason></sessionEndReason></StopApplicationSession>';
      const e = decodeError(() => decodeXml(xml));
      expect(e.code).to.equal(DecodeErrorCode.MissingField);
      expect(e.offset).to.equal(0);
      expect(e.expected).to.equal('sessionID');
    });
    it('a repeated sessionID', () => {
      const xml = '<ApplicationSessionTerminated><sessionID>1</sessionID><sessionID>2</sessionID><sessionTermReason><serverTermReason>x</serverTermReason></sessionTermReason></ApplicationSessionTerminated>';
      const e = decodeError(() => decodeXml(xml));
      expect(e.code).to.equal(DecodeErrorCode.BadValue);
      expect(e.offset).to.equal(xml.lastIndexOf('<sessionID>'));
    });
    it('an errorCode with both alternatives, or none', () => {
      for (const inner of ['<definedError>a</definedError><applError>b</applError>', '']) {
        const xml = `<StartApplicationSessionNegResponse><errorCode>${inner}</errorCode></StartApplicationSessionNegResponse>`;
        const e = decodeError(() => decodeXml(xml));
        expect(e.code).to.equal(DecodeErrorCode.BadValue);
        expect(e.offset).to.equal(xml.indexOf('<errorCode>'));
      }
    });
    it('an element where text belongs', () => {
      const xml = '<StartApplicationSessionPosResponse><sessionID><id>1</id></sessionID></StartApplicationSessionPosResponse>';
      expect(decodeError(() => decodeXml(xml)).offset).to.equal(xml.indexOf('<sessionID>'));
    });
    it('something other than protocolVersion in requestedProtocolVersions', () => {
      const xml = '<StartApplicationSession><applicationInfo/><requestedProtocolVersions><version>x</version></requestedProtocolVersions></StartApplicationSession>';
      const e = decodeError(() => decodeXml(xml));
      expect(e.code).to.equal(DecodeErrorCode.UnexpectedTag);
      expect(e.offset).to.equal(xml.indexOf('<version>'));
    });
    it('no applicationInfo', () => {
      expect(decodeError(() => decodeXml('<StartApplicationSession><requestedSessionDuration>1</requestedSessionDuration></StartApplicationSession>')).code).to.equal(DecodeErrorCode.MissingField);
    });
    it('XML that is not well-formed (Uni-tel\'s published sample has an unclosed password)', () => {
      const xml = '<StartApplicationSession><applicationInfo><applicationSpecificInfo><password>*<password></applicationSpecificInfo></applicationInfo></StartApplicationSession>';
      expect(decodeError(() => decodeXml(xml)).code).to.equal(DecodeErrorCode.BadSyntax);
    });
  });

  describe('strict reading (conformance)', () => {
    it('refuses an element the message does not define, where lenient reading keeps it raw', () => {
      const xml = `<ResetApplicationSessionTimer><sessionID>1</sessionID><colour>blue</colour></ResetApplicationSessionTimer>`;
      expect((decodeXml(xml) as ApplicationSessionPdu).message).to.deep.equal({ kind: 'resetApplicationSessionTimer', sessionID: '1', $xml: ['<colour>blue</colour>'] });
      const e = decodeError(() => decodeXmlMessage(xml, { strict: true }));
      expect(e.code).to.equal(DecodeErrorCode.UnexpectedTag);
      expect(e.offset).to.equal(xml.indexOf('<colour>'));
    });
    it('still takes anything inside extensions and applicationSpecificInfo (xsd:any), and every golden fixture', () => {
      for (const f of FIXTURES.filter((x) => !x.includes('vendor'))) {
        const { xml, g } = golden(f);
        expect(decodeXmlMessage(xml, { strict: true, invokeId: g.invokeId }).pdu, f).to.deep.equal(g.pdu);
      }
      const hbt = '<StartApplicationSessionPosResponse><sessionID>1</sessionID><extensions><actualHBT>0</actualHBT><x/></extensions></StartApplicationSessionPosResponse>';
      expect((decodeXmlMessage(hbt, { strict: true }).pdu as ApplicationSessionPdu).message).to.deep.include({ actualHBT: 0, extensions: '<x/>' });
    });
  });

  describe('hostile input', () => {
    it('never throws anything but DecodeError on mutated fixtures (and what decodes re-encodes or is refused typed)', () => {
      let seed = 354;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const alphabet = '<>/="&;x0 -aZ\u0000\u00e9';
      let decoded = 0;
      for (const f of FIXTURES) {
        const xml = golden(f).xml;
        for (let i = 0; i < 150; i++) {
          const chars = [...xml];
          for (let k = 1 + rand(3); k > 0; k--) {
            const at = rand(chars.length);
            const op = rand(3);
            if (op === 0) chars.splice(at, 1);
            else if (op === 1) chars.splice(at, 0, alphabet[rand(alphabet.length)]!);
            else chars[at] = alphabet[rand(alphabet.length)]!;
          }
          const text = chars.join('');
          let pdu: CstaPdu;
          try {
            pdu = decodeXml(text);
          } catch (e) {
            if (!(e instanceof DecodeError)) throw new Error(`${f} mutation ${i}: ${String(e)} for ${JSON.stringify(text)}`);
            continue;
          }
          decoded++;
          try {
            encodeXml(pdu);
          } catch (e) {
            if (!(e instanceof EncodeError)) throw new Error(`${f} mutation ${i}: encode threw ${String(e)}`);
          }
        }
      }
      expect(decoded).to.be.greaterThan(100); // the mutations did not all break the XML
    });

    it('is linear in the number of elements (100k unknown elements under a root)', () => {
      const xml = `<StopApplicationSessionPosResponse>${'<a/>'.repeat(100_000)}</StopApplicationSessionPosResponse>`;
      const t0 = Date.now();
      const pdu = decodeXml(xml) as ApplicationSessionPdu;
      expect(pdu.message.$xml).to.have.length(100_000);
      expect(Date.now() - t0).to.be.lessThan(5000);
    });
  });

  describe('encoding refuses what it cannot write', () => {
    const start = (applicationSpecificInfo: string): CstaPdu => ({
      pdu: 'applicationSession',
      invokeId: 1,
      message: { kind: 'startApplicationSession', applicationInfo: { applicationID: 'a', applicationSpecificInfo } },
    });
    it('raw vendor XML that is not well-formed', () => {
      const e = encodeError(() => encodeXml(start('<user>x</usr>')));
      expect(e.code).to.equal(EncodeErrorCode.BadValue);
      expect(e.path).to.equal('StartApplicationSession.applicationInfo.applicationSpecificInfo');
    });
    it('a duration that is not an integer', () => {
      const pdu = { pdu: 'applicationSession', invokeId: 1, message: { kind: 'resetApplicationSessionTimer', sessionID: 's', requestedSessionDuration: 1.5 } } as CstaPdu;
      expect(encodeError(() => encodeXml(pdu)).path).to.equal('ResetApplicationSessionTimer.requestedSessionDuration');
    });
    it('a missing sessionID and an unknown kind', () => {
      const noId = { pdu: 'applicationSession', invokeId: 1, message: { kind: 'stopApplicationSession', sessionEndReason: { definedEndReason: 'normal' } } } as unknown as CstaPdu;
      expect(encodeError(() => encodeXml(noId)).code).to.equal(EncodeErrorCode.MissingField);
      const unknown = { pdu: 'applicationSession', invokeId: 1, message: { kind: 'bogus' } } as unknown as CstaPdu;
      expect(encodeError(() => encodeXml(unknown)).code).to.equal(EncodeErrorCode.UnknownOperation);
    });
    it('a sessionEndReason with two alternatives', () => {
      const pdu = { pdu: 'applicationSession', invokeId: 1, message: { kind: 'stopApplicationSession', sessionID: 's', sessionEndReason: { definedEndReason: 'normal', appEndReason: 'x' } } } as unknown as CstaPdu;
      expect(encodeError(() => encodeXml(pdu)).code).to.equal(EncodeErrorCode.BadValue);
    });
  });

  describe('vendor login content', () => {
    it('Avaya SessionLoginInfo: credentials, cleanup delay and the session to resume', () => {
      const raw = avayaSessionLoginInfo({ userName: 'u&1', password: 'p<2', sessionCleanupDelay: 30 }, 'ABC-1');
      expect(raw).to.equal(
        '<SessionLoginInfo xmlns="http://www.avaya.com/csta"><userName xmlns="">u&amp;1</userName><password xmlns="">p&lt;2</password><sessionCleanupDelay xmlns="">30</sessionCleanupDelay><sessionID xmlns="">ABC-1</sessionID></SessionLoginInfo>',
      );
      expect(resumeSessionIDOf(raw)).to.equal('ABC-1');
      expect(loginCredentialsOf(raw)).to.deep.equal({ user: 'u&1', password: 'p<2' });
      expect(resumeSessionIDOf(avayaSessionLoginInfo({ userName: 'u', password: 'p' }))).to.equal(undefined);
    });
    it('OpenScape Business user and password; no session id in it', () => {
      const raw = openScapeBusinessLoginInfo({ user: 'osbiz', password: 'pw' });
      expect(loginCredentialsOf(raw)).to.deep.equal({ user: 'osbiz', password: 'pw' });
      expect(resumeSessionIDOf(raw)).to.equal(undefined);
    });
    it('reads the fixtures\' login content', () => {
      const m = (f: string) => (golden(f).g.pdu.message as { applicationInfo: { applicationSpecificInfo?: string } }).applicationInfo.applicationSpecificInfo;
      expect(resumeSessionIDOf(m('avaya-start-resume.xml'))).to.equal('7A3F00C2D91E44B0A5C3D2E1F0A9B8C7-12');
      expect(resumeSessionIDOf(m('avaya-start.xml'))).to.equal(undefined);
      expect(loginCredentialsOf(m('unitel-start.xml'))).to.deep.equal({ user: 'agent.one@example.dk', password: 'xyz' });
      expect(loginCredentialsOf('<not-closed>')).to.equal(undefined);
    });
  });
});
