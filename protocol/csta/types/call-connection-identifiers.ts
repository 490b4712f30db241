/**
 * CSTA-call-connection-identifiers { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) call-connection-identifiers(124) }.
 */
import { OCTET_STRING, applicationExplicit, choice, explicit, implicit, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { DeviceID } from './device-identifiers.js';

/** ```asn1
 * CallID ::= OCTET STRING
 * ``` */
export const CallID = OCTET_STRING;
export type CallID = Infer<typeof CallID>;

/** ```asn1
 * LocalDeviceID ::= CHOICE
 * { 	staticID DeviceID,
 *	dynamicID [3] IMPLICIT OCTET STRING }
 * ``` */
export const LocalDeviceID = choice('LocalDeviceID', {
  staticID: DeviceID,
  dynamicID: implicit(3, OCTET_STRING),
});
export type LocalDeviceID = Infer<typeof LocalDeviceID>;

/** ```asn1
 * ConnectionID ::= [APPLICATION 11] CHOICE
 * { 	callID [0] IMPLICIT CallID,
 *	deviceID [1] LocalDeviceID,
 *	both SEQUENCE
 *	{ 	callID [0] IMPLICIT CallID,
 *		deviceID [1] LocalDeviceID } }
 * ``` */
export const ConnectionID = applicationExplicit(
  11,
  choice('ConnectionID', {
    callID: implicit(0, CallID),
    deviceID: explicit(1, LocalDeviceID),
    both: sequence('ConnectionID.both', {
      callID: implicit(0, CallID),
      deviceID: explicit(1, LocalDeviceID),
    }),
  }),
  'ConnectionID',
);
export type ConnectionID = Infer<typeof ConnectionID>;
