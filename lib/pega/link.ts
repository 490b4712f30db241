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
import type { CallModel } from '../session/model/call-model.js';
import type { Monitor } from '../session/monitors.js';
import type { CstaSession, SessionEvents, SessionStatus } from '../session/session.js';
import type { AgentStateHook } from './agent-state-hook.js';
import { octetsAsText } from './csta-values.js';
import { pegaFailure, requestKind, toPegaFailure } from './errors.js';
import { agentFromResult } from './snapshot.js';
import { PegaMapper } from './mapper.js';
import type { PegaMapperOptions } from './mapper.js';
import { isPegaFailure, parsePegaRequest } from './request-parse.js';
import { executePegaRequest } from './requests.js';
import type { RequestTarget } from './requests.js';
import type { PegaAgentState, PegaDeviceState, PegaEvent, PegaFailure, PegaLinkState, PegaRequest, PegaResult, PegaWorkMode, SnapshotEvent } from './types.js';

/** What the link itself set at login (for the Snapshot when the switch does not say, audit W5). */
type LastSetState = { readonly state: PegaAgentState; readonly workMode: PegaWorkMode; readonly reasonCode: string };

/** What the link needs from a session (a CstaSession fits; tests may pass a fake). */
export interface PegaLinkSession {
  request: CstaSession['request'];
  monitorStart(device: string): Promise<Monitor>;
  monitorStop(monitor: Monitor): Promise<void>;
  readonly isAssociated: boolean;
  /** How OCTET STRING values carry text on this session's wire (CstaSession: `hex` on BER, `text` on XML). Default `hex`. */
  readonly octetStrings?: OctetForm;
  /**
   * The session's call model (CstaSession.model), the one source of truth for which calls are at
   * a device: when it monitors the device, a refresh and a re-login read the calls from it instead
   * of asking the switch again (snapshotDevice). Absent or undefined: snapshotDevice.
   */
  readonly model?: Pick<CallModel, 'device' | 'call'> | undefined;
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

/** Parameters of {@link PegaCtiLink.login} (Pega's login: agent ID, extension, password [CS-Login]). */
export interface PegaLoginParams {
  readonly agentId: string;
  /** The extension (the device monitored for the agent). */
  readonly device: string;
  readonly password?: string;
  /** Log in NotReady with this reason code. */
  readonly reasonCode?: string;
  /**
   * The work mode to start in: MODE_AUTO_IN / MODE_MANUAL_IN → Ready in that mode (AES work modes
   * at login, CO-AgentDevice), AUX_WORK → NotReady (with `reasonCode`), ACW → after-call work.
   * The mode itself reaches the switch only through an agent-state hook.
   */
  readonly workMode?: PegaWorkMode;
  /** The ACD queue (group / split) to log in to; default the link's `acdGroup`. */
  readonly queue?: string;
  /**
   * Simple telephony (screen pop only, CS-Modes): monitor the device and send call events, but no
   * ACD agent — no setAgentState at login, logout or ever (for switches without agents).
   */
  readonly screenPopOnly?: boolean;
}

/** Options of {@link PegaCtiLink}. */
export interface PegaCtiLinkOptions {
  /** The mapper to use, or options for a new one. */
  readonly mapper?: PegaMapper | PegaMapperOptions;
  /** Ask the switch for the agent state (getAgentState) when building snapshots. Default true. */
  readonly queryAgentState?: boolean;
  /** ACD group sent with setAgentState, when the switch needs one. */
  readonly acdGroup?: string;
  /** Carries Pega reason codes and work modes to the switch (agentStateHookForProfile); none: they stay local. */
  readonly agentStateHook?: AgentStateHook;
  /** Most bytes of outgoing call data (UUI). Default {@link DEFAULT_MAX_CALL_DATA_BYTES}. */
  readonly maxCallDataBytes?: number;
}

/** Default of {@link PegaCtiLinkOptions.maxCallDataBytes}: UUI is "typically 96 bytes" on Avaya AES (CO-Tel-Avaya). */
export const DEFAULT_MAX_CALL_DATA_BYTES = 96;

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
  /** Logged in screen-pop only (no ACD agent). */
  readonly screenPopOnly?: boolean;
  /** The queue given at login (setAgentState group), if any. */
  readonly queue?: string;
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
   * Logs an agent in: monitorStart on the device, setAgentState loggedOn (then the starting state:
   * Ready in `workMode`, or NotReady with `reasonCode`), and emits a SnapshotEvent followed by one
   * CallStateEvent per live call. A switch answer of "already in that state" (featureAlreadySet),
   * or a refusal while getAgentState shows this agent logged on at the device, counts as success;
   * any other refusal is a failure and leaves nothing behind (audit W2). Logging in again as the
   * same agent at the same device (a browser reload) re-synchronises and succeeds (audit W4).
   * `screenPopOnly`: monitor only, no ACD agent.
   */
  async login(params: PegaLoginParams): Promise<PegaResult> {
    const agentId = typeof params?.agentId === 'string' ? params.agentId : '';
    const device = typeof params?.device === 'string' ? params.device : '';
    if (agentId === '' || device === '') return pegaFailure('OPENCTI_CF_GENERIC_OPERATION', 'login: agentId and device are required');
    const existing = this.byAgent.get(agentId);
    if (existing !== undefined) {
      // "An agent is logged in from another device" [CS-Err] — and only that.
      if (existing.device !== device) return pegaFailure('OPENCTI_AGENT_LOGGED_IN', `agent ${agentId} is logged in from another device (${existing.device})`);
      return this.relogin(existing);
    }
    const other = this.byDevice.get(device);
    if (other !== undefined) return pegaFailure('OPENCTI_CF_INVALID_OBJECT_STATE', `device ${device} is in use by agent ${other.agentId}`);
    const queue = params.queue !== undefined && params.queue !== '' ? params.queue : undefined;
    const entry: PegaAgentSession = { agentId, device, password: params.password, monitor: undefined, ...(params.screenPopOnly === true ? { screenPopOnly: true } : {}), ...(queue === undefined ? {} : { queue }) };
    this.byAgent.set(agentId, entry);
    this.byDevice.set(device, entry);
    try {
      entry.monitor = await this.session.monitorStart(device);
    } catch (e) {
      this.drop(entry);
      return toPegaFailure(e, 'agent');
    }
    if (entry.screenPopOnly === true) {
      await this.synchronise(entry, 'OPENED', true);
      return { ok: true };
    }
    const loggedOn = await executePegaRequest(this.session, this.target(entry), { action: 'login', ...(params.workMode === undefined ? {} : { workMode: params.workMode }) }, this.mapper);
    if (!loggedOn.ok && !(await this.alreadyInState(entry, loggedOn, true))) {
      await this.stopMonitor(entry);
      this.drop(entry);
      return loggedOn;
    }
    const lastSet = await this.startingState(entry, params);
    await this.synchronise(entry, 'OPENED', true, undefined, lastSet);
    return { ok: true };
  }

