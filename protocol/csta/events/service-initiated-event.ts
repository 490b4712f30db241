/**
 * CSTA-service-initiated-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) service-initiated-event(34) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, LanguagePreferences, MessageInfo, SubjectOfCall } from '../types/device-feature-types.js';
import { AssociatedCallingDeviceID, CalledDeviceID, NetworkCalledDeviceID, NetworkCallingDeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * ServiceInitiatedEvent ::= SEQUENCE
 * {	initiatedConnection		ConnectionID,
 *	initiatingDevice		SubjectDeviceID,
 *	calledDevice			CalledDeviceID				OPTIONAL,
 *	localConnectionInfo		LocalConnectionState			OPTIONAL,
 *	correlatorData			[ 0] IMPLICIT CorrelatorData		OPTIONAL,
 *	cause				EventCause,
 *	servicesPermitted		[ 1] IMPLICIT ServicesPermitted		OPTIONAL,
 *	mediaCallCharacteristics	[ 2] IMPLICIT MediaCallCharacteristics	OPTIONAL,
 *	callCharacteristics		[ 3] IMPLICIT CallCharacteristics	OPTIONAL,
 *	initiatedConnectionInfo		[ 4] IMPLICIT ConnectionInformation	OPTIONAL,
 *	networkCallingDevice		NetworkCallingDeviceID			OPTIONAL,
 *	networkCalledDevice		NetworkCalledDeviceID			OPTIONAL,
 *	associatedCallingDevice	AssociatedCallingDeviceID			OPTIONAL,
 *	callLinkageData			[ 5] IMPLICIT CallLinkageData		OPTIONAL,
 *	subjectOfCall			[ 7] IMPLICIT SubjectOfCall		OPTIONAL,
 *	messageInfo			[ 8] IMPLICIT MessageInfo		OPTIONAL,
 *	languagePreferences		[ 9] IMPLICIT LanguagePreferences	OPTIONAL,
 *	locationInfo			[10] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const ServiceInitiatedEvent = sequence('ServiceInitiatedEvent', {
  initiatedConnection: ConnectionID,
  initiatingDevice: SubjectDeviceID,
  calledDevice: optional(CalledDeviceID),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  cause: EventCause,
  servicesPermitted: optional(implicit(1, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  initiatedConnectionInfo: optional(implicit(4, ConnectionInformation)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  callLinkageData: optional(implicit(5, CallLinkageData)),
  subjectOfCall: optional(implicit(7, SubjectOfCall)),
  messageInfo: optional(implicit(8, MessageInfo)),
  languagePreferences: optional(implicit(9, LanguagePreferences)),
  locationInfo: optional(implicit(10, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type ServiceInitiatedEvent = Infer<typeof ServiceInitiatedEvent>;
