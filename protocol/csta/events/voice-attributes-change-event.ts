/**
 * CSTA-voice-attributes-change-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) voice-attributes-change-event(74) } (ECMA-285).
 */
import { BOOLEAN, IA5String, INTEGER, enumerated, explicit, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { MessageID, ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { Volume } from '../types/physical-device-feature.js';

/** ```asn1
 * VoiceAttributesChangeEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	resource			[ 4] IMPLICIT ResourceID		OPTIONAL,
 *	message				MessageID,
 *	playVolume			[ 0] Volume				OPTIONAL,
 *	recordingGain			[ 1] IMPLICIT INTEGER (0 .. 100)	OPTIONAL,
 *	speed				[ 2] IMPLICIT INTEGER 			OPTIONAL,
 *	currentPosition			[ 3] IMPLICIT INTEGER			OPTIONAL,
 *	grammars			[ 5] IMPLICIT IA5String			OPTIONAL,
 *	language			[ 6] IMPLICIT IA5String			OPTIONAL,
 *	mode				[ 7] IMPLICIT ENUMERATED
 *					{	automatic	(0),
 *						single		(1),
 *						multiple	(2) }		OPTIONAL,
 *	retainAudio			[ 8] IMPLICIT BOOLEAN			OPTIONAL,
 *	silenceTimeout			[ 9] IMPLICIT INTEGER			OPTIONAL,
 *	maxTimeout			[10] IMPLICIT INTEGER			OPTIONAL,
 *	babbleTimeout			[11] IMPLICIT INTEGER			OPTIONAL,
 *	endSilence			[12] IMPLICIT INTEGER			OPTIONAL,
 *	rejectionThreshold		[13] IMPLICIT INTEGER			OPTIONAL,
 *	autoInterruptible		[14] IMPLICIT BOOLEAN			OPTIONAL,
 *	innerXML			[15] IMPLICIT IA5String			OPTIONAL,
 *	interDigitTimeout		[16] IMPLICIT INTEGER			OPTIONAL,
 *	preflush			[17] IMPLICIT BOOLEAN			OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ```
 * `playVolume` is explicitly tagged (module default EXPLICIT; Volume is an untagged CHOICE). */
export const VoiceAttributesChangeEvent = sequence('VoiceAttributesChangeEvent', {
  connection: ConnectionID,
  resource: optional(implicit(4, ResourceID)),
  message: MessageID,
  playVolume: optional(explicit(0, Volume)),
  recordingGain: optional(implicit(1, INTEGER)),
  speed: optional(implicit(2, INTEGER)),
  currentPosition: optional(implicit(3, INTEGER)),
  grammars: optional(implicit(5, IA5String)),
  language: optional(implicit(6, IA5String)),
  mode: optional(implicit(7, enumerated('VoiceAttributesChangeEvent.mode', { automatic: 0, single: 1, multiple: 2 }))),
  retainAudio: optional(implicit(8, BOOLEAN)),
  silenceTimeout: optional(implicit(9, INTEGER)),
  maxTimeout: optional(implicit(10, INTEGER)),
  babbleTimeout: optional(implicit(11, INTEGER)),
  endSilence: optional(implicit(12, INTEGER)),
  rejectionThreshold: optional(implicit(13, INTEGER)),
  autoInterruptible: optional(implicit(14, BOOLEAN)),
  innerXML: optional(implicit(15, IA5String)),
  interDigitTimeout: optional(implicit(16, INTEGER)),
  preflush: optional(implicit(17, BOOLEAN)),
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type VoiceAttributesChangeEvent = Infer<typeof VoiceAttributesChangeEvent>;
