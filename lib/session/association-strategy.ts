/**
 * How a session sets up, keeps and releases its association once the TCP (or TLS) link is up.
 * Each association mode (ACSE, systemRegister, none, ECMA-354 application session) is one
 * {@link AssociationStrategy} in its own file; the session calls the strategy and owns nothing of
 * the mode itself. `createAssociation` picks the strategy for an {@link AssociationMode}.
 */
import type { CstaPdu } from '../../protocol/pdu.js';
import type { ArgumentOf, ResultOf } from '../../protocol/csta/operation.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { ApplicationSessionMessage } from '../../protocol/ecma354/messages.js';
import type { RequestOptions } from './requests.js';
import type { VendorElement, VendorPdu } from '../../protocol/xml/vendor.js';

/** What a strategy may use of the session while the link it associates is up. */
export interface AssociationHost {
  /** The link being associated (undefined once it is gone). */
  link(): { send(pdu: CstaPdu): boolean } | undefined;
  /** Timeout of association requests (the session's request timeout). */
  readonly requestTimeoutMs: number;
  /** A CSTA request on the link (allowed while connecting). */
  request<N extends OperationName>(operation: N, argument: ArgumentOf<OperationNamed<N>>, options?: RequestOptions): Promise<ResultOf<OperationNamed<N>>>;
  /**
   * Sends an ECMA-354 request and resolves with the message answering it (same invoke id): a
   * positive or negative response, never thrown; TimeoutError or ConnectionClosedError otherwise.
   */
  sessionRequest(message: ApplicationSessionMessage, options?: { readonly timeoutMs?: number; readonly namespace?: string }): Promise<ApplicationSessionMessage>;
  /**
   * Sends a vendor (non-CSTA) XML message and resolves with the vendor message the switch answers
   * with under the same invoke id; TimeoutError or ConnectionClosedError otherwise.
   */
  vendorRequest(element: VendorElement, options?: { readonly timeoutMs?: number }): Promise<VendorPdu>;
  /** Drops the link at once (the session reconnects as after any link loss). */
  dropLink(): void;
  /** Reports a degraded association (`status` event). */
  degraded(reason: string): void;
  /** Reports the association healthy again after `degraded`. */
  recovered(): void;
}

/** What the association gave the session. */
export interface AssociationResult {
  /** CSTA versions agreed (ACSE only). */
  readonly versions?: CSTAVersion;
  /**
   * True when the switch still holds the monitors started before a reconnect, under the same
   * cross references (an application session resumed, or its monitors transferred): the session
   * then only resynchronises them instead of starting them again.
   */
  readonly monitorsKept: boolean;
}

/** One association mode. */
export interface AssociationStrategy {
  readonly kind: string;
  /** Whether the session's systemStatus keep-alive runs on this association. */
  readonly systemStatusKeepAlive: boolean;
  /** Sets up the association on a fresh link; `reconnect` after a link loss. Rejects when refused. */
  associate(host: AssociationHost, reconnect: boolean): Promise<AssociationResult>;
  /** Orderly release before the session closes the link (never rejects). */
  release(host: AssociationHost): Promise<void>;
  /** The link is gone: stop timers (what is needed to resume is kept). */
  linkLost(): void;
  /** An association PDU from the switch that no pending request took (ACSE answers, ECMA-354 notices). */
  deliver(pdu: CstaPdu, host: AssociationHost): void;
}
