/**
 * CSTA-device-identifiers { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * device-identifiers(123) } (ECMA-285 clause 12.2).
 */
import { INTEGER, IA5String, NULL, OCTET_STRING, applicationExplicit, choice, explicit as explicitTag, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { MediaCallCharacteristics } from './media-services.js';

/** ```asn1
 * NumberDigits ::= IA5String
 * ``` */
export const NumberDigits = IA5String;

/** ```asn1
 * DeviceNumber ::= INTEGER
 * ``` */
export const DeviceNumber = INTEGER;

/** ```asn1
 * OtherPlan ::= OCTET STRING -- Allows future expansion to cover other numbering plans
 * ``` */
export const OtherPlan = OCTET_STRING;

/** ```asn1
 * PublicTON ::= CHOICE
 * {	unknown [0] IMPLICIT IA5String, international [1] IMPLICIT IA5String,
 *	national [2] IMPLICIT IA5String, networkspecific [3] IMPLICIT IA5String,
 *	subscriber [4] IMPLICIT IA5String, abbreviated [5] IMPLICIT IA5String }
 * ``` */
export const PublicTON = choice('PublicTON', {
  unknown: implicit(0, IA5String),
  international: implicit(1, IA5String),
  national: implicit(2, IA5String),
  networkspecific: implicit(3, IA5String),
  subscriber: implicit(4, IA5String),
  abbreviated: implicit(5, IA5String),
});
export type PublicTON = Infer<typeof PublicTON>;

/** ```asn1
 * PrivateTON ::= CHOICE
 * {	unknown [0] IMPLICIT IA5String, level3RegionalNumber [1] IMPLICIT IA5String,
 *	level2RegionalNumber [2] IMPLICIT IA5String, level1RegionalNumber [3] IMPLICIT IA5String,
 *	pTNSpecificNumber [4] IMPLICIT IA5String, localNumber [5] IMPLICIT IA5String,
 *	abbreviated [6] IMPLICIT IA5String }
 * ``` */
export const PrivateTON = choice('PrivateTON', {
  unknown: implicit(0, IA5String),
  level3RegionalNumber: implicit(1, IA5String),
  level2RegionalNumber: implicit(2, IA5String),
  level1RegionalNumber: implicit(3, IA5String),
  pTNSpecificNumber: implicit(4, IA5String),
  localNumber: implicit(5, IA5String),
  abbreviated: implicit(6, IA5String),
});
export type PrivateTON = Infer<typeof PrivateTON>;

/** ```asn1
 * DeviceID ::= SEQUENCE
 * {	deviceIdentifier CHOICE
 *	{	dialingNumber		[ 0] IMPLICIT	NumberDigits,
 *		deviceNumber		[ 1] IMPLICIT	DeviceNumber,
 *		implicitPublic		[ 2] IMPLICIT	NumberDigits,
 *		explicitPublic		[ 3]		PublicTON,
 *		implicitPrivate		[ 4] IMPLICIT	NumberDigits,
 *		explicitPrivate		[ 5]		PrivateTON,
 *		other			[ 6] IMPLICIT	OtherPlan },
 *	privateNumber			[ 0] NumberDigits		OPTIONAL,
 *	privateName			[ 1] IA5String			OPTIONAL,
 *	mediaCallCharacteristics	MediaCallCharacteristics	OPTIONAL }
 * ```
 * Note: `privateNumber` and `privateName` share tags [0]/[1] with alternatives of the untagged
 * `deviceIdentifier` CHOICE; they are distinguished by position (the CHOICE is mandatory and
 * comes first) and by form: the module uses EXPLICIT tagging, so they are constructed. */
export const DeviceID = sequence('DeviceID', {
  deviceIdentifier: choice('DeviceID.deviceIdentifier', {
    dialingNumber: implicit(0, NumberDigits),
    deviceNumber: implicit(1, DeviceNumber),
    implicitPublic: implicit(2, NumberDigits),
    explicitPublic: explicitTag(3, PublicTON),
    implicitPrivate: implicit(4, NumberDigits),
    explicitPrivate: explicitTag(5, PrivateTON),
    other: implicit(6, OtherPlan),
  }),
  privateNumber: optional(explicitTag(0, NumberDigits)),
  privateName: optional(explicitTag(1, IA5String)),
  mediaCallCharacteristics: optional(MediaCallCharacteristics),
});
export type DeviceID = Infer<typeof DeviceID>;

const deviceAlternatives = {
  deviceIdentifier: DeviceID,
  notKnown: implicit(7, NULL),
  restricted: implicit(8, NULL),
} as const;

/** ```asn1
 * ExtendedDeviceID ::= [APPLICATION 9] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const ExtendedDeviceID = applicationExplicit(9, choice('ExtendedDeviceID', deviceAlternatives), 'ExtendedDeviceID');
export type ExtendedDeviceID = Infer<typeof ExtendedDeviceID>;

/** ```asn1
 * CallingDeviceID ::= [APPLICATION 1] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const CallingDeviceID = applicationExplicit(1, choice('CallingDeviceID', deviceAlternatives), 'CallingDeviceID');
export type CallingDeviceID = Infer<typeof CallingDeviceID>;

/** ```asn1
 * CalledDeviceID ::= [APPLICATION 2] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const CalledDeviceID = applicationExplicit(2, choice('CalledDeviceID', deviceAlternatives), 'CalledDeviceID');
export type CalledDeviceID = Infer<typeof CalledDeviceID>;

/** ```asn1
 * SubjectDeviceID ::= [APPLICATION 3] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const SubjectDeviceID = applicationExplicit(3, choice('SubjectDeviceID', deviceAlternatives), 'SubjectDeviceID');
export type SubjectDeviceID = Infer<typeof SubjectDeviceID>;

/** ```asn1
 * RedirectionDeviceID ::= [APPLICATION 4] CHOICE
 * {	numberdialed DeviceID, notKnown [ 7] IMPLICIT NULL, notRequired [ 8] IMPLICIT NULL,
 *	notSpecified [ 9] IMPLICIT NULL, restricted [10] IMPLICIT NULL }
 * ``` */
export const RedirectionDeviceID = applicationExplicit(
  4,
  choice('RedirectionDeviceID', {
    numberdialed: DeviceID,
    notKnown: implicit(7, NULL),
    notRequired: implicit(8, NULL),
    notSpecified: implicit(9, NULL),
    restricted: implicit(10, NULL),
  }),
  'RedirectionDeviceID',
);
export type RedirectionDeviceID = Infer<typeof RedirectionDeviceID>;

/** ```asn1
 * AssociatedCallingDeviceID ::= [APPLICATION 5] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const AssociatedCallingDeviceID = applicationExplicit(5, choice('AssociatedCallingDeviceID', deviceAlternatives), 'AssociatedCallingDeviceID');
export type AssociatedCallingDeviceID = Infer<typeof AssociatedCallingDeviceID>;

/** ```asn1
 * AssociatedCalledDeviceID ::= [APPLICATION 6] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const AssociatedCalledDeviceID = applicationExplicit(6, choice('AssociatedCalledDeviceID', deviceAlternatives), 'AssociatedCalledDeviceID');
export type AssociatedCalledDeviceID = Infer<typeof AssociatedCalledDeviceID>;

/** ```asn1
 * NetworkCallingDeviceID ::= [APPLICATION 7] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const NetworkCallingDeviceID = applicationExplicit(7, choice('NetworkCallingDeviceID', deviceAlternatives), 'NetworkCallingDeviceID');
export type NetworkCallingDeviceID = Infer<typeof NetworkCallingDeviceID>;

/** ```asn1
 * NetworkCalledDeviceID ::= [APPLICATION 8] CHOICE
 * {	deviceIdentifier DeviceID, notKnown [ 7] IMPLICIT NULL, restricted [ 8] IMPLICIT NULL }
 * ``` */
export const NetworkCalledDeviceID = applicationExplicit(8, choice('NetworkCalledDeviceID', deviceAlternatives), 'NetworkCalledDeviceID');
export type NetworkCalledDeviceID = Infer<typeof NetworkCalledDeviceID>;
