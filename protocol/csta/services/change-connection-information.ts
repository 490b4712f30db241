/**
 * CSTA-change-connection-information { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) change-connection-information(377) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';

/** ```asn1
 * ChangeConnectionInformationArgument::= SEQUENCE
 * {	connectionToBeChanged		ConnectionID,
 *	requestedConnectionInfo		ConnectionInformation,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeConnectionInformationArgument = sequence('ChangeConnectionInformationArgument', {
  connectionToBeChanged: ConnectionID,
  requestedConnectionInfo: ConnectionInformation,
  extensions: optional(CSTACommonArguments),
});
export type ChangeConnectionInformationArgument = Infer<typeof ChangeConnectionInformationArgument>;

/** ```asn1
 * ChangeConnectionInformationResult::= SEQUENCE
 * { 	actualConnectionInfo 		ConnectionInformation,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const ChangeConnectionInformationResult = sequence('ChangeConnectionInformationResult', {
  actualConnectionInfo: ConnectionInformation,
  extensions: optional(CSTACommonArguments),
});
export type ChangeConnectionInformationResult = Infer<typeof ChangeConnectionInformationResult>;

/** ```asn1
 * changeConnectionInformation OPERATION ::=
 * { 	ARGUMENT 		ChangeConnectionInformationArgument
 *	RESULT 			ChangeConnectionInformationResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 377 }
 * ``` */
export const changeConnectionInformation = defineOperation({
  name: 'changeConnectionInformation',
  code: 377,
  argument: ChangeConnectionInformationArgument,
  result: ChangeConnectionInformationResult,
});
