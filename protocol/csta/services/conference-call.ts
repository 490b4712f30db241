/**
 * CSTA-conference-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * conference-call(6) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ConnectionList } from '../types/connection-states.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { CallLinkageDataList } from '../types/call-control.js';

/** ```asn1
 * ConferenceCallArgument ::= SEQUENCE
 * { 	heldCall 			ConnectionID,
 *	activeCall 			ConnectionID,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ConferenceCallArgument = sequence('ConferenceCallArgument', {
  heldCall: ConnectionID,
  activeCall: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type ConferenceCallArgument = Infer<typeof ConferenceCallArgument>;

/** ```asn1
 * ConferenceCallResult ::= SEQUENCE
 * { 	conferenceCall 			ConnectionID,
 *	connections 			[0] IMPLICIT ConnectionList 		OPTIONAL,
 *	conferenceCallInfo 		[1] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageDataList		[2] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ConferenceCallResult = sequence('ConferenceCallResult', {
  conferenceCall: ConnectionID,
  connections: optional(implicit(0, ConnectionList)),
  conferenceCallInfo: optional(implicit(1, ConnectionInformation)),
  callLinkageDataList: optional(implicit(2, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type ConferenceCallResult = Infer<typeof ConferenceCallResult>;

/** ```asn1
 * conferenceCall OPERATION ::=
 * { 	ARGUMENT 		ConferenceCallArgument
 *	RESULT 			ConferenceCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 6 }
 * ``` */
export const conferenceCall = defineOperation({
  name: 'conferenceCall',
  code: 6,
  argument: ConferenceCallArgument,
  result: ConferenceCallResult,
});
