/**
 * The routes of the server-side API and the fields of their JSON bodies: one POST per OpenCTI
 * request (the names of Pega's client functions and server activities, pega-call-notes §2), plus
 * event subscription per DN (SubscribeForEvents / UnSubscribeForEvents) and a snapshot. Bodies are
 * checked here: unknown fields, wrong types, overlong values and control characters are typed
 * errors naming the field. docs/openapi/pega-server.json describes the same routes (a test
 * compares the two).
 */
import { PEGA_WORK_MODES } from '../types.js';

/** One body field: a string (numbers are accepted and turned into strings, as Pega often sends them). */
export type ApiFieldSpec = {
  readonly required: boolean;
  readonly maxLength: number;
  /** Allowed values. */
  readonly enum?: readonly string[];
  /** One-line description (OpenAPI). */
  readonly description: string;
};

/** What a route does. */
export type ApiRouteKind = 'openapi' | 'login' | 'logout' | 'request' | 'snapshot' | 'subscribe' | 'unsubscribe';

/** One route of the API. */
export type ApiRouteSpec = {
  readonly method: 'GET' | 'POST';
  /** Path after the prefix, with `{agentId}` / `{dn}` parameters. */
  readonly path: string;
  readonly kind: ApiRouteKind;
  /** The Pega request action (kind `request`), also the OpenAPI operationId. */
  readonly operationId: string;
  /** Body fields; `undefined` = no body expected (an empty one or `{}` is accepted). */
  readonly body: Readonly<Record<string, ApiFieldSpec>> | undefined;
};

const ID = 64;
const callId = (required: boolean): ApiFieldSpec => ({ required, maxLength: ID, description: required ? 'The call (pyCallID).' : 'The call (pyCallID); when absent the switch’s ringing or only call is used.' });
const destination: ApiFieldSpec = { required: true, maxLength: ID, description: 'The number to call.' };
const callData: ApiFieldSpec = { required: false, maxLength: 4096, description: 'Call data sent with the call (UUI).' };
const reasonCode: ApiFieldSpec = { required: false, maxLength: ID, description: 'NotReady or Logout reason code.' };
const workMode: ApiFieldSpec = { required: false, maxLength: 32, enum: [...PEGA_WORK_MODES, 'AFTER_CALL_WORK'], description: 'Pega work mode; AFTER_CALL_WORK (server-side spelling) = ACW.' };

/** The Pega call-control and agent-state requests, each `POST /agents/{agentId}/<name>`, with their body fields. */
const REQUESTS: Readonly<Record<string, Readonly<Record<string, ApiFieldSpec>>>> = {
  agentReady: { workMode },
  agentNotReady: { reasonCode, workMode },
  answerCall: { callId: callId(false) },
  holdCall: { callId: callId(true) },
  retrieveCall: { callId: callId(true) },
  hangUpCall: { callId: callId(false) },
  makeCall: { destination, callData },
  sendDTMF: { callId: callId(true), digits: { required: true, maxLength: ID, description: 'DTMF digits to send.' } },
  consultationCall: { callId: callId(true), destination, callData },
  conferenceInitiate: { callId: callId(true), destination, callData },
  transferInitiate: { callId: callId(true), destination, callData },
  conferenceComplete: { callId: callId(true), consultCallId: { required: false, maxLength: ID, description: 'The consultation call (default: the one made from callId).' } },
  transferComplete: { callId: callId(true), consultCallId: { required: false, maxLength: ID, description: 'The consultation call (default: the one made from callId).' } },
  blindTransfer: { callId: callId(true), destination, callData },
  dropParty: { callId: callId(true), party: { required: true, maxLength: ID, description: 'The DN of the party to drop.' } },
};

