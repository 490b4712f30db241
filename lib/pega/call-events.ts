/**
 * CSTA call-control events at a monitored device → Pega CallStateEvent / PartyInfoEvent /
 * CallInfoEvent, updating the device's line state. One function per CSTA event; the rules are
 * listed, with their reasons, in docs/pega-mapping.md.
 */
import type { ConferencedEvent } from '../../protocol/csta/events/conferenced-event.js';
import type { ConnectionClearedEvent } from '../../protocol/csta/events/connection-cleared-event.js';
import type { CallClearedEvent } from '../../protocol/csta/events/call-cleared-event.js';
import type { DeliveredEvent } from '../../protocol/csta/events/delivered-event.js';
import type { DivertedEvent } from '../../protocol/csta/events/diverted-event.js';
import type { EstablishedEvent } from '../../protocol/csta/events/established-event.js';
import type { FailedEvent } from '../../protocol/csta/events/failed-event.js';
import type { HeldEvent } from '../../protocol/csta/events/held-event.js';
import type { NetworkReachedEvent } from '../../protocol/csta/events/network-reached-event.js';
import type { OfferedEvent } from '../../protocol/csta/events/offered-event.js';
import type { OriginatedEvent } from '../../protocol/csta/events/originated-event.js';
import type { RetrievedEvent } from '../../protocol/csta/events/retrieved-event.js';
import type { ServiceInitiatedEvent } from '../../protocol/csta/events/service-initiated-event.js';
import type { TransferredEvent } from '../../protocol/csta/events/transferred-event.js';
import type { ConnectionList } from '../../protocol/csta/types/connection-states.js';
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import { callInfoEvent, hasCallData } from './call-data.js';
import type { CallDataFields } from './call-data.js';
import { callIdOf, connectionDevice, deviceRef, deviceRefOfID, dnOf } from './csta-values.js';
import type { DeviceRef } from './csta-values.js';
import type { DeviceLine, LineCall } from './line-state.js';
import type { CallStateEvent, PartyInfoEvent, PegaCallEventName, PegaCallType, PegaEvent } from './types.js';

/** What the handlers need besides the line: whether a device is inside the switch. */
export interface CallMapContext {
  readonly line: DeviceLine;
  /** true: internal, false: external, undefined: cannot tell. */
  readonly isInternal: (ref: DeviceRef) => boolean | undefined;
}

/** Causes that make a call a consultation or transferred call (Pega `CONSULT`). */
const CONSULT_CAUSES: ReadonlySet<EventCause> = new Set<EventCause>(['consultation', 'transfer', 'singleStepTransfer']);

/** The CallStateEvent `name` for a call on the line (and records it as the call's last event). */
export function callStateEvent(line: DeviceLine, call: LineCall, name: PegaCallEventName): CallStateEvent {
  call.lastEvent = name;
  return {
    pyEventType: 'CallStateEvent',
    pyEventName: name,
    pyCallId: call.pyCallId,
    pyANI: call.ani,
    pyOtherDN: call.otherDN,
    pyCallType: call.callType,
    pyMedia: 'Phone',
    pyThisDN: line.device,
    pyDNIS: call.dnis,
    ...(call.primaryCallId === undefined ? {} : { pyPrimaryCallId: call.primaryCallId }),
  };
}

/**
 * The CallStateEvent that brings a toolbar that knows nothing (a reload, a reconnect) up to a
 * live call's state: its phase as the event that led there (connected: `Connected` for a call the
 * far end answered, else `Established`). Undefined for an ended call. Does not touch the line.
 */
export function replayEvent(line: DeviceLine, call: LineCall): CallStateEvent | undefined {
  const name: PegaCallEventName | undefined =
    call.phase === 'initiated' ? 'Initiated' : call.phase === 'alerting' ? 'Alerting' : call.phase === 'held' ? 'Held' : call.phase === 'connected' ? (call.lastEvent === 'Connected' ? 'Connected' : 'Established') : undefined;
  if (name === undefined) return undefined;
  const { lastEvent } = call;
  const event = callStateEvent(line, call, name);
  call.lastEvent = lastEvent;
  return event;
}

