/**
 * CSTA-button-press-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * button-press-event(284) } (ECMA-285).
 */
import { IA5String, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ButtonID } from '../types/physical-device-feature.js';

/** ```asn1
 * ButtonPressEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	button				ButtonID,
 *	buttonLabel			IA5String (SIZE(0..64))			OPTIONAL,
 *	buttonAssociatedNumber		DeviceID				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const ButtonPressEvent = sequence('ButtonPressEvent', {
  device: SubjectDeviceID,
  button: ButtonID,
  buttonLabel: optional(IA5String),
  buttonAssociatedNumber: optional(DeviceID),
  extensions: optional(CSTACommonArguments),
});
export type ButtonPressEvent = Infer<typeof ButtonPressEvent>;
