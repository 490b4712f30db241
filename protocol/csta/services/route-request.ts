/**
 * CSTA-route-request { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * route-request(81) } (ECMA-285). Invoked by the switching function on the routeing server.
 */
import { BOOLEAN, INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import {
  AssociatedCalledDeviceID,
  AssociatedCallingDeviceID,
  CalledDeviceID,
  CallingDeviceID,
  SubjectDeviceID,
} from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';
import {
  CorrelatorData,
  DeviceHistory,
  LanguagePreferences,
  MessageInfo,
  RouteRegisterReqID,
  RouteingCrossRefID,
  SelectValue,
  SubjectOfCall,
} from '../types/device-feature-types.js';
import { CallCharacteristics, CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * RouteRequestArgument ::= SEQUENCE
 * {	crossRefIdentifier 		RouteingCrossRefID,
 *	routeRegisterReqID		[ 0] IMPLICIT RouteRegisterReqID	OPTIONAL,
 *	currentRoute 			CalledDeviceID,
 *	callingDevice 			CallingDeviceID				OPTIONAL,
 *	routeingDevice 			SubjectDeviceID				OPTIONAL,
 *	routedCall 			ConnectionID				OPTIONAL,
 *	routeSelAlgorithm		[ 1] IMPLICIT SelectValue 		OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID		OPTIONAL,
 *	priority 			[ 2] IMPLICIT BOOLEAN			OPTIONAL,
 *	replyTimeout			[ 3] IMPLICIT INTEGER			OPTIONAL,
 *	correlatorData			[ 4] IMPLICIT CorrelatorData		OPTIONAL,
 *	mediaCallCharacteristics	[ 5] IMPLICIT MediaCallCharacteristics	OPTIONAL,
 *	callCharacteristics		[ 6] IMPLICIT CallCharacteristics	OPTIONAL,
 *	routeCallInfo			[ 7] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageData			[ 8] IMPLICIT CallLinkageData		OPTIONAL,
 *	subjectOfCall			[ 9] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[10] IMPLICIT MessageInfo		OPTIONAL,
 *	languagePreferences		[11] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[12] IMPLICIT DeviceHistory		OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRequestArgument = sequence('RouteRequestArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  currentRoute: CalledDeviceID,
  callingDevice: optional(CallingDeviceID),
  routeingDevice: optional(SubjectDeviceID),
  routedCall: optional(ConnectionID),
  routeSelAlgorithm: optional(implicit(1, SelectValue)),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  priority: optional(implicit(2, BOOLEAN)),
  replyTimeout: optional(implicit(3, INTEGER)),
  correlatorData: optional(implicit(4, CorrelatorData)),
  mediaCallCharacteristics: optional(implicit(5, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(6, CallCharacteristics)),
  routeCallInfo: optional(implicit(7, ConnectionInformation)),
  callLinkageData: optional(implicit(8, CallLinkageData)),
  subjectOfCall: optional(implicit(9, SubjectOfCall)),
  messageInfo: optional(implicit(10, MessageInfo)),
  languagePreferences: optional(implicit(11, LanguagePreferences)),
  deviceHistory: optional(implicit(12, DeviceHistory)),
  extensions: optional(CSTACommonArguments),
});
export type RouteRequestArgument = Infer<typeof RouteRequestArgument>;

/** ```asn1
 * routeRequest OPERATION ::=
 * { 	ARGUMENT   		RouteRequestArgument
 *	ERRORS	 		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 31 }
 * ``` */
export const routeRequest = defineOperation({ name: 'routeRequest', code: 31, argument: RouteRequestArgument });
