/**
 * PegaCtiLink: one CSTA session serving Pega Call agents — the part Pega calls the "CTI Link"
 * (pega-call-notes §3): it translates the switch's events for each logged-in agent's device into
 * OpenCTI events, and the agents' requests into CSTA requests.
 *
 * ```ts
 * const link = new PegaCtiLink(session);
 * link.on('event', (agentId, e) => toolbarOf(agentId).forwardEvent(e));
 * await link.login({ agentId: '5501', device: '2000' });   // → SnapshotEvent
 * await link.request('5501', { action: 'answerCall', callId: '002a' });
 * ```
 * Requests and login/logout never reject: failures resolve to `{ ok: false, errCode, errMessage }`.
 */
import { deviceID } from '../session/requests.js';
import type { OctetForm } from './csta-values.js';
import { EventEmitter } from 'node:events';
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import type { GetAgentStateResult } from '../../protocol/csta/services/get-agent-state.js';
import type { CstaEvent } from '../session/events.js';
import type { Monitor } from '../session/monitors.js';
import type { CstaSession, SessionEvents, SessionStatus } from '../session/session.js';
import { pegaFailure, toPegaFailure } from './errors.js';
import { PegaMapper } from './mapper.js';
import type { PegaMapperOptions } from './mapper.js';
import { isPegaFailure, parsePegaRequest } from './request-parse.js';
import { executePegaRequest } from './requests.js';
import type { RequestTarget } from './requests.js';
import type { PegaDeviceState, PegaEvent, PegaLinkState, PegaRequest, PegaResult, SnapshotEvent } from './types.js';

/** What the link needs from a session (a CstaSession fits; tests may pass a fake). */
export interface PegaLinkSession {
  request: CstaSession['request'];
  monitorStart(device: string): Promise<Monitor>;
  monitorStop(monitor: Monitor): Promise<void>;
  readonly isAssociated: boolean;
  /** How OCTET STRING values carry text on this session's wire (CstaSession: `hex` on BER, `text` on XML). Default `hex`. */
  readonly octetStrings?: OctetForm;
  /**
   * The session events the link listens to, one overload each (not one signature generic over the
   * event map): a CstaSession's EventEmitter methods are typed differently by each @types/node
   * major, and these concrete overloads are what every one of them (20 to 26) is assignable to.
   */
  on(event: 'event', listener: (...args: SessionEvents['event']) => void): unknown;
  on(event: 'status', listener: (...args: SessionEvents['status']) => void): unknown;
  on(event: 'resync', listener: (...args: SessionEvents['resync']) => void): unknown;
  /** Removes a listener added with {@link PegaLinkSession.on}. */
  off(event: 'event', listener: (...args: SessionEvents['event']) => void): unknown;
  off(event: 'status', listener: (...args: SessionEvents['status']) => void): unknown;
  off(event: 'resync', listener: (...args: SessionEvents['resync']) => void): unknown;
}

/** Parameters of {@link PegaCtiLink.login} (Pega's login: agent ID, extension, password; notes §2). */
export interface PegaLoginParams {
  readonly agentId: string;
  readonly device: string;
  readonly password?: string;
  /** Log in NotReady with this reason code. */
  readonly reasonCode?: string;
}

/** Options of {@link PegaCtiLink}. */
export interface PegaCtiLinkOptions {
  /** The mapper to use, or options for a new one. */
  readonly mapper?: PegaMapper | PegaMapperOptions;
  /** Ask the switch for the agent state (getAgentState) when building snapshots. Default true. */
  readonly queryAgentState?: boolean;
  /** ACD group sent with setAgentState, when the switch needs one. */
  readonly acdGroup?: string;
}

/** Events of the link. */
export interface PegaLinkEvents {
  /** One OpenCTI event for one logged-in agent. */
  event: [agentId: string, event: PegaEvent];
  /** A listener threw, or a background step (snapshot after resync) failed; the link carries on. */
  warning: [error: Error];
}

/** A logged-in (or logging-in) agent. */
export interface PegaAgentSession {
  readonly agentId: string;
  readonly device: string;
  readonly password: string | undefined;
  monitor: Monitor | undefined;
}

/** Ties one CSTA session to Pega agents. */
export class PegaCtiLink extends EventEmitter<PegaLinkEvents> {
  readonly session: PegaLinkSession;
  readonly mapper: PegaMapper;
  private readonly options: PegaCtiLinkOptions;
  private readonly byAgent = new Map<string, PegaAgentSession>();
  private readonly byDevice = new Map<string, PegaAgentSession>();
  private state: PegaLinkState;
  private readonly onEvent = (event: CstaEvent, monitor: Monitor | undefined): void => this.handleEvent(event, monitor);
  private readonly onStatus = (status: SessionStatus): void => this.handleStatus(status);
  private readonly onResync = (monitor: Monitor, snapshot: SnapshotDeviceResult | undefined): void => this.handleResync(monitor, snapshot);

