/**
 * The call engine: basic call control on the switch model with the ECMA-269 event flows —
 * originate, deliver (station, external party over a trunk, ACD group, routing point), answer,
 * clear, hold, retrieve, deflect, no answer, digits. Every change is reported, per device, to the
 * event sink with that device's own connection state as `localConnectionInfo`.
 *
 * Consultation, transfer and conference live in `call-features.ts` on top of this class.
 */
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import type { LocalConnectionState } from '../../protocol/csta/types/connection-states.js';
import { CstaFailure, Failures } from './errors.js';
import { extDev, redirection } from './identifiers.js';
import { connectionID } from '../session/requests.js';
import type { DeviceEvent, EventSink } from './event-sink.js';
import type { Call, DeviceState, SwitchState } from './switch-state.js';

/** Delivery causes an established event repeats; other deliveries (makeCall, consultation...) establish as newCall. */
const ESTABLISHED_CAUSE: ReadonlySet<EventCause> = new Set<EventCause>(['redirected', 'distributed', 'singleStepTransfer', 'callForward', 'callPickup']);

/** What the engine asks of the rest of the simulator. */
export interface EngineHooks {
  /** A call arrived at a routing point and waits for a route (routeRequest dialogue). */
  routeRequested(call: Call, routingPoint: string): void;
}

/** Basic call control on a SwitchState, reporting ECMA-269 events to an EventSink. */
export class CallEngine {
  readonly state: SwitchState;
  protected readonly sink: EventSink;
  hooks: EngineHooks = { routeRequested: () => undefined };
  /** Listeners told after every change (scenario steps wait on them). */
  private readonly changeListeners = new Set<() => void>();

