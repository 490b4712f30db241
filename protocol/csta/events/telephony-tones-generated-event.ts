/**
 * CSTA-telephony-tones-generated-event { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) telephony-tones-generated-event(242) } (ECMA-285).
 */
import { INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { TelephonyTone } from '../types/device-feature-types.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';

/** ```asn1
 * TelephonyTonesGeneratedEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	toneGenerated			TelephonyTone			OPTIONAL,
 *	toneFrequency			[0] IMPLICIT INTEGER		OPTIONAL,
 *	toneDuration			[1] IMPLICIT INTEGER		OPTIONAL,
 *	pauseDuration			[2] IMPLICIT INTEGER		OPTIONAL,
 *	connectionInfo			ConnectionInformation		OPTIONAL,
 *	extensions 			CSTACommonArguments 		OPTIONAL }
 * ``` */
export const TelephonyTonesGeneratedEvent = sequence('TelephonyTonesGeneratedEvent', {
  connection: ConnectionID,
  toneGenerated: optional(TelephonyTone),
  toneFrequency: optional(implicit(0, INTEGER)),
  toneDuration: optional(implicit(1, INTEGER)),
  pauseDuration: optional(implicit(2, INTEGER)),
  connectionInfo: optional(ConnectionInformation),
  extensions: optional(CSTACommonArguments),
});
export type TelephonyTonesGeneratedEvent = Infer<typeof TelephonyTonesGeneratedEvent>;
