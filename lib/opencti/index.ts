/**
 * `csta-link/opencti`: a drop-in implementation of Pega's OpenCTI desktop API
 * (pega_cti_desktopAPI.js) over the csta-link Pega gateway (docs/opencti.md). Browser-safe: no
 * Node imports; the gateway serves the same code bundled as /opencti.js (ESM) and
 * /opencti.classic.js (a plain script for Pega's bundle rule).
 */
export { installOpenCti, urlFromLinkDefinition, urlFromScript, DEFAULT_OPENCTI_NAME, OPENCTI_IMPLEMENTATION_VERSION } from './install.js';
export { createDesktopApi, readOptions } from './desktop-api.js';
export type { DesktopApiConfig, OpenCtiDesktopApi, OpenCtiDesktopApiConstructor } from './desktop-api.js';
export { AdapterErrorCode, CompatibleErrorObject, makeError } from './errors.js';
export { GatewayConnection, MAX_PENDING } from './connection.js';
export type { ConnectionHandlers, ConnectionOptions, WireResult } from './connection.js';
export { CallTracker, MAX_TRACKED_CALLS } from './calls.js';
export type {
  OpenCtiAdapterOptions,
  OpenCtiBackoff,
  OpenCtiErrorObject,
  OpenCtiErrorObjectConstructor,
  OpenCtiFailure,
  OpenCtiForwardEvent,
  OpenCtiLinkDefinition,
  OpenCtiRequestOptions,
  OpenCtiSuccess,
  OpenCtiSuccessResult,
  OpenCtiTokenContext,
  PegaEvent,
  WebSocketConstructorLike,
  WebSocketLike,
} from './types.js';
