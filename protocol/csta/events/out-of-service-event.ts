/**
 * CSTA-out-of-service-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * out-of-service-event(335) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * OutOfServiceEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	cause				EventCause				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const OutOfServiceEvent = sequence('OutOfServiceEvent', {
  device: SubjectDeviceID,
  cause: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type OutOfServiceEvent = Infer<typeof OutOfServiceEvent>;
