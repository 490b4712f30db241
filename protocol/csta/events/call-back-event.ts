/**
 * CSTA-call-back-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * call-back-event(327) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallBackEvent ::= SEQUENCE
 * {	originatingDevice		SubjectDeviceID,
 *	targetDevice			SubjectDeviceID,
 *	callBackSetCanceled		BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const CallBackEvent = sequence('CallBackEvent', {
  originatingDevice: SubjectDeviceID,
  targetDevice: SubjectDeviceID,
  callBackSetCanceled: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type CallBackEvent = Infer<typeof CallBackEvent>;
