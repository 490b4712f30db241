/**
 * Call features on top of basic call control, with their ECMA-269 event flows: consultation
 * (held + new call), transfer (transferred with a new callID and transferredConnections),
 * conference (conferenced with conferenceConnections), alternate, reconnect, single-step
 * transfer and single-step conference.
 */
import type { ConnectionList } from '../../protocol/csta/types/connection-states.js';
import { CstaFailure } from './errors.js';
import { extDev, redirection } from './identifiers.js';
import { connectionID, deviceID } from '../session/requests.js';
import { CallEngine } from './call-engine.js';
import type { Call } from './switch-state.js';

/** The parties of a call other than `device`. */
function others(call: Call, device: string): string[] {
  return [...call.connections.keys()].filter((d) => d !== device);
}

/** The full call engine: basic call control plus the supplementary features. */
export class CallFeatures extends CallEngine {
  /**
   * makePredictiveCall: the switch calls `to` first (serviceInitiated at the calling device, then
   * networkReached or delivered); when `to` answers, the call is offered to `from` (a station
   * alerts, an ACD group queues and distributes).
   */
  predictive(from: string, to: string): Call {
    const caller = this.state.device(from);
    if (caller.config.kind !== 'station' && caller.config.kind !== 'acdGroup') throw new CstaFailure({ operation: 'invalidCallingDeviceID' });
    if (caller.outOfService) throw new CstaFailure({ systemResourceAvailability: 'deviceOutOfService' });
    this.state.classify(to);
    const call = this.state.newCall(from, to);
    call.predictive = true;
    this.state.setConnection(call, from, 'initiated');
    this.report([from], (o) => ({
      category: 'callControlEvents',
      type: 'serviceInitiated',
      event: { initiatedConnection: connectionID(call.callID, from), initiatingDevice: extDev(from), calledDevice: extDev(to), localConnectionInfo: this.local(call, o), cause: 'makePredictiveCall' },
    }));
    this.deliver(call, to, 'makePredictiveCall');
    this.notifyChanged();
    return call;
  }

  /** Answering the called party of a predictive call connects the calling device. */
  override answer(call: Call, device: string): void {
    super.answer(call, device);
    if (!call.predictive || device !== call.called) return;
    call.predictive = false;
    const from = call.calling;
    if (!call.connections.has(from)) return;
    if (this.state.devices.get(from)?.config.kind === 'acdGroup') {
      this.queue(call, from, 'enteringDistribution');
      this.distribute(call, from);
    } else {
      this.state.setConnection(call, from, 'alerting');
      this.report(this.observers(call), (o) => ({
        category: 'callControlEvents',
        type: 'delivered',
        event: {
          connection: connectionID(call.callID, from),
          alertingDevice: extDev(from),
          callingDevice: extDev(from),
          calledDevice: extDev(call.called),
          lastRedirectionDevice: redirection(undefined),
          localConnectionInfo: this.local(call, o),
          cause: 'makePredictiveCall',
        },
      }));
    }
    this.notifyChanged();
  }

  /** consultationCall: holds `existing` at `device` and calls `to` in a new call. */
  consult(existing: Call, device: string, to: string): Call {
    const c = this.state.connection(existing, device);
    if (c.state === 'connected') this.hold(existing, device, 'consultation');
    else if (c.state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    return this.originate(device, to, 'consultation');
  }

  /**
   * transferCall: `device` holds `held` and is in `active`; the other parties are joined in a new
   * call and `device` leaves. One transferred event to every party.
   */
  transfer(held: Call, active: Call, device: string): { call: Call; connections: ConnectionList } {
    if (held === active) throw new CstaFailure({ operation: 'invalidActiveCallID' });
    if (this.state.connection(held, device).state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'invalidHeldConnectionState' });
    const activeState = this.state.connection(active, device).state;
    if (activeState !== 'connected' && activeState !== 'initiated') throw new CstaFailure({ stateIncompatibility: 'invalidActiveConnectionState' });
    const heldParties = others(held, device);
    const activeParties = others(active, device);
    if (heldParties.length === 0 || activeParties.length === 0) throw new CstaFailure({ stateIncompatibility: 'invalidObjectState' });
    const observers = [...new Set([device, ...this.observers(held), ...this.observers(active)])];
    const transferredTo = activeParties[0]!;
    const call = this.state.newCall(held.calling === device ? held.called : held.calling, active.called);
    call.trunk = held.trunk ?? active.trunk;
    const list: { newConnection: ReturnType<typeof connectionID>; oldConnection: ReturnType<typeof connectionID>; endpoint: { deviceID: ReturnType<typeof deviceID> } }[] = [];
    for (const [old, parties] of [
      [held, heldParties],
      [active, activeParties],
    ] as const) {
      for (const p of parties) {
        this.state.setConnection(call, p, old.connections.get(p)!.state);
        list.push({ newConnection: connectionID(call.callID, p), oldConnection: connectionID(old.callID, p), endpoint: { deviceID: deviceID(p) } });
      }
    }
    this.state.removeCall(held);
    this.state.removeCall(active);
    this.report(observers, (o) => ({
      category: 'callControlEvents',
      type: 'transferred',
      event: {
        primaryOldCall: connectionID(held.callID, device),
        secondaryOldCall: connectionID(active.callID, device),
        transferringDevice: extDev(device),
        transferredToDevice: extDev(transferredTo),
        transferredConnections: list,
        localConnectionInfo: this.local(call, o),
        cause: 'transfer',
      },
    }));
    this.notifyChanged();
    return { call, connections: list };
  }

