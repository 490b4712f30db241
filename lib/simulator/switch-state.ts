/**
 * The switch model the simulator keeps: its devices (stations, ACD groups, routing points,
 * trunks), the dial plan that tells internal numbers from external ones, and the live calls
 * with one connection per device, each in an ECMA-269 connection state. Pure state: no sockets,
 * no events (the call engine changes it and reports what happened).
 */
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import type { LocalConnectionState } from '../../protocol/csta/types/connection-states.js';
import type { AgentState, PendingAgentState } from '../../protocol/csta/types/device-feature-types.js';
import type { ForwardingType } from '../../protocol/csta/types/device-feature-types.js';
import { Failures } from './errors.js';
import { HexIds } from './identifiers.js';

/** What a configured device is. */
export type DeviceKind = 'station' | 'acdGroup' | 'routingPoint' | 'trunk';

/** A device in the simulator's configuration. */
export interface DeviceConfig {
  readonly number: string;
  readonly kind: DeviceKind;
  /** ACD group: the agent stations it distributes to (in order). */
  readonly members?: readonly string[];
  /** Routing point: where a call goes when nobody answers the routeRequest in time. */
  readonly defaultRoute?: string;
  /** Starts out of service (requests on it fail with deviceOutOfService). */
  readonly outOfService?: boolean;
  /** ACD agent password for setAgentState loggedOn (any password when absent). */
  readonly agentPassword?: string;
  /**
   * Station: after an answered ACD call the agent goes to workingAfterCall (true) or back to ready
   * (false). @default the simulator's `afterCallWork` option
   */
  readonly afterCallWork?: boolean;
}

/** Agent state of a station (ECMA-269 agent model, one ACD group). */
export interface AgentRecord {
  loggedOn: boolean;
  state: AgentState;
  agentID: string | undefined;
  group: string | undefined;
  /** The agent is busy with an ACD call (agentBusy was reported; the call has not ended yet). */
  onCall: boolean;
  /** The agent's station was connected during that call (it was answered, not just offered). */
  talked: boolean;
  /** State requested during the call, applied when it ends (ECMA-269 pending agent state). */
  pending: PendingAgentState | undefined;
}

/** One forwarding entry of a device. */
export interface ForwardingEntry {
  readonly type: ForwardingType;
  readonly destination: string | undefined;
}

/** Live state of a configured device. */
export interface DeviceState {
  readonly config: DeviceConfig;
  outOfService: boolean;
  doNotDisturb: boolean;
  /** Forced busy (scenario `busy` step): calls to it fail with cause busy. */
  busy: boolean;
  readonly forwarding: Map<ForwardingType, ForwardingEntry>;
  readonly agent: AgentRecord;
}

/** A party of a call at one device. */
export interface Connection {
  readonly device: string;
  state: LocalConnectionState;
}

/** A call: its connections by device number and the devices it was made between. */
export interface Call {
  readonly callID: string;
  /** The calling party (station number or the external caller's number). */
  calling: string;
  /** The number that was dialled. */
  called: string;
  /** The device that last redirected the call (deflect, divert, routing), if any. */
  lastRedirection: string | undefined;
  /** The trunk an external party is reached through. */
  trunk: string | undefined;
  /** Cause of the call's last delivery (newCall, redirected, distributed...). */
  deliveryCause: EventCause;
  /** makePredictiveCall: the calling device is connected once the called party answers. */
  predictive: boolean;
  readonly connections: Map<string, Connection>;
}

/** How numbers are told apart: numbers matching `internal` must be configured devices. */
export interface DialPlan {
  readonly internal: RegExp;
}

/** 4-digit numbers are internal, anything else is external. */
export const DEFAULT_DIAL_PLAN: DialPlan = { internal: /^\d{4}$/ };

/** Default configuration: stations 2000-2009 and 3000-3009, ACD group 6000 (agents 2000-2003), routing point 7000, trunk 0800. */
export function defaultDevices(): DeviceConfig[] {
  const list: DeviceConfig[] = [];
  for (let i = 0; i < 10; i++) list.push({ number: String(2000 + i), kind: 'station' }, { number: String(3000 + i), kind: 'station' });
  list.push({ number: '6000', kind: 'acdGroup', members: ['2000', '2001', '2002', '2003'] });
  list.push({ number: '7000', kind: 'routingPoint', defaultRoute: '6000' });
  list.push({ number: '0800', kind: 'trunk' });
  return list;
}

/** Whether a number is reached inside the switch or over a trunk. */
export type NumberClass = { readonly kind: 'internal'; readonly device: DeviceState } | { readonly kind: 'external' };

