/**
 * CSTA-device-feature-types { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) device-feature-types(127) }.
 *
 * Declarations follow the standard's order except where TypeScript needs a type defined before
 * its use (ForwardingType/ForwardDefault before ForwardList, EncodingAlgorithm/CurrentState before
 * AttributeInfo).
 */
import {
  BOOLEAN,
  IA5String,
  INTEGER,
  OCTET_STRING,
  applicationExplicit,
  applicationImplicit,
  bitString,
  choice,
  enumerated,
  explicit,
  implicit,
  optional,
  sequence,
  sequenceOf,
} from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from './call-connection-identifiers.js';
import { DeviceID } from './device-identifiers.js';
import { EventCause } from './event-cause.js';

/** ```asn1
 * AccountInfo ::= OCTET STRING
 * ``` */
export const AccountInfo = OCTET_STRING;
export type AccountInfo = Infer<typeof AccountInfo>;

/** ```asn1
 * AgentID ::= OCTET STRING
 * ``` */
export const AgentID = OCTET_STRING;
export type AgentID = Infer<typeof AgentID>;

/** ```asn1
 * AgentPassword ::= OCTET STRING
 * ``` */
export const AgentPassword = OCTET_STRING;
export type AgentPassword = Infer<typeof AgentPassword>;

/** ```asn1
 * AgentState ::= ENUMERATED
 * {	agentNotReady (0), agentNull (1), agentReady (2), agentBusy (3), agentWorkingAfterCall (4) }
 * ``` */
export const AgentState = enumerated('AgentState', { agentNotReady: 0, agentNull: 1, agentReady: 2, agentBusy: 3, agentWorkingAfterCall: 4 });
export type AgentState = Infer<typeof AgentState>;

/** ```asn1
 * AuthCode ::= OCTET STRING
 * ``` */
export const AuthCode = OCTET_STRING;
export type AuthCode = Infer<typeof AuthCode>;

/** ```asn1
 * CorrelatorData ::= OCTET STRING
 * ``` */
export const CorrelatorData = OCTET_STRING;
export type CorrelatorData = Infer<typeof CorrelatorData>;

/** ```asn1
 * IOCrossRefID ::= CHOICE
 * {	switchProvided 		[0] OCTET STRING ,
 *	computerProvided 	[1] OCTET STRING }
 * ``` */
export const IOCrossRefID = choice('IOCrossRefID', {
  switchProvided: explicit(0, OCTET_STRING),
  computerProvided: explicit(1, OCTET_STRING),
});
export type IOCrossRefID = Infer<typeof IOCrossRefID>;

/** ```asn1
 * IORegisterReqID ::= OCTET STRING
 * ``` */
export const IORegisterReqID = OCTET_STRING;
export type IORegisterReqID = Infer<typeof IORegisterReqID>;

/** ```asn1
 * MessageID ::= OCTET STRING
 * ``` */
export const MessageID = OCTET_STRING;
export type MessageID = Infer<typeof MessageID>;

/** ```asn1
 * ParticipationType ::= ENUMERATED
 * { 	silent (0), active (1), none (2) }
 * ``` */
export const ParticipationType = enumerated('ParticipationType', { silent: 0, active: 1, none: 2 });
export type ParticipationType = Infer<typeof ParticipationType>;

/** ```asn1
 * RouteRegisterReqID ::= OCTET STRING
 * ``` */
export const RouteRegisterReqID = OCTET_STRING;
export type RouteRegisterReqID = Infer<typeof RouteRegisterReqID>;

/** ```asn1
 * RouteingCrossRefID ::= [APPLICATION 24] IMPLICIT OCTET STRING
 * ``` */
export const RouteingCrossRefID = applicationImplicit(24, OCTET_STRING);
export type RouteingCrossRefID = Infer<typeof RouteingCrossRefID>;

/** ```asn1
 * SelectValue ::= ENUMERATED
 * {	normal (0), leastCost (1), emergency (2), aCD (3), userDefined (4) }
 * ``` */
