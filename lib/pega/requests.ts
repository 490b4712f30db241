/**
 * Pega requests → CSTA requests (pega-call-notes §5.3): one function that carries out a
 * {@link PegaRequest} for an agent's device on anything with CstaSession's `request` method,
 * and answers with `{ ok: true, ... }` or the OpenCTI error object.
 */
import { Buffer } from 'node:buffer';
import { connectionID, deviceID } from '../session/requests.js';
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { ReqAgentState } from '../../protocol/csta/services/set-agent-state.js';
import type { CstaSession } from '../session/session.js';
import { callIdOf, textAsOctets } from './csta-values.js';
import type { OctetForm } from './csta-values.js';
import { pegaFailure, requestKind, toPegaFailure } from './errors.js';
import { RemoteOperationError } from '../session/errors.js';
import { refuseForeignCall } from './ownership.js';
import type { CallOnLine } from './ownership.js';
import type { AgentStateHook } from './agent-state-hook.js';
import { encodeOutgoingCallData } from './call-data.js';
import type { PegaAgentState, PegaFailure, PegaRequest, PegaResult, PegaWorkMode } from './types.js';

/** What requests need from a session: CstaSession's `request` (a real session fits). */
export type PegaRequestSession = Pick<CstaSession, 'request'>;

/** Who the request is for: the agent's device, and the agent's ID/password/ACD group for agent-state requests. */
export interface RequestTarget {
  readonly device: string;
  readonly agentId?: string;
  readonly password?: string;
  /** ACD group for setAgentState, when the switch needs one. */
  readonly group?: string;
  /** How OCTET STRING values carry text on the session's wire (agent ID, password, UUI). Default `hex` (BER). */
  readonly octets?: OctetForm;
  /** Carries reason codes and work modes to the switch in vendor private data (agent-state-hook.ts); none: they stay local. */
  readonly agentStateHook?: AgentStateHook;
  /** Most bytes of outgoing call data (UUI); more is refused before any request. Default: no limit (the link sets 96, CO-Tel-Avaya). */
  readonly maxCallDataBytes?: number;
}

/** A call on the device's line as requests without a call ID need it (audit W8). */
export interface LineCallSummary {
  readonly pyCallId: string;
  /** `alerting`: ringing here; `ended`: reported over. */
  readonly phase: 'initiated' | 'alerting' | 'connected' | 'held' | 'ended';
  /** true when the call came to this device. */
  readonly incoming: boolean;
}

/**
 * The call bookkeeping requests consult and update (the PegaMapper implements it): Pega call IDs
 * are stable while the switch's call IDs may change, and complete requests need the consult call.
 */
export interface CallLookup {
  cstaCallId(device: string, pyCallId: string): string;
  consultCallOf(device: string, pyCallId: string): string | undefined;
  pegaCallId(device: string, cstaCallId: string): string | undefined;
  noteConsultation(device: string, primaryPyCallId: string, consultCstaCallId: string): void;
  noteAgentRequest(device: string, reasonCode: string, workMode: PegaWorkMode | undefined): void;
  /**
   * The call Pega knows as `pyCallId` if it is on the line of `device` (see ownership.ts). When a
   * lookup has it, requests naming any other call are refused with OPENCTI_CF_INVALID_OBJECT_STATE;
   * a lookup without it (the identity lookup used when no mapper is given) checks nothing.
   */
  callOnLine?(device: string, pyCallId: string): CallOnLine | undefined;
  /** The switch answered the device's makeCall/consultationCall with new CSTA call `cstaCallId`. */
  noteRequestedCall?(device: string, cstaCallId: string): void;
  /** The calls on the line of `device`: answerCall / hangUpCall without a call ID pick from them. Without it such requests are refused. */
  callsOnLine?(device: string): readonly LineCallSummary[];
  /** The agent state the line tracks for `device` (to tell "already in that state" from a refusal). */
  agentStateOf?(device: string): { readonly state: PegaAgentState; readonly workMode: PegaWorkMode } | undefined;
}

/** Without a mapper: Pega call IDs are the CSTA call IDs. */
const IDENTITY_LOOKUP: CallLookup = {
  cstaCallId: (_d, id) => id,
  consultCallOf: () => undefined,
  pegaCallId: () => undefined,
  noteConsultation: () => undefined,
  noteAgentRequest: () => undefined,
};

