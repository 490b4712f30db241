/**
 * CSTA-conferenced-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * conferenced-event(23) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageDataList, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { ConnectionList, LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, UserData } from '../types/device-feature-types.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * ConferencedEvent ::= SEQUENCE
 * { 	primaryOldCall 			ConnectionID,
 *	secondaryOldCall 		ConnectionID 				OPTIONAL,
 *	conferencingDevice 		SubjectDeviceID,
 *	addedParty 			SubjectDeviceID,
 *	conferenceConnections 		ConnectionList,
 *	localConnectionInfo 		LocalConnectionState 			OPTIONAL,
 *	correlatorData 			[1] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	cause 				EventCause,
 *	servicesPermitted 		[2] IMPLICIT ServicesPermitted 		OPTIONAL,
 *	mediaCallCharacteristics 	[3] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[4] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	callLinkageDataList 		[6] IMPLICIT CallLinkageDataList 	OPTIONAL,
 *	languagePreferences		[7] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[8] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[9] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			[5] IMPLICIT CSTACommonArguments 	OPTIONAL }
 * ```
 * Unlike the other events, `extensions` carries a context tag here ([5] IMPLICIT), and
 * `conferenceConnections` is untagged (TransferredEvent tags its list [1]). */
export const ConferencedEvent = sequence('ConferencedEvent', {
  primaryOldCall: ConnectionID,
  secondaryOldCall: optional(ConnectionID),
  conferencingDevice: SubjectDeviceID,
  addedParty: SubjectDeviceID,
  conferenceConnections: ConnectionList,
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(1, CorrelatorData)),
  userData: optional(UserData),
  cause: EventCause,
  servicesPermitted: optional(implicit(2, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(3, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(4, CallCharacteristics)),
  callLinkageDataList: optional(implicit(6, CallLinkageDataList)),
  languagePreferences: optional(implicit(7, LanguagePreferences)),
  deviceHistory: optional(implicit(8, DeviceHistory)),
  locationInfo: optional(implicit(9, LocationInfoList)),
  extensions: optional(implicit(5, CSTACommonArguments)),
});
export type ConferencedEvent = Infer<typeof ConferencedEvent>;
