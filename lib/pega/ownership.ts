/**
 * Requests act on the agent's own line only. A toolbar names calls by ID, and call IDs are short
 * and often sequential: without a check, any agent could hold, transfer or hang up any call on
 * the switch (dropParty sends clearConnection for whatever party it names). A request naming a
 * call is therefore accepted only when that call is on the line of the agent's device, as the
 * mapper knows it from the device's own events and snapshots (or was just created there by the
 * agent's own makeCall / consultationCall), and dropParty only for a party of that call.
 * Anything else fails with OPENCTI_CF_INVALID_OBJECT_STATE before a CSTA request is sent.
 */
import { pegaFailure } from './errors.js';
import type { PegaFailure, PegaRequest } from './types.js';

/** What the check needs to know about a call on the agent's line: its other parties. */
export interface CallOnLine {
  /** Device numbers of the call's other parties (the agent's device excluded). */
  readonly parties: readonly string[];
}

/** The lookup the check consults (the PegaMapper implements it). */
export interface LineOwnership {
  /** The call Pega knows as `pyCallId` if it is on the line of `device`, else undefined. */
  callOnLine(device: string, pyCallId: string): CallOnLine | undefined;
}

/**
 * Why `request` must not be carried out for `device`, or undefined when it may: every call it
 * names (`callId`, and `consultCallId` of a complete) must be on the device's line, and the
 * `party` of dropParty must be the device itself or one of that call's parties.
 */
export function refuseForeignCall(request: PegaRequest, device: string, lookup: LineOwnership): PegaFailure | undefined {
  if (!('callId' in request)) return undefined;
  const call = lookup.callOnLine(device, request.callId);
  if (call === undefined) return notOnLine(request.action, request.callId, device);
  if ('consultCallId' in request && request.consultCallId !== undefined && lookup.callOnLine(device, request.consultCallId) === undefined) {
    return notOnLine(request.action, request.consultCallId, device);
  }
  if (request.action === 'dropParty' && request.party !== device && !call.parties.includes(request.party)) {
    return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `dropParty: ${request.party} is not a party of call ${request.callId}`);
  }
  return undefined;
}

function notOnLine(action: string, callId: string, device: string): PegaFailure {
  return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `${action}: call ${callId} is not on the line of ${device}`);
}
