/**
 * CSTA-media-services { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * media-services(136) }.
 *
 * DEFAULT components are modelled as OPTIONAL: absent on the wire means absent in the value (the
 * default is noted), so a decoded frame re-encodes to the same bytes.
 */
import { IA5String, INTEGER, OCTET_STRING, bitString, enumerated, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * MediaServiceType ::= ENUMERATED { cstaVoiceUnit (0), dataModem (1), ... sfSpecific10 (38) }
 * ``` */
export const MediaServiceType = enumerated('MediaServiceType', {
  cstaVoiceUnit: 0,
  dataModem: 1,
  digitalDataIsochronousIeee1394: 2,
  digitalDataIsochronousGeoport: 3,
  digitalDataIsochronousIeeeAtm: 4,
  digitalDataIsochronousIeeeIsdn: 5,
  digitalDataApi: 6,
  ectfS100MediaServicesDefault: 7,
  ectfS100MediaServicesAppServices: 8,
  cstaIVRScript1: 9,
  cstaIVRScript2: 10,
  cstaIVRScript3: 11,
  cstaIVRScript4: 12,
  cstaIVRScript5: 13,
  cstaIVRScript6: 14,
  cstaIVRScript7: 15,
  cstaIVRScript8: 16,
  cstaIVRScript9: 17,
  cstaIVRScript10: 18,
  liveSoundCaptureAnalog: 19,
  liveSoundTransmitAnalog: 20,
  liveSoundCaptureIeee1394: 21,
  liveSoundTransmitIeee1394: 22,
  liveSoundCaptureTransmitGeoport: 23,
  liveSoundCaptureTransmitAtm: 24,
  liveSoundCaptureTransmitISDN: 25,
  soundCaptureTransmitADPCM: 26,
  soundCaptureTransmitApi: 27,
  usb: 28,
  sfSpecific1: 29,
  sfSpecific2: 30,
  sfSpecific3: 31,
  sfSpecific4: 32,
  sfSpecific5: 33,
  sfSpecific6: 34,
  sfSpecific7: 35,
  sfSpecific8: 36,
  sfSpecific9: 37,
  sfSpecific10: 38,
});
export type MediaServiceType = Infer<typeof MediaServiceType>;

/** ```asn1
 * MediaStreamID ::= OCTET STRING
 * ``` */
export const MediaStreamID = OCTET_STRING;

/** ```asn1
 * MediaServiceInstanceID ::= OCTET STRING
 * ``` */
export const MediaServiceInstanceID = OCTET_STRING;

/** ```asn1
 * ConnectionInformation ::= SEQUENCE
 * { 	flowDirection ENUMERATED { transmit (0), receive (1), transmitAndReceive (2), none (3) } OPTIONAL,
 *	numberOfChannels INTEGER DEFAULT 1,
 *	mediaSessionInformation IA5String OPTIONAL }
 * ``` */
export const ConnectionInformation = sequence('ConnectionInformation', {
  flowDirection: optional(enumerated('ConnectionInformation.flowDirection', { transmit: 0, receive: 1, transmitAndReceive: 2, none: 3 })),
  numberOfChannels: optional(INTEGER),
  mediaSessionInformation: optional(IA5String),
});
export type ConnectionInformation = Infer<typeof ConnectionInformation>;

const connectionModes = {
  consultationConference: 0,
  consultationConferenceHold: 1,
  deflect: 2,
  directedPickup: 3,
  join: 4,
  singleStepConference: 5,
  singleStepConferenceHold: 6,
  singleStepTransfer: 7,
  transfer: 8,
  direct: 9,
} as const;

/** ```asn1
 * ConnectionMode ::= ENUMERATED { consultationConference (0), consultationConferenceHold (1),
 *	deflect (2), directedPickup (3), join (4), singleStepConference (5),
 *	singleStepConferenceHold (6), singleStepTransfer (7), transfer (8), direct (9) }
 * ``` */
export const ConnectionMode = enumerated('ConnectionMode', connectionModes);
export type ConnectionMode = Infer<typeof ConnectionMode>;

/** ```asn1
 * ConnectionModeBMap ::= BIT STRING { (same names and positions as ConnectionMode) }
 * ``` */
export const ConnectionModeBMap = bitString('ConnectionModeBMap', connectionModes);
export type ConnectionModeBMap = Infer<typeof ConnectionModeBMap>;

/** ```asn1
 * MediaClass ::= BIT STRING { voice (0), data (1), image (2), audio (4), other (3),
 *	notKnown (5), chat (6), email (7), message (8), im (9), sms (10), mms (11) }
 * ``` */
export const MediaClass = bitString('MediaClass', {
  voice: 0,
  data: 1,
  image: 2,
  other: 3,
  audio: 4,
  notKnown: 5,
  chat: 6,
  email: 7,
  message: 8,
  im: 9,
  sms: 10,
  mms: 11,
});
export type MediaClass = Infer<typeof MediaClass>;

/** ```asn1
 * MediaCallCharacteristics ::= SEQUENCE
 * { 	mediaClass MediaClass,
 *	connectionRate [0] IMPLICIT INTEGER OPTIONAL, -- 0: connection rate unknown
 *	bitRate [1] IMPLICIT ENUMERATED { constant (0), variable (1) } DEFAULT constant,
 *	delayTolerance [2] IMPLICIT INTEGER OPTIONAL,
 *	switchingSubDomainCCIEType [3] IMPLICIT ENUMERATED
 *		{ isdn (0), atm (1), isoEthernet (2), rsvp (3), other (4), sip (5) } OPTIONAL,
 *	switchingSubDomainInformationElements OCTET STRING OPTIONAL }
 * ``` */
export const MediaCallCharacteristics = sequence('MediaCallCharacteristics', {
  mediaClass: MediaClass,
  connectionRate: optional(implicit(0, INTEGER)),
  bitRate: optional(implicit(1, enumerated('MediaCallCharacteristics.bitRate', { constant: 0, variable: 1 }))),
  delayTolerance: optional(implicit(2, INTEGER)),
  switchingSubDomainCCIEType: optional(
    implicit(3, enumerated('MediaCallCharacteristics.switchingSubDomainCCIEType', { isdn: 0, atm: 1, isoEthernet: 2, rsvp: 3, other: 4, sip: 5 })),
  ),
  switchingSubDomainInformationElements: optional(OCTET_STRING),
});
export type MediaCallCharacteristics = Infer<typeof MediaCallCharacteristics>;
