/**
 * The gateway's wire protocol: JSON text frames over one WebSocket per toolbar (docs/pega-gateway.md).
 *
 *   client → server  `{ "id": 7, "request": { "action": "answerCall", "callId": "4953" } }`
 *   server → client  `{ "id": 7, "result": { "ok": true } }`  or  `{ "id": 7, "result": { "ok": false, "errCode", "errMessage" } }`
 *   server → client  `{ "event": { "pyEventType": "CallStateEvent", "pyEventName": "Alerting", ... } }`
 *
 * Parsing never throws: anything malformed becomes an `invalid` message that the server answers
 * with `OPENCTI_CF_GENERIC_OPERATION` (see GatewayErrorCode in types.ts).
 */
import { requestKind, toPegaFailure } from '../errors.js';
import { isPegaFailure, parsePegaRequest } from '../request-parse.js';
import { GatewayErrorCode } from './types.js';
import type { GatewayFailure, GatewayResult, PegaEvent, PegaRequest, PegaRequestAction } from './types.js';

import type { RequestId } from './wire.js';

export { GATEWAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, DEFAULT_GATEWAY_PATH } from './wire.js';
export type { RequestId } from './wire.js';

/** Longest accepted string `id`. */
export const MAX_ID_LENGTH = 128;
/** Longest accepted string field in a request (ws `maxPayload` bounds the frame as a whole). */
export const MAX_FIELD_LENGTH = 1024;

/** A client frame after parsing. */
export type ClientMessage =
  | {
      readonly kind: 'request';
      readonly id: RequestId;
      readonly request: PegaRequest;
      /**
       * For `login`: the extension the agent typed at Pega login (`""` or absent = the token's
       * default device). Read here because the Pega request type has no such field.
       */
      readonly extension?: string;
    }
  | { readonly kind: 'invalid'; readonly id: RequestId | undefined; readonly errMessage: string };

/** A server frame: a result (with the request's id when it had a readable one) or an event. */
export type ServerMessage =
  | { readonly id?: RequestId; readonly result: GatewayResult }
  | { readonly event: PegaEvent };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readId(value: unknown): RequestId | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  return undefined;
}

function invalid(id: RequestId | undefined, errMessage: string): ClientMessage {
  return { kind: 'invalid', id, errMessage };
}

/**
 * Checks a `request` object: no string over {@link MAX_FIELD_LENGTH}, then the Pega layer's own
 * parser (lib/pega/request-parse.ts: known action, required fields, field types, work modes).
 * Returns the typed request or what is wrong with it.
 */
export function checkRequest(value: unknown): PegaRequest | string {
  if (isPlainObject(value)) {
    for (const [name, field] of Object.entries(value)) {
      if (typeof field === 'string' && field.length > MAX_FIELD_LENGTH) return `"${name.slice(0, 64)}" is longer than ${MAX_FIELD_LENGTH} characters`;
    }
  }
  try {
    const parsed = parsePegaRequest(value);
    return isPegaFailure(parsed) ? parsed.errMessage : parsed;
  } catch (e) {
    return `request could not be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** A gateway failure result. */
export function failure(errCode: GatewayErrorCode, errMessage: string): GatewayFailure {
  return { ok: false, errCode, errMessage };
}

/** Parses one text frame from a client. Never throws. */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid(undefined, 'frame is not valid JSON');
  }
  if (!isPlainObject(value)) return invalid(undefined, 'frame must be a JSON object');
  const id = readId(value['id']);
  if (id === undefined) return invalid(undefined, `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters or a safe integer`);
  const request = checkRequest(value['request']);
  if (typeof request === 'string') return invalid(id, request);
  if (request.action === 'login') {
    const extension = (value['request'] as Record<string, unknown>)['extension'];
    if (extension !== undefined && typeof extension !== 'string') return invalid(id, 'login: "extension" must be a string');
    if (typeof extension === 'string' && extension.trim() !== '') return { kind: 'request', id, request, extension: extension.trim() };
  }
  return { kind: 'request', id, request };
}

/**
 * A result for a link that threw instead of answering: the Pega layer's own mapping of errors to
 * OpenCTI codes (session timeout → OPENCTI_HTTP_ERROR_504, link down → OPENCTI_HTTP_ERROR_503,
 * anything else → OPENCTI_CF_GENERIC_OPERATION).
 */
export function resultFromThrown(error: unknown, action: PegaRequestAction): GatewayResult {
  return toPegaFailure(error, requestKind(action));
}

/** Serialises a server frame. */
export function encodeServerMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}
