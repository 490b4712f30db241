/**
 * CSTA-snapshot-call-data { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * snapshot-call-data(106) } (ECMA-285). Sent by the switching function: one segment of a
 * snapshotCall response that was answered with a serviceCrossRefID.
 */
import { BOOLEAN, INTEGER, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SnapshotCallData } from '../types/status-reporting.js';
import { ServiceCrossRefID } from './snapshot-device.js';

/** ```asn1
 * SnapshotCallDataArgument ::= SEQUENCE
 * {	serviceCrossRefID 		ServiceCrossRefID,
 *	segmentID 			INTEGER 			OPTIONAL,
 *	lastSegment 			BOOLEAN,
 *	snapshotData 			SnapshotCallData,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SnapshotCallDataArgument = sequence('SnapshotCallDataArgument', {
  serviceCrossRefID: ServiceCrossRefID,
  segmentID: optional(INTEGER),
  lastSegment: BOOLEAN,
  snapshotData: SnapshotCallData,
  extensions: optional(CSTACommonArguments),
});
export type SnapshotCallDataArgument = Infer<typeof SnapshotCallDataArgument>;

/** ```asn1
 * snapshotCallData OPERATION ::=
 * { 	ARGUMENT 		SnapshotCallDataArgument
 *	ERRORS 			{universalFailure }
 *	ALWAYS RESPONDS 	FALSE
 *	CODE 			local: 76 }
 * ``` */
export const snapshotCallData = defineOperation({ name: 'snapshotCallData', code: 76, argument: SnapshotCallDataArgument });
