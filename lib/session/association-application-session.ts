/**
 * The ECMA-354 application session association: StartApplicationSession with the application's
 * id, vendor login, protocol versions and duration; the session id and granted duration kept;
 * ResetApplicationSessionTimer at half the granted duration; StopApplicationSession on close.
 *
 * After a reconnect it asks to resume the old session (the vendors carry the old id in their
 * login content: Avaya `SessionLoginInfo/sessionID`, so `loginInfo` must be a function). When the
 * server refuses (NegResponse, or grants a different session), it starts a new session and, with
 * `transferMonitors`, moves the old session's monitors with TransferMonitorObjects (Avaya, as
 * f-me/dmcc does); otherwise the session starts its monitors again. An ApplicationSessionTerminated
 * from the server (its timer expired) ends the session: the link is dropped and the next one
 * starts afresh.
 */
import type { CstaPdu } from '../../protocol/pdu.js';
import type { ApplicationSessionMessage, StartApplicationSessionPosResponse } from '../../protocol/ecma354/messages.js';
import { namespaceOf } from '../../protocol/xml/namespaces.js';
import { ConnectionClosedError, TimeoutError } from './errors.js';
import type { AssociationHost, AssociationResult, AssociationStrategy } from './association-strategy.js';
import type { ApplicationSessionMode } from './options.js';

export const DEFAULT_SESSION_DURATION_S = 180;
export const DEFAULT_APPLICATION_ID = 'csta-link';
/** Shortest keep-alive interval, whatever duration the server grants. */
const MIN_RESET_INTERVAL_MS = 500;

/** What the application session holds while it is up. */
export interface ApplicationSessionInfo {
  readonly sessionID: string;
  /** actualProtocolVersion, as the server wrote it. */
  readonly protocolVersion: string | undefined;
  /** Seconds granted (actualSessionDuration, else what was requested). */
  readonly durationS: number;
  /** OpenScape Voice's heartbeat extension, if sent. */
  readonly actualHBT: number | undefined;
  /** How this link's session came about. */
  readonly origin: 'new' | 'resumed' | 'transferred';
}

function describe(m: ApplicationSessionMessage): string {
  if ('errorCode' in m) return `${m.kind} ${JSON.stringify(m.errorCode)}`;
  return m.kind;
}

export class ApplicationSessionAssociation implements AssociationStrategy {
  readonly kind = 'applicationSession';
  readonly systemStatusKeepAlive: boolean;
  private current: ApplicationSessionInfo | undefined;
  /** The session of the lost link, to resume. */
  private previous: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private missed = 0;

  constructor(
    private readonly mode: ApplicationSessionMode,
    private readonly maxMisses: number,
  ) {
    this.systemStatusKeepAlive = mode.systemStatusKeepAlive === true;
  }

  /** The session of the current link, if it is up. */
  get info(): ApplicationSessionInfo | undefined {
    return this.current;
  }

  private get requestedS(): number {
    return this.mode.sessionDurationS ?? DEFAULT_SESSION_DURATION_S;
  }

  private send(host: AssociationHost, message: ApplicationSessionMessage, timeoutMs?: number): Promise<ApplicationSessionMessage> {
    return host.sessionRequest(message, { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(this.mode.namespace === undefined ? {} : { namespace: this.mode.namespace }) });
  }

  private start(host: AssociationHost, resume: string | undefined): Promise<ApplicationSessionMessage> {
    const login = this.mode.loginInfo;
    const info = typeof login === 'function' ? login(resume) : login;
    return this.send(host, {
      kind: 'startApplicationSession',
      applicationInfo: { applicationID: this.mode.applicationID ?? DEFAULT_APPLICATION_ID, ...(info === undefined ? {} : { applicationSpecificInfo: info }) },
      requestedProtocolVersions: this.mode.protocolVersions ?? [namespaceOf(4)],
      requestedSessionDuration: this.requestedS,
    });
  }

  async associate(host: AssociationHost, reconnect: boolean): Promise<AssociationResult> {
    this.stopTimer();
    const old = reconnect ? (this.previous ?? this.current?.sessionID) : undefined;
    this.current = undefined;
    const canResume = old !== undefined && this.mode.resume !== false && typeof this.mode.loginInfo === 'function';
    if (canResume) {
      const answer = await this.start(host, old);
      if (answer.kind === 'startApplicationSessionPosResponse' && answer.sessionID === old) {
        this.accept(host, answer, 'resumed');
        return { monitorsKept: true };
      }
      if (answer.kind === 'startApplicationSessionPosResponse') return this.afterNew(host, answer, old);
      if (answer.kind !== 'startApplicationSessionNegResponse') throw this.refused(host, answer);
    }
    const fresh = await this.start(host, undefined);
    if (fresh.kind !== 'startApplicationSessionPosResponse') throw this.refused(host, fresh);
    return this.afterNew(host, fresh, old);
  }