export const SelectValue = enumerated('SelectValue', { normal: 0, leastCost: 1, emergency: 2, aCD: 3, userDefined: 4 });
export type SelectValue = Infer<typeof SelectValue>;

/** ```asn1
 * RetryValue ::= CHOICE -- used in RouteSelect Request service
 * {	noListAvailable			[0] IMPLICIT BOOLEAN,
 *	noCountAvailable 		[1] IMPLICIT BOOLEAN,
 *	retryCount 			[2] IMPLICIT INTEGER }
 * ``` */
export const RetryValue = choice('RetryValue', {
  noListAvailable: implicit(0, BOOLEAN),
  noCountAvailable: implicit(1, BOOLEAN),
  retryCount: implicit(2, INTEGER),
});
export type RetryValue = Infer<typeof RetryValue>;

/** ```asn1
 * SysStatRegisterID ::= OCTET STRING
 * ``` */
export const SysStatRegisterID = OCTET_STRING;
export type SysStatRegisterID = Infer<typeof SysStatRegisterID>;

/** ```asn1
 * SystemStatus ::= ENUMERATED
 * {	disabled (4), partiallyDisabled (8), enabled (1), initializing (0), messagesLost (3), normal (2),
 *	overloadImminent (5), overloadReached (6), overloadRelieved (7) }
 * ``` */
export const SystemStatus = enumerated('SystemStatus', {
  disabled: 4,
  partiallyDisabled: 8,
  enabled: 1,
  initializing: 0,
  messagesLost: 3,
  normal: 2,
  overloadImminent: 5,
  overloadReached: 6,
  overloadRelieved: 7,
});
export type SystemStatus = Infer<typeof SystemStatus>;

/** ```asn1
 * CallOrigination ::= BIT STRING
 * {	internal (0), external (1) }
 * ``` */
export const CallOrigination = bitString('CallOrigination', {
  internal: 0,
  external: 1,
});
export type CallOrigination = Infer<typeof CallOrigination>;

/** ```asn1
 * ForwardingType ::= ENUMERATED
 * {	forwardImmediate (0), forwardBusy (1), forwardNoAns (2), forwardDND (9), forwardBusyInt (3),
 *	forwardBusyExt (4), forwardNoAnsInt (5), forwardNoAnsExt (6), forwardImmInt (7),
 *	forwardImmExt (8), forwardDNDInt (10), forwardDNDExt (11) }
 * ``` */
export const ForwardingType = enumerated('ForwardingType', {
  forwardImmediate: 0,
  forwardBusy: 1,
  forwardNoAns: 2,
  forwardDND: 9,
  forwardBusyInt: 3,
  forwardBusyExt: 4,
  forwardNoAnsInt: 5,
  forwardNoAnsExt: 6,
  forwardImmInt: 7,
  forwardImmExt: 8,
  forwardDNDInt: 10,
  forwardDNDExt: 11,
});
export type ForwardingType = Infer<typeof ForwardingType>;

/** ```asn1
 * ForwardDefault ::= ENUMERATED
 * {	forwardingTypeAndForwardDN (0), forwardingType (1), forwardDN (2) }
 * ``` */
export const ForwardDefault = enumerated('ForwardDefault', {
  forwardingTypeAndForwardDN: 0,
  forwardingType: 1,
  forwardDN: 2,
});
export type ForwardDefault = Infer<typeof ForwardDefault>;

/** ```asn1
 * ForwardList ::= SEQUENCE OF SEQUENCE
 * { 	forwardingType 			ForwardingType 			OPTIONAL,
 *	forwardStatus 			BOOLEAN,
 *	forwardDN 			DeviceID 			OPTIONAL,
 *	forwardDefault 			ForwardDefault 			OPTIONAL,
 *	ringDuration			[0] IMPLICIT INTEGER		OPTIONAL,
 *	ringCount 			INTEGER (1..100) 		OPTIONAL }
 * ``` */
export const ForwardList = sequenceOf(
  'ForwardList',
  sequence('ForwardList.item', {
    forwardingType: optional(ForwardingType),
    forwardStatus: BOOLEAN,
    forwardDN: optional(DeviceID),
    forwardDefault: optional(ForwardDefault),
    ringDuration: optional(implicit(0, INTEGER)),
    ringCount: optional(INTEGER),
  }),
);
export type ForwardList = Infer<typeof ForwardList>;

