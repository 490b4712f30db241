/**
 * CSTA-speaker-volume-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * speaker-volume-event(47) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AuditoryApparatusID, Volume } from '../types/physical-device-feature.js';

/** ```asn1
 * SpeakerVolumeEvent ::= SEQUENCE
 * {	invokingDevice			SubjectDeviceID,
 *	auditoryApparatus		AuditoryApparatusID,
 *	speakerVolume			Volume,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SpeakerVolumeEvent = sequence('SpeakerVolumeEvent', {
  invokingDevice: SubjectDeviceID,
  auditoryApparatus: AuditoryApparatusID,
  speakerVolume: Volume,
  extensions: optional(CSTACommonArguments),
});
export type SpeakerVolumeEvent = Infer<typeof SpeakerVolumeEvent>;
