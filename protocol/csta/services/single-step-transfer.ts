/**
 * CSTA-single-step-transfer { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) single-step-conference(50) } (ECMA-285; the module OID really names the arc
 * `single-step-conference(50)`).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { ConnectionList } from '../types/connection-states.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CallCharacteristics, CallLinkageDataList } from '../types/call-control.js';

/** ```asn1
 * SingleStepTransArgument ::= SEQUENCE
 * {	activeCall 			ConnectionID,
 *	transferredTo 			DeviceID,
 *	accountCode 			[0] IMPLICIT AccountInfo 		OPTIONAL,
 *	authCode 			[1] IMPLICIT AuthCode 			OPTIONAL,
 *	correlatorData 			[2] IMPLICIT CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	callCharacteristics		[3] IMPLICIT CallCharacteristics	OPTIONAL,
 *	subjectOfCall			[4] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[5] IMPLICIT LanguagePreferences	OPTIONAL,
 *	reason				[6] IMPLICIT EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const SingleStepTransArgument = sequence('SingleStepTransArgument', {
  activeCall: ConnectionID,
  transferredTo: DeviceID,
  accountCode: optional(implicit(0, AccountInfo)),
  authCode: optional(implicit(1, AuthCode)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  userData: optional(UserData),
  callCharacteristics: optional(implicit(3, CallCharacteristics)),
  subjectOfCall: optional(implicit(4, SubjectOfCall)),
  languagePreferences: optional(implicit(5, LanguagePreferences)),
  reason: optional(implicit(6, EventCause)),
  extensions: optional(CSTACommonArguments),
});
export type SingleStepTransArgument = Infer<typeof SingleStepTransArgument>;

/** ```asn1
 * SingleStepTransResult ::= SEQUENCE
 * {	transferredCall 		ConnectionID,
 *	connections 			[0] IMPLICIT ConnectionList 		OPTIONAL,
 *	transferredCallInfo 		[1] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageDataList		[2] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const SingleStepTransResult = sequence('SingleStepTransResult', {
  transferredCall: ConnectionID,
  connections: optional(implicit(0, ConnectionList)),
  transferredCallInfo: optional(implicit(1, ConnectionInformation)),
  callLinkageDataList: optional(implicit(2, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type SingleStepTransResult = Infer<typeof SingleStepTransResult>;

/** ```asn1
 * singleStepTrans OPERATION ::=
 * { 	ARGUMENT 		SingleStepTransArgument
 *	RESULT 			SingleStepTransResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 50 }
 * ``` */
export const singleStepTrans = defineOperation({
  name: 'singleStepTrans',
  code: 50,
  argument: SingleStepTransArgument,
  result: SingleStepTransResult,
});
