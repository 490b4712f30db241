/**
 * CSTA-hookswitch-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * hookswitch-event(286) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { HookswitchID } from '../types/physical-device-feature.js';

/** ```asn1
 * HookswitchEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	hookswitch			HookswitchID,
 *	hookswitchOnHook		BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const HookswitchEvent = sequence('HookswitchEvent', {
  device: SubjectDeviceID,
  hookswitch: HookswitchID,
  hookswitchOnHook: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type HookswitchEvent = Infer<typeof HookswitchEvent>;
