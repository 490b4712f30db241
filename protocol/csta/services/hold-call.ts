/**
 * CSTA-hold-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * hold-call(9) } (ECMA-285).
 */
import { BOOLEAN, NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * HoldCallArgument ::= SEQUENCE
 * {	callToBeHeld 			ConnectionID,
 *	connectionReservation 		BOOLEAN 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const HoldCallArgument = sequence('HoldCallArgument', {
  callToBeHeld: ConnectionID,
  connectionReservation: optional(BOOLEAN),
  extensions: optional(CSTACommonArguments),
});
export type HoldCallArgument = Infer<typeof HoldCallArgument>;

/** ```asn1
 * HoldCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const HoldCallResult = choice('HoldCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type HoldCallResult = Infer<typeof HoldCallResult>;

/** ```asn1
 * holdCall OPERATION ::=
 * { 	ARGUMENT 		HoldCallArgument
 *	RESULT 			HoldCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 9 }
 * ``` */
export const holdCall = defineOperation({ name: 'holdCall', code: 9, argument: HoldCallArgument, result: HoldCallResult });
