/**
 * The simulator's ECMA-354 application sessions: StartApplicationSession (vendor login checked,
 * protocol version chosen, duration granted, a session to resume found), ResetApplicationSessionTimer,
 * StopApplicationSession, expiry of a session not kept alive (ApplicationSessionTerminated, then
 * the link is closed), and Avaya's TransferMonitorObjects.
 *
 * A session outlives its link: when a client's link drops without StopApplicationSession, the
 * session and its monitors stay (events to them are dropped) until it is resumed from a new link
 * (`resume: 'accept'`: the monitors follow, same cross references), transferred to a new session,
 * or its timer expires.
 */
import { randomBytes } from 'node:crypto';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { ApplicationSessionMessage, ApplicationSessionPdu, StartApplicationSession } from '../../protocol/ecma354/messages.js';
import { loginCredentialsOf, resumeSessionIDOf } from '../../protocol/ecma354/login-info.js';
import type { SimClient } from './client.js';
import type { SwitchMonitors } from './monitors.js';

/** `PbxSimulatorOptions.applicationSession`. */
export interface SimApplicationSessionOptions {
  /** Longest duration granted, seconds. @default 300 */
  readonly maxDurationS?: number;
  /** Duration granted when the client asks for none, seconds. @default 180 */
  readonly defaultDurationS?: number;
  /** Protocol versions served; the first requested one served is granted. @default the first requested */
  readonly protocolVersions?: readonly string[];
  /** A StartApplicationSession naming a live session (Avaya SessionLoginInfo/sessionID): resume it, or refuse (NegResponse). @default 'accept' */
  readonly resume?: 'accept' | 'refuse';
  /** Answer TransferMonitorObjects (else CSTAErrorCode serviceNotSupported). @default true */
  readonly transferMonitorObjects?: boolean;
  /** When set, applicationSpecificInfo must carry this user (userName / user / userID) and password. */
  readonly login?: { readonly user: string; readonly password: string };
  /** OpenScape Voice's `extensions/actualHBT` in the PosResponse. */
  readonly actualHBT?: number;
  /** Sessions held at once (live and waiting for resume); past it, NegResponse maxNumberSessions. @default 1000 */
  readonly maxSessions?: number;
}

interface SimSession {
  readonly id: string;
  /** The client whose link carries it; its monitors are that client's. Undefined while detached. */
  clientId: number | undefined;
  /** The client id its monitors are held under (the last link that carried it). */
  ownerId: number;
  durationS: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** What the sessions need from the simulator. */
export interface ApplicationSessionsHost {
  readonly monitors: SwitchMonitors;
  client(id: number): SimClient | undefined;
  /** The client associated with an application session. */
  associated(client: SimClient): void;
}

export class ApplicationSessions {
  private readonly sessions = new Map<string, SimSession>();
  private counter = 0;
  /** Sessions that expired (for tests). */
  expired = 0;
  /** Fault: when false, ResetApplicationSessionTimer still resets the timer but its answer is lost. */
  answerResets = true;

