/**
 * CSTA-record-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * record(76) } (ECMA-285).
 */
import { INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { MessageID, ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * RecordEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	message				MessageID,
 *	resource			[2] IMPLICIT ResourceID			OPTIONAL,
 *	length				[0] IMPLICIT INTEGER			OPTIONAL,
 *	currentPosition			[1] IMPLICIT INTEGER			OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const RecordEvent = sequence('RecordEvent', {
  connection: ConnectionID,
  message: MessageID,
  resource: optional(implicit(2, ResourceID)),
  length: optional(implicit(0, INTEGER)),
  currentPosition: optional(implicit(1, INTEGER)),
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type RecordEvent = Infer<typeof RecordEvent>;
