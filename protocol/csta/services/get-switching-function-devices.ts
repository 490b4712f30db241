/**
 * CSTA-get-switching-function-devices { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) get-switching-function-devices(204) } (ECMA-285).
 */
import { enumerated, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ServiceCrossRefID } from './snapshot-device.js';

/** ```asn1
 * ReqDeviceCategory ::= ENUMERATED
 * {	acd ( 0), conference (11), dtmfIV (12), genericIV (13), groupACD ( 1), groupHunt ( 2),
 *	groupPick ( 3), groupOther ( 4), groupUser (14), listenerIV (15), messageIV (16),
 *	networkInterface ( 5), park ( 6), promptIV (17), promptQueue (18), routeingDevice ( 7),
 *	station ( 8), voiceUnit ( 9), other (10) }
 * ``` */
export const ReqDeviceCategory = enumerated('ReqDeviceCategory', {
  acd: 0,
  conference: 11,
  dtmfIV: 12,
  genericIV: 13,
  groupACD: 1,
  groupHunt: 2,
  groupPick: 3,
  groupOther: 4,
  groupUser: 14,
  listenerIV: 15,
  messageIV: 16,
  networkInterface: 5,
  park: 6,
  promptIV: 17,
  promptQueue: 18,
  routeingDevice: 7,
  station: 8,
  voiceUnit: 9,
  other: 10,
});
export type ReqDeviceCategory = Infer<typeof ReqDeviceCategory>;

/** ```asn1
 * GetSwitchingFunctionDevicesArgument ::= SEQUENCE
 * { 	requestedDeviceID 		DeviceID 			OPTIONAL,
 *	requestedDeviceCategory 	ReqDeviceCategory 		OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const GetSwitchingFunctionDevicesArgument = sequence('GetSwitchingFunctionDevicesArgument', {
  requestedDeviceID: optional(DeviceID),
  requestedDeviceCategory: optional(ReqDeviceCategory),
  extensions: optional(CSTACommonArguments),
});
export type GetSwitchingFunctionDevicesArgument = Infer<typeof GetSwitchingFunctionDevicesArgument>;

/** ```asn1
 * GetSwitchingFunctionDevicesResult ::= SEQUENCE
 * { 	serviceCrossRefID 		ServiceCrossRefID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const GetSwitchingFunctionDevicesResult = sequence('GetSwitchingFunctionDevicesResult', {
  serviceCrossRefID: ServiceCrossRefID,
  extensions: optional(CSTACommonArguments),
});
export type GetSwitchingFunctionDevicesResult = Infer<typeof GetSwitchingFunctionDevicesResult>;

/** ```asn1
 * getSwitchingFunctionDevices OPERATION ::=
 * { 	ARGUMENT 		GetSwitchingFunctionDevicesArgument
 *	RESULT 			GetSwitchingFunctionDevicesResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local:204 }
 * ``` */
export const getSwitchingFunctionDevices = defineOperation({
  name: 'getSwitchingFunctionDevices',
  code: 204,
  argument: GetSwitchingFunctionDevicesArgument,
  result: GetSwitchingFunctionDevicesResult,
});
