/**
 * Dispatch of the call-control and call-associated events to the state machine and the merges:
 * which connection each event is about and which ECMA-269 LocalConnectionState it implies.
 */
import type { ConnectionID } from '../../../protocol/csta/types/call-connection-identifiers.js';
import type { LocalConnectionState } from '../../../protocol/csta/types/connection-states.js';
import type { RedirectionDeviceID } from '../../../protocol/csta/types/device-identifiers.js';
import type { EventCause } from '../../../protocol/csta/types/event-cause.js';
import type { KnownCstaEvent } from '../events.js';
import type { CallStore } from './call-store.js';
import { deviceChoiceKey } from './ids.js';
import type { DeviceChoice } from './ids.js';
import { applyConferenced, applyDiverted, applyTransferred } from './merges.js';
import { applyCallCleared, applyConnectionCleared, applyPartyEvent, resolveCall, updateCallInfo } from './state-machine.js';
import type { PartyEvent } from './state-machine.js';
import type { ConnectionState } from './types.js';

/** A call-control event (category `callControlEvents`). */
export type CallControlEvent = Extract<KnownCstaEvent, { readonly category: 'callControlEvents' }>;
/** A call-associated event (category `callAssociatedEvents`). */
export type CallAssociatedEvent = Extract<KnownCstaEvent, { readonly category: 'callAssociatedEvents' }>;

/** Applies a call-control event seen on the monitor of `monitored`. */
export function applyCallControl(store: CallStore, monitored: string, e: CallControlEvent): void {
  switch (e.type) {
    case 'serviceInitiated': {
      const ev = e.event;
      applyPartyEvent(store, monitored, {
        connection: ev.initiatedConnection,
        subject: ev.initiatingDevice,
        derived: 'initiated',
        callerState: undefined,
        localConnectionInfo: ev.localConnectionInfo,
        cause: ev.cause,
        callingDevice: ev.initiatingDevice,
        calledDevice: ev.calledDevice,
        lastRedirectionDevice: undefined,
        correlatorData: ev.correlatorData,
        userData: undefined,
        mayStartCall: true,
      });
      return;
    }
    case 'originated': {
      // ECMA-269 Originated: the originating connection is Connected (dialling complete).
      const ev = e.event;
      applyPartyEvent(store, monitored, {
        connection: ev.originatedConnection,
        subject: ev.callingDevice,
        derived: 'connected',
        callerState: undefined,
        localConnectionInfo: ev.localConnectionInfo,
        cause: ev.cause,
        callingDevice: ev.callingDevice,
        calledDevice: ev.calledDevice,
        lastRedirectionDevice: undefined,
        correlatorData: ev.correlatorData,
        userData: undefined,
        mayStartCall: true,
      });
      return;
    }
    case 'delivered':
      applyPartyEvent(store, monitored, reached(e.event, e.event.connection, e.event.alertingDevice, 'alerting', 'connected'));
      return;
    case 'offered':
      applyPartyEvent(store, monitored, reached(e.event, e.event.offeredConnection, e.event.offeredDevice, 'alerting', 'connected'));
      return;
    case 'established':
      applyPartyEvent(store, monitored, reached(e.event, e.event.establishedConnection, e.event.answeringDevice, 'connected', 'connected'));
      return;
    case 'queued':
      applyPartyEvent(store, monitored, reached(e.event, e.event.queuedConnection, e.event.queue, 'queued', 'connected'));
      return;
    case 'failed':
      applyPartyEvent(store, monitored, reached(e.event, e.event.failedConnection, e.event.failingDevice, 'fail', 'connected'));
      return;
    case 'networkReached': {
      // The call left the switch through `networkInterfaceUsed`: the far party (the called device,
      // reached over the outbound trunk connection) is taken as alerting until the network says more.
      const ev = e.event;
      const call = resolveCall(store, ev.outboundConnection, deviceChoiceKey(ev.networkInterfaceUsed), true);
      if (call !== undefined) store.setInfo(call, 'networkReached', true);
      const far = deviceChoiceKey(ev.calledDevice) !== undefined ? ev.calledDevice : ev.networkInterfaceUsed;
      applyPartyEvent(store, monitored, reached(ev, ev.outboundConnection, far, 'alerting', 'connected'));
      return;
    }
    case 'held':
    case 'retrieved':
    case 'bridged': {
      const [connection, subject, derived] =
        e.type === 'held'
          ? ([e.event.heldConnection, e.event.holdingDevice, 'hold'] as const)
          : e.type === 'retrieved'
            ? ([e.event.retrievedConnection, e.event.retrievingDevice, 'connected'] as const)
            : ([e.event.bridgedConnection, e.event.bridgedAppearance, 'queued'] as const);
      const ev = e.event;
      applyPartyEvent(store, monitored, {
        connection,
        subject,
        derived,
        callerState: undefined,
        localConnectionInfo: ev.localConnectionInfo,
        cause: ev.cause,
        callingDevice: undefined,
        calledDevice: undefined,
        lastRedirectionDevice: undefined,
        correlatorData: ev.correlatorData,
        userData: undefined,
        mayStartCall: e.type === 'bridged',
      });
      return;
    }
    case 'connectionCleared':
      applyConnectionCleared(store, monitored, e.event);
      return;
    case 'callCleared':
      applyCallCleared(store, e.event);
      return;
    case 'transferred':
      applyTransferred(store, monitored, e.event);
      return;
    case 'conferenced':
      applyConferenced(store, monitored, e.event);
      return;
    case 'diverted':
      applyDiverted(store, monitored, e.event);
      return;
    case 'digitsDialed':
    case 'networkCapabilitiesChanged':
      return; // no connection state change
    default: {
      const unhandled: never = e;
      void unhandled;
    }
  }
}

/** callInformation updates the call's data; the other call-associated events change no state. */
export function applyCallAssociated(store: CallStore, e: CallAssociatedEvent): void {
  if (e.type !== 'callInformation') return;
  const ev = e.event;
  const call = resolveCall(store, ev.connection, deviceChoiceKey(ev.device), false);
  if (call === undefined) return;
  updateCallInfo(store, call, { callingDevice: ev.callingDevice, correlatorData: ev.correlatorData, userData: ev.userData });
  store.refreshDirections(call);
}

/**
 * The PartyEvent of an event that reports the call reaching a device (delivered, offered,
 * established, queued, failed, networkReached): all carry the calling, called and redirection
 * devices. Built as one literal so every PartyEvent has the same shape.
 */
function reached(
  ev: {
    readonly callingDevice: DeviceChoice;
    readonly calledDevice: DeviceChoice;
    readonly lastRedirectionDevice: RedirectionDeviceID;
    readonly localConnectionInfo?: LocalConnectionState;
    readonly cause: EventCause;
    readonly correlatorData?: string;
    readonly userData?: string;
  },
  connection: ConnectionID,
  subject: DeviceChoice,
  derived: ConnectionState,
  callerState: ConnectionState,
): PartyEvent {
  return {
    connection,
    subject,
    derived,
    callerState,
    localConnectionInfo: ev.localConnectionInfo,
    cause: ev.cause,
    callingDevice: ev.callingDevice,
    calledDevice: ev.calledDevice,
    lastRedirectionDevice: ev.lastRedirectionDevice,
    correlatorData: ev.correlatorData,
    userData: ev.userData,
    mayStartCall: true,
  };
}
