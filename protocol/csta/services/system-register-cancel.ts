/**
 * CSTA-system-register-cancel { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) system-register-cancel(209) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID } from '../types/device-feature-types.js';

/** ```asn1
 * SystemRegisterCancelArgument ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SystemRegisterCancelArgument = sequence('SystemRegisterCancelArgument', {
  sysStatRegisterID: SysStatRegisterID,
  extensions: optional(CSTACommonArguments),
});
export type SystemRegisterCancelArgument = Infer<typeof SystemRegisterCancelArgument>;

/** ```asn1
 * SystemRegisterCancelResult ::= CHOICE
 * { 	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const SystemRegisterCancelResult = choice('SystemRegisterCancelResult', { extensions: CSTACommonArguments, noData: NULL });
export type SystemRegisterCancelResult = Infer<typeof SystemRegisterCancelResult>;

/** ```asn1
 * systemRegisterCancel OPERATION ::=
 * { 	ARGUMENT 		SystemRegisterCancelArgument
 *	RESULT 			SystemRegisterCancelResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 209 }
 * ``` */
export const systemRegisterCancel = defineOperation({
  name: 'systemRegisterCancel',
  code: 209,
  argument: SystemRegisterCancelArgument,
  result: SystemRegisterCancelResult,
});