  /**
   * Logs an agent out: setAgentState loggedOff, monitorStop, and a final SnapshotEvent (Logout,
   * CLOSED). A logout the switch refuses is a failure: the agent stays logged in here and at the
   * ACD, with its monitor (audit W2). Already logged off at the switch, or the link down (503):
   * logged out locally.
   */
  async logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    const entry = this.byAgent.get(agentId);
    if (entry === undefined) return pegaFailure('OPENCTI_AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
    if (entry.screenPopOnly !== true) {
      const result = await executePegaRequest(this.session, this.target(entry), { action: 'logout', ...(reasonCode === undefined ? {} : { reasonCode }) }, this.mapper);
      if (!result.ok && result.errCode !== 'OPENCTI_HTTP_ERROR_503' && !(await this.alreadyInState(entry, result, false))) return result;
    }
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
    if (entry.screenPopOnly === true && requestKind(parsed.action) === 'agent') {
      return pegaFailure('OPENCTI_HTTP_ERROR_405', `${parsed.action}: agent ${agentId} is logged in screen-pop only (no ACD agent)`);
    }
    return executePegaRequest(this.session, this.target(entry), parsed, this.mapper);
  }

  /**
   * Builds a fresh SnapshotEvent for an agent (snapshotDevice + getAgentState) and emits it, then
   * one CallStateEvent per live call (a reloaded toolbar learns the calls as Pega's events, not
   * only in the `pyCalls` extension). Returns the snapshot.
   */
  async refresh(agentId: string): Promise<SnapshotEvent | undefined> {
    const entry = this.byAgent.get(agentId);
    if (entry === undefined) return undefined;
    return this.synchronise(entry, entry.monitor === undefined ? 'CLOSED' : 'OPENED', true, this.modelSnapshot(entry));
  }

