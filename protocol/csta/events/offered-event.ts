/**
 * CSTA-offered-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * offered-event(227) } (ECMA-285).
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
 * OfferedEvent ::= SEQUENCE
 * { 	offeredConnection 		ConnectionID,
 *	offeredDevice 			SubjectDeviceID,
 *	callingDevice 			CallingDeviceID,
 *	calledDevice 			CalledDeviceID,
 *	lastRedirectionDevice 		RedirectionDeviceID,
 *	originatingNIDConnection 	ConnectionID 				OPTIONAL,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			CorrelatorData 				OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[0] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	networkCallingDevice 		NetworkCallingDeviceID 			OPTIONAL,
 *	networkCalledDevice 		NetworkCalledDeviceID 			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID 		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID 		OPTIONAL,
 *	mediaCallCharacteristics 	[1] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[2] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	offeredConnectionInfo 		[3] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageData 		[4] IMPLICIT CallLinkageData 		OPTIONAL,
 *	subjectOfCall			[5] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[6] IMPLICIT MessageInfo		OPTIONAL,
 *	languagePreferences		[7] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[8] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[9] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * Unlike most events, `correlatorData` is untagged here (a plain OCTET STRING). */
export const OfferedEvent = sequence('OfferedEvent', {
  offeredConnection: ConnectionID,
  offeredDevice: SubjectDeviceID,
  callingDevice: CallingDeviceID,
  calledDevice: CalledDeviceID,
  lastRedirectionDevice: RedirectionDeviceID,
  originatingNIDConnection: optional(ConnectionID),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  cause: EventCause,
  servicesPermitted: optional(implicit(0, ServicesPermitted)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  mediaCallCharacteristics: optional(implicit(1, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(2, CallCharacteristics)),
  offeredConnectionInfo: optional(implicit(3, ConnectionInformation)),
  callLinkageData: optional(implicit(4, CallLinkageData)),
  subjectOfCall: optional(implicit(5, SubjectOfCall)),
  messageInfo: optional(implicit(6, MessageInfo)),
  languagePreferences: optional(implicit(7, LanguagePreferences)),
  deviceHistory: optional(implicit(8, DeviceHistory)),
  locationInfo: optional(implicit(9, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type OfferedEvent = Infer<typeof OfferedEvent>;
