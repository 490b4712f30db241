/**
 * CSTA-diverted-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * diverted-event(26) } (ECMA-285).
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
 * DivertedEvent ::= SEQUENCE
 * { 	connection 			ConnectionID,
 *	divertingDevice 		SubjectDeviceID,
 *	newDestination 			SubjectDeviceID,
 *	callingDevice 			CallingDeviceID 			OPTIONAL,
 *	calledDevice 			CalledDeviceID 				OPTIONAL,
 *	lastRedirectionDevice 		RedirectionDeviceID,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[ 0] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[ 1] IMPLICIT ServicesPermitted 	OPTIONAL,
 *	mediaCallCharacteristics	[ 2] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[ 3] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	connectionInfo 			[ 4] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	networkCallingDevice 		NetworkCallingDeviceID 			OPTIONAL,
 *	networkCalledDevice 		NetworkCalledDeviceID 			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID 		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID 		OPTIONAL,
 *	callLinkageData 		[ 5] IMPLICIT CallLinkageData 		OPTIONAL,
 *	subjectOfCall			[ 6] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[ 7] IMPLICIT MessageInfo		OPTIONAL,
 *	languagePreferences		[ 8] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[ 9] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[10] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const DivertedEvent = sequence('DivertedEvent', {
  connection: ConnectionID,
  divertingDevice: SubjectDeviceID,
  newDestination: SubjectDeviceID,
  callingDevice: optional(CallingDeviceID),
  calledDevice: optional(CalledDeviceID),
  lastRedirectionDevice: RedirectionDeviceID,
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  userData: optional(UserData),
  cause: EventCause,
  servicesPermitted: optional(implicit(1, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  connectionInfo: optional(implicit(4, ConnectionInformation)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  callLinkageData: optional(implicit(5, CallLinkageData)),
  subjectOfCall: optional(implicit(6, SubjectOfCall)),
  messageInfo: optional(implicit(7, MessageInfo)),
  languagePreferences: optional(implicit(8, LanguagePreferences)),
  deviceHistory: optional(implicit(9, DeviceHistory)),
  locationInfo: optional(implicit(10, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type DivertedEvent = Infer<typeof DivertedEvent>;