function partyInfo(line: DeviceLine, call: LineCall): PartyInfoEvent {
  return {
    pyEventType: 'PartyInfoEvent',
    pyEventName: 'PartyInfo',
    pyCallId: call.pyCallId,
    pyMedia: 'Phone',
    pyThisDN: line.device,
    pyParties: [line.device, ...call.parties].map((pyDN) => ({ pyDN })),
  };
}

function addParty(call: LineCall, line: DeviceLine, dn: string): void {
  line.addParty(call, dn);
}

/** Reports the call as over (once) and forgets it or keeps it until the switch clears it. */
function end(ctx: CallMapContext, call: LineCall, name: 'Disconnected' | 'Abandoned', forget: boolean): PegaEvent[] {
  const out = call.phase === 'ended' ? [] : [callStateEvent(ctx.line, call, name)];
  call.phase = 'ended';
  if (forget) ctx.line.remove(call);
  return out;
}

function typeOfPeer(ctx: CallMapContext, peer: DeviceRef, incoming: boolean): PegaCallType {
  const internal = peer.dn === '' ? undefined : ctx.isInternal(peer);
  if (internal === undefined) return 'UNKNOWN';
  if (internal) return 'INTERNAL';
  return incoming ? 'INBOUND' : 'OUTBOUND';
}

/** A call placed from this device: consultation if the switch says so or a call is held for one. */
function startOutgoing(ctx: CallMapContext, cstaCallId: string, called: DeviceRef, cause: EventCause): LineCall {
  const line = ctx.line;
  const consultFrom = line.pendingConsultFrom ?? (cause === 'consultation' ? line.heldCall()?.pyCallId : undefined);
  line.pendingConsultFrom = undefined;
  return line.add({
    cstaCallId,
    callType: consultFrom !== undefined || cause === 'consultation' ? 'CONSULT' : typeOfPeer(ctx, called, false),
    incoming: false,
    ani: line.device,
    dnis: called.dn,
    otherDN: called.dn,
    phase: 'initiated',
    primaryCallId: consultFrom,
  });
}

/** ServiceInitiated at this device (off-hook, or the first step of makeCall/consultationCall) → Initiated. */
export function onServiceInitiated(ctx: CallMapContext, e: ServiceInitiatedEvent): PegaEvent[] {
  if (dnOf(e.initiatingDevice) !== ctx.line.device) return [];
  const id = callIdOf(e.initiatedConnection);
  if (ctx.line.byCstaId(id) !== undefined) return [];
  const call = startOutgoing(ctx, id, deviceRef(e.calledDevice), e.cause);
  return [callStateEvent(ctx.line, call, 'Initiated')];
}

/** Originated from this device → Initiated (again only if it now names the called party). */
export function onOriginated(ctx: CallMapContext, e: OriginatedEvent): PegaEvent[] {
  if (dnOf(e.callingDevice) !== ctx.line.device) return [];
  const id = callIdOf(e.originatedConnection);
  const called = deviceRef(e.calledDevice);
  const existing = ctx.line.byCstaId(id);
  if (existing === undefined) return [callStateEvent(ctx.line, startOutgoing(ctx, id, called, e.cause), 'Initiated')];
  if (existing.phase !== 'initiated' || existing.otherDN === called.dn) return [];
  existing.dnis = called.dn;
  existing.otherDN = called.dn;
  addParty(existing, ctx.line, called.dn);
  if (existing.callType !== 'CONSULT') existing.callType = typeOfPeer(ctx, called, false);
  return [callStateEvent(ctx.line, existing, 'Initiated')];
}

/** NetworkReached: the call left the switch, so a call from here is OUTBOUND. No event of its own. */
export function onNetworkReached(ctx: CallMapContext, e: NetworkReachedEvent): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.outboundConnection));
  if (call !== undefined && !call.incoming && call.callType !== 'CONSULT') call.callType = 'OUTBOUND';
  return [];
}

