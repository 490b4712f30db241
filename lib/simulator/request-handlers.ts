/**
 * The switch's answer to every CSTA request a client can send: a typed result, a CSTA
 * `universalFailure` (thrown as CstaFailure), or no reply for the invokes that have none
 * (routeSelectRequest, routeEndRequest...). Operations the simulated switch does not offer are
 * answered `operation: serviceNotSupported`, as a PBX without the feature would.
 */
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import type { SystemStatus } from '../../protocol/csta/types/device-feature-types.js';
import { CstaFailure, Failures } from './errors.js';
import { connectionParts, extDev, numberOf } from './identifiers.js';
import { connectionID, deviceID } from '../session/requests.js';
import type { Agents } from './agents.js';
import type { CallFeatures } from './call-features.js';
import type { SwitchMonitors } from './monitors.js';
import type { Router } from './routing.js';
import { callSnapshot, deviceSnapshot, inlineDeviceResult, snapshotSegments } from './snapshots.js';
import type { SnapshotDeviceMode } from './snapshots.js';
import type { Call, ForwardingEntry } from './switch-state.js';

/** Returned by a handler whose operation has no reply. */
export const NO_REPLY = Symbol('no reply');

/** What a handler may use: the switch, and who asked. */
export interface HandlerContext {
  readonly engine: CallFeatures;
  readonly monitors: SwitchMonitors;
  readonly router: Router;
  readonly agents: Agents;
  readonly clientId: number;
  /** Current system status (requestSysStat answers it). */
  readonly systemStatus: SystemStatus;
  /** Marks the client registered for system status (systemRegister association). */
  registerSystem(): string;
  /** How snapshotDevice answers (PbxSimulatorOptions.snapshotDeviceMode). */
  readonly snapshotDeviceMode: SnapshotDeviceMode;
  /** Entries per snapshotDeviceData segment in `data` mode. */
  readonly snapshotChunkSize: number;
  /** A fresh ServiceCrossRefID (snapshotDevice answered with a cross reference). */
  serviceCrossRefID(): string;
  /** Queues an invoke of the switch to this client, sent after the reply and the request's events. */
  invokeAfterReply<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>): void;
}

type Handler<N extends OperationName> = (argument: ArgumentOf<OperationNamed<N>>, ctx: HandlerContext) => ResultOf<OperationNamed<N>> | typeof NO_REPLY;
type HandlerTable = { readonly [N in OperationName]?: Handler<N> };

const NO_DATA = { noData: null } as const;

function deviceNumber(id: DeviceID, failure: () => CstaFailure = Failures.invalidDeviceID): string {
  const n = numberOf(id);
  if (n === undefined) throw failure();
  return n;
}

/** The call and the device a ConnectionID names (both must exist). */
function resolve(ctx: HandlerContext, c: ConnectionID): { call: Call; device: string } {
  const parts = connectionParts(c);
  if (parts.callID === undefined) throw Failures.invalidCallID();
  const call = ctx.engine.state.call(parts.callID);
  if (parts.device === undefined || !call.connections.has(parts.device)) throw Failures.invalidConnectionID();
  return { call, device: parts.device };
}

/** Held and active connections of the same device (transfer, conference, alternate, reconnect). */
function heldAndActive(ctx: HandlerContext, held: ConnectionID, active: ConnectionID): { held: Call; active: Call; device: string } {
  const h = resolve(ctx, held);
  const a = resolve(ctx, active);
  if (h.device !== a.device) throw new CstaFailure({ operation: 'notSameDevice' });
  return { held: h.call, active: a.call, device: h.device };
}

