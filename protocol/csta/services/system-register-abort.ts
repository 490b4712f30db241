/**
 * CSTA-system-register-abort { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) system-register-abort(208) } (ECMA-285). Sent by the switching function.
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID } from '../types/device-feature-types.js';

/** ```asn1
 * SystemRegisterAbortArgument ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SystemRegisterAbortArgument = sequence('SystemRegisterAbortArgument', {
  sysStatRegisterID: SysStatRegisterID,
  extensions: optional(CSTACommonArguments),
});
export type SystemRegisterAbortArgument = Infer<typeof SystemRegisterAbortArgument>;

/** ```asn1
 * systemRegisterAbort OPERATION ::=
 * { 	ARGUMENT 		SystemRegisterAbortArgument
 *	ERRORS 			{universalFailure }
 *	ALWAYS RESPONDS 	FALSE
 *	CODE 			local: 208 }
 * ``` */
export const systemRegisterAbort = defineOperation({ name: 'systemRegisterAbort', code: 208, argument: SystemRegisterAbortArgument });
