/**
 * CSTA-clear-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * clear-call(4) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { UserData } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';

/** ```asn1
 * ClearCallArgument ::= SEQUENCE
 * { 	callToBeCleared 		ConnectionID,
 *	userData 			UserData 			OPTIONAL,
 *	reason				EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ClearCallArgument = sequence('ClearCallArgument', {
  callToBeCleared: ConnectionID,
  userData: optional(UserData),
  reason: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type ClearCallArgument = Infer<typeof ClearCallArgument>;

/** ```asn1
 * ClearCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const ClearCallResult = choice('ClearCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type ClearCallResult = Infer<typeof ClearCallResult>;

/** ```asn1
 * clearCall OPERATION ::=
 * { 	ARGUMENT 		ClearCallArgument
 *	RESULT 			ClearCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 4 }
 * ``` */
export const clearCall = defineOperation({ name: 'clearCall', code: 4, argument: ClearCallArgument, result: ClearCallResult });
