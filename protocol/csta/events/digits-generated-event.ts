/**
 * CSTA-digits-generated-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) digits-generated-event(241) } (ECMA-285).
 */
import { IA5String, INTEGER, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { ConnectionInformation } from '../types/media-services.js';

/** ```asn1
 * DigitsGeneratedEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	digitGeneratedList		IA5String,
 *	digitDurationList		[0] IMPLICIT SEQUENCE OF INTEGER	OPTIONAL,
 *	pauseDurationList		[1] IMPLICIT SEQUENCE OF INTEGER	OPTIONAL,
 *	connectionInfo			ConnectionInformation			OPTIONAL,
 *	extensions 			CSTACommonArguments 			OPTIONAL }
 * ``` */
export const DigitsGeneratedEvent = sequence('DigitsGeneratedEvent', {
  connection: ConnectionID,
  digitGeneratedList: IA5String,
  digitDurationList: optional(implicit(0, sequenceOf('DigitsGeneratedEvent.digitDurationList', INTEGER))),
  pauseDurationList: optional(implicit(1, sequenceOf('DigitsGeneratedEvent.pauseDurationList', INTEGER))),
  connectionInfo: optional(ConnectionInformation),
  extensions: optional(CSTACommonArguments),
});
export type DigitsGeneratedEvent = Infer<typeof DigitsGeneratedEvent>;
