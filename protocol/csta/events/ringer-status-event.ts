/**
 * CSTA-ringer-status-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * ringer-status-event(289) } (ECMA-285).
 */
import { INTEGER, explicit, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { RingerID, RingMode, Volume } from '../types/physical-device-feature.js';

/** ```asn1
 * RingerStatusEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	ringer 				RingerID,
 *	ringMode	 		RingMode				OPTIONAL,
 *	ringCount 			[0] IMPLICIT INTEGER (0..1000) 		OPTIONAL,
 *	ringDuration			[3] IMPLICIT INTEGER			OPTIONAL,
 *	ringPattern	 		[1] IMPLICIT INTEGER 			OPTIONAL,
 *	ringVolume 			[2] Volume				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ```
 * `ringVolume` is explicitly tagged (module default EXPLICIT; Volume is an untagged CHOICE). */
export const RingerStatusEvent = sequence('RingerStatusEvent', {
  device: SubjectDeviceID,
  ringer: RingerID,
  ringMode: optional(RingMode),
  ringCount: optional(implicit(0, INTEGER)),
  ringDuration: optional(implicit(3, INTEGER)),
  ringPattern: optional(implicit(1, INTEGER)),
  ringVolume: optional(explicit(2, Volume)),
  extensions: optional(CSTACommonArguments),
});
export type RingerStatusEvent = Infer<typeof RingerStatusEvent>;