interface ArrivalFields extends CallDataFields {
  readonly connection: DeliveredEvent['connection'];
  readonly at: string;
  readonly callingDevice: DeliveredEvent['callingDevice'];
  readonly calledDevice: DeliveredEvent['calledDevice'];
  readonly networkCallingDevice?: unknown;
  readonly cause: EventCause;
}

function incomingType(ctx: CallMapContext, f: ArrivalFields): PegaCallType {
  if (CONSULT_CAUSES.has(f.cause)) return 'CONSULT';
  const t = typeOfPeer(ctx, deviceRef(f.callingDevice), true);
  if (t === 'UNKNOWN' && f.networkCallingDevice !== undefined) return 'INBOUND';
  return t;
}

/** A call arriving at this device (delivered or offered). */
function arrival(ctx: CallMapContext, f: ArrivalFields): PegaEvent[] {
  const line = ctx.line;
  const id = callIdOf(f.connection);
  let call = line.byCstaId(id);
  if (f.at !== line.device) {
    // Ringing elsewhere: for a call placed from here, the party now alerted is the other party.
    if (call !== undefined && !call.incoming && f.at !== '') {
      call.otherDN = f.at;
      addParty(call, line, f.at);
      if (call.callType === 'UNKNOWN') call.callType = typeOfPeer(ctx, deviceRef(f.calledDevice), false);
    }
    return [];
  }
  if (call === undefined) {
    const ani = dnOf(f.callingDevice);
    call = line.add({ cstaCallId: id, callType: incomingType(ctx, f), incoming: true, ani, dnis: dnOf(f.calledDevice), otherDN: ani, phase: 'alerting' });
  } else if (call.phase === 'alerting') {
    return [];
  } else {
    call.phase = 'alerting';
  }
  const out: PegaEvent[] = [callStateEvent(line, call, 'Alerting')];
  if (hasCallData(f)) out.push(callInfoEvent(line, call, f));
  return out;
}

/** Delivered at this device → Alerting (+ CallInfo when it carries call data); elsewhere → no event. */
export function onDelivered(ctx: CallMapContext, e: DeliveredEvent): PegaEvent[] {
  return arrival(ctx, { ...e, at: dnOf(e.alertingDevice) });
}

/** Offered (a call offered to the device before delivery) → handled like Delivered. */
export function onOffered(ctx: CallMapContext, e: OfferedEvent): PegaEvent[] {
  return arrival(ctx, { ...e, connection: e.offeredConnection, at: dnOf(e.offeredDevice) });
}

/**
 * Established: this device answered → Established; the far party answered a call placed from
 * here → Connected. A party joining a call already connected here → no event.
 */
export function onEstablished(ctx: CallMapContext, e: EstablishedEvent): PegaEvent[] {
  const line = ctx.line;
  const id = callIdOf(e.establishedConnection);
  const answering = dnOf(e.answeringDevice);
  let call = line.byCstaId(id);
  if (answering === line.device) {
    const out: PegaEvent[] = [];
    if (call === undefined) {
      const ani = dnOf(e.callingDevice);
      call = line.add({ cstaCallId: id, callType: incomingType(ctx, { ...e, connection: e.establishedConnection, at: answering }), incoming: true, ani, dnis: dnOf(e.calledDevice), otherDN: ani, phase: 'connected' });
    } else if (call.phase === 'connected' || call.phase === 'ended') {
      return [];
    }
    call.phase = 'connected';
    call.answered = true;
    out.push(callStateEvent(line, call, 'Established'));
    if (!call.callInfoSent && hasCallData(e)) out.push(callInfoEvent(line, call, e));
    return out;
  }
  if (call === undefined || call.phase === 'ended') return [];
  addParty(call, line, answering);
  if (call.phase === 'connected' || call.phase === 'held') return [];
  if (answering !== '') call.otherDN = answering;
  if (call.callType === 'UNKNOWN') call.callType = typeOfPeer(ctx, deviceRef(e.answeringDevice), false);
  call.phase = 'connected';
  call.answered = true;
  return [callStateEvent(line, call, 'Connected')];
}

