/**
 * CSTA-connection-states { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * connection-states(125) }.
 */
import { NULL, applicationImplicit, choice, enumerated, explicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from './call-connection-identifiers.js';
import { DeviceID } from './device-identifiers.js';
import { ConnectionInformation } from './media-services.js';

/** ```asn1
 * LocalConnectionState ::= [APPLICATION 14] IMPLICIT ENUMERATED
 * {	null (0), initiated (1), alerting (2), connected (3), hold (4), queued (5), fail (6) }
 * ``` */
export const LocalConnectionState = applicationImplicit(
  14,
  enumerated('LocalConnectionState', { null: 0, initiated: 1, alerting: 2, connected: 3, hold: 4, queued: 5, fail: 6 }),
);
export type LocalConnectionState = Infer<typeof LocalConnectionState>;

/** ```asn1
 * ConnectionList ::= SEQUENCE OF SEQUENCE
 * {	newConnection [0] ConnectionID OPTIONAL,
 *	oldConnection [1] ConnectionID OPTIONAL,
 *	endpoint [2] CHOICE
 *		{	deviceID DeviceID,
 *			notKnown NULL,
 *			restricted [1] NULL } OPTIONAL,
 *	associatedNID [3] CHOICE
 *		{	deviceID DeviceID,
 *			notKnown NULL } OPTIONAL,
 *	resultingConnectionInfo ConnectionInformation OPTIONAL }
 * ``` */
export const ConnectionList = sequenceOf(
  'ConnectionList',
  sequence('ConnectionList.item', {
    newConnection: optional(explicit(0, ConnectionID)),
    oldConnection: optional(explicit(1, ConnectionID)),
    endpoint: optional(explicit(2, choice('ConnectionList.endpoint', { deviceID: DeviceID, notKnown: NULL, restricted: explicit(1, NULL) }))),
    associatedNID: optional(explicit(3, choice('ConnectionList.associatedNID', { deviceID: DeviceID, notKnown: NULL }))),
    resultingConnectionInfo: optional(ConnectionInformation),
  }),
);
export type ConnectionList = Infer<typeof ConnectionList>;
