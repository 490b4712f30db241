/**
 * The types a CstaSession shows applications: its link status, its event map and the handler
 * type for operations the switch invokes. Re-exported by `session.ts`, which is where
 * applications import them from.
 */
import type { Buffer } from 'node:buffer';
import type { DecodeError } from '../../protocol/errors.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { VendorPdu } from '../../protocol/xml/vendor.js';
import type { InvokePdu, RosePdu } from '../../protocol/rose/pdu.js';
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import type { CstaEvent } from './events.js';
import type { Monitor } from './monitors.js';
import type { ModelChange } from './model/types.js';

/** Link status changes, as a discriminated union on `type`. */
export type SessionStatus =
  | {
      readonly type: 'connecting';
      readonly attempt: number;
      /** `host:port` of the endpoint this attempt goes to (see SessionOptions.alternates). */
      readonly endpoint?: string;
    }
  | { readonly type: 'associated'; readonly versions: CSTAVersion | undefined; readonly reconnected: boolean }
  | { readonly type: 'degraded'; readonly reason: string }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number; readonly error: Error | undefined }
  | { readonly type: 'closed'; readonly error: Error | undefined };

/** The events a CstaSession emits, with their listener arguments. */
export interface SessionEvents {
  status: [status: SessionStatus];
  /** Every event report, flattened, with the monitor it belongs to (if known). */
  event: [event: CstaEvent, monitor: Monitor | undefined];
  /** A frame from the switch could not be decoded; it was skipped and the session goes on. */
  protocolError: [error: DecodeError, frame: Buffer | undefined];
  /** A PDU could not be encoded for this wire and was not sent (e.g. a reject over CSTA-XML). */
  sendError: [error: Error, pdu: CstaPdu];
  /** A non-CSTA message from the switch (Zultys keepalive, Avaya GetDeviceIdResponse, ...); a vendor profile may answer it. */
  vendor: [pdu: VendorPdu];
  /** A reply for no pending request (late, after a timeout): dropped, reported for diagnostics. */
  unmatched: [pdu: RosePdu];
  /** The call model changed (only with the model enabled, the default). */
  model: [changes: ModelChange[], monitor: Monitor | undefined];
  /**
   * A device was resynchronised with snapshotDevice (after a reconnect, or after monitorStart with
   * `snapshotOnMonitorStart`). `snapshot` always carries the data inline (`snapshotData`): when the
   * switch sent it separately in snapshotDeviceData segments, they were collected first.
   */
  resync: [monitor: Monitor, snapshot: SnapshotDeviceResult | undefined, error: Error | undefined];
  /** A request settled (emitted only while someone listens; for metrics and logs). */
  requestSettled: [settled: RequestSettled];
}

/** One request's outcome, as {@link SessionEvents.requestSettled} reports it. */
export interface RequestSettled {
  readonly operation: string;
  readonly invokeId: number;
  /** The request's argument (to name the device it concerned). */
  readonly argument: unknown;
  /** Time from send to settlement. */
  readonly durationMs: number;
  /** Undefined when it succeeded. */
  readonly error: Error | undefined;
}

/** Handler for an operation the switch invokes (routeRequest, escape...): return the result. */
export type InvokeHandler<N extends OperationName> = (argument: ArgumentOf<OperationNamed<N>>, invoke: InvokePdu) => Promise<ResultOf<OperationNamed<N>>> | ResultOf<OperationNamed<N>>;
