/**
 * CstaSession: one CTI link to a switch. Connects (TCP or TLS), sets up the association, sends
 * typed requests and correlates their answers, routes event reports to monitors, keeps the link
 * alive with systemStatus both ways, and reconnects — re-establishing monitors and resynchronising
 * with snapshotDevice — when the link drops.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Buffer } from 'node:buffer';
import type { DecodeError } from '../../protocol/errors.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { InvokePdu, RosePdu, KnownInvoke } from '../../protocol/rose/pdu.js';
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import { operationByName } from '../../protocol/csta/operations.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { CSTAEventReportArgument } from '../../protocol/csta/events/event-report.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import type { MonitorFilter } from '../../protocol/csta/types/status-reporting.js';
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import { CstaConnection } from '../transport/connection.js';
import { createWireCodec } from '../transport/wire.js';
import '../transport/xml-wire.js';
import { XML_MAX_INVOKE_ID } from '../transport/xml-wire.js';
import type { WireCodec } from '../transport/wire.js';
import { ConnectionClosedError, RejectedError, RemoteOperationError, SessionStateError, TimeoutError } from './errors.js';
import { PendingRequests } from './pending.js';
import { DEFAULTS, exponentialBackoff } from './options.js';
import type { ReconnectPolicy, SessionOptions } from './options.js';
import { RLRQ, buildAarq, readAare } from './association.js';
import { flattenEvent } from './events.js';
import type { CstaEvent } from './events.js';
import { MonitorTable, deviceKey, toDeviceID } from './monitors.js';
import type { Monitor } from './monitors.js';
import { CstaRequestMethods } from './requests.js';
import { CallModel } from './model/call-model.js';
import type { ModelChange } from './model/types.js';
import type { RequestOptions } from './requests.js';

/** Link status changes, as a discriminated union on `type`. */
export type SessionStatus =
  | { readonly type: 'connecting'; readonly attempt: number }
  | { readonly type: 'associated'; readonly versions: CSTAVersion | undefined; readonly reconnected: boolean }
  | { readonly type: 'degraded'; readonly reason: string }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number; readonly error: Error | undefined }
  | { readonly type: 'closed'; readonly error: Error | undefined };

export interface SessionEvents {
  status: [status: SessionStatus];
  /** Every event report, flattened, with the monitor it belongs to (if known). */
  event: [event: CstaEvent, monitor: Monitor | undefined];
  /** A frame from the switch could not be decoded; it was skipped and the session goes on. */
  protocolError: [error: DecodeError, frame: Buffer | undefined];
  /** A PDU could not be encoded for this wire and was not sent (e.g. a reject over CSTA-XML). */
  sendError: [error: Error, pdu: CstaPdu];
  /** A reply for no pending request (late, after a timeout): dropped, reported for diagnostics. */
  unmatched: [pdu: RosePdu];
  /** The call model changed (only with the model enabled, the default). */
  model: [changes: ModelChange[], monitor: Monitor | undefined];
  /** Monitors re-established after a reconnect; `snapshot` is the device's snapshotDevice result. */
  resync: [monitor: Monitor, snapshot: SnapshotDeviceResult | undefined, error: Error | undefined];
}

/** Handler for an operation the switch invokes (routeRequest, escape...): return the result. */
export type InvokeHandler<N extends OperationName> = (argument: ArgumentOf<OperationNamed<N>>, invoke: InvokePdu) => Promise<ResultOf<OperationNamed<N>>> | ResultOf<OperationNamed<N>>;

export type { RequestOptions } from './requests.js';

type State = 'idle' | 'connecting' | 'associated' | 'reconnecting' | 'closing' | 'closed';

export class CstaSession extends CstaRequestMethods<SessionEvents> {
  readonly options: SessionOptions;
  private readonly codec: WireCodec;
  private readonly pending: PendingRequests;
  private readonly reconnectPolicy: ReconnectPolicy | false;
  private readonly handlers = new Map<string, InvokeHandler<OperationName>>();
  private readonly monitorTable = new MonitorTable();
  private conn: CstaConnection | undefined;
  private state: State = 'idle';
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  private keepAliveMissed = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private acseWaiter: ((pdu: CstaPdu) => void) | undefined;
  /**
   * Calls, connections and agent states of the monitored devices (ECMA-269 connection state
   * model), kept from events and resynchronised with snapshotDevice after a reconnect; undefined
   * when the options say `model: false`.
   */
  readonly model: CallModel | undefined;
  /** CSTA versions agreed at association (ACSE only). */
  versions: CSTAVersion | undefined;

