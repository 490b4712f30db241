/**
 * CSTA-set-do-not-disturb { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * set-do-not-disturb(316) } (ECMA-285).
 */
import { BOOLEAN, NULL, choice, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CallOrigination } from '../types/device-feature-types.js';

/** ```asn1
 * SetDoNotDisturbArgument ::= SEQUENCE
 * {	device				DeviceID,
 *	doNotDisturbOn			BOOLEAN,
 *	callOrigination			CallOrigination				OPTIONAL,
 *	callingDeviceList		SEQUENCE OF DeviceID			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SetDoNotDisturbArgument = sequence('SetDoNotDisturbArgument', {
  device: DeviceID,
  doNotDisturbOn: BOOLEAN,
  callOrigination: optional(CallOrigination),
  callingDeviceList: optional(sequenceOf('SetDoNotDisturbArgument.callingDeviceList', DeviceID)),
  extensions: optional(CSTACommonArguments),
});
export type SetDoNotDisturbArgument = Infer<typeof SetDoNotDisturbArgument>;

/** ```asn1
 * SetDoNotDisturbResult  ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const SetDoNotDisturbResult = choice('SetDoNotDisturbResult', { extensions: CSTACommonArguments, noData: NULL });
export type SetDoNotDisturbResult = Infer<typeof SetDoNotDisturbResult>;

/** ```asn1
 * setDoNotDisturb OPERATION ::=
 * {	ARGUMENT 		SetDoNotDisturbArgument
 *	RESULT 			SetDoNotDisturbResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 316 }
 * ``` */
export const setDoNotDisturb = defineOperation({
  name: 'setDoNotDisturb',
  code: 316,
  argument: SetDoNotDisturbArgument,
  result: SetDoNotDisturbResult,
});
