/**
 * CSTA-transferred-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * transferred-event(35) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageDataList, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { ChargingInfo } from '../types/charge-info.js';
import { ConnectionList, LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, UserData } from '../types/device-feature-types.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * TransferredEvent ::= SEQUENCE
 * {	primaryOldCall			ConnectionID,
 *	secondaryOldCall		[ 0] IMPLICIT ConnectionID		OPTIONAL,
 *	transferringDevice		SubjectDeviceID,
 *	transferredToDevice		SubjectDeviceID,
 *	transferredConnections		[ 1] IMPLICIT ConnectionList,
 *	localConnectionInfo		LocalConnectionState			OPTIONAL,
 *	correlatorData			[ 2] IMPLICIT CorrelatorData		OPTIONAL,
 *	userData			UserData				OPTIONAL,
 *	chargingInfo			[ 3] IMPLICIT ChargingInfo		OPTIONAL,
 *	cause				EventCause,
 *	servicesPermitted		[ 4] IMPLICIT ServicesPermitted		OPTIONAL,
 *	mediaCallCharacteristics	[ 5] IMPLICIT MediaCallCharacteristics	OPTIONAL,
 *	callCharacteristics		[ 6] IMPLICIT CallCharacteristics	OPTIONAL,
 *	callLinkageDataList		[ 7] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	languagePreferences		[ 8] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceHistory			[ 9] IMPLICIT DeviceHistory		OPTIONAL,
 *	locationInfo			[10] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ```
 * `[0] IMPLICIT ConnectionID` replaces the `[APPLICATION 11]` tag of ConnectionID with `[0]`
 * (constructed, the CHOICE inside). */
export const TransferredEvent = sequence('TransferredEvent', {
  primaryOldCall: ConnectionID,
  secondaryOldCall: optional(implicit(0, ConnectionID)),
  transferringDevice: SubjectDeviceID,
  transferredToDevice: SubjectDeviceID,
  transferredConnections: implicit(1, ConnectionList),
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(2, CorrelatorData)),
  userData: optional(UserData),
  chargingInfo: optional(implicit(3, ChargingInfo)),
  cause: EventCause,
  servicesPermitted: optional(implicit(4, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(5, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(6, CallCharacteristics)),
  callLinkageDataList: optional(implicit(7, CallLinkageDataList)),
  languagePreferences: optional(implicit(8, LanguagePreferences)),
  deviceHistory: optional(implicit(9, DeviceHistory)),
  locationInfo: optional(implicit(10, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type TransferredEvent = Infer<typeof TransferredEvent>;
