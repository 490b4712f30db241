/**
 * CSTA-intrude-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * intrude-call(222) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { ParticipationType, UserData } from '../types/device-feature-types.js';
import { CallLinkageDataList } from '../types/call-control.js';

/** ```asn1
 * IntrudeCallArgument ::= SEQUENCE
 * { 	intrude 			ConnectionID,
 *	participationType 		ParticipationType 			DEFAULT active,
 *	userData 			UserData 				OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ```
 * `participationType` DEFAULT active: absent stays absent. */
export const IntrudeCallArgument = sequence('IntrudeCallArgument', {
  intrude: ConnectionID,
  participationType: optional(ParticipationType),
  userData: optional(UserData),
  extensions: optional(CSTACommonArguments),
});
export type IntrudeCallArgument = Infer<typeof IntrudeCallArgument>;

/** ```asn1
 * IntrudeCallResult ::= SEQUENCE
 * { 	conferencedCall 		ConnectionID 				OPTIONAL,
 *	conferencedCallInfo 		ConnectionInformation 			OPTIONAL,
 *	callLinkageDataList		[1] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const IntrudeCallResult = sequence('IntrudeCallResult', {
  conferencedCall: optional(ConnectionID),
  conferencedCallInfo: optional(ConnectionInformation),
  callLinkageDataList: optional(implicit(1, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type IntrudeCallResult = Infer<typeof IntrudeCallResult>;

/** ```asn1
 * intrudeCall OPERATION ::=
 * { 	ARGUMENT 		IntrudeCallArgument
 *	RESULT 			IntrudeCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 222 }
 * ``` */
export const intrudeCall = defineOperation({ name: 'intrudeCall', code: 222, argument: IntrudeCallArgument, result: IntrudeCallResult });
