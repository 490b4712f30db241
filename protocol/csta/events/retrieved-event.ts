/**
 * CSTA-retrieved-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * retrieved-event(33) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList, ServicesPermitted } from '../types/call-control.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { CorrelatorData, LanguagePreferences } from '../types/device-feature-types.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * RetrievedEvent ::= SEQUENCE
 * {	retrievedConnection		ConnectionID,
 *	retrievingDevice		SubjectDeviceID,
 *	localConnectionInfo		LocalConnectionState			OPTIONAL,
 *	correlatorData			[0] IMPLICIT CorrelatorData		OPTIONAL,
 *	cause				EventCause,
 *	servicesPermitted		[1] IMPLICIT ServicesPermitted		OPTIONAL,
 *	mediaCallCharacteristics 	[2] IMPLICIT MediaCallCharacteristics	OPTIONAL,
 *	callCharacteristics     	[3] IMPLICIT CallCharacteristics	OPTIONAL,
 *	retrievedConnectionInfo 	[4] IMPLICIT ConnectionInformation	OPTIONAL,
 *	callLinkageData			[5] IMPLICIT CallLinkageData		OPTIONAL,
 *	languagePreferences		[6] IMPLICIT LanguagePreferences	OPTIONAL,
 *	locationInfo			[7] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RetrievedEvent = sequence('RetrievedEvent', {
  retrievedConnection: ConnectionID,
  retrievingDevice: SubjectDeviceID,
  localConnectionInfo: optional(LocalConnectionState),
  correlatorData: optional(implicit(0, CorrelatorData)),
  cause: EventCause,
  servicesPermitted: optional(implicit(1, ServicesPermitted)),
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  retrievedConnectionInfo: optional(implicit(4, ConnectionInformation)),
  callLinkageData: optional(implicit(5, CallLinkageData)),
  languagePreferences: optional(implicit(6, LanguagePreferences)),
  locationInfo: optional(implicit(7, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type RetrievedEvent = Infer<typeof RetrievedEvent>;
