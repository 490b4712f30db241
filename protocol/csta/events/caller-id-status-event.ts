/**
 * CSTA-caller-id-status-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * caller-id-status-event(329) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallerIDStatusEvent ::= SEQUENCE
 * {	device 				DeviceID,
 *	callerIDProvided		BOOLEAN,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ```
 * Note: `device` is a plain `DeviceID` here (not `SubjectDeviceID`), as in the standard's text. */
export const CallerIDStatusEvent = sequence('CallerIDStatusEvent', {
  device: DeviceID,
  callerIDProvided: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type CallerIDStatusEvent = Infer<typeof CallerIDStatusEvent>;
