/**
 * CSTA-camp-on-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * camp-on-call(217) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CamponCallArgument ::= SEQUENCE
 * { 	camponConnection 		ConnectionID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const CamponCallArgument = sequence('CamponCallArgument', {
  camponConnection: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type CamponCallArgument = Infer<typeof CamponCallArgument>;

/** ```asn1
 * CamponCallResult ::= CHOICE
 * { 	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const CamponCallResult = choice('CamponCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type CamponCallResult = Infer<typeof CamponCallResult>;

/** ```asn1
 * camponCall OPERATION ::=
 * { 	ARGUMENT 		CamponCallArgument
 *	RESULT 			CamponCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 217 }
 * ``` */
export const camponCall = defineOperation({ name: 'camponCall', code: 217, argument: CamponCallArgument, result: CamponCallResult });
