import { expect } from 'chai';
import { BerWriter } from '../../../protocol/ber/writer.js';
import { BerReader } from '../../../protocol/ber/reader.js';
import type { AnyCodec, Infer } from '../../../protocol/schema/index.js';
import { ACSEUserInformationForCSTA, CSTAVersion } from '../../../protocol/csta/types/acse-user-info-csta.js';
import { CallControlEvents, CallControlServices, VoiceUnitServices } from '../../../protocol/csta/types/application-context-information.js';
import { CallLinkageDataList, GeoPriv, LocationInfoList, NetworkCapability, ServicesPermitted } from '../../../protocol/csta/types/call-control.js';
import { AttributeInfo, DeviceHistory, ForwardList, IOCrossRefID, TelephonyTone, UserData } from '../../../protocol/csta/types/device-feature-types.js';
import { PresenceState } from '../../../protocol/csta/types/device-feature-types-tones.js';
import { UniversalFailure, universalFailureCode } from '../../../protocol/csta/types/error-definition.js';
import { EventCause } from '../../../protocol/csta/types/event-cause.js';
import {
  MonitorCrossRefID,
  MonitorFilter,
  MonitorList,
  RegistrationList,
  SnapshotCallData,
  SnapshotDeviceData,
} from '../../../protocol/csta/types/status-reporting.js';

function encode<C extends AnyCodec>(codec: C, value: Infer<C>): string {
  const w = new BerWriter();
  codec.encode(w, value, codec.tag);
  return w.finish().toString('hex');
}

function decode<C extends AnyCodec>(codec: C, hex: string): Infer<C> {
  const bytes = Buffer.from(hex, 'hex');
  const r = new BerReader(bytes);
  r.header(0, bytes.length);
  return codec.decode(r) as Infer<C>;
}

/** Encodes, decodes, checks the value survived and that re-encoding gives the same bytes. */
function roundTrip<C extends AnyCodec>(codec: C, value: Infer<C>): string {
  const hex = encode(codec, value);
  const back = decode(codec, hex);
  expect(back).to.deep.equal(value);
  expect(encode(codec, back)).to.equal(hex);
  return hex;
}

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } }) as const;

