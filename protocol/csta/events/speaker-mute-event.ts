/**
 * CSTA-speaker-mute-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * speaker-mute-event(46) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AuditoryApparatusID } from '../types/physical-device-feature.js';

/** ```asn1
 * SpeakerMuteEvent ::= SEQUENCE
 * {	invokingDevice			SubjectDeviceID,
 *	auditoryApparatus		AuditoryApparatusID,
 *	speakerMuteOn			BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SpeakerMuteEvent = sequence('SpeakerMuteEvent', {
  invokingDevice: SubjectDeviceID,
  auditoryApparatus: AuditoryApparatusID,
  speakerMuteOn: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type SpeakerMuteEvent = Infer<typeof SpeakerMuteEvent>;
