/**
 * CstaSession: one CTI link to a switch. Connects (TCP or TLS), sets up the association, sends
 * typed requests and correlates their answers, routes event reports to monitors, keeps the link
 * alive with systemStatus both ways, and reconnects — re-establishing monitors and resynchronising
 * with snapshotDevice — when the link drops. Keep-alive and reconnect scheduling live in
 * `link-maintenance.ts`, inbound invokes in `invoke-dispatch.ts`, separately sent snapshot data in
 * `snapshot-collector.ts`.
 */
import { vendorPdu } from '../../protocol/xml/vendor.js';
import type { VendorElement, VendorPdu } from '../../protocol/xml/vendor.js';
import { sessionOptionsForProfile } from './profiles.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { KnownInvoke } from '../../protocol/rose/pdu.js';
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import type { MonitorFilter, SnapshotDeviceData } from '../../protocol/csta/types/status-reporting.js';
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import { CstaConnection } from '../transport/connection.js';
import { createWireCodec } from '../transport/wire.js';
import '../transport/xml-wire.js';
import { XML_MAX_INVOKE_ID } from '../transport/xml-wire.js';
import type { WireCodec } from '../transport/wire.js';
import { ConnectionClosedError, InvokeIdsExhaustedError, RejectedError, RemoteOperationError, SessionStateError, UnexpectedResultError } from './errors.js';
import { PendingRequests } from './pending.js';
import { openSocket } from './open-socket.js';
import { DEFAULTS, exponentialBackoff } from './options.js';
import type { SessionEndpoint, SessionOptions } from './options.js';
import { createAssociation } from './association-factory.js';
import type { AssociationHost, AssociationStrategy } from './association-strategy.js';
import { ApplicationSessionAssociation } from './association-application-session.js';
import type { ApplicationSessionInfo } from './association-application-session.js';
import { isApplicationSessionRequest } from '../../protocol/ecma354/messages.js';
import type { ApplicationSessionMessage } from '../../protocol/ecma354/messages.js';
import type { CstaEvent } from './events.js';
import { MonitorTable, deviceKey, toDeviceID } from './monitors.js';
import type { Monitor } from './monitors.js';
import { CstaRequestMethods } from './requests.js';
import type { RequestOptions } from './requests.js';
import { CallModel } from './model/call-model.js';
import { KeepAlive, ReconnectScheduler } from './link-maintenance.js';
import { InvokeDispatcher } from './invoke-dispatch.js';
import { SnapshotDataCollector } from './snapshot-collector.js';
import type { InvokeHandler, SessionEvents } from './session-types.js';

export type { InvokeHandler, RequestSettled, SessionEvents, SessionStatus } from './session-types.js';
export type { RequestOptions } from './requests.js';

type State = 'idle' | 'connecting' | 'associated' | 'reconnecting' | 'closing' | 'closed';

/**
 * One CTI link to a switch (see the file header). Events: see `SessionEvents`.
 *
 * Following a call: there is no per-call event stream. Monitor the devices involved; every
 * 'event' carries the flattened event report (its `event` holds the ASN.1 fields, whose
 * ConnectionIDs name the callID), and, with the call model on (the default), every 'model'
 * emission lists `ModelChange`s that each carry the `callID` they concern (`callAdded`,
 * `connectionChanged`, `callRemoved`...). Filter those by callID, and read the call's current
 * state at any time with `session.model.call(callID)` (connections, their states, devices). After
 * a reconnect the 'model' changes of the resync say which calls ended or began meanwhile.
 */
/** The options with a vendor profile's settings filled in under the explicit ones. */
function withProfile(options: SessionOptions): SessionOptions {
  if (options.profile === undefined) return options;
  const { profile, credentials, ...rest } = options;
  const explicit = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<SessionOptions>;
  return sessionOptionsForProfile(profile, { host: options.host, port: options.port, ...(options.tls === undefined ? {} : { tls: options.tls }) }, credentials ?? {}, explicit);
}

/** Prefix of the pending-request name of a vendor request. */
const VENDOR_REQUEST = 'vendor:';

