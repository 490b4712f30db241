/**
 * CSTA-call-back-call-related { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) call-back-call-related(215) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { LanguagePreferences, SubjectOfCall } from '../types/device-feature-types.js';
import { CallCharacteristics } from '../types/call-control.js';

/** ```asn1
 * CallBackArgument ::= SEQUENCE
 * { 	callbackConnection 		ConnectionID,
 *	callCharacteristics 		CallCharacteristics 			OPTIONAL,
 *	subjectOfCall			[0] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[1] IMPLICIT LanguagePreferences	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallBackArgument = sequence('CallBackArgument', {
  callbackConnection: ConnectionID,
  callCharacteristics: optional(CallCharacteristics),
  subjectOfCall: optional(implicit(0, SubjectOfCall)),
  languagePreferences: optional(implicit(1, LanguagePreferences)),
  extensions: optional(CSTACommonArguments),
});
export type CallBackArgument = Infer<typeof CallBackArgument>;

/** ```asn1
 * CallBackResult ::= SEQUENCE
 * { 	targetDevice 			DeviceID 				OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallBackResult = sequence('CallBackResult', {
  targetDevice: optional(DeviceID),
  extensions: optional(CSTACommonArguments),
});
export type CallBackResult = Infer<typeof CallBackResult>;

/** ```asn1
 * callBack OPERATION ::=
 * { 	ARGUMENT 		CallBackArgument
 *	RESULT 			CallBackResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 215 }
 * ``` */
export const callBack = defineOperation({ name: 'callBack', code: 215, argument: CallBackArgument, result: CallBackResult });
