/**
 * The contract the WebSocket gateway builds on: the members of `PegaCtiLink` (lib/pega/link.ts)
 * it uses, written as a structural interface so that a real link, or a fake in tests, satisfies
 * it. The Pega data types (requests, results, OpenCTI events) are the mapping layer's
 * (lib/pega/types.ts); the gateway adds only its own error codes and the token identity.
 */
import type { PegaLoginParams } from '../link.js';
import type { PegaEvent, PegaRequest, PegaRequestAction, PegaResult } from '../types.js';

export type { PegaEvent, PegaLoginParams, PegaRequest, PegaRequestAction, PegaResult };

/** Listener for the link's `'event'` event: one OpenCTI event for one agent. */
export type PegaEventListener = (agentId: string, event: PegaEvent) => void;

/**
 * The members of `PegaCtiLink` the gateway uses. Like the link's, these never reject by contract;
 * the gateway still turns a rejection into an error result.
 */
export interface PegaLinkLike {
  login(params: PegaLoginParams): Promise<PegaResult>;
  logout(agentId: string, reasonCode?: string): Promise<PegaResult>;
  request(agentId: string, request: PegaRequest): Promise<PegaResult>;
  /**
   * Emits a fresh SnapshotEvent for a logged-in agent (PegaCtiLink.refresh). Optional: when
   * present, the gateway calls it as each socket opens, so a reloaded toolbar sees the agent
   * state and the calls in progress at once.
   */
  refresh?(agentId: string): Promise<unknown>;
  on(event: 'event', listener: PegaEventListener): unknown;
  off(event: 'event', listener: PegaEventListener): unknown;
}

/**
 * Error codes the gateway itself puts in results. Pega's documented default list (pega-call-notes
 * §2, Errors) is cut off after `OPENCTI_INV_ACT…` and has no code for a malformed request: bad
 * input gets the documented generic `OPENCTI_CF_GENERIC_OPERATION` (the same code the request
 * parser, lib/pega/request-parse.ts, uses), and `OPENCTI_GATEWAY_BUSY` is our own name in Pega's style.
 * When the link throws instead of answering, the Pega layer's own error mapping applies
 * (lib/pega/errors.ts `toPegaFailure`).
 */
export const GatewayErrorCode = {
  /** Not JSON, not an object, bad `id`, unknown `action`, missing/mistyped/overlong fields, wrong agent. */
  InvalidRequest: 'OPENCTI_CF_GENERIC_OPERATION',
  /** Too many requests from this socket are still waiting for their results. */
  TooManyRequests: 'OPENCTI_GATEWAY_BUSY',
  /**
   * The extension typed at Pega login is not one the token allows. Pega documents no code for
   * "not your device"; the nearest documented one is the HTTP 401 code (unauthorized).
   */
  ExtensionNotAllowed: 'OPENCTI_HTTP_ERROR_401',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/** A failure produced by the gateway rather than the link; shaped like the link's `PegaFailure`. */
export type GatewayFailure = { readonly ok: false; readonly errCode: GatewayErrorCode; readonly errMessage: string };

/** Any result a client can receive: the link's, or the gateway's own failure. */
export type GatewayResult = PegaResult | GatewayFailure;

/** Who a token belongs to: the agent and the device (extension) they work at. */
export interface GatewayIdentity {
  /** The agent ID: every request on the socket acts for this agent only. */
  readonly agentId: string;
  /** The default device: used when Pega's login gives no extension. */
  readonly device: string;
  /** Further devices the agent may log in at (the extension typed at Pega login); `device` is always allowed. */
  readonly devices?: readonly string[];
  /** When the token stops being valid (ms since the epoch, a JWT's `exp`): the gateway closes the socket then (code 4401). */
  readonly expiresAt?: number;
}

/** Whether `identity` may log in at `extension`. */
export function deviceAllowed(identity: GatewayIdentity, extension: string): boolean {
  return extension === identity.device || (identity.devices?.includes(extension) ?? false);
}

/** Maps a bearer token to an identity; `undefined` refuses the connection (HTTP 401). */
export type Authenticator = (token: string) => GatewayIdentity | undefined | Promise<GatewayIdentity | undefined>;
