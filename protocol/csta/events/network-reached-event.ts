/**
 * CSTA-network-reached-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) network-reached-event(30) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, NetworkCapability, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, UserData } from '../types/device-feature-types.js';
import {
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
 * NetworkReachedEvent ::= SEQUENCE
 * { 	outboundConnection 		ConnectionID,
 *	networkInterfaceUsed 		SubjectDeviceID,
 *	callingDevice 			CallingDeviceID,
 *	calledDevice 			CalledDeviceID,
 *	lastRedirectionDevice 		RedirectionDeviceID,
 *	originatingNIDConneciton 	ConnectionID 				OPTIONAL,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[0] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	networkCapability 		[1] IMPLICIT NetworkCapability 		OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[2] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	mediaCallCharacteristics 	[3] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[4] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	outboundConnectionInfo 		[5] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	networkCallingDevice 		NetworkCallingDeviceID 			OPTIONAL,
 *	networkCalledDevice 		NetworkCalledDeviceID 			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID 		OPTIONAL,
 *	callLinkageData 		[6] IMPLICIT CallLinkageData 		OPTIONAL,
 *	languagePreferences		[7] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[8] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[9] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * `originatingNIDConneciton` is misspelt in the ECMA-285 module; the identifier is kept letter
 * for letter (it is what ECMA-323 XML uses too). */
export const NetworkReachedEvent = sequence('NetworkReachedEvent', {
  outboundConnection: ConnectionID,
  networkInterfaceUsed: SubjectDeviceID,
  callingDevice: CallingDeviceID,
  calledDevice: CalledDeviceID,
  lastRedirectionDevice: RedirectionDeviceID,
  originatingNIDConneciton: optional(ConnectionID),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  userData: optional(UserData),
  networkCapability: optional(implicit(1, NetworkCapability)),
  cause: EventCause,
  servicesPermitted: optional(implicit(2, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(3, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(4, CallCharacteristics)),
  outboundConnectionInfo: optional(implicit(5, ConnectionInformation)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  callLinkageData: optional(implicit(6, CallLinkageData)),
  languagePreferences: optional(implicit(7, LanguagePreferences)),
  deviceHistory: optional(implicit(8, DeviceHistory)),
  locationInfo: optional(implicit(9, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type NetworkReachedEvent = Infer<typeof NetworkReachedEvent>;
