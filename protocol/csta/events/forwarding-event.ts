/**
 * CSTA-forwarding-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * forwarding-event(43) } (ECMA-285).
 */
import { BOOLEAN, INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ForwardDefault, ForwardingType } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * ForwardingEvent ::= SEQUENCE
 * {	device 				SubjectDeviceID,
 *	forwardingType 			ForwardingType				OPTIONAL,
 *	forwardStatus 			BOOLEAN,
 *	forwardTo	 		DeviceID				OPTIONAL,
 *	forwardDefault 			ForwardDefault				OPTIONAL,
 *	ringCount 			INTEGER (1..100)			OPTIONAL,
 *	ringDuration			[4] IMPLICIT INTEGER			OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ```
 * The `(1..100)` constraint of `ringCount` is not checked (any INTEGER is decoded and kept). */
export const ForwardingEvent = sequence('ForwardingEvent', {
  device: SubjectDeviceID,
  forwardingType: optional(ForwardingType),
  forwardStatus: BOOLEAN,
  forwardTo: optional(DeviceID),
  forwardDefault: optional(ForwardDefault),
  ringCount: optional(INTEGER),
  ringDuration: optional(implicit(4, INTEGER)),
  extensions: optional(CSTACommonArguments),
});
export type ForwardingEvent = Infer<typeof ForwardingEvent>;
