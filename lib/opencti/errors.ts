/**
 * Failures as Pega expects them: `failure(new pega.cti.desktopApi.errorObject())` with `errCode`
 * and `errMessage` set. The page's own errorObject is used when Pega defined one; otherwise the
 * adapter installs a compatible constructor (see install.ts).
 */
import type { OpenCtiErrorObject, OpenCtiErrorObjectConstructor } from './types.js';

/** Codes the adapter itself produces (all from Pega's documented default list). */
export const AdapterErrorCode = {
  /** A request before login, or after logout. */
  NotLoggedIn: 'OPENCTI_AGENT_NOT_LOGGED_IN',
  /** Missing or malformed arguments; no ringing call for answerCall. */
  Generic: 'OPENCTI_CF_GENERIC_OPERATION',
  /** answerCall / hangUpCall with no call id and no call to act on. */
  InvalidState: 'OPENCTI_CF_INVALID_OBJECT_STATE',
  /** No token for the gateway. */
  Unauthorized: 'OPENCTI_HTTP_ERROR_401',
  /** The gateway cannot be reached, refused the socket, or the socket dropped before the result. */
  Unavailable: 'OPENCTI_HTTP_ERROR_503',
  /** No result within requestTimeoutMs. */
  Timeout: 'OPENCTI_HTTP_ERROR_504',
} as const;

/** A compatible errorObject constructor for pages where Pega defined none. */
export const CompatibleErrorObject: OpenCtiErrorObjectConstructor = class ErrorObject implements OpenCtiErrorObject {
  errCode: string | null = null;
  errMessage: string | null = null;
};

/** Builds an error with the given constructor (Pega's, when present). */
export function makeError(ctor: OpenCtiErrorObjectConstructor, errCode: string, errMessage: string): OpenCtiErrorObject {
  let error: OpenCtiErrorObject;
  try {
    error = new ctor();
  } catch {
    error = new CompatibleErrorObject();
  }
  error.errCode = errCode;
  error.errMessage = errMessage;
  return error;
}
