/**
 * CSTA-set-agent-state { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * set-agent-state(312) } (ECMA-285).
 */
import { enumerated, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { AgentID, AgentPassword, PendingAgentState } from '../types/device-feature-types.js';

/** ```asn1
 * ReqAgentState ::= ENUMERATED
 * {	loggedOn			(0),
 *	loggedOff			(1),
 *	notReady			(2),
 *	ready				(3),
 *	workingAfterCall		(4) }
 * ``` */
export const ReqAgentState = enumerated('ReqAgentState', { loggedOn: 0, loggedOff: 1, notReady: 2, ready: 3, workingAfterCall: 4 });
export type ReqAgentState = Infer<typeof ReqAgentState>;

/** ```asn1
 * SetAgentStateArgument ::= SEQUENCE
 * {	device 				DeviceID,
 *	requestedAgentState		ReqAgentState,
 *	agentID				[2] IMPLICIT AgentID			OPTIONAL,
 *	password			[3] IMPLICIT AgentPassword		OPTIONAL,
 *	group				DeviceID				OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SetAgentStateArgument = sequence('SetAgentStateArgument', {
  device: DeviceID,
  requestedAgentState: ReqAgentState,
  agentID: optional(implicit(2, AgentID)),
  password: optional(implicit(3, AgentPassword)),
  group: optional(DeviceID),
  extensions: optional(CSTACommonArguments),
});
export type SetAgentStateArgument = Infer<typeof SetAgentStateArgument>;

/** ```asn1
 * SetAgentStateResult ::= SEQUENCE
 * {	pendingAgentState		PendingAgentState			OPTIONAL,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const SetAgentStateResult = sequence('SetAgentStateResult', {
  pendingAgentState: optional(PendingAgentState),
  extensions: optional(CSTACommonArguments),
});
export type SetAgentStateResult = Infer<typeof SetAgentStateResult>;

/** ```asn1
 * setAgentState OPERATION ::=
 * {	ARGUMENT 		SetAgentStateArgument
 *	RESULT 			SetAgentStateResult
 *	ERRORS 			{universalFailure }
 *	CODE			local: 312 }
 * ``` */
export const setAgentState = defineOperation({ name: 'setAgentState', code: 312, argument: SetAgentStateArgument, result: SetAgentStateResult });
