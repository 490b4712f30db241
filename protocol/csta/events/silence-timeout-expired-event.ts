/**
 * CSTA-silence-timeout-expired-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * silence-timeout-expired-event(524) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * SilenceTimeoutExpiredEvent ::= SEQUENCE
 * {	overConnection			ConnectionID,
 *	resource			[0] IMPLICIT ResourceID			OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SilenceTimeoutExpiredEvent = sequence('SilenceTimeoutExpiredEvent', {
  overConnection: ConnectionID,
  resource: optional(implicit(0, ResourceID)),
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type SilenceTimeoutExpiredEvent = Infer<typeof SilenceTimeoutExpiredEvent>;