  /** conferenceCall: joins the parties of `held` and `active` with `device` in the held call. */
  conference(held: Call, active: Call, device: string): { call: Call; connections: ConnectionList } {
    if (held === active) throw new CstaFailure({ operation: 'invalidActiveCallID' });
    if (this.state.connection(held, device).state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'invalidHeldConnectionState' });
    if (this.state.connection(active, device).state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidActiveConnectionState' });
    const added = others(active, device);
    if (added.length === 0) throw new CstaFailure({ stateIncompatibility: 'invalidObjectState' });
    const observers = [...new Set([...this.observers(held), ...this.observers(active)])];
    const oldCallOf = new Map<string, string>();
    for (const p of held.connections.keys()) oldCallOf.set(p, held.callID);
    for (const p of added) {
      this.state.setConnection(held, p, active.connections.get(p)!.state);
      oldCallOf.set(p, active.callID);
    }
    this.state.removeCall(active);
    this.state.setConnection(held, device, 'connected');
    const list = [...held.connections.keys()].map((p) => ({
      newConnection: connectionID(held.callID, p),
      oldConnection: connectionID(oldCallOf.get(p) ?? held.callID, p),
      endpoint: { deviceID: deviceID(p) },
    }));
    this.report(observers, (o) => ({
      category: 'callControlEvents',
      type: 'conferenced',
      event: {
        primaryOldCall: connectionID(held.callID, device),
        secondaryOldCall: connectionID(active.callID, device),
        conferencingDevice: extDev(device),
        addedParty: extDev(added[0]!),
        conferenceConnections: list,
        localConnectionInfo: this.local(held, o),
        cause: 'conference',
      },
    }));
    this.notifyChanged();
    return { call: held, connections: list };
  }

  /** alternateCall: the active call goes on hold and the held one is retrieved. */
  alternate(held: Call, active: Call, device: string): void {
    if (this.state.connection(held, device).state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'invalidHeldConnectionState' });
    if (this.state.connection(active, device).state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidActiveConnectionState' });
    this.hold(active, device, 'alternate');
    this.retrieve(held, device, 'alternate');
  }

  /** reconnectCall: `device` leaves the active call and retrieves the held one. */
  reconnect(active: Call, held: Call, device: string): void {
    if (this.state.connection(held, device).state !== 'hold') throw new CstaFailure({ stateIncompatibility: 'invalidHeldConnectionState' });
    this.clearConnection(active, device);
    this.retrieve(held, device);
  }

  /**
   * singleStepTransferCall: `device` leaves `call` and its other party is offered to `to` in a new
   * call (transferred with cause singleStepTransfer, then delivered at `to`).
   */
  singleStepTransfer(call: Call, device: string, to: string): { call: Call; connections: ConnectionList } {
    const c = this.state.connection(call, device);
    if (c.state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    this.state.classify(to);
    const parties = others(call, device);
    if (parties.length === 0) throw new CstaFailure({ stateIncompatibility: 'invalidObjectState' });
    const observers = [...new Set([device, ...this.observers(call)])];
    const next = this.state.newCall(call.calling === device ? parties[0]! : call.calling, to);
    next.trunk = call.trunk;
    next.lastRedirection = device;
    const list = parties.map((p) => {
      this.state.setConnection(next, p, call.connections.get(p)!.state);
      return { newConnection: connectionID(next.callID, p), oldConnection: connectionID(call.callID, p), endpoint: { deviceID: deviceID(p) } };
    });
    this.state.removeCall(call);
    this.report(observers, (o) => ({
      category: 'callControlEvents',
      type: 'transferred',
      event: {
        primaryOldCall: connectionID(call.callID, device),
        transferringDevice: extDev(device),
        transferredToDevice: extDev(to),
        transferredConnections: list,
        localConnectionInfo: this.local(next, o),
        cause: 'singleStepTransfer',
      },
    }));
    this.deliver(next, to, 'singleStepTransfer');
    this.notifyChanged();
    return { call: next, connections: list };
  }

  /** singleStepConference: `join` is added to the call at once (conferenced, cause singleStepConference). */
  singleStepConference(call: Call, device: string, join: string): void {
    if (this.state.connection(call, device).state !== 'connected') throw new CstaFailure({ stateIncompatibility: 'invalidConnectionState' });
    const joining = this.state.device(join);
    if (joining.outOfService) throw new CstaFailure({ systemResourceAvailability: 'deviceOutOfService' });
    if (call.connections.has(join)) throw new CstaFailure({ stateIncompatibility: 'invalidObjectState' });
    this.state.setConnection(call, join, 'connected');
    const list = [...call.connections.keys()].map((p) => ({ newConnection: connectionID(call.callID, p), endpoint: { deviceID: deviceID(p) } }));
    this.report(this.observers(call), (o) => ({
      category: 'callControlEvents',
      type: 'conferenced',
      event: {
        primaryOldCall: connectionID(call.callID, device),
        conferencingDevice: extDev(device),
        addedParty: extDev(join),
        conferenceConnections: list,
        localConnectionInfo: this.local(call, o),
        cause: 'singleStepConference',
      },
    }));
    this.notifyChanged();
  }
}
