/**
 * PbxSimulator: an embedded PBX (the switch side of a CSTA link) for tests, demos and benchmarks.
 * A TCP (or TLS) server speaking the same wire as CstaSession (BER with any framing, or ECMA-323
 * XML with the 8-byte header); it accepts ACSE (AARQ/AARE, with an optional password),
 * systemRegister, ECMA-354 application sessions (XML; application-sessions.ts) or no association, releases with RLRQ/RLRE, keeps the link alive with
 * systemStatus both ways, answers every CSTA request from its switch model and reports the
 * resulting ECMA-269 events to every monitor of each device involved. Scenarios (far-end actions
 * as data) and faults (raw bytes, dropped links, paused replies, event floods) drive it in tests.
 */
import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { InvokePdu, KnownInvoke } from '../../protocol/rose/pdu.js';
import type { AarqPdu } from '../../protocol/acse/pdu.js';
import type { SystemStatus } from '../../protocol/csta/types/device-feature-types.js';
import { CstaConnection } from '../transport/connection.js';
import { createWireCodec } from '../transport/wire.js';
import type { WireCodec, WireFormat } from '../transport/wire.js';
import '../transport/xml-wire.js';
import { eventReportArgument } from '../session/events.js';
import type { KnownCstaEvent } from '../session/events.js';
import { Agents } from './agents.js';
import { ApplicationSessions } from './application-sessions.js';
import { answerVendorMessage, withEventPrivateData } from './dialect.js';
import { credentialsOfAuthentication } from '../../protocol/acse/authentication.js';
import type { DialectCounters, SimDialectOptions } from './dialect.js';
import type { MonitorLimits } from './monitors.js';
import type { SimApplicationSessionOptions } from './application-sessions.js';
import { CallFeatures } from './call-features.js';
import { SimClient } from './client.js';
import type { AssociationKind } from './client.js';
import { CstaFailure, SimulatorStateError } from './errors.js';
import { passesFilter } from './event-sink.js';
import type { DeviceEvent, EventSink } from './event-sink.js';
import { floodDevice, injectRawBytes } from './faults.js';
import { SwitchMonitors } from './monitors.js';
import { NO_REPLY, handleRequest } from './request-handlers.js';
import { HexIds, extDev } from './identifiers.js';
import type { HandlerContext } from './request-handlers.js';
import { Router } from './routing.js';
import type { SnapshotDeviceMode } from './snapshots.js';
import { ScenarioRunner } from './scenarios.js';
import type { RunScenarioOptions, Scenario, ScenarioRun } from './scenarios.js';
import { DEFAULT_DIAL_PLAN, SwitchState, defaultDevices } from './switch-state.js';
import type { DeviceConfig, DialPlan } from './switch-state.js';

/** Options of `new PbxSimulator(options)`. */
export interface PbxSimulatorOptions {
  /** @default { encoding: 'ber', framing: 'length16' } */
  readonly wire?: WireFormat;
  /** Association modes accepted. @default ['acse', 'systemRegister', 'none', 'applicationSession'] */
  readonly association?: readonly AssociationKind[];
  /** When set, an AARQ must carry this password (calling-authentication-value charstring, or HiPath's name-and-password EXTERNAL). */
  readonly password?: string;
  /** When set, the AARQ's name-and-password EXTERNAL must carry this name (HiPath). */
  readonly authenticationName?: string;
  /** Interval of the switch's own systemStatus invokes (0 = none). @default 0 */
  readonly keepAliveMs?: number;
  /** Devices of the switch. @default defaultDevices() */
  readonly devices?: readonly DeviceConfig[];
  /** @default 4-digit numbers internal, anything else external */
  readonly dialPlan?: DialPlan;
  /** How long a routeRequest waits for routeSelect before the default route. @default 5000 */
  readonly routeTimeoutMs?: number;
  /** Stations accept further calls while on a call (call waiting). @default false */
  readonly callWaiting?: boolean;
  /** Serve TLS with these options instead of plain TCP. */
  readonly tls?: tls.TlsOptions;
  /**
   * After an answered ACD call agents go to workingAfterCall (agentWorkingAfterCall) instead of
   * back to ready; a station's DeviceConfig.afterCallWork overrides it. @default false
   */
  readonly afterCallWork?: boolean;
  /**
   * How snapshotDevice answers: `inline` (snapshotData in the result) or `data` (a
   * serviceCrossRefID in the result, then snapshotDeviceData invokes with the entries). @default 'inline'
   */
  readonly snapshotDeviceMode?: SnapshotDeviceMode;
  /** Entries per snapshotDeviceData invoke in `data` mode. @default 2 */
  readonly snapshotChunkSize?: number;
  /** How ECMA-354 application sessions are served (durations, resume, login). @default {} */
  readonly applicationSession?: SimApplicationSessionOptions;
  /** A vendor's habits: event invoke ids, private data on events, Zultys login (dialect.ts). @default {} */
  readonly dialect?: SimDialectOptions;
  /** Bounds on monitors per client and per device (past them, performanceLimitExceeded). */
  readonly monitorLimits?: MonitorLimits;
  /** Close a client link that has carried nothing for this long (0 = never). @default 0 */
  readonly idleClientTimeoutMs?: number;
}

