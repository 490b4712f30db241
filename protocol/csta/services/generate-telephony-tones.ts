/**
 * CSTA-generate-telephony-tones { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) generate-telephony-tones(233) } (ECMA-285).
 */
import { INTEGER, NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { TelephonyTone } from '../types/device-feature-types.js';

/** ```asn1
 * GenerateTelephonyTonesArgument ::= SEQUENCE
 * {	connectionToSendTone		ConnectionID,
 *	toneToSend			TelephonyTone,
 *	toneDuration			INTEGER				OPTIONAL,
 *	extensions			CSTACommonArguments		OPTIONAL }
 * ``` */
export const GenerateTelephonyTonesArgument = sequence('GenerateTelephonyTonesArgument', {
  connectionToSendTone: ConnectionID,
  toneToSend: TelephonyTone,
  toneDuration: optional(INTEGER),
  extensions: optional(CSTACommonArguments),
});
export type GenerateTelephonyTonesArgument = Infer<typeof GenerateTelephonyTonesArgument>;

/** ```asn1
 * GenerateTelephonyTonesResult ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const GenerateTelephonyTonesResult = choice('GenerateTelephonyTonesResult', { extensions: CSTACommonArguments, noData: NULL });
export type GenerateTelephonyTonesResult = Infer<typeof GenerateTelephonyTonesResult>;

/** ```asn1
 * generateTelephonyTones	 OPERATION ::=
 * {	ARGUMENT		GenerateTelephonyTonesArgument
 *	RESULT			GenerateTelephonyTonesResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 233 }
 * ``` */
export const generateTelephonyTones = defineOperation({
  name: 'generateTelephonyTones',
  code: 233,
  argument: GenerateTelephonyTonesArgument,
  result: GenerateTelephonyTonesResult,
});
