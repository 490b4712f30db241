/**
 * CSTA-microphone-mute-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * microphone-mute-event(45) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AuditoryApparatusID } from '../types/physical-device-feature.js';

/** ```asn1
 * MicrophoneMuteEvent ::= SEQUENCE
 * {	invokingDevice			SubjectDeviceID,
 *	auditoryApparatus		AuditoryApparatusID,
 *	microphoneMuteOn		BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const MicrophoneMuteEvent = sequence('MicrophoneMuteEvent', {
  invokingDevice: SubjectDeviceID,
  auditoryApparatus: AuditoryApparatusID,
  microphoneMuteOn: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type MicrophoneMuteEvent = Infer<typeof MicrophoneMuteEvent>;