/** Devices, dial plan and live calls of the simulated switch. */
export class SwitchState {
  readonly devices = new Map<string, DeviceState>();
  readonly calls = new Map<string, Call>();
  readonly dialPlan: DialPlan;
  /** External numbers that answer busy. */
  readonly busyExternal = new Set<string>();
  /** Stations take further calls while on a call (call waiting) instead of answering busy. */
  callWaiting = false;
  private readonly callsByDevice = new Map<string, Set<string>>();
  private readonly callIds = new HexIds();

  constructor(devices: readonly DeviceConfig[], dialPlan: DialPlan = DEFAULT_DIAL_PLAN) {
    this.dialPlan = dialPlan;
    for (const d of devices) this.addDevice(d);
  }

  addDevice(config: DeviceConfig): DeviceState {
    const state: DeviceState = {
      config,
      outOfService: config.outOfService ?? false,
      doNotDisturb: false,
      busy: false,
      forwarding: new Map(),
      agent: { loggedOn: false, state: 'agentNull', agentID: undefined, group: undefined, onCall: false, talked: false, pending: undefined },
    };
    this.devices.set(config.number, state);
    return state;
  }

  /** The first trunk (external calls go through it). */
  trunk(): string | undefined {
    for (const d of this.devices.values()) if (d.config.kind === 'trunk') return d.config.number;
    return undefined;
  }

  /** A configured device, or the CSTA failure invalidDeviceID. */
  device(number: string | undefined): DeviceState {
    const d = number === undefined ? undefined : this.devices.get(number);
    if (d === undefined) throw Failures.invalidDeviceID();
    return d;
  }

  /** Internal (a configured device) or external; an internal-looking unknown number is invalid. */
  classify(number: string): NumberClass {
    const d = this.devices.get(number);
    if (d !== undefined) return { kind: 'internal', device: d };
    if (this.dialPlan.internal.test(number)) throw Failures.invalidDestination();
    return { kind: 'external' };
  }

  isExternal(number: string): boolean {
    return !this.devices.has(number);
  }

  // ---- calls ---------------------------------------------------------------------------------

  newCall(calling: string, called: string): Call {
    const call: Call = { callID: this.callIds.take(), calling, called, lastRedirection: undefined, trunk: undefined, deliveryCause: 'newCall', predictive: false, connections: new Map() };
    this.calls.set(call.callID, call);
    return call;
  }

  call(callID: string | undefined): Call {
    const c = callID === undefined ? undefined : this.calls.get(callID);
    if (c === undefined) throw Failures.invalidCallID();
    return c;
  }

  /** The connection of `device` in `call`, or invalidConnectionID. */
  connection(call: Call, device: string | undefined): Connection {
    const c = device === undefined ? undefined : call.connections.get(device);
    if (c === undefined) throw Failures.invalidConnectionID();
    return c;
  }

  setConnection(call: Call, device: string, state: LocalConnectionState): Connection {
    let c = call.connections.get(device);
    if (c === undefined) {
      c = { device, state };
      call.connections.set(device, c);
      let set = this.callsByDevice.get(device);
      if (set === undefined) this.callsByDevice.set(device, (set = new Set()));
      set.add(call.callID);
    } else {
      c.state = state;
    }
    return c;
  }

  removeConnection(call: Call, device: string): void {
    call.connections.delete(device);
    const set = this.callsByDevice.get(device);
    set?.delete(call.callID);
    if (set !== undefined && set.size === 0) this.callsByDevice.delete(device);
  }

  removeCall(call: Call): void {
    for (const d of [...call.connections.keys()]) this.removeConnection(call, d);
    this.calls.delete(call.callID);
  }

  /** Calls a device has a connection in, oldest first. */
  callsOf(device: string): Call[] {
    const ids = this.callsByDevice.get(device);
    if (ids === undefined) return [];
    const out: Call[] = [];
    for (const id of ids) {
      const c = this.calls.get(id);
      if (c !== undefined) out.push(c);
    }
    return out;
  }

  /** The call where `device` is in `state` (the newest one), if any. */
  findCall(device: string, state: LocalConnectionState): Call | undefined {
    const calls = this.callsOf(device);
    for (let i = calls.length - 1; i >= 0; i--) if (calls[i]!.connections.get(device)?.state === state) return calls[i];
    return undefined;
  }

  /** A device is busy when forced busy, or (without call waiting) when it has a connection that is not on hold. */
  isBusy(device: string): boolean {
    if (this.busyExternal.has(device)) return true;
    const d = this.devices.get(device);
    if (d === undefined) return false;
    if (d.busy) return true;
    if (d.config.kind !== 'station' || this.callWaiting) return false;
    return this.callsOf(device).some((c) => c.connections.get(device)?.state !== 'hold');
  }
}
