/**
 * Errors → OpenCTI error objects `{ errCode, errMessage }` (pega-call-notes §2, "Errors"). Pega
 * documents the codes but not what CSTA condition each stands for; the table below is this
 * library's choice, explained in docs/pega-mapping.md ("Error codes").
 */
import type { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import { ConnectionClosedError, InvokeIdsExhaustedError, RejectedError, ReplyMismatchError, RemoteOperationError, SessionStateError, TimeoutError } from '../session/errors.js';
import type { OpenCtiErrorCode, PegaFailure, PegaRequestAction } from './types.js';

/** Which kind of request failed: the same CSTA error means different things for each. */
export type RequestKind = 'agent' | 'dial' | 'call';

/** The kind of a Pega request action. */
export function requestKind(action: PegaRequestAction): RequestKind {
  switch (action) {
    case 'agentReady':
    case 'agentNotReady':
    case 'login':
    case 'logout':
    case 'wrapUp':
      return 'agent';
    case 'makeCall':
    case 'consultationCall':
    case 'conferenceInitiate':
    case 'transferInitiate':
    case 'blindTransfer':
      return 'dial';
    case 'answerCall':
    case 'hangUpCall':
    case 'holdCall':
    case 'retrieveCall':
    case 'sendDTMF':
    case 'conferenceComplete':
    case 'transferComplete':
    case 'dropParty':
      return 'call';
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Operation errors naming a bad destination. */
const INVALID_DESTINATION = new Set<string>([
  'invalidDestination',
  'invalidCalledDeviceID',
  'invalidDestinationDeviceID',
  'invalidDestinationDeviceObject',
  'invalidCalledDeviceObjectType',
  'invalidForwardingDestination',
  'invalidNumberFormat',
]);

/** Operation errors naming a call or connection that does not exist. */
const UNKNOWN_OBJECT = new Set<string>([
  'objectNotKnown',
  'invalidCallID',
  'invalidActiveCallID',
  'invalidHeldCallID',
  'invalidConnectionID',
  'invalidActiveConnectionID',
  'invalidHeldConnectionID',
]);

/** System resource errors meaning "the other end is busy / unavailable". */
const BUSY = new Set<string>(['resourceBusy', 'networkBusy', 'calledDeviceOutOfService', 'destinationDeviceOutOfService']);

/**
 * The OpenCTI code for a CSTA UniversalFailure, given the kind of request that failed.
 *
 * OPENCTI_IN_SAME_STATE means only "Agent is already in the requested state" [CS-Err], so it is
 * given only for an agent request refused with `featureAlreadySet` (audit W2). A stateIncompatibility
 * or `invalidAgentState` on an agent request says the agent (or device) is in a state that does
 * not allow the change: OPENCTI_CF_INVALID_OBJECT_STATE, a failure (the link double-checks a
 * refused login or logout with getAgentState). On call and dial requests `featureAlreadySet` is
 * about a call feature, not the agent: OPENCTI_CF_INVALID_OBJECT_STATE (audit W3).
 */
export function openCtiCodeOf(failure: UniversalFailure, kind: RequestKind): OpenCtiErrorCode {
  if ('operation' in failure) {
    const v = String(failure.operation);
    if (kind === 'agent') {
      // A wrong agent password: Pega's default list has no password code (OPENCTI_ERR_PASS is a third-party adapter's, audit W7); 401 Unauthorized is the documented one that fits.
      if (v === 'invalidAgentPassword') return 'OPENCTI_HTTP_ERROR_401';
      if (v === 'featureAlreadySet') return 'OPENCTI_IN_SAME_STATE';
      if (v === 'invalidAgentState') return 'OPENCTI_CF_INVALID_OBJECT_STATE';
    }
    if (v === 'featureAlreadySet') return 'OPENCTI_CF_INVALID_OBJECT_STATE';
    if (INVALID_DESTINATION.has(v)) return 'OPENCTI_CF_INVALID_DESTINATION';
    if (UNKNOWN_OBJECT.has(v)) return 'OPENCTI_HTTP_ERROR_404';
    if (v === 'serviceNotSupported') return 'OPENCTI_HTTP_ERROR_405';
    if (v === 'securityViolation' || v.startsWith('privilegeViolation')) return 'OPENCTI_HTTP_ERROR_401';
    return 'OPENCTI_CF_GENERIC_OPERATION';
  }
  if ('stateIncompatibility' in failure) {
    const v = String(failure.stateIncompatibility);
    if (kind === 'dial' && (v === 'invalidCalledDeviceState' || v === 'invalidDestinationDeviceState')) return 'OPENCTI_DEST_BUSY';
    return 'OPENCTI_CF_INVALID_OBJECT_STATE';
  }
  if ('systemResourceAvailability' in failure) {
    const v = String(failure.systemResourceAvailability);
    if (kind === 'dial' && BUSY.has(v)) return 'OPENCTI_DEST_BUSY';
    if (v === 'conferenceMemberLimitExceeded') return 'OPENCTI_CF_GENERIC_OPERATION';
    return 'OPENCTI_HTTP_ERROR_503';
  }
  if ('security' in failure) return 'OPENCTI_HTTP_ERROR_401';
  if ('subscribedResourceAvailability' in failure || 'performanceManagement' in failure) return 'OPENCTI_HTTP_ERROR_503';
  return 'OPENCTI_CF_GENERIC_OPERATION';
}

/** A failure result. */
export function pegaFailure(errCode: OpenCtiErrorCode, errMessage: string): PegaFailure {
  return { ok: false, errCode, errMessage };
}

/**
 * Any error thrown while carrying out a Pega request → the OpenCTI error object. Session errors
 * are matched by class: the switch's CSTA error through the table above, no answer in time →
 * OPENCTI_HTTP_ERROR_504, link down or every invoke id in flight → OPENCTI_HTTP_ERROR_503, ROSE reject or a result of another operation → OPENCTI_HTTP_ERROR_500.
 */
export function toPegaFailure(error: unknown, kind: RequestKind): PegaFailure {
  if (error instanceof RemoteOperationError) {
    const code = error.failure === undefined ? 'OPENCTI_CF_GENERIC_OPERATION' : openCtiCodeOf(error.failure, kind);
    return pegaFailure(code, `${error.operation} failed: ${error.category} ${error.value}`);
  }
  if (error instanceof TimeoutError) return pegaFailure('OPENCTI_HTTP_ERROR_504', `${error.operation}: no answer from the switch within ${error.timeoutMs} ms`);
  if (error instanceof ConnectionClosedError || error instanceof SessionStateError) return pegaFailure('OPENCTI_HTTP_ERROR_503', `CTI link unavailable: ${error.message}`);
  if (error instanceof InvokeIdsExhaustedError) return pegaFailure('OPENCTI_HTTP_ERROR_503', `CTI link busy: ${error.message}`);
  if (error instanceof ReplyMismatchError) return pegaFailure('OPENCTI_HTTP_ERROR_500', `${error.operation}: the switch answered with a ${error.received} result`);
  if (error instanceof RejectedError) return pegaFailure('OPENCTI_HTTP_ERROR_500', `${error.operation} rejected by the switch`);
  return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', error instanceof Error ? error.message : String(error));
}
