/**
 * Typed request methods: one async method per CSTA service a CTI application sends, named like
 * the ASN.1 operation (ECMA-285) and taking its ASN.1 argument, so `session.holdCall({ callToBeHeld })`
 * reads like the standard. Each is a thin call of `request(operation, argument, options)`: the
 * result is the operation's typed result; a returnError rejects with RemoteOperationError, a
 * reject with RejectedError, no answer in time with TimeoutError.
 *
 * `CstaSession` extends this class; `connectionID()` and `deviceID()` build the identifiers most
 * calls need.
 */
import { EventEmitter } from 'node:events';
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { toDeviceID } from './monitors.js';

/** Argument type of the operation named `N`. */
export type RequestArgument<N extends OperationName> = ArgumentOf<OperationNamed<N>>;
/** Result type of the operation named `N`. */
export type RequestResult<N extends OperationName> = ResultOf<OperationNamed<N>>;

export interface RequestOptions {
  /** Overrides the session's timeout for this request. */
  readonly timeoutMs?: number;
}

/** `"2000"` → `{ deviceIdentifier: { dialingNumber: "2000" } }`; a DeviceID is returned as is (same as `toDeviceID`). */
export const deviceID: (device: string | DeviceID) => DeviceID = toDeviceID;

/** ConnectionID of `callID` at `device` (the `both` form switches expect in requests). */
export function connectionID(callID: string, device: string | DeviceID): ConnectionID {
  return { both: { callID, deviceID: { staticID: deviceID(device) } } };
}

// eslint-style note: the type parameter lets CstaSession keep its own event map.
export abstract class CstaRequestMethods<Events extends Record<keyof Events, unknown[]>> extends EventEmitter<Events> {
  /** Sends a request and resolves with its typed result. */
  abstract request<N extends OperationName>(operation: N, argument: RequestArgument<N>, options?: RequestOptions): Promise<RequestResult<N>>;

  /** Sends an invoke that has no reply; false when the link is down. */
  abstract notify<N extends OperationName>(operation: N, argument: RequestArgument<N>): boolean;

  // ---- basic call control (ECMA-269 §17) -----------------------------------------------------

  /** makeCall: `callingDevice` calls `calledDirectoryNumber`. */
  makeCall(argument: RequestArgument<'makeCall'>, options?: RequestOptions): Promise<RequestResult<'makeCall'>> {
    return this.request('makeCall', argument, options);
  }
  answerCall(argument: RequestArgument<'answerCall'>, options?: RequestOptions): Promise<RequestResult<'answerCall'>> {
    return this.request('answerCall', argument, options);
  }
  clearConnection(argument: RequestArgument<'clearConnection'>, options?: RequestOptions): Promise<RequestResult<'clearConnection'>> {
    return this.request('clearConnection', argument, options);
  }
  clearCall(argument: RequestArgument<'clearCall'>, options?: RequestOptions): Promise<RequestResult<'clearCall'>> {
    return this.request('clearCall', argument, options);
  }
  holdCall(argument: RequestArgument<'holdCall'>, options?: RequestOptions): Promise<RequestResult<'holdCall'>> {
    return this.request('holdCall', argument, options);
  }
  retrieveCall(argument: RequestArgument<'retrieveCall'>, options?: RequestOptions): Promise<RequestResult<'retrieveCall'>> {
    return this.request('retrieveCall', argument, options);
  }
  consultationCall(argument: RequestArgument<'consultationCall'>, options?: RequestOptions): Promise<RequestResult<'consultationCall'>> {
    return this.request('consultationCall', argument, options);
  }
  transferCall(argument: RequestArgument<'transferCall'>, options?: RequestOptions): Promise<RequestResult<'transferCall'>> {
    return this.request('transferCall', argument, options);
  }
  conferenceCall(argument: RequestArgument<'conferenceCall'>, options?: RequestOptions): Promise<RequestResult<'conferenceCall'>> {
    return this.request('conferenceCall', argument, options);
  }
  alternateCall(argument: RequestArgument<'alternateCall'>, options?: RequestOptions): Promise<RequestResult<'alternateCall'>> {
    return this.request('alternateCall', argument, options);
  }
  reconnectCall(argument: RequestArgument<'reconnectCall'>, options?: RequestOptions): Promise<RequestResult<'reconnectCall'>> {
    return this.request('reconnectCall', argument, options);
  }
  /** singleStepTransferCall (ASN.1 operation `singleStepTrans`). */
  singleStepTransferCall(argument: RequestArgument<'singleStepTrans'>, options?: RequestOptions): Promise<RequestResult<'singleStepTrans'>> {
    return this.request('singleStepTrans', argument, options);
  }
  /** singleStepConferenceCall (ASN.1 operation `singleStepConf`). */
  singleStepConference(argument: RequestArgument<'singleStepConf'>, options?: RequestOptions): Promise<RequestResult<'singleStepConf'>> {
    return this.request('singleStepConf', argument, options);
  }
  deflectCall(argument: RequestArgument<'deflectCall'>, options?: RequestOptions): Promise<RequestResult<'deflectCall'>> {
    return this.request('deflectCall', argument, options);
  }
  makePredictiveCall(argument: RequestArgument<'makePredictiveCall'>, options?: RequestOptions): Promise<RequestResult<'makePredictiveCall'>> {
    return this.request('makePredictiveCall', argument, options);
  }
  /** generateDigits: sends DTMF on a connection. */
  generateDigits(argument: RequestArgument<'generateDigits'>, options?: RequestOptions): Promise<RequestResult<'generateDigits'>> {
    return this.request('generateDigits', argument, options);
  }

