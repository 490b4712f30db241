/**
 * The OpenCTI desktop API object Pega calls (pega_cti_desktopAPI.js), over the gateway's WebSocket.
 * Argument orders are Pega's: login(agentID, agentPwd, extension, linkDefinition, options,
 * success, failure, forwardEvent); logout(agentID, reasonCode, options, …); agentReady(agentId,
 * workMode, options, …); agentNotReady(agentID, workMode, reasonCode, linkDefinition, options, …);
 * call control (callId, [destination | digits | party], options, success, failure); the completes
 * (heldCallId, activeCallId, options, success, failure). docs/opencti.md has the table.
 *
 * Every gateway event goes to forwardEvent. Snapshots: after login and logout the link sends one;
 * when the socket drops the adapter forwards the last Snapshot with pyLinkState DISCONNECTED, and
 * after it reconnects the gateway sends a fresh one (the adapter also logs in again, in case the
 * gateway lost the session; "already logged in" is then expected and ignored).
 */
import { CallTracker } from './calls.js';
import { GatewayConnection } from './connection.js';
import type { WireResult } from './connection.js';
import { AdapterErrorCode, makeError } from './errors.js';
import type {
  OpenCtiErrorObjectConstructor,
  OpenCtiFailure,
  OpenCtiForwardEvent,
  OpenCtiLinkDefinition,
  OpenCtiRequestOptions,
  OpenCtiSuccess,
  OpenCtiTokenContext,
  PegaEvent,
  WebSocketConstructorLike,
} from './types.js';
import type { SnapshotEvent } from '../pega/types.js';

/** What a desktop API instance needs from install.ts. */
export interface DesktopApiConfig {
  readonly name: string;
  readonly implementationVersion: string;
  readonly resolveUrl: (linkDefinition: OpenCtiLinkDefinition) => string | undefined;
  readonly resolveToken: (context: OpenCtiTokenContext) => Promise<string | undefined>;
  readonly WebSocket: () => WebSocketConstructorLike | undefined;
  readonly errorObject: () => OpenCtiErrorObjectConstructor;
  readonly requestTimeoutMs: number;
  readonly backoff: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  readonly logger: () => unknown;
}