/** Events a PbxSimulator emits (for tests and diagnostics). */
export interface SimulatorEvents {
  /** A client connected. */
  client: [clientId: number];
  /** A client associated (AARQ accepted, systemRegister, or its first request without association). */
  associated: [clientId: number, kind: AssociationKind];
  /** A client's link closed. */
  clientClosed: [clientId: number];
  /** A request arrived (after association). */
  request: [clientId: number, operation: string];
}

/** The embedded PBX: server, switch model, request handling, event fan-out, scenarios and faults. */
export class PbxSimulator extends EventEmitter<SimulatorEvents> implements EventSink {
  readonly options: PbxSimulatorOptions;
  readonly state: SwitchState;
  readonly engine: CallFeatures;
  readonly monitors: SwitchMonitors;
  readonly router: Router;
  readonly agents: Agents;
  /** ECMA-354 application sessions (XML links). */
  readonly applicationSessions: ApplicationSessions;
  /** What requestSysStat answers. */
  systemStatus: SystemStatus = 'normal';
  private readonly server: net.Server;
  private readonly clients = new Map<number, SimClient>();
  private nextClientId = 1;
  private readonly sysRegIds = new HexIds();
  private readonly serviceCrossRefIds = new HexIds();
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  private eventBuffer: { device: string; event: DeviceEvent }[] | undefined;
  private paused: { client: SimClient; pdu: InvokePdu }[] | undefined;
  private listening = false;
  /** Event reports sent, for diagnostics and benchmarks. */
  eventsSent = 0;
  /** Non-CSTA (vendor) XML messages received from clients. */
  vendorMessagesReceived = 0;
  /** The dialect's vendor messages: logins, refused logins, keep-alives. */
  readonly dialectCounters: DialectCounters = { logins: 0, loginFailures: 0, keepalives: 0 };
  /** Answers received to the switch's own invokes (keep-alives, routeRequest...). */
  repliesReceived = 0;

  constructor(options: PbxSimulatorOptions = {}) {
    super();
    this.monitors = new SwitchMonitors(options.monitorLimits);
    this.options = options;
    this.clientCodec(); // fail at construction for a wire the switch cannot serve
    this.state = new SwitchState(options.devices ?? defaultDevices(), options.dialPlan ?? DEFAULT_DIAL_PLAN);
    this.state.callWaiting = options.callWaiting ?? false;
    this.engine = new CallFeatures(this.state, this);
    this.agents = new Agents(this.engine, this, { afterCallWork: options.afterCallWork ?? false });
    if (options.snapshotChunkSize !== undefined && (!Number.isInteger(options.snapshotChunkSize) || options.snapshotChunkSize < 1)) {
      throw new SimulatorStateError(`snapshotChunkSize must be a positive integer, got ${options.snapshotChunkSize}`);
    }
    this.router = new Router(this.engine, this.monitors, (id, pdu) => this.clients.get(id)?.send(pdu) ?? false, (id) => this.clients.get(id)?.nextInvokeId() ?? 1, options.routeTimeoutMs ?? 5000);
    // After the current request's reply and events have gone out.
    this.engine.hooks = { routeRequested: (call, rp) => queueMicrotask(() => this.router.requested(call, rp)) };
    this.applicationSessions = new ApplicationSessions(options.applicationSession ?? {}, {
      monitors: this.monitors,
      client: (id) => this.clients.get(id),
      associated: (client) => {
        if (this.accepts('applicationSession')) this.associate(client, 'applicationSession');
      },
    });
    const onSocket = (socket: net.Socket): void => this.accept(socket);
    this.server = options.tls === undefined ? net.createServer(onSocket) : tls.createServer(options.tls, onSocket);
  }

