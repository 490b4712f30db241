/**
 * SnapshotEvent: built from CSTA snapshotDevice (the calls at the device) and getAgentState (the
 * agent), sent after login, monitor start and link reconnect. Building it also brings the line
 * state back in line with the switch: calls the switch no longer has are dropped, calls it has
 * that the line did not know are added.
 */
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import type { GetAgentStateResult } from '../../protocol/csta/services/get-agent-state.js';
import type { CallState, SnapshotDeviceResponseInfo } from '../../protocol/csta/types/status-reporting.js';
import { callIdOf, dnOf } from './csta-values.js';
import type { DeviceLine, LinePhase } from './line-state.js';
import type { PegaAgentState, PegaCallEventName, PegaDeviceState, PegaLinkState, PegaWorkMode, SnapshotCall, SnapshotEvent } from './types.js';

/** The agent part of a snapshot: the agent ID, and the switch's answer to getAgentState when there is one. */
export interface SnapshotAgentInput {
  readonly agentId: string;
  readonly agentState?: GetAgentStateResult;
  /**
   * What the link itself just set (login, NotReady with a reason...), used when the switch gave no
   * agent state (no getAgentState answer) and no agent event said otherwise (audit W5).
   */
  readonly lastSet?: { readonly state: PegaAgentState; readonly workMode: PegaWorkMode; readonly reasonCode: string };
}

/** The local connection state of a snapshot entry as a line phase. */
export function phaseOfCallState(state: CallState): LinePhase {
  if ('simpleCallState' in state) {
    switch (state.simpleCallState) {
      case 'callNull':
      case 'callFailed':
      case 'callFailedHeld':
      case 'callBlocked':
        return 'ended';
      case 'callPending':
      case 'callOriginated':
      case 'callDelivered':
      case 'callQueued':
        return 'initiated';
      case 'callReceived':
      case 'callReceivedOnHold':
        return 'alerting';
      case 'callEstablished':
      case 'callEstablishedHeld':
        return 'connected';
      case 'callDeliveredHeld':
      case 'callEstablishedOnHold':
      case 'callQueuedHeld':
        return 'held';
      default:
        return unlistedPhase(state.simpleCallState);
    }
  }
  if ('compoundCallState' in state) {
    const local = state.compoundCallState[0];
    switch (local) {
      case undefined:
      case 'null':
      case 'fail':
        return 'ended';
      case 'initiated':
        return 'initiated';
      case 'alerting':
      case 'queued':
        return 'alerting';
      case 'connected':
        return 'connected';
      case 'hold':
        return 'held';
      default:
        return unlistedPhase(local);
    }
  }
  return 'connected';
}

/** An ENUMERATED value outside the schema's names (decoded as its number): assume a live connection. */
function unlistedPhase(_value: number): LinePhase {
  return 'connected';
}

/** An agent state outside the schema's names. */
function unlistedAgentState(_value: number): { state: PegaAgentState; workMode: PegaWorkMode } {
  return { state: 'Unknown', workMode: 'MODE_NONE' };
}

const PHASE_NAME: Record<LinePhase, PegaCallEventName> = {
  initiated: 'Initiated',
  alerting: 'Alerting',
  connected: 'Established',
  held: 'Held',
  ended: 'Disconnected',
};

/** Pega agent state, work mode and reason from a getAgentState answer (first entry). */
export function agentFromResult(result: GetAgentStateResult): { state: PegaAgentState; workMode: PegaWorkMode } {
  const list: unknown = (result as Partial<GetAgentStateResult> | undefined)?.agentStateList;
  const entry = Array.isArray(list) ? (list as GetAgentStateResult['agentStateList'])[0] : undefined;
  if (entry === undefined) return { state: 'Unknown', workMode: 'MODE_NONE' };
  if (!entry.loggedOn) return { state: 'Logout', workMode: 'MODE_NONE' };
  const info = entry.agentInfo?.[0];
  if (info === undefined) return { state: 'Login', workMode: 'MODE_NONE' };
  switch (info.agentState) {
    case 'agentReady':
      return { state: 'Ready', workMode: 'MODE_NONE' };
    case 'agentNotReady':
      return { state: 'NotReady', workMode: 'AUX_WORK' };
    case 'agentWorkingAfterCall':
      return { state: 'NotReady', workMode: 'ACW' };
    case 'agentBusy':
      return { state: 'Busy', workMode: 'BUSY' };
    case 'agentNull':
      return { state: 'Login', workMode: 'MODE_NONE' };
    default:
      return unlistedAgentState(info.agentState);
  }
}

