/**
 * CSTA-snapshot-device { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * snapshot-device(104) } (ECMA-285).
 */
import { OCTET_STRING, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { SnapshotDeviceData } from '../types/status-reporting.js';

/** ```asn1
 * ServiceCrossRefID ::= OCTET STRING 	-- CSTA-capability-exchange (131)
 * ```
 * Defined here because no `types/capability-exchange.ts` module exists yet; the snapshot and
 * switching-function services import it from this file. */
export const ServiceCrossRefID = OCTET_STRING;
export type ServiceCrossRefID = Infer<typeof ServiceCrossRefID>;

/** ```asn1
 * SnapshotDeviceArgument ::= SEQUENCE
 * {	snapshotObject 			DeviceID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SnapshotDeviceArgument = sequence('SnapshotDeviceArgument', {
  snapshotObject: DeviceID,
  extensions: optional(CSTACommonArguments),
});
export type SnapshotDeviceArgument = Infer<typeof SnapshotDeviceArgument>;

/** ```asn1
 * SnapshotDeviceResult ::= SEQUENCE
 * {	crossRefIDorSnapshotData CHOICE
 *	{	serviceCrossRefID 	ServiceCrossRefID,
 *		snapshotData 		SnapshotDeviceData },
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const SnapshotDeviceResult = sequence('SnapshotDeviceResult', {
  crossRefIDorSnapshotData: choice('SnapshotDeviceResult.crossRefIDorSnapshotData', {
    serviceCrossRefID: ServiceCrossRefID,
    snapshotData: SnapshotDeviceData,
  }),
  extensions: optional(CSTACommonArguments),
});
export type SnapshotDeviceResult = Infer<typeof SnapshotDeviceResult>;

/** ```asn1
 * snapshotDevice OPERATION ::=
 * { 	ARGUMENT 		SnapshotDeviceArgument
 *	RESULT 			SnapshotDeviceResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 74 }
 * ``` */
export const snapshotDevice = defineOperation({
  name: 'snapshotDevice',
  code: 74,
  argument: SnapshotDeviceArgument,
  result: SnapshotDeviceResult,
});
