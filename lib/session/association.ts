/**
 * The ACSE association mode: set-up and release PDUs (ACSE with CSTA user information), the
 * reading of the switch's answer, `AcseExchange`, which waits for the answer to the one ACSE PDU
 * in flight, and `AcseAssociation`, the strategy (see association-strategy.ts).
 */
import type { AarePdu, AarqPdu, RlrqPdu } from '../../protocol/acse/pdu.js';
import { nameAndPasswordAuthentication } from '../../protocol/acse/authentication.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { ConnectionClosedError, TimeoutError } from './errors.js';
import { CSTA_APPLICATION_CONTEXT } from './options.js';
import type { AssociationMode } from './options.js';
import type { AssociationHost, AssociationResult, AssociationStrategy } from './association-strategy.js';

type AcseMode = Extract<AssociationMode, { kind: 'acse' }>;

export const DEFAULT_CSTA_VERSIONS: CSTAVersion = ['versionFive'];

/** The AARQ a session sends for `mode`. */
export function buildAarq(mode: AcseMode): AarqPdu {
  const versions = mode.versions ?? DEFAULT_CSTA_VERSIONS;
  const aarq = {
    pdu: 'aarq',
    'application-context-name': mode.applicationContext ?? CSTA_APPLICATION_CONTEXT,
    ...(mode.callingAEQualifier === undefined ? {} : { 'calling-AE-qualifier': { 'ae-qualifier-form2': mode.callingAEQualifier } }),
    ...(mode.password === undefined
      ? {}
      : {
          'sender-acse-requirements': ['authentication'],
          'calling-authentication-value': mode.authenticationName === undefined ? { charstring: mode.password } : nameAndPasswordAuthentication(mode.authenticationName, mode.password),
        }),
    'user-information': [{ encoding: { 'single-ASN1-type': { newDefinition: { cSTAVersion: versions } } } }],
  };
  return aarq as AarqPdu;
}

export type AssociationOutcome =
  | { readonly accepted: true; readonly versions: CSTAVersion | undefined }
  | { readonly accepted: false; readonly reason: string };

/** Reads an AARE: accepted or not, and the CSTA versions the switch chose. */
export function readAare(aare: AarePdu): AssociationOutcome {
  if (aare.result !== 'accepted') {
    const diag = Object.entries(aare['result-source-diagnostic'])[0];
    return { accepted: false, reason: `${String(aare.result)} (${diag === undefined ? 'no diagnostic' : `${diag[0]}: ${String(diag[1])}`})` };
  }
  return { accepted: true, versions: userInfoVersions(aare['user-information']) };
}

/** The CSTA versions in an association's user information, if present. */
export function userInfoVersions(info: AarqPdu['user-information']): CSTAVersion | undefined {
  for (const ext of info ?? []) {
    const enc = ext.encoding as Record<string, unknown>;
    const single = enc['single-ASN1-type'] as Record<string, { cSTAVersion?: CSTAVersion }> | undefined;
    if (single === undefined) continue;
    const def = single.newDefinition ?? single.oldDefinition;
    if (def?.cSTAVersion !== undefined) return def.cSTAVersion;
  }
  return undefined;
}

export const RLRQ: RlrqPdu = { pdu: 'rlrq', reason: 'normal' };

/**
 * One ACSE request/answer at a time (AARQ → AARE, RLRQ → RLRE): `exchange` sends and waits for
 * the expected answer or an ABRT; the session hands every ACSE PDU it receives to `deliver`.
 */
export class AcseExchange {
  private waiter: ((pdu: CstaPdu) => void) | undefined;
  /** Rejects the exchange in flight (the link closed under it). */
  private abort: ((error: Error) => void) | undefined;

  /** Sends `pdu` on `link` and resolves with the `expect`ed answer or an ABRT; TimeoutError after `timeoutMs`, and the `fail` error if the link closes first. */
  exchange(link: { send(pdu: CstaPdu): boolean } | undefined, pdu: CstaPdu, expect: 'aare' | 'rlre', timeoutMs: number): Promise<CstaPdu> {
    if (link === undefined) return Promise.reject(new ConnectionClosedError('no connection'));
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        // Only this exchange's own hooks: a later exchange may have replaced them.
        if (this.waiter === waiter) this.waiter = undefined;
        if (this.abort === abort) this.abort = undefined;
      };
      const timer = setTimeout(() => {
        done();
        reject(new TimeoutError(expect, 0, timeoutMs));
      }, timeoutMs);
      const waiter = (answer: CstaPdu): void => {
        if (answer.pdu !== expect && answer.pdu !== 'abrt') return;
        done();
        resolve(answer);
      };
      const abort = (error: Error): void => {
        done();
        reject(error);
      };
      this.waiter = waiter;
      this.abort = abort;
      link.send(pdu);
    });
  }

  /** An ACSE PDU from the switch (AARE, RLRE, ABRT); ignored unless it answers the exchange in flight. */
  deliver(pdu: CstaPdu): void {
    this.waiter?.(pdu);
  }

  /** The link closed: the exchange in flight, if any, rejects with `error` now rather than at its timeout. */
  fail(error: Error): void {
    this.abort?.(error);
  }
}

/** ACSE: AARQ → AARE on each link, RLRQ → RLRE on close; ABRT from the switch ends the exchange. */
export class AcseAssociation implements AssociationStrategy {
  readonly kind = 'acse';
  readonly systemStatusKeepAlive = true;
  private readonly acse = new AcseExchange();

  constructor(private readonly mode: AcseMode) {}

  async associate(host: AssociationHost): Promise<AssociationResult> {
    const answer = await this.acse.exchange(host.link(), buildAarq(this.mode), 'aare', host.requestTimeoutMs);
    if (answer.pdu !== 'aare') throw new ConnectionClosedError(`association refused: ${answer.pdu}`);
    const outcome = readAare(answer);
    if (!outcome.accepted) {
      host.dropLink();
      throw new ConnectionClosedError(`association rejected: ${outcome.reason}`);
    }
    return { versions: outcome.versions, monitorsKept: false };
  }

  async release(host: AssociationHost): Promise<void> {
    await this.acse.exchange(host.link(), RLRQ, 'rlre', 2000).catch(() => undefined);
  }

  linkLost(): void {
    // The AARQ or RLRQ in flight fails at once (ConnectionClosedError), not at its timeout.
    this.acse.fail(new ConnectionClosedError('link closed during the association'));
  }

  deliver(pdu: CstaPdu): void {
    this.acse.deliver(pdu);
  }
}