  // ---- logical device features ---------------------------------------------------------------

  setAgentState(argument: RequestArgument<'setAgentState'>, options?: RequestOptions): Promise<RequestResult<'setAgentState'>> {
    return this.request('setAgentState', argument, options);
  }
  getAgentState(argument: RequestArgument<'getAgentState'>, options?: RequestOptions): Promise<RequestResult<'getAgentState'>> {
    return this.request('getAgentState', argument, options);
  }
  setDoNotDisturb(argument: RequestArgument<'setDoNotDisturb'>, options?: RequestOptions): Promise<RequestResult<'setDoNotDisturb'>> {
    return this.request('setDoNotDisturb', argument, options);
  }
  getDoNotDisturb(argument: RequestArgument<'getDoNotDisturb'>, options?: RequestOptions): Promise<RequestResult<'getDoNotDisturb'>> {
    return this.request('getDoNotDisturb', argument, options);
  }
  setForwarding(argument: RequestArgument<'setForwarding'>, options?: RequestOptions): Promise<RequestResult<'setForwarding'>> {
    return this.request('setForwarding', argument, options);
  }
  getForwarding(argument: RequestArgument<'getForwarding'>, options?: RequestOptions): Promise<RequestResult<'getForwarding'>> {
    return this.request('getForwarding', argument, options);
  }

  // ---- snapshots, system, routing, escape ----------------------------------------------------

  snapshotDevice(argument: RequestArgument<'snapshotDevice'>, options?: RequestOptions): Promise<RequestResult<'snapshotDevice'>> {
    return this.request('snapshotDevice', argument, options);
  }
  snapshotCall(argument: RequestArgument<'snapshotCall'>, options?: RequestOptions): Promise<RequestResult<'snapshotCall'>> {
    return this.request('snapshotCall', argument, options);
  }
  /** requestSystemStatus (ASN.1 operation `requestSysStat`). */
  requestSystemStatus(argument: RequestArgument<'requestSysStat'>, options?: RequestOptions): Promise<RequestResult<'requestSysStat'>> {
    return this.request('requestSysStat', argument, options);
  }
  routeRegister(argument: RequestArgument<'routeRegister'>, options?: RequestOptions): Promise<RequestResult<'routeRegister'>> {
    return this.request('routeRegister', argument, options);
  }
  /** routeSelect (ASN.1 `routeSelectRequest`, no reply): the destination for a routeRequest. */
  routeSelect(argument: RequestArgument<'routeSelectRequest'>): boolean {
    return this.notify('routeSelectRequest', argument);
  }
  /** routeEnd (ASN.1 `routeEndRequest`, no reply): ends a routing dialogue. */
  routeEnd(argument: RequestArgument<'routeEndRequest'>): boolean {
    return this.notify('routeEndRequest', argument);
  }
  /** escape: vendor private data both ways. */
  escape(argument: RequestArgument<'escape'>, options?: RequestOptions): Promise<RequestResult<'escape'>> {
    return this.request('escape', argument, options);
  }
}
