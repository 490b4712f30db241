/**
 * CSTA-directed-pickup-call { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) directed-pickup-call(220) } (ECMA-285).
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
 * DirectedPickupCallArgument ::= SEQUENCE
 * { 	callToBePickedUp 		ConnectionID,
 *	requestingDevice 		DeviceID,
 *	correlatorData 			CorrelatorData 			OPTIONAL,
 *	userData 			UserData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const DirectedPickupCallArgument = sequence('DirectedPickupCallArgument', {
  callToBePickedUp: ConnectionID,
  requestingDevice: DeviceID,
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type DirectedPickupCallArgument = Infer<typeof DirectedPickupCallArgument>;

/** ```asn1
 * DirectedPickupCallResult ::= SEQUENCE
 * { 	pickedCall 			ConnectionID 			OPTIONAL,
 *	pickedCallInfo 			ConnectionInformation 		OPTIONAL,
 *	callLinkageData 		[1] IMPLICIT CallLinkageData 	OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const DirectedPickupCallResult = sequence('DirectedPickupCallResult', {
  pickedCall: optional(ConnectionID),
  pickedCallInfo: optional(ConnectionInformation),
  callLinkageData: optional(implicit(1, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type DirectedPickupCallResult = Infer<typeof DirectedPickupCallResult>;

/** ```asn1
 * directedPickupCall OPERATION ::=
 * { 	ARGUMENT 		DirectedPickupCallArgument
 *	RESULT 			DirectedPickupCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 220 }
 * ``` */
export const directedPickupCall = defineOperation({
  name: 'directedPickupCall',
  code: 220,
  argument: DirectedPickupCallArgument,
  result: DirectedPickupCallResult,
});
