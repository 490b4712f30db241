/**
 * CSTA-system-status { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * system-status(211) } (ECMA-285). Either side may invoke it.
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID, SystemStatus } from '../types/device-feature-types.js';

/** ```asn1
 * SystemStatusArg ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID 		OPTIONAL,
 *	systemStatus 			SystemStatus,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SystemStatusArg = sequence('SystemStatusArg', {
  sysStatRegisterID: optional(SysStatRegisterID),
  systemStatus: SystemStatus,
  extensions: optional(CSTACommonArguments),
});
export type SystemStatusArg = Infer<typeof SystemStatusArg>;

/** ```asn1
 * SystemStatusRes ::= CHOICE
 * { 	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const SystemStatusRes = choice('SystemStatusRes', { extensions: CSTACommonArguments, noData: NULL });
export type SystemStatusRes = Infer<typeof SystemStatusRes>;

/** ```asn1
 * systemStatus OPERATION ::=
 * { 	ARGUMENT 		SystemStatusArg
 *	RESULT 			SystemStatusRes
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 211 }
 * ``` */
export const systemStatus = defineOperation({ name: 'systemStatus', code: 211, argument: SystemStatusArg, result: SystemStatusRes });
