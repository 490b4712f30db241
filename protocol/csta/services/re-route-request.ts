/**
 * CSTA-re-route-request { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * re-route-request(82) } (ECMA-285). Invoked by the switching function.
 */
import { INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, RouteRegisterReqID, RouteingCrossRefID } from '../types/device-feature-types.js';
import { CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * ReRouteRequestArgument ::= SEQUENCE
 * {	crossRefIdentifier		RouteingCrossRefID,
 *	routeRegisterReqID 		[0] IMPLICIT RouteRegisterReqID		OPTIONAL,
 *	replyTimeout 			[1] IMPLICIT INTEGER 			OPTIONAL,
 *	correlatorData 			[2] IMPLICIT CorrelatorData 		OPTIONAL,
 *	callLinkageData			[3] IMPLICIT CallLinkageData		OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const ReRouteRequestArgument = sequence('ReRouteRequestArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  replyTimeout: optional(implicit(1, INTEGER)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  callLinkageData: optional(implicit(3, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type ReRouteRequestArgument = Infer<typeof ReRouteRequestArgument>;

/** ```asn1
 * reRouteRequest OPERATION ::=
 * {	ARGUMENT		ReRouteRequestArgument
 *	ERRORS  		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 32 }
 * ``` */
export const reRouteRequest = defineOperation({ name: 'reRouteRequest', code: 32, argument: ReRouteRequestArgument });