  constructor(session: PegaLinkSession, options: PegaCtiLinkOptions = {}) {
    super();
    this.session = session;
    this.options = options;
    this.mapper =
      options.mapper instanceof PegaMapper
        ? options.mapper
        : new PegaMapper({ octetStrings: session.octetStrings ?? 'hex', ...options.mapper, onMapError: options.mapper?.onMapError ?? ((e) => this.emitWarning(e)) });
    this.state = session.isAssociated ? 'CONNECTED' : 'DISCONNECTED';
    session.on('event', this.onEvent);
    session.on('status', this.onStatus);
    session.on('resync', this.onResync);
  }

  /** State of the connection to the switch, as Pega's `pyLinkState`. */
  get linkState(): PegaLinkState {
    return this.state;
  }

  /** The agents logged in through this link. */
  get agents(): readonly Readonly<PegaAgentSession>[] {
    return [...this.byAgent.values()];
  }

  /** The agent logged in at `device`, if any. */
  agentAt(device: string): Readonly<PegaAgentSession> | undefined {
    return this.byDevice.get(device);
  }

  /**
   * Logs an agent in: monitorStart on the device, setAgentState loggedOn (then notReady with
   * `reasonCode` if given), and emits a SnapshotEvent. An agent the switch already has logged on
   * is accepted (OPENCTI_IN_SAME_STATE from setAgentState counts as success).
   */
  async login(params: PegaLoginParams): Promise<PegaResult> {
    const agentId = typeof params?.agentId === 'string' ? params.agentId : '';
    const device = typeof params?.device === 'string' ? params.device : '';
    if (agentId === '' || device === '') return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', 'login: agentId and device are required');
    if (this.byAgent.has(agentId)) return pegaFailure('OPENCTI_AGENT_LOGGED_IN', `agent ${agentId} is already logged in`);
    const other = this.byDevice.get(device);
    if (other !== undefined) return pegaFailure('OPENCTI_AGENT_LOGGED_IN', `device ${device} is in use by agent ${other.agentId}`);
    const entry: PegaAgentSession = { agentId, device, password: params.password, monitor: undefined };
    this.byAgent.set(agentId, entry);
    this.byDevice.set(device, entry);
    try {
      entry.monitor = await this.session.monitorStart(device);
    } catch (e) {
      this.drop(entry);
      return toPegaFailure(e, 'agent');
    }
    const loggedOn = await executePegaRequest(this.session, this.target(entry), { action: 'login' }, this.mapper);
    if (!loggedOn.ok && loggedOn.errCode !== 'OPENCTI_IN_SAME_STATE') {
      await this.stopMonitor(entry);
      this.drop(entry);
      return loggedOn;
    }
    if (params.reasonCode !== undefined && params.reasonCode !== '') {
      await executePegaRequest(this.session, this.target(entry), { action: 'agentNotReady', reasonCode: params.reasonCode }, this.mapper);
    }
    const snapshot = await this.buildSnapshot(entry, 'OPENED', true);
    this.emitEvent(agentId, snapshot);
    return { ok: true };
  }

  /** Logs an agent out: setAgentState loggedOff, monitorStop, and a final SnapshotEvent (Logout, CLOSED). */
  async logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    const entry = this.byAgent.get(agentId);
    if (entry === undefined) return pegaFailure('OPENCTI_AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
    const result = await executePegaRequest(this.session, this.target(entry), { action: 'logout', ...(reasonCode === undefined ? {} : { reasonCode }) }, this.mapper);
    if (!result.ok && result.errCode !== 'OPENCTI_IN_SAME_STATE' && result.errCode !== 'OPENCTI_HTTP_ERROR_503') return result;
    await this.stopMonitor(entry);
    const final = this.mapper.snapshot(entry.device, undefined, { agentId }, this.state, 'CLOSED');
    this.emitEvent(agentId, { ...final, pyAgentState: 'Logout', pyReasonCode: reasonCode ?? '', pyWorkMode: 'MODE_NONE', pyCalls: [] });
    this.mapper.forget(entry.device);
    this.drop(entry);
    return { ok: true };
  }

  /**
   * Carries out a Pega request for a logged-in agent. The type is the request union (a misspelt
   * action is a compile error); the value is still checked at run time, so untrusted JSON cast to
   * it fails with OPENCTI_CF_GENERIC_OPERATION. `logout` goes through {@link logout}.
   */
  async request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    const parsed = parsePegaRequest(request);
    if (isPegaFailure(parsed)) return parsed;
    if (parsed.action === 'logout') return this.logout(agentId, parsed.reasonCode);
    const entry = this.byAgent.get(agentId);
    if (entry === undefined) return pegaFailure('OPENCTI_AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
    return executePegaRequest(this.session, this.target(entry), parsed, this.mapper);
  }

