/**
 * CSTA-snapshot-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * snapshot-call(105) } (ECMA-285).
 */
import { choice, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { AssociatedCalledDeviceID, AssociatedCallingDeviceID, CalledDeviceID, CallingDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { MediaCallCharacteristics } from '../types/media-services.js';
import { SnapshotCallData } from '../types/status-reporting.js';
import { CorrelatorData, DeviceHistory, LanguagePreferences, MessageInfo, SubjectOfCall } from '../types/device-feature-types.js';
import { CallCharacteristics, CallLinkageData } from '../types/call-control.js';
import { ServiceCrossRefID } from './snapshot-device.js';

/** ```asn1
 * SnapshotCallArgument ::= SEQUENCE
 * {	snapshotObject 			ConnectionID,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const SnapshotCallArgument = sequence('SnapshotCallArgument', {
  snapshotObject: ConnectionID,
  extensions: optional(CSTACommonArguments),
});
export type SnapshotCallArgument = Infer<typeof SnapshotCallArgument>;

/** ```asn1
 * SnapshotCallResult ::= SEQUENCE
 * {	crossRefIDorSnapshotData CHOICE
 *	{	serviceCrossRefID 	[0] IMPLICIT ServiceCrossRefID,
 *		snapshotData 		SnapshotCallData },
 *	mediaCallCharacteristics 	MediaCallCharacteristics 		OPTIONAL,
 *	callCharacteristics 		CallCharacteristics 			OPTIONAL,
 *	callingDevice 			CallingDeviceID 			OPTIONAL,
 *	calledDevice 			CalledDeviceID 				OPTIONAL,
 *	associatedCallingDeviceID 	AssociatedCallingDeviceID 		OPTIONAL,
 *	associatedCalledDeviceID 	AssociatedCalledDeviceID 		OPTIONAL,
 *	correlatorData 			[1] IMPLICIT CorrelatorData 		OPTIONAL,
 *	callLinkageData 		[2] IMPLICIT CallLinkageData 		OPTIONAL,
 *	subjectOfCall			[3] IMPLICIT	SubjectOfCall		OPTIONAL,
 *	messageInfo			[4] IMPLICIT	MessageInfo		OPTIONAL,
 *	languagePreferences		[5] IMPLICIT	LanguagePreferences	OPTIONAL,
 *	deviceHistory			[6] IMPLICIT	DeviceHistory		OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const SnapshotCallResult = sequence('SnapshotCallResult', {
  crossRefIDorSnapshotData: choice('SnapshotCallResult.crossRefIDorSnapshotData', {
    serviceCrossRefID: implicit(0, ServiceCrossRefID),
    snapshotData: SnapshotCallData,
  }),
  mediaCallCharacteristics: optional(MediaCallCharacteristics),
  callCharacteristics: optional(CallCharacteristics),
  callingDevice: optional(CallingDeviceID),
  calledDevice: optional(CalledDeviceID),
  associatedCallingDeviceID: optional(AssociatedCallingDeviceID),
  associatedCalledDeviceID: optional(AssociatedCalledDeviceID),
  correlatorData: optional(implicit(1, CorrelatorData)),
  callLinkageData: optional(implicit(2, CallLinkageData)),
  subjectOfCall: optional(implicit(3, SubjectOfCall)),
  messageInfo: optional(implicit(4, MessageInfo)),
  languagePreferences: optional(implicit(5, LanguagePreferences)),
  deviceHistory: optional(implicit(6, DeviceHistory)),
  extensions: optional(CSTACommonArguments),
});
export type SnapshotCallResult = Infer<typeof SnapshotCallResult>;

/** ```asn1
 * snapshotCall OPERATION ::=
 * { 	ARGUMENT 		SnapshotCallArgument
 *	RESULT 			SnapshotCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 75 }
 * ``` */
export const snapshotCall = defineOperation({ name: 'snapshotCall', code: 75, argument: SnapshotCallArgument, result: SnapshotCallResult });
