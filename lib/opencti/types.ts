/**
 * The shapes of Pega's OpenCTI desktop API (pega_cti_desktopAPI.js) as this adapter implements
 * them: the callbacks Pega passes, the error object it expects, and the adapter's own options.
 * Browser-safe: no runtime imports.
 */
import type { PegaEvent } from '../pega/types.js';

export type { PegaEvent };

/** Pega's error object: what `failure` receives. Pega shows the message rule for `errCode`, else `errMessage`. */
export interface OpenCtiErrorObject {
  errCode: string | null;
  errMessage: string | null;
}

/** A constructor of error objects (`pega.cti.desktopApi.errorObject`). */
export type OpenCtiErrorObjectConstructor = new () => OpenCtiErrorObject;

/** What `success` receives: `callId` is the new call of makeCall and the consultation requests. */
export interface OpenCtiSuccessResult {
  readonly callId?: string;
}

/** Pega's success callback. */
export type OpenCtiSuccess = (result: OpenCtiSuccessResult) => void;
/** Pega's failure callback. */
export type OpenCtiFailure = (error: OpenCtiErrorObject) => void;
/** Pega's event callback (the `forwardEvent` argument of login): one OpenCTI JSON event per call. */
export type OpenCtiForwardEvent = (event: PegaEvent) => void;

/**
 * Pega's CTI link definition as the adapter reads it: `pyPrimaryHost`/`pyPrimaryPort` locate the
 * gateway when the adapter was given no URL. Other fields are ignored.
 */
export type OpenCtiLinkDefinition = Readonly<Record<string, unknown>> & {
  readonly pyPrimaryHost?: unknown;
  readonly pyPrimaryPort?: unknown;
};

/**
 * Pega's `options` argument (an object, or its JSON text). Read: `pyJWTString` (the token, when
 * Pega supplies one) and `callData` (call data for makeCall, the consultations and blindTransfer).
 */
export type OpenCtiRequestOptions = Readonly<Record<string, unknown>> | string | null | undefined;

/** The minimal WebSocket the adapter needs: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

/** A WebSocket constructor: `new WebSocket(url, protocols)`. */
export type WebSocketConstructorLike = new (url: string, protocols: string[]) => WebSocketLike;

/** What a token source is told: the login's arguments. */
export interface OpenCtiTokenContext {
  readonly agentID: string;
  readonly extension: string;
  readonly linkDefinition: OpenCtiLinkDefinition;
  readonly options: Readonly<Record<string, unknown>>;
}

/** Reconnect backoff: the delay doubles from `initialDelayMs` to `maxDelayMs`, each with up to 50% random jitter. */
export interface OpenCtiBackoff {
  /** @default 250 */
  readonly initialDelayMs?: number;
  /** @default 15000 */
  readonly maxDelayMs?: number;
}

/** Options of {@link installOpenCti}. */
export interface OpenCtiAdapterOptions {
  /** The key under `pega.cti.desktopApi`, which the CTI link definition names. @default 'cstaLink' */
  readonly name?: string;
  /** `implementationVersion` of the object. @default OPENCTI_IMPLEMENTATION_VERSION */
  readonly implementationVersion?: string;
  /**
   * The gateway's WebSocket URL (`wss://host:port/cti`), or a function of the link definition.
   * @default from the link definition's pyPrimaryHost/pyPrimaryPort, else `scriptUrl`'s origin + /cti
   */
  readonly url?: string | ((linkDefinition: OpenCtiLinkDefinition) => string);
  /** The URL the adapter script was loaded from (the browser bundle passes it), for the default `url`. */
  readonly scriptUrl?: string;
  /**
   * The bearer token for the gateway. @default Pega's `options.pyJWTString`, else `options.token`
   */
  readonly token?: string | ((context: OpenCtiTokenContext) => string | Promise<string>);
  /** The WebSocket constructor. @default globalThis.WebSocket */
  readonly WebSocket?: WebSocketConstructorLike;
  /** The object that holds (or gets) `pega.cti.desktopApi`. @default globalThis */
  readonly global?: Record<string, unknown>;
  /** A request with no result after this long fails with OPENCTI_HTTP_ERROR_504. @default 15000 */
  readonly requestTimeoutMs?: number;
  /** Reconnect backoff after the socket drops. */
  readonly backoff?: OpenCtiBackoff;
}
