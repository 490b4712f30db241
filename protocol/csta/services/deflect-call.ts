/**
 * CSTA-deflect-call { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * deflect-call(218) } (ECMA-285).
 */
import { NULL, choice, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CorrelatorData, LanguagePreferences, SubjectOfCall, UserData } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CallCharacteristics } from '../types/call-control.js';

/** ```asn1
 * DeviceIDList ::= SEQUENCE OF DeviceID
 * ``` */
export const DeviceIDList = sequenceOf('DeviceIDList', DeviceID);
export type DeviceIDList = Infer<typeof DeviceIDList>;

/** ```asn1
 * DeflectCallArgument ::= SEQUENCE
 * { 	callToBeDiverted 		ConnectionID,
 *	newDestination 			DeviceID,
 *	addNewDestinationsList		DeviceIDList				OPTIONAL,
 *					          -- List of additional new Destinations
 *	correlatorData 			CorrelatorData 				OPTIONAL,
 *	userData 			UserData 				OPTIONAL,
 *	callCharacteristics		[0] IMPLICIT CallCharacteristics	OPTIONAL,
 *	subjectOfCall			[1] IMPLICIT SubjectOfCall		OPTIONAL,
 *	languagePreferences		[2] IMPLICIT LanguagePreferences	OPTIONAL,
 *	reason				[3] IMPLICIT EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const DeflectCallArgument = sequence('DeflectCallArgument', {
  callToBeDiverted: ConnectionID,
  newDestination: DeviceID,
  addNewDestinationsList: optional(DeviceIDList),
  correlatorData: optional(CorrelatorData),
  userData: optional(UserData),
  callCharacteristics: optional(implicit(0, CallCharacteristics)),
  subjectOfCall: optional(implicit(1, SubjectOfCall)),
  languagePreferences: optional(implicit(2, LanguagePreferences)),
  reason: optional(implicit(3, EventCause)),
  extensions: optional(CSTACommonArguments),
});
export type DeflectCallArgument = Infer<typeof DeflectCallArgument>;

/** ```asn1
 * DeflectCallResult ::= CHOICE
 * {	extensions 			CSTACommonArguments,
 *	noData 				NULL }
 * ``` */
export const DeflectCallResult = choice('DeflectCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type DeflectCallResult = Infer<typeof DeflectCallResult>;

/** ```asn1
 * deflectCall OPERATION ::=
 * { 	ARGUMENT 		DeflectCallArgument
 *	RESULT 			DeflectCallResult
 *	ERRORS 			{universalFailure }
 *	CODE 			local: 218 }
 * ``` */
export const deflectCall = defineOperation({ name: 'deflectCall', code: 218, argument: DeflectCallArgument, result: DeflectCallResult });
