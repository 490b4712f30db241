/**
 * CSTA-routeing-mode-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * routeing-mode-event(332) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * RouteingModeEvent ::= SEQUENCE
 * {	device 				SubjectDeviceID,
 *	routeingMode			BOOLEAN,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RouteingModeEvent = sequence('RouteingModeEvent', {
  device: SubjectDeviceID,
  routeingMode: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type RouteingModeEvent = Infer<typeof RouteingModeEvent>;