  /** Stops listening to the session (does not log agents out or close the session). */
  detach(): void {
    this.session.off('event', this.onEvent);
    this.session.off('status', this.onStatus);
    this.session.off('resync', this.onResync);
  }

  // ---- internals -------------------------------------------------------------------------------

  private target(entry: PegaAgentSession): RequestTarget {
    const group = entry.queue ?? this.options.acdGroup;
    return {
      device: entry.device,
      agentId: entry.agentId,
      octets: this.session.octetStrings ?? 'hex',
      maxCallDataBytes: this.options.maxCallDataBytes ?? DEFAULT_MAX_CALL_DATA_BYTES,
      ...(entry.password === undefined ? {} : { password: entry.password }),
      ...(group === undefined ? {} : { group }),
      ...(this.options.agentStateHook === undefined ? {} : { agentStateHook: this.options.agentStateHook }),
    };
  }

  /** Re-login of a logged-in agent at its own device (a reload, crash recovery): re-monitor if needed, then synchronise. */
  private async relogin(entry: PegaAgentSession): Promise<PegaResult> {
    if (entry.monitor === undefined) {
      try {
        entry.monitor = await this.session.monitorStart(entry.device);
      } catch (e) {
        return toPegaFailure(e, 'agent');
      }
    }
    await this.synchronise(entry, 'OPENED', true, this.modelSnapshot(entry));
    return { ok: true };
  }

  /**
   * The device's calls as the session's call model has them, in snapshotDevice's shape (so the
   * line is reconciled the same way), or undefined when there is no model or it does not monitor
   * the device (then the switch is asked). Connections of dynamic devices are not named.
   */
  private modelSnapshot(entry: PegaAgentSession): SnapshotDeviceResult | undefined {
    const model = this.session.model;
    if (model === undefined || entry.monitor === undefined) return undefined;
    const view = model.device(entry.device);
    if (!view.monitored) return undefined;
    const snapshotData = view.connections.map((c) => {
      const other = model.call(c.callID)?.connections.find((x) => x.device !== entry.device && !x.device.startsWith('dyn:'))?.device;
      return {
        connectionIdentifier: { both: { callID: c.callID, deviceID: { staticID: deviceID(entry.device) } } },
        ...(other === undefined ? {} : { endpointDevice: { deviceIdentifier: deviceID(other) } }),
        localCallState: { compoundCallState: [c.state] },
      };
    });
    return { crossRefIDorSnapshotData: { snapshotData } } as unknown as SnapshotDeviceResult;
  }

