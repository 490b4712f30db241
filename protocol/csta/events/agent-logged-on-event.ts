/**
 * CSTA-agent-logged-on-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * agent-logged-on-event(321) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { AgentID, AgentPassword } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AgentLoggedOnEvent ::= SEQUENCE
 * {	agentDevice 			SubjectDeviceID,
 *	agentID				[2] IMPLICIT AgentID			OPTIONAL,
 *	acdGroup			DeviceID				OPTIONAL,
 *	agentPassword			[3] IMPLICIT AgentPassword		OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AgentLoggedOnEvent = sequence('AgentLoggedOnEvent', {
  agentDevice: SubjectDeviceID,
  agentID: optional(implicit(2, AgentID)),
  acdGroup: optional(DeviceID),
  agentPassword: optional(implicit(3, AgentPassword)),
  cause: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type AgentLoggedOnEvent = Infer<typeof AgentLoggedOnEvent>;
