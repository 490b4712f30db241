/**
 * CSTA-monitor-start { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * monitor-start(101) } (ECMA-285).
 */
import { BOOLEAN, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MonitorCrossRefID, MonitorFilter, MonitorMediaClass, MonitorObject, MonitorType } from '../types/status-reporting.js';

/** ```asn1
 * MonitorStartArgument ::= SEQUENCE
 * { 	monitorObject 			MonitorObject,
 *	requestedMonitorFilter 		[0] IMPLICIT MonitorFilter 	OPTIONAL,
 *	monitorType 			MonitorType 			OPTIONAL,
 *	requestedMonitorMediaClass 	[1] IMPLICIT MonitorMediaClass 	OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const MonitorStartArgument = sequence('MonitorStartArgument', {
  monitorObject: MonitorObject,
  requestedMonitorFilter: optional(implicit(0, MonitorFilter)),
  monitorType: optional(MonitorType),
  requestedMonitorMediaClass: optional(implicit(1, MonitorMediaClass)),
  extensions: optional(CSTACommonArguments),
});
export type MonitorStartArgument = Infer<typeof MonitorStartArgument>;

/** ```asn1
 * MonitorStartResult ::= SEQUENCE
 * { 	crossRefIdentifier 		MonitorCrossRefID,
 *	actualmonitorFilter 		[0] IMPLICIT MonitorFilter 	OPTIONAL,
 *	actualMonitorMediaClass 	[1] IMPLICIT MonitorMediaClass 	OPTIONAL,
 *	monitorExistingCalls 		BOOLEAN 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const MonitorStartResult = sequence('MonitorStartResult', {
  crossRefIdentifier: MonitorCrossRefID,
  actualmonitorFilter: optional(implicit(0, MonitorFilter)),
  actualMonitorMediaClass: optional(implicit(1, MonitorMediaClass)),
  monitorExistingCalls: optional(BOOLEAN),
  extensions: optional(CSTACommonArguments),
});
export type MonitorStartResult = Infer<typeof MonitorStartResult>;

/** ```asn1
 * monitorStart OPERATION ::=
 * { 	ARGUMENT 		MonitorStartArgument
 *	RESULT 			MonitorStartResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 71 }
 * ``` */
export const monitorStart = defineOperation({ name: 'monitorStart', code: 71, argument: MonitorStartArgument, result: MonitorStartResult });
