/**
 * CSTA-answer-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * answer-call(2) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, UserData } from '../types/device-feature-types.js';

/** ```asn1
 * AnswerCallArgument ::= SEQUENCE
 * { 	callToBeAnswered 		ConnectionID,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	userData 			UserData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const AnswerCallArgument = sequence('AnswerCallArgument', {
  callToBeAnswered: ConnectionID,
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type AnswerCallArgument = Infer<typeof AnswerCallArgument>;

/** ```asn1
 * AnswerCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const AnswerCallResult = choice('AnswerCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type AnswerCallResult = Infer<typeof AnswerCallResult>;

/** ```asn1
 * answerCall OPERATION ::=
 * { 	ARGUMENT 		AnswerCallArgument
 *	RESULT 			AnswerCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 2 }
 * ``` */
export const answerCall = defineOperation({ name: 'answerCall', code: 2, argument: AnswerCallArgument, result: AnswerCallResult });
