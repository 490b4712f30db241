/**
 * CSTA-microphone-gain-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * microphone-gain-event(288) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AuditoryApparatusID, MicrophoneGain } from '../types/physical-device-feature.js';

/** ```asn1
 * MicrophoneGainEvent ::= SEQUENCE
 * {	invokingDevice			SubjectDeviceID,
 *	auditoryApparatus		AuditoryApparatusID,
 *	microphoneGain			MicrophoneGain,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const MicrophoneGainEvent = sequence('MicrophoneGainEvent', {
  invokingDevice: SubjectDeviceID,
  auditoryApparatus: AuditoryApparatusID,
  microphoneGain: MicrophoneGain,
  extensions: optional(CSTACommonArguments),
});
export type MicrophoneGainEvent = Infer<typeof MicrophoneGainEvent>;
