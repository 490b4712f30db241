/**
 * CSTA-connection-cleared-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) connection-cleared-event(24) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { ChargingInfo } from '../types/charge-info.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, UserData } from '../types/device-feature-types.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * ConnectionClearedEvent ::= SEQUENCE
 * {	droppedConnection 		ConnectionID,
 *	releasingDevice 		SubjectDeviceID,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[0] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	chargingInfo 			[1] IMPLICIT ChargingInfo 		OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[2] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	mediaCallCharacteristics 	[3] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[4] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	droppedConnectionInfo 		[5] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageData 		[6] IMPLICIT CallLinkageData 		OPTIONAL,
 *	languagePreferences		[7] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[8] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[9] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ConnectionClearedEvent = sequence('ConnectionClearedEvent', {
  droppedConnection: ConnectionID,
  releasingDevice: SubjectDeviceID,
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  userData: optional(UserData),
  chargingInfo: optional(implicit(1, ChargingInfo)),
  cause: EventCause,
  servicesPermitted: optional(implicit(2, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(3, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(4, CallCharacteristics)),
  droppedConnectionInfo: optional(implicit(5, ConnectionInformation)),
  callLinkageData: optional(implicit(6, CallLinkageData)),
  languagePreferences: optional(implicit(7, LanguagePreferences)),
  deviceHistory: optional(implicit(8, DeviceHistory)),
  locationInfo: optional(implicit(9, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type ConnectionClearedEvent = Infer<typeof ConnectionClearedEvent>;
