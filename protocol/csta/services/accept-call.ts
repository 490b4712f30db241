/**
 * CSTA-accept-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * accept-call(214) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, UserData } from '../types/device-feature-types.js';

/** ```asn1
 * AcceptCallArgument ::= SEQUENCE
 * { 	callToBeAccepted 		ConnectionID,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	userData 			UserData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const AcceptCallArgument = sequence('AcceptCallArgument', {
  callToBeAccepted: ConnectionID,
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type AcceptCallArgument = Infer<typeof AcceptCallArgument>;

/** ```asn1
 * AcceptCallResult ::= CHOICE
 * { 	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const AcceptCallResult = choice('AcceptCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type AcceptCallResult = Infer<typeof AcceptCallResult>;

/** ```asn1
 * acceptCall OPERATION ::=
 * { 	ARGUMENT 		AcceptCallArgument
 *	RESULT 			AcceptCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 214 }
 * ``` */
export const acceptCall = defineOperation({ name: 'acceptCall', code: 214, argument: AcceptCallArgument, result: AcceptCallResult });
