/**
 * CSTA-join-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * join-call(223) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, ParticipationType, UserData } from '../types/device-feature-types.js';
import { AutoOriginate, CallLinkageDataList } from '../types/call-control.js';

/** ```asn1
 * JoinCallArgument ::= SEQUENCE
 * { 	activeCall 			ConnectionID,
 *	joiningDevice 			DeviceID,
 *	autoOriginate 			[0] IMPLICIT 	AutoOriginate 		DEFAULT prompt,
 *	participationType 		[1] IMPLICIT 	ParticipationType 	DEFAULT active,
 *	accountCode 			[2] IMPLICIT 	AccountInfo 		OPTIONAL,
 *	authCode 			[3] IMPLICIT 	AuthCode 		OPTIONAL,
 *	correlatorData 			[4] IMPLICIT 	CorrelatorData 		OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * DEFAULT components stay absent when absent. */
export const JoinCallArgument = sequence('JoinCallArgument', {
  activeCall: ConnectionID,
  joiningDevice: DeviceID,
  autoOriginate: optional(implicit(0, AutoOriginate)),
  participationType: optional(implicit(1, ParticipationType)),
  accountCode: optional(implicit(2, AccountInfo)),
  authCode: optional(implicit(3, AuthCode)),
  correlatorData: optional(implicit(4, CorrelatorData)),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type JoinCallArgument = Infer<typeof JoinCallArgument>;

/** ```asn1
 * JoinCallResult ::= SEQUENCE
 * { 	conferencedCall 		ConnectionID,
 *	conferencedCallInfo 		ConnectionInformation 			OPTIONAL,
 *	callLinkageDataList		[1] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const JoinCallResult = sequence('JoinCallResult', {
  conferencedCall: ConnectionID,
  conferencedCallInfo: optional(ConnectionInformation),
  callLinkageDataList: optional(implicit(1, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type JoinCallResult = Infer<typeof JoinCallResult>;

/** ```asn1
 * joinCall OPERATION ::=
 * { 	ARGUMENT 		JoinCallArgument
 *	RESULT 			JoinCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 223 }
 * ``` */
export const joinCall = defineOperation({ name: 'joinCall', code: 223, argument: JoinCallArgument, result: JoinCallResult });
