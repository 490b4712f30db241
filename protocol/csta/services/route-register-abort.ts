/**
 * CSTA-route-register-abort { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) route-register-abort(249) } (ECMA-285). Sent by the switching function.
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { RouteRegisterReqID } from '../types/device-feature-types.js';

/** ```asn1
 * RouteRegisterAbortArgument ::= SEQUENCE
 * {	routeRegisterReqID		RouteRegisterReqID,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRegisterAbortArgument = sequence('RouteRegisterAbortArgument', {
  routeRegisterReqID: RouteRegisterReqID,
  extensions: optional(CSTACommonArguments),
});
export type RouteRegisterAbortArgument = Infer<typeof RouteRegisterAbortArgument>;

/** ```asn1
 * routeRegisterAbort OPERATION ::=
 * {	ARGUMENT		RouteRegisterAbortArgument
 *	ERRORS			{universalFailure }
 *	ALWAYS RESPONDS		FALSE
 *	CODE			local: 249 }
 * ``` */
export const routeRegisterAbort = defineOperation({ name: 'routeRegisterAbort', code: 249, argument: RouteRegisterAbortArgument });
