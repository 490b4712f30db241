/**
 * CSTA-send-user-information { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) send-user-information(234) } (ECMA-285).
 */
import { NULL, choice, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { UserData } from '../types/device-feature-types.js';

/** ```asn1
 * SendUserInfoArgument ::= SEQUENCE
 * {	existingCall			ConnectionID,
 *	userData			UserData,
 *	extensions			CSTACommonArguments		OPTIONAL }
 * ``` */
export const SendUserInfoArgument = sequence('SendUserInfoArgument', {
  existingCall: ConnectionID,
  userData: UserData,
  extensions: optional(CSTACommonArguments),
});
export type SendUserInfoArgument = Infer<typeof SendUserInfoArgument>;

/** ```asn1
 * SendUserInfoResult ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const SendUserInfoResult = choice('SendUserInfoResult', { extensions: CSTACommonArguments, noData: NULL });
export type SendUserInfoResult = Infer<typeof SendUserInfoResult>;

/** ```asn1
 * sendUserInfo	OPERATION ::=
 * {	ARGUMENT		SendUserInfoArgument
 *	RESULT			SendUserInfoResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 234 }
 * ``` */
export const sendUserInfo = defineOperation({ name: 'sendUserInfo', code: 234, argument: SendUserInfoArgument, result: SendUserInfoResult });
