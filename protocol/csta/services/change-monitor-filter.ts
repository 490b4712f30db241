/**
 * CSTA-change-monitor-filter { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) change-monitor-filter(102) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MonitorCrossRefID, MonitorFilter } from '../types/status-reporting.js';

/** ```asn1
 * ChangeMonitorFilterArgument ::= SEQUENCE
 * {	crossRefIdentifier 		MonitorCrossRefID,
 *	requestedFilterList 		MonitorFilter,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeMonitorFilterArgument = sequence('ChangeMonitorFilterArgument', {
  crossRefIdentifier: MonitorCrossRefID,
  requestedFilterList: MonitorFilter,
  extensions: optional(CSTACommonArguments),
});
export type ChangeMonitorFilterArgument = Infer<typeof ChangeMonitorFilterArgument>;

/** ```asn1
 * ChangeMonitorFilterResult ::= SEQUENCE
 * {	actualFilterList 		MonitorFilter 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeMonitorFilterResult = sequence('ChangeMonitorFilterResult', {
  actualFilterList: optional(MonitorFilter),
  extensions: optional(CSTACommonArguments),
});
export type ChangeMonitorFilterResult = Infer<typeof ChangeMonitorFilterResult>;

/** ```asn1
 * changeMonitorFilter OPERATION ::=
 * { 	ARGUMENT 		ChangeMonitorFilterArgument
 *	RESULT 			ChangeMonitorFilterResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 72 }
 * ``` */
export const changeMonitorFilter = defineOperation({
  name: 'changeMonitorFilter',
  code: 72,
  argument: ChangeMonitorFilterArgument,
  result: ChangeMonitorFilterResult,
});
