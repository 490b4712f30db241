/**
 * CSTA-get-forwarding { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * get-forwarding(309) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ForwardList } from '../types/device-feature-types.js';

/** ```asn1
 * GetForwardingArgument ::= SEQUENCE
 * {	device 				DeviceID,
 *	extensions			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const GetForwardingArgument = sequence('GetForwardingArgument', {
  device: DeviceID,
  extensions: optional(CSTACommonArguments),
});
export type GetForwardingArgument = Infer<typeof GetForwardingArgument>;

/** ```asn1
 * GetForwardingResult ::= SEQUENCE
 * {	forwardingList			ForwardList,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const GetForwardingResult = sequence('GetForwardingResult', {
  forwardingList: ForwardList,
  extensions: optional(CSTACommonArguments),
});
export type GetForwardingResult = Infer<typeof GetForwardingResult>;

/** ```asn1
 * getForwarding OPERATION ::=
 * {	ARGUMENT 		GetForwardingArgument
 *	RESULT 			GetForwardingResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 309 }
 * ``` */
export const getForwarding = defineOperation({ name: 'getForwarding', code: 309, argument: GetForwardingArgument, result: GetForwardingResult });
