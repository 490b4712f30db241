/**
 * CSTA-snapshot-device-data { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * snapshot-device-data(107) } (ECMA-285). Sent by the switching function: one segment of a
 * snapshotDevice response that was answered with a serviceCrossRefID.
 */
import { BOOLEAN, INTEGER, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SnapshotDeviceData } from '../types/status-reporting.js';
import { ServiceCrossRefID } from './snapshot-device.js';

/** ```asn1
 * SnapshotDeviceDataArgument ::= SEQUENCE
 * {	serviceCrossRefID 		ServiceCrossRefID,
 *	segmentID 			INTEGER 			OPTIONAL,
 *	lastSegment 			BOOLEAN,
 *	snapshotData 			SnapshotDeviceData,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SnapshotDeviceDataArgument = sequence('SnapshotDeviceDataArgument', {
  serviceCrossRefID: ServiceCrossRefID,
  segmentID: optional(INTEGER),
  lastSegment: BOOLEAN,
  snapshotData: SnapshotDeviceData,
  extensions: optional(CSTACommonArguments),
});
export type SnapshotDeviceDataArgument = Infer<typeof SnapshotDeviceDataArgument>;

/** ```asn1
 * snapshotDeviceData OPERATION ::=
 * { 	ARGUMENT 		SnapshotDeviceDataArgument
 *	ERRORS 			{universalFailure }
 *	ALWAYS RESPONDS 	FALSE
 *	CODE 			local: 77 }
 * ``` */
export const snapshotDeviceData = defineOperation({ name: 'snapshotDeviceData', code: 77, argument: SnapshotDeviceDataArgument });
