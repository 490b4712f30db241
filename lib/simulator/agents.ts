/**
 * ACD agents on stations (ECMA-269 agent state model): setAgentState loggedOn / ready / notReady /
 * workingAfterCall / loggedOff with the matching logical-device-feature events (agentLoggedOn,
 * agentReady, agentNotReady, agentWorkingAfterCall, agentLoggedOff), getAgentState, and
 * distribution of queued ACD calls when an agent becomes ready.
 */
import type { AgentState } from '../../protocol/csta/types/device-feature-types.js';
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import type { GetAgentStateResult } from '../../protocol/csta/services/get-agent-state.js';
import type { SetAgentStateArgument } from '../../protocol/csta/services/set-agent-state.js';
import { CstaFailure, Failures } from './errors.js';
import { dev, extDev } from './identifiers.js';
import type { CallFeatures } from './call-features.js';
import type { DeviceEvent, EventSink } from './event-sink.js';
import type { DeviceState } from './switch-state.js';

/** The agent state requests of SetAgentStateArgument. */
export type RequestedAgentState = Extract<SetAgentStateArgument['requestedAgentState'], string>;

/** The agent state each request leads to (a fresh login starts not ready). */
const NEXT_STATE: Readonly<Record<RequestedAgentState, AgentState>> = {
  loggedOn: 'agentNotReady',
  loggedOff: 'agentNull',
  notReady: 'agentNotReady',
  ready: 'agentReady',
  workingAfterCall: 'agentWorkingAfterCall',
};

/** An agent state request: setAgentState, or a scenario `agent` step. */
export interface AgentChange {
  readonly device: string;
  readonly requested: RequestedAgentState;
  readonly agentID?: string;
  readonly password?: string;
  readonly group?: string;
  /** Cause reported in the agent event (e.g. a not-ready reason). */
  readonly cause?: EventCause;
}

/** Agent state of the switch's stations and the requests that change it. */
export class Agents {
  private readonly engine: CallFeatures;
  private readonly sink: EventSink;

  constructor(engine: CallFeatures, sink: EventSink) {
    this.engine = engine;
    this.sink = sink;
  }

  /** Applies a state request (setAgentState, or a scenario `agent` step). */
  set(change: AgentChange): void {
    const station = this.engine.state.device(change.device);
    if (station.config.kind !== 'station') throw Failures.invalidDeviceID();
    if (station.outOfService) throw Failures.deviceOutOfService();
    const agent = station.agent;
    const group = change.group ?? agent.group ?? this.groupOf(change.device);
    if (group !== undefined && this.engine.state.devices.get(group)?.config.kind !== 'acdGroup') throw new CstaFailure({ operation: 'invalidAgentGroup' });
    switch (change.requested) {
      case 'loggedOn':
        if (agent.loggedOn) throw Failures.invalidAgentState();
        if (station.config.agentPassword !== undefined && change.password !== station.config.agentPassword) throw Failures.invalidAgentPassword();
        agent.loggedOn = true;
        agent.agentID = change.agentID;
        agent.group = group;
        break;
      case 'loggedOff':
        if (!agent.loggedOn) throw Failures.invalidAgentState();
        agent.loggedOn = false;
        break;
      case 'notReady':
      case 'ready':
      case 'workingAfterCall':
        if (!agent.loggedOn) throw Failures.invalidAgentState();
        break;
      default: {
        const never: never = change.requested;
        throw new CstaFailure({ operation: 'invalidAgentState' }, `unknown agent state ${String(never)}`);
      }
    }
    const next = NEXT_STATE[change.requested];
    agent.state = next;
    this.sink.report(station.config.number, this.agentEvent(station, change.requested, change.cause));
    if (change.requested === 'loggedOff') {
      agent.agentID = undefined;
      agent.group = undefined;
    }
    if (next === 'agentReady') this.engine.distributeQueued();
    this.engine.notifyChanged();
  }

  /** getAgentState of a station. */
  get(device: string): GetAgentStateResult {
    const station = this.engine.state.device(device);
    if (station.config.kind !== 'station') throw Failures.invalidDeviceID();
    const a = station.agent;
    return {
      agentStateList: [
        {
          ...(a.agentID === undefined ? {} : { agentID: a.agentID }),
          loggedOn: a.loggedOn,
          ...(a.loggedOn ? { agentInfo: [{ ...(a.group === undefined ? {} : { acdGroup: dev(a.group) }), agentState: a.state }] } : {}),
        },
      ],
    };
  }

  private groupOf(device: string): string | undefined {
    for (const d of this.engine.state.devices.values()) if (d.config.kind === 'acdGroup' && d.config.members?.includes(device)) return d.config.number;
    return undefined;
  }

  /** The event reporting a state request at `station` (after the state changed). */
  private agentEvent(station: DeviceState, requested: RequestedAgentState, cause: EventCause | undefined): DeviceEvent {
    const a = station.agent;
    const body = {
      agentDevice: extDev(station.config.number),
      ...(a.agentID === undefined ? {} : { agentID: a.agentID }),
      ...(a.group === undefined ? {} : { acdGroup: dev(a.group) }),
      ...(cause === undefined ? {} : { cause }),
    };
    const category = 'logicalDeviceFeatureEvents';
    switch (requested) {
      case 'loggedOn':
        return { category, type: 'agentLoggedOn', event: body };
      case 'loggedOff':
        return { category, type: 'agentLoggedOff', event: body };
      case 'notReady':
        return { category, type: 'agentNotReady', event: body };
      case 'ready':
        return { category, type: 'agentReady', event: body };
      case 'workingAfterCall':
        return { category, type: 'agentWorkingAfterCall', event: body };
      default: {
        const never: never = requested;
        throw new CstaFailure({ operation: 'invalidAgentState' }, `unknown agent state ${String(never)}`);
      }
    }
  }
}
