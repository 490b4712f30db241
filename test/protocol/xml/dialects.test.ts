/**
 * The XML reader against the dialects real PBXs speak (namespaces, spellings, opaque identifiers,
 * vendor elements, vendor messages). The messages here are written for these tests, after the
 * classes of deviation seen in vendor traffic (docs/xml.md, "Dialects").
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { DecodeError } from '../../../protocol/errors.js';
import { decodePdu, encodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { decodeXml, decodeXmlMessage, encodeXml, messageNameOf } from '../../../protocol/xml/index.js';

type Loose = Record<string, any>;

const ED4 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed4';
const ECMA_CH_ED6 = 'http://www.ecma.ch/standards/ecma-323/csta/ed6';

function eventOf(pdu: unknown): Loose {
  const info = (pdu as Loose).argument.eventSpecificInfo as Loose;
  const cat = Object.keys(info)[0]!;
  return info[cat][Object.keys(info[cat])[0]!] as Loose;
}

function errorOf(fn: () => unknown): DecodeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a DecodeError');
}

describe('XML dialects of real PBXs', () => {
  describe('namespaces, prefixes and editions', () => {
    const body = '<callingDevice>4100</callingDevice><calledDirectoryNumber>4200</calledDirectoryNumber>';
    const plain = decodeXml(`<MakeCall xmlns="${ED4}">${body}</MakeCall>`, 1);

    for (const [label, xml, ns, edition] of [
      ['ecma.ch ed6 (Uni-tel)', `<MakeCall xmlns="${ECMA_CH_ED6}">${body}</MakeCall>`, ECMA_CH_ED6, 6],
      ['ecma.ch ed2', `<MakeCall xmlns="http://www.ecma.ch/standards/ecma-323/csta/ed2">${body}</MakeCall>`, 'http://www.ecma.ch/standards/ecma-323/csta/ed2', 2],
      ['no namespace (Zultys)', `<MakeCall>${body}</MakeCall>`, undefined, undefined],
      ['a prefix and a SOAP namespace beside it (JAXB)', `<ns3:MakeCall xmlns:ns2="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns3="${ED4}"><ns3:callingDevice>4100</ns3:callingDevice><ns3:calledDirectoryNumber>4200</ns3:calledDirectoryNumber></ns3:MakeCall>`, ED4, 4],
      ['ed5 with a trailing slash', `<MakeCall xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed5/">${body}</MakeCall>`, 'http://www.ecma-international.org/standards/ecma-323/csta/ed5/', 5],
    ] as const) {
      it(`reads ${label} and reports its namespace and edition`, () => {
        const m = decodeXmlMessage(xml, 1);
        expect(m.pdu).to.deep.equal(plain);
        expect(m.namespace).to.equal(ns);
        expect(m.edition).to.equal(edition);
      });
    }

    it('matches root and element names in any letter case (SnapShotDevice, callId)', () => {
      const m = decodeXmlMessage(`<SnapShotDevice><snapshotObject>4100</snapshotObject></SnapShotDevice>`, 2);
      expect(m.pdu).to.include({ pdu: 'invoke', operation: 'snapshotDevice' });
      expect(m.root).to.equal('SnapShotDevice');
      const held = decodeXml(`<HeldEvent xmlns="${ED4}"><monitorCrossRefID>7</monitorCrossRefID><heldConnection><callId>c-9</callId></heldConnection><holdingDevice><deviceIdentifier>4100</deviceIdentifier></holdingDevice><localConnectionInfo>hold</localConnectionInfo><cause>normal</cause></HeldEvent>`);
      expect(eventOf(held).heldConnection).to.deep.equal({ callID: 'c-9' });
    });

    it('writes the namespace asked for, or none', () => {
      expect(encodeXml(plain, { namespace: ECMA_CH_ED6, xmlDeclaration: false })).to.match(new RegExp(`^<MakeCall xmlns="${ECMA_CH_ED6.replace(/[./]/g, '\\$&')}">`));
      expect(encodeXml(plain, { namespace: '', xmlDeclaration: false })).to.match(/^<MakeCall><callingDevice>/);
    });
  });

  describe("ECMA's own misspellings", () => {
    const transfered = `<TransferedEvent xmlns="${ED4}"><monitorCrossRefID>12</monitorCrossRefID><primaryOldCall><callID>A1</callID><deviceID>4100</deviceID></primaryOldCall><transferringDevice><deviceIdentifier>4100</deviceIdentifier></transferringDevice><transferredToDevice><deviceIdentifier>4300</deviceIdentifier></transferredToDevice><transferredConnections/><localConnectionInfo>null</localConnectionInfo><cause>transfer</cause></TransferedEvent>`;

    it('reads TransferedEvent and TransferredEvent as the same event, and writes ECMA\'s spelling', () => {
      const a = decodeXml(transfered);
      const b = decodeXml(transfered.replace(/TransferedEvent/g, 'TransferredEvent'));
      expect(a).to.deep.equal(b);
      expect(Object.keys((a as Loose).argument.eventSpecificInfo.callControlEvents)).to.deep.equal(['transferred']);
      expect(encodeXml(a, { xmlDeclaration: false })).to.match(/^<TransferedEvent /);
      expect(messageNameOf(a)).to.equal('TransferedEvent');
    });

    it('reads both spellings of mediaAttachementServices and systemResourceAvailibility, writes ECMA\'s', () => {
      const err = (name: string): string => `<CSTAErrorCode xmlns="${ED4}"><${name}>resourceBusy</${name}></CSTAErrorCode>`;
      const a = decodeXml(err('systemResourceAvailibility'));
      expect(a).to.deep.equal(decodeXml(err('systemResourceAvailability')));
      expect((a as Loose).parameter).to.deep.equal({ systemResourceAvailability: 'resourceBusy' });
      expect(encodeXml(a, { xmlDeclaration: false })).to.contain('<systemResourceAvailibility>resourceBusy</systemResourceAvailibility>');
      const si = (name: string): string =>
        `<ServiceInitiatedEvent xmlns="${ED4}"><monitorCrossRefID>5</monitorCrossRefID><initiatedConnection><callID>B2</callID><deviceID>4100</deviceID></initiatedConnection><initiatingDevice><deviceIdentifier>4100</deviceIdentifier></initiatingDevice><localConnectionInfo>initiated</localConnectionInfo><cause>newCall</cause><servicesPermitted><callControlServices><clearConnection>true</clearConnection></callControlServices><callAssociatedServices/><${name}/><routeingServices/><voiceUnitServices/></servicesPermitted></ServiceInitiatedEvent>`;
      const s = decodeXml(si('mediaAttachementServices'));
      expect(s).to.deep.equal(decodeXml(si('mediaAttachmentServices')));
      expect(encodeXml(s, { xmlDeclaration: false })).to.contain('<mediaAttachementServices/>');
    });
  });

  describe('identifiers are opaque text', () => {
    const ids = ['SIP/hpbx-0000b1c2-att', 'FF0001000000000012AB34CD56EF0000', '-7', 'N<+4930555100>Line00007;displayNumber=00007', 'N/A', '25'];
    for (const id of ids) {
      it(`keeps callID ${JSON.stringify(id)} exactly, in the value and when written again`, () => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?><ClearConnection xmlns="${ED4}"><connectionToBeCleared><callID>${id.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</callID><deviceID>4100</deviceID></connectionToBeCleared></ClearConnection>`;
        const pdu = decodeXml(xml);
        expect((pdu as Loose).argument.connectionToBeCleared.both.callID).to.equal(id);
        expect(encodeXml(pdu)).to.equal(xml);
      });
    }

    it('maps text identifiers to their UTF-8 octets in BER, and lower-case hex to its octets', () => {
      const text = decodeXml(`<ClearConnection><connectionToBeCleared><callID>SIP/x-1</callID></connectionToBeCleared></ClearConnection>`, 3);
      const ber = encodePdu(text);
      expect(ber.includes(Buffer.from('SIP/x-1'))).to.equal(true);
      // BER gives octets back as lower-case hex: that text re-encodes to the same bytes.
      const back = decodePdu(ber);
      expect((back as Loose).argument.connectionToBeCleared.callID).to.equal(Buffer.from('SIP/x-1').toString('hex'));
      expect(encodePdu(back)).to.deep.equal(ber);
      const hex = decodeXml(`<ClearConnection><connectionToBeCleared><callID>002a</callID></connectionToBeCleared></ClearConnection>`, 3);
      expect(encodePdu(hex).includes(Buffer.from([0x80, 0x02, 0x00, 0x2a]))).to.equal(true);
    });
  });

  describe('what the schema does not know is kept', () => {
    const withScx = `<MonitorStart xmlns="${ED4}" xmlns:scx="http://www.siemens.com/schema/csta"><monitorObject><deviceObject>4100</deviceObject></monitorObject><requestedMonitorFilter/><extensions><privateData><private><scx:staticOndDN>true</scx:staticOndDN></private></privateData></extensions></MonitorStart>`;

    it('keeps vendor private data as XML, with its namespace declared, and writes it back', () => {
      const pdu = decodeXml(withScx);
      const priv = (pdu as Loose).argument.extensions.privateData;
      expect(JSON.stringify(priv)).to.contain('<scx:staticOndDN xmlns:scx=\\"http://www.siemens.com/schema/csta\\">true</scx:staticOndDN>');
      const again = decodeXml(encodeXml(pdu));
      expect(again).to.deep.equal(pdu);
    });

    it('keeps unknown elements (privateData under the root, extra result components) in $xml, with a warning; strict refuses them', () => {
      const xml = `<MakeCallResponse xmlns="${ECMA_CH_ED6}"><callingDevice><callID>N/A</callID><deviceID>4100</deviceID></callingDevice><calledDevice>4200</calledDevice><privateData><requestID>r-1</requestID></privateData></MakeCallResponse>`;
      const m = decodeXmlMessage(xml, 4);
      const result = (m.pdu as Loose).result;
      expect(result.callingDevice).to.deep.equal({ both: { callID: 'N/A', deviceID: { staticID: { deviceIdentifier: { dialingNumber: '4100' } } } } });
      expect(result.$xml).to.deep.equal(['<calledDevice>4200</calledDevice>', '<privateData><requestID>r-1</requestID></privateData>']);
      expect(m.warnings.map((w) => w.offset)).to.deep.equal([xml.indexOf('<calledDevice>'), xml.indexOf('<privateData>')]);
      expect(decodeXml(encodeXml(m.pdu), 4)).to.deep.equal(m.pdu);
      expect(errorOf(() => decodeXml(xml, { strict: true })).code).to.equal('UNEXPECTED_TAG');
    });

    it('keeps an empty element whose type cannot be empty (<ringCount/>) and a vendor enumeration value, not refusing the message', () => {
      const xml = `<SetForwarding><device>4100</device><forwardingType>forwardImmediate</forwardingType><activateForward>true</activateForward><forwardDN>4200</forwardDN><ringCount/></SetForwarding>`;
      const pdu = decodeXml(xml) as Loose;
      expect(pdu.argument.ringCount).to.equal(undefined);
      expect(pdu.argument.$xml).to.deep.equal(['<ringCount/>']);
      const cleared = decodeXmlMessage(`<ConnectionClearedEvent xmlns="${ECMA_CH_ED6}"><monitorCrossRefID>m1</monitorCrossRefID><droppedConnection><callID>SIP/a-1</callID><deviceID>4100</deviceID></droppedConnection><releasingDevice><deviceIdentifier>4100</deviceIdentifier></releasingDevice><localConnectionInfo>null</localConnectionInfo><cause>Normal Clearing</cause></ConnectionClearedEvent>`);
      const ev = eventOf(cleared.pdu);
      expect(ev.cause).to.equal(undefined);
      expect(ev.$missing).to.deep.equal(['cause']);
      expect(ev.$xml).to.deep.equal(['<cause>Normal Clearing</cause>']);
      expect(cleared.warnings.some((w) => w.message.includes('Normal Clearing'))).to.equal(true);
      // Written back with the vendor's value where it was, and nothing invented for the missing cause.
      expect(encodeXml(cleared.pdu, { xmlDeclaration: false })).to.contain('<cause>Normal Clearing</cause>');
    });

    it('keeps an unknown element exactly as written (whitespace, attribute order, references)', () => {
      const vendor = '<privateData>\n  <requestID b="2" a="1">r&amp;2</requestID>\n</privateData>';
      const pdu = decodeXml(`<GetForwarding><device>4100</device>${vendor}</GetForwarding>`);
      expect((pdu as Loose).argument.$xml).to.deep.equal([vendor]);
    });

    it('reads a CHOICE component written without its own element, and a vendor alias of a component name', () => {
      const m = decodeXmlMessage(`<SnapShotDeviceResponse xmlns="${ECMA_CH_ED6}"><serviceCrossRefID>x-7</serviceCrossRefID></SnapShotDeviceResponse>`);
      expect((m.pdu as Loose).result).to.deep.equal({ crossRefIDorSnapshotData: { serviceCrossRefID: 'x-7' } });
      expect(m.warnings[0]!.message).to.contain('CHOICE element left out');
      expect(() => decodeXml(`<SnapShotDeviceResponse><serviceCrossRefID>x-7</serviceCrossRefID></SnapShotDeviceResponse>`, { strict: true })).to.throw(DecodeError);
      const si = decodeXml(`<ServiceInitiatedEvent xmlns="${ED4}"><monitorCrossRefID>5</monitorCrossRefID><initiatedConnection><callID>B2</callID><deviceID>4100</deviceID></initiatedConnection><initiatingDevice><deviceIdentifier>4100</deviceIdentifier></initiatingDevice><localConnectionInfo>initiated</localConnectionInfo><cause>newCall</cause><servicesPermitted><callControlServices/><callAssociatedServices/><mediaAttachementServices/><routeingServices/><voiceServices><startRecording>true</startRecording></voiceServices></servicesPermitted></ServiceInitiatedEvent>`);
      expect(eventOf(si).servicesPermitted.voiceUnitServices).to.be.an('array');
      expect(eventOf(si).servicesPermitted.$xml).to.equal(undefined);
    });

    it('reads typeOfNumber="deviceID" as a dialling number and writes the attribute back', () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?><MakeCall><callingDevice typeOfNumber="deviceID">4100</callingDevice><calledDirectoryNumber typeOfNumber="deviceID">4200</calledDirectoryNumber></MakeCall>`;
      const pdu = decodeXml(xml);
      expect((pdu as Loose).argument.callingDevice.deviceIdentifier).to.deep.equal({ dialingNumber: '4100' });
      expect(encodeXml(pdu, { namespace: '' })).to.equal(xml);
      expect(errorOf(() => decodeXml(xml, { strict: true })).code).to.equal('BAD_VALUE');
    });

    it('reads a SubjectDeviceID with an OpenScape N<...> identifier', () => {
      const pdu = decodeXml(`<CallInformationEvent xmlns="${ED4}"><monitorCrossRefID>9</monitorCrossRefID><connection><callID>C1</callID><deviceID>4100</deviceID></connection><device><deviceIdentifier>N&lt;4100&gt;;noa=nk</deviceIdentifier></device></CallInformationEvent>`);
      expect(eventOf(pdu).device).to.deep.equal({ deviceIdentifier: { deviceIdentifier: { dialingNumber: 'N<4100>;noa=nk' } } });
    });
  });

  describe('messages that are not CSTA', () => {
    const docs = [
      ['Zultys login', '<loginRequest type="User" platform="WinNT" version="9.0.0"><userName>agent7</userName><pwd>c2VjcmV0</pwd></loginRequest>', undefined],
      ['Zultys keep-alive', '<keepalive/>', undefined],
      ['Avaya GetDeviceId', '<?xml version="1.0" encoding="UTF-8"?>\n<GetDeviceId xmlns="http://www.avaya.com/csta">\n  <switchName>cm1</switchName>\n  <extension>4100</extension>\n</GetDeviceId>', 'http://www.avaya.com/csta'],
      ['Uni-tel queue service', `<GetQueueMemberResponse xmlns="${ECMA_CH_ED6}"><queue>q-1</queue><member><device>4100</device><paused>false</paused></member></GetQueueMemberResponse>`, ECMA_CH_ED6],
    ] as const;
    for (const [label, xml, ns] of docs) {
      it(`${label}: a vendor PDU with its root, namespace and tree, written back byte for byte`, () => {
        const pdu = decodeXml(xml, 9);
        if (pdu.pdu !== 'vendor') throw new Error(`expected a vendor PDU, got ${pdu.pdu}`);
        expect(pdu.invokeId).to.equal(9);
        expect(pdu.namespace).to.equal(ns);
        expect(pdu.root).to.equal(/<(?:\w+:)?(\w+)/.exec(xml.replace(/<\?.*?\?>/, ''))![1]);
        expect(encodeXml(pdu)).to.equal(xml);
        expect(() => encodePdu(pdu)).to.throw(/no BER form/);
      });
    }

    it('gives the element tree, and writes one that an application built', () => {
      const pdu = decodeXml(docs[0][1]);
      if (pdu.pdu !== 'vendor') throw new Error('expected a vendor PDU');
      expect(pdu.element.attrs).to.deep.equal({ type: 'User', platform: 'WinNT', version: '9.0.0' });
      expect(pdu.element.children.map((c) => [c.name, c.text])).to.deep.equal([
        ['userName', 'agent7'],
        ['pwd', 'c2VjcmV0'],
      ]);
      const { xml: _ignored, ...built } = pdu;
      expect(encodeXml(built, { xmlDeclaration: false })).to.equal(docs[0][1]);
    });

    it('still refuses malformed XML with a located DecodeError', () => {
      const e = errorOf(() => decodeXml('<loginRequest><userName>a</loginRequest>'));
      expect(e.code).to.equal('BAD_SYNTAX');
      expect(e.offset).to.be.a('number').and.not.NaN;
    });
  });

  describe('hostile and unwritable input (issue 15, Low)', () => {
    it('refuses characters XML 1.0 forbids and a raw < in an attribute, with a real offset', () => {
      for (const [xml, at] of [
        ['<MakeCall>\u0000</MakeCall>', 10],
        ['<MakeCall>\uffff</MakeCall>', 10],
        ['<MakeCall>\ud800x</MakeCall>', 10],
        ['<MakeCall a="<"/>', 13],
        ['<?', 1],
      ] as const) {
        const e = errorOf(() => decodeXml(xml));
        expect(e.code, JSON.stringify(xml)).to.equal('BAD_SYNTAX');
        expect(Number.isFinite(e.offset), JSON.stringify(xml)).to.equal(true);
        expect(e.offset, JSON.stringify(xml)).to.be.within(0, at);
      }
    });

    it('refuses to write what ECMA-323 cannot carry instead of dropping it: linkedId, extra event-report components', () => {
      const answer = decodeXml('<AnswerCall><callToBeAnswered><callID>01</callID></callToBeAnswered></AnswerCall>', 1);
      expect(() => encodeXml({ ...answer, linkedId: 5 } as CstaPdu)).to.throw(/linked invoke/);
      const ev = decodeXml(`<CallClearedEvent xmlns="${ED4}"><monitorCrossRefID>1</monitorCrossRefID><clearedCall><callID>01</callID></clearedCall><cause>normalClearing</cause></CallClearedEvent>`, 2) as Loose;
      expect(() => encodeXml({ ...ev, argument: { ...ev.argument, $unknown: ['8001ff'] } } as unknown as CstaPdu)).to.throw(/\$unknown/);
    });
  });

  describe('a declared UTF-16 encoding on UTF-8 bytes', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="utf-16"?>\n<MonitorStart><monitorObject><deviceObject>4100</deviceObject></monitorObject></MonitorStart>', 'utf8');

    it('is the fatal error XML 1.0 makes it, at the declaration, by default', () => {
      const e = errorOf(() => decodeXml(bytes));
      expect(e.code).to.equal('BAD_SYNTAX');
      expect(e.offset).to.equal(30);
    });

    it('is read as UTF-8 with a warning when the dialect says so (Uni-tel)', () => {
      const m = decodeXmlMessage(bytes, { utf16DeclarationAsUtf8: true });
      expect(m.pdu).to.include({ pdu: 'invoke', operation: 'monitorStart' });
      expect(m.warnings[0]!.message).to.contain('utf-16');
    });
  });
});
