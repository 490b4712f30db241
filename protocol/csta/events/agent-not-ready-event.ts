/**
 * CSTA-agent-not-ready-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * agent-not-ready-event(322) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { AgentID } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { EventCause } from '../types/event-cause.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * AgentNotReadyEvent ::= SEQUENCE
 * {	agentDevice 			SubjectDeviceID,
 *	agentID				AgentID					OPTIONAL,
 *	acdGroup			DeviceID				OPTIONAL,
 *	cause				EventCause				OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const AgentNotReadyEvent = sequence('AgentNotReadyEvent', {
  agentDevice: SubjectDeviceID,
  agentID: optional(AgentID),
  acdGroup: optional(DeviceID),
  cause: optional(EventCause),
  extensions: optional(CSTACommonArguments),
});
export type AgentNotReadyEvent = Infer<typeof AgentNotReadyEvent>;
