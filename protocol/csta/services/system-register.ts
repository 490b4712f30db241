/**
 * CSTA-system-register { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * system-register(207) } (ECMA-285).
 */
import { bitString, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID } from '../types/device-feature-types.js';

/** ```asn1
 * StatusFilter ::= BIT STRING
 * { 	initializing 		( 0),
 *	enabled 		( 1),
 *	normal 			( 2),
 *	messageLost 		( 3),
 *	disabled 		( 4),
 *	partiallyDisabled 	( 5),
 *	overloadImminent 	( 6),
 *	overloadReached 	( 7),
 *	overloadRelieved 	( 8) }
 * ``` */
export const StatusFilter = bitString('StatusFilter', {
  initializing: 0,
  enabled: 1,
  normal: 2,
  messageLost: 3,
  disabled: 4,
  partiallyDisabled: 5,
  overloadImminent: 6,
  overloadReached: 7,
  overloadRelieved: 8,
});
export type StatusFilter = Infer<typeof StatusFilter>;

/** ```asn1
 * RequestTypes ::= BIT STRING
 * { 	systemStatus 				( 0),
 *	requestSystemStatus 			( 1),
 *	switchingFunctionCapsChanged 		( 2),
 *	switchingFunctionDevicesChanged 	( 3) }
 * ``` */
export const RequestTypes = bitString('RequestTypes', {
  systemStatus: 0,
  requestSystemStatus: 1,
  switchingFunctionCapsChanged: 2,
  switchingFunctionDevicesChanged: 3,
});
export type RequestTypes = Infer<typeof RequestTypes>;

/** ```asn1
 * SystemRegisterArgument ::= SEQUENCE
 * { 	requestTypes 			RequestTypes,
 *	requestedStatusFilter 		StatusFilter 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SystemRegisterArgument = sequence('SystemRegisterArgument', {
  requestTypes: RequestTypes,
  requestedStatusFilter: optional(StatusFilter),
  extensions: optional(CSTACommonArguments),
});
export type SystemRegisterArgument = Infer<typeof SystemRegisterArgument>;

/** ```asn1
 * SystemRegisterResult ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID,
 *	actualStatusFilter 		StatusFilter 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SystemRegisterResult = sequence('SystemRegisterResult', {
  sysStatRegisterID: SysStatRegisterID,
  actualStatusFilter: optional(StatusFilter),
  extensions: optional(CSTACommonArguments),
});
export type SystemRegisterResult = Infer<typeof SystemRegisterResult>;

/** ```asn1
 * systemRegister OPERATION ::=
 * { 	ARGUMENT 		SystemRegisterArgument
 *	RESULT 			SystemRegisterResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 207 }
 * ``` */
export const systemRegister = defineOperation({
  name: 'systemRegister',
  code: 207,
  argument: SystemRegisterArgument,
  result: SystemRegisterResult,
});
