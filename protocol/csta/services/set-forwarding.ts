/**
 * CSTA-set-forwarding { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * set-forwarding(317) } (ECMA-285).
 */
import { BOOLEAN, INTEGER, NULL, choice, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ForwardingType } from '../types/device-feature-types.js';

/** ```asn1
 * SetForwardingArgument ::= SEQUENCE
 * {	device 				DeviceID,
 *	forwardingType	 		ForwardingType				OPTIONAL,
 *	activateForward			BOOLEAN,
 *	forwardDN 			DeviceID				OPTIONAL,
 *	ringCount 			INTEGER (1..100)			OPTIONAL,
 *	ringDuration			[3] IMPLICIT INTEGER			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SetForwardingArgument = sequence('SetForwardingArgument', {
  device: DeviceID,
  forwardingType: optional(ForwardingType),
  activateForward: BOOLEAN,
  forwardDN: optional(DeviceID),
  ringCount: optional(INTEGER),
  ringDuration: optional(implicit(3, INTEGER)),
  extensions: optional(CSTACommonArguments),
});
export type SetForwardingArgument = Infer<typeof SetForwardingArgument>;

/** ```asn1
 * SetForwardingResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const SetForwardingResult = choice('SetForwardingResult', { extensions: CSTACommonArguments, noData: NULL });
export type SetForwardingResult = Infer<typeof SetForwardingResult>;

/** ```asn1
 * setForwarding OPERATION ::=
 * {	ARGUMENT 		SetForwardingArgument
 *	RESULT 			SetForwardingResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 317 }
 * ``` */
export const setForwarding = defineOperation({ name: 'setForwarding', code: 317, argument: SetForwardingArgument, result: SetForwardingResult });
