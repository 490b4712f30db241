/**
 * CSTA-dial-digits { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * dial-digits(219) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData } from '../types/device-feature-types.js';

/** ```asn1
 * DialDigitsArgument ::= SEQUENCE
 * { 	diallingConnection 		ConnectionID,
 *	diallingSequence 		DeviceID,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const DialDigitsArgument = sequence('DialDigitsArgument', {
  diallingConnection: ConnectionID,
  diallingSequence: DeviceID,
  correlatorData: optional(CorrelatorData),
  extensions: optional(CSTACommonArguments),
});
export type DialDigitsArgument = Infer<typeof DialDigitsArgument>;

/** ```asn1
 * DialDigitsResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const DialDigitsResult = choice('DialDigitsResult', { extensions: CSTACommonArguments, noData: NULL });
export type DialDigitsResult = Infer<typeof DialDigitsResult>;

/** ```asn1
 * dialDigits OPERATION ::=
 * { 	ARGUMENT 		DialDigitsArgument
 *	RESULT 			DialDigitsResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 219 }
 * ``` */
export const dialDigits = defineOperation({ name: 'dialDigits', code: 219, argument: DialDigitsArgument, result: DialDigitsResult });
