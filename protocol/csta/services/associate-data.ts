/**
 * CSTA-associate-data { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * associate-data(230) } (ECMA-285).
 */
import { NULL, choice, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall } from '../types/device-feature-types.js';
import { CallCharacteristics, CallQualifyingData } from '../types/call-control.js';

/** ```asn1
 * AssociateDataArgument ::= SEQUENCE
 * {	existingCall			ConnectionID,
 *	accountCode			[0] IMPLICIT AccountInfo		OPTIONAL,
 *	authCode			[1] IMPLICIT AuthCode			OPTIONAL,
 *	correlatorData			[2] IMPLICIT CorrelatorData		OPTIONAL,
 *	callQualifyingData		[3] IMPLICIT CallQualifyingData		OPTIONAL,
 *	callCharacteristics		[4] IMPLICIT CallCharacteristics	OPTIONAL,
 *	subjectOfCall			[5] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[6] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceInfo			[7] IMPLICIT DeviceID			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AssociateDataArgument = sequence('AssociateDataArgument', {
  existingCall: ConnectionID,
  accountCode: optional(implicit(0, AccountInfo)),
  authCode: optional(implicit(1, AuthCode)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  callQualifyingData: optional(implicit(3, CallQualifyingData)),
  callCharacteristics: optional(implicit(4, CallCharacteristics)),
  subjectOfCall: optional(implicit(5, SubjectOfCall)),
  languagePreferences: optional(implicit(6, LanguagePreferences)),
  deviceInfo: optional(implicit(7, DeviceID)),
  extensions: optional(CSTACommonArguments),
});
export type AssociateDataArgument = Infer<typeof AssociateDataArgument>;

/** ```asn1
 * AssociateDataResult ::= CHOICE
 * {	extensions			CSTACommonArguments,
 *	noData				NULL }
 * ``` */
export const AssociateDataResult = choice('AssociateDataResult', { extensions: CSTACommonArguments, noData: NULL });
export type AssociateDataResult = Infer<typeof AssociateDataResult>;

/** ```asn1
 * associateData OPERATION ::=
 * {	ARGUMENT		AssociateDataArgument
 *	RESULT			AssociateDataResult
 *	ERRORS			{universalFailure }
 *	CODE			local: 230 }
 * ``` */
export const associateData = defineOperation({
  name: 'associateData',
  code: 230,
  argument: AssociateDataArgument,
  result: AssociateDataResult,
});
