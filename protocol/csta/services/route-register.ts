/**
 * CSTA-route-register { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * route-register(248) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MediaClass } from '../types/media-services.js';
import { RouteRegisterReqID } from '../types/device-feature-types.js';

/** ```asn1
 * RouteRegisterArgument ::= SEQUENCE
 * {	routeingDevice			DeviceID				OPTIONAL,
 *	requestedRouteingMediaClass	MediaClass				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRegisterArgument = sequence('RouteRegisterArgument', {
  routeingDevice: optional(DeviceID),
  requestedRouteingMediaClass: optional(MediaClass),
  extensions: optional(CSTACommonArguments),
});
export type RouteRegisterArgument = Infer<typeof RouteRegisterArgument>;

/** ```asn1
 * RouteRegisterResult ::= SEQUENCE
 * {	routeRegisterReqID		RouteRegisterReqID,
 *	actualRouteingMediaClass	MediaClass				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRegisterResult = sequence('RouteRegisterResult', {
  routeRegisterReqID: RouteRegisterReqID,
  actualRouteingMediaClass: optional(MediaClass),
  extensions: optional(CSTACommonArguments),
});
export type RouteRegisterResult = Infer<typeof RouteRegisterResult>;

/** ```asn1
 * routeRegister OPERATION ::=
 * {	ARGUMENT		RouteRegisterArgument
 *	RESULT			RouteRegisterResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 248 }
 * ``` */
export const routeRegister = defineOperation({ name: 'routeRegister', code: 248, argument: RouteRegisterArgument, result: RouteRegisterResult });
