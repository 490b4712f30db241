/**
 * CSTA-alternate-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * alternate-call(1) } (ECMA-285).
 */
import { BOOLEAN, NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConsultOptions } from '../types/call-control.js';

/** ```asn1
 * AlternateCallArgument ::= SEQUENCE
 * { 	heldCall 			ConnectionID,
 *	activeCall 			ConnectionID,
 *	connectionReservation 		BOOLEAN 			OPTIONAL,
 *	consultOptions 			ConsultOptions 			DEFAULT unrestricted,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ```
 * `consultOptions` DEFAULT unrestricted: absent stays absent. */
export const AlternateCallArgument = sequence('AlternateCallArgument', {
  heldCall: ConnectionID,
  activeCall: ConnectionID,
  connectionReservation: optional(BOOLEAN),
  consultOptions: optional(ConsultOptions),
  extensions: optional(CSTACommonArguments),
});
export type AlternateCallArgument = Infer<typeof AlternateCallArgument>;

/** ```asn1
 * AlternateCallResult ::=CHOICE
 * { 	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const AlternateCallResult = choice('AlternateCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type AlternateCallResult = Infer<typeof AlternateCallResult>;

/** ```asn1
 * alternateCall OPERATION ::=
 * { 	ARGUMENT 		AlternateCallArgument
 *	RESULT 			AlternateCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 1 }
 * ``` */
export const alternateCall = defineOperation({ name: 'alternateCall', code: 1, argument: AlternateCallArgument, result: AlternateCallResult });