  /** Builds a fresh SnapshotEvent for an agent (snapshotDevice + getAgentState), emits it and returns it. */
  async refresh(agentId: string): Promise<SnapshotEvent | undefined> {
    const entry = this.byAgent.get(agentId);
    if (entry === undefined) return undefined;
    const snapshot = await this.buildSnapshot(entry, entry.monitor === undefined ? 'CLOSED' : 'OPENED', true);
    this.emitEvent(agentId, snapshot);
    return snapshot;
  }

  /** Stops listening to the session (does not log agents out or close the session). */
  detach(): void {
    this.session.off('event', this.onEvent);
    this.session.off('status', this.onStatus);
    this.session.off('resync', this.onResync);
  }

  // ---- internals -------------------------------------------------------------------------------

  private target(entry: PegaAgentSession): RequestTarget {
    return { device: entry.device, agentId: entry.agentId, octets: this.session.octetStrings ?? 'hex', ...(entry.password === undefined ? {} : { password: entry.password }), ...(this.options.acdGroup === undefined ? {} : { group: this.options.acdGroup }) };
  }

  private drop(entry: PegaAgentSession): void {
    if (this.byAgent.get(entry.agentId) === entry) this.byAgent.delete(entry.agentId);
    if (this.byDevice.get(entry.device) === entry) this.byDevice.delete(entry.device);
  }

  private async stopMonitor(entry: PegaAgentSession): Promise<void> {
    const monitor = entry.monitor;
    entry.monitor = undefined;
    if (monitor === undefined) return;
    await this.session.monitorStop(monitor).catch(() => undefined);
  }

  /** snapshotDevice (when `withCalls`) and getAgentState, each optional: a switch that refuses one still gets a snapshot. */
  private async buildSnapshot(entry: PegaAgentSession, deviceState: PegaDeviceState, withCalls: boolean, known?: SnapshotDeviceResult): Promise<SnapshotEvent> {
    const device = deviceID(entry.device);
    const calls = known ?? (withCalls ? await this.session.request('snapshotDevice', { snapshotObject: device }).catch(() => undefined) : undefined);
    let agentState: GetAgentStateResult | undefined;
    if (this.options.queryAgentState ?? true) {
      agentState = await this.session.request('getAgentState', { device }).catch(() => undefined);
    }
    return this.mapper.snapshot(entry.device, calls, { agentId: entry.agentId, ...(agentState === undefined ? {} : { agentState }) }, this.state, deviceState);
  }

  private emitEvent(agentId: string, event: PegaEvent): void {
    try {
      this.emit('event', agentId, event);
    } catch (e) {
      this.emitWarning(e);
    }
  }

  private emitWarning(e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
    if (this.listenerCount('warning') > 0) this.emit('warning', error);
  }

  private handleEvent(event: CstaEvent, monitor: Monitor | undefined): void {
    if (monitor === undefined) return;
    const entry = this.byDevice.get(monitor.device);
    if (entry === undefined) return;
    for (const e of this.mapper.map(entry.device, event)) this.emitEvent(entry.agentId, e);
  }

  private handleStatus(status: SessionStatus): void {
    switch (status.type) {
      case 'associated':
        // After a reconnect the session has already restored the monitors and reported each with
        // 'resync' (each agent got its snapshot there): only the state changes here.
        if (status.reconnected) this.state = 'CONNECTED';
        else this.setLinkState('CONNECTED');
        return;
      case 'reconnecting':
      case 'closed':
        this.setLinkState('DISCONNECTED');
        return;
      case 'connecting':
      case 'degraded':
        return;
      default: {
        const never: never = status;
        this.emitWarning(new Error(`unknown session status ${JSON.stringify(never)}`));
      }
    }
  }

  /** Link up/down: every agent gets a SnapshotEvent with the new pyLinkState. */
  private setLinkState(state: PegaLinkState): void {
    if (this.state === state) return;
    this.state = state;
    for (const entry of this.byAgent.values()) {
      this.emitEvent(entry.agentId, this.mapper.snapshot(entry.device, undefined, { agentId: entry.agentId }, state, state === 'CONNECTED' ? 'OPENED' : 'CLOSED'));
    }
  }

  private handleResync(monitor: Monitor, snapshot: SnapshotDeviceResult | undefined): void {
    this.state = 'CONNECTED';
    const entry = this.byDevice.get(monitor.device);
    if (entry === undefined) return;
    entry.monitor = monitor;
    this.buildSnapshot(entry, 'OPENED', false, snapshot)
      .then((s) => this.emitEvent(entry.agentId, s))
      .catch((e: unknown) => this.emitWarning(e));
  }
}

