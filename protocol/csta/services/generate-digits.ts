/**
 * CSTA-generate-digits { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * generate-digits(232) } (ECMA-285).
 *
 * This is the DTMF operation of ECMA-285: Phase III has no separate sendDTMF operation (the
 * Phase II `sendDTMFTones` service of ECMA-217/218 was replaced by Generate Digits with
 * `digitMode dTMF`).
 */
import { IA5String, INTEGER, NULL, choice, enumerated, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * DigitMode ::= ENUMERATED
 * {	rotaryPulse			(0),
 *	dTMF				(1) }
 * ``` */
export const DigitMode = enumerated('DigitMode', { rotaryPulse: 0, dTMF: 1 });
export type DigitMode = Infer<typeof DigitMode>;

/** ```asn1
 * GenerateDigitsArgument ::= SEQUENCE
 * {	connectionToSendDigits		ConnectionID,
 *	digitMode			DigitMode			OPTIONAL,
 *	charactersToSend		IA5String,
 *	toneDuration			[0] IMPLICIT INTEGER		OPTIONAL,
 *	pulseRate			[1] IMPLICIT INTEGER		OPTIONAL,
 *	pauseDuration			[2] IMPLICIT INTEGER		OPTIONAL,
 *	extensions			CSTACommonArguments		OPTIONAL }
 * ``` */
export const GenerateDigitsArgument = sequence('GenerateDigitsArgument', {
  connectionToSendDigits: ConnectionID,
  digitMode: optional(DigitMode),
  charactersToSend: IA5String,
  toneDuration: optional(implicit(0, INTEGER)),
  pulseRate: optional(implicit(1, INTEGER)),
  pauseDuration: optional(implicit(2, INTEGER)),
  extensions: optional(CSTACommonArguments),
});
export type GenerateDigitsArgument = Infer<typeof GenerateDigitsArgument>;

/** ```asn1
 * GenerateDigitsResult ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const GenerateDigitsResult = choice('GenerateDigitsResult', { extensions: CSTACommonArguments, noData: NULL });
export type GenerateDigitsResult = Infer<typeof GenerateDigitsResult>;

/** ```asn1
 * generateDigits	OPERATION ::=
 * {	ARGUMENT		GenerateDigitsArgument
 *	RESULT			GenerateDigitsResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 232 }
 * ``` */
export const generateDigits = defineOperation({
  name: 'generateDigits',
  code: 232,
  argument: GenerateDigitsArgument,
  result: GenerateDigitsResult,
});
