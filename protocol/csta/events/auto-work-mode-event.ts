/**
 * CSTA-auto-work-mode-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * auto-work-mode-event(326) } (ECMA-285).
 */
import { BOOLEAN, INTEGER, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AutoWorkModeEvent ::= SEQUENCE
 * {	invokingDevice 			SubjectDeviceID,
 *	autoWorkOn			BOOLEAN,
 *	autoWorkInterval		INTEGER,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AutoWorkModeEvent = sequence('AutoWorkModeEvent', {
  invokingDevice: SubjectDeviceID,
  autoWorkOn: BOOLEAN,
  autoWorkInterval: INTEGER,
  extensions: optional(CSTACommonArguments),
});
export type AutoWorkModeEvent = Infer<typeof AutoWorkModeEvent>;
