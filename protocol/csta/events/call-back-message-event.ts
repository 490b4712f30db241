/**
 * CSTA-call-back-message-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * call-back-message-event(328) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallBackMessageEvent ::= SEQUENCE
 * {	originatingDevice		SubjectDeviceID,
 *	targetDevice			SubjectDeviceID,
 *	callBackMsgSetCanceled		BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const CallBackMessageEvent = sequence('CallBackMessageEvent', {
  originatingDevice: SubjectDeviceID,
  targetDevice: SubjectDeviceID,
  callBackMsgSetCanceled: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type CallBackMessageEvent = Infer<typeof CallBackMessageEvent>;
