/**
 * CSTA-call-information-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) call-information-event(41) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CallCharacteristics, CallLinkageDataList, CallQualifyingData, ServicesPermitted } from '../types/call-control.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { CallingDeviceID, DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';

/** ```asn1
 * CallInformationEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	device				SubjectDeviceID,
 *	callingDevice			CallingDeviceID				OPTIONAL,
 *	accountInfo			[0] IMPLICIT AccountInfo		OPTIONAL,
 *	authCode			[1] IMPLICIT AuthCode			OPTIONAL,
 *	correlatorData			[2] IMPLICIT CorrelatorData		OPTIONAL,
 *	servicesPermitted		[3] IMPLICIT ServicesPermitted		OPTIONAL,
 *	userData			UserData	 			OPTIONAL,
 *	callQualifyingData		[4] IMPLICIT CallQualifyingData		OPTIONAL,
 *	connectionInfo			ConnectionInformation			OPTIONAL,
 *	callLinkageDataList		[5] IMPLICIT CallLinkageDataList	OPTIONAL,
 *	callCharacteristics		[6] IMPLICIT CallCharacteristics	OPTIONAL,
 *	subjectOfCall			[7] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[8] IMPLICIT LanguagePreferences	OPTIONAL,
 *	deviceInfo			[9] IMPLICIT DeviceID			OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const CallInformationEvent = sequence('CallInformationEvent', {
  connection: ConnectionID,
  device: SubjectDeviceID,
  callingDevice: optional(CallingDeviceID),
  accountInfo: optional(implicit(0, AccountInfo)),
  authCode: optional(implicit(1, AuthCode)),
  correlatorData: optional(implicit(2, CorrelatorData)),
  servicesPermitted: optional(implicit(3, ServicesPermitted)),
  userData: optional(UserData),
  callQualifyingData: optional(implicit(4, CallQualifyingData)),
  connectionInfo: optional(ConnectionInformation),
  callLinkageDataList: optional(implicit(5, CallLinkageDataList)),
  callCharacteristics: optional(implicit(6, CallCharacteristics)),
  subjectOfCall: optional(implicit(7, SubjectOfCall)),
  languagePreferences: optional(implicit(8, LanguagePreferences)),
  deviceInfo: optional(implicit(9, DeviceID)),
  extensions: optional(CSTACommonArguments),
});
export type CallInformationEvent = Infer<typeof CallInformationEvent>;
