/**
 * CSTA-clear-connection { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * clear-connection(5) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, UserData } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';

/** ```asn1
 * ClearConnectionArgument ::= SEQUENCE
 * {	connectionToBeCleared 		ConnectionID,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	userData 			UserData 			OPTIONAL,
 *	reason				EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ClearConnectionArgument = sequence('ClearConnectionArgument', {
  connectionToBeCleared: ConnectionID,
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  reason: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type ClearConnectionArgument = Infer<typeof ClearConnectionArgument>;

/** ```asn1
 * ClearConnectionResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const ClearConnectionResult = choice('ClearConnectionResult', { extensions: CSTACommonArguments, noData: NULL });
export type ClearConnectionResult = Infer<typeof ClearConnectionResult>;

/** ```asn1
 * clearConnection OPERATION ::=
 * { 	ARGUMENT 		ClearConnectionArgument
 *	RESULT 			ClearConnectionResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 5 }
 * ``` */
export const clearConnection = defineOperation({
  name: 'clearConnection',
  code: 5,
  argument: ClearConnectionArgument,
  result: ClearConnectionResult,
});
