/**
 * CSTA-message-waiting-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * message-waiting-event(44) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * MessageWaitingEvent ::= SEQUENCE
 * {	targetDevice			SubjectDeviceID,
 *	deviceForMessage		DeviceID				OPTIONAL,
 *	messageWaitingOn		BOOLEAN,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const MessageWaitingEvent = sequence('MessageWaitingEvent', {
  targetDevice: SubjectDeviceID,
  deviceForMessage: optional(DeviceID),
  messageWaitingOn: BOOLEAN,
  extensions: optional(CSTACommonArguments),
});
export type MessageWaitingEvent = Infer<typeof MessageWaitingEvent>;