/** ```asn1
 * PendingAgentState ::= ENUMERATED
 * {	agentNotReady (0), agentNull (1), agentReady (2), agentWorkingAfterCall (3) }
 * ``` */
export const PendingAgentState = enumerated('PendingAgentState', {
  agentNotReady: 0,
  agentNull: 1,
  agentReady: 2,
  agentWorkingAfterCall: 3,
});
export type PendingAgentState = Infer<typeof PendingAgentState>;

/** ```asn1
 * DataPathType ::= ENUMERATED
 * {	text (0), voice (1) }
 * ``` */
export const DataPathType = enumerated('DataPathType', {
  text: 0,
  voice: 1,
});
export type DataPathType = Infer<typeof DataPathType>;

/** ```asn1
 * DisplayAttributeList ::= SEQUENCE
 * { 	physicalBaseRowNumber 		[0] IMPLICIT INTEGER OPTIONAL,
 *	physicalBaseColumnNumber 	[1] IMPLICIT INTEGER OPTIONAL,
 *	offset 				[2] IMPLICIT INTEGER OPTIONAL }
 * ``` */
export const DisplayAttributeList = sequence('DisplayAttributeList', {
  physicalBaseRowNumber: optional(implicit(0, INTEGER)),
  physicalBaseColumnNumber: optional(implicit(1, INTEGER)),
  offset: optional(implicit(2, INTEGER)),
});
export type DisplayAttributeList = Infer<typeof DisplayAttributeList>;

/** ```asn1
 * TerminatingConditions ::= BIT STRING
 * {	durationExceeded (0), dTMFDigitDetected (1), endOfMessageDetected (2), speechDetected (3) }
 * ``` */
export const TerminatingConditions = bitString('TerminatingConditions', {
  durationExceeded: 0,
  dTMFDigitDetected: 1,
  endOfMessageDetected: 2,
  speechDetected: 3,
});
export type TerminatingConditions = Infer<typeof TerminatingConditions>;

/** ```asn1
 * EncodingAlgorithm ::= ENUMERATED
 * {	aDPCM6K (0), aDPCM8K (1), muLawPCM6K (2), aLawPCM6K (3) }
 * ``` */
export const EncodingAlgorithm = enumerated('EncodingAlgorithm', {
  aDPCM6K: 0,
  aDPCM8K: 1,
  muLawPCM6K: 2,
  aLawPCM6K: 3,
});
export type EncodingAlgorithm = Infer<typeof EncodingAlgorithm>;

/** ```asn1
 * CurrentState ::= ENUMERATED
 * {	dtmfDetected (6), formed (7), play (1), playing (8), ready (9), record (2), review (5),
 *	speechDetected (10), started (11), stop (0), suspendPlay (3), suspendRecord (4) }
 * ``` */
export const CurrentState = enumerated('CurrentState', {
  dtmfDetected: 6,
  formed: 7,
  play: 1,
  playing: 8,
  ready: 9,
  record: 2,
  review: 5,
  speechDetected: 10,
  started: 11,
  stop: 0,
  suspendPlay: 3,
  suspendRecord: 4,
});
export type CurrentState = Infer<typeof CurrentState>;

/** ```asn1
 * AttributeInfo ::= CHOICE
 * { 	encodingAlgorithm 		[0] IMPLICIT EncodingAlgorithm,
 *	samplingRate 			[1] IMPLICIT INTEGER,
 *	duration 			[2] IMPLICIT INTEGER,
 *	filename 			[3] IMPLICIT IA5String,
 *	currentPosition 		[4] IMPLICIT INTEGER,
 *	currentSpeed 			[5] IMPLICIT INTEGER,
 *	currentVolume 			[6] IMPLICIT INTEGER (0 .. 100),
 *	currentGain 			[7] IMPLICIT INTEGER (0 .. 100),
 *	currentState 			[8] IMPLICIT CurrentState }
 * ``` */
