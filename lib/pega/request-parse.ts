/**
 * Checks a request that arrived as untrusted JSON (from a toolbar over the gateway) and turns it
 * into a typed {@link PegaRequest}, or an OpenCTI error object saying what is wrong.
 */
import { MAX_CALL_VARIABLES } from './call-data.js';
import { pegaFailure } from './errors.js';
import { PEGA_REQUEST_ACTIONS, PEGA_WORK_MODES } from './types.js';
import type { PegaFailure, PegaRequest, PegaRequestAction, PegaWorkMode } from './types.js';

type Fields = Readonly<Record<string, unknown>>;

/** Required string fields of each action (optional ones are checked for type only). */
const REQUIRED: Record<PegaRequestAction, readonly string[]> = {
  // Without a callId: the ringing call / the only call (audit W8, SS-Answer, SS-Hangup).
  answerCall: [],
  hangUpCall: [],
  holdCall: ['callId'],
  retrieveCall: ['callId'],
  makeCall: ['destination'],
  sendDTMF: ['callId', 'digits'],
  consultationCall: ['callId', 'destination'],
  conferenceInitiate: ['callId', 'destination'],
  transferInitiate: ['callId', 'destination'],
  conferenceComplete: ['callId'],
  transferComplete: ['callId'],
  blindTransfer: ['callId', 'destination'],
  dropParty: ['callId', 'party'],
  agentReady: [],
  agentNotReady: [],
  login: [],
  logout: [],
  wrapUp: [],
};

const OPTIONAL_STRINGS = ['callId', 'callData', 'consultCallId', 'reasonCode', 'agentId', 'password', 'queue'];

/** Most entries of `userData` / values of `callVariables` a request may carry (see call-data.ts). */
const MAX_DATA_ENTRIES = MAX_CALL_VARIABLES;
/** Longest key or value in `userData` / `callVariables` (the UUI itself is far smaller; see the link's maxCallDataBytes). */
const MAX_DATA_LENGTH = 1024;

/**
 * C0 and C1 control characters, DEL, and what XML cannot carry (U+FFFE/U+FFFF, lone surrogates):
 * none belongs in a number, a call id or call data, and the switch must not be sent them.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The request, or the error object to answer with. Numbers are accepted where strings are expected (OpenCTI fields are strings, toolbars often send numbers). */
export function parsePegaRequest(input: unknown): PegaRequest | PegaFailure {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', 'request must be a JSON object');
  const raw = input as Fields;
  const action = raw.action;
  if (typeof action !== 'string' || !(PEGA_REQUEST_ACTIONS as readonly string[]).includes(action)) {
    return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `unknown action ${JSON.stringify(action)}`);
  }
  const out: Record<string, unknown> = { action };
  for (const name of REQUIRED[action as PegaRequestAction]) {
    const v = asString(raw[name]);
    if (v === undefined || v === '') return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: missing ${name}`);
    if (CONTROL.test(v)) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: ${name} contains a control character`);
    out[name] = v;
  }
  for (const name of OPTIONAL_STRINGS) {
    if (raw[name] === undefined || raw[name] === null || name in out) continue;
    const v = asString(raw[name]);
    if (v === undefined) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: ${name} must be a string`);
    if (CONTROL.test(v)) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: ${name} contains a control character`);
    out[name] = v;
  }
  // answerCall / hangUpCall without a callId: "" = Pega's "CallID not set" (the call is picked, requests.ts).
  if ((action === 'answerCall' || action === 'hangUpCall') && out.callId === undefined) out.callId = '';
  if (raw.userData !== undefined && raw.userData !== null) {
    const ud = raw.userData;
    if (typeof ud !== 'object' || Array.isArray(ud)) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: userData must be an object of strings`);
    const entries = Object.entries(ud as Fields);
    if (entries.length > MAX_DATA_ENTRIES) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: userData has more than ${MAX_DATA_ENTRIES} entries`);
    const copy: Record<string, string> = {};
    for (const [k, value] of entries) {
      const v = asString(value);
      if (v === undefined || CONTROL.test(v) || CONTROL.test(k) || v.length > MAX_DATA_LENGTH || k.length > MAX_DATA_LENGTH) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: userData.${k.slice(0, 64)} must be a string of at most ${MAX_DATA_LENGTH} characters without control characters`);
      Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    out.userData = copy;
  }
  if (raw.callVariables !== undefined && raw.callVariables !== null) {
    const cv = raw.callVariables;
    if (!Array.isArray(cv) || cv.length > MAX_DATA_ENTRIES) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: callVariables must be an array of at most ${MAX_DATA_ENTRIES} strings`);
    const values: string[] = [];
    for (const item of cv as unknown[]) {
      const v = asString(item);
      if (v === undefined || CONTROL.test(v) || v.length > MAX_DATA_LENGTH) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: callVariables must hold strings of at most ${MAX_DATA_LENGTH} characters without control characters`);
      values.push(v);
    }
    out.callVariables = values;
  }
  if (raw.workMode !== undefined && raw.workMode !== null) {
    const wm = mapWorkMode(raw.workMode);
    if (wm === undefined) return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', `${action}: unknown workMode ${JSON.stringify(raw.workMode)}`);
    out.workMode = wm;
  }
  return out as unknown as PegaRequest;
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A Pega work mode, accepting the server-side spelling `AFTER_CALL_WORK` for `ACW` (notes §1.4). */
export function mapWorkMode(v: unknown): PegaWorkMode | undefined {
  if (v === 'AFTER_CALL_WORK') return 'ACW';
  return typeof v === 'string' && (PEGA_WORK_MODES as readonly string[]).includes(v) ? (v as PegaWorkMode) : undefined;
}

/** Whether a value is a failure object (rather than a parsed request). */
export function isPegaFailure(v: PegaRequest | PegaFailure): v is PegaFailure {
  return 'errCode' in v;
}