/** The handler of each operation the simulated switch serves (others: serviceNotSupported). */
export const REQUEST_HANDLERS: HandlerTable = {
  makeCall: (arg, ctx) => {
    const from = deviceNumber(arg.callingDevice, () => new CstaFailure({ operation: 'invalidCallingDeviceID' }));
    const to = deviceNumber(arg.calledDirectoryNumber, () => new CstaFailure({ operation: 'invalidCalledDeviceID' }));
    const call = ctx.engine.originate(from, to, 'makeCall');
    return { callingDevice: connectionID(call.callID, from) };
  },
  makePredictiveCall: (arg, ctx) => {
    const from = deviceNumber(arg.callingDevice, () => new CstaFailure({ operation: 'invalidCallingDeviceID' }));
    const to = deviceNumber(arg.calledDirectoryNumber, () => new CstaFailure({ operation: 'invalidCalledDeviceID' }));
    const call = ctx.engine.predictive(from, to);
    return { initiatedCall: connectionID(call.callID, from) };
  },
  answerCall: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.callToBeAnswered);
    ctx.engine.answer(call, device);
    return NO_DATA;
  },
  clearConnection: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.connectionToBeCleared);
    ctx.engine.clearConnection(call, device, typeof arg.reason === 'string' ? arg.reason : 'normalClearing');
    return NO_DATA;
  },
  clearCall: (arg, ctx) => {
    const parts = connectionParts(arg.callToBeCleared);
    ctx.engine.clearCall(ctx.engine.state.call(parts.callID));
    return NO_DATA;
  },
  holdCall: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.callToBeHeld);
    ctx.engine.hold(call, device);
    return NO_DATA;
  },
  retrieveCall: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.callToBeRetrieved);
    ctx.engine.retrieve(call, device);
    return NO_DATA;
  },
  consultationCall: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.existingCall);
    const next = ctx.engine.consult(call, device, deviceNumber(arg.consultedDevice, Failures.invalidDestination));
    return { initiatedCall: connectionID(next.callID, device) };
  },
  transferCall: (arg, ctx) => {
    const { held, active, device } = heldAndActive(ctx, arg.heldCall, arg.activeCall);
    const to = [...active.connections.keys()].find((d) => d !== device)!;
    const out = ctx.engine.transfer(held, active, device);
    return { transferredCall: connectionID(out.call.callID, to), connections: out.connections };
  },
  conferenceCall: (arg, ctx) => {
    const { held, active, device } = heldAndActive(ctx, arg.heldCall, arg.activeCall);
    const out = ctx.engine.conference(held, active, device);
    return { conferenceCall: connectionID(out.call.callID, device), connections: out.connections };
  },
  alternateCall: (arg, ctx) => {
    const { held, active, device } = heldAndActive(ctx, arg.heldCall, arg.activeCall);
    ctx.engine.alternate(held, active, device);
    return NO_DATA;
  },
  reconnectCall: (arg, ctx) => {
    const { held, active, device } = heldAndActive(ctx, arg.heldCall, arg.activeCall);
    ctx.engine.reconnect(active, held, device);
    return NO_DATA;
  },
  singleStepTrans: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.activeCall);
    const to = deviceNumber(arg.transferredTo, Failures.invalidDestination);
    const out = ctx.engine.singleStepTransfer(call, device, to);
    return { transferredCall: connectionID(out.call.callID, to), connections: out.connections };
  },
  singleStepConf: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.activeCall);
    const join = deviceNumber(arg.deviceToJoin);
    ctx.engine.singleStepConference(call, device, join);
    return { conferencedCall: connectionID(call.callID, join) };
  },
  deflectCall: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.callToBeDiverted);
    ctx.engine.deflect(call, device, deviceNumber(arg.newDestination, Failures.invalidDestination));
    return NO_DATA;
  },
  generateDigits: (arg, ctx) => {
    const { call, device } = resolve(ctx, arg.connectionToSendDigits);
    if (!/^[0-9*#A-Da-d,]*$/.test(arg.charactersToSend)) throw new CstaFailure({ operation: 'invalidParameterValue' });
    ctx.engine.generateDigits(call, device, arg.charactersToSend);
    return NO_DATA;
  },

  // ---- logical device features ---------------------------------------------------------------
  setAgentState: (arg, ctx) => {
    if (typeof arg.requestedAgentState !== 'string') throw new CstaFailure({ operation: 'agentStateOutOfRange' });
    ctx.agents.set({
      device: deviceNumber(arg.device),
      requested: arg.requestedAgentState,
      ...(arg.agentID === undefined ? {} : { agentID: arg.agentID }),
      ...(arg.password === undefined ? {} : { password: arg.password }),
      ...(arg.group === undefined ? {} : { group: deviceNumber(arg.group, () => new CstaFailure({ operation: 'invalidAgentGroup' })) }),
    });
    return {};
  },
  getAgentState: (arg, ctx) => ctx.agents.get(deviceNumber(arg.device)),
  setDoNotDisturb: (arg, ctx) => {
    const device = deviceNumber(arg.device);
    ctx.engine.state.device(device).doNotDisturb = arg.doNotDisturbOn;
    ctx.engine.reportDevice(device, { category: 'logicalDeviceFeatureEvents', type: 'doNotDisturb', event: { device: extDev(device), doNotDisturbOn: arg.doNotDisturbOn } });
    return NO_DATA;
  },
  getDoNotDisturb: (arg, ctx) => ({ doNotDisturbOn: ctx.engine.state.device(deviceNumber(arg.device)).doNotDisturb }),
  setForwarding: (arg, ctx) => {
    const d = ctx.engine.state.device(deviceNumber(arg.device));
    const type = arg.forwardingType ?? 'forwardImmediate';
    if (typeof type !== 'string') throw new CstaFailure({ operation: 'forwardingTypeOutOfRange' });
    const device = d.config.number;
    if (!arg.activateForward) {
      d.forwarding.delete(type);
      ctx.engine.reportDevice(device, { category: 'logicalDeviceFeatureEvents', type: 'forwarding', event: { device: extDev(device), forwardingType: type, forwardStatus: false } });
      return NO_DATA;
    }
    const destination = arg.forwardDN === undefined ? undefined : deviceNumber(arg.forwardDN, () => new CstaFailure({ operation: 'invalidForwardingDestination' }));
    if (destination === undefined) throw new CstaFailure({ operation: 'invalidForwardingDestination' });
    ctx.engine.state.classify(destination);
    d.forwarding.set(type, { type, destination });
    ctx.engine.reportDevice(device, { category: 'logicalDeviceFeatureEvents', type: 'forwarding', event: { device: extDev(device), forwardingType: type, forwardStatus: true, forwardTo: deviceID(destination) } });
    return NO_DATA;
  },
  getForwarding: (arg, ctx) => {
    const d = ctx.engine.state.device(deviceNumber(arg.device));
    return { forwardingList: [...d.forwarding.values()].map((f: ForwardingEntry) => ({ forwardingType: f.type, forwardStatus: true, ...(f.destination === undefined ? {} : { forwardDN: deviceID(f.destination) }) })) };
  },

  // ---- monitoring and snapshots --------------------------------------------------------------
  monitorStart: (arg, ctx) => {
    if (!('deviceObject' in arg.monitorObject)) throw new CstaFailure({ operation: 'monitorTypeNotSupported' });
    const device = deviceNumber(arg.monitorObject.deviceObject);
    ctx.engine.state.device(device);
    const m = ctx.monitors.start(ctx.clientId, device, arg.requestedMonitorFilter);
    return { crossRefIdentifier: m.crossRefIdentifier, ...(arg.requestedMonitorFilter === undefined ? {} : { actualmonitorFilter: arg.requestedMonitorFilter }) };
  },
  monitorStop: (arg, ctx) => {
    const m = ctx.monitors.get(arg.crossRefIdentifier);
    if (m === undefined || m.clientId !== ctx.clientId) throw new CstaFailure({ operation: 'invalidMonitorCrossRefID' });
    ctx.monitors.stop(arg.crossRefIdentifier);
    return NO_DATA;
  },
  changeMonitorFilter: (arg, ctx) => {
    const m = ctx.monitors.get(arg.crossRefIdentifier);
    if (m === undefined || m.clientId !== ctx.clientId) throw new CstaFailure({ operation: 'invalidMonitorCrossRefID' });
    m.filter = arg.requestedFilterList;
    return { actualFilterList: arg.requestedFilterList };
  },
  snapshotDevice: (arg, ctx) => {
    const data = deviceSnapshot(ctx.engine.state, deviceNumber(arg.snapshotObject));
    if (ctx.snapshotDeviceMode === 'inline') return inlineDeviceResult(data);
    const serviceCrossRefID = ctx.serviceCrossRefID();
    for (const segment of snapshotSegments(serviceCrossRefID, data, ctx.snapshotChunkSize)) ctx.invokeAfterReply('snapshotDeviceData', segment);
    return { crossRefIDorSnapshotData: { serviceCrossRefID } };
  },
  snapshotCall: (arg, ctx) => callSnapshot(ctx.engine.state.call(connectionParts(arg.snapshotObject).callID)),

  // ---- system status ---------------------------------------------------------------------------
  systemStatus: () => NO_DATA,
  requestSysStat: (_arg, ctx) => ({ systemStatus: ctx.systemStatus }),
  systemRegister: (arg, ctx) => ({ sysStatRegisterID: ctx.registerSystem(), ...(arg.requestedStatusFilter === undefined ? {} : { actualStatusFilter: arg.requestedStatusFilter }) }),
  systemRegisterCancel: () => NO_DATA,

  // ---- routeing --------------------------------------------------------------------------------
  routeRegister: (arg, ctx) => {
    const device = arg.routeingDevice === undefined ? undefined : deviceNumber(arg.routeingDevice);
    const reg = ctx.router.register(ctx.clientId, device);
    return { routeRegisterReqID: reg.id };
  },
  routeRegisterCancel: (arg, ctx) => {
    ctx.router.cancel(ctx.clientId, arg.routeRegisterReqID);
    return NO_DATA;
  },
  routeSelectRequest: (arg, ctx) => {
    ctx.router.select(ctx.clientId, arg);
    return NO_REPLY;
  },
  routeEndRequest: (arg, ctx) => {
    ctx.router.end(ctx.clientId, arg.crossRefIdentifier);
    return NO_REPLY;
  },
  routeUsedRequest: () => NO_REPLY,
  routeRequest: () => NO_REPLY,
  reRouteRequest: () => NO_REPLY,
  routeReject: () => NO_REPLY,
  routeRegisterAbort: () => NO_REPLY,
  systemRegisterAbort: () => NO_REPLY,
  cSTAEventReport: () => NO_REPLY,

  // ---- escape ----------------------------------------------------------------------------------
  /** Vendor escape, as a test hook: the private data comes back in the result's extensions. */
  escape: (arg) => ({ extensions: { privateData: [arg.privateData] } }),
};

/** Runs the handler of `operation`; serviceNotSupported when the switch has none. */
export function handleRequest<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>, ctx: HandlerContext): ResultOf<OperationNamed<N>> | typeof NO_REPLY {
  const handler = REQUEST_HANDLERS[operation] as Handler<N> | undefined;
  if (handler === undefined) throw Failures.serviceNotSupported();
  return handler(argument, ctx);
}
