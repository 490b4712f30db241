/**
 * ACD agents on stations (ECMA-269 agent state model): setAgentState loggedOn / ready / notReady /
 * workingAfterCall / loggedOff with the matching logical-device-feature events (agentLoggedOn,
 * agentReady, agentNotReady, agentWorkingAfterCall, agentLoggedOff), getAgentState, and
 * distribution of queued ACD calls when an agent becomes ready.
 *
 * Agent state follows calls: a ready agent offered an ACD call (alerting or connected with cause
 * `distributed`) becomes busy (agentBusy). A state requested while busy is kept pending (agentBusy
 * again, with `pendingAgentState`) and applied when the agent's last call ends; without one, an
 * answered call ends in workingAfterCall when after-call work is on for the station, else in ready.
 */
import type { AgentState, PendingAgentState } from '../../protocol/csta/types/device-feature-types.js';
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import type { GetAgentStateResult } from '../../protocol/csta/services/get-agent-state.js';
import type { SetAgentStateArgument } from '../../protocol/csta/services/set-agent-state.js';
import { CstaFailure, Failures } from './errors.js';
import { extDev } from './identifiers.js';
import { deviceID } from '../session/requests.js';
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

/** The pending state a request made during a call becomes (loggedOn cannot be pending). */
const PENDING_STATE: Readonly<Record<Exclude<RequestedAgentState, 'loggedOn'>, PendingAgentState>> = {
  loggedOff: 'agentNull',
  notReady: 'agentNotReady',
  ready: 'agentReady',
  workingAfterCall: 'agentWorkingAfterCall',
};

/** The agent events the simulator reports. */
type AgentEventType = 'agentLoggedOn' | 'agentLoggedOff' | 'agentNotReady' | 'agentReady' | 'agentWorkingAfterCall' | 'agentBusy';

