/**
 * CSTA-agent-busy-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * agent-busy-event(319) } (ECMA-285).
 */
import { implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { AgentID, PendingAgentState } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AgentBusyEvent ::= SEQUENCE
 * {	agentDevice 			SubjectDeviceID,
 *	agentID				AgentID					OPTIONAL,
 *	acdGroup			DeviceID				OPTIONAL,
 *	pendingAgentState		[2] IMPLICIT PendingAgentState		OPTIONAL,
 *	cause				[3] IMPLICIT EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AgentBusyEvent = sequence('AgentBusyEvent', {
  agentDevice: SubjectDeviceID,
  agentID: optional(AgentID),
  acdGroup: optional(DeviceID),
  pendingAgentState: optional(implicit(2, PendingAgentState)),
  cause: optional(implicit(3, EventCause)),
  extensions: optional(CSTACommonArguments),
});
export type AgentBusyEvent = Infer<typeof AgentBusyEvent>;