  constructor(
    private readonly options: SimApplicationSessionOptions,
    private readonly host: ApplicationSessionsHost,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Session ids, with the client carrying each (undefined while waiting for resume). */
  list(): { sessionID: string; clientId: number | undefined }[] {
    return [...this.sessions.values()].map((s) => ({ sessionID: s.id, clientId: s.clientId }));
  }

  /** The session a client's link carries, if any. */
  sessionOf(clientId: number): string | undefined {
    for (const s of this.sessions.values()) if (s.clientId === clientId) return s.id;
    return undefined;
  }

  /** One ECMA-354 message from a client. */
  onMessage(client: SimClient, pdu: ApplicationSessionPdu): void {
    const m = pdu.message;
    const reply = (message: ApplicationSessionMessage): void => {
      client.send({ pdu: 'applicationSession', invokeId: pdu.invokeId, message, ...(pdu.namespace === undefined ? {} : { namespace: pdu.namespace }) });
    };
    switch (m.kind) {
      case 'startApplicationSession':
        reply(this.start(client, m));
        return;
      case 'resetApplicationSessionTimer': {
        const s = this.sessions.get(m.sessionID);
        if (s === undefined || s.clientId !== client.id) {
          reply({ kind: 'resetApplicationSessionTimerNegResponse', errorCode: { definedError: 'invalidSessionID' } });
          return;
        }
        this.arm(s, this.grant(m.requestedSessionDuration));
        if (this.answerResets) reply({ kind: 'resetApplicationSessionTimerPosResponse', actualSessionDuration: s.durationS });
        return;
      }
      case 'stopApplicationSession': {
        const s = this.sessions.get(m.sessionID);
        if (s === undefined || s.clientId !== client.id) {
          reply({ kind: 'stopApplicationSessionNegResponse', errorCode: { definedError: 'invalidSessionID' } });
          return;
        }
        this.end(s);
        reply({ kind: 'stopApplicationSessionPosResponse' });
        return;
      }
      case 'transferMonitorObjects':
        this.transfer(client, pdu, m.fromSessionID, m.toSessionID);
        return;
      default:
        return; // responses and server notices from a client: nothing to do
    }
  }

  private grant(requested: number | undefined): number {
    const max = this.options.maxDurationS ?? 300;
    return Math.max(1, Math.min(max, requested ?? this.options.defaultDurationS ?? 180));
  }

  private start(client: SimClient, m: StartApplicationSession): ApplicationSessionMessage {
    const info = m.applicationInfo.applicationSpecificInfo;
    const login = this.options.login;
    if (login !== undefined) {
      const given = loginCredentialsOf(info);
      if (given === undefined || given.user !== login.user || given.password !== login.password) {
        return { kind: 'startApplicationSessionNegResponse', errorCode: { definedError: 'invalidApplicationInfo' } };
      }
    }
    const served = this.options.protocolVersions;
    const requested = m.requestedProtocolVersions ?? [];
    const version = served === undefined ? requested[0] : requested.length === 0 ? served[0] : requested.find((v) => served.includes(v));
    if (version === undefined && served !== undefined) {
      return { kind: 'startApplicationSessionNegResponse', errorCode: { definedError: 'requestedProtocolVersionNotSupported' } };
    }
    const resumeID = resumeSessionIDOf(info);
    let s: SimSession | undefined;
    if (resumeID !== undefined) {
      const old = this.sessions.get(resumeID);
      if (old === undefined || this.options.resume === 'refuse') {
        return { kind: 'startApplicationSessionNegResponse', errorCode: { applError: `session ${resumeID} cannot be resumed` } };
      }
      this.host.monitors.rebind(old.ownerId, client.id);
      old.clientId = client.id;
      old.ownerId = client.id;
      s = old;
    } else {
      if (this.sessions.size >= (this.options.maxSessions ?? 1000)) {
        return { kind: 'startApplicationSessionNegResponse', errorCode: { definedError: 'maxNumberSessions' } };
      }
      s = { id: `${randomBytes(16).toString('hex').toUpperCase()}-${++this.counter}`, clientId: client.id, ownerId: client.id, durationS: 0, timer: undefined };
      this.sessions.set(s.id, s);
    }
    this.arm(s, this.grant(m.requestedSessionDuration));
    this.host.associated(client);
    return {
      kind: 'startApplicationSessionPosResponse',
      sessionID: s.id,
      ...(version === undefined ? {} : { actualProtocolVersion: version }),
      actualSessionDuration: s.durationS,
      ...(this.options.actualHBT === undefined ? {} : { actualHBT: this.options.actualHBT }),
    };
  }

  /** Avaya TransferMonitorObjects: the monitors of `from` move to `to` (this client's session). */
  private transfer(client: SimClient, pdu: ApplicationSessionPdu, fromID: string, toID: string): void {
    const fail = (operation: 'serviceNotSupported' | 'invalidObjectType'): void => {
      client.send({ pdu: 'returnError', invokeId: pdu.invokeId, error: 'universalFailure', parameter: { operation } } as CstaPdu);
    };
    if (this.options.transferMonitorObjects === false) return fail('serviceNotSupported');
    const from = this.sessions.get(fromID);
    const to = this.sessions.get(toID);
    if (from === undefined || to === undefined || to.clientId !== client.id || from === to) return fail('invalidObjectType');
    this.host.monitors.rebind(from.ownerId, client.id);
    this.clear(from);
    this.sessions.delete(from.id);
    client.send({ pdu: 'applicationSession', invokeId: pdu.invokeId, message: { kind: 'transferMonitorObjectsResponse' }, ...(pdu.namespace === undefined ? {} : { namespace: pdu.namespace }) });
  }

  /** Fault: the server loses a session silently (no ApplicationSessionTerminated); its monitors go too. */
  forget(sessionID: string): boolean {
    const s = this.sessions.get(sessionID);
    if (s === undefined) return false;
    this.end(s);
    return true;
  }

  /** A client's link closed: true when its session lives on (its monitors must be kept). */
  detach(clientId: number): boolean {
    let kept = false;
    for (const s of this.sessions.values()) {
      if (s.clientId !== clientId) continue;
      s.clientId = undefined;
      kept = true;
    }
    return kept;
  }

  /**
   * The server ends a session (ApplicationSessionTerminated, "session lost"): sent on its link if
   * it has one, which is then closed; its monitors are dropped. False if there is no such session.
   */
  terminate(sessionID: string, reason: 'sessionTimerExpired' | 'resourceLimitation' = 'resourceLimitation'): boolean {
    const s = this.sessions.get(sessionID);
    if (s === undefined) return false;
    const client = s.clientId === undefined ? undefined : this.host.client(s.clientId);
    this.end(s);
    if (client !== undefined) {
      client.send({ pdu: 'applicationSession', invokeId: client.nextInvokeId(), message: { kind: 'applicationSessionTerminated', sessionID, sessionTermReason: { definedTermReason: reason } } });
      client.association = undefined;
      setTimeout(() => client.conn.close(), 20).unref?.();
    }
    return true;
  }

  /** Stops every timer (the simulator closes). */
  closeAll(): void {
    for (const s of this.sessions.values()) this.clear(s);
    this.sessions.clear();
  }

  private arm(s: SimSession, durationS: number): void {
    this.clear(s);
    s.durationS = durationS;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.expired++;
      this.terminate(s.id, 'sessionTimerExpired');
    }, durationS * 1000);
    s.timer.unref?.();
  }

  private end(s: SimSession): void {
    this.clear(s);
    this.sessions.delete(s.id);
    this.host.monitors.dropClient(s.ownerId);
  }

  private clear(s: SimSession): void {
    if (s.timer !== undefined) clearTimeout(s.timer);
    s.timer = undefined;
  }
}
