/**
 * Pega requests → CSTA requests (pega-call-notes §5.3): one function that carries out a
 * {@link PegaRequest} for an agent's device on anything with CstaSession's `request` method,
 * and answers with `{ ok: true, ... }` or the OpenCTI error object.
 */
import { connectionID, deviceID } from '../session/requests.js';
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { ReqAgentState } from '../../protocol/csta/services/set-agent-state.js';
import type { CstaSession } from '../session/session.js';
import { callIdOf, textAsOctets } from './csta-values.js';
import type { OctetForm } from './csta-values.js';
import { pegaFailure, requestKind, toPegaFailure } from './errors.js';
import { refuseForeignCall } from './ownership.js';
import type { CallOnLine } from './ownership.js';
import type { PegaFailure, PegaRequest, PegaResult, PegaWorkMode } from './types.js';

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
  try {
    return await perform(session, target, request, lookup);
  } catch (e) {
    return toPegaFailure(e, requestKind(request.action));
  }
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
      await session.request('answerCall', { callToBeAnswered: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'hangUpCall':
      await session.request('clearConnection', { connectionToBeCleared: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'holdCall':
      await session.request('holdCall', { callToBeHeld: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'retrieveCall':
      await session.request('retrieveCall', { callToBeRetrieved: conn(r.callId) });
      return { ok: true, callId: r.callId };
    case 'makeCall': {
      const result = await session.request('makeCall', {
        callingDevice: deviceID(device),
        calledDirectoryNumber: deviceID(r.destination),
        ...(r.callData === undefined || r.callData === '' ? {} : { userData: textAsOctets(r.callData, target.octets) }),
      });
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
      const result = await session.request('consultationCall', {
        existingCall: conn(r.callId),
        consultedDevice: deviceID(r.destination),
        ...(r.callData === undefined || r.callData === '' ? {} : { userData: textAsOctets(r.callData, target.octets) }),
      });
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
    case 'blindTransfer':
      await session.request('singleStepTrans', {
        activeCall: conn(r.callId),
        transferredTo: deviceID(r.destination),
        ...(r.callData === undefined || r.callData === '' ? {} : { userData: textAsOctets(r.callData, target.octets) }),
      });
      return { ok: true, callId: r.callId };
    case 'dropParty':
      await session.request('clearConnection', { connectionToBeCleared: connectionID(lookup.cstaCallId(device, r.callId), r.party) });
      return { ok: true, callId: r.callId };
    case 'agentReady':
      lookup.noteAgentRequest(device, '', r.workMode);
      return setAgentState(session, target, 'ready');
    case 'agentNotReady':
      lookup.noteAgentRequest(device, r.reasonCode ?? '', r.workMode);
      return setAgentState(session, target, r.workMode === 'ACW' ? 'workingAfterCall' : 'notReady');
    case 'login':
      return setAgentState(session, { ...target, agentId: r.agentId ?? target.agentId, password: r.password ?? target.password }, 'loggedOn');
    case 'logout':
      lookup.noteAgentRequest(device, r.reasonCode ?? '', undefined);
      return setAgentState(session, target, 'loggedOff');
    case 'wrapUp':
      lookup.noteAgentRequest(device, '', 'ACW');
      return setAgentState(session, target, 'workingAfterCall');
    default: {
      const never: never = r;
      return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `unknown action ${JSON.stringify(never)}`);
    }
  }
}

function noConsultation(action: string, callId: string): PegaFailure {
  return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `${action}: call ${callId} has no consultation call`);
}

/** setAgentState for the target's device with its agent ID, password (loggedOn only) and group. */
async function setAgentState(session: PegaRequestSession, target: RequestTarget, requestedAgentState: ReqAgentState): Promise<PegaResult> {
  await session.request('setAgentState', {
    device: deviceID(target.device),
    requestedAgentState,
    ...(target.agentId === undefined || target.agentId === '' ? {} : { agentID: textAsOctets(target.agentId, target.octets) }),
    ...(requestedAgentState !== 'loggedOn' || target.password === undefined || target.password === '' ? {} : { password: textAsOctets(target.password, target.octets) }),
    ...(target.group === undefined ? {} : { group: deviceID(target.group) }),
  });
  return { ok: true };
}