/** Held by this device → Held (a consultation hold also marks the call as the next consult's primary). */
export function onHeld(ctx: CallMapContext, e: HeldEvent): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.heldConnection));
  if (call === undefined || dnOf(e.holdingDevice) !== ctx.line.device || call.phase === 'ended') return [];
  if (e.cause === 'consultation') ctx.line.pendingConsultFrom = call.pyCallId;
  if (call.phase === 'held') return [];
  call.phase = 'held';
  return [callStateEvent(ctx.line, call, 'Held')];
}

/** Retrieved by this device → Retrieved. */
export function onRetrieved(ctx: CallMapContext, e: RetrievedEvent): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.retrievedConnection));
  if (call === undefined || dnOf(e.retrievingDevice) !== ctx.line.device || call.phase !== 'held') return [];
  if (ctx.line.pendingConsultFrom === call.pyCallId) ctx.line.pendingConsultFrom = undefined;
  call.phase = 'connected';
  return [callStateEvent(ctx.line, call, 'Retrieved')];
}

function unansweredIncoming(call: LineCall): boolean {
  return call.incoming && !call.answered && call.phase === 'alerting';
}

/**
 * ConnectionCleared. This device's connection → Disconnected (Abandoned when the caller had
 * cancelled a call still ringing here). Another party's → Abandoned if it is the caller of a
 * call ringing here, Disconnected when no other party is left, else PartyInfo.
 */
export function onConnectionCleared(ctx: CallMapContext, e: ConnectionClearedEvent): PegaEvent[] {
  const line = ctx.line;
  const call = line.byCstaId(callIdOf(e.droppedConnection));
  if (call === undefined) return [];
  const releasing = dnOf(e.releasingDevice) || connectionDevice(e.droppedConnection);
  if (releasing === line.device) {
    return end(ctx, call, unansweredIncoming(call) && e.cause === 'callCancelled' ? 'Abandoned' : 'Disconnected', true);
  }
  if (call.phase === 'ended') return [];
  if (releasing === '') {
    // The switch does not say who left: only a call with at most one other party can be judged.
    if (unansweredIncoming(call)) return end(ctx, call, 'Abandoned', false);
    return call.parties.length <= 1 ? end(ctx, call, 'Disconnected', false) : [];
  }
  call.parties = call.parties.filter((p) => p !== releasing);
  if (unansweredIncoming(call) && (releasing === call.ani || call.parties.length === 0)) return end(ctx, call, 'Abandoned', false);
  if (call.parties.length === 0) return end(ctx, call, 'Disconnected', false);
  if (call.otherDN === releasing) call.otherDN = call.parties[call.parties.length - 1] ?? '';
  return [partyInfo(line, call)];
}

/** CallCleared → Disconnected (Abandoned if it never got answered here) for a call not yet reported over. */
export function onCallCleared(ctx: CallMapContext, e: CallClearedEvent): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.clearedCall));
  if (call === undefined) return [];
  return end(ctx, call, unansweredIncoming(call) ? 'Abandoned' : 'Disconnected', true);
}

/** Failed (busy, unobtainable...) on a call at this device → Disconnected; the switch clears it later. */
export function onFailed(ctx: CallMapContext, e: FailedEvent): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.failedConnection));
  if (call === undefined) return [];
  return end(ctx, call, 'Disconnected', false);
}

/** Diverted away from this device → Disconnected; diverted elsewhere in a call here → PartyInfo. */
export function onDiverted(ctx: CallMapContext, e: DivertedEvent): PegaEvent[] {
  const line = ctx.line;
  const call = line.byCstaId(callIdOf(e.connection));
  if (call === undefined) return [];
  const from = dnOf(e.divertingDevice);
  const to = dnOf(e.newDestination);
  if (from === line.device) return end(ctx, call, 'Disconnected', true);
  if (to === line.device || call.phase === 'ended') return [];
  call.parties = call.parties.filter((p) => p !== from);
  addParty(call, line, to);
  if (call.otherDN === from || call.otherDN === '') call.otherDN = to;
  return [partyInfo(line, call)];
}

