/**
 * CSTA-escape-service { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * escape-service(91) } (ECMA-285): the vendor escape, whose argument is private data.
 *
 * Also holds `EscapeRegisterID` of CSTA-escape-types { ... csta3(285) escape-types(135) }, a
 * one-type module no other file defines.
 */
import { NULL, OCTET_STRING, choice, explicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { TagClass } from '../../ber/tags.js';
import { defineOperation } from '../operation.js';
import { CSTASecurityData } from '../types/security.js';
import { CSTACommonArguments, CSTAPrivateData } from '../types/extension-types.js';

/** ```asn1
 * EscapeRegisterID ::= [0] OCTET STRING		-- CSTA-escape-types, EXPLICIT tagging
 * ``` */
export const EscapeRegisterID = explicit(0, OCTET_STRING, TagClass.context, 'EscapeRegisterID');
export type EscapeRegisterID = Infer<typeof EscapeRegisterID>;

/** ```asn1
 * EscapeArgument ::= SEQUENCE
 * {	escapeRegisterID		EscapeRegisterID			OPTIONAL,
 *	security			CSTASecurityData			OPTIONAL,
 *	privateData			CSTAPrivateData				         }
 * ```
 * `privateData` is an open type (CSTAPrivateData `private`): the two OPTIONAL components before it
 * keep their own tags (`[0]`, SEQUENCE), any other element is the private data. */
export const EscapeArgument = sequence('EscapeArgument', {
  escapeRegisterID: optional(EscapeRegisterID),
  security: optional(CSTASecurityData),
  privateData: CSTAPrivateData,
});
export type EscapeArgument = Infer<typeof EscapeArgument>;

/** ```asn1
 * EscapeResult  ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const EscapeResult = choice('EscapeResult', { extensions: CSTACommonArguments, noData: NULL });
export type EscapeResult = Infer<typeof EscapeResult>;

/** ```asn1
 * escape OPERATION ::=
 * { 	ARGUMENT 		EscapeArgument
 *	RESULT			EscapeResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 51 }
 * ``` */
export const escape = defineOperation({ name: 'escape', code: 51, argument: EscapeArgument, result: EscapeResult });
