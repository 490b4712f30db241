import { expect } from 'chai';
import { encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { loadFrameFixtures } from '../support/fixtures.js';

/*
 * BER encode errors of bad values deep inside an event: class, code, path and message, as the
 * encoder reported them before its compiled fast paths (one-call TLVs, EXPLICIT + CHOICE in one
 * function) were added. Each fast path hands anything unusual to the slower code, so the errors
 * must not change.
 */
const fx = loadFrameFixtures();
const base = (name: string): any => structuredClone(fx.find((f) => f.file === name)!.decoded);
type Mut = [string, string, (p: any) => void];
const d = (p: any): any => p.argument.eventSpecificInfo.callControlEvents.delivered;
const muts: Mut[] = [
  ['a number where a dialing number belongs', 'event.delivered.json', (p) => { d(p).alertingDevice.deviceIdentifier.deviceIdentifier.dialingNumber = 5; }],
  ['a device CHOICE with no alternative', 'event.delivered.json', (p) => { d(p).alertingDevice = {}; }],
  ['a device CHOICE with two alternatives', 'event.delivered.json', (p) => { d(p).alertingDevice = { deviceIdentifier: d(p).callingDevice.deviceIdentifier, notKnown: null }; }],
  ['an unknown device alternative', 'event.delivered.json', (p) => { d(p).alertingDevice = { nope: 1 }; }],
  ['a string for a device', 'event.delivered.json', (p) => { d(p).alertingDevice = 'x'; }],
  ['null for a device', 'event.delivered.json', (p) => { d(p).alertingDevice = null; }],
  ['a NULL alternative that is not null', 'event.delivered.json', (p) => { d(p).lastRedirectionDevice = { notKnown: 0 }; }],
  ['characters above 0xFF in a dialing number', 'event.delivered.json', (p) => { d(p).callingDevice.deviceIdentifier.deviceIdentifier.dialingNumber = '\u0100\u0101'; }],
  ['a number for an OCTET STRING', 'event.delivered.json', (p) => { d(p).connection.callID = 5; }],
  ['an unknown ENUMERATED name', 'event.delivered.json', (p) => { d(p).cause = 'bogus'; }],
  ['a fraction for an ENUMERATED', 'event.delivered.json', (p) => { d(p).localConnectionInfo = 7.5; }],
  ['a missing mandatory component', 'event.delivered.json', (p) => { delete p.argument.crossRefIdentifier; }],
  ['an unknown event category', 'event.delivered.json', (p) => { p.argument.eventSpecificInfo = { nope: {} }; }],
  ['an unknown BIT STRING name', 'event.established.json', (p) => { p.argument.eventSpecificInfo.callControlEvents.established.callCharacteristics = ['nope']; }],
  ['a BIT STRING that is not an array', 'event.established.json', (p) => { p.argument.eventSpecificInfo.callControlEvents.established.callCharacteristics = 'acdCall'; }],
  ['a fractional invokeId', 'event.delivered.json', (p) => { p.invokeId = 1.5; }],
  ['an unknown operation', 'event.delivered.json', (p) => { p.operation = 'nope'; }],
];

const EXPECTED: Readonly<Record<string, { name: string; code: string; path: string | undefined; message: string }>> = {
  "a number where a dialing number belongs": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice.SubjectDeviceID.deviceIdentifier.DeviceID.deviceIdentifier.DeviceID.deviceIdentifier.dialingNumber", message: "IA5String cannot encode 5 (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice.SubjectDeviceID.deviceIdentifier.DeviceID.deviceIdentifier.DeviceID.deviceIdentifier.dialingNumber)" },
  "a device CHOICE with no alternative": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice", message: "SubjectDeviceID has no alternative undefined (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice)" },
  "a device CHOICE with two alternatives": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice", message: "SubjectDeviceID value has two alternatives (deviceIdentifier, notKnown) (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice)" },
  "an unknown device alternative": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice", message: "SubjectDeviceID has no alternative nope (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice)" },
  "a string for a device": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice", message: "SubjectDeviceID needs an object (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice)" },
  "null for a device": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice", message: "SubjectDeviceID needs an object (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.alertingDevice)" },
  "a NULL alternative that is not null": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.lastRedirectionDevice.RedirectionDeviceID.notKnown", message: "NULL cannot encode 0 (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.lastRedirectionDevice.RedirectionDeviceID.notKnown)" },
  "characters above 0xFF in a dialing number": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.callingDevice.CallingDeviceID.deviceIdentifier.DeviceID.deviceIdentifier.DeviceID.deviceIdentifier.dialingNumber", message: "IA5String cannot encode \"Āā\" (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.callingDevice.CallingDeviceID.deviceIdentifier.DeviceID.deviceIdentifier.DeviceID.deviceIdentifier.dialingNumber)" },
  "a number for an OCTET STRING": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.connection.ConnectionID.callID", message: "OCTET STRING (hex or text) cannot encode 5 (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.connection.ConnectionID.callID)" },
  "an unknown ENUMERATED name": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.cause", message: "EventCause cannot encode \"bogus\" (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.cause)" },
  "a fraction for an ENUMERATED": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.localConnectionInfo", message: "LocalConnectionState cannot encode 7.5 (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.delivered.DeliveredEvent.localConnectionInfo)" },
  "a missing mandatory component": { name: "EncodeError", code: "MISSING_FIELD", path: "CSTAEventReportArgument", message: "mandatory crossRefIdentifier is missing in CSTAEventReportArgument" },
  "an unknown event category": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo", message: "EventSpecificInfo has no alternative nope (in CSTAEventReportArgument.eventSpecificInfo)" },
  "an unknown BIT STRING name": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.established.EstablishedEvent.callCharacteristics", message: "CallCharacteristics cannot encode \"nope\" (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.established.EstablishedEvent.callCharacteristics)" },
  "a BIT STRING that is not an array": { name: "EncodeError", code: "BAD_VALUE", path: "CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.established.EstablishedEvent.callCharacteristics", message: "CallCharacteristics cannot encode \"acdCall\" (in CSTAEventReportArgument.eventSpecificInfo.EventSpecificInfo.callControlEvents.CallControlEvents.established.EstablishedEvent.callCharacteristics)" },
  "a fractional invokeId": { name: "EncodeError", code: "BAD_VALUE", path: undefined, message: "bad invokeId 1.5" },
  "an unknown operation": { name: "EncodeError", code: "UNKNOWN_OPERATION", path: undefined, message: "unknown operation nope" },
};