  constructor(state: SwitchState, sink: EventSink) {
    this.state = state;
    this.sink = sink;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Tells the change listeners that the switch state changed. */
  notifyChanged(): void {
    for (const l of [...this.changeListeners]) l();
  }

  // ---- reporting -----------------------------------------------------------------------------

  /** Configured devices with a connection in the call, plus `extra`. */
  observers(call: Call, extra: readonly string[] = []): string[] {
    const out: string[] = [];
    for (const d of call.connections.keys()) if (this.state.devices.has(d)) out.push(d);
    for (const d of extra) if (this.state.devices.has(d) && !out.includes(d)) out.push(d);
    return out;
  }

  /** The observer's own connection state in the call (`null` when it has none). */
  local(call: Call, observer: string): LocalConnectionState {
    return call.connections.get(observer)?.state ?? 'null';
  }

  /** Reports a device-level event (feature or maintenance) to the device's monitors. */
  reportDevice(device: string, event: DeviceEvent): void {
    this.sink.report(device, event);
  }

  protected report(devices: readonly string[], build: (observer: string) => DeviceEvent): void {
    for (const d of devices) this.sink.report(d, build(d));
  }

  // ---- origination and delivery -------------------------------------------------------------

  /** A station originates a call to `to` (makeCall, or the user dialling): serviceInitiated, originated, then delivery. */
  originate(from: string, to: string, cause: EventCause = 'makeCall'): Call {
    const station = this.requireStation(from);
    if (station.outOfService) throw Failures.deviceOutOfService();
    if (to === from) throw Failures.invalidDestination();
    this.state.classify(to);
    const call = this.state.newCall(from, to);
    this.state.setConnection(call, from, 'initiated');
    this.report([from], (o) => ({
      category: 'callControlEvents',
      type: 'serviceInitiated',
      event: { initiatedConnection: connectionID(call.callID, from), initiatingDevice: extDev(from), localConnectionInfo: this.local(call, o), cause },
    }));
    this.state.setConnection(call, from, 'connected');
    this.report([from], (o) => ({
      category: 'callControlEvents',
      type: 'originated',
      event: { originatedConnection: connectionID(call.callID, from), callingDevice: extDev(from), calledDevice: extDev(to), localConnectionInfo: this.local(call, o), cause },
    }));
    this.deliver(call, to, cause === 'makeCall' ? 'newCall' : cause);
    this.notifyChanged();
    return call;
  }

  /** An external party calls in over the trunk to `to`. */
  inbound(from: string, to: string): Call {
    const target = this.state.classify(to);
    if (target.kind === 'external') throw Failures.invalidDestination();
    const call = this.state.newCall(from, to);
    call.trunk = this.state.trunk();
    this.state.setConnection(call, from, 'connected');
    this.deliver(call, to, 'newCall');
    this.notifyChanged();
    return call;
  }

  /** Offers the call to `to`: alerting at a station, queued at an ACD group or routing point, networkReached outside. */
  deliver(call: Call, to: string, cause: EventCause): void {
    const target = this.state.classify(to);
    if (target.kind === 'external') {
      this.deliverExternal(call, to);
      return;
    }
    const device = target.device;
    switch (device.config.kind) {
      case 'station':
        this.deliverStation(call, device, cause);
        return;
      case 'acdGroup':
        this.queue(call, to, 'enteringDistribution');
        this.distribute(call, to);
        return;
      case 'routingPoint':
        this.queue(call, to, cause);
        this.hooks.routeRequested(call, to);
        return;
      case 'trunk':
        throw Failures.invalidDestination();
      default: {
        const never: never = device.config.kind;
        throw new CstaFailure({ operation: 'generic' }, `unknown device kind ${String(never)}`);
      }
    }
  }

  private deliverExternal(call: Call, to: string): void {
    const trunk = this.state.trunk();
    if (trunk === undefined) throw new CstaFailure({ systemResourceAvailability: 'networkOutOfService' });
    call.trunk = trunk;
    if (this.state.busyExternal.has(to)) {
      this.fail(call, to, 'busy');
      return;
    }
    this.state.setConnection(call, to, 'alerting');
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'networkReached',
      event: {
        outboundConnection: connectionID(call.callID, trunk),
        networkInterfaceUsed: extDev(trunk),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(to),
        lastRedirectionDevice: redirection(call.lastRedirection),
        localConnectionInfo: this.local(call, o),
        cause: 'normal',
      },
    }));
  }

  private deliverStation(call: Call, device: DeviceState, cause: EventCause): void {
    const to = device.config.number;
    if (device.outOfService) {
      this.fail(call, to, 'destOutOfOrder');
      return;
    }
    const immediate = device.forwarding.get('forwardImmediate');
    if (immediate?.destination !== undefined) {
      this.divert(call, to, immediate.destination, 'callForwardImmediate');
      return;
    }
    if (device.doNotDisturb) {
      this.fail(call, to, 'doNotDisturb');
      return;
    }
    if (this.state.isBusy(to)) {
      const onBusy = device.forwarding.get('forwardBusy');
      if (onBusy?.destination !== undefined) this.divert(call, to, onBusy.destination, 'callForwardBusy');
      else this.fail(call, to, 'busy');
      return;
    }
    this.state.setConnection(call, to, 'alerting');
    call.deliveryCause = cause;
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'delivered',
      event: {
        connection: connectionID(call.callID, to),
        alertingDevice: extDev(to),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(call.called),
        lastRedirectionDevice: redirection(call.lastRedirection),
        localConnectionInfo: this.local(call, o),
        cause,
      },
    }));
  }

  /** The call cannot reach `to`: failed to the parties of the call (the caller hears busy / reorder tone). */
  fail(call: Call, to: string, cause: EventCause): void {
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'failed',
      event: {
        failedConnection: connectionID(call.callID, to),
        failingDevice: extDev(to),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(call.called),
        lastRedirectionDevice: redirection(call.lastRedirection),
        localConnectionInfo: this.local(call, o),
        cause,
      },
    }));
  }

  /** Puts the call in the queue of an ACD group or routing point. */
  protected queue(call: Call, device: string, cause: EventCause): void {
    this.state.setConnection(call, device, 'queued');
    const numberQueued = this.state.callsOf(device).filter((c) => c.connections.get(device)?.state === 'queued').length;
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'queued',
      event: {
        queuedConnection: connectionID(call.callID, device),
        queue: extDev(device),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(call.called),
        lastRedirectionDevice: redirection(call.lastRedirection),
        numberQueued,
        localConnectionInfo: this.local(call, o),
        cause,
      },
    }));
  }

  /** Moves the call from `from` (station alerting, group or routing point queue) to `to`: diverted, then delivery. */
  divert(call: Call, from: string, to: string, cause: EventCause): void {
    const observers = this.observers(call, [from]);
    this.state.removeConnection(call, from);
    this.report(observers, (o) => ({
      category: 'callControlEvents',
      type: 'diverted',
      event: {
        connection: connectionID(call.callID, from),
        divertingDevice: extDev(from),
        newDestination: extDev(to),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(call.called),
        lastRedirectionDevice: redirection(call.lastRedirection),
        localConnectionInfo: this.local(call, o),
        cause,
      },
    }));
    call.lastRedirection = from;
    this.deliver(call, to, cause === 'callForwardImmediate' || cause === 'callForwardBusy' || cause === 'callForwardNoAnswer' ? 'callForward' : cause);
  }

  /** Offers the group's oldest queued call to a ready, idle agent of the group. */
  distribute(call: Call, group: string): boolean {
    const members = this.state.device(group).config.members ?? [];
    const agent = members.find((m) => {
      const d = this.state.devices.get(m);
      return d !== undefined && d.agent.loggedOn && d.agent.state === 'agentReady' && !this.state.isBusy(m);
    });
    if (agent === undefined) return false;
    this.divert(call, group, agent, 'distributed');
    return true;
  }

  /** Distributes queued calls of every ACD group the agent belongs to (called when it becomes ready). */
  distributeQueued(): void {
    for (const d of this.state.devices.values()) {
      if (d.config.kind !== 'acdGroup') continue;
      for (const call of this.state.callsOf(d.config.number)) {
        if (call.connections.get(d.config.number)?.state !== 'queued') continue;
        if (!this.distribute(call, d.config.number)) break;
      }
    }
    this.notifyChanged();
  }

  // ---- answer, clear, hold ------------------------------------------------------------------

  /** The alerting device answers: established. */
  answer(call: Call, device: string): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'alerting') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    c.state = 'connected';
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'established',
      event: {
        establishedConnection: connectionID(call.callID, device),
        answeringDevice: extDev(device),
        callingDevice: extDev(call.calling),
        calledDevice: extDev(call.called),
        lastRedirectionDevice: redirection(call.lastRedirection),
        localConnectionInfo: this.local(call, o),
        cause: ESTABLISHED_CAUSE.has(call.deliveryCause) ? call.deliveryCause : 'newCall',
      },
    }));
    this.notifyChanged();
  }

  /** `device` leaves the call (hangs up): connectionCleared; a call left with one party is cleared. */
  clearConnection(call: Call, device: string, cause: EventCause = 'normalClearing'): void {
    this.state.connection(call, device);
    const observers = this.observers(call);
    this.state.removeConnection(call, device);
    this.report(observers, (o) => ({
      category: 'callControlEvents',
      type: 'connectionCleared',
      event: { droppedConnection: connectionID(call.callID, device), releasingDevice: extDev(device), localConnectionInfo: this.local(call, o), cause },
    }));
    if (call.connections.size <= 1) this.endCall(call, observers.filter((d) => d !== device), cause);
    this.notifyChanged();
  }

  /** Clears every connection of the call: callCleared to every party. */
  clearCall(call: Call, cause: EventCause = 'normalClearing'): void {
    this.endCall(call, this.observers(call), cause);
    this.notifyChanged();
  }

  private endCall(call: Call, observers: readonly string[], cause: EventCause): void {
    this.state.removeCall(call);
    this.report(observers, () => ({ category: 'callControlEvents', type: 'callCleared', event: { clearedCall: { callID: call.callID }, cause } }));
  }

  hold(call: Call, device: string, cause: EventCause = 'normal'): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    c.state = 'hold';
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'held',
      event: { heldConnection: connectionID(call.callID, device), holdingDevice: extDev(device), localConnectionInfo: this.local(call, o), cause },
    }));
    this.notifyChanged();
  }

  retrieve(call: Call, device: string, cause: EventCause = 'normal'): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'noHeldCall' });
    c.state = 'connected';
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'retrieved',
      event: { retrievedConnection: connectionID(call.callID, device), retrievingDevice: extDev(device), localConnectionInfo: this.local(call, o), cause },
    }));
    this.notifyChanged();
  }

  /**
   * The alerting device sends the call elsewhere (deflectCall): diverted, then delivery to `to`.
   * A destination already in the call is refused with invalidDestination before anything changes.
   */
  deflect(call: Call, device: string, to: string): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'alerting' && c.state !== 'queued') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    this.state.classify(to);
    // A party of the call (or the deflecting device itself) is no place to send it: refuse, change nothing.
    if (call.connections.has(to)) throw Failures.invalidDestination();
    this.divert(call, device, to, 'redirected');
    this.notifyChanged();
  }

  /** Nobody answers at `device`: forward on no answer if set, else failed (callNotAnswered) and the party leaves. */
  noAnswer(call: Call, device: string): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'alerting') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    const fwd = this.state.devices.get(device)?.forwarding.get('forwardNoAns');
    if (fwd?.destination !== undefined) {
      this.divert(call, device, fwd.destination, 'callForwardNoAnswer');
    } else {
      c.state = 'fail';
      this.fail(call, device, 'callNotAnswered');
      this.state.removeConnection(call, device);
    }
    this.notifyChanged();
  }

  /** DTMF sent on a connected connection: digitsGeneratedEvent. */
  generateDigits(call: Call, device: string, digits: string): void {
    const c = this.state.connection(call, device);
    if (c.state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    this.report(this.observers(call), () => ({
      category: 'callAssociatedEvents',
      type: 'digitsGeneratedEvent',
      event: { connection: connectionID(call.callID, device), digitGeneratedList: digits },
    }));
  }

  protected requireStation(number: string): DeviceState {
    const d = this.state.device(number);
    if (d.config.kind !== 'station') throw new CstaFailure({ operation: 'invalidCallingDeviceID' });
    return d;
  }
}
