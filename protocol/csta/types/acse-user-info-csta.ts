/**
 * CSTA-application-context-information-csta3 { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) application-context-information(200) }
 * (ECMA-285 text: acse_user_info_csta.asn1).
 *
 * The ACSE user information of a CSTA association (carried in the AARQ/AARE user-information
 * EXTERNAL): version negotiation and the CSTA Phase II functional-unit bit maps. The service and
 * event bit maps of the same module are in `application-context-information.ts`.
 *
 * DEFAULT {} components are modelled as OPTIONAL: absent on the wire means absent in the value
 * (the default, no bit set), so a decoded frame re-encodes to the same bytes.
 */
import { INTEGER, bitString, choice, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * SwitchingFunctionServicesC2 ::= BIT STRING
 * {	alternateCall (0), answerCall (1), associateData (2), callCompletion (3), clearCall (4),
 *	clearConnection (5), conferenceCall (6), consultationCall (7), divertCall (8), holdCall (9),
 *	makeCall (10), makePredictiveCall (11), parkCall (12), queryDevice (13), reconnectCall (14),
 *	retrieveCall (15), sendDTMFTones (16), setFeature (17), singleStepConference (18),
 *	singleStepTransfer (19), transferCall (20) }
 * ``` */
export const SwitchingFunctionServicesC2 = bitString('SwitchingFunctionServicesC2', {
  alternateCall: 0,
  answerCall: 1,
  associateData: 2,
  callCompletion: 3,
  clearCall: 4,
  clearConnection: 5,
  conferenceCall: 6,
  consultationCall: 7,
  divertCall: 8,
  holdCall: 9,
  makeCall: 10,
  makePredictiveCall: 11,
  parkCall: 12,
  queryDevice: 13,
  reconnectCall: 14,
  retrieveCall: 15,
  sendDTMFTones: 16,
  setFeature: 17,
  singleStepConference: 18,
  singleStepTransfer: 19,
  transferCall: 20,
});
export type SwitchingFunctionServicesC2 = Infer<typeof SwitchingFunctionServicesC2>;

/** ```asn1
 * EventReportServicesC2 ::= BIT STRING
 * {	callCleared (0), conferenced (1), connectionCleared (2), delivered (3), diverted (4),
 *	established (5), failed (6), held (7), networkReached (8), originated (9), queued (10),
 *	retrieved (11), serviceInitiated (12), transferred (13), autoAnswer (14), callInformation (15),
 *	doNotDisturb (16), forwarding (17), messageWaiting (18), microphoneMute (19), speakerMute (20),
 *	speakerVolume (21), agentBusy (22), loggedOn (23), loggedOff (24), notReady (25), ready (26),
 *	workingAfterCall (27), backInService (28), outOfServiceEvent (29), privateEvent (30),
 *	playEvent (31), recordEvent (32), reviewEvent (33), stopEvent (34), suspendPlayEvent (35),
 *	suspendRecordEvent (36), voiceAttributesChangeEvent (37) }
 * ``` */
export const EventReportServicesC2 = bitString('EventReportServicesC2', {
  callCleared: 0,
  conferenced: 1,
  connectionCleared: 2,
  delivered: 3,
  diverted: 4,
  established: 5,
  failed: 6,
  held: 7,
  networkReached: 8,
  originated: 9,
  queued: 10,
  retrieved: 11,
  serviceInitiated: 12,
  transferred: 13,
  autoAnswer: 14,
  callInformation: 15,
  doNotDisturb: 16,
  forwarding: 17,
  messageWaiting: 18,
  microphoneMute: 19,
  speakerMute: 20,
  speakerVolume: 21,
  agentBusy: 22,
  loggedOn: 23,
  loggedOff: 24,
  notReady: 25,
  ready: 26,
  workingAfterCall: 27,
  backInService: 28,
  outOfServiceEvent: 29,
  privateEvent: 30,
  playEvent: 31,
  recordEvent: 32,
  reviewEvent: 33,
  stopEvent: 34,
  suspendPlayEvent: 35,
  suspendRecordEvent: 36,
  voiceAttributesChangeEvent: 37,
});
export type EventReportServicesC2 = Infer<typeof EventReportServicesC2>;

/** ```asn1
 * ComputingFunctionServicesC2 ::= BIT STRING
 * {	routeRequest (0), reRouteRequest (1), routeSelectRequest (2), routeUsedRequest (3),
 *	routeEndRequest (4) }
 * ``` */
export const ComputingFunctionServicesC2 = bitString('ComputingFunctionServicesC2', {
  routeRequest: 0,
  reRouteRequest: 1,
  routeSelectRequest: 2,
  routeUsedRequest: 3,
  routeEndRequest: 4,
});
export type ComputingFunctionServicesC2 = Infer<typeof ComputingFunctionServicesC2>;

/** ```asn1
 * BidirectionalServicesC2 ::= BIT STRING
 * {	escapeService (0), systemStatus (1) }
 * ``` */
export const BidirectionalServicesC2 = bitString('BidirectionalServicesC2', {
  escapeService: 0,
  systemStatus: 1,
});
export type BidirectionalServicesC2 = Infer<typeof BidirectionalServicesC2>;

/** ```asn1
 * StatusReportingServicesC2 ::= BIT STRING
 * {	monitorStart (0), changeMonitorFilter (1), monitorStop (2), snapshotDevice (3),
 *	snapshotCall (4) }
 * ``` */
export const StatusReportingServicesC2 = bitString('StatusReportingServicesC2', {
  monitorStart: 0,
  changeMonitorFilter: 1,
  monitorStop: 2,
  snapshotDevice: 3,
  snapshotCall: 4,
});
export type StatusReportingServicesC2 = Infer<typeof StatusReportingServicesC2>;

/** ```asn1
 * InputOutputServicesC2 ::= BIT STRING
 * {	startDataPathService (0), stopDataPathService (1), sendDataService (2),
 *	sendMulticastDataService (3), sendBroadcastDataService (4), suspendDataPathService (5),
 *	dataPathSuspendedService (6), resumeDataPath (7), dataPathResumedService (8), fastData (9) }
 * ``` */
export const InputOutputServicesC2 = bitString('InputOutputServicesC2', {
  startDataPathService: 0,
  stopDataPathService: 1,
  sendDataService: 2,
  sendMulticastDataService: 3,
  sendBroadcastDataService: 4,
  suspendDataPathService: 5,
  dataPathSuspendedService: 6,
  resumeDataPath: 7,
  dataPathResumedService: 8,
  fastData: 9,
});
export type InputOutputServicesC2 = Infer<typeof InputOutputServicesC2>;

/** ```asn1
 * VoiceUnitServicesC2 ::= BIT STRING
 * {	concatenateMessage (0), deleteMessage (1), playMessage (2), queryVoiceAttribute (3),
 *	recordMessage (4), reposition (5), resume (6), review (7), setVoiceAttribute (8), stop (9),
 *	suspend (10), synthesizeMessage (11) }
 * ``` */
export const VoiceUnitServicesC2 = bitString('VoiceUnitServicesC2', {
  concatenateMessage: 0,
  deleteMessage: 1,
  playMessage: 2,
  queryVoiceAttribute: 3,
  recordMessage: 4,
  reposition: 5,
  resume: 6,
  review: 7,
  setVoiceAttribute: 8,
  stop: 9,
  suspend: 10,
  synthesizeMessage: 11,
});
export type VoiceUnitServicesC2 = Infer<typeof VoiceUnitServicesC2>;

/** ```asn1
 * CSTAFunctionality ::= SEQUENCE
 *	{switchingFunctionServices	[0] IMPLICIT SwitchingFunctionServicesC2	DEFAULT {},
 *	 eventReportServices		[1] IMPLICIT EventReportServicesC2		DEFAULT {},
 *	 computingFunctionServices	[2] IMPLICIT ComputingFunctionServicesC2	DEFAULT {},
 *	 bidirectionalServices		[3] IMPLICIT BidirectionalServicesC2		DEFAULT {},
 *	 statusReportingServices	[4] IMPLICIT StatusReportingServicesC2		DEFAULT {},
 *	 inputOutputServices		[5] IMPLICIT InputOutputServicesC2		DEFAULT {},
 *	 voiceUnitServices		[6] IMPLICIT VoiceUnitServicesC2		DEFAULT {} }
 * ``` */
export const CSTAFunctionality = sequence('CSTAFunctionality', {
  switchingFunctionServices: optional(implicit(0, SwitchingFunctionServicesC2)),
  eventReportServices: optional(implicit(1, EventReportServicesC2)),
  computingFunctionServices: optional(implicit(2, ComputingFunctionServicesC2)),
  bidirectionalServices: optional(implicit(3, BidirectionalServicesC2)),
  statusReportingServices: optional(implicit(4, StatusReportingServicesC2)),
  inputOutputServices: optional(implicit(5, InputOutputServicesC2)),
  voiceUnitServices: optional(implicit(6, VoiceUnitServicesC2)),
});
export type CSTAFunctionality = Infer<typeof CSTAFunctionality>;

/** ```asn1
 * CSTAVersion	::=  BIT STRING
 * {	versionOne		( 0),  -- ECMA-180
 *	versionTwo		( 1),  -- ECMA-218
 *	versionThree		( 2),  -- ECMA-285, 1st Edition
 *	versionFour		( 3),  -- ISO/IEC 18052
 *	versionFive		( 4),  -- ECMA-285, 2nd Edition
 *	versionSix		( 5),  -- ECMA-323
 *	versionSeven		( 6),  -- ECMA-323, 2nd Edition
 *	versionEight		( 7),  -- ECMA-323, 3rd Edition
 *	versionNine		( 8),  -- ECMA-323, 4th Edition, Tag option
 *	versionTen		( 9),  -- ECMA-323, 4th Edition, short Tag option
 *	versionEleven		(10),  -- ECMA-323, 4th Edition, dynamic transformation option
 *	versionTwelve		(11),  -- ECMA-323, 5th Edition, Tag option
 *	versionThirteen		(12),  -- ECMA-323, 5th Edition, short Tag option
 *	versionFourteen		(13),  -- ECMA-323, 5th Edition, dynamic transformation option
 *	versionFifteen		(14),  -- ECMA-285, 3rd Edition
 *	versionSixteen		(15),  -- ECMA-323, 6th Edition, Tag option
 *	versionSeventeen	(16),  -- ECMA-323, 6th Edition, short Tag option
 *	versionEighteen		(17),  -- ECMA-323, 6th Edition, dynamic transformation option
 *	versionNineteen		(18),  -- ECMA-285, 4th Edition
 *	versionTwenty		(19),  -- Reserved for future use
 *	versionTwentyone	(20),  -- Reserved for future use
 *	versionTwentytwo	(21),  -- Reserved for future use
 *	versionTwentythree	(22),  -- Reserved for future use
 *	versionTwentyfour	(23) } -- Reserved for future use
 * ``` */
export const CSTAVersion = bitString('CSTAVersion', {
  versionOne: 0,
  versionTwo: 1,
  versionThree: 2,
  versionFour: 3,
  versionFive: 4,
  versionSix: 5,
  versionSeven: 6,
  versionEight: 7,
  versionNine: 8,
  versionTen: 9,
  versionEleven: 10,
  versionTwelve: 11,
  versionThirteen: 12,
  versionFourteen: 13,
  versionFifteen: 14,
  versionSixteen: 15,
  versionSeventeen: 16,
  versionEighteen: 17,
  versionNineteen: 18,
  versionTwenty: 19,
  versionTwentyone: 20,
  versionTwentytwo: 21,
  versionTwentythree: 22,
  versionTwentyfour: 23,
});
export type CSTAVersion = Infer<typeof CSTAVersion>;

/** ```asn1
 * CSTAPrivateDataVersionList	::=  SEQUENCE OF INTEGER
 * ``` */
export const CSTAPrivateDataVersionList = sequenceOf('CSTAPrivateDataVersionList', INTEGER);
export type CSTAPrivateDataVersionList = Infer<typeof CSTAPrivateDataVersionList>;

/** ```asn1
 * OldACSEUserInformationForCSTA ::= SEQUENCE
 * {	cSTAVersion 				CSTAVersion,
 *	cSTAFunctionsRequiredByApplication	CSTAFunctionality,
 *	cSTAFunctionsThatCanBeSupplied		CSTAFunctionality }
 * ``` */
export const OldACSEUserInformationForCSTA = sequence('OldACSEUserInformationForCSTA', {
  cSTAVersion: CSTAVersion,
  cSTAFunctionsRequiredByApplication: CSTAFunctionality,
  cSTAFunctionsThatCanBeSupplied: CSTAFunctionality,
});
export type OldACSEUserInformationForCSTA = Infer<typeof OldACSEUserInformationForCSTA>;

/** ```asn1
 * NewACSEUserInformationForCSTA ::= SEQUENCE
 * { 	cSTAVersion 				CSTAVersion,
 *	-- Note that the following two parameters are defined in ECMA-218 (CSTA Phase II).
 *	-- They are defined in the context of CSTA Phase II Services and Events for
 *	-- backward compatibility considerations.
 *	-- For CSTA Phase III (and later), implementations should use CSTA Capability Exchange Services
 *	-- to determine the Services and Events supported by a switching function.
 *	cSTAFunctionsRequiredByApplication	[0] IMPLICIT CSTAFunctionality		OPTIONAL,
 *	cSTAFunctionsThatCanBeSupplied	        [1] IMPLICIT CSTAFunctionality		OPTIONAL,
 *	cSTAPrivateDataVersionList	        [2] IMPLICIT CSTAPrivateDataVersionList	OPTIONAL }
 * ``` */
export const NewACSEUserInformationForCSTA = sequence('NewACSEUserInformationForCSTA', {
  cSTAVersion: CSTAVersion,
  cSTAFunctionsRequiredByApplication: optional(implicit(0, CSTAFunctionality)),
  cSTAFunctionsThatCanBeSupplied: optional(implicit(1, CSTAFunctionality)),
  cSTAPrivateDataVersionList: optional(implicit(2, CSTAPrivateDataVersionList)),
});
export type NewACSEUserInformationForCSTA = Infer<typeof NewACSEUserInformationForCSTA>;

/** ```asn1
 * ACSEUserInformationForCSTA ::= CHOICE
 * {	oldDefinition 				OldACSEUserInformationForCSTA,
 *	newDefinition 		[0] IMPLICIT	NewACSEUserInformationForCSTA }
 * ```
 * The value carried (as `single-ASN1-type`) in the EXTERNAL of the AARQ/AARE user-information.
 * The alternatives differ by tag: a universal SEQUENCE (old) or a constructed [0] (new). */
export const ACSEUserInformationForCSTA = choice('ACSEUserInformationForCSTA', {
  oldDefinition: OldACSEUserInformationForCSTA,
  newDefinition: implicit(0, NewACSEUserInformationForCSTA),
});
export type ACSEUserInformationForCSTA = Infer<typeof ACSEUserInformationForCSTA>;