export class CstaSession extends CstaRequestMethods<SessionEvents> {
  readonly options: SessionOptions;
  private readonly codec: WireCodec;
  private readonly pending: PendingRequests;
  private readonly monitorTable = new MonitorTable();
  private readonly snapshots: SnapshotDataCollector;
  private readonly invokes: InvokeDispatcher;
  private readonly keepAlive: KeepAlive;
  private readonly reconnects: ReconnectScheduler;
  private conn: CstaConnection | undefined;
  private state: State = 'idle';
  /** The association mode's strategy (ACSE, systemRegister, none, ECMA-354 application session). */
  private readonly association: AssociationStrategy;
  private readonly associationHost: AssociationHost;
  /**
   * Calls, connections and agent states of the monitored devices (ECMA-269 connection state
   * model), kept from events and resynchronised with snapshotDevice after a reconnect; undefined
   * when the options say `model: false`.
   */
  readonly model: CallModel | undefined;
  /** CSTA versions agreed at association (ACSE only). */
  versions: CSTAVersion | undefined;
  /** The primary endpoint then the alternates (failover rotation). */
  private readonly endpoints: readonly SessionEndpoint[];
  /** Index in `endpoints` of the one connected (or being connected) to. */
  private endpointIndex = 0;
  /** Frames of the links closed so far (the open one counts its own). */
  private framesClosed = { framesIn: 0, framesOut: 0 };

  constructor(given: SessionOptions) {
    super();
    const options = withProfile(given);
    this.options = options;
    this.endpoints = [{ host: options.host, port: options.port, ...(options.tls === undefined ? {} : { tls: options.tls }) }, ...(options.alternates ?? [])];
    this.codec = createWireCodec(options.wire, options.limits);
    this.pending = new PendingRequests(options.invokeIdRange ?? (options.wire?.encoding === 'xml' ? { min: 1, max: XML_MAX_INVOKE_ID } : undefined));
    this.model = options.model === false ? undefined : new CallModel(options.model);
    this.snapshots = new SnapshotDataCollector(options.maxSnapshotEntries ?? DEFAULTS.maxSnapshotEntries);
    this.invokes = new InvokeDispatcher({
      xml: options.wire?.encoding === 'xml',
      snapshots: this.snapshots,
      eventReport: (event) => this.onEventReport(event),
    });
    this.keepAlive = new KeepAlive(
      {
        associated: () => this.state === 'associated',
        ping: (timeoutMs) => this.request('systemStatus', { systemStatus: 'normal' }, { timeoutMs }),
        degraded: (missed) => this.emit('status', { type: 'degraded', reason: `${missed} keep-alive(s) unanswered` }),
        recovered: () => this.emit('status', { type: 'associated', versions: this.versions, reconnected: false }),
        dropLink: () => this.conn?.close(true),
      },
      options.keepAliveMs ?? DEFAULTS.keepAliveMs,
      options.keepAliveMisses ?? DEFAULTS.keepAliveMisses,
    );
    this.association = createAssociation(options.association ?? { kind: 'acse' }, { keepAliveMisses: options.keepAliveMisses ?? DEFAULTS.keepAliveMisses });
    this.associationHost = {
      link: () => this.conn,
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      request: (operation, argument, opts) => this.request(operation, argument, opts),
      sessionRequest: (message, opts) => this.applicationSessionRequest(message, opts?.timeoutMs, opts?.namespace),
      vendorRequest: (element, opts) => this.vendorRequest(element, opts?.timeoutMs),
      dropLink: () => this.conn?.close(true),
      degraded: (reason) => this.emit('status', { type: 'degraded', reason }),
      recovered: () => this.emit('status', { type: 'associated', versions: this.versions, reconnected: false }),
    };
    this.reconnects = new ReconnectScheduler(options.reconnect === undefined ? exponentialBackoff() : options.reconnect, {
      scheduled: (attempt, delayMs, error) => {
        this.state = 'reconnecting';
        this.emit('status', { type: 'reconnecting', attempt, delayMs, error });
      },
      gaveUp: (error) => this.finishClose(error ?? new ConnectionClosedError('link lost')),
      attempt: (attempt) => this.reconnectAttempt(attempt),
      failed: (attempt, error) => {
        if (this.state !== 'connecting') return;
        this.conn?.close(true);
        this.reconnects.schedule(attempt + 1, error);
      },
    });
  }

