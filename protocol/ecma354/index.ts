/**
 * ECMA-354 application session services over CSTA-XML (see docs/ecma354.md): typed messages, the
 * decoder the XML codec calls on every root before the ECMA-323 tables, the encoder, and the
 * vendor login content builders.
 */
export { APPL_SESSION_NAMESPACE, ROOT_OF_KIND, isApplicationSessionRequest } from './messages.js';
export type {
  ApplicationSessionKind,
  ApplicationSessionMessage,
  ApplicationSessionMessageOf,
  ApplicationSessionPdu,
  ApplicationSessionTerminated,
  ErrorCode,
  ExtensionHolder,
  RawXml,
  ResetApplicationSessionTimer,
  ResetApplicationSessionTimerNegResponse,
  ResetApplicationSessionTimerPosResponse,
  ResetTimerDefinedError,
  StartApplicationSession,
  StartApplicationSessionNegResponse,
  StartApplicationSessionPosResponse,
  StartSessionDefinedError,
  StopApplicationSession,
  StopApplicationSessionNegResponse,
  StopApplicationSessionPosResponse,
  StopSessionDefinedError,
  TransferMonitorObjects,
  TransferMonitorObjectsResponse,
} from './messages.js';
export { applicationSessionKindOf, decodeApplicationSessionElement } from './decode.js';
export type { ApplicationSessionDecodeOptions } from './decode.js';
export { MAX_RAW_XML, checkRawXml, encodeApplicationSessionXml } from './encode.js';
export { AVAYA_CSTA_NAMESPACE, avayaSessionLoginInfo, loginCredentialsOf, openScapeBusinessLoginInfo, resumeSessionIDOf } from './login-info.js';
export type { AvayaLogin } from './login-info.js';