  /**
   * Whether a refused login (`loggingOn`) or logout leaves the agent where it was asked to be:
   * the switch said featureAlreadySet (OPENCTI_IN_SAME_STATE), or it refused with an object-state
   * error and getAgentState shows the agent already logged on (as this agent, at this device) /
   * already logged off. Anything else, or no getAgentState answer, is a real refusal.
   */
  private async alreadyInState(entry: PegaAgentSession, failure: PegaFailure, loggingOn: boolean): Promise<boolean> {
    if (failure.errCode === 'OPENCTI_IN_SAME_STATE') return true;
    if (failure.errCode !== 'OPENCTI_CF_INVALID_OBJECT_STATE') return false;
    const result = await this.session.request('getAgentState', { device: deviceID(entry.device) }).catch(() => undefined);
    if (result === undefined) return false;
    const state = agentFromResult(result).state;
    if (!loggingOn) return state === 'Logout';
    if (state === 'Logout' || state === 'Unknown') return false;
    const id = result.agentStateList?.[0]?.agentID;
    return id === undefined || octetsAsText(id, this.session.octetStrings ?? 'hex') === entry.agentId;
  }

  /** The state to start in after loggedOn (Ready in a work mode, NotReady with a reason, ACW), and what the link thereby set. */
  private async startingState(entry: PegaAgentSession, params: PegaLoginParams): Promise<LastSetState> {
    const reasonCode = params.reasonCode ?? '';
    const workMode = params.workMode;
    let request: PegaRequest | undefined;
    let set: LastSetState | undefined;
    if (workMode === 'MODE_AUTO_IN' || workMode === 'MODE_MANUAL_IN') {
      request = { action: 'agentReady', workMode };
      set = { state: 'Ready', workMode, reasonCode: '' };
    } else if (workMode === 'ACW') {
      request = { action: 'agentNotReady', workMode, ...(reasonCode === '' ? {} : { reasonCode }) };
      set = { state: 'NotReady', workMode: 'ACW', reasonCode };
    } else if (reasonCode !== '' || workMode === 'AUX_WORK') {
      request = { action: 'agentNotReady', ...(reasonCode === '' ? {} : { reasonCode }) };
      set = { state: 'NotReady', workMode: 'AUX_WORK', reasonCode };
    }
    const loggedIn: LastSetState = { state: 'Login', workMode: 'MODE_NONE', reasonCode: '' };
    if (request === undefined || set === undefined) return loggedIn;
    const result = await executePegaRequest(this.session, this.target(entry), request, this.mapper);
    if (!result.ok) this.emitWarning(new Error(`login of ${entry.agentId}: starting state ${set.state} refused: ${result.errCode} ${result.errMessage}`));
    return result.ok ? set : loggedIn;
  }

  /** Snapshot (emitted), then the live calls replayed as CallStateEvents. */
  private async synchronise(entry: PegaAgentSession, deviceState: PegaDeviceState, withCalls: boolean, known?: SnapshotDeviceResult, lastSet?: LastSetState): Promise<SnapshotEvent> {
    const snapshot = await this.buildSnapshot(entry, deviceState, withCalls, known, lastSet);
    this.emitEvent(entry.agentId, snapshot);
    for (const e of this.mapper.replayCalls(entry.device)) this.emitEvent(entry.agentId, e);
    return snapshot;
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
  private async buildSnapshot(entry: PegaAgentSession, deviceState: PegaDeviceState, withCalls: boolean, known?: SnapshotDeviceResult, lastSet?: LastSetState): Promise<SnapshotEvent> {
    const device = deviceID(entry.device);
    const calls = known ?? (withCalls ? await this.session.request('snapshotDevice', { snapshotObject: device }).catch(() => undefined) : undefined);
    let agentState: GetAgentStateResult | undefined;
    // Screen-pop only: there is no ACD agent to ask about.
    if ((this.options.queryAgentState ?? true) && entry.screenPopOnly !== true) {
      agentState = await this.session.request('getAgentState', { device }).catch(() => undefined);
    }
    return this.mapper.snapshot(entry.device, calls, { agentId: entry.agentId, ...(agentState === undefined ? {} : { agentState }), ...(lastSet === undefined ? {} : { lastSet }) }, this.state, deviceState);
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
    this.synchronise(entry, 'OPENED', false, snapshot).catch((e: unknown) => this.emitWarning(e));
  }
}

