/**
 * CSTA-service-completion-failure-event { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) service-completion-failure-event(243) } (ECMA-285).
 */
import { implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { LocalConnectionState } from '../types/connection-states.js';
import { DeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation, MediaCallCharacteristics } from '../types/media-services.js';

/** ```asn1
 * PrimaryOrSecondaryCall ::= SEQUENCE
 * {	deviceID 			DeviceID,
 *	connectionID			ConnectionID,
 *	localConnectionState		LocalConnectionState,
 *	connectionInfo			ConnectionInformation			OPTIONAL }
 * ``` */
export const PrimaryOrSecondaryCall = sequence('PrimaryOrSecondaryCall', {
  deviceID: DeviceID,
  connectionID: ConnectionID,
  localConnectionState: LocalConnectionState,
  connectionInfo: optional(ConnectionInformation),
});
export type PrimaryOrSecondaryCall = Infer<typeof PrimaryOrSecondaryCall>;

/** ```asn1
 * OtherCall ::= SEQUENCE
 * {	deviceID 			DeviceID,
 *	connectionID			ConnectionID,
 *	localConnectionState		LocalConnectionState			OPTIONAL,
 *	connectionInfo			ConnectionInformation			OPTIONAL }
 * ``` */
export const OtherCall = sequence('OtherCall', {
  deviceID: DeviceID,
  connectionID: ConnectionID,
  localConnectionState: optional(LocalConnectionState),
  connectionInfo: optional(ConnectionInformation),
});
export type OtherCall = Infer<typeof OtherCall>;

/** ```asn1
 * ServiceCompletionFailureEvent ::= SEQUENCE
 * {	primaryCall			PrimaryOrSecondaryCall,
 *	secondaryCall			[0] IMPLICIT PrimaryOrSecondaryCall	OPTIONAL,
 *	otherDevsPrimaryCallList	[1] IMPLICIT SEQUENCE OF OtherCall	OPTIONAL,
 *	otherDevsSecondaryCallList	[2] IMPLICIT SEQUENCE OF OtherCall	OPTIONAL,
 *	mediaCallCharacteristics	[3] IMPLICIT MediaCallCharacteristics 	OPTIONAL,
 *	cause				EventCause,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ServiceCompletionFailureEvent = sequence('ServiceCompletionFailureEvent', {
  primaryCall: PrimaryOrSecondaryCall,
  secondaryCall: optional(implicit(0, PrimaryOrSecondaryCall)),
  otherDevsPrimaryCallList: optional(implicit(1, sequenceOf('ServiceCompletionFailureEvent.otherDevsPrimaryCallList', OtherCall))),
  otherDevsSecondaryCallList: optional(implicit(2, sequenceOf('ServiceCompletionFailureEvent.otherDevsSecondaryCallList', OtherCall))),
  mediaCallCharacteristics: optional(implicit(3, MediaCallCharacteristics)),
  cause: EventCause,
  extensions: optional(CSTACommonArguments),
});
export type ServiceCompletionFailureEvent = Infer<typeof ServiceCompletionFailureEvent>;
