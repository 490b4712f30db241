/**
 * CSTA-lamp-mode-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * lamp-mode-event(287) } (ECMA-285).
 */
import { OCTET_STRING, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { LampBrightness, LampColor, LampID, LampMode } from '../types/physical-device-feature.js';

/** ```asn1
 * LampModeEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	lamp				LampID,
 *	lampLabel			OCTET STRING				OPTIONAL,
 *	lampMode			LampMode,
 *	lampBrightness			LampBrightness				OPTIONAL,
 *	lampColor			LampColor				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const LampModeEvent = sequence('LampModeEvent', {
  device: SubjectDeviceID,
  lamp: LampID,
  lampLabel: optional(OCTET_STRING),
  lampMode: LampMode,
  lampBrightness: optional(LampBrightness),
  lampColor: optional(LampColor),
  extensions: optional(CSTACommonArguments),
});
export type LampModeEvent = Infer<typeof LampModeEvent>;
