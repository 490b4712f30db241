/**
 * CSTA-make-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * make-call(10) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { AutoOriginate, CallCharacteristics, CallLinkageData } from '../types/call-control.js';
import { EventCause } from '../types/event-cause.js';

/** ```asn1
 * MakeCallArgument ::= SEQUENCE
 * { 	callingDevice 			DeviceID,
 *	calledDirectoryNumber 		DeviceID,
 *	accountCode 			[0] IMPLICIT AccountInfo 		OPTIONAL,
 *	authCode 			[1] IMPLICIT AuthCode 			OPTIONAL,
 *	autoOriginate 			[3] IMPLICIT AutoOriginate 		DEFAULT prompt,
 *	correlatorData 			[2] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	callCharacteristics 		CallCharacteristics 			OPTIONAL,
 *	mediaCallCharacteristics 	[4] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	callingConnectionInfo 		[5] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	subjectOfCall			[6] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[7] IMPLICIT LanguagePreferences	OPTIONAL,
 *	reason				[8] IMPLICIT EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * `autoOriginate` DEFAULT prompt: absent stays absent. Note the tag order [0] [1] [3] [2]. */
export const MakeCallArgument = sequence('MakeCallArgument', {
  callingDevice: DeviceID,
  calledDirectoryNumber: DeviceID,
  accountCode: optional(implicit(0, AccountInfo)),
  authCode: optional(implicit(1, AuthCode)),
  autoOriginate: optional(implicit(3, AutoOriginate)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  userData: optional(UserData),
  callCharacteristics: optional(CallCharacteristics),
  mediaCallCharacteristics: optional(implicit(4, MediaCallCharacteristics)),
  callingConnectionInfo: optional(implicit(5, ConnectionInformation)),
  subjectOfCall: optional(implicit(6, SubjectOfCall)),
  languagePreferences: optional(implicit(7, LanguagePreferences)),
  reason: optional(implicit(8, EventCause)),
  extensions: optional(CSTACommonArguments),
});
export type MakeCallArgument = Infer<typeof MakeCallArgument>;

/** ```asn1
 * MakeCallResult ::= SEQUENCE
 * { 	callingDevice 			ConnectionID,
 *	mediaCallCharacteristics	[0] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	initiatedCallInfo 		[1] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageData 		[2] IMPLICIT CallLinkageData 		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const MakeCallResult = sequence('MakeCallResult', {
  callingDevice: ConnectionID,
  mediaCallCharacteristics: optional(implicit(0, MediaCallCharacteristics)),
  initiatedCallInfo: optional(implicit(1, ConnectionInformation)),
  callLinkageData: optional(implicit(2, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type MakeCallResult = Infer<typeof MakeCallResult>;

/** ```asn1
 * makeCall OPERATION ::=
 * { 	ARGUMENT 		MakeCallArgument
 *	RESULT 			MakeCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 10 }
 * ``` */
export const makeCall = defineOperation({ name: 'makeCall', code: 10, argument: MakeCallArgument, result: MakeCallResult });
