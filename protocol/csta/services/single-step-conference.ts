/**
 * CSTA-single-step-conference { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) single-step-conference(20) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, ParticipationType, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { CallLinkageDataList } from '../types/call-control.js';

/** ```asn1
 * SingleStepConfArgument ::= SEQUENCE
 * {	activeCall 			ConnectionID,
 *	deviceToJoin 			DeviceID,
 *	participationType 		ParticipationType 			DEFAULT active,
 *	accountCode 			[0] IMPLICIT AccountInfo 		OPTIONAL,
 *	authCode 			[1] IMPLICIT AuthCode 			OPTIONAL,
 *	correlatorData 			[2] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	subjectOfCall			[3] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[4] IMPLICIT LanguagePreferences	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * `participationType` DEFAULT active: absent stays absent. */
export const SingleStepConfArgument = sequence('SingleStepConfArgument', {
  activeCall: ConnectionID,
  deviceToJoin: DeviceID,
  participationType: optional(ParticipationType),
  accountCode: optional(implicit(0, AccountInfo)),
  authCode: optional(implicit(1, AuthCode)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  userData: optional(UserData),
  subjectOfCall: optional(implicit(3, SubjectOfCall)),
  languagePreferences: optional(implicit(4, LanguagePreferences)),
  extensions: optional(CSTACommonArguments),
});
export type SingleStepConfArgument = Infer<typeof SingleStepConfArgument>;

/** ```asn1
 * SingleStepConfResult ::= SEQUENCE
 * { 	conferencedCall 		ConnectionID,
 *	conferencedCallInfo 		ConnectionInformation 			OPTIONAL,
 *	callLinkageDataList		[1] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const SingleStepConfResult = sequence('SingleStepConfResult', {
  conferencedCall: ConnectionID,
  conferencedCallInfo: optional(ConnectionInformation),
  callLinkageDataList: optional(implicit(1, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type SingleStepConfResult = Infer<typeof SingleStepConfResult>;

/** ```asn1
 * singleStepConf OPERATION ::=
 * { 	ARGUMENT 		SingleStepConfArgument
 *	RESULT 			SingleStepConfResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 20 }
 * ``` */
export const singleStepConf = defineOperation({
  name: 'singleStepConf',
  code: 20,
  argument: SingleStepConfArgument,
  result: SingleStepConfResult,
});
