/**
 * CSTA-play-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * play(75) } (ECMA-285).
 */
import { INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { MessageID, ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * PlayEvent ::= SEQUENCE
 * {	connection			ConnectionID,
 *	message				MessageID,
 *	resource			[3] IMPLICIT ResourceID			OPTIONAL,
 *	length				[0] IMPLICIT INTEGER			OPTIONAL,
 *	currentPosition			[1] IMPLICIT INTEGER			OPTIONAL,
 *	speed				[2] IMPLICIT INTEGER 			OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const PlayEvent = sequence('PlayEvent', {
  connection: ConnectionID,
  message: MessageID,
  resource: optional(implicit(3, ResourceID)),
  length: optional(implicit(0, INTEGER)),
  currentPosition: optional(implicit(1, INTEGER)),
  speed: optional(implicit(2, INTEGER)),
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type PlayEvent = Infer<typeof PlayEvent>;