describe('BER encode errors deep in a PDU', () => {
  for (const [what, file, mutate] of muts) {
    it(what, () => {
      const pdu = base(file);
      mutate(pdu);
      let caught: unknown;
      try {
        encodePdu(pdu as CstaPdu);
      } catch (e) {
        caught = e;
      }
      const e = caught as { constructor: { name: string }; code: string; path: string | undefined; message: string } | undefined;
      expect(e, 'it throws').to.not.equal(undefined);
      expect({ name: e!.constructor.name, code: e!.code, path: e!.path, message: e!.message }).to.deep.equal(EXPECTED[what]);
      // The writer is usable afterwards: the unchanged PDU still encodes to its fixture.
      expect(encodePdu(base(file) as CstaPdu).equals(fx.find((f) => f.file === file)!.bytes)).to.equal(true);
    });
  }
});

describe('BER encode errors of PDUs with an unknown operation', () => {
  const unknown = (opcode: unknown, argument: unknown = { tlv: '0500' }): CstaPdu => ({ pdu: 'invoke', invokeId: 1, operation: 'unknown', opcode, argument }) as unknown as CstaPdu;
  const cases: [string, CstaPdu][] = [
    ['a fractional local opcode', unknown({ local: 1.5 })],
    ['a string local opcode', unknown({ local: '7' })],
    ['no opcode at all', unknown(undefined)],
    ['a raw argument that is not hex', unknown({ local: 300 }, { tlv: 'zz' })],
    ['a raw argument of odd length', unknown({ local: 300 }, { tlv: '050' })],
    ['a raw argument that is not an object', unknown({ local: 300 }, 'x')],
  ];
  for (const [what, pdu] of cases) {
    it(`${what}: EncodeError BAD_VALUE, not a RangeError or TypeError`, () => {
      let thrown: unknown;
      try {
        encodePdu(pdu);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(Error);
      expect((thrown as Error).name).to.equal('EncodeError');
      expect((thrown as { code?: string }).code).to.equal('BAD_VALUE');
    });
  }

  it('a well-formed one still encodes (opcode 300, raw NULL argument)', () => {
    expect(Buffer.from(encodePdu(unknown({ local: 300 }))).toString('hex')).to.equal('a1090201010202012c0500');
  });
});
