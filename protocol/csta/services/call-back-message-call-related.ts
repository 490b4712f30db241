/**
 * CSTA-call-back-message-call-related { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) call-back-message-call-related(216) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * CallBackMessageArgument ::= SEQUENCE
 * { 	callbackMessageConnection 	ConnectionID,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const CallBackMessageArgument = sequence('CallBackMessageArgument', {
  callbackMessageConnection: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type CallBackMessageArgument = Infer<typeof CallBackMessageArgument>;

/** ```asn1
 * CallBackMessageResult ::= SEQUENCE
 * { 	targetDevice 			DeviceID 			OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const CallBackMessageResult = sequence('CallBackMessageResult', {
  targetDevice: optional(DeviceID),
  extensions: optional(CSTACommonArguments),
});
export type CallBackMessageResult = Infer<typeof CallBackMessageResult>;

/** ```asn1
 * callBackMessage OPERATION ::=
 * { 	ARGUMENT 		CallBackMessageArgument
 *	RESULT 			CallBackMessageResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 216 }
 * ``` */
export const callBackMessage = defineOperation({
  name: 'callBackMessage',
  code: 216,
  argument: CallBackMessageArgument,
  result: CallBackMessageResult,
});
