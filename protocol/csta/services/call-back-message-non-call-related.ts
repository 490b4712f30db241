/**
 * CSTA-call-back-message-non-call-related { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) call-back-message-non-call-related(301) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallBackMessageNonCallRelatedArgument ::= SEQUENCE
 * {	originatingDevice		DeviceID,
 *	targetDevice 			DeviceID,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallBackMessageNonCallRelatedArgument = sequence('CallBackMessageNonCallRelatedArgument', {
  originatingDevice: DeviceID,
  targetDevice: DeviceID,
  extensions: optional(CSTACommonArguments),
});
export type CallBackMessageNonCallRelatedArgument = Infer<typeof CallBackMessageNonCallRelatedArgument>;

/** ```asn1
 * CallBackMessageNonCallRelatedResult ::= CHOICE
 * { 	extensions			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const CallBackMessageNonCallRelatedResult = choice('CallBackMessageNonCallRelatedResult', {
  extensions: CSTACommonArguments,
  noData: NULL,
});
export type CallBackMessageNonCallRelatedResult = Infer<typeof CallBackMessageNonCallRelatedResult>;

/** ```asn1
 * callBackMessageNonCallRelated OPERATION ::=
 * {	ARGUMENT 		CallBackMessageNonCallRelatedArgument
 *	RESULT 			CallBackMessageNonCallRelatedResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 301 }
 * ``` */
export const callBackMessageNonCallRelated = defineOperation({
  name: 'callBackMessageNonCallRelated',
  code: 301,
  argument: CallBackMessageNonCallRelatedArgument,
  result: CallBackMessageNonCallRelatedResult,
});
