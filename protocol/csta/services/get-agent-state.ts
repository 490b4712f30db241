/**
 * CSTA-get-agent-state { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * get-agent-state(304) } (ECMA-285).
 */
import { BOOLEAN, enumerated, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AgentID, AgentState, PendingAgentState } from '../types/device-feature-types.js';

/** ```asn1
 * AgentStateCondition ::= ENUMERATED
 * {	forcedPause			(0),
 *	other				(1) }
 * ``` */
export const AgentStateCondition = enumerated('AgentStateCondition', { forcedPause: 0, other: 1 });
export type AgentStateCondition = Infer<typeof AgentStateCondition>;

/** ```asn1
 * AgentInfo ::= SEQUENCE
 * {	acdGroup			DeviceID				OPTIONAL,
 *	agentState			AgentState,
 *	pendingAgentState		[0] IMPLICIT PendingAgentState		OPTIONAL,
 *	agentStateCondition		[1] IMPLICIT AgentStateCondition	OPTIONAL }
 * ``` */
export const AgentInfo = sequence('AgentInfo', {
  acdGroup: optional(DeviceID),
  agentState: AgentState,
  pendingAgentState: optional(implicit(0, PendingAgentState)),
  agentStateCondition: optional(implicit(1, AgentStateCondition)),
});
export type AgentInfo = Infer<typeof AgentInfo>;

/** ```asn1
 * AgentStateEntry ::= SEQUENCE
 * {	agentID				AgentID					OPTIONAL,
 *	loggedOn			BOOLEAN,
 *	agentInfo			SEQUENCE OF AgentInfo 			OPTIONAL }
 * ``` */
export const AgentStateEntry = sequence('AgentStateEntry', {
  agentID: optional(AgentID),
  loggedOn: BOOLEAN,
  agentInfo: optional(sequenceOf('AgentStateEntry.agentInfo', AgentInfo)),
});
export type AgentStateEntry = Infer<typeof AgentStateEntry>;

/** ```asn1
 * AgentStateList ::= SEQUENCE SIZE (1..32) OF AgentStateEntry
 * ```
 * The size constraint is not checked. */
export const AgentStateList = sequenceOf('AgentStateList', AgentStateEntry);
export type AgentStateList = Infer<typeof AgentStateList>;

/** ```asn1
 * GetAgentStateArgument ::= SEQUENCE
 * {	device 				DeviceID,
 *	acdGroup			DeviceID	 			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const GetAgentStateArgument = sequence('GetAgentStateArgument', {
  device: DeviceID,
  acdGroup: optional(DeviceID),
  extensions: optional(CSTACommonArguments),
});
export type GetAgentStateArgument = Infer<typeof GetAgentStateArgument>;

/** ```asn1
 * GetAgentStateResult ::= SEQUENCE
 * {	agentStateList 			AgentStateList,
 *	extensions 			CSTACommonArguments		 	OPTIONAL }
 * ``` */
export const GetAgentStateResult = sequence('GetAgentStateResult', {
  agentStateList: AgentStateList,
  extensions: optional(CSTACommonArguments),
});
export type GetAgentStateResult = Infer<typeof GetAgentStateResult>;

/** ```asn1
 * getAgentState OPERATION ::=
 * {	ARGUMENT 		GetAgentStateArgument
 *	RESULT 			GetAgentStateResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 304 }
 * ``` */
export const getAgentState = defineOperation({ name: 'getAgentState', code: 304, argument: GetAgentStateArgument, result: GetAgentStateResult });
