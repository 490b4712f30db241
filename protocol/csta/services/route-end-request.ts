/**
 * CSTA-route-end-request { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * route-end-request(85) } (ECMA-285). Either the switching function or the routeing server may
 * invoke it.
 */
import { explicit, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, RouteRegisterReqID, RouteingCrossRefID } from '../types/device-feature-types.js';
import { UniversalFailure } from '../types/error-definition.js';

/** ```asn1
 * RouteEndRequestArgument ::= SEQUENCE {
 *	crossRefIdentifier		RouteingCrossRefID,
 *	routeRegisterReqID 		[ 0] IMPLICIT RouteRegisterReqID	OPTIONAL,
 *	errorValue			[ 1] ErrorValue				OPTIONAL,
 *	correlatorData			[ 2] IMPLICIT CorrelatorData		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ```
 * `ErrorValue ::= UniversalFailure` (CSTA-error-definition). */
export const RouteEndRequestArgument = sequence('RouteEndRequestArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  errorValue: optional(explicit(1, UniversalFailure)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  extensions: optional(CSTACommonArguments),
});
export type RouteEndRequestArgument = Infer<typeof RouteEndRequestArgument>;

/** ```asn1
 * routeEndRequest OPERATION ::=
 * {	ARGUMENT 		RouteEndRequestArgument
 *	ERRORS  		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 35 }
 * ``` */
export const routeEndRequest = defineOperation({ name: 'routeEndRequest', code: 35, argument: RouteEndRequestArgument });
