/**
 * The `nats` section of `csta serve`: the service plugin (lib/service/plugin.ts) that connects
 * to NATS and runs a {@link NatsLinkNode} on the service's session and Pega link. With
 * `activeStandby` (the default) the plugin manages the PBX association: the service opens it
 * only while this instance holds the link's lease.
 */
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { Counter, Gauge } from 'prom-client';
import type { SchemaFragment as JsonSchema, ServiceHost, ServicePlugin, ServicePluginFactory } from '../plugin.js';
import { DEFAULT_LEASE_TTL_MS, MIN_LEASE_TTL_MS } from './lease.js';
import { NatsLinkNode } from './node.js';
import type { NatsNodeHost, NatsNodeOptions } from './node.js';
import { DEFAULT_DUPLICATE_WINDOW_MS, DEFAULT_STREAM_MAX_AGE_MS, DEFAULT_STREAM_MAX_BYTES, DEFAULT_STREAM_MAX_MSGS } from './stream.js';
import type { LocalPegaLink, PegaEventSource } from './types.js';

/** The `nats` config section (after validation and defaults). */
export interface NatsSection extends NatsNodeOptions {
  /** NATS server URLs. */
  readonly servers: readonly string[];
  /** Token, or user and password, for the NATS server (use `${env:NAME}`). */
  readonly token?: string;
  readonly user?: string;
  readonly password?: string;
}

const int = (description: string, minimum: number, maximum: number, def?: number): JsonSchema => ({ type: 'integer', description, minimum, maximum, ...(def === undefined ? {} : { default: def }) });
const obj = (description: string, properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', description, additionalProperties: false, properties, default: {} });

/** JSON Schema of the `nats` section. */
export const NATS_SECTION_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['servers'],
  properties: {
    servers: { type: 'array', description: 'NATS server URLs (nats://host:4222).', minItems: 1, maxItems: 32, items: { type: 'string', minLength: 1, maxLength: 512 } },
    token: { type: 'string', description: 'NATS auth token (use ${env:NAME}).', minLength: 1 },
    user: { type: 'string', description: 'NATS user.', minLength: 1 },
    password: { type: 'string', description: 'NATS password (use ${env:NAME}).', minLength: 1 },
    instance: { type: 'string', description: 'This instance’s name (lease holder, event header); default host:pid.', minLength: 1, maxLength: 128 },
    activeStandby: { type: 'boolean', description: 'Hold the PBX association only with the link’s lease (another instance is the standby).', default: true },
    stream: obj('The JetStream stream of the link’s events (CSTA_<link>).', {
      maxAgeMs: int('Oldest event kept, ms.', 1000, 365 * 24 * 3600 * 1000, DEFAULT_STREAM_MAX_AGE_MS),
      maxBytes: int('Bytes kept.', 1024, Number.MAX_SAFE_INTEGER, DEFAULT_STREAM_MAX_BYTES),
      maxMsgs: int('Events kept.', 1, Number.MAX_SAFE_INTEGER, DEFAULT_STREAM_MAX_MSGS),
      duplicateWindowMs: int('How long a Nats-Msg-Id is remembered, ms.', 100, 24 * 3600 * 1000, DEFAULT_DUPLICATE_WINDOW_MS),
      replicas: int('Stream replicas (NATS cluster).', 1, 5, 1),
      storage: { type: 'string', enum: ['file', 'memory'], default: 'file', description: 'Where the server keeps the stream.' },
    }),
    lease: obj('The active/standby lease (KV bucket csta_lease_<link>).', {
      ttlMs: int('Lease lifetime without renewal, ms: a dead active is replaced after about this long.', MIN_LEASE_TTL_MS, 600_000, DEFAULT_LEASE_TTL_MS),
      renewEveryMs: int('Renewal period, ms (default a third of ttlMs).', 50, 300_000),
      pollMs: int('How often the standby tries to take the lease, ms (default ttlMs/20).', 10, 60_000),
    }),
    publish: obj('What goes to the stream.', {
      csta: { type: 'boolean', description: 'CSTA events (csta.<link>.<device>.<event>).', default: true },
      pega: { type: 'boolean', description: 'Pega events (pega.<link>.<agent>).', default: true },
      maxPending: int('Publishes awaiting their ack before events are dropped.', 1, 100_000, 1000),
    }),
    requests: obj('Pega requests over NATS (pega.<link>.req.<agent>).', {
      maxInFlight: int('Requests carried out at once on the active instance.', 1, 10_000, 256),
      timeoutMs: int('Time for the active instance to answer, ms.', 100, 120_000, 10_000),
      takeoverWaitMs: int('Time a standby’s request waits for an active instance, ms.', 0, 120_000, 15_000),
    }),
  },
};

