/**
 * CSTA-presence-state-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * presence-state-event(552) } (ECMA-285).
 */
import { OCTET_STRING, bitString, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { TimeInfo } from '../types/security.js';

/** ```asn1
 * PresenceState ::= BIT STRING
 * { 	available (0), away (1), busy (2), calling (3), dnd (4), meeting (5), offline (6),
 *	unknown (7), vacation (8), applicationSpec0 (9), applicationSpec1 (10), applicationSpec2 (11),
 *	applicationSpec3 (12), applicationSpec4 (13), applicationSpec5 (14), applicationSpec6 (15),
 *	applicationSpec7 (16), applicationSpec8 (17), applicationSpec9 (18), applicationSpec10 (19) }
 * ```
 * Defined in CSTA-device-feature-types; declared here until `protocol/csta/types/device-feature-types.ts`
 * exports it (that file has another owner). */
export const PresenceState = bitString('PresenceState', {
  available: 0,
  away: 1,
  busy: 2,
  calling: 3,
  dnd: 4,
  meeting: 5,
  offline: 6,
  unknown: 7,
  vacation: 8,
  applicationSpec0: 9,
  applicationSpec1: 10,
  applicationSpec2: 11,
  applicationSpec3: 12,
  applicationSpec4: 13,
  applicationSpec5: 14,
  applicationSpec6: 15,
  applicationSpec7: 16,
  applicationSpec8: 17,
  applicationSpec9: 18,
  applicationSpec10: 19,
});
export type PresenceState = Infer<typeof PresenceState>;

/** ```asn1
 * PresenceStateEvent::= SEQUENCE
 * {	device 				SubjectDeviceID,
 *	presenceState	 		PresenceState,
 *	fromTime			[0] IMPLICIT TimeInfo			OPTIONAL,
 *	untilTime			[1] IMPLICIT TimeInfo			OPTIONAL,
 *	place				[2] IMPLICIT OCTET STRING		OPTIONAL,
 *	mood				[3] IMPLICIT OCTET STRING		OPTIONAL,
 *	namedPresenceState 		[4] IMPLICIT OCTET STRING		OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const PresenceStateEvent = sequence('PresenceStateEvent', {
  device: SubjectDeviceID,
  presenceState: PresenceState,
  fromTime: optional(implicit(0, TimeInfo)),
  untilTime: optional(implicit(1, TimeInfo)),
  place: optional(implicit(2, OCTET_STRING)),
  mood: optional(implicit(3, OCTET_STRING)),
  namedPresenceState: optional(implicit(4, OCTET_STRING)),
  extensions: optional(CSTACommonArguments),
});
export type PresenceStateEvent = Infer<typeof PresenceStateEvent>;
