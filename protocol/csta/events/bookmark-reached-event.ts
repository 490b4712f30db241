/**
 * CSTA-bookmark-reached-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * bookmark-reached-event(517) } (ECMA-285).
 */
import { IA5String, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { ServicesPermitted } from '../types/call-control.js';
import { ResourceID } from '../types/device-feature-types.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * BookmarkReachedEvent ::= SEQUENCE
 * {	overConnection			ConnectionID,
 *	resource			[0] IMPLICIT ResourceID			OPTIONAL,
 *	bookmark		IA5String,
 *	cause				EventCause				OPTIONAL,
 *	servicesPermitted		ServicesPermitted			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const BookmarkReachedEvent = sequence('BookmarkReachedEvent', {
  overConnection: ConnectionID,
  resource: optional(implicit(0, ResourceID)),
  bookmark: IA5String,
  cause: optional(EventCause),
  servicesPermitted: optional(ServicesPermitted),
  extensions: optional(CSTACommonArguments),
});
export type BookmarkReachedEvent = Infer<typeof BookmarkReachedEvent>;
