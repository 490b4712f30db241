/**
 * CSTA-originated-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * originated-event(31) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, LanguagePreferences, MessageInfo, SubjectOfCall } from '../types/device-feature-types.js';
import {
  AssociatedCalledDeviceID,
  AssociatedCallingDeviceID,
  CalledDeviceID,
  DeviceID,
  NetworkCalledDeviceID,
  NetworkCallingDeviceID,
  SubjectDeviceID,
} from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * OriginatedEvent ::= SEQUENCE
 * { 	originatedConnection		ConnectionID,
 *	callingDevice			SubjectDeviceID,
 *	calledDevice			CalledDeviceID,
 *	originatingDevice		DeviceID				OPTIONAL,
 *	localConnectionInfo		LocalConnectionState			OPTIONAL,
 *	correlatorData			[ 2] IMPLICIT CorrelatorData		OPTIONAL,
 *	cause				EventCause,
 *	servicesPermitted 		[ 3] IMPLICIT ServicesPermitted		OPTIONAL,
 *	networkCallingDevice		NetworkCallingDeviceID			OPTIONAL,
 *	networkCalledDevice		NetworkCalledDeviceID			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID  		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID  		OPTIONAL,
 *	mediaCallCharacteristics	[ 4] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics		[ 5] IMPLICIT CallCharacteristics	OPTIONAL,
 *	originatedConnectionInfo 	[ 6] IMPLICIT ConnectionInformation	OPTIONAL,
 *	callLinkageData			[ 7] IMPLICIT CallLinkageData		OPTIONAL,
 *	subjectOfCall			[ 8] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[ 9] IMPLICIT MessageInfo	 	OPTIONAL,
 *	languagePreferences		[10] IMPLICIT LanguagePreferences	OPTIONAL,
 *	locationInfo			[11] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const OriginatedEvent = sequence('OriginatedEvent', {
  originatedConnection: ConnectionID,
  callingDevice: SubjectDeviceID,
  calledDevice: CalledDeviceID,
  originatingDevice: optional(DeviceID),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(2, CorrelatorData)),
  cause: EventCause,
  servicesPermitted: optional(implicit(3, ServicesPermitted)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  mediaCallCharacteristics: optional(implicit(4, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(5, CallCharacteristics)),
  originatedConnectionInfo: optional(implicit(6, ConnectionInformation)),
  callLinkageData: optional(implicit(7, CallLinkageData)),
  subjectOfCall: optional(implicit(8, SubjectOfCall)),
  messageInfo: optional(implicit(9, MessageInfo)),
  languagePreferences: optional(implicit(10, LanguagePreferences)),
  locationInfo: optional(implicit(11, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type OriginatedEvent = Infer<typeof OriginatedEvent>;
