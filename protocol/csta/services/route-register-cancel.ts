/**
 * CSTA-route-register-cancel { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) route-register-cancel(250) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { RouteRegisterReqID } from '../types/device-feature-types.js';

/** ```asn1
 * RouteRegisterCancelArgument ::= SEQUENCE
 * {	routeRegisterReqID		RouteRegisterReqID,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteRegisterCancelArgument = sequence('RouteRegisterCancelArgument', {
  routeRegisterReqID: RouteRegisterReqID,
  extensions: optional(CSTACommonArguments),
});
export type RouteRegisterCancelArgument = Infer<typeof RouteRegisterCancelArgument>;

/** ```asn1
 * RouteRegisterCancelResult  ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData	 			NULL }
 * ``` */
export const RouteRegisterCancelResult = choice('RouteRegisterCancelResult', { extensions: CSTACommonArguments, noData: NULL });
export type RouteRegisterCancelResult = Infer<typeof RouteRegisterCancelResult>;

/** ```asn1
 * routeRegisterCancel OPERATION ::=
 * {	ARGUMENT		RouteRegisterCancelArgument
 *	RESULT			RouteRegisterCancelResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 	250 }
 * ``` */
export const routeRegisterCancel = defineOperation({
  name: 'routeRegisterCancel',
  code: 250,
  argument: RouteRegisterCancelArgument,
  result: RouteRegisterCancelResult,
});