/** The service host as a node host: requests go through the service's dispatcher (metrics, passwords, shutdown gate). */
export function nodeHostOf(host: ServiceHost): NatsNodeHost {
  const link: LocalPegaLink & PegaEventSource = {
    get agents() {
      return host.link.agents;
    },
    login: (params) => host.dispatch({ kind: 'login', params }),
    logout: (agentId, reasonCode) => host.dispatch({ kind: 'logout', agentId, ...(reasonCode === undefined ? {} : { reasonCode }) }),
    request: (agentId, request) => host.dispatch({ kind: 'request', agentId, request }),
    refresh: (agentId) => host.link.refresh(agentId),
    on: (event, listener) => host.link.on(event, listener),
    off: (event, listener) => host.link.off(event, listener),
  };
  return {
    linkName: host.linkName,
    session: host.session,
    link,
    associate: () => host.associate(),
    release: () => host.release(),
    ...(host.routeAgents === undefined ? {} : { routeAgents: (remote) => host.routeAgents?.(remote) }),
    log: (level, message, fields) => host.logger[level](fields, message),
  };
}

class NatsServicePlugin implements ServicePlugin {
  private nc: NatsConnection | undefined;
  private node: NatsLinkNode | undefined;
  constructor(
    private readonly section: NatsSection,
    private readonly host: ServiceHost,
  ) {}

  async start(): Promise<void> {
    const s = this.section;
    this.nc = await connect({
      servers: [...s.servers],
      name: `csta-link ${this.host.linkName}${s.instance === undefined ? '' : ` ${s.instance}`}`,
      maxReconnectAttempts: -1,
      ...(s.token === undefined ? {} : { token: s.token }),
      ...(s.user === undefined ? {} : { user: s.user, pass: s.password ?? '' }),
    });
    const registers = [this.host.metrics];
    const active = new Gauge({ name: 'csta_nats_active', help: '1 while this instance holds the link (lease), 0 on standby.', registers });
    const takeovers = new Counter({ name: 'csta_nats_takeovers_total', help: 'Times this instance took the link over.', registers });
    const published = new Counter({ name: 'csta_nats_events_published_total', help: 'Events stored in the link stream (duplicate="true": the stream already had the message id).', labelNames: ['duplicate'], registers });
    const dropped = new Counter({ name: 'csta_nats_events_dropped_total', help: 'Events not published, by reason (backlog, too-large, bad-subject, failed).', labelNames: ['reason'], registers });
    const node = await NatsLinkNode.start(this.nc, nodeHostOf(this.host), s);
    node.on('published', (duplicate) => published.inc({ duplicate: String(duplicate) }));
    node.on('dropped', (reason) => dropped.inc({ reason }));
    node.on('role', (role) => active.set(role === 'active' ? 1 : 0));
    node.on('takeover', () => takeovers.inc());
    active.set(node.role === 'active' ? 1 : 0);
    this.node = node;
  }

  async stop(): Promise<void> {
    await this.node?.stop();
    const nc = this.nc;
    if (nc === undefined || nc.isClosed()) return;
    // Bounded: with the server unreachable a drain waits for a reconnect that may never come.
    await Promise.race([nc.drain().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    if (!nc.isClosed()) await nc.close().catch(() => undefined);
  }

  reload(section: unknown): void {
    if (JSON.stringify(section) !== JSON.stringify(this.section)) throw new Error('the nats section changes only with a restart');
  }

  standby(): string | undefined {
    return this.node?.role === 'standby' ? `standby: another instance holds link ${this.host.linkName}` : undefined;
  }

  notReady(): string | undefined {
    if (this.nc === undefined || this.nc.isClosed()) return 'not connected to NATS';
    return undefined;
  }
}

/** The plugin factory for `BUILTIN_PLUGINS`. */
export const natsPlugin: ServicePluginFactory = {
  section: 'nats',
  schema: NATS_SECTION_SCHEMA,
  description: 'Scale-out on NATS: events to JetStream, Pega requests over request/reply, active/standby by a KV lease (docs/nats.md).',
  managesAssociation: (section) => (section as NatsSection).activeStandby !== false,
  create: (section, host) => new NatsServicePlugin(section as NatsSection, host),
};
