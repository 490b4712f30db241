/**
 * CSTA-presence-state-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * presence-state-event(552) } (ECMA-285).
 */
import { OCTET_STRING, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { PresenceState } from '../types/device-feature-types.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { TimeInfo } from '../types/security.js';

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