/** Every route, after the prefix. */
export const ROUTES: readonly ApiRouteSpec[] = [
  { method: 'GET', path: '/openapi.json', kind: 'openapi', operationId: 'getOpenApi', body: undefined },
  {
    method: 'POST',
    path: '/agents/{agentId}/login',
    kind: 'login',
    operationId: 'login',
    body: {
      extension: { required: true, maxLength: ID, description: 'The DN the agent logs in at.' },
      password: { required: false, maxLength: 256, description: 'The agent password at the ACD.' },
      reasonCode: { required: false, maxLength: ID, description: 'Log in NotReady with this reason code.' },
      workMode,
      queue: { required: false, maxLength: ID, description: 'The ACD queue (group, split, skill) to log in to (Pega LoginAgent’s Queue); default the link’s acdGroup.' },
    },
  },
  { method: 'POST', path: '/agents/{agentId}/logout', kind: 'logout', operationId: 'logout', body: { reasonCode } },
  ...Object.entries(REQUESTS).map(([action, body]): ApiRouteSpec => ({ method: 'POST', path: `/agents/{agentId}/${action}`, kind: 'request', operationId: action, body })),
  { method: 'POST', path: '/agents/{agentId}/snapshot', kind: 'snapshot', operationId: 'snapshot', body: undefined },
  {
    method: 'POST',
    path: '/devices/{dn}/subscribe',
    kind: 'subscribe',
    operationId: 'subscribeForEvents',
    body: {
      agentId: { required: false, maxLength: ID, description: 'The agent logged in at the DN.' },
      agentPassword: { required: false, maxLength: 256, description: 'Accepted for Pega’s SubscribeForEvents signature; not needed for monitoring.' },
    },
  },
  { method: 'POST', path: '/devices/{dn}/unsubscribe', kind: 'unsubscribe', operationId: 'unSubscribeForEvents', body: { agentId: { required: false, maxLength: ID, description: 'The agent that subscribed.' } } },
];

/** A matched route with its path parameters. */
export type ApiRouteMatch = { readonly route: ApiRouteSpec; readonly params: Readonly<Record<string, string>> };

/** What matching a path gives: a route, a path known under another method, or nothing. */
export type ApiMatchResult = { readonly kind: 'match'; readonly match: ApiRouteMatch } | { readonly kind: 'method'; readonly allow: readonly string[] } | { readonly kind: 'none' };

/** Path parameters: a DN or agent id (digits, letters and the few signs numbers carry). */
const PARAM = /^[A-Za-z0-9._@+*#-]{1,64}$/;

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] as string;
    const val = p[i] as string;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(val);
      } catch {
        decoded = val;
      }
      params[seg.slice(1, -1)] = decoded;
    } else if (seg !== val) return undefined;
  }
  return params;
}

/** Finds the route for `method` and `path` (the path after the prefix). */
export function matchRoute(method: string, path: string): ApiMatchResult {
  const allow: string[] = [];
  for (const route of ROUTES) {
    const params = matchTemplate(route.path, path);
    if (params === undefined) continue;
    if (route.method === method || (route.method === 'GET' && method === 'HEAD')) return { kind: 'match', match: { route, params } };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
}

/** A body or parameter problem, naming the field. */
export type ApiFieldError = { readonly field: string; readonly message: string };

/** C0/C1 controls, DEL, U+FFFE/U+FFFF and lone surrogates: never part of a number, id or call data. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Checks the path parameters of a match. */
export function checkParams(params: Readonly<Record<string, string>>): ApiFieldError | undefined {
  for (const [name, value] of Object.entries(params)) {
    if (!PARAM.test(value)) return { field: name, message: `${name} must be 1 to 64 letters, digits or . _ @ + * # -` };
  }
  return undefined;
}

/** Checks a parsed JSON body against a route's fields: the string fields, or the first error. */
export function checkBody(route: ApiRouteSpec, body: unknown): ApiBodyCheck {
  const specs = route.body ?? {};
  if (body === undefined) body = {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: { field: '(body)', message: 'the body must be a JSON object' } };
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input)) if (!Object.hasOwn(specs, name)) return { ok: false, error: { field: name, message: `unknown field ${name}` } };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = input[name];
    if (raw === undefined || raw === null || raw === '') {
      if (spec.required) return { ok: false, error: { field: name, message: `${name} is required` } };
      continue;
    }
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
    if (value === undefined) return { ok: false, error: { field: name, message: `${name} must be a string` } };
    if (value.length > spec.maxLength) return { ok: false, error: { field: name, message: `${name} is longer than ${spec.maxLength} characters` } };
    if (CONTROL.test(value)) return { ok: false, error: { field: name, message: `${name} contains a control character` } };
    if (spec.enum !== undefined && !spec.enum.includes(value)) return { ok: false, error: { field: name, message: `${name} must be one of ${spec.enum.join(', ')}` } };
    out[name] = value;
  }
  return { ok: true, fields: out };
}

/** A checked body: its string fields, or the first error. */
export type ApiBodyCheck = { readonly ok: true; readonly fields: Readonly<Record<string, string>> } | { readonly ok: false; readonly error: ApiFieldError };
