/**
 * CSTA-route-used-request { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * route-used-request(84) } (ECMA-285). Invoked by the switching function.
 */
import { BOOLEAN, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CalledDeviceID, CallingDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, RouteRegisterReqID, RouteingCrossRefID } from '../types/device-feature-types.js';
import { CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * RouteUsedRequestArgument ::= SEQUENCE
 * {	crossRefIdentifier		RouteingCrossRefID,
 *	routeRegisterReqID		[0] IMPLICIT RouteRegisterReqID		OPTIONAL,
 *	routeUsed			CalledDeviceID,
 *	callingDevice			CallingDeviceID				OPTIONAL,
 *	domain				BOOLEAN					OPTIONAL,
 *	correlatorData			[1] IMPLICIT CorrelatorData		OPTIONAL,
 *	callLinkageData			[2] IMPLICIT CallLinkageData		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteUsedRequestArgument = sequence('RouteUsedRequestArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  routeUsed: CalledDeviceID,
  callingDevice: optional(CallingDeviceID),
  domain: optional(BOOLEAN),
  correlatorData: optional(implicit(1, CorrelatorData)),
  callLinkageData: optional(implicit(2, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type RouteUsedRequestArgument = Infer<typeof RouteUsedRequestArgument>;

/** ```asn1
 * routeUsedRequest OPERATION ::=
 * {	ARGUMENT 		RouteUsedRequestArgument
 *	ERRORS	 		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 34 }
 * ``` */
export const routeUsedRequest = defineOperation({ name: 'routeUsedRequest', code: 34, argument: RouteUsedRequestArgument });
