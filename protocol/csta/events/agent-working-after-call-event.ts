/**
 * CSTA-agent-working-after-call-event { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) agent-working-after-call-event(324) } (ECMA-285).
 */
import { enumerated, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { AgentID } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AgentWorkingAfterCallEvent ::= SEQUENCE
 * {	agentDevice 			SubjectDeviceID,
 *	agentID				AgentID					OPTIONAL,
 *	acdGroup			DeviceID				OPTIONAL,
 *	pendingAgentState		[2] IMPLICIT ENUMERATED
 *	{	notReady		(0),
 *		ready			(1),
 *		null			(2) }					OPTIONAL,
 *	cause				[3] IMPLICIT EventCause			OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ```
 * Note: `pendingAgentState` here is its own ENUMERATED (notReady/ready/null), not the module-level
 * `PendingAgentState` of CSTA-device-feature-types. */
export const AgentWorkingAfterCallEvent = sequence('AgentWorkingAfterCallEvent', {
  agentDevice: SubjectDeviceID,
  agentID: optional(AgentID),
  acdGroup: optional(DeviceID),
  pendingAgentState: optional(
    implicit(2, enumerated('AgentWorkingAfterCallEvent.pendingAgentState', { notReady: 0, ready: 1, null: 2 })),
  ),
  cause: optional(implicit(3, EventCause)),
  extensions: optional(CSTACommonArguments),
});
export type AgentWorkingAfterCallEvent = Infer<typeof AgentWorkingAfterCallEvent>;