  get isAssociated(): boolean {
    return this.state === 'associated';
  }

  get monitors(): readonly Monitor[] {
    return this.monitorTable.all();
  }

  /** The ECMA-354 application session of the current link (association mode `applicationSession`), if up. */
  get applicationSession(): ApplicationSessionInfo | undefined {
    return this.association instanceof ApplicationSessionAssociation ? this.association.info : undefined;
  }

  /** The endpoint connected to (or being connected to): the primary, or one of `alternates`. */
  get currentEndpoint(): SessionEndpoint {
    return this.endpoints[this.endpointIndex]!;
  }

  /** Frames received and sent on every link of this session so far (metrics). */
  get frameCounts(): { readonly framesIn: number; readonly framesOut: number } {
    const c = this.conn?.isOpen === true ? this.conn : undefined;
    return { framesIn: this.framesClosed.framesIn + (c?.framesIn ?? 0), framesOut: this.framesClosed.framesOut + (c?.framesOut ?? 0) };
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Connects and associates: the primary endpoint, then each of `alternates` once; rejects with the last failure (no retry). */
  async connect(): Promise<void> {
    if (this.state !== 'idle' && this.state !== 'closed') throw new SessionStateError(`connect() while ${this.state}`);
    this.state = 'connecting';
    // Each endpoint once, from the primary; the last failure is the one reported.
    for (let i = 0; ; i++) {
      this.endpointIndex = i;
      try {
        await this.connectOnce(1, false);
        break;
      } catch (e) {
        this.conn?.close(true); // an association that timed out or failed leaves no link open
        this.association.linkLost();
        if (i + 1 < this.endpoints.length && this.state === 'connecting') continue;
        this.state = 'closed';
        throw e;
      }
    }
    this.state = 'associated';
    this.emit('status', { type: 'associated', versions: this.versions, reconnected: false });
  }

  /** Orderly release (RLRQ/RLRE for ACSE, StopApplicationSession), then closes. Pending requests are rejected. */
  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'idle') return;
    const wasAssociated = this.state === 'associated';
    this.state = 'closing';
    this.keepAlive.stop();
    this.reconnects.cancel();
    const conn = this.conn;
    if (conn !== undefined && conn.isOpen) {
      if (wasAssociated) await this.association.release(this.associationHost);
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
    const timeoutMs = this.timeoutFor(operation, options);
    const invokeId = this.pending.tryAllocate();
    if (invokeId === undefined) return Promise.reject(new InvokeIdsExhaustedError(operation, this.pending.capacity));
    const promise = this.pending.track<ResultOf<OperationNamed<N>>>(invokeId, operation, timeoutMs, this.options.asyncStackTraces ?? true);
    // A value that does not encode rejects at once with its EncodeError (also reported as sendError).
    const failure = conn.trySend({ pdu: 'invoke', invokeId, operation, argument } as KnownInvoke);
    if (failure !== undefined) this.pending.reject(invokeId, failure === 'closed' ? new ConnectionClosedError(`${operation} not sent: link closed`) : failure);
    if (this.listenerCount('requestSettled') > 0) this.reportSettled(promise, operation, invokeId, argument);
    return promise;
  }

  /** Emits 'requestSettled' when the request settles. */
  private reportSettled(promise: Promise<unknown>, operation: string, invokeId: number, argument: unknown): void {
    const started = performance.now();
    const settled = (error: Error | undefined): void => {
      this.emit('requestSettled', { operation, invokeId, argument, durationMs: performance.now() - started, error });
    };
    promise.then(
      () => settled(undefined),
      (e: unknown) => settled(e instanceof Error ? e : new Error(String(e))),
    );
  }

