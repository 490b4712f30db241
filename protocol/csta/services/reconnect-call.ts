/**
 * CSTA-reconnect-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * reconnect-call(13) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * ReconnectCallArgument ::= SEQUENCE
 * { 	activeCall 			ConnectionID,
 *	heldCall 			ConnectionID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ReconnectCallArgument = sequence('ReconnectCallArgument', {
  activeCall: ConnectionID,
  heldCall: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type ReconnectCallArgument = Infer<typeof ReconnectCallArgument>;

/** ```asn1
 * ReconnectCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const ReconnectCallResult = choice('ReconnectCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type ReconnectCallResult = Infer<typeof ReconnectCallResult>;

/** ```asn1
 * reconnectCall OPERATION ::=
 * { 	ARGUMENT 		ReconnectCallArgument
 *	RESULT 			ReconnectCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 13 }
 * ``` */
export const reconnectCall = defineOperation({ name: 'reconnectCall', code: 13, argument: ReconnectCallArgument, result: ReconnectCallResult });