  /** Starts listening; resolves with the port (an ephemeral one for port 0). */
  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    if (this.listening) throw new SimulatorStateError('listen() called twice');
    this.listening = true;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const interval = this.options.keepAliveMs ?? 0;
    if (interval > 0) {
      this.keepAliveTimer = setInterval(() => this.sendKeepAlives(), interval);
      this.keepAliveTimer.unref?.();
    }
    return this.port;
  }

  get port(): number {
    const a = this.server.address();
    return a !== null && typeof a === 'object' ? a.port : 0;
  }

  /** Stops listening and drops every client. */
  async close(): Promise<void> {
    if (this.keepAliveTimer !== undefined) clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
    this.applicationSessions.closeAll();
    this.dropClients();
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Drops every client link at once (the server keeps listening; calls stay up). */
  dropClients(): void {
    for (const c of this.clients.values()) c.conn.close(true);
  }

  /** Takes a device out of service (or back): outOfService / backInService to its monitors. */
  setOutOfService(device: string, outOfService: boolean): void {
    const d = this.state.device(device);
    if (d.outOfService === outOfService) return;
    d.outOfService = outOfService;
    this.report(device, { category: 'deviceMaintenanceEvents', type: outOfService ? 'outOfService' : 'backInService', event: { device: extDev(device) } });
  }

  /**
   * Ends an application session from the switch side ("session lost"): ApplicationSessionTerminated
   * on its link, which is then closed; its monitors are dropped. False if there is none.
   */
  terminateApplicationSession(sessionID: string, reason: 'sessionTimerExpired' | 'resourceLimitation' = 'resourceLimitation'): boolean {
    return this.applicationSessions.terminate(sessionID, reason);
  }

  /** Clients currently connected. */
  get clientCount(): number {
    return this.clients.size;
  }

  // ---- faults ----------------------------------------------------------------------------------

  /** Writes raw bytes to every client (malformed frames for robustness tests). */
  injectRaw(bytes: Uint8Array): number {
    return injectRawBytes([...this.clients.values()], bytes);
  }

  /** Holds every reply until resume() (requests queue up unanswered). */
  pause(): void {
    this.paused ??= [];
  }

  /** Answers the requests held since pause(), in order, and answers at once again. */
  resume(): void {
    const held = this.paused ?? [];
    this.paused = undefined;
    for (const { client, pdu } of held) this.onInvoke(client, pdu);
  }

  /** Sends `n` event reports for `device` to each of its monitors as fast as the sockets take them. */
  flood(n: number, device: string): Promise<number> {
    const targets = this.monitors.of(device).flatMap((m) => {
      const client = this.clients.get(m.clientId);
      return client === undefined ? [] : [{ client, crossRefIdentifier: m.crossRefIdentifier }];
    });
    return floodDevice(targets, n, device).then((sent) => {
      this.eventsSent += sent;
      return sent;
    });
  }

  // ---- scenarios -------------------------------------------------------------------------------

  /** Plays a scenario's switch-side steps; see scenarios.ts. */
  runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
    return new ScenarioRunner(this, scenario, options).run();
  }

  // ---- events ----------------------------------------------------------------------------------

  /** EventSink: sends the event to every monitor of `device` whose filter lets it pass. */
  report(device: string, event: DeviceEvent): void {
    if (this.eventBuffer !== undefined) {
      this.eventBuffer.push({ device, event });
      return;
    }
    const dialect = this.options.dialect;
    const priv = dialect?.eventPrivateData;
    // The dialect's private data is added once per event, for the monitors on XML links.
    let withPrivate: unknown;
    for (const m of this.monitors.of(device)) {
      if (!passesFilter(m.filter, event.category, event.type)) continue;
      const client = this.clients.get(m.clientId);
      if (client === undefined) continue;
      let fields: unknown = event.event;
      if (priv !== undefined && client.conn.codec.format.encoding === 'xml') {
        withPrivate ??= withEventPrivateData(event.event as Record<string, unknown>, typeof priv === 'string' ? priv : priv(event.type));
        fields = withPrivate;
      }
      const argument = eventReportArgument({ ...event, event: fields, crossRefIdentifier: m.crossRefIdentifier } as KnownCstaEvent);
      const invokeId = dialect?.eventInvokeId ?? client.nextInvokeId();
      if (client.send({ pdu: 'invoke', invokeId, operation: 'cSTAEventReport', argument })) this.eventsSent++;
    }
  }

  // ---- links -----------------------------------------------------------------------------------

  /** The wire codec for one client link, as the switch's end. */
  private clientCodec(): WireCodec {
    const wire = this.options.wire;
    return createWireCodec(wire?.encoding === 'xml' ? { ...wire, dialect: { ...wire.dialect, side: 'switch' } } : wire);
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const idle = this.options.idleClientTimeoutMs ?? 0;
    if (idle > 0) socket.setTimeout(idle, () => socket.destroy());
    // A codec per client: an XML wire keeps per-link state (the peer's namespace, requestIDs).
    const client = new SimClient(this.nextClientId++, new CstaConnection(socket, this.clientCodec()));
    this.clients.set(client.id, client);
    client.conn.on('pdu', (pdu) => this.onPdu(client, pdu));
    client.conn.on('close', () => {
      this.clients.delete(client.id);
      // An application session lives on without its link (until resumed, transferred or expired).
      if (!this.applicationSessions.detach(client.id)) this.monitors.dropClient(client.id);
      this.router.dropClient(client.id);
      this.emit('clientClosed', client.id);
    });
    this.emit('client', client.id);
  }

  private accepts(kind: AssociationKind): boolean {
    return (this.options.association ?? ['acse', 'systemRegister', 'none', 'applicationSession']).includes(kind);
  }

  private associate(client: SimClient, kind: AssociationKind): void {
    client.association = kind;
    this.emit('associated', client.id, kind);
  }

  private onPdu(client: SimClient, pdu: CstaPdu): void {
    switch (pdu.pdu) {
      case 'aarq':
        this.onAarq(client, pdu);
        return;
      case 'rlrq':
        client.send({ pdu: 'rlre', reason: 'normal' });
        client.association = undefined;
        client.conn.close();
        return;
      case 'abrt':
        client.conn.close(true);
        return;
      case 'aare':
      case 'rlre':
        client.send({ pdu: 'abrt', 'abort-source': 'acse-service-user', 'abort-diagnostic': 'protocol-error' });
        return;
      case 'invoke':
        if (!client.associated) {
          if (pdu.operation === 'systemRegister' && this.accepts('systemRegister')) this.associate(client, 'systemRegister');
          else if (this.accepts('none') && this.options.dialect?.zultysLogin === undefined) this.associate(client, 'none');
          else {
            client.send({ pdu: 'abrt', 'abort-source': 'acse-service-user', 'abort-diagnostic': 'protocol-error' });
            client.conn.close();
            return;
          }
        }
        if (this.paused !== undefined && pdu.operation !== 'systemStatus') this.paused.push({ client, pdu });
        else this.onInvoke(client, pdu);
        return;
      case 'returnResult':
      case 'returnError':
      case 'reject':
        this.repliesReceived++; // answers to the switch's own invokes (keep-alives, routeRequest): nothing waits on them
        return;
      case 'vendor':
        // A client's non-CSTA message: the dialect answers it (Zultys login), the generic switch ignores it.
        this.vendorMessagesReceived++;
        if (this.options.dialect !== undefined && answerVendorMessage(this.options.dialect, client, pdu, this.dialectCounters) && !client.associated) this.associate(client, 'none');
        return;
      case 'applicationSession':
        if (this.accepts('applicationSession')) this.applicationSessions.onMessage(client, pdu);
        else this.vendorMessagesReceived++;
        return;
      default: {
        const never: never = pdu;
        throw new SimulatorStateError(`unhandled PDU ${JSON.stringify(never)}`);
      }
    }
  }

  private onAarq(client: SimClient, aarq: AarqPdu): void {
    const password = this.options.password;
    // The password as charstring, or in HiPath's name-and-password EXTERNAL (with the name the profile expects).
    const given = credentialsOfAuthentication(aarq['calling-authentication-value']);
    const nameOk = this.options.authenticationName === undefined || given?.name === this.options.authenticationName;
    const refused = !this.accepts('acse') ? 'no-reason-given' : password !== undefined && (given?.password !== password || !nameOk) ? 'authentication-failure' : undefined;
    if (refused !== undefined) {
      client.send({
        pdu: 'aare',
        'application-context-name': aarq['application-context-name'],
        result: 'rejected-permanent',
        'result-source-diagnostic': { 'acse-service-user': refused },
      });
      setTimeout(() => client.conn.close(), 20).unref?.();
      return;
    }
    client.send({
      pdu: 'aare',
      'application-context-name': aarq['application-context-name'],
      result: 'accepted',
      'result-source-diagnostic': { 'acse-service-user': 'null' },
      ...(aarq['user-information'] === undefined ? {} : { 'user-information': aarq['user-information'] }),
    });
    this.associate(client, 'acse');
  }

  private onInvoke(client: SimClient, pdu: InvokePdu): void {
    if (pdu.operation === 'unknown') {
      client.send({ pdu: 'reject', invokeId: pdu.invokeId, problem: { invoke: 'unrecognizedOperation' } });
      return;
    }
    this.emit('request', client.id, pdu.operation);
    const known = pdu as KnownInvoke;
    this.eventBuffer = [];
    const afterReply: (() => CstaPdu)[] = [];
    try {
      const result = handleRequest(known.operation, known.argument as never, this.context(client, afterReply));
      if (result !== NO_REPLY) client.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: known.operation, result } as CstaPdu);
    } catch (e) {
      const failure = e instanceof CstaFailure ? e.failure : { operation: 'generic' as const };
      client.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: failure });
      afterReply.length = 0;
    } finally {
      const events = this.eventBuffer;
      this.eventBuffer = undefined;
      for (const { device, event } of events) this.report(device, event);
    }
    for (const invoke of afterReply) client.send(invoke());
  }

  private context(client: SimClient, afterReply: (() => CstaPdu)[]): HandlerContext {
    return {
      snapshotDeviceMode: this.options.snapshotDeviceMode ?? 'inline',
      snapshotChunkSize: this.options.snapshotChunkSize ?? 2,
      serviceCrossRefID: () => this.serviceCrossRefIds.take(),
      invokeAfterReply: (operation, argument) => {
        afterReply.push(() => ({ pdu: 'invoke', invokeId: client.nextInvokeId(), operation, argument }) as CstaPdu);
      },
      engine: this.engine,
      monitors: this.monitors,
      router: this.router,
      agents: this.agents,
      clientId: client.id,
      systemStatus: this.systemStatus,
      registerSystem: () => this.sysRegIds.take(),
    };
  }

  private sendKeepAlives(): void {
    for (const c of this.clients.values()) {
      if (c.associated) c.send({ pdu: 'invoke', invokeId: c.nextInvokeId(), operation: 'systemStatus', argument: { systemStatus: this.systemStatus } });
    }
  }
}