/** Pega's `options`: an object, or its JSON text; anything else reads as `{}`. */
export function readOptions(options: OpenCtiRequestOptions): Readonly<Record<string, unknown>> {
  let value: unknown = options;
  if (typeof options === 'string') {
    try {
      value = JSON.parse(options);
    } catch {
      value = undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** `{ key: value }` for the non-empty ones. */
function present(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== '') out[k] = v;
  return out;
}

/** The members of the desktop API object (what `new pega.cti.desktopApi.<name>()` gives). */
export interface OpenCtiDesktopApi {
  /** The implementation's name (the `pega.cti.desktopApi` key). */
  readonly name: string;
  /** Set by the implementation, as Pega's setup asks ("Set the version of your implementation"). */
  readonly implementationVersion: string;
  login(agentID: string, agentPwd: string, extension: string, linkDefinition: OpenCtiLinkDefinition, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure, forwardEvent?: OpenCtiForwardEvent): void;
  logout(agentID: string, reasonCode: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  agentReady(agentId: string, workMode: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  agentNotReady(agentID: string, workMode: string, reasonCode: string, linkDefinition: OpenCtiLinkDefinition, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  answerCall(callId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  holdCall(callId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  retrieveCall(callId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  hangUpCall(callId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  makeCall(destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  sendDTMF(callId: string, digits: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  consultationCall(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  conferenceInitiate(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  conferenceComplete(heldCallId: string, activeCallId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  transferInitiate(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  transferComplete(heldCallId: string, activeCallId: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  blindTransfer(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  dropParty(callId: string, party: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void;
  /** Pega's logger when the page has `pega.cti.Logger`, else `console`. */
  getLogger(): unknown;
  /** Drops the socket as a network failure would; the adapter reconnects (for tests and diagnostics). */
  dropConnection(): void;
}

/** A constructor of desktop API objects. */
export type OpenCtiDesktopApiConstructor = new () => OpenCtiDesktopApi;

/** Builds the desktop API constructor for one configuration. */
export function createDesktopApi(config: DesktopApiConfig): OpenCtiDesktopApiConstructor {
  class CstaLinkDesktopApi implements OpenCtiDesktopApi {
    readonly name = config.name;
    readonly implementationVersion = config.implementationVersion;
    private connection: GatewayConnection | undefined;
    private forward: OpenCtiForwardEvent | undefined;
    private loggedIn = false;
    private login_: { agentID: string; agentPwd: string; extension: string } | undefined;
    private lastSnapshot: SnapshotEvent | undefined;
    private readonly calls = new CallTracker();

    login(agentID: string, agentPwd: string, extension: string, linkDefinition: OpenCtiLinkDefinition, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure, forwardEvent?: OpenCtiForwardEvent): void {
      void this.doLogin(text(agentID), typeof agentPwd === 'string' ? agentPwd : '', text(extension), linkDefinition ?? {}, readOptions(options), success, failure, forwardEvent);
    }

    logout(_agentID: string, reasonCode: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      const connection = this.connection;
      this.run({ action: 'logout', ...present({ reasonCode: text(reasonCode) }) }, (result) => {
        this.loggedIn = false;
        this.login_ = undefined;
        this.calls.clear();
        // The Logout Snapshot came before this result on the same socket; nothing more is expected.
        if (this.connection === connection) this.connection = undefined;
        connection?.close();
        this.ok(success, result);
      }, failure);
    }

    agentReady(_agentId: string, workMode: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.request({ action: 'agentReady', ...present({ workMode: text(workMode) }) }, success, failure);
    }

    agentNotReady(_agentID: string, workMode: string, reasonCode: string, _linkDefinition: OpenCtiLinkDefinition, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.request({ action: 'agentNotReady', ...present({ workMode: text(workMode), reasonCode: text(reasonCode) }) }, success, failure);
    }

    answerCall(callId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      if (!this.loggedIn) return this.fail(failure, AdapterErrorCode.NotLoggedIn, 'answerCall: not logged in');
      const id = text(callId) || this.calls.ringing();
      if (id === undefined) return this.fail(failure, AdapterErrorCode.InvalidState, 'answerCall: no call is ringing');
      this.request({ action: 'answerCall', callId: id }, success, failure);
    }

    holdCall(callId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('holdCall', callId, {}, success, failure);
    }

    retrieveCall(callId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('retrieveCall', callId, {}, success, failure);
    }

    hangUpCall(callId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      if (!this.loggedIn) return this.fail(failure, AdapterErrorCode.NotLoggedIn, 'hangUpCall: not logged in');
      const id = text(callId) || this.calls.only();
      if (id === undefined) return this.fail(failure, AdapterErrorCode.InvalidState, 'hangUpCall: no call id, and not exactly one call at the device');
      this.request({ action: 'hangUpCall', callId: id }, success, failure);
    }

    makeCall(destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      const to = text(destination);
      if (to === '') return this.fail(failure, AdapterErrorCode.Generic, 'makeCall: no destination');
      this.request({ action: 'makeCall', destination: to, ...present({ callData: text(readOptions(options)['callData']) }) }, success, failure);
    }

    sendDTMF(callId: string, digits: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('sendDTMF', callId, { digits: text(digits) }, success, failure);
    }

    consultationCall(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.consult('consultationCall', callId, destination, options, success, failure);
    }

    conferenceInitiate(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.consult('conferenceInitiate', callId, destination, options, success, failure);
    }

    transferInitiate(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.consult('transferInitiate', callId, destination, options, success, failure);
    }

    conferenceComplete(heldCallId: string, activeCallId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('conferenceComplete', heldCallId, present({ consultCallId: text(activeCallId) }), success, failure);
    }

    transferComplete(heldCallId: string, activeCallId: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('transferComplete', heldCallId, present({ consultCallId: text(activeCallId) }), success, failure);
    }

    blindTransfer(callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.consult('blindTransfer', callId, destination, options, success, failure);
    }

    dropParty(callId: string, party: string, _options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest('dropParty', callId, { party: text(party) }, success, failure);
    }

    getLogger(): unknown {
      return config.logger();
    }

    dropConnection(): void {
      this.connection?.drop();
    }

    // ---- internals ------------------------------------------------------------------------------

    private async doLogin(agentID: string, agentPwd: string, extension: string, linkDefinition: OpenCtiLinkDefinition, options: Readonly<Record<string, unknown>>, success?: OpenCtiSuccess, failure?: OpenCtiFailure, forwardEvent?: OpenCtiForwardEvent): Promise<void> {
      this.forward = typeof forwardEvent === 'function' ? forwardEvent : undefined;
      const WebSocketCtor = config.WebSocket();
      if (WebSocketCtor === undefined) return this.fail(failure, AdapterErrorCode.Unavailable, 'no WebSocket in this environment');
      const url = config.resolveUrl(linkDefinition);
      if (url === undefined) return this.fail(failure, AdapterErrorCode.Unavailable, 'no gateway URL: configure one, or set pyPrimaryHost/pyPrimaryPort in the CTI link');
      let token: string | undefined;
      try {
        token = await config.resolveToken({ agentID, extension, linkDefinition, options });
      } catch (e) {
        return this.fail(failure, AdapterErrorCode.Unauthorized, `no token for the gateway: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (token === undefined || token === '') return this.fail(failure, AdapterErrorCode.Unauthorized, 'no token for the gateway (options.pyJWTString, or the adapter\'s token option)');
      this.connection?.close();
      this.loggedIn = false;
      const connection = new GatewayConnection({
        url,
        token,
        renewToken: () => config.resolveToken({ agentID, extension, linkDefinition, options }),
        WebSocket: WebSocketCtor,
        requestTimeoutMs: config.requestTimeoutMs,
        backoff: config.backoff,
        onEvent: (event) => this.onEvent(event),
        onDrop: () => this.onDrop(),
        onReconnect: () => this.onReconnect(),
      });
      this.connection = connection;
      try {
        await connection.open();
      } catch (e) {
        if (this.connection === connection) this.connection = undefined;
        return this.fail(failure, AdapterErrorCode.Unavailable, e instanceof Error ? e.message : String(e));
      }
      const login = { agentID, agentPwd, extension };
      const result = await connection.request(this.loginRequest(login));
      if (this.connection !== connection) return this.fail(failure, AdapterErrorCode.Unavailable, 'login was superseded by another login');
      if (!result.ok) {
        this.connection = undefined;
        connection.close();
        return this.fail(failure, result.errCode, result.errMessage);
      }
      this.loggedIn = true;
      this.login_ = login;
      this.ok(success, result);
    }

    private loginRequest(login: { agentID: string; agentPwd: string; extension: string }): Record<string, string> {
      return { action: 'login', ...present({ agentId: login.agentID, password: login.agentPwd, extension: login.extension }) };
    }

    private onEvent(event: PegaEvent): void {
      this.calls.observe(event);
      if (event.pyEventType === 'SnapshotEvent') this.lastSnapshot = event;
      this.emit(event);
    }

    private onDrop(): void {
      if (this.lastSnapshot !== undefined) this.emit({ ...this.lastSnapshot, pyLinkState: 'DISCONNECTED' });
    }

    private onReconnect(): void {
      const login = this.login_;
      const connection = this.connection;
      if (!this.loggedIn || login === undefined || connection === undefined) return;
      // The gateway sends a Snapshot as the socket opens; if the gateway lost the session (it
      // restarted, or logged the agent out when the socket closed) this login restores it.
      void connection.request(this.loginRequest(login));
    }

    private emit(event: PegaEvent): void {
      const forward = this.forward;
      if (forward === undefined) return;
      try {
        forward(event);
      } catch {
        // Pega's handler failing must not break the socket.
      }
    }

    private consult(action: string, callId: string, destination: string, options: OpenCtiRequestOptions, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.callRequest(action, callId, { destination: text(destination), ...present({ callData: text(readOptions(options)['callData']) }) }, success, failure);
    }

    private callRequest(action: string, callId: string, fields: Readonly<Record<string, string>>, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      const id = text(callId);
      if (id === '') return this.fail(failure, AdapterErrorCode.Generic, `${action}: no call id`);
      this.request({ action, callId: id, ...fields }, success, failure);
    }

    private request(request: Readonly<Record<string, unknown>>, success?: OpenCtiSuccess, failure?: OpenCtiFailure): void {
      this.run(request, (result) => this.ok(success, result), failure);
    }

    private run(request: Readonly<Record<string, unknown>>, onOk: (result: WireResult & { ok: true }) => void, failure?: OpenCtiFailure): void {
      const connection = this.connection;
      if (connection === undefined || !this.loggedIn) return this.fail(failure, AdapterErrorCode.NotLoggedIn, `${String(request['action'])}: not logged in`);
      void connection.request(request).then((result) => (result.ok ? onOk(result) : this.fail(failure, result.errCode, result.errMessage)));
    }

    private ok(success: OpenCtiSuccess | undefined, result: WireResult): void {
      if (typeof success !== 'function') return;
      try {
        success(result.ok && result.callId !== undefined ? { callId: result.callId } : {});
      } catch {
        // Pega's callback threw; nothing to undo.
      }
    }

    private fail(failure: OpenCtiFailure | undefined, errCode: string, errMessage: string): void {
      if (typeof failure !== 'function') return;
      try {
        failure(makeError(config.errorObject(), errCode, errMessage));
      } catch {
        // Pega's callback threw; nothing to undo.
      }
    }
  }
  return CstaLinkDesktopApi;
}
