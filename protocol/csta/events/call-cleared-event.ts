/**
 * CSTA-call-cleared-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * call-cleared-event(22) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageData, LocationInfoList } from '../types/call-control.js';
import { CorrelatorData, LanguagePreferences, UserData } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * CallClearedEvent ::= SEQUENCE
 * { 	clearedCall 			ConnectionID,
 *	correlatorData 			[1] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	cause 				EventCause,
 *	mediaCallCharacteristics 	[2] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callCharacteristics 		[3] IMPLICIT CallCharacteristics 	OPTIONAL,
 *	callLinkageData 		[4] IMPLICIT CallLinkageData 		OPTIONAL,
 *	languagePreferences		[5] IMPLICIT LanguagePreferences	OPTIONAL,
 *	locationInfo			[6] IMPLICIT LocationInfoList		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallClearedEvent = sequence('CallClearedEvent', {
  clearedCall: ConnectionID,
  correlatorData: optional(implicit(1, CorrelatorData)),
  userData: optional(UserData),
  cause: EventCause,
  mediaCallCharacteristics: optional(implicit(2, MediaCallCharacteristics)),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  callLinkageData: optional(implicit(4, CallLinkageData)),
  languagePreferences: optional(implicit(5, LanguagePreferences)),
  locationInfo: optional(implicit(6, LocationInfoList)),
  extensions: optional(CSTACommonArguments),
});
export type CallClearedEvent = Infer<typeof CallClearedEvent>;
