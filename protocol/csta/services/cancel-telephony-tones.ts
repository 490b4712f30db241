/**
 * CSTA-cancel-telephony-tones { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) cancel-telephony-tones(231) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CancelTelephonyTonesArgument ::= SEQUENCE
 * {	connectionToStopTone		ConnectionID,
 *	extensions			CSTACommonArguments		OPTIONAL }
 * ``` */
export const CancelTelephonyTonesArgument = sequence('CancelTelephonyTonesArgument', {
  connectionToStopTone: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type CancelTelephonyTonesArgument = Infer<typeof CancelTelephonyTonesArgument>;

/** ```asn1
 * CancelTelephonyTonesResult ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const CancelTelephonyTonesResult = choice('CancelTelephonyTonesResult', { extensions: CSTACommonArguments, noData: NULL });
export type CancelTelephonyTonesResult = Infer<typeof CancelTelephonyTonesResult>;

/** ```asn1
 * cancelTelephonyTones OPERATION ::=
 * {	ARGUMENT		CancelTelephonyTonesArgument
 *	RESULT			CancelTelephonyTonesResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 231 }
 * ``` */
export const cancelTelephonyTones = defineOperation({
  name: 'cancelTelephonyTones',
  code: 231,
  argument: CancelTelephonyTonesArgument,
  result: CancelTelephonyTonesResult,
});
