/**
 * CSTA-established-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * established-event(27) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, MessageInfo, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import {
  AssociatedCalledDeviceID,
  AssociatedCallingDeviceID,
  CalledDeviceID,
  CallingDeviceID,
  NetworkCalledDeviceID,
  NetworkCallingDeviceID,
  RedirectionDeviceID,
  SubjectDeviceID,
} from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * EstablishedEvent ::= SEQUENCE
 * { 	establishedConnection 		ConnectionID,
 *	answeringDevice 		SubjectDeviceID,
 *	callingDevice 			CallingDeviceID,
 *	calledDevice 			CalledDeviceID,
 *	lastRedirectionDevice 		RedirectionDeviceID,
 *	originatingNIDConnection 	ConnectionID 				OPTIONAL,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[ 1] IMPLICIT 	CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[ 2] IMPLICIT 	ServicesPermitted 	OPTIONAL,
 *	networkCallingDevice 		NetworkCallingDeviceID 			OPTIONAL,
 *	networkCalledDevice 		NetworkCalledDeviceID 			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID 		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID 		OPTIONAL,
 *	mediaCallCharacteristics 	[ 3] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[ 4] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	establishedConnectionInfo 	[ 5] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageData 		[ 6] IMPLICIT CallLinkageData 		OPTIONAL,
 *	subjectOfCall			[ 7] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[ 8] IMPLICIT MessageInfo		OPTIONAL,
 *	languagePreferences		[ 9] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[10] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[11] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const EstablishedEvent = sequence('EstablishedEvent', {
  establishedConnection: ConnectionID,
  answeringDevice: SubjectDeviceID,
  callingDevice: CallingDeviceID,
  calledDevice: CalledDeviceID,
  lastRedirectionDevice: RedirectionDeviceID,
  originatingNIDConnection: optional(ConnectionID),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(1, CorrelatorData)),
  userData: optional(UserData),
  cause: EventCause,
  servicesPermitted: optional(implicit(2, ServicesPermitted)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  mediaCallCharacteristics: optional(implicit(3, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(4, CallCharacteristics)),
  establishedConnectionInfo: optional(implicit(5, ConnectionInformation)),
  callLinkageData: optional(implicit(6, CallLinkageData)),
  subjectOfCall: optional(implicit(7, SubjectOfCall)),
  messageInfo: optional(implicit(8, MessageInfo)),
  languagePreferences: optional(implicit(9, LanguagePreferences)),
  deviceHistory: optional(implicit(10, DeviceHistory)),
  locationInfo: optional(implicit(11, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type EstablishedEvent = Infer<typeof EstablishedEvent>;
