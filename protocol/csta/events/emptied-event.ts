/**
 * CSTA-emptied-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * emptied-event(520) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * EmptiedEvent ::= SEQUENCE
 * {	overConnection			ConnectionID,
 *	resource			[0] IMPLICIT ResourceID			OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const EmptiedEvent = sequence('EmptiedEvent', {
  overConnection: ConnectionID,
  resource: optional(implicit(0, ResourceID)),
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type EmptiedEvent = Infer<typeof EmptiedEvent>;