const DTMF = /^[0-9*#A-Da-d,!]+$/;

/**
 * Carries out `request` for `target` on `session`. Never rejects: every failure (CSTA error,
 * timeout, link down, bad parameter) comes back as `{ ok: false, errCode, errMessage }`.
 */
export async function executePegaRequest(session: PegaRequestSession, target: RequestTarget, request: PegaRequest, lookup: CallLookup = IDENTITY_LOOKUP): Promise<PegaResult> {
  const resolved = resolveCall(request, target.device, lookup);
  if ('errCode' in resolved) return resolved;
  try {
    return await perform(session, target, resolved, lookup);
  } catch (e) {
    const failure = toPegaFailure(e, requestKind(request.action));
    return sameStateRefusal(e, resolved, target.device, lookup) ? pegaFailure('OPENCTI_IN_SAME_STATE', failure.errMessage) : failure;
  }
}

/**
 * answerCall / hangUpCall without a call ID (audit W8): answerCall takes the one call ringing at
 * the device ("the CTI server will be queried to find a call in the ringing or alerting state",
 * SS-Answer; none → an error, CS-Basic), hangUpCall the device's only call. None, or more than
 * one, is refused with OPENCTI_CF_INVALID_OBJECT_STATE naming the candidates.
 */
function resolveCall(r: PegaRequest, device: string, lookup: CallLookup): PegaRequest | PegaFailure {
  if ((r.action !== 'answerCall' && r.action !== 'hangUpCall') || (typeof r.callId === 'string' && r.callId !== '')) return r;
  if (lookup.callsOnLine === undefined) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${r.action}: missing callId`);
  const live = lookup.callsOnLine(device).filter((c) => c.phase !== 'ended');
  const candidates = r.action === 'answerCall' ? live.filter((c) => c.phase === 'alerting' && c.incoming) : live;
  const what = r.action === 'answerCall' ? 'ringing call' : 'call';
  if (candidates.length === 0) return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `${r.action}: no ${what} at ${device}`);
  if (candidates.length > 1) return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `${r.action}: more than one ${what} at ${device} (${candidates.map((c) => c.pyCallId).join(', ')}); give callId`);
  return { action: r.action, callId: candidates[0]!.pyCallId };
}

/** The switch refused an agent request with invalidAgentState while the line shows the agent already in the requested state (then OPENCTI_IN_SAME_STATE, "Agent is already in the requested state" [CS-Err]). */
function sameStateRefusal(e: unknown, r: PegaRequest, device: string, lookup: CallLookup): boolean {
  if (!(e instanceof RemoteOperationError) || e.failure === undefined || !('operation' in e.failure) || e.failure.operation !== 'invalidAgentState') return false;
  const known = lookup.agentStateOf?.(device);
  if (known === undefined) return false;
  if (r.action === 'agentReady') return known.state === 'Ready';
  if (r.action === 'agentNotReady') return known.state === 'NotReady' && (r.workMode === 'ACW') === (known.workMode === 'ACW');
  if (r.action === 'wrapUp') return known.state === 'NotReady' && known.workMode === 'ACW';
  if (r.action === 'login') return known.state !== 'Logout';
  if (r.action === 'logout') return known.state === 'Logout';
  return false;
}

/** The UUI octets for a dialling request's call data, undefined for none, or the failure to answer. */
function outgoingUserData(r: Parameters<typeof encodeOutgoingCallData>[0], target: RequestTarget, action: string): { userData?: string } | PegaFailure {
  const text = encodeOutgoingCallData(r);
  if (text === undefined) return {};
  if (typeof text === 'object') return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: ${text.error}`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (target.maxCallDataBytes !== undefined && bytes > target.maxCallDataBytes) {
    return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: call data is ${bytes} bytes, the switch takes at most ${target.maxCallDataBytes}`);
  }
  return { userData: textAsOctets(text, target.octets) };
}

async function perform(session: PegaRequestSession, target: RequestTarget, r: PegaRequest, lookup: CallLookup): Promise<PegaResult> {
  const device = target.device;
  if (lookup.callOnLine !== undefined) {
    const refused = refuseForeignCall(r, device, { callOnLine: lookup.callOnLine.bind(lookup) });
    if (refused !== undefined) return refused;
  }
  const conn = (pyCallId: string): ConnectionID => connectionID(lookup.cstaCallId(device, pyCallId), device);
  const pegaId = (cstaCallId: string): string => lookup.pegaCallId(device, cstaCallId) ?? cstaCallId;
  switch (r.action) {
    case 'answerCall':
    case 'hangUpCall': {
      const callId = r.callId;
      if (r.action === 'answerCall') await session.request('answerCall', { callToBeAnswered: conn(callId) });
      else await session.request('clearConnection', { connectionToBeCleared: conn(callId) });
      return { ok: true, callId };
    }
    case 'holdCall':
      await session.request('holdCall', { callToBeHeld: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'retrieveCall':
      await session.request('retrieveCall', { callToBeRetrieved: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'makeCall': {
      const data = outgoingUserData(r, target, r.action);
      if ('errCode' in data) return data;
      const result = await session.request('makeCall', { callingDevice: deviceID(device), calledDirectoryNumber: deviceID(r.destination), ...data });
      const made = callIdOf(result.callingDevice);
      lookup.noteRequestedCall?.(device, made);
      return { ok: true, callId: pegaId(made) };
    }
    case 'sendDTMF':
      if (!DTMF.test(r.digits)) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `sendDTMF: invalid digits ${JSON.stringify(r.digits)}`);
      await session.request('generateDigits', { connectionToSendDigits: conn(r.callId), charactersToSend: r.digits });
      return { ok: true, callId: r.callId };
    case 'consultationCall':
    case 'conferenceInitiate':
    case 'transferInitiate': {
      const data = outgoingUserData(r, target, r.action);
      if ('errCode' in data) return data;
      const result = await session.request('consultationCall', { existingCall: conn(r.callId), consultedDevice: deviceID(r.destination), ...data });
      const consultId = callIdOf(result.initiatedCall);
      lookup.noteRequestedCall?.(device, consultId);
      lookup.noteConsultation(device, r.callId, consultId);
      return { ok: true, callId: pegaId(consultId) };
    }
    case 'conferenceComplete':
    case 'transferComplete': {
      const consult = r.consultCallId ?? lookup.consultCallOf(device, r.callId);
      if (consult === undefined) return noConsultation(r.action, r.callId);
      const arg = { heldCall: conn(r.callId), activeCall: conn(consult) };
      if (r.action === 'conferenceComplete') {
        const result = await session.request('conferenceCall', arg);
        return { ok: true, callId: pegaId(callIdOf(result.conferenceCall)) };
      }
      await session.request('transferCall', arg);
      return { ok: true, callId: r.callId };
    }
    case 'blindTransfer': {
      const data = outgoingUserData(r, target, r.action);
      if ('errCode' in data) return data;
      await session.request('singleStepTrans', { activeCall: conn(r.callId), transferredTo: deviceID(r.destination), ...data });
      return { ok: true, callId: r.callId };
    }
    case 'dropParty':
      await session.request('clearConnection', { connectionToBeCleared: connectionID(lookup.cstaCallId(device, r.callId), r.party) });
      return { ok: true, callId: r.callId };
    case 'agentReady':
      lookup.noteAgentRequest(device, '', r.workMode);
      return setAgentState(session, withQueue(target, r.queue), 'ready', { workMode: r.workMode });
    case 'agentNotReady':
      lookup.noteAgentRequest(device, r.reasonCode ?? '', r.workMode);
      return setAgentState(session, withQueue(target, r.queue), r.workMode === 'ACW' ? 'workingAfterCall' : 'notReady', { reasonCode: r.reasonCode, workMode: r.workMode });
    case 'login':
      return setAgentState(session, withQueue({ ...target, agentId: r.agentId ?? target.agentId, password: r.password ?? target.password }, r.queue), 'loggedOn', { workMode: r.workMode });
    case 'logout':
      lookup.noteAgentRequest(device, r.reasonCode ?? '', undefined);
      return setAgentState(session, target, 'loggedOff', { reasonCode: r.reasonCode });
    case 'wrapUp':
      // Extension (audit W10): the same request as agentNotReady with workMode ACW.
      lookup.noteAgentRequest(device, '', 'ACW');
      return setAgentState(session, target, 'workingAfterCall', { workMode: 'ACW' });
    default: {
      const never: never = r;
      return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `unknown action ${JSON.stringify(never)}`);
    }
  }
}

function noConsultation(action: string, callId: string): PegaFailure {
  return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `${action}: call ${callId} has no consultation call`);
}

function withQueue(target: RequestTarget, queue: string | undefined): RequestTarget {
  return queue === undefined || queue === '' ? target : { ...target, group: queue };
}

/**
 * setAgentState for the target's device with its agent ID, password (loggedOn only) and group,
 * plus the private data of the target's agent-state hook for the Pega reason code / work mode.
 */
async function setAgentState(session: PegaRequestSession, target: RequestTarget, requestedAgentState: ReqAgentState, pega: { readonly reasonCode?: string | undefined; readonly workMode?: PegaWorkMode | undefined } = {}): Promise<PegaResult> {
  const hooked = target.agentStateHook?.privateData({
    requestedAgentState,
    octets: target.octets ?? 'hex',
    ...(pega.reasonCode === undefined ? {} : { reasonCode: pega.reasonCode }),
    ...(pega.workMode === undefined ? {} : { workMode: pega.workMode }),
  });
  if (hooked?.kind === 'refused') return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `setAgentState ${requestedAgentState}: ${hooked.reason}`);
  await session.request('setAgentState', {
    device: deviceID(target.device),
    requestedAgentState,
    ...(target.agentId === undefined || target.agentId === '' ? {} : { agentID: textAsOctets(target.agentId, target.octets) }),
    ...(requestedAgentState !== 'loggedOn' || target.password === undefined || target.password === '' ? {} : { password: textAsOctets(target.password, target.octets) }),
    ...(target.group === undefined ? {} : { group: deviceID(target.group) }),
    ...(hooked?.kind === 'privateData' ? { extensions: { privateData: [...hooked.privateData] } } : {}),
  });
  return { ok: true };
}