/** The resulting call ID and the other endpoints of a ConnectionList, as seen from `device`. */
function resulting(list: ConnectionList, device: string, fallback: string): { callId: string; others: string[] } {
  let callId = '';
  const others = new Set<string>();
  for (const item of list) {
    const endpoint = item.endpoint !== undefined && 'deviceID' in item.endpoint ? deviceRefOfID(item.endpoint.deviceID).dn : connectionDevice(item.newConnection);
    const id = callIdOf(item.newConnection);
    if (endpoint === device && id !== '') callId = id;
    else if (callId === '' && id !== '') callId = id;
    if (endpoint !== '' && endpoint !== device) others.add(endpoint);
  }
  return { callId: callId || fallback, others: [...others] };
}

/**
 * Transferred. This device transferred → Disconnected for both its calls. A remaining party →
 * the call follows the new CSTA call ID (same pyCallId) and PartyInfo lists the new parties.
 */
export function onTransferred(ctx: CallMapContext, e: TransferredEvent): PegaEvent[] {
  const line = ctx.line;
  const primary = line.byCstaId(callIdOf(e.primaryOldCall));
  const secondary = e.secondaryOldCall === undefined ? undefined : line.byCstaId(callIdOf(e.secondaryOldCall));
  if (dnOf(e.transferringDevice) === line.device) {
    const out: PegaEvent[] = [];
    if (secondary !== undefined) out.push(...end(ctx, secondary, 'Disconnected', true));
    if (primary !== undefined) out.push(...end(ctx, primary, 'Disconnected', true));
    return out;
  }
  const call = primary ?? secondary;
  if (call === undefined || call.phase === 'ended') return [];
  const r = resulting(e.transferredConnections, line.device, call.cstaCallId);
  line.rekey(call, r.callId);
  const transferring = dnOf(e.transferringDevice);
  line.setParties(call, r.others.filter((p) => p !== transferring));
  call.otherDN = call.parties[call.parties.length - 1] ?? call.otherDN;
  return [partyInfo(line, call)];
}

/**
 * Conferenced. This device conferenced → the merged consultation call is Disconnected, the
 * surviving call is Retrieved (if it was held) and gets PartyInfo. Another party → PartyInfo.
 */
export function onConferenced(ctx: CallMapContext, e: ConferencedEvent): PegaEvent[] {
  const line = ctx.line;
  const primary = line.byCstaId(callIdOf(e.primaryOldCall));
  const secondary = e.secondaryOldCall === undefined ? undefined : line.byCstaId(callIdOf(e.secondaryOldCall));
  const r = resulting(e.conferenceConnections, line.device, callIdOf(e.primaryOldCall));
  const out: PegaEvent[] = [];
  let survivor = primary ?? secondary;
  if (primary !== undefined && secondary !== undefined) {
    survivor = secondary.cstaCallId === r.callId && primary.cstaCallId !== r.callId ? secondary : primary;
    const merged = survivor === primary ? secondary : primary;
    out.push(...end(ctx, merged, 'Disconnected', true));
  }
  if (survivor === undefined || survivor.phase === 'ended') return out;
  line.rekey(survivor, r.callId);
  // The conferencing device stays in the call even when the switch lists only the joined connections.
  const conferencing = dnOf(e.conferencingDevice);
  line.setParties(survivor, conferencing === '' || conferencing === line.device || r.others.includes(conferencing) ? r.others : [...r.others, conferencing]);
  if (survivor.phase === 'held' && conferencing === line.device) {
    survivor.phase = 'connected';
    out.push(callStateEvent(line, survivor, 'Retrieved'));
  }
  out.push(partyInfo(line, survivor));
  return out;
}

/** CallInformation → CallInfoEvent for a call on the line. */
export function onCallInformation(ctx: CallMapContext, e: CallDataFields & { readonly connection: DeliveredEvent['connection'] }): PegaEvent[] {
  const call = ctx.line.byCstaId(callIdOf(e.connection));
  if (call === undefined || call.phase === 'ended') return [];
  return [callInfoEvent(ctx.line, call, e)];
}
