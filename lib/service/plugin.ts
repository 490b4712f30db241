/**
 * The hook by which optional parts of `csta serve` (the NATS fan-out and active/standby lease in
 * lib/service/nats/, and anything later) plug into one running link service without the service
 * knowing them.
 *
 * A plugin is made by a {@link ServicePluginFactory}, which names the config section it owns (e.g.
 * `nats`) and gives the JSON Schema fragment that validates it. The factories the service knows
 * are listed in `BUILTIN_PLUGINS` (lib/service/plugins.ts): adding one there adds its section to
 * the config schema (and to docs/csta-serve.schema.json), and the service starts the plugin when
 * the section is present in the config.
 *
 * Life cycle: `create(section, host)` once the service has its session, Pega link and HTTP server
 * (before the PBX link is opened, so a plugin that `managesAssociation` can decide whether to open
 * it); `start()` next; `reload(section)` on SIGHUP when the section changed; `stop()` on shutdown,
 * before the PBX association is released (the plugin flushes what it publishes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { CstaSession } from '../session/session.js';
import type { PegaCtiLink, PegaLoginParams } from '../pega/link.js';
import type { PegaRequest, PegaResult } from '../pega/types.js';
import type { PegaLinkLike } from '../pega/gateway/types.js';

/** A JSON Schema fragment (draft 2020-12 / ajv), as a plain object. */
export type SchemaFragment = { readonly [key: string]: unknown };

/** One agent request handed to the service from outside its own HTTP/WebSocket front ends. */
export type ServiceRequest =
  | { readonly kind: 'login'; readonly params: PegaLoginParams }
  | { readonly kind: 'logout'; readonly agentId: string; readonly reasonCode?: string }
  | { readonly kind: 'request'; readonly agentId: string; readonly request: PegaRequest };

/** Which PBX endpoint the session uses, and whether it holds the association. */
export interface AssociationState {
  /** True while this process holds the PBX association (connected and associated, or reconnecting to it). */
  readonly held: boolean;
  /** True while the link is associated right now. */
  readonly associated: boolean;
  /** `host:port` of the endpoint in use (primary or secondary), undefined before the first connect. */
  readonly endpoint: string | undefined;
}

/** What the service gives a plugin. */
export interface ServiceHost {
  /** The link's name (config `name`), used in NATS subjects (`csta.<link>.<device>.<event>`). */
  readonly linkName: string;
  /** The CSTA session to the PBX (events: 'event', 'status', 'model', 'resync'...). */
  readonly session: CstaSession;
  /** The Pega layer on that session (events: 'event' per agent). */
  readonly link: PegaCtiLink;
  /** The service's logger; a plugin logs with `logger.child({ plugin: name })`. */
  readonly logger: Logger;
  /** The service's Prometheus registry; plugin metrics must be named `csta_*`. */
  readonly metrics: Registry;
  /** Runs one agent request as the gateway and the HTTP API do (never rejects; failures are results). */
  dispatch(request: ServiceRequest): Promise<PegaResult>;
  /** The PBX association now. */
  association(): AssociationState;
  /**
   * Opens the PBX link and associates (failing over between the configured endpoints), then logs
   * in the configured agents and restores those that were logged in. Resolves once associated.
   * Only for a plugin with `managesAssociation` (standby taking over); otherwise the service does it.
   */
  associate(): Promise<void>;
  /** Releases the PBX association properly (RLRQ / StopApplicationSession) and closes the link. */
  release(): Promise<void>;
  /**
   * Routes the service's agent front ends (gateway, API) to `remote` — a link on another instance,
   * e.g. the NATS plugin's while standby — or back to the local link with `undefined`.
   */
  routeAgents?(remote: PegaLinkLike | undefined): void;
}

/** A running plugin. */
export interface ServicePlugin {
  /** Called once after `create`; resolves when the plugin is ready (e.g. connected to NATS). */
  start(): Promise<void>;
  /** Flush and stop; called on shutdown before the PBX association is released. Must settle in bounded time. */
  stop(): Promise<void>;
  /** SIGHUP with a changed config section; may throw to report that the change needs a restart. */
  reload?(section: unknown): void | Promise<void>;
  /** HTTP requests on the service's port, asked after the built-in routes: return true when handled. */
  handle?(req: IncomingMessage, res: ServerResponse): boolean;
  /** Extra reason for /readyz to answer 503 (e.g. not connected to NATS), or undefined when ready. */
  notReady?(): string | undefined;
  /**
   * While the plugin keeps this instance a standby on purpose (another instance holds the PBX
   * link: NATS active/standby), a description; /healthz and /readyz then answer 200 with
   * `link: "standby"` instead of 503 for the unassociated PBX link.
   */
  standby?(): string | undefined;
}

/** Makes a plugin from its config section. */
export interface ServicePluginFactory {
  /** The config section it owns (top-level key, e.g. `nats`). */
  readonly section: string;
  /** JSON Schema of that section (unknown keys inside it should be refused: `additionalProperties: false`). */
  readonly schema: SchemaFragment;
  /** One-line description, shown in the published schema. */
  readonly description: string;
  /**
   * When true, the service does not open the PBX link itself at start: the plugin calls
   * `host.associate()` when it should (e.g. once it holds a lease). Decided per config section.
   */
  managesAssociation?(section: unknown): boolean;
  create(section: unknown, host: ServiceHost): ServicePlugin;
}
