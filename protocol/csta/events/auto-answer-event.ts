/**
 * CSTA-auto-answer-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * auto-answer-event(40) } (ECMA-285).
 */
import { BOOLEAN, INTEGER, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AutoAnswerEvent ::= SEQUENCE
 * {	invokingDevice 			SubjectDeviceID,
 *	autoAnswerOn			BOOLEAN,
 *	numberOfRings			INTEGER					OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AutoAnswerEvent = sequence('AutoAnswerEvent', {
  invokingDevice: SubjectDeviceID,
  autoAnswerOn: BOOLEAN,
  numberOfRings: optional(INTEGER),
  extensions: optional(CSTACommonArguments),
});
export type AutoAnswerEvent = Infer<typeof AutoAnswerEvent>;