  constructor(options: SessionOptions) {
    super();
    this.options = options;
    this.codec = createWireCodec(options.wire, options.limits);
    this.pending = new PendingRequests(options.invokeIdRange ?? (options.wire?.encoding === 'xml' ? { min: 1, max: XML_MAX_INVOKE_ID } : undefined));
    this.reconnectPolicy = options.reconnect === undefined ? exponentialBackoff() : options.reconnect;
    this.model = options.model === false ? undefined : new CallModel(options.model);
  }

  get isAssociated(): boolean {
    return this.state === 'associated';
  }

  get monitors(): readonly Monitor[] {
    return this.monitorTable.all();
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Connects and associates. Rejects if this first attempt fails (no retry). */
  async connect(): Promise<void> {
    if (this.state !== 'idle' && this.state !== 'closed') throw new SessionStateError(`connect() while ${this.state}`);
    this.state = 'connecting';
    try {
      await this.connectOnce(1);
    } catch (e) {
      this.state = 'closed';
      throw e;
    }
    this.state = 'associated';
    this.emit('status', { type: 'associated', versions: this.versions, reconnected: false });
  }

  /** Orderly release (RLRQ/RLRE for ACSE), then closes. Pending requests are rejected. */
  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'idle') return;
    const wasAssociated = this.state === 'associated';
    this.state = 'closing';
    this.stopKeepAlive();
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    const conn = this.conn;
    if (conn !== undefined && conn.isOpen) {
      if (wasAssociated && (this.options.association?.kind ?? 'acse') === 'acse') {
        await this.exchangeAcse(RLRQ, 'rlre', 2000).catch(() => undefined);
      }
      const closed = new Promise<void>((resolve) => conn.once('close', () => resolve()));
      conn.close();
      const timer = setTimeout(() => conn.close(true), 1000);
      await closed;
      clearTimeout(timer);
    }
    this.finishClose(undefined);
  }

  /** Sends a request and resolves with its typed result. */
  request<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>, options: RequestOptions = {}): Promise<ResultOf<OperationNamed<N>>> {
    const conn = this.conn;
    if (conn === undefined || !conn.isOpen || (this.state !== 'associated' && this.state !== 'connecting')) {
      return Promise.reject(new ConnectionClosedError(`cannot send ${operation} while ${this.state}`));
    }
    const timeoutMs = options.timeoutMs ?? this.options.operationTimeoutsMs?.[operation] ?? this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
    const invokeId = this.pending.allocate();
    const promise = this.pending.track<ResultOf<OperationNamed<N>>>(invokeId, operation, timeoutMs, this.options.asyncStackTraces ?? true);
    // A value that does not encode (EncodeError, reported as sendError) rejects at once.
    const onSendError = (e: Error): void => void this.pending.reject(invokeId, e);
    conn.once('sendError', onSendError);
    if (!conn.send({ pdu: 'invoke', invokeId, operation, argument } as KnownInvoke)) this.pending.reject(invokeId, new ConnectionClosedError(`${operation} not sent: link closed`));
    conn.off('sendError', onSendError);
    return promise;
  }

  /**
   * Sends an invoke that has no reply (routeSelectRequest, routeEndRequest, routeUsedRequest...).
   * Returns false when the link is down.
   */
  notify<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>): boolean {
    const conn = this.conn;
    if (conn === undefined || !conn.isOpen || this.state !== 'associated') return false;
    return conn.send({ pdu: 'invoke', invokeId: this.pending.allocate(), operation, argument } as KnownInvoke);
  }

  /** Registers the handler for an operation the switch invokes (e.g. routeRequest). */
  handle<N extends OperationName>(operation: N, handler: InvokeHandler<N>): void {
    this.handlers.set(operation, handler as unknown as InvokeHandler<OperationName>);
  }

  /** Starts monitoring a device; events for it arrive as 'event' with this monitor. */
  async monitorStart(device: string | DeviceID, filter?: MonitorFilter): Promise<Monitor> {
    const deviceID = toDeviceID(device);
    const result = await this.request('monitorStart', {
      monitorObject: { deviceObject: deviceID },
      ...(filter === undefined ? {} : { requestedMonitorFilter: filter }),
    });
    const monitor: Monitor = { device: deviceKey(deviceID), deviceID, crossRefIdentifier: result.crossRefIdentifier, requestedFilter: filter };
    this.monitorTable.add(monitor);
    if (this.model !== undefined && this.options.snapshotOnMonitorStart === true) await this.resyncDevice(monitor);
    return monitor;
  }

  async monitorStop(monitor: Monitor): Promise<void> {
    this.monitorTable.remove(monitor.crossRefIdentifier);
    this.model?.forgetDevice(monitor.device);
    await this.request('monitorStop', { crossRefIdentifier: monitor.crossRefIdentifier });
  }

  /** Monitor of a device, if any. */
  monitorOf(device: string): Monitor | undefined {
    return this.monitorTable.forDevice(device);
  }

  // ---- connection life cycle -----------------------------------------------------------------

  private async connectOnce(attempt: number): Promise<void> {
    this.emit('status', { type: 'connecting', attempt });
    const socket = await this.openSocket();
    const conn = new CstaConnection(socket, this.codec);
    this.conn = conn;
    conn.on('pdu', (pdu) => this.onPdu(pdu));
    conn.on('frameError', (e, frame) => this.emit('protocolError', e, frame));
    conn.on('sendError', (e, pdu) => this.emit('sendError', e, pdu));
    conn.on('close', (error) => this.onConnectionClose(conn, error));
    await this.associate();
    this.startKeepAlive();
  }

  private openSocket(): Promise<net.Socket> {
    const { host, port } = this.options;
    const timeoutMs = this.options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
    return new Promise((resolve, reject) => {
      const socket = this.options.tls === undefined ? net.connect({ host, port }) : tls.connect({ host, port, ...this.options.tls });
      const readyEvent = this.options.tls === undefined ? 'connect' : 'secureConnect';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionClosedError(`connect to ${host}:${port} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once(readyEvent, () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        socket.removeListener('error', onError);
        resolve(socket);
      });
      const onError = (e: Error): void => {
        clearTimeout(timer);
        reject(new ConnectionClosedError(`connect to ${host}:${port} failed: ${e.message}`, { cause: e }));
      };
      socket.once('error', onError);
    });
  }

  private async associate(): Promise<void> {
    const mode = this.options.association ?? { kind: 'acse' };
    switch (mode.kind) {
      case 'acse': {
        const answer = await this.exchangeAcse(buildAarq(mode), 'aare', this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs);
        if (answer.pdu !== 'aare') throw new ConnectionClosedError(`association refused: ${answer.pdu}`);
        const outcome = readAare(answer);
        if (!outcome.accepted) {
          this.conn?.close(true);
          throw new ConnectionClosedError(`association rejected: ${outcome.reason}`);
        }
        this.versions = outcome.versions;
        return;
      }
      case 'systemRegister':
        this.state = 'connecting';
        await this.request('systemRegister', { requestTypes: ['systemStatus'] });
        return;
      case 'none':
        return;
      default: {
        const never: never = mode;
        throw new SessionStateError(`unknown association mode ${JSON.stringify(never)}`);
      }
    }
  }

  /** Sends an ACSE PDU and waits for the expected answer (or an ABRT). */
  private exchangeAcse(pdu: CstaPdu, expect: 'aare' | 'rlre', timeoutMs: number): Promise<CstaPdu> {
    const conn = this.conn;
    if (conn === undefined) return Promise.reject(new ConnectionClosedError('no connection'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acseWaiter = undefined;
        reject(new TimeoutError(expect, 0, timeoutMs));
      }, timeoutMs);
      this.acseWaiter = (answer) => {
        if (answer.pdu !== expect && answer.pdu !== 'abrt') return;
        clearTimeout(timer);
        this.acseWaiter = undefined;
        resolve(answer);
      };
      conn.send(pdu);
    });
  }

  private onConnectionClose(conn: CstaConnection, error: Error | undefined): void {
    if (conn !== this.conn) return;
    this.stopKeepAlive();
    this.pending.rejectAll(new ConnectionClosedError(error?.message ?? 'socket closed', { cause: error }));
    if (this.state === 'closing' || this.state === 'closed') return;
    if (this.state === 'connecting') return; // connectOnce's caller handles it
    this.scheduleReconnect(1, error);
  }

  private scheduleReconnect(attempt: number, error: Error | undefined): void {
    const delay = this.reconnectPolicy === false ? null : this.reconnectPolicy(attempt);
    if (delay === null) {
      this.finishClose(error ?? new ConnectionClosedError('link lost'));
      return;
    }
    this.state = 'reconnecting';
    this.emit('status', { type: 'reconnecting', attempt, delayMs: delay, error });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.state !== 'reconnecting') return;
      this.state = 'connecting';
      this.connectOnce(attempt)
        .then(() => this.restoreMonitors())
        .then(() => {
          if (this.state !== 'connecting') return;
          this.state = 'associated';
          this.emit('status', { type: 'associated', versions: this.versions, reconnected: true });
        })
        .catch((e: Error) => {
          if (this.state !== 'connecting') return;
          this.conn?.close(true);
          this.scheduleReconnect(attempt + 1, e);
        });
    }, delay);
  }

  /**
   * After a reconnect: start every monitor again (new cross references), then ask the switch
   * for each device's calls so the call model can drop calls that ended and add ones that began.
   */
  private async restoreMonitors(): Promise<void> {
    for (const m of this.monitorTable.all()) {
      const result = await this.request('monitorStart', {
        monitorObject: { deviceObject: m.deviceID },
        ...(m.requestedFilter === undefined ? {} : { requestedMonitorFilter: m.requestedFilter }),
      });
      this.monitorTable.rekey(m, result.crossRefIdentifier);
    }
    for (const m of this.monitorTable.all()) await this.resyncDevice(m);
  }

  /** snapshotDevice for one monitored device, applied to the model (events meanwhile win). */
  private async resyncDevice(m: Monitor): Promise<void> {
    const mark = this.model?.snapshotMark();
    try {
      const snapshot = await this.request('snapshotDevice', { snapshotObject: m.deviceID });
      const changes = this.model?.applySnapshot(m.device, snapshot, mark);
      if (changes !== undefined && changes.length > 0) this.emit('model', changes, m);
      this.emit('resync', m, snapshot, undefined);
    } catch (e) {
      this.emit('resync', m, undefined, e as Error);
    }
  }

  private finishClose(error: Error | undefined): void {
    this.stopKeepAlive();
    this.pending.rejectAll(new ConnectionClosedError('session closed'));
    this.state = 'closed';
    this.emit('status', { type: 'closed', error });
  }

  // ---- keep-alive ----------------------------------------------------------------------------

  private startKeepAlive(): void {
    const interval = this.options.keepAliveMs ?? DEFAULTS.keepAliveMs;
    if (interval <= 0) return;
    this.stopKeepAlive();
    this.keepAliveMissed = 0;
    this.keepAliveTimer = setInterval(() => this.keepAlive(interval), interval);
    this.keepAliveTimer.unref?.();
  }

  private stopKeepAlive(): void {
    if (this.keepAliveTimer !== undefined) clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
  }

  private keepAlive(interval: number): void {
    if (this.state !== 'associated') return;
    this.request('systemStatus', { systemStatus: 'normal' }, { timeoutMs: interval })
      .then(() => {
        if (this.keepAliveMissed > 0 && this.state === 'associated') {
          this.emit('status', { type: 'associated', versions: this.versions, reconnected: false });
        }
        this.keepAliveMissed = 0;
      })
      .catch((e: Error) => {
        if (!(e instanceof TimeoutError)) return;
        this.keepAliveMissed++;
        const limit = this.options.keepAliveMisses ?? DEFAULTS.keepAliveMisses;
        this.emit('status', { type: 'degraded', reason: `${this.keepAliveMissed} keep-alive(s) unanswered` });
        if (this.keepAliveMissed >= limit) this.conn?.close(true);
      });
  }

  // ---- incoming PDUs -------------------------------------------------------------------------

  private onPdu(pdu: CstaPdu): void {
    switch (pdu.pdu) {
      case 'invoke':
        this.onInvoke(pdu);
        return;
      case 'returnResult':
        if (pdu.invokeId === null || !this.pending.resolve(pdu.invokeId, 'result' in pdu ? pdu.result : undefined)) this.emit('unmatched', pdu);
        return;
      case 'returnError': {
        const id = pdu.invokeId;
        const op = id === null ? undefined : this.pending.operationOf(id);
        if (id === null || op === undefined) {
          this.emit('unmatched', pdu);
          return;
        }
        const failure = pdu.error === 'universalFailure' ? pdu.parameter : undefined;
        this.pending.reject(id, new RemoteOperationError(op, id, failure, pdu.error === 'unknown' ? JSON.stringify(pdu.errcode) : undefined));
        return;
      }
      case 'reject': {
        const id = pdu.invokeId;
        const op = id === null ? undefined : this.pending.operationOf(id);
        if (id === null || op === undefined) {
          this.emit('unmatched', pdu);
          return;
        }
        this.pending.reject(id, new RejectedError(op, id, pdu.problem));
        return;
      }
      case 'aare':
      case 'rlre':
        this.acseWaiter?.(pdu);
        return;
      case 'abrt':
        this.acseWaiter?.(pdu);
        this.conn?.close(true);
        return;
      case 'rlrq':
        this.conn?.send({ pdu: 'rlre', reason: 'normal' });
        this.conn?.close();
        return;
      case 'aarq':
        this.conn?.send({ pdu: 'abrt', 'abort-source': 'acse-service-user', 'abort-diagnostic': 'protocol-error' });
        return;
      default: {
        const never: never = pdu;
        throw new SessionStateError(`unhandled PDU ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * An invoke nobody handles. Operations that have no result (routeEndRequest, routeUsedRequest...)
   * expect no answer and are dropped; others are rejected (BER) or, since CSTA-XML has no reject,
   * answered with universalFailure serviceNotSupported.
   */
  private refuseInvoke(pdu: InvokePdu): void {
    if (pdu.operation !== 'unknown' && operationByName(pdu.operation)?.result === undefined) return;
    if (this.options.wire?.encoding === 'xml') {
      this.conn?.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: { operation: 'serviceNotSupported' } } as CstaPdu);
      return;
    }
    this.conn?.send({ pdu: 'reject', invokeId: pdu.invokeId, problem: { invoke: 'unrecognizedOperation' } });
  }

  private onInvoke(pdu: InvokePdu): void {
    const conn = this.conn;
    if (pdu.operation === 'cSTAEventReport') {
      const event = flattenEvent(pdu.argument as CSTAEventReportArgument);
      const monitor = this.monitorTable.byCrossRefId(event.crossRefIdentifier);
      this.emit('event', event, monitor);
      if (this.model !== undefined && monitor !== undefined) {
        const changes = this.model.apply(monitor.device, event);
        if (changes.length > 0) this.emit('model', changes, monitor);
      }
      return;
    }
    if (pdu.operation === 'systemStatus') {
      conn?.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'systemStatus', result: { noData: null } });
      return;
    }
    const handler = pdu.operation === 'unknown' ? undefined : this.handlers.get(pdu.operation);
    if (handler === undefined) {
      this.refuseInvoke(pdu);
      return;
    }
    const operation = pdu.operation as OperationName;
    Promise.resolve()
      .then(() => handler((pdu as KnownInvoke).argument as never, pdu))
      .then((result) => {
        if (result === undefined) return;
        conn?.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation, result } as CstaPdu);
      })
      .catch((e: unknown) => {
        const failure = e instanceof RemoteOperationError && e.failure !== undefined ? e.failure : { operation: 'generic' as const };
        conn?.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: failure } as CstaPdu);
      });
  }
}
