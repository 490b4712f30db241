/**
 * CSTA-device-capabilities-changed-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * device-capabilities-changed-event(334) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * DeviceCapsChangedEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	cause				EventCause				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const DeviceCapsChangedEvent = sequence('DeviceCapsChangedEvent', {
  device: SubjectDeviceID,
  cause: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type DeviceCapsChangedEvent = Infer<typeof DeviceCapsChangedEvent>;
