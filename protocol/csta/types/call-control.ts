/**
 * CSTA-call-control { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * call-control(130) }.
 *
 * SIZE constraints are documented, not enforced (a switch that overruns them is still decoded).
 */
import { BOOLEAN, IA5String, OCTET_STRING, bitString, choice, enumerated, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import {
  CallAssociatedServices,
  CallControlServices,
  MediaAttachmentServices,
  RouteingServices,
  VoiceUnitServices,
} from './application-context-information.js';
import { TimeInfo } from './security.js';

/** ```asn1
 * AutoOriginate ::= ENUMERATED
 * { 	prompt 						( 0),
 *	doNotPrompt 					( 1) }
 * ``` */
export const AutoOriginate = enumerated('AutoOriginate', { prompt: 0, doNotPrompt: 1 });
export type AutoOriginate = Infer<typeof AutoOriginate>;

/** ```asn1
 * CallCharacteristics ::= BIT STRING
 * { 	acdCall (0), lowPriorityCall (11), priorityCall (1), highPriorityCall (12),
 *	maintainanceCall (2), directAgent (3), assistCall (4), voiceUnitCall (5), privateCall (6),
 *	personalCall (7), sensitiveCall (8), confidentialCall (9), encryptedCall (10) }
 * ``` */
export const CallCharacteristics = bitString('CallCharacteristics', {
  acdCall: 0,
  lowPriorityCall: 11,
  priorityCall: 1,
  highPriorityCall: 12,
  maintainanceCall: 2,
  directAgent: 3,
  assistCall: 4,
  voiceUnitCall: 5,
  privateCall: 6,
  personalCall: 7,
  sensitiveCall: 8,
  confidentialCall: 9,
  encryptedCall: 10,
});
export type CallCharacteristics = Infer<typeof CallCharacteristics>;

/** ```asn1
 * CallQualifyingData ::= OCTET STRING
 * ``` */
export const CallQualifyingData = OCTET_STRING;
export type CallQualifyingData = Infer<typeof CallQualifyingData>;

/** ```asn1
 * ConsultOptions ::= ENUMERATED
 * { 	unrestricted (0), consultOnly (1), transferOnly (2), conferenceOnly (3) }
 * ``` */
export const ConsultOptions = enumerated('ConsultOptions', { unrestricted: 0, consultOnly: 1, transferOnly: 2, conferenceOnly: 3 });
export type ConsultOptions = Infer<typeof ConsultOptions>;

/** ```asn1
 * NetworkCapability ::= SEQUENCE
 * { 	networkType ENUMERATED
 *	{ 	iSDNPublic (0), nonISDNPublic (1), iSDNPrivate (2), nonISDNPrivate (3), other (4) },
 *	eventsProvided BIT STRING
 *	{ 	bridged (0), allCleared (1), conferenced (2), connectionCleared (3), delivered (4),
 *		digitsDialed (5), diverted (6), established (7), failed (8), held (9),
 *		networkCapabilitiesChange (10), networkReached (11), offered (12), originated (13),
 *		queued (14), retrieved (15), serviceInitiated (16), transferred (17) } OPTIONAL }
 * ``` */
export const NetworkCapability = sequence('NetworkCapability', {
  networkType: enumerated('NetworkCapability.networkType', { iSDNPublic: 0, nonISDNPublic: 1, iSDNPrivate: 2, nonISDNPrivate: 3, other: 4 }),
  eventsProvided: optional(
    bitString('NetworkCapability.eventsProvided', {
      bridged: 0,
      allCleared: 1,
      conferenced: 2,
      connectionCleared: 3,
      delivered: 4,
      digitsDialed: 5,
      diverted: 6,
      established: 7,
      failed: 8,
      held: 9,
      networkCapabilitiesChange: 10,
      networkReached: 11,
      offered: 12,
      originated: 13,
      queued: 14,
      retrieved: 15,
      serviceInitiated: 16,
      transferred: 17,
    }),
  ),
});
export type NetworkCapability = Infer<typeof NetworkCapability>;

/** ```asn1
 * ProgressIndicator ::= SEQUENCE
 * { 	progressLocation ENUMERATED
 *	{ 	user (0), privateNetServingLocal (1), publicNetServingLocal (2), transitNetwork (3),
 *		publicNetServingRemote (4), privateNetServingRemote (5), localInterface (6),
 *		internationalNetwork (7), networkBeyondInterwk (8), other (9) },
 *	progressDescription ENUMERATED
 *	{ 	iSDNProgressDesc (0), qSIGProgressDesc (1), other (2) } }
 * ``` */
export const ProgressIndicator = sequence('ProgressIndicator', {
  progressLocation: enumerated('ProgressIndicator.progressLocation', {
    user: 0,
    privateNetServingLocal: 1,
    publicNetServingLocal: 2,
    transitNetwork: 3,
    publicNetServingRemote: 4,
    privateNetServingRemote: 5,
    localInterface: 6,
    internationalNetwork: 7,
    networkBeyondInterwk: 8,
    other: 9,
  }),
  progressDescription: enumerated('ProgressIndicator.progressDescription', { iSDNProgressDesc: 0, qSIGProgressDesc: 1, other: 2 }),
});
export type ProgressIndicator = Infer<typeof ProgressIndicator>;

/** ```asn1
 * ServicesPermitted ::= SEQUENCE
 * { 	callControlServices 				CallControlServices,
 *	callAssociatedServices 				CallAssociatedServices,
 *	mediaAttachmentServices 			MediaAttachmentServices,
 *	routeingServices 				RouteingServices,
 *	voiceUnitServices 				VoiceUnitServices }
 * ```
 * Five untagged BIT STRINGs in a row: all mandatory, so they are told apart by position. */
export const ServicesPermitted = sequence('ServicesPermitted', {
  callControlServices: CallControlServices,
  callAssociatedServices: CallAssociatedServices,
  mediaAttachmentServices: MediaAttachmentServices,
  routeingServices: RouteingServices,
  voiceUnitServices: VoiceUnitServices,
});
export type ServicesPermitted = Infer<typeof ServicesPermitted>;

/** ```asn1
 * GlobalCallLinkageID ::= CHOICE
 * {	subDomainCallLinkageID 				[0] IMPLICIT OCTET STRING (SIZE(1..8)),
 *	globallyUniqueCallLinkageID 			[1] IMPLICIT OCTET STRING (SIZE(1..16)) }
 * ``` */
export const GlobalCallLinkageID = choice('GlobalCallLinkageID', {
  subDomainCallLinkageID: implicit(0, OCTET_STRING),
  globallyUniqueCallLinkageID: implicit(1, OCTET_STRING),
});
export type GlobalCallLinkageID = Infer<typeof GlobalCallLinkageID>;

/** ```asn1
 * GlobalCallData ::= SEQUENCE
 * {	globalCallSwitchingSubDomainName		IA5String (SIZE(1..64))		OPTIONAL,
 *	globalCallLinkageID				GlobalCallLinkageID,
 *	callLinkageIDTimestamp				TimeInfo			OPTIONAL }
 * ``` */
export const GlobalCallData = sequence('GlobalCallData', {
  globalCallSwitchingSubDomainName: optional(IA5String),
  globalCallLinkageID: GlobalCallLinkageID,
  callLinkageIDTimestamp: optional(TimeInfo),
});
export type GlobalCallData = Infer<typeof GlobalCallData>;

/** ```asn1
 * ThreadLinkageID ::= CHOICE
 * { 	subDomainThreadID 				[0] IMPLICIT OCTET STRING (SIZE(1..8)),
 *	globallyUniqueThreadID 				[1] IMPLICIT OCTET STRING (SIZE(1..16)) }
 * ``` */
export const ThreadLinkageID = choice('ThreadLinkageID', {
  subDomainThreadID: implicit(0, OCTET_STRING),
  globallyUniqueThreadID: implicit(1, OCTET_STRING),
});
export type ThreadLinkageID = Infer<typeof ThreadLinkageID>;

/** ```asn1
 * ThreadData ::= SEQUENCE
 * { 	threadSwitchingSubDomainName 			IA5String (SIZE(1..64)) 	OPTIONAL,
 *	threadLinkageID 				ThreadLinkageID,
 *	threadIDTimeStamp 				TimeInfo 			OPTIONAL }
 * ``` */
export const ThreadData = sequence('ThreadData', {
  threadSwitchingSubDomainName: optional(IA5String),
  threadLinkageID: ThreadLinkageID,
  threadIDTimeStamp: optional(TimeInfo),
});
export type ThreadData = Infer<typeof ThreadData>;

/** ```asn1
 * CallLinkageData ::= SEQUENCE
 * { 	globalCallData 					GlobalCallData,
 *	threadData 					ThreadData                  	OPTIONAL }
 * ``` */
export const CallLinkageData = sequence('CallLinkageData', {
  globalCallData: GlobalCallData,
  threadData: optional(ThreadData),
});
export type CallLinkageData = Infer<typeof CallLinkageData>;

/** ```asn1
 * CallLinkageDataList ::= SEQUENCE
 * { 	newCallLinkageData 				CallLinkageData,
 *	oldCallLinkageData 				CallLinkageData }
 * ``` */
export const CallLinkageDataList = sequence('CallLinkageDataList', {
  newCallLinkageData: CallLinkageData,
  oldCallLinkageData: CallLinkageData,
});
export type CallLinkageDataList = Infer<typeof CallLinkageDataList>;

/** ```asn1
 * Method ::= ENUMERATED -- http://www.iana.org/assignments/method-tokens/method-tokens.xhtml
 * {	a-GPS (0), aOA (1), cell (2), derived (3), deviceAssistedAGps (4), deviceBasedAGps (5), dHCP (6),
 *	gPS (7), handsetAflt (8), handsetEflt (9), hybridAGps (10), ipdl (11), lldpMed (12), manual (13),
 *	mpl (14), nmr (15), otdoa (16), rfid (17), rssi (18), rssiRtt (19), rtt (20), ta (21), taNmr (22),
 *	triangulation (23), utdoa (24), wiremap (25), locMet80211 (26) }
 * ``` */
export const Method = enumerated('Method', {
  'a-GPS': 0,
  aOA: 1,
  cell: 2,
  derived: 3,
  deviceAssistedAGps: 4,
  deviceBasedAGps: 5,
  dHCP: 6,
  gPS: 7,
  handsetAflt: 8,
  handsetEflt: 9,
  hybridAGps: 10,
  ipdl: 11,
  lldpMed: 12,
  manual: 13,
  mpl: 14,
  nmr: 15,
  otdoa: 16,
  rfid: 17,
  rssi: 18,
  rssiRtt: 19,
  rtt: 20,
  ta: 21,
  taNmr: 22,
  triangulation: 23,
  utdoa: 24,
  wiremap: 25,
  locMet80211: 26,
});
export type Method = Infer<typeof Method>;

/** ```asn1
 * NenaCompanyIDType ::= IA5String	        -- NenaCompanyIds at http://www.nena.org/nena-company-id
 * ``` */
export const NenaCompanyIDType = IA5String;
export type NenaCompanyIDType = Infer<typeof NenaCompanyIDType>;

/** ```asn1
 * TelUri247Type ::= IA5String		-- must be a RFC-3966 conform Tel URI
 * ``` */
export const TelUri247Type = IA5String;
export type TelUri247Type = Infer<typeof TelUri247Type>;

/** ```asn1
 * ProvidedBy ::=	SEQUENCE                -- This DataType contains information about the organization
 * {					-- which provided the allocated location data
 *	dataproviderID	NenaCompanyIDType,
 *	telUri		TelUri247Type,			-- Standard Telephone URI,
 *	uRL		IA5String }			-- must be a emergency number, avalaible 24/7
 * ```
 * Three untagged IA5Strings, all mandatory: told apart by position. */
export const ProvidedBy = sequence('ProvidedBy', {
  dataproviderID: NenaCompanyIDType,
  telUri: TelUri247Type,
  uRL: IA5String,
});
export type ProvidedBy = Infer<typeof ProvidedBy>;

/** ```asn1
 * UsageRules ::= SEQUENCE
 * {	retransmissionAllowed		BOOLEAN,
 *	retentionExpires		TimeInfo,	-- TimeInfo Already defined in CSTA-security
 *	rulesetReference		IA5String,	-- rulesetReference must be a URI
 *	noteWell			IA5String	OPTIONAL }
 * ``` */
export const UsageRules = sequence('UsageRules', {
  retransmissionAllowed: BOOLEAN,
  retentionExpires: TimeInfo,
  rulesetReference: IA5String,
  noteWell: optional(IA5String),
});
export type UsageRules = Infer<typeof UsageRules>;

/** ```asn1
 * GpLocationInfo ::= SEQUENCE
 * {	civicLocGml	SEQUENCE
 *	{	gmlFormat OCTET STRING,	-- must conform xsd schemas of GML 3.0
 *		civicLoc SEQUENCE
 *		{	country	IA5String (SIZE(0..2)),		-- must conform the ISO 3166 country code
 *			a1	[ 0] IMPLICIT IA5String	OPTIONAL,	-- NationalSubdivisions
 *			a2	[ 1] IMPLICIT IA5String	OPTIONAL,	-- CountryOrParishOrDistrict
 *			a3	[ 2] IMPLICIT IA5String	OPTIONAL,	-- City
 *			a4	[ 3] IMPLICIT IA5String	OPTIONAL,	-- CityDivision
 *			a5	[ 4] IMPLICIT IA5String	OPTIONAL,	-- NeighborhoodOrBlock
 *			a6	[ 5] IMPLICIT IA5String	OPTIONAL,	-- Street
 *			prd	[ 6] IMPLICIT IA5String	OPTIONAL,	-- LeadingStreetDirection
 *			pod	[ 7] IMPLICIT IA5String	OPTIONAL,	-- TrailingStreetSuffix
 *			sts	[ 8] IMPLICIT IA5String	OPTIONAL,	-- StreetSuffix
 *			hno	[ 9] IMPLICIT IA5String	OPTIONAL,	-- HouseNumber
 *			hns	[10] IMPLICIT IA5String	OPTIONAL,	-- HouseNumberSuffix
 *			lmk	[11] IMPLICIT IA5String	OPTIONAL,	-- LandmarkVanity
 *			loc	[12] IMPLICIT IA5String	OPTIONAL,	-- AdditionalLocationInformation
 *			flr	[13] IMPLICIT IA5String	OPTIONAL,	-- Floor
 *			nam	[14] IMPLICIT IA5String	OPTIONAL,	-- ResidenceOrOfficeName
 *			pc	[15] IMPLICIT IA5String	OPTIONAL } OPTIONAL	-- PostalCode
 *	}
 * }
 * ``` */
export const GpLocationInfo = sequence('GpLocationInfo', {
  civicLocGml: sequence('GpLocationInfo.civicLocGml', {
    gmlFormat: OCTET_STRING,
    civicLoc: optional(
      sequence('GpLocationInfo.civicLocGml.civicLoc', {
        country: IA5String,
        a1: optional(implicit(0, IA5String)),
        a2: optional(implicit(1, IA5String)),
        a3: optional(implicit(2, IA5String)),
        a4: optional(implicit(3, IA5String)),
        a5: optional(implicit(4, IA5String)),
        a6: optional(implicit(5, IA5String)),
        prd: optional(implicit(6, IA5String)),
        pod: optional(implicit(7, IA5String)),
        sts: optional(implicit(8, IA5String)),
        hno: optional(implicit(9, IA5String)),
        hns: optional(implicit(10, IA5String)),
        lmk: optional(implicit(11, IA5String)),
        loc: optional(implicit(12, IA5String)),
        flr: optional(implicit(13, IA5String)),
        nam: optional(implicit(14, IA5String)),
        pc: optional(implicit(15, IA5String)),
      }),
    ),
  }),
});
export type GpLocationInfo = Infer<typeof GpLocationInfo>;

/** ```asn1
 * GpLocationInfoList ::= SEQUENCE OF GpLocationInfo
 * ``` */
export const GpLocationInfoList = sequenceOf('GpLocationInfoList', GpLocationInfo);
export type GpLocationInfoList = Infer<typeof GpLocationInfoList>;

/** ```asn1
 * --GeoPriv has been defined, regarding the ECMA-269 respective Definition of LocationInfo
 * GeoPriv ::= SEQUENCE									-- Conforming RFC 4119
 * {	gpLocationInfo			GpLocationInfoList,
 *	usageRules			[0] IMPLICIT UsageRules				OPTIONAL,
 *	method				[1] IMPLICIT Method				OPTIONAL,
 *	providedBy			[2] IMPLICIT ProvidedBy 			OPTIONAL }
 * ``` */
export const GeoPriv = sequence('GeoPriv', {
  gpLocationInfo: GpLocationInfoList,
  usageRules: optional(implicit(0, UsageRules)),
  method: optional(implicit(1, Method)),
  providedBy: optional(implicit(2, ProvidedBy)),
});
export type GeoPriv = Infer<typeof GeoPriv>;

/** ```asn1
 * LocationInfo ::= SEQUENCE OF GeoPriv
 * ``` */
export const LocationInfo = sequenceOf('LocationInfo', GeoPriv);
export type LocationInfo = Infer<typeof LocationInfo>;

/** ```asn1
 * LocationInfoList ::= SEQUENCE OF LocationInfo
 * ``` */
export const LocationInfoList = sequenceOf('LocationInfoList', LocationInfo);
export type LocationInfoList = Infer<typeof LocationInfoList>;
