/**
 * CSTA-group-pickup-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * group-pickup-call(221) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { CorrelatorData, UserData } from '../types/device-feature-types.js';
import { CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * GroupPickupCallArgument ::=SEQUENCE
 * { 	newDestination 			DeviceID,
 *	pickGroup 			DeviceID 			OPTIONAL,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	userData 			UserData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const GroupPickupCallArgument = sequence('GroupPickupCallArgument', {
  newDestination: DeviceID,
  pickGroup: optional(DeviceID),
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type GroupPickupCallArgument = Infer<typeof GroupPickupCallArgument>;

/** ```asn1
 * GroupPickupCallResult ::= SEQUENCE
 * { 	pickedCall 			ConnectionID 			OPTIONAL,
 *	pickedCallInfo 			ConnectionInformation 		OPTIONAL,
 *	callLinkageData 		[1] IMPLICIT CallLinkageData 	OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const GroupPickupCallResult = sequence('GroupPickupCallResult', {
  pickedCall: optional(ConnectionID),
  pickedCallInfo: optional(ConnectionInformation),
  callLinkageData: optional(implicit(1, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type GroupPickupCallResult = Infer<typeof GroupPickupCallResult>;

/** ```asn1
 * groupPickupCall OPERATION ::=
 * { 	ARGUMENT 		GroupPickupCallArgument
 *	RESULT 			GroupPickupCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 221 }
 * ``` */
export const groupPickupCall = defineOperation({
  name: 'groupPickupCall',
  code: 221,
  argument: GroupPickupCallArgument,
  result: GroupPickupCallResult,
});
