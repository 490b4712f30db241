/**
 * CSTA-park-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * park-call(18) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, LanguagePreferences, SubjectOfCall } from '../types/device-feature-types.js';
import { CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * ParkCallArgument ::= SEQUENCE
 * { 	parking				ConnectionID,
 *	parkTo				DeviceID,
 *	correlatorData 			CorrelatorData 				OPTIONAL,
 *	subjectOfCall			[0] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[1] IMPLICIT LanguagePreferences	OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ParkCallArgument = sequence('ParkCallArgument', {
  parking: ConnectionID,
  parkTo: DeviceID,
  correlatorData: optional(CorrelatorData),
  subjectOfCall: optional(implicit(0, SubjectOfCall)),
  languagePreferences: optional(implicit(1, LanguagePreferences)),
  extensions: optional(CSTACommonArguments),
});
export type ParkCallArgument = Infer<typeof ParkCallArgument>;

/** ```asn1
 * ParkCallResult ::= SEQUENCE
 * { 	parkedTo 			ConnectionID 				OPTIONAL,
 *	callLinkageData 		[1] IMPLICIT CallLinkageData 		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ParkCallResult = sequence('ParkCallResult', {
  parkedTo: optional(ConnectionID),
  callLinkageData: optional(implicit(1, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type ParkCallResult = Infer<typeof ParkCallResult>;

/** ```asn1
 * parkCall OPERATION ::=
 * { 	ARGUMENT 		ParkCallArgument
 *	RESULT 			ParkCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 18 }
 * ``` */
export const parkCall = defineOperation({ name: 'parkCall', code: 18, argument: ParkCallArgument, result: ParkCallResult });
