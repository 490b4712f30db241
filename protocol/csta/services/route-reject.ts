/**
 * CSTA-route-reject { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * route-reject(86) } (ECMA-285). Invoked by the routeing server.
 */
import { enumerated, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, RouteRegisterReqID, RouteingCrossRefID } from '../types/device-feature-types.js';

/** ```asn1
 * RejectCause ::= ENUMERATED
 * {	busyOverflow			(1),
 *	queueTimeOverflow		(2),
 *	capacityOverflow		(3),
 *	calendarOverflow		(4),
 *	unknownOverflow			(5) }
 * ``` */
export const RejectCause = enumerated('RejectCause', {
  busyOverflow: 1,
  queueTimeOverflow: 2,
  capacityOverflow: 3,
  calendarOverflow: 4,
  unknownOverflow: 5,
});
export type RejectCause = Infer<typeof RejectCause>;

/** ```asn1
 * RouteRejectArgument ::= SEQUENCE
 * {	crossRefIdentifier		RouteingCrossRefID,
 *	routeRegisterReqID		[0] IMPLICIT RouteRegisterReqID 	OPTIONAL,
 *	rejectCause			[1] IMPLICIT RejectCause		OPTIONAL,
 *	correlatorData			[2] IMPLICIT CorrelatorData		OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRejectArgument = sequence('RouteRejectArgument', {
  crossRefIdentifier: RouteingCrossRefID,
  routeRegisterReqID: optional(implicit(0, RouteRegisterReqID)),
  rejectCause: optional(implicit(1, RejectCause)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  extensions: optional(CSTACommonArguments),
});
export type RouteRejectArgument = Infer<typeof RouteRejectArgument>;

/** ```asn1
 * routeReject OPERATION ::=
 * { 	ARGUMENT 		RouteRejectArgument
 *	ERRORS	 		{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 36 }
 * ``` */
export const routeReject = defineOperation({ name: 'routeReject', code: 36, argument: RouteRejectArgument });
