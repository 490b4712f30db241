/**
 * CSTA-status-reporting { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * status-reporting(126) }.
 *
 * DEFAULT components are modelled as OPTIONAL: absent on the wire means absent in the value (the
 * default is noted), so a decoded frame re-encodes to the same bytes. Declarations are reordered
 * where TypeScript needs a type before its use (entries before their lists, CallState before
 * SnapshotDeviceResponseInfo).
 */
import { IA5String, INTEGER, NULL, OCTET_STRING, applicationImplicit, bitString, choice, enumerated, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import {
  CallAssociatedEvents,
  CallControlEvents,
  DeviceMaintenanceEvents,
  LogicalDeviceFeatureEvents,
  MediaAttachmentEvents,
  PhysicalDeviceFeatureEvents,
  VendorSpecEvents,
  VoiceUnitEvents,
} from './application-context-information.js';
import { CallLinkageData, LocationInfoList, ServicesPermitted } from './call-control.js';
import { ConnectionID } from './call-connection-identifiers.js';
import { LocalConnectionState } from './connection-states.js';
import { LocCrossRefID } from './device-feature-types.js';
import { DeviceID, SubjectDeviceID } from './device-identifiers.js';
import { ConnectionInformation, MediaCallCharacteristics, MediaServiceInstanceID, MediaServiceType, MediaStreamID } from './media-services.js';
import { CSTAObject } from './switching-function-objects.js';

/** ```asn1
 * MonitorObject ::= CSTAObject
 * ``` */
export const MonitorObject = CSTAObject;
export type MonitorObject = Infer<typeof MonitorObject>;

/** ```asn1
 * MonitorCrossRefID ::= [APPLICATION 21] IMPLICIT OCTET STRING
 * ``` */
export const MonitorCrossRefID = applicationImplicit(21, OCTET_STRING);
export type MonitorCrossRefID = Infer<typeof MonitorCrossRefID>;

/** ```asn1
 * MonitorFilter ::= SEQUENCE-- default is no filter (i.e. all events)
 * {	callControl 			[0] IMPLICIT CallControlEvents 			DEFAULT { },
 *	callAssociated 			[6] IMPLICIT CallAssociatedEvents 		DEFAULT { },
 *	mediaAttachment 		[7] IMPLICIT MediaAttachmentEvents 		DEFAULT { },
 *	physicalDeviceFeature 		[8] IMPLICIT PhysicalDeviceFeatureEvents 	DEFAULT { },
 *	logicalDeviceFeature 		[9] IMPLICIT LogicalDeviceFeatureEvents 	DEFAULT { },
 *	maintenance 			[3] IMPLICIT DeviceMaintenanceEvents 		DEFAULT { },
 *	voiceUnit 			[5] IMPLICIT VoiceUnitEvents 			DEFAULT { },
 *	private 			[4] IMPLICIT VendorSpecEvents 			DEFAULT { } }
 *
 * -- setting the relevant bit requests the filter for the appropriate events
 * ```
 * Every component DEFAULT { } (no bit set = not filtered) → OPTIONAL. A set bit filters the
 * event out, e.g. `{ callControl: ['delivered'] }` is `30 04 80 02 04 10`. */
export const MonitorFilter = sequence('MonitorFilter', {
  callControl: optional(implicit(0, CallControlEvents)),
  callAssociated: optional(implicit(6, CallAssociatedEvents)),
  mediaAttachment: optional(implicit(7, MediaAttachmentEvents)),
  physicalDeviceFeature: optional(implicit(8, PhysicalDeviceFeatureEvents)),
  logicalDeviceFeature: optional(implicit(9, LogicalDeviceFeatureEvents)),
  maintenance: optional(implicit(3, DeviceMaintenanceEvents)),
  voiceUnit: optional(implicit(5, VoiceUnitEvents)),
  private: optional(implicit(4, VendorSpecEvents)),
});
export type MonitorFilter = Infer<typeof MonitorFilter>;

/** ```asn1
 * MonitorType ::= ENUMERATED
 * {	call (0), device (1) }
 * ``` */
export const MonitorType = enumerated('MonitorType', {
  call: 0,
  device: 1,
});
export type MonitorType = Infer<typeof MonitorType>;

/** ```asn1
 * MonitorListEntry ::= SEQUENCE
 * {	monitorCrossRefID		MonitorCrossRefID,
 *	monitorObject			DeviceID }
 * ``` */
export const MonitorListEntry = sequence('MonitorListEntry', {
  monitorCrossRefID: MonitorCrossRefID,
  monitorObject: DeviceID,
});
export type MonitorListEntry = Infer<typeof MonitorListEntry>;

/** ```asn1
 * MonitorList ::= SEQUENCE OF MonitorListEntry
 * ``` */
export const MonitorList = sequenceOf('MonitorList', MonitorListEntry);
export type MonitorList = Infer<typeof MonitorList>;

/** ```asn1
 * RegistrationType ::= ENUMERATED
 * {	escapeRegister (1), ioRegister (2), routeRegister (3), sysStatRegister (4) }
 * ``` */
export const RegistrationType = enumerated('RegistrationType', {
  escapeRegister: 1,
  ioRegister: 2,
  routeRegister: 3,
  sysStatRegister: 4,
});
export type RegistrationType = Infer<typeof RegistrationType>;

/** ```asn1
 * RegistrationTypeList ::= SEQUENCE OF RegistrationType
 * ``` */
export const RegistrationTypeList = sequenceOf('RegistrationTypeList', RegistrationType);
export type RegistrationTypeList = Infer<typeof RegistrationTypeList>;

/** ```asn1
 * RegistrationListEntry ::= SEQUENCE
 * {	registrationType		RegistrationType,
 *	registrationID			IA5String,
 *	registrationObject		DeviceID		OPTIONAL }
 * ``` */
export const RegistrationListEntry = sequence('RegistrationListEntry', {
  registrationType: RegistrationType,
  registrationID: IA5String,
  registrationObject: optional(DeviceID),
});
export type RegistrationListEntry = Infer<typeof RegistrationListEntry>;

/** ```asn1
 * RegistrationList ::= SEQUENCE OF RegistrationListEntry
 * ``` */
export const RegistrationList = sequenceOf('RegistrationList', RegistrationListEntry);
export type RegistrationList = Infer<typeof RegistrationList>;

/** ```asn1
 * LocationSessionListEntry ::= SEQUENCE
 * {	locCrossRefID			LocCrossRefID,
 *	locDevice			DeviceID }
 * ``` */
export const LocationSessionListEntry = sequence('LocationSessionListEntry', {
  locCrossRefID: LocCrossRefID,
  locDevice: DeviceID,
});
export type LocationSessionListEntry = Infer<typeof LocationSessionListEntry>;

/** ```asn1
 * LocationSessionInfoList ::= SEQUENCE OF LocationSessionListEntry
 * ``` */
export const LocationSessionInfoList = sequenceOf('LocationSessionInfoList', LocationSessionListEntry);
export type LocationSessionInfoList = Infer<typeof LocationSessionInfoList>;

/** ```asn1
 * MonitorMediaClass ::= BIT STRING
 * {	voice (0), data (1), image (2), audio (4), other (3), notKnown (5), chat (6), email (7),
 *	message (8), im (9), sms (10), mms (11) }
 * ``` */
export const MonitorMediaClass = bitString('MonitorMediaClass', {
  voice: 0,
  data: 1,
  image: 2,
  audio: 4,
  other: 3,
  notKnown: 5,
  chat: 6,
  email: 7,
  message: 8,
  im: 9,
  sms: 10,
  mms: 11,
});
export type MonitorMediaClass = Infer<typeof MonitorMediaClass>;

/** ```asn1
 * CompoundCallState ::= SEQUENCE OF LocalConnectionState
 * ``` */
export const CompoundCallState = sequenceOf('CompoundCallState', LocalConnectionState);
export type CompoundCallState = Infer<typeof CompoundCallState>;

/** ```asn1
 * SimpleCallState ::= ENUMERATED
 * { 	callNull 			(  0), 	-- ‘00’H 		- null-null
 *	callPending 			(  1), 	-- ‘01’H 		- null-initiate
 *	callOriginated 			(  3), 	-- ‘03’H 		- null-connect
 *	callDelivered 			( 35), 	-- ‘23’H 		- alerting-connect
 *	callDeliveredHeld 		( 36), 	-- ‘24’H 		- alerting-held
 *	callReceived 			( 50), 	-- ‘32’H 		- connect-alerting
 *	callEstablished 		( 51), 	-- ‘33’H 		- connect-connect
 *	callEstablishedHeld 		( 52), 	-- ‘34’H 		- connected-held
 *	callReceivedOnHold 		( 66), 	-- ‘42’H 		- held-alerting
 *	callEstablishedOnHold 		( 67), 	-- ‘43’H 		- held-connect
 *	callQueued 			( 83), 	-- ‘53’H 		- queued-connect
 *	callQueuedHeld 			( 84), 	-- ‘54’H 		- queued-held
 *	callFailed 			( 99), 	-- ‘63’H 		- failed-connect
 *	callFailedHeld 			(100), 	-- ‘64’H 		- failed-held
 *	callBlocked 			( 96) }	-- ‘60’H 		- failed-null }
 *
 * -- This represents the main call states in a simplified encoding. The semantics
 * -- are identical to the sequence of connection states but they are represented by
 * -- an item from an enumerated list.
 * ``` */
export const SimpleCallState = enumerated('SimpleCallState', {
  callNull: 0,
  callPending: 1,
  callOriginated: 3,
  callDelivered: 35,
  callDeliveredHeld: 36,
  callReceived: 50,
  callEstablished: 51,
  callEstablishedHeld: 52,
  callReceivedOnHold: 66,
  callEstablishedOnHold: 67,
  callQueued: 83,
  callQueuedHeld: 84,
  callFailed: 99,
  callFailedHeld: 100,
  callBlocked: 96,
});
export type SimpleCallState = Infer<typeof SimpleCallState>;

/** ```asn1
 * CallState ::= CHOICE
 * {	compoundCallState 		[0] IMPLICIT CompoundCallState,
 *	simpleCallState 		[1] IMPLICIT SimpleCallState,
 *	unknown 			[2] IMPLICIT NULL }
 * ``` */
export const CallState = choice('CallState', {
  compoundCallState: implicit(0, CompoundCallState),
  simpleCallState: implicit(1, SimpleCallState),
  unknown: implicit(2, NULL),
});
export type CallState = Infer<typeof CallState>;

/** ```asn1
 * DeviceMediaInfoList ::= SEQUENCE OF SEQUENCE
 * { 	mediaStreamID			MediaStreamID				OPTIONAL,
 *	connectionInformation 		ConnectionInformation 			OPTIONAL }
 * ``` */
export const DeviceMediaInfoList = sequenceOf(
  'DeviceMediaInfoList',
  sequence('DeviceMediaInfoList.item', {
    mediaStreamID: optional(MediaStreamID),
    connectionInformation: optional(ConnectionInformation),
  }),
);
export type DeviceMediaInfoList = Infer<typeof DeviceMediaInfoList>;

/** ```asn1
 * SnapshotDeviceResponseInfo ::= SEQUENCE
 * {	connectionIdentifier		ConnectionID,
 *	endpointDevice			[3] IMPLICIT SubjectDeviceID 		OPTIONAL,
 *	localCallState			CallState,
 *	servicesPermitted 		[0] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	mediaServiceInfoList 		[1] IMPLICIT DeviceMediaInfoList 	OPTIONAL,
 *	mediaCallCharacteristics	[2] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callLinkageData 		[4] IMPLICIT CallLinkageData 		OPTIONAL }
 * ```
 * `[3] IMPLICIT SubjectDeviceID` replaces the [APPLICATION 3] tag of the CHOICE: a constructed
 * [3] holding the alternative. The [0]..[2] tags of `localCallState` (a CHOICE) and of the
 * optional components after it do not clash: the mandatory CallState is matched first. */
export const SnapshotDeviceResponseInfo = sequence('SnapshotDeviceResponseInfo', {
  connectionIdentifier: ConnectionID,
  endpointDevice: optional(implicit(3, SubjectDeviceID)),
  localCallState: CallState,
  servicesPermitted: optional(implicit(0, ServicesPermitted)),
  mediaServiceInfoList: optional(implicit(1, DeviceMediaInfoList)),
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callLinkageData: optional(implicit(4, CallLinkageData)),
});
export type SnapshotDeviceResponseInfo = Infer<typeof SnapshotDeviceResponseInfo>;

/** ```asn1
 * SnapshotDeviceData ::= [APPLICATION 22] IMPLICIT SEQUENCE OF SnapshotDeviceResponseInfo
 * ``` */
export const SnapshotDeviceData = applicationImplicit(22, sequenceOf('SnapshotDeviceData', SnapshotDeviceResponseInfo));
export type SnapshotDeviceData = Infer<typeof SnapshotDeviceData>;

/** ```asn1
 * CallMediaInfoList ::= SEQUENCE OF SEQUENCE
 * { 	mediaServiceType 		[0] IMPLICIT MediaServiceType,
 *	mediaServiceVersion 		[1] IMPLICIT INTEGER 			OPTIONAL,
 *	mediaServiceInstance 		[2] IMPLICIT MediaServiceInstanceID	OPTIONAL,
 *	mediaStreamID 			[3] IMPLICIT MediaStreamID 		OPTIONAL,
 *	connectionInformation 		[4] IMPLICIT ConnectionInformation 	OPTIONAL }
 * ``` */
export const CallMediaInfoList = sequenceOf(
  'CallMediaInfoList',
  sequence('CallMediaInfoList.item', {
    mediaServiceType: implicit(0, MediaServiceType),
    mediaServiceVersion: optional(implicit(1, INTEGER)),
    mediaServiceInstance: optional(implicit(2, MediaServiceInstanceID)),
    mediaStreamID: optional(implicit(3, MediaStreamID)),
    connectionInformation: optional(implicit(4, ConnectionInformation)),
  }),
);
export type CallMediaInfoList = Infer<typeof CallMediaInfoList>;

/** ```asn1
 * SnapshotCallResponseInfo ::= SEQUENCE
 * { 	deviceOnCall 			SubjectDeviceID,
 *	callIdentifier 			ConnectionID 				OPTIONAL,
 *	localConnectionState 		LocalConnectionState 			OPTIONAL,
 *	servicesPermitted 		[0] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	mediaServiceInfoList 		[1] IMPLICIT CallMediaInfoList		OPTIONAL,
 *	locationInfo	 		[2] IMPLICIT LocationInfoList		OPTIONAL }
 * ``` */
export const SnapshotCallResponseInfo = sequence('SnapshotCallResponseInfo', {
  deviceOnCall: SubjectDeviceID,
  callIdentifier: optional(ConnectionID),
  localConnectionState: optional(LocalConnectionState),
  servicesPermitted: optional(implicit(0, ServicesPermitted)),
  mediaServiceInfoList: optional(implicit(1, CallMediaInfoList)),
  locationInfo: optional(implicit(2, LocationInfoList)),
});
export type SnapshotCallResponseInfo = Infer<typeof SnapshotCallResponseInfo>;

/** ```asn1
 * SnapshotCallData ::= [APPLICATION 23] IMPLICIT SEQUENCE OF SnapshotCallResponseInfo
 * ``` */
export const SnapshotCallData = applicationImplicit(23, sequenceOf('SnapshotCallData', SnapshotCallResponseInfo));
export type SnapshotCallData = Infer<typeof SnapshotCallData>;
