/**
 * CSTA-consultation-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * consultation-call(7) } (ECMA-285).
 */
import { BOOLEAN, explicit, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { CallCharacteristics, CallLinkageData, ConsultOptions } from '../types/call-control.js';

/** ```asn1
 * ConsultationCallArgument ::= SEQUENCE
 * { 	existingCall 			[ 0] IMPLICIT ConnectionID,
 *	consultedDevice 		[ 1] DeviceID,
 *	connectionReservation 		[ 2] IMPLICIT BOOLEAN 				OPTIONAL,
 *	accountCode 			[ 3] IMPLICIT AccountInfo 			OPTIONAL,
 *	authCode 			[ 4] IMPLICIT AuthCode 				OPTIONAL,
 *	correlatorData 			[ 5] IMPLICIT CorrelatorData 			OPTIONAL,
 *	userData 			[ 6] IMPLICIT UserData 				OPTIONAL,
 *	callCharacteristics 		[ 7] IMPLICIT CallCharacteristics 		OPTIONAL,
 *	mediaCallCharacteristics 	[ 8] IMPLICIT MediaCallCharacteristics 		OPTIONAL,
 *	callingConnectionInfo 		[ 9] IMPLICIT ConnectionInformation 		OPTIONAL,
 *	consultOptions 			[10] IMPLICIT ConsultOptions 			DEFAULT unrestricted,
 *	subjectOfCall			[11] IMPLICIT SubjectOfCall			OPTIONAL,
 *	languagePreferences		[12] IMPLICIT LanguagePreferences		OPTIONAL,
 *	extensions 			CSTACommonArguments 				OPTIONAL }
 * ```
 * `existingCall`: ConnectionID is `[APPLICATION 11]`-tagged, so the IMPLICIT `[0]` replaces that
 * tag: `a0 len <ConnectionID alternative>`. `consultOptions` DEFAULT unrestricted: absent stays absent. */
export const ConsultationCallArgument = sequence('ConsultationCallArgument', {
  existingCall: implicit(0, ConnectionID),
  consultedDevice: explicit(1, DeviceID),
  connectionReservation: optional(implicit(2, BOOLEAN)),
  accountCode: optional(implicit(3, AccountInfo)),
  authCode: optional(implicit(4, AuthCode)),
  correlatorData: optional(implicit(5, CorrelatorData)),
  userData: optional(implicit(6, UserData)),
  callCharacteristics: optional(implicit(7, CallCharacteristics)),
  mediaCallCharacteristics: optional(implicit(8, MediaCallCharacteristics)),
  callingConnectionInfo: optional(implicit(9, ConnectionInformation)),
  consultOptions: optional(implicit(10, ConsultOptions)),
  subjectOfCall: optional(implicit(11, SubjectOfCall)),
  languagePreferences: optional(implicit(12, LanguagePreferences)),
  extensions: optional(CSTACommonArguments),
});
export type ConsultationCallArgument = Infer<typeof ConsultationCallArgument>;

/** ```asn1
 * ConsultationCallResult ::= SEQUENCE
 * { 	initiatedCall 			ConnectionID,
 *	mediaCallCharacteristics 	[0] IMPLICIT MediaCallCharacteristics 		OPTIONAL,
 *	initiatedCallInfo 		[1] IMPLICIT ConnectionInformation 		OPTIONAL,
 *	callLinkageData 		[2] IMPLICIT CallLinkageData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 				OPTIONAL }
 * ``` */
export const ConsultationCallResult = sequence('ConsultationCallResult', {
  initiatedCall: ConnectionID,
  mediaCallCharacteristics: optional(implicit(0, MediaCallCharacteristics)),
  initiatedCallInfo: optional(implicit(1, ConnectionInformation)),
  callLinkageData: optional(implicit(2, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type ConsultationCallResult = Infer<typeof ConsultationCallResult>;

/** ```asn1
 * consultationCall OPERATION ::=
 * { 	ARGUMENT 		ConsultationCallArgument
 *	RESULT 			ConsultationCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 7 }
 * ``` */
export const consultationCall = defineOperation({
  name: 'consultationCall',
  code: 7,
  argument: ConsultationCallArgument,
  result: ConsultationCallResult,
});
