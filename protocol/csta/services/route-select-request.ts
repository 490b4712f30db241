/**
 * CSTA-route-select-request { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) route-select-request(83) } (ECMA-285). Invoked by the routeing server.
 */
import { BOOLEAN, explicit, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, RetryValue, RouteRegisterReqID, RouteingCrossRefID } from '../types/device-feature-types.js';

/** ```asn1
 * RouteSelectRequestArgument ::= SEQUENCE
 * {	crossRefIdentifier		RouteingCrossRefID,
 *	routeRegisterReqID		[ 0] IMPLICIT RouteRegisterReqID	OPTIONAL,
 *	routeSelected			[ 1] DeviceID,
 *	alternateRoutes			[ 2] IMPLICIT SEQUENCE OF DeviceID	OPTIONAL,
 *	remainRetries			[ 3] RetryValue				OPTIONAL,
 *	routeUsedReq			[ 4] IMPLICIT BOOLEAN			OPTIONAL,
 *	correlatorData			[ 5] IMPLICIT CorrelatorData		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteSelectRequestArgument = sequence('RouteSelectRequestArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  routeSelected: explicit(1, DeviceID),
  alternateRoutes: optional(implicit(2, sequenceOf('RouteSelectRequestArgument.alternateRoutes', DeviceID))),
  remainRetries: optional(explicit(3, RetryValue)),
  routeUsedReq: optional(implicit(4, BOOLEAN)),
  correlatorData: optional(implicit(5, CorrelatorData)),
  extensions: optional(CSTACommonArguments),
});
export type RouteSelectRequestArgument = Infer<typeof RouteSelectRequestArgument>;

/** ```asn1
 * routeSelectRequest OPERATION ::=
 * {	ARGUMENT 		RouteSelectRequestArgument
 *	ERRORS	 		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 33 }
 * ``` */
export const routeSelectRequest = defineOperation({ name: 'routeSelectRequest', code: 33, argument: RouteSelectRequestArgument });
