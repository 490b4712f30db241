/**
 * CSTA-switching-function-objects { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) switching-function-objects(122) }.
 */
import { choice } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from './call-connection-identifiers.js';
import { DeviceID } from './device-identifiers.js';

/** ```asn1
 * CSTAObject ::= CHOICE
 * {	deviceObject DeviceID,
 *	callObject ConnectionID }
 * ``` */
export const CSTAObject = choice('CSTAObject', { deviceObject: DeviceID, callObject: ConnectionID });
export type CSTAObject = Infer<typeof CSTAObject>;
