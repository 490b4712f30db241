/**
 * CSTA-change-system-status-filter { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) change-system-status-filter(206) } (ECMA-285).
 *
 * The module types both filters as `SystemStatus` (the ENUMERATED of CSTA-device-feature-types),
 * not as the `StatusFilter` BIT STRING of CSTA-system-register; transcribed as written.
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SysStatRegisterID, SystemStatus } from '../types/device-feature-types.js';

/** ```asn1
 * ChangeSysStatFilterArg ::= SEQUENCE
 * { 	sysStatRegisterID 		SysStatRegisterID,
 *	requestedStatusFilter 		SystemStatus,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeSysStatFilterArg = sequence('ChangeSysStatFilterArg', {
  sysStatRegisterID: SysStatRegisterID,
  requestedStatusFilter: SystemStatus,
  extensions: optional(CSTACommonArguments),
});
export type ChangeSysStatFilterArg = Infer<typeof ChangeSysStatFilterArg>;

/** ```asn1
 * ChangeSysStatFilterRes ::= SEQUENCE
 * { 	actualStatusFilter 		SystemStatus,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeSysStatFilterRes = sequence('ChangeSysStatFilterRes', {
  actualStatusFilter: SystemStatus,
  extensions: optional(CSTACommonArguments),
});
export type ChangeSysStatFilterRes = Infer<typeof ChangeSysStatFilterRes>;

/** ```asn1
 * changeSysStatFilter OPERATION ::=
 * { 	ARGUMENT 		ChangeSysStatFilterArg
 *	RESULT 			ChangeSysStatFilterRes
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 206 }
 * ``` */
export const changeSysStatFilter = defineOperation({
  name: 'changeSysStatFilter',
  code: 206,
  argument: ChangeSysStatFilterArg,
  result: ChangeSysStatFilterRes,
});
