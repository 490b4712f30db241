/**
 * CSTA-charging-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * charging-event(240) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ChargingInfo } from '../types/charge-info.js';
import { DeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * ChargingEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	chargedDevice			DeviceID,
 *	chargingInfo			ChargingInfo,
 *	cause				EventCause				OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const ChargingEvent = sequence('ChargingEvent', {
  connection: ConnectionID,
  chargedDevice: DeviceID,
  chargingInfo: ChargingInfo,
  cause: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type ChargingEvent = Infer<typeof ChargingEvent>;
