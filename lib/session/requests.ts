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
import { withDeviceIDs } from './device-strings.js';
import type { WithDeviceStrings } from './device-strings.js';

/** Argument type of the operation named `N`. */
export type RequestArgument<N extends OperationName> = ArgumentOf<OperationNamed<N>>;
/**
 * What the typed request methods take for operation `N`: its argument, with a string accepted
 * wherever a DeviceID goes (`'2000'` for `{ deviceIdentifier: { dialingNumber: '2000' } }`).
 */
export type RequestArgs<N extends OperationName> = WithDeviceStrings<RequestArgument<N>>;
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
  makeCall(argument: RequestArgs<'makeCall'>, options?: RequestOptions): Promise<RequestResult<'makeCall'>> {
    return this.request('makeCall', withDeviceIDs('makeCall', argument), options);
  }
  answerCall(argument: RequestArgs<'answerCall'>, options?: RequestOptions): Promise<RequestResult<'answerCall'>> {
    return this.request('answerCall', withDeviceIDs('answerCall', argument), options);
  }
  clearConnection(argument: RequestArgs<'clearConnection'>, options?: RequestOptions): Promise<RequestResult<'clearConnection'>> {
    return this.request('clearConnection', withDeviceIDs('clearConnection', argument), options);
  }
  clearCall(argument: RequestArgs<'clearCall'>, options?: RequestOptions): Promise<RequestResult<'clearCall'>> {
    return this.request('clearCall', withDeviceIDs('clearCall', argument), options);
  }
  holdCall(argument: RequestArgs<'holdCall'>, options?: RequestOptions): Promise<RequestResult<'holdCall'>> {
    return this.request('holdCall', withDeviceIDs('holdCall', argument), options);
  }
  retrieveCall(argument: RequestArgs<'retrieveCall'>, options?: RequestOptions): Promise<RequestResult<'retrieveCall'>> {
    return this.request('retrieveCall', withDeviceIDs('retrieveCall', argument), options);
  }
  consultationCall(argument: RequestArgs<'consultationCall'>, options?: RequestOptions): Promise<RequestResult<'consultationCall'>> {
    return this.request('consultationCall', withDeviceIDs('consultationCall', argument), options);
  }
  transferCall(argument: RequestArgs<'transferCall'>, options?: RequestOptions): Promise<RequestResult<'transferCall'>> {
    return this.request('transferCall', withDeviceIDs('transferCall', argument), options);
  }
  conferenceCall(argument: RequestArgs<'conferenceCall'>, options?: RequestOptions): Promise<RequestResult<'conferenceCall'>> {
    return this.request('conferenceCall', withDeviceIDs('conferenceCall', argument), options);
  }
  alternateCall(argument: RequestArgs<'alternateCall'>, options?: RequestOptions): Promise<RequestResult<'alternateCall'>> {
    return this.request('alternateCall', withDeviceIDs('alternateCall', argument), options);
  }
  reconnectCall(argument: RequestArgs<'reconnectCall'>, options?: RequestOptions): Promise<RequestResult<'reconnectCall'>> {
    return this.request('reconnectCall', withDeviceIDs('reconnectCall', argument), options);
  }
  /** singleStepTransferCall (ASN.1 operation `singleStepTrans`). */
  singleStepTransferCall(argument: RequestArgs<'singleStepTrans'>, options?: RequestOptions): Promise<RequestResult<'singleStepTrans'>> {
    return this.request('singleStepTrans', withDeviceIDs('singleStepTrans', argument), options);
  }
  /** singleStepConferenceCall (ASN.1 operation `singleStepConf`). */
  singleStepConference(argument: RequestArgs<'singleStepConf'>, options?: RequestOptions): Promise<RequestResult<'singleStepConf'>> {
    return this.request('singleStepConf', withDeviceIDs('singleStepConf', argument), options);
  }
  deflectCall(argument: RequestArgs<'deflectCall'>, options?: RequestOptions): Promise<RequestResult<'deflectCall'>> {
    return this.request('deflectCall', withDeviceIDs('deflectCall', argument), options);
  }
  makePredictiveCall(argument: RequestArgs<'makePredictiveCall'>, options?: RequestOptions): Promise<RequestResult<'makePredictiveCall'>> {
    return this.request('makePredictiveCall', withDeviceIDs('makePredictiveCall', argument), options);
  }
  /** generateDigits: sends DTMF on a connection. */
  generateDigits(argument: RequestArgs<'generateDigits'>, options?: RequestOptions): Promise<RequestResult<'generateDigits'>> {
    return this.request('generateDigits', withDeviceIDs('generateDigits', argument), options);
  }

  // ---- logical device features ---------------------------------------------------------------

  setAgentState(argument: RequestArgs<'setAgentState'>, options?: RequestOptions): Promise<RequestResult<'setAgentState'>> {
    return this.request('setAgentState', withDeviceIDs('setAgentState', argument), options);
  }
  getAgentState(argument: RequestArgs<'getAgentState'>, options?: RequestOptions): Promise<RequestResult<'getAgentState'>> {
    return this.request('getAgentState', withDeviceIDs('getAgentState', argument), options);
  }
  setDoNotDisturb(argument: RequestArgs<'setDoNotDisturb'>, options?: RequestOptions): Promise<RequestResult<'setDoNotDisturb'>> {
    return this.request('setDoNotDisturb', withDeviceIDs('setDoNotDisturb', argument), options);
  }
  getDoNotDisturb(argument: RequestArgs<'getDoNotDisturb'>, options?: RequestOptions): Promise<RequestResult<'getDoNotDisturb'>> {
    return this.request('getDoNotDisturb', withDeviceIDs('getDoNotDisturb', argument), options);
  }
  setForwarding(argument: RequestArgs<'setForwarding'>, options?: RequestOptions): Promise<RequestResult<'setForwarding'>> {
    return this.request('setForwarding', withDeviceIDs('setForwarding', argument), options);
  }
  getForwarding(argument: RequestArgs<'getForwarding'>, options?: RequestOptions): Promise<RequestResult<'getForwarding'>> {
    return this.request('getForwarding', withDeviceIDs('getForwarding', argument), options);
  }

  // ---- snapshots, system, routing, escape ----------------------------------------------------

  snapshotDevice(argument: RequestArgs<'snapshotDevice'>, options?: RequestOptions): Promise<RequestResult<'snapshotDevice'>> {
    return this.request('snapshotDevice', withDeviceIDs('snapshotDevice', argument), options);
  }
  snapshotCall(argument: RequestArgs<'snapshotCall'>, options?: RequestOptions): Promise<RequestResult<'snapshotCall'>> {
    return this.request('snapshotCall', withDeviceIDs('snapshotCall', argument), options);
  }
  /** requestSystemStatus (ASN.1 operation `requestSysStat`). */
  requestSystemStatus(argument: RequestArgs<'requestSysStat'>, options?: RequestOptions): Promise<RequestResult<'requestSysStat'>> {
    return this.request('requestSysStat', withDeviceIDs('requestSysStat', argument), options);
  }
  routeRegister(argument: RequestArgs<'routeRegister'>, options?: RequestOptions): Promise<RequestResult<'routeRegister'>> {
    return this.request('routeRegister', withDeviceIDs('routeRegister', argument), options);
  }
  /** routeSelect (ASN.1 `routeSelectRequest`, no reply): the destination for a routeRequest. */
  routeSelect(argument: RequestArgs<'routeSelectRequest'>): boolean {
    return this.notify('routeSelectRequest', withDeviceIDs('routeSelectRequest', argument));
  }
  /** routeEnd (ASN.1 `routeEndRequest`, no reply): ends a routing dialogue. */
  routeEnd(argument: RequestArgs<'routeEndRequest'>): boolean {
    return this.notify('routeEndRequest', withDeviceIDs('routeEndRequest', argument));
  }
  /** escape: vendor private data both ways. */
  escape(argument: RequestArgs<'escape'>, options?: RequestOptions): Promise<RequestResult<'escape'>> {
    return this.request('escape', withDeviceIDs('escape', argument), options);
  }
}
