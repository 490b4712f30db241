/**
 * CSTA-make-predictive-call { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) make-predictive-call(11) } (ECMA-285).
 */
import { INTEGER, enumerated, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';
import { AccountInfo, AuthCode, CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { AutoOriginate, CallCharacteristics, CallLinkageData } from '../types/call-control.js';

/** ```asn1
 * SignallingCondition ::= ENUMERATED
 * { 	callDelivered 			(0),
 *	callEstablished 		(1) }
 * ``` */
export const SignallingCondition = enumerated('SignallingCondition', { callDelivered: 0, callEstablished: 1 });
export type SignallingCondition = Infer<typeof SignallingCondition>;

/** ```asn1
 * SignallingConditionsAction ::= ENUMERATED
 * { 	destinationDetection 		(0),
 *	remainConnected 		(1) }
 * ``` */
export const SignallingConditionsAction = enumerated('SignallingConditionsAction', { destinationDetection: 0, remainConnected: 1 });
export type SignallingConditionsAction = Infer<typeof SignallingConditionsAction>;

/** ```asn1
 * SignallingDetection ::= SEQUENCE
 * { 	signallingCondition 		SignallingCondition,
 *	signallingConditionsAction 	SignallingConditionsAction }
 * ``` */
export const SignallingDetection = sequence('SignallingDetection', {
  signallingCondition: SignallingCondition,
  signallingConditionsAction: SignallingConditionsAction,
});
export type SignallingDetection = Infer<typeof SignallingDetection>;

/** ```asn1
 * DestinationCondition ::= ENUMERATED
 * { 	humanVoice 			(0),
 *	answeringMachine 		(1),
 *	facsimileMachine 		(2) }
 * ``` */
export const DestinationCondition = enumerated('DestinationCondition', { humanVoice: 0, answeringMachine: 1, facsimileMachine: 2 });
export type DestinationCondition = Infer<typeof DestinationCondition>;

/** ```asn1
 * DetectionAction ::= ENUMERATED
 * { 	clearCalledConnection 		(0),
 *	remainConnected 		(1) }
 * ``` */
export const DetectionAction = enumerated('DetectionAction', { clearCalledConnection: 0, remainConnected: 1 });
export type DetectionAction = Infer<typeof DetectionAction>;

/** ```asn1
 * DefaultAction ::= DetectionAction
 * ``` */
export const DefaultAction = DetectionAction;
export type DefaultAction = Infer<typeof DefaultAction>;

/** ```asn1
 * DestinationDetection ::= SEQUENCE OF SEQUENCE
 * { 	destinationCondition 		DestinationCondition,
 *	detectionAction 		DetectionAction }
 * ``` */
export const DestinationDetection = sequenceOf(
  'DestinationDetection',
  sequence('DestinationDetection.item', { destinationCondition: DestinationCondition, detectionAction: DetectionAction }),
);
export type DestinationDetection = Infer<typeof DestinationDetection>;

/** ```asn1
 * MakePredictiveCallArgument ::= SEQUENCE
 * { 	callingDevice 			DeviceID,
 *	calledDirectoryNumber 		DeviceID,
 *	signallingDetection 		[ 0] IMPLICIT SignallingDetection 		OPTIONAL,
 *	destinationDetection 		[ 1] IMPLICIT DestinationDetection		OPTIONAL,
 *	defaultAction 			[ 2] IMPLICIT DefaultAction 			OPTIONAL,
 *	accountCode 			[ 3] IMPLICIT AccountInfo 			OPTIONAL,
 *	authCode 			[ 4] IMPLICIT AuthCode 				OPTIONAL,
 *	autoOriginate 			[ 5] IMPLICIT AutoOriginate 			DEFAULT prompt,
 *	alertTime 			[ 6] IMPLICIT INTEGER 				OPTIONAL,
 *	correlatorData 			[ 7] IMPLICIT CorrelatorData 			OPTIONAL,
 *	callCharacteristics 		[ 8] IMPLICIT CallCharacteristics 		OPTIONAL,
 *	userData 			UserData 					OPTIONAL,
 *	subjectOfCall			[ 9] IMPLICIT SubjectOfCall			OPTIONAL,
 *	languagePreferences		[10] IMPLICIT LanguagePreferences		OPTIONAL,
 *	extensions 			CSTACommonArguments 				OPTIONAL }
 * ```
 * `autoOriginate` DEFAULT prompt: absent stays absent. */
export const MakePredictiveCallArgument = sequence('MakePredictiveCallArgument', {
  callingDevice: DeviceID,
  calledDirectoryNumber: DeviceID,
  signallingDetection: optional(implicit(0, SignallingDetection)),
  destinationDetection: optional(implicit(1, DestinationDetection)),
  defaultAction: optional(implicit(2, DefaultAction)),
  accountCode: optional(implicit(3, AccountInfo)),
  authCode: optional(implicit(4, AuthCode)),
  autoOriginate: optional(implicit(5, AutoOriginate)),
  alertTime: optional(implicit(6, INTEGER)),
  correlatorData: optional(implicit(7, CorrelatorData)),
  callCharacteristics: optional(implicit(8, CallCharacteristics)),
  userData: optional(UserData),
  subjectOfCall: optional(implicit(9, SubjectOfCall)),
  languagePreferences: optional(implicit(10, LanguagePreferences)),
  extensions: optional(CSTACommonArguments),
});
export type MakePredictiveCallArgument = Infer<typeof MakePredictiveCallArgument>;

/** ```asn1
 * MakePredictiveCallResult ::= SEQUENCE
 * { 	initiatedCall 			ConnectionID,
 *	initiatedCallInfo 		ConnectionInformation 				OPTIONAL,
 *	callLinkageData 		[1] IMPLICIT CallLinkageData 			OPTIONAL,
 *	extensions 			CSTACommonArguments 				OPTIONAL }
 * ``` */
export const MakePredictiveCallResult = sequence('MakePredictiveCallResult', {
  initiatedCall: ConnectionID,
  initiatedCallInfo: optional(ConnectionInformation),
  callLinkageData: optional(implicit(1, CallLinkageData)),
  extensions: optional(CSTACommonArguments),
});
export type MakePredictiveCallResult = Infer<typeof MakePredictiveCallResult>;

/** ```asn1
 * makePredictiveCall OPERATION ::=
 * { 	ARGUMENT 		MakePredictiveCallArgument
 *	RESULT 			MakePredictiveCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 11 }
 * ``` */
export const makePredictiveCall = defineOperation({
  name: 'makePredictiveCall',
  code: 11,
  argument: MakePredictiveCallArgument,
  result: MakePredictiveCallResult,
});
