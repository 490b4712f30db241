/**
 * CSTA-digits-dialed-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) digits-dialed-event(225) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, LanguagePreferences } from '../types/device-feature-types.js';
import {
  AssociatedCalledDeviceID,
  AssociatedCallingDeviceID,
  DeviceID,
  NetworkCalledDeviceID,
  NetworkCallingDeviceID,
  SubjectDeviceID,
} from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';

/** ```asn1
 * DigitsDialedEvent ::= SEQUENCE
 * { 	dialingConnection 		ConnectionID,
 *	dialingDevice 			SubjectDeviceID,
 *	dialingSequence 		DeviceID,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[0] IMPLICIT 	CorrelatorData 		OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[1] IMPLICIT 	ServicesPermitted 	OPTIONAL,
 *	networkCallingDevice 		NetworkCallingDeviceID 			OPTIONAL,
 *	networkCalledDevice 		NetworkCalledDeviceID 			OPTIONAL,
 *	associatedCallingDevice 	AssociatedCallingDeviceID 		OPTIONAL,
 *	associatedCalledDevice 		AssociatedCalledDeviceID 		OPTIONAL,
 *	dialingConnectionInfo 		[2] IMPLICIT 	ConnectionInformation 	OPTIONAL,
 *	callCharacteristics 		[3] IMPLICIT 	CallCharacteristics 	OPTIONAL,
 *	callLinkageData 		[4] IMPLICIT 	CallLinkageData 	OPTIONAL,
 *	languagePreferences		[5] IMPLICIT 	LanguagePreferences	OPTIONAL,
 *	locationInfo			[6] IMPLICIT	LocationInfoList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const DigitsDialedEvent = sequence('DigitsDialedEvent', {
  dialingConnection: ConnectionID,
  dialingDevice: SubjectDeviceID,
  dialingSequence: DeviceID,
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  cause: EventCause,
  servicesPermitted: optional(implicit(1, ServicesPermitted)),
  networkCallingDevice: optional(NetworkCallingDeviceID),
  networkCalledDevice: optional(NetworkCalledDeviceID),
  associatedCallingDevice: optional(AssociatedCallingDeviceID),
  associatedCalledDevice: optional(AssociatedCalledDeviceID),
  dialingConnectionInfo: optional(implicit(2, ConnectionInformation)),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  callLinkageData: optional(implicit(4, CallLinkageData)),
  languagePreferences: optional(implicit(5, LanguagePreferences)),
  locationInfo: optional(implicit(6, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type DigitsDialedEvent = Infer<typeof DigitsDialedEvent>;
