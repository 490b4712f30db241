/**
 * CSTA-call-back-non-call-related { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) call-back-non-call-related(300) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallBackNonCallRelatedArgument ::= SEQUENCE
 * {	originatingDevice 		DeviceID,
 *	targetDevice 			DeviceID,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallBackNonCallRelatedArgument = sequence('CallBackNonCallRelatedArgument', {
  originatingDevice: DeviceID,
  targetDevice: DeviceID,
  extensions: optional(CSTACommonArguments),
});
export type CallBackNonCallRelatedArgument = Infer<typeof CallBackNonCallRelatedArgument>;

/** ```asn1
 * CallBackNonCallRelatedResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const CallBackNonCallRelatedResult = choice('CallBackNonCallRelatedResult', { extensions: CSTACommonArguments, noData: NULL });
export type CallBackNonCallRelatedResult = Infer<typeof CallBackNonCallRelatedResult>;

/** ```asn1
 * callBackNonCallRelated OPERATION ::=
 * {	ARGUMENT 		CallBackNonCallRelatedArgument
 *	RESULT 			CallBackNonCallRelatedResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 300 }
 * ``` */
export const callBackNonCallRelated = defineOperation({
  name: 'callBackNonCallRelated',
  code: 300,
  argument: CallBackNonCallRelatedArgument,
  result: CallBackNonCallRelatedResult,
});