describe('CSTA data-type modules', () => {
  describe('hand-computed encodings', () => {
    it('EventCause newCall (22) is ENUMERATED 0A 01 16', () => {
      expect(encode(EventCause, 'newCall')).to.equal('0a0116');
      expect(decode(EventCause, '0a0116')).to.equal('newCall');
      // the retired voiceUnitInitiator (34) has no name and survives as a number
      expect(decode(EventCause, '0a0122')).to.equal(34);
    });

    it('MonitorFilter bit strings: [n] IMPLICIT, minimal length, unused-bit count', () => {
      // callControl [0] IMPLICIT CallControlEvents { delivered (3) }: one octet 0x10, 4 unused bits
      expect(encode(MonitorFilter, { callControl: ['delivered'] })).to.equal('3004' + '80020410');
      // bridged (15): two octets 00 01, 0 unused; private [4] { privateEvent (0) }: 80, 7 unused
      const hex = '3009' + '8003000001' + '84020780';
      expect(decode(MonitorFilter, hex)).to.deep.equal({ callControl: ['bridged'], private: ['privateEvent'] });
      expect(encode(MonitorFilter, { callControl: ['bridged'], private: ['privateEvent'] })).to.equal(hex);
      // DEFAULT { } everywhere: the empty filter is an empty SEQUENCE
      expect(encode(MonitorFilter, {})).to.equal('3000');
    });

    it('UniversalFailure uses explicit context tags', () => {
      // operation [0] OperationErrors: invalidCallID (11)
      expect(encode(UniversalFailure, { operation: 'invalidCallID' })).to.equal('a0030a010b');
      // unspecified [7] NULL
      expect(encode(UniversalFailure, { unspecified: null })).to.equal('a7020500');
      // stateIncompatibility [2] noActiveCall (4)
      expect(decode(UniversalFailure, 'a2030a0104')).to.deep.equal({ stateIncompatibility: 'noActiveCall' });
      expect(universalFailureCode).to.equal(1);
    });

    it('UserData is an explicit [APPLICATION 29] around an OCTET STRING', () => {
      expect(encode(UserData, '0102')).to.equal('7d04' + '04020102');
    });

    it('MonitorCrossRefID is [APPLICATION 21] IMPLICIT OCTET STRING', () => {
      expect(encode(MonitorCrossRefID, '0001')).to.equal('55020001');
    });

    it('ACSE user information, new definition: [0] IMPLICIT SEQUENCE { CSTAVersion }', () => {
      // versionFive (4) + versionSix (5): octet 0x0C, 2 unused bits
      const hex = 'a004' + '0302020c';
      expect(encode(ACSEUserInformationForCSTA, { newDefinition: { cSTAVersion: ['versionFive', 'versionSix'] } })).to.equal(hex);
      expect(decode(CSTAVersion, '0302020c')).to.deep.equal(['versionFive', 'versionSix']);
    });

    it('DeviceHistory: [1] IMPLICIT EventCause is primitive 81', () => {
      // DeviceID { dialingNumber [0] IMPLICIT "10" } = 30 04 80 02 31 30
      const hex = '3009' + '300480023130' + '810116';
      expect(encode(DeviceHistory, { oldDeviceID: dev('10'), eventCause: 'newCall' })).to.equal(hex);
    });
  });

  describe('round trips', () => {
    it('event-cause', () => {
      roundTrip(EventCause, 'unknownOverflow');
    });

    it('application-context-information', () => {
      roundTrip(CallControlServices, ['acceptCall', 'makeConnection', 'sendMessage']);
      roundTrip(VoiceUnitServices, ['concatenateMessage', 'activate']); // decoded in bit-position order
      roundTrip(CallControlEvents, []);
    });

    it('acse-user-info-csta', () => {
      roundTrip(ACSEUserInformationForCSTA, {
        oldDefinition: {
          cSTAVersion: ['versionTwo'],
          cSTAFunctionsRequiredByApplication: { switchingFunctionServices: ['makeCall'], eventReportServices: ['delivered'] },
          cSTAFunctionsThatCanBeSupplied: {},
        },
      });
      roundTrip(ACSEUserInformationForCSTA, {
        newDefinition: {
          cSTAVersion: ['versionNineteen'],
          cSTAFunctionsThatCanBeSupplied: { voiceUnitServices: ['stop'] },
          cSTAPrivateDataVersionList: [1, 2, 300],
        },
      });
    });

    it('call-control', () => {
      roundTrip(ServicesPermitted, {
        callControlServices: ['answerCall', 'clearConnection'],
        callAssociatedServices: [],
        mediaAttachmentServices: ['attachMediaService'],
        routeingServices: [],
        voiceUnitServices: ['playMessage'],
      });
      roundTrip(CallLinkageDataList, {
        newCallLinkageData: {
          globalCallData: { globalCallSwitchingSubDomainName: 'pbx1', globalCallLinkageID: { subDomainCallLinkageID: '0102' } },
          threadData: { threadLinkageID: { globallyUniqueThreadID: '00112233445566778899aabbccddeeff' }, threadIDTimeStamp: '20240101120000Z' },
        },
        oldCallLinkageData: { globalCallData: { globalCallLinkageID: { globallyUniqueCallLinkageID: 'ff' } } },
      });
      roundTrip(NetworkCapability, { networkType: 'iSDNPrivate', eventsProvided: ['bridged', 'transferred'] });
      const geo: Infer<typeof GeoPriv> = {
        gpLocationInfo: [{ civicLocGml: { gmlFormat: '3c3e', civicLoc: { country: 'DE', a3: 'Berlin', pc: '10115' } } }],
        usageRules: { retransmissionAllowed: false, retentionExpires: '20250101000000Z', rulesetReference: 'urn:x' },
        method: 'a-GPS',
        providedBy: { dataproviderID: 'acme', telUri: 'tel:+49', uRL: 'http://x' },
      };
      roundTrip(LocationInfoList, [[geo], []]);
    });

    it('device-feature-types', () => {
      roundTrip(DeviceHistory, {
        oldDeviceID: dev('2000'),
        eventCause: 'redirected',
        oldConnectionID: { both: { callID: '01', deviceID: { staticID: dev('2000') } } },
      });
      roundTrip(ForwardList, [
        { forwardingType: 'forwardDND', forwardStatus: true, forwardDN: dev('3000'), forwardDefault: 'forwardDN', ringDuration: 20, ringCount: 5 },
        { forwardStatus: false },
      ]);
      roundTrip(AttributeInfo, { currentState: 'speechDetected' });
      roundTrip(IOCrossRefID, { computerProvided: 'ab' });
      roundTrip(TelephonyTone, 'switchSpec100');
      roundTrip(PresenceState, ['available', 'applicationSpec10']);
    });

    it('error-definition', () => {
      roundTrip(UniversalFailure, { operation: 'toneDurationOutOfRange' });
      roundTrip(UniversalFailure, { systemResourceAvailability: 'durationExceeded' });
      roundTrip(UniversalFailure, { privateData: 'cSTAPrivateDataInfoError' });
    });

    it('status-reporting', () => {
      roundTrip(MonitorFilter, {
        callControl: ['offered'],
        callAssociated: ['charging'],
        mediaAttachment: ['mediaDetached'],
        physicalDeviceFeature: ['speakerVolume'],
        logicalDeviceFeature: ['presenceState'],
        maintenance: ['partiallyInService'],
        voiceUnit: ['voiceErrorOccured'],
      });
      // compoundCallState [0] and servicesPermitted [0] share a tag; position tells them apart
      const sdd = roundTrip(SnapshotDeviceData, [
        {
          connectionIdentifier: { callID: '0a' },
          endpointDevice: { deviceIdentifier: dev('4000') },
          localCallState: { compoundCallState: ['connected', 'alerting'] },
          servicesPermitted: {
            callControlServices: ['clearConnection'],
            callAssociatedServices: [],
            mediaAttachmentServices: [],
            routeingServices: [],
            voiceUnitServices: [],
          },
          mediaServiceInfoList: [{ mediaStreamID: '01' }, {}],
          mediaCallCharacteristics: { mediaClass: ['voice'] },
        },
        { connectionIdentifier: { callID: '0b' }, localCallState: { simpleCallState: 'callBlocked' } },
        { connectionIdentifier: { callID: '0c' }, localCallState: { unknown: null } },
      ]);
      expect(sdd.slice(0, 2)).to.equal('76'); // [APPLICATION 22] constructed
      const scd = roundTrip(SnapshotCallData, [
        {
          deviceOnCall: { deviceIdentifier: dev('5000') },
          callIdentifier: { deviceID: { dynamicID: '99' } },
          localConnectionState: 'hold',
          mediaServiceInfoList: [{ mediaServiceType: 'usb', mediaServiceVersion: 2, connectionInformation: { numberOfChannels: 2 } }],
          locationInfo: [],
        },
      ]);
      expect(scd.slice(0, 2)).to.equal('77'); // [APPLICATION 23] constructed
      roundTrip(MonitorList, [{ monitorCrossRefID: '01', monitorObject: dev('6000') }]);
      roundTrip(RegistrationList, [{ registrationType: 'routeRegister', registrationID: 'r1' }]);
    });
  });
});
