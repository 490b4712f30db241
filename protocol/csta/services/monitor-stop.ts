/**
 * CSTA-monitor-stop { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * monitor-stop(103) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MonitorCrossRefID } from '../types/status-reporting.js';

/** ```asn1
 * MonitorStopArgument ::= SEQUENCE
 * {	crossRefIdentifier 		MonitorCrossRefID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const MonitorStopArgument = sequence('MonitorStopArgument', {
  crossRefIdentifier: MonitorCrossRefID,
  extensions: optional(CSTACommonArguments),
});
export type MonitorStopArgument = Infer<typeof MonitorStopArgument>;

/** ```asn1
 * MonitorStopResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const MonitorStopResult = choice('MonitorStopResult', { extensions: CSTACommonArguments, noData: NULL });
export type MonitorStopResult = Infer<typeof MonitorStopResult>;

/** ```asn1
 * monitorStop OPERATION ::=
 * { 	ARGUMENT 		MonitorStopArgument
 *	RESULT 			MonitorStopResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 73 }
 * ``` */
export const monitorStop = defineOperation({ name: 'monitorStop', code: 73, argument: MonitorStopArgument, result: MonitorStopResult });
