/**
 * CSTA-transfer-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * transfer-call(16) } (ECMA-285).
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
 * TransferCallArgument ::= SEQUENCE
 * { 	heldCall 			ConnectionID,
 *	activeCall 			ConnectionID,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const TransferCallArgument = sequence('TransferCallArgument', {
  heldCall: ConnectionID,
  activeCall: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type TransferCallArgument = Infer<typeof TransferCallArgument>;

/** ```asn1
 * TransferCallResult ::= SEQUENCE
 * {	transferredCall 		ConnectionID,
 *	connections 			[0] IMPLICIT ConnectionList 		OPTIONAL,
 *	transferredCallInfo 		[1] IMPLICIT ConnectionInformation 	OPTIONAL,
 *	callLinkageDataList		[2] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const TransferCallResult = sequence('TransferCallResult', {
  transferredCall: ConnectionID,
  connections: optional(implicit(0, ConnectionList)),
  transferredCallInfo: optional(implicit(1, ConnectionInformation)),
  callLinkageDataList: optional(implicit(2, CallLinkageDataList)),
  extensions: optional(CSTACommonArguments),
});
export type TransferCallResult = Infer<typeof TransferCallResult>;

/** ```asn1
 * transferCall OPERATION ::=
 * { 	ARGUMENT 		TransferCallArgument
 *	RESULT 			TransferCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 16 }
 * ``` */
export const transferCall = defineOperation({ name: 'transferCall', code: 16, argument: TransferCallArgument, result: TransferCallResult });