/** The event announcing each state request. */
const REQUEST_EVENT: Readonly<Record<RequestedAgentState, AgentEventType>> = {
  loggedOn: 'agentLoggedOn',
  loggedOff: 'agentLoggedOff',
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

/** Options of {@link Agents}. */
export interface AgentOptions {
  /** After an answered ACD call agents go to workingAfterCall instead of ready (per station: DeviceConfig.afterCallWork). @default false */
  readonly afterCallWork?: boolean;
}

/** Agent state of the switch's stations and the requests that change it. */
export class Agents {
  private readonly engine: CallFeatures;
  private readonly sink: EventSink;
  /** After-call work for every station without its own DeviceConfig.afterCallWork. */
  afterCallWork: boolean;
  /** Stations with after-call work switched on at run time (a scenario's `afterCallWork` list). */
  private readonly afterCallWorkStations = new Set<string>();
  private following = false;

  constructor(engine: CallFeatures, sink: EventSink, options: AgentOptions = {}) {
    this.engine = engine;
    this.sink = sink;
    this.afterCallWork = options.afterCallWork ?? false;
    engine.onChange(() => this.followCalls());
  }

  /** Switches after-call work on for every station (`true`), off (`false`), or on for the listed stations. */
  setAfterCallWork(on: boolean | readonly string[]): void {
    if (typeof on === 'boolean') this.afterCallWork = on;
    else for (const d of on) this.afterCallWorkStations.add(d);
  }

  /** Whether an answered ACD call at `device` ends in workingAfterCall. */
  afterCallWorkAt(device: string): boolean {
    return this.engine.state.devices.get(device)?.config.afterCallWork ?? (this.afterCallWorkStations.has(device) || this.afterCallWork);
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
      case 'notReady':
      case 'ready':
      case 'workingAfterCall':
        if (!agent.loggedOn) throw Failures.invalidAgentState();
        if (agent.onCall) {
          // Busy on a call: the change waits for the call to end (agentBusy with the pending state).
          agent.pending = PENDING_STATE[change.requested];
          this.sink.report(station.config.number, this.agentEvent(station, 'agentBusy', change.cause));
          this.engine.notifyChanged();
          return;
        }
        if (change.requested === 'loggedOff') agent.loggedOn = false;
        break;
      default: {
        const never: never = change.requested;
        throw new CstaFailure({ operation: 'invalidAgentState' }, `unknown agent state ${String(never)}`);
      }
    }
    const next = NEXT_STATE[change.requested];
    this.enter(station, next, REQUEST_EVENT[change.requested], change.cause);
    if (next === 'agentReady') this.engine.distributeQueued();
    this.engine.notifyChanged();
  }

  /** getAgentState of a station. */
  get(device: string): GetAgentStateResult {
    const station = this.engine.state.device(device);
    if (station.config.kind !== 'station') throw Failures.invalidDeviceID();
    const a = station.agent;
    const info = {
      ...(a.group === undefined ? {} : { acdGroup: deviceID(a.group) }),
      agentState: a.state,
      ...(a.pending === undefined ? {} : { pendingAgentState: a.pending }),
    };
    return {
      agentStateList: [{ ...(a.agentID === undefined ? {} : { agentID: a.agentID }), loggedOn: a.loggedOn, ...(a.loggedOn ? { agentInfo: [info] } : {}) }],
    };
  }

  /**
   * Moves agents with the calls at their stations (run after every switch change): a ready agent
   * offered an ACD call becomes busy; a busy agent whose last call ended leaves busy.
   */
  private followCalls(): void {
    if (this.following) return;
    this.following = true;
    let becameReady = false;
    try {
      for (const station of this.engine.state.devices.values()) {
        const agent = station.agent;
        if (!agent.loggedOn || station.config.kind !== 'station') continue;
        const n = station.config.number;
        const calls = this.engine.state.callsOf(n);
        if (!agent.onCall) {
          if (agent.state !== 'agentReady') continue;
          const acd = calls.find((c) => {
            const st = c.connections.get(n)?.state;
            return c.deliveryCause === 'distributed' && c.calling !== n && (st === 'alerting' || st === 'connected');
          });
          if (acd === undefined) continue;
          agent.onCall = true;
          agent.talked = acd.connections.get(n)?.state === 'connected';
          agent.pending = undefined;
          agent.state = 'agentBusy';
          this.sink.report(n, this.agentEvent(station, 'agentBusy', undefined));
        } else if (calls.length > 0) {
          if (calls.some((c) => c.connections.get(n)?.state === 'connected' || c.connections.get(n)?.state === 'hold')) agent.talked = true;
        } else {
          becameReady = this.endOfCall(station) || becameReady;
        }
      }
    } finally {
      this.following = false;
    }
    if (becameReady) this.engine.distributeQueued();
  }

  /** The agent's last call ended: the pending state, else workingAfterCall or ready. True when it became ready. */
  private endOfCall(station: DeviceState): boolean {
    const agent = station.agent;
    const next: PendingAgentState = agent.pending ?? (agent.talked && this.afterCallWorkAt(station.config.number) ? 'agentWorkingAfterCall' : 'agentReady');
    agent.onCall = false;
    agent.talked = false;
    agent.pending = undefined;
    switch (next) {
      case 'agentNull':
        agent.loggedOn = false;
        this.enter(station, 'agentNull', 'agentLoggedOff', undefined);
        return false;
      case 'agentNotReady':
        this.enter(station, 'agentNotReady', 'agentNotReady', undefined);
        return false;
      case 'agentWorkingAfterCall':
        this.enter(station, 'agentWorkingAfterCall', 'agentWorkingAfterCall', undefined);
        return false;
      case 'agentReady':
      default: // agentReady, or a pending state value this model does not know (a number): back to ready
        this.enter(station, 'agentReady', 'agentReady', undefined);
        return true;
    }
  }

  /** Sets the agent's state and reports `type` (the caller offers a ready agent the queued calls). */
  private enter(station: DeviceState, state: AgentState, type: AgentEventType, cause: EventCause | undefined): void {
    const agent = station.agent;
    agent.state = state;
    this.sink.report(station.config.number, this.agentEvent(station, type, cause));
    if (state === 'agentNull') {
      agent.agentID = undefined;
      agent.group = undefined;
      agent.onCall = false;
      agent.pending = undefined;
    }
  }

  private groupOf(device: string): string | undefined {
    for (const d of this.engine.state.devices.values()) if (d.config.kind === 'acdGroup' && d.config.members?.includes(device)) return d.config.number;
    return undefined;
  }

  /** The agent event of `type` at `station` (its state already changed; agentBusy carries the pending state). */
  private agentEvent(station: DeviceState, type: AgentEventType, cause: EventCause | undefined): DeviceEvent {
    const a = station.agent;
    const body = {
      agentDevice: extDev(station.config.number),
      ...(a.agentID === undefined ? {} : { agentID: a.agentID }),
      ...(a.group === undefined ? {} : { acdGroup: deviceID(a.group) }),
      ...(cause === undefined ? {} : { cause }),
    };
    const category = 'logicalDeviceFeatureEvents';
    switch (type) {
      case 'agentLoggedOn':
        return { category, type, event: body };
      case 'agentLoggedOff':
        return { category, type, event: body };
      case 'agentNotReady':
        return { category, type, event: body };
      case 'agentReady':
        return { category, type, event: body };
      case 'agentWorkingAfterCall':
        return { category, type, event: body };
      case 'agentBusy':
        return { category, type, event: { ...body, ...(a.pending === undefined ? {} : { pendingAgentState: a.pending }) } };
      default: {
        const never: never = type;
        throw new CstaFailure({ operation: 'invalidAgentState' }, `unknown agent event ${String(never)}`);
      }
    }
  }
}
