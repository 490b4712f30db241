/**
 * CSTA-get-do-not-disturb { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * get-do-not-disturb(308) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CallOrigination } from '../types/device-feature-types.js';

/** ```asn1
 * GetDoNotDisturbArgument ::= SEQUENCE
 * {	device 				DeviceID,
 *	extensions			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const GetDoNotDisturbArgument = sequence('GetDoNotDisturbArgument', {
  device: DeviceID,
  extensions: optional(CSTACommonArguments),
});
export type GetDoNotDisturbArgument = Infer<typeof GetDoNotDisturbArgument>;

/** ```asn1
 * GetDoNotDisturbResult ::= SEQUENCE
 * {	doNotDisturbOn			BOOLEAN,
 *	callOrigination			CallOrigination				OPTIONAL,
 *	callingDeviceList		SEQUENCE OF DeviceID			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const GetDoNotDisturbResult = sequence('GetDoNotDisturbResult', {
  doNotDisturbOn: BOOLEAN,
  callOrigination: optional(CallOrigination),
  callingDeviceList: optional(sequenceOf('GetDoNotDisturbResult.callingDeviceList', DeviceID)),
  extensions: optional(CSTACommonArguments),
});
export type GetDoNotDisturbResult = Infer<typeof GetDoNotDisturbResult>;

/** ```asn1
 * getDoNotDisturb OPERATION ::=
 * {	ARGUMENT 		GetDoNotDisturbArgument
 *	RESULT 			GetDoNotDisturbResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 308 }
 * ``` */
export const getDoNotDisturb = defineOperation({
  name: 'getDoNotDisturb',
  code: 308,
  argument: GetDoNotDisturbArgument,
  result: GetDoNotDisturbResult,
});
