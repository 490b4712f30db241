/**
 * CSTA-retrieve-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * retrieve-call(14) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * RetrieveCallArgument ::= SEQUENCE
 * { 	callToBeRetrieved 		ConnectionID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const RetrieveCallArgument = sequence('RetrieveCallArgument', {
  callToBeRetrieved: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type RetrieveCallArgument = Infer<typeof RetrieveCallArgument>;

/** ```asn1
 * RetrieveCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const RetrieveCallResult = choice('RetrieveCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type RetrieveCallResult = Infer<typeof RetrieveCallResult>;

/** ```asn1
 * retrieveCall OPERATION ::=
 * { 	ARGUMENT 		RetrieveCallArgument
 *	RESULT 			RetrieveCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 14 }
 * ``` */
export const retrieveCall = defineOperation({ name: 'retrieveCall', code: 14, argument: RetrieveCallArgument, result: RetrieveCallResult });