/** Reconciles the line with a snapshotDevice answer. */
export function reconcileLine(line: DeviceLine, result: SnapshotDeviceResult): void {
  const data: unknown = (result as Partial<SnapshotDeviceResult> | undefined)?.crossRefIDorSnapshotData;
  if (data === null || typeof data !== 'object' || !('snapshotData' in data) || !Array.isArray(data.snapshotData)) return;
  const seen = new Set<string>();
  for (const item of data.snapshotData as SnapshotDeviceResponseInfo[]) {
    if (item === null || typeof item !== 'object' || item.localCallState === undefined) continue;
    const id = callIdOf(item.connectionIdentifier);
    if (id === '') continue;
    const phase = phaseOfCallState(item.localCallState);
    const other = dnOf(item.endpointDevice);
    let call = line.byCstaId(id);
    if (phase === 'ended') {
      if (call !== undefined) line.remove(call);
      continue;
    }
    seen.add(id);
    if (call === undefined) {
      call = line.add({ cstaCallId: id, callType: 'UNKNOWN', incoming: phase === 'alerting', ani: '', dnis: '', otherDN: other, phase });
    }
    call.phase = phase;
    if (phase === 'connected' || phase === 'held') call.answered = true;
    if (other !== '') {
      call.otherDN = other;
      line.addParty(call, other);
    }
  }
  for (const call of line.calls()) if (!seen.has(call.cstaCallId)) line.remove(call);
}

/** Builds the SnapshotEvent for a line (after reconciling it with `result` when given). */
export function buildSnapshot(
  line: DeviceLine,
  result: SnapshotDeviceResult | undefined,
  agent: SnapshotAgentInput | undefined,
  linkState: PegaLinkState,
  deviceState: PegaDeviceState,
): SnapshotEvent {
  if (result !== undefined) reconcileLine(line, result);
  if (agent !== undefined) {
    line.agent.agentId = agent.agentId;
    if (agent.agentState !== undefined) {
      const a = agentFromResult(agent.agentState);
      if (a.state !== line.agent.state || a.workMode !== line.agent.workMode) line.agent.reasonCode = a.state === 'NotReady' ? line.agent.requested?.reasonCode ?? '' : '';
      line.agent.state = a.state;
      line.agent.workMode = a.workMode;
    } else if (agent.lastSet !== undefined && line.agent.state === 'Unknown') {
      line.agent.state = agent.lastSet.state;
      line.agent.workMode = agent.lastSet.workMode;
      line.agent.reasonCode = agent.lastSet.reasonCode;
    }
  }
  const calls: SnapshotCall[] = line
    .calls()
    .filter((c) => c.phase !== 'ended')
    .map((c) => ({ pyCallId: c.pyCallId, pyCallState: PHASE_NAME[c.phase], pyOtherDN: c.otherDN }));
  return {
    pyEventType: 'SnapshotEvent',
    pyEventName: 'Snapshot',
    pyAgentId: line.agent.agentId,
    pyAgentState: line.agent.state,
    pyReasonCode: line.agent.reasonCode,
    pyWorkMode: line.agent.workMode,
    pyDeviceState: deviceState,
    pyLinkState: linkState,
    pyMedia: 'Phone',
    pyThisDN: line.device,
    pyCalls: calls,
  };
}
