/**
 * What the NATS layer needs from the rest of the service, as structural interfaces: a
 * `CstaSession` is a {@link CstaEventSource}, a `PegaCtiLink` is a {@link LocalPegaLink}, and
 * tests may pass fakes. Nothing here depends on how the service is configured or started.
 */
import type { CstaEvent } from '../../session/events.js';
import type { Monitor } from '../../session/monitors.js';
import type { PegaLinkLike } from '../../pega/gateway/types.js';
import type { PegaEvent } from '../../pega/types.js';

/** Listener of a session's `'event'`. */
export type CstaEventListener = (event: CstaEvent, monitor: Monitor | undefined) => void;
/** Listener of a link's `'event'`. */
export type PegaEventListenerFn = (agentId: string, event: PegaEvent) => void;

/** The CSTA events of a session (a `CstaSession` fits). */
export interface CstaEventSource {
  on(event: 'event', listener: CstaEventListener): unknown;
  off(event: 'event', listener: CstaEventListener): unknown;
}

/** The Pega events of a link (a `PegaCtiLink` fits). */
export interface PegaEventSource {
  on(event: 'event', listener: PegaEventListenerFn): unknown;
  off(event: 'event', listener: PegaEventListenerFn): unknown;
}

/** An agent the link has logged in (PegaCtiLink's `agents`). */
export interface LoggedInAgent {
  readonly agentId: string;
  readonly device: string;
  readonly password: string | undefined;
}

/** The local Pega link of the instance that holds the PBX association (a `PegaCtiLink` fits). */
export interface LocalPegaLink extends PegaLinkLike {
  /** The agents logged in through this link. */
  readonly agents: readonly LoggedInAgent[];
}