export const AttributeInfo = choice('AttributeInfo', {
  encodingAlgorithm: implicit(0, EncodingAlgorithm),
  samplingRate: implicit(1, INTEGER),
  duration: implicit(2, INTEGER),
  filename: implicit(3, IA5String),
  currentPosition: implicit(4, INTEGER),
  currentSpeed: implicit(5, INTEGER),
  currentVolume: implicit(6, INTEGER),
  currentGain: implicit(7, INTEGER),
  currentState: implicit(8, CurrentState),
});
export type AttributeInfo = Infer<typeof AttributeInfo>;

/** ```asn1
 * LocReason ::= ENUMERATED
 * {	connectionToDeviceOrNetworkRestored (0), performanceConditionRelieved (1) }
 * ``` */
export const LocReason = enumerated('LocReason', {
  connectionToDeviceOrNetworkRestored: 0,
  performanceConditionRelieved: 1,
});
export type LocReason = Infer<typeof LocReason>;

/** ```asn1
 * LocCrossRefID ::= IA5String
 * ``` */
export const LocCrossRefID = IA5String;
export type LocCrossRefID = Infer<typeof LocCrossRefID>;

/** ```asn1
 * ResourceID ::= IA5String
 * ``` */
export const ResourceID = IA5String;
export type ResourceID = Infer<typeof ResourceID>;

/** ```asn1
 * MessageInfo ::= SEQUENCE
 * { 	contents			IA5String,
 *	contentTypeAndSubtype		IA5String	OPTIONAL,
 *	contentsLength			INTEGER		OPTIONAL }
 * ``` */
export const MessageInfo = sequence('MessageInfo', {
  contents: IA5String,
  contentTypeAndSubtype: optional(IA5String),
  contentsLength: optional(INTEGER),
});
export type MessageInfo = Infer<typeof MessageInfo>;

/** ```asn1
 * DeviceHistory ::= SEQUENCE
 * {	oldDeviceID			DeviceID,
 *	eventCause			[1] IMPLICIT	EventCause		OPTIONAL,
 *	oldConnectionID			[2] IMPLICIT	ConnectionID		OPTIONAL }
 * ```
 * `[2] IMPLICIT ConnectionID` replaces ConnectionID's own [APPLICATION 11] tag: the element is a
 * constructed [2] holding the CHOICE alternative directly. */
export const DeviceHistory = sequence('DeviceHistory', {
  oldDeviceID: DeviceID,
  eventCause: optional(implicit(1, EventCause)),
  oldConnectionID: optional(implicit(2, ConnectionID)),
});
export type DeviceHistory = Infer<typeof DeviceHistory>;

/** ```asn1
 * SubjectOfCall ::= IA5String
 * ``` */
export const SubjectOfCall = IA5String;
export type SubjectOfCall = Infer<typeof SubjectOfCall>;

/** ```asn1
 * LanguagePreferences ::= IA5String
 * ``` */
export const LanguagePreferences = IA5String;
export type LanguagePreferences = Infer<typeof LanguagePreferences>;

/** ```asn1
 * ControlData ::= SEQUENCE
 * { 	gender 		ENUMERATED
 *	{	male 		(0),
 *		female 		(1) },
 *	language 	OCTET STRING }
 * ``` */
export const ControlData = sequence('ControlData', {
  gender: enumerated('ControlData.gender', { male: 0, female: 1 }),
  language: OCTET_STRING,
});
export type ControlData = Infer<typeof ControlData>;

/** ```asn1
 * UserData ::= [APPLICATION 29] OCTET STRING
 * ```
 * Explicit (the module's default): a constructed [APPLICATION 29] around a universal OCTET STRING. */
export const UserData = applicationExplicit(29, OCTET_STRING, 'UserData');
export type UserData = Infer<typeof UserData>;

// TelephonyTone and PresenceState (long value lists) live in device-feature-types-tones.ts to
// keep this file short; they are re-exported here so importers use this module's name.
export { PresenceState, TelephonyTone } from './device-feature-types-tones.js';