  /**
   * Sends an invoke that has no reply (routeSelectRequest, routeEndRequest, routeUsedRequest...).
   * Returns false when the link is down, or when every invoke id is taken by a request in flight
   * (an id shared with one would make its answer ambiguous).
   */
  notify<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>): boolean {
    const conn = this.conn;
    if (conn === undefined || !conn.isOpen || this.state !== 'associated') return false;
    const invokeId = this.pending.tryAllocate();
    if (invokeId === undefined) return false;
    return conn.send({ pdu: 'invoke', invokeId, operation, argument } as KnownInvoke);
  }

  /** Registers the handler for an operation the switch invokes (e.g. routeRequest). */
  handle<N extends OperationName>(operation: N, handler: InvokeHandler<N>): void {
    this.invokes.handle(operation, handler);
  }

  /**
   * snapshotDevice, returning the device's calls whichever way the switch answers: inline
   * `snapshotData`, or a serviceCrossRefID followed by snapshotDeviceData segments, collected until
   * the last one. The result and then the last segment must each come within the request's
   * timeout (`options.timeoutMs`, else the session's for snapshotDevice; TimeoutError otherwise); past `maxSnapshotEntries` entries,
   * SnapshotTooLargeError.
   */
  async snapshotDeviceData(device: string | DeviceID, options: RequestOptions = {}): Promise<SnapshotDeviceData> {
    return (await this.snapshotInline(toDeviceID(device), options)).crossRefIDorSnapshotData.snapshotData;
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

  private timeoutFor(operation: OperationName, options: RequestOptions): number {
    return options.timeoutMs ?? this.options.operationTimeoutsMs?.[operation] ?? this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  }

  /** Opens a link and associates; resolves with whether the switch kept the monitors (resumed session). */
  private async connectOnce(attempt: number, reconnect: boolean): Promise<boolean> {
    const endpoint = this.currentEndpoint;
    this.emit('status', { type: 'connecting', attempt, endpoint: `${endpoint.host}:${endpoint.port}` });
    const socket = await openSocket({ host: endpoint.host, port: endpoint.port, tls: endpoint.tls ?? this.options.tls }, this.options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs);
    const conn = new CstaConnection(socket, this.codec);
    this.conn = conn;
    // One reply function per link (answers go back on the link the invoke came in on), not one per invoke.
    const reply = (answer: CstaPdu): void => void conn.send(answer);
    conn.on('pdu', (pdu) => this.onPdu(pdu, conn, reply));
    conn.on('frameError', (e, frame) => this.emit('protocolError', e, frame));
    conn.on('sendError', (e, pdu) => this.emit('sendError', e, pdu));
    conn.on('close', (error) => {
      this.framesClosed = { framesIn: this.framesClosed.framesIn + conn.framesIn, framesOut: this.framesClosed.framesOut + conn.framesOut };
      this.onConnectionClose(conn, error);
    });
    const result = await this.association.associate(this.associationHost, reconnect);
    if (result.versions !== undefined) this.versions = result.versions;
    if (this.association.systemStatusKeepAlive) this.keepAlive.start();
    return result.monitorsKept;
  }

  /** An ECMA-354 request on the current link, correlated by invoke id like any request. */
  private applicationSessionRequest(message: ApplicationSessionMessage, timeoutMs: number | undefined, namespace: string | undefined): Promise<ApplicationSessionMessage> {
    const conn = this.conn;
    if (conn === undefined || !conn.isOpen) return Promise.reject(new ConnectionClosedError(`cannot send ${message.kind}: no link`));
    const invokeId = this.pending.allocate();
    const promise = this.pending.track<ApplicationSessionMessage>(invokeId, message.kind, timeoutMs ?? this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs, this.options.asyncStackTraces ?? true);
    const failure = conn.trySend({ pdu: 'applicationSession', invokeId, message, ...(namespace === undefined ? {} : { namespace }) });
    if (failure !== undefined) this.pending.reject(invokeId, failure === 'closed' ? new ConnectionClosedError(`${message.kind} not sent: link closed`) : failure);
    return promise;
  }

  /**
   * A vendor message on the current link, answered by the vendor message with its invoke id
   * (Zultys login). Tracked as `vendor:<root>` among the pending requests.
   */
  vendorRequest(element: VendorElement, timeoutMs?: number): Promise<VendorPdu> {
    const root = element.name;
    const conn = this.conn;
    if (conn === undefined || !conn.isOpen) return Promise.reject(new ConnectionClosedError(`cannot send ${root}: no link`));
    const invokeId = this.pending.allocate();
    const promise = this.pending.track<VendorPdu>(invokeId, `${VENDOR_REQUEST}${root}`, timeoutMs ?? this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs, this.options.asyncStackTraces ?? true);
    const failure = conn.trySend(vendorPdu(invokeId, element));
    if (failure !== undefined) this.pending.reject(invokeId, failure === 'closed' ? new ConnectionClosedError(`${root} not sent: link closed`) : failure);
    return promise;
  }

  private onConnectionClose(conn: CstaConnection, error: Error | undefined): void {
    if (conn !== this.conn) return;
    this.keepAlive.stop();
    this.association.linkLost();
    const lost = new ConnectionClosedError(error?.message ?? 'socket closed', { cause: error });
    this.pending.rejectAll(lost);
    this.snapshots.rejectAll(lost);
    if (this.state === 'closing' || this.state === 'closed') return;
    if (this.state === 'connecting') return; // connectOnce's caller handles it
    this.reconnects.schedule(1, error);
  }

  /** One reconnect attempt: connect, associate, restore the monitors, resynchronise. */
  private async reconnectAttempt(attempt: number): Promise<void> {
    if (this.state !== 'reconnecting') return;
    this.state = 'connecting';
    this.endpointIndex = (this.endpointIndex + 1) % this.endpoints.length;
    const kept = await this.connectOnce(attempt, true);
    await this.restoreMonitors(kept);
    if (this.state !== 'connecting') return;
    this.state = 'associated';
    this.emit('status', { type: 'associated', versions: this.versions, reconnected: true });
  }

  /**
   * After a reconnect: start every monitor again (new cross references) unless the switch kept
   * them (`kept`: an application session resumed or its monitors transferred), then ask the
   * switch for each device's calls so the call model can drop calls that ended and add ones that
   * began.
   */
  private async restoreMonitors(kept: boolean): Promise<void> {
    for (const m of kept ? [] : this.monitorTable.all()) {
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
      const snapshot = await this.snapshotInline(m.deviceID, {});
      const changes = this.model?.applySnapshot(m.device, snapshot.crossRefIDorSnapshotData.snapshotData, mark);
      if (changes !== undefined && changes.length > 0) this.emit('model', changes, m);
      this.emit('resync', m, snapshot, undefined);
    } catch (e) {
      this.emit('resync', m, undefined, e as Error);
    }
  }

  /**
   * snapshotDevice with the data inline: the switch's result as is when it carried snapshotData,
   * else one rebuilt from the collected snapshotDeviceData segments. The collection was opened in
   * `onPdu` when the result arrived, so no segment read right after it is missed.
   */
  private async snapshotInline(deviceID: DeviceID, options: RequestOptions): Promise<SnapshotInline> {
    const result = await this.request('snapshotDevice', { snapshotObject: deviceID }, options);
    const answer = result.crossRefIDorSnapshotData;
    if ('snapshotData' in answer) return result as SnapshotInline;
    if (!('serviceCrossRefID' in answer)) throw new UnexpectedResultError('snapshotDevice', 'unknown crossRefIDorSnapshotData alternative');
    const data = await this.snapshots.collected(answer.serviceCrossRefID);
    return { crossRefIDorSnapshotData: { snapshotData: data } };
  }

  private finishClose(error: Error | undefined): void {
    this.keepAlive.stop();
    this.association.linkLost();
    this.pending.rejectAll(new ConnectionClosedError('session closed'));
    this.snapshots.rejectAll(new ConnectionClosedError('session closed'));
    this.state = 'closed';
    this.emit('status', { type: 'closed', error });
  }

  /**
   * How this session's OCTET STRING values carry text (agent IDs, call data): `hex` (the octets)
   * on BER, `text` (as the PBX wrote it) on XML. See docs/xml.md, "Identifiers".
   */
  get octetStrings(): 'hex' | 'text' {
    return this.options.wire?.encoding === 'xml' ? 'text' : 'hex';
  }

  // ---- incoming PDUs -------------------------------------------------------------------------

  private onPdu(pdu: CstaPdu, conn: CstaConnection, reply: (answer: CstaPdu) => void): void {
    switch (pdu.pdu) {
      case 'invoke':
        this.invokes.dispatch(pdu, reply);
        return;
      case 'returnResult': {
        const result = 'result' in pdu ? pdu.result : undefined;
        // The result must be of the request's operation (ReplyMismatchError otherwise).
        const operation = 'operation' in pdu ? String(pdu.operation) : undefined;
        if (pdu.invokeId !== null && this.pending.matches(pdu.invokeId, operation)) this.openSnapshotCollection(pdu.invokeId, result);
        if (pdu.invokeId === null || !this.pending.settleResult(pdu.invokeId, operation, result)) this.emit('unmatched', pdu);
        return;
      }
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
        this.association.deliver(pdu, this.associationHost);
        return;
      case 'abrt':
        this.association.deliver(pdu, this.associationHost);
        this.conn?.close(true);
        return;
      case 'rlrq':
        this.conn?.send({ pdu: 'rlre', reason: 'normal' });
        this.conn?.close();
        return;
      case 'aarq':
        this.conn?.send({ pdu: 'abrt', 'abort-source': 'acse-service-user', 'abort-diagnostic': 'protocol-error' });
        return;
      case 'vendor':
        // The answer to a vendorRequest (same invoke id), else a vendor message for the application.
        if (typeof pdu.invokeId === 'number' && this.pending.operationOf(pdu.invokeId)?.startsWith(VENDOR_REQUEST) === true) {
          this.pending.resolve(pdu.invokeId, pdu);
          return;
        }
        this.emit('vendor', pdu);
        return;
      case 'applicationSession': {
        // An answer to one of our ECMA-354 requests (tracked under the request's kind), else a notice.
        const op = pdu.invokeId === null ? undefined : this.pending.operationOf(pdu.invokeId);
        if (pdu.invokeId !== null && op !== undefined && !isApplicationSessionRequest(pdu.message) && pdu.message.kind.startsWith(op)) {
          this.pending.resolve(pdu.invokeId, pdu.message);
          return;
        }
        this.association.deliver(pdu, this.associationHost);
        return;
      }
      default: {
        const never: never = pdu;
        throw new SessionStateError(`unhandled PDU ${JSON.stringify(never)}`);
      }
    }
  }

  /** A pending snapshotDevice answered with a serviceCrossRefID: start collecting its segments now. */
  private openSnapshotCollection(invokeId: number, result: unknown): void {
    if (this.pending.operationOf(invokeId) !== 'snapshotDevice') return;
    const answer: unknown = (result as Partial<SnapshotDeviceResult> | undefined)?.crossRefIDorSnapshotData;
    if (typeof answer !== 'object' || answer === null || !('serviceCrossRefID' in answer) || typeof answer.serviceCrossRefID !== 'string') return;
    this.snapshots.expect(answer.serviceCrossRefID, invokeId, this.pending.timeoutOf(invokeId) ?? this.timeoutFor('snapshotDevice', {}));
  }

  /** An event report: to its monitor's listeners and, for a monitored device, the call model. */
  private onEventReport(event: CstaEvent): void {
    const monitor = this.monitorTable.byCrossRefId(event.crossRefIdentifier);
    this.emit('event', event, monitor);
    if (this.model !== undefined && monitor !== undefined) {
      const changes = this.model.apply(monitor.device, event);
      if (changes.length > 0) this.emit('model', changes, monitor);
    }
  }
}

/** A snapshotDevice result carrying its data inline. */
type SnapshotInline = SnapshotDeviceResult & { readonly crossRefIDorSnapshotData: { readonly snapshotData: SnapshotDeviceData } };