  /** A new session (after a lost one, or not): register for system status, move the old one's monitors when asked to. */
  private async afterNew(host: AssociationHost, answer: StartApplicationSessionPosResponse, old: string | undefined): Promise<AssociationResult> {
    this.accept(host, answer, 'new');
    if (this.mode.systemRegister === true) await host.request('systemRegister', { requestTypes: ['systemStatus'] });
    if (old === undefined || this.mode.transferMonitors !== true) return { monitorsKept: false };
    try {
      const moved = await this.send(host, { kind: 'transferMonitorObjects', fromSessionID: old, toSessionID: answer.sessionID });
      if (moved.kind !== 'transferMonitorObjectsResponse') return { monitorsKept: false };
    } catch (e) {
      if (e instanceof ConnectionClosedError) throw e;
      return { monitorsKept: false }; // refused (CSTAErrorCode) or unanswered: start the monitors again
    }
    this.current = { ...this.current!, origin: 'transferred' };
    return { monitorsKept: true };
  }

  private refused(host: AssociationHost, answer: ApplicationSessionMessage): Error {
    host.dropLink();
    return new ConnectionClosedError(`application session refused: ${describe(answer)}`);
  }

  private accept(host: AssociationHost, answer: StartApplicationSessionPosResponse, origin: ApplicationSessionInfo['origin']): void {
    this.current = {
      sessionID: answer.sessionID,
      protocolVersion: answer.actualProtocolVersion,
      durationS: answer.actualSessionDuration ?? this.requestedS,
      actualHBT: answer.actualHBT,
      origin,
    };
    this.previous = answer.sessionID;
    this.missed = 0;
    this.schedule(host);
  }

  /** The next ResetApplicationSessionTimer, at half the granted duration. */
  private schedule(host: AssociationHost): void {
    this.stopTimer();
    const cur = this.current;
    if (cur === undefined || this.mode.keepAlive === false || cur.durationS <= 0) return;
    const interval = Math.max(MIN_RESET_INTERVAL_MS, (cur.durationS * 1000) / 2);
    this.timer = setTimeout(() => this.reset(host, interval), interval);
    this.timer.unref?.();
  }

  private reset(host: AssociationHost, interval: number): void {
    this.timer = undefined;
    const cur = this.current;
    if (cur === undefined) return;
    this.send(host, { kind: 'resetApplicationSessionTimer', sessionID: cur.sessionID, requestedSessionDuration: this.requestedS }, interval)
      .then((answer) => {
        if (this.current?.sessionID !== cur.sessionID) return;
        if (answer.kind !== 'resetApplicationSessionTimerPosResponse') {
          // The server no longer knows the session: a new link starts a new one.
          this.lose(host, `session ${cur.sessionID} not kept alive: ${describe(answer)}`);
          return;
        }
        if (this.missed > 0) host.recovered();
        this.missed = 0;
        if (answer.actualSessionDuration !== undefined) this.current = { ...cur, durationS: answer.actualSessionDuration };
        this.schedule(host);
      })
      .catch((e: unknown) => {
        if (this.current?.sessionID !== cur.sessionID || !(e instanceof TimeoutError)) return;
        this.missed++;
        host.degraded(`${this.missed} ResetApplicationSessionTimer unanswered`);
        if (this.missed >= this.maxMisses) host.dropLink();
        else this.reset(host, interval); // again at once: half the granted duration is already gone
      });
  }

  /** The session is gone on the server: nothing to resume, drop the link. */
  private lose(host: AssociationHost, reason: string): void {
    this.stopTimer();
    this.current = undefined;
    this.previous = undefined;
    host.degraded(reason);
    host.dropLink();
  }

  async release(host: AssociationHost): Promise<void> {
    this.stopTimer();
    const cur = this.current;
    this.current = undefined;
    this.previous = undefined;
    if (cur === undefined) return;
    await this.send(host, { kind: 'stopApplicationSession', sessionID: cur.sessionID, sessionEndReason: { definedEndReason: 'normal' } }, 2000).catch(() => undefined);
  }

  linkLost(): void {
    this.stopTimer();
    if (this.current !== undefined) this.previous = this.current.sessionID;
    this.current = undefined;
  }

  deliver(pdu: CstaPdu, host: AssociationHost): void {
    if (pdu.pdu !== 'applicationSession') return;
    const m = pdu.message;
    if (m.kind === 'applicationSessionTerminated' && (m.sessionID === this.current?.sessionID || m.sessionID === this.previous)) {
      this.lose(host, `session ${m.sessionID} terminated by the server: ${JSON.stringify(m.sessionTermReason)}`);
    }
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
