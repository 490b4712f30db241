/**
 * CSTA-request-system-status { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) request-system-status(210) } (ECMA-285). Either side may invoke it.
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID, SystemStatus } from '../types/device-feature-types.js';

/** ```asn1
 * RequestSysStatArg ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID 		OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const RequestSysStatArg = sequence('RequestSysStatArg', {
  sysStatRegisterID: optional(SysStatRegisterID),
  extensions: optional(CSTACommonArguments),
});
export type RequestSysStatArg = Infer<typeof RequestSysStatArg>;

/** ```asn1
 * RequestSysStatRes ::= SEQUENCE
 * { 	systemStatus 			SystemStatus,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const RequestSysStatRes = sequence('RequestSysStatRes', {
  systemStatus: SystemStatus,
  extensions: optional(CSTACommonArguments),
});
export type RequestSysStatRes = Infer<typeof RequestSysStatRes>;

/** ```asn1
 * requestSysStat OPERATION ::=
 * { 	ARGUMENT 		RequestSysStatArg
 *	RESULT 			RequestSysStatRes
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 210 }
 * ``` */
export const requestSysStat = defineOperation({ name: 'requestSysStat', code: 210, argument: RequestSysStatArg, result: RequestSysStatRes });
