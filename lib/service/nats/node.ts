/**
 * One instance of a link in a NATS deployment: publishes the link's events to JetStream, answers
 * Pega requests over NATS, and — with active/standby on — holds the PBX association only while
 * it holds the link's lease.
 *
 * Standby: the PBX link is closed; this instance's agent front ends (the gateway) are routed to
 * a {@link RemotePegaLink}: requests over NATS to the active instance, events from the stream.
 * Taking over (lease won): publisher on with the new epoch, associate with the PBX (the session's
 * resync follows), log in again the agents the registry lists, start answering requests, and
 * route the front ends back to the local link. Losing the lease (or stopping): stop answering,
 * flush the publisher, release the PBX association, route the front ends through NATS again.
 * Transitions run one at a time, in order.
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { PegaLinkLike } from '../../pega/gateway/types.js';
import { AgentRegistry } from './agent-registry.js';
import { RemotePegaLink } from './client.js';
import { NatsLease } from './lease.js';
import type { LeaseLossReason } from './lease.js';
import { NatsEventPublisher } from './publisher.js';
import type { DropReason, EventPublisherOptions } from './publisher.js';
import { NatsRequestResponder } from './responder.js';
import { ensureLinkStream, streamName } from './stream.js';
import type { LinkStreamConfig } from './stream.js';
import type { CstaEventSource, LocalPegaLink, PegaEventSource } from './types.js';

/** Pause before the standby retries creating its event consumer, ms. */
export const CONSUMER_RETRY_MS = 2000;
/** Longest wait for NATS operations when stopping (the stream consumer, the lease delete), ms. */
export const STOP_BOUND_MS = 3000;

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/** Longest wait for the publisher's PubAcks when giving up the link, ms. */
export const FLUSH_ON_RELEASE_MS = 2000;

/** What a node needs from the service around it (the `csta serve` plugin host fits, see plugin.ts). */
export interface NatsNodeHost {
  /** The link's name (subjects, stream, buckets). */
  readonly linkName: string;
  /** The CSTA session whose events are published. */
  readonly session: CstaEventSource;
  /** The local Pega link: its events are published, requests over NATS are carried out on it. */
  readonly link: LocalPegaLink & PegaEventSource;
  /** Opens the PBX link and associates; resolves once associated. */
  associate(): Promise<void>;
  /** Releases the PBX association and closes the link. */
  release(): Promise<void>;
  /**
   * Routes this instance's agent front ends: to `remote` while standby, back to the local link
   * with `undefined`. Optional: without it only NATS clients see the standby's routing.
   */
  routeAgents?(remote: PegaLinkLike | undefined): void;
  /** Logs a node event (role changes, takeovers, warnings). */
  log?(level: 'info' | 'warn', message: string, fields: Readonly<Record<string, unknown>>): void;
}

/** Options of {@link NatsLinkNode}. */
export interface NatsNodeOptions {
  /** This instance's name; default `<hostname>:<pid>`. */
  readonly instance?: string;
  /** Hold the PBX association only with the lease (default true); false: always active, the service associates. */
  readonly activeStandby?: boolean;
  /** The link's stream bounds (the link name comes from the host). */
  readonly stream?: Omit<LinkStreamConfig, 'link'>;
  /** Lease timings. */
  readonly lease?: { readonly ttlMs?: number; readonly renewEveryMs?: number; readonly pollMs?: number };
  /** Publisher options (which events, bounds). */
  readonly publish?: Pick<EventPublisherOptions, 'csta' | 'pega' | 'maxPending' | 'publishTimeoutMs' | 'retries'>;
  /** Requests: how many run at once here, how long remote ones wait for an answer and for a responder. */
  readonly requests?: { readonly maxInFlight?: number; readonly timeoutMs?: number; readonly takeoverWaitMs?: number };
}

/** Where a node stands. */
export type NodeRole = 'standby' | 'activating' | 'active' | 'releasing' | 'stopped';

/** A completed takeover. */
export interface TakeoverReport {
  readonly epoch: number;
  /** From winning the lease to answering requests, ms. */
  readonly activationMs: number;
  /** Agents logged in again from the registry. */
  readonly agentsRestored: number;
}

/** Events of {@link NatsLinkNode}. */
export interface NatsNodeEvents {
  role: [role: NodeRole, epoch: number];
  takeover: [report: TakeoverReport];
  /** An event reached the stream (a duplicate when the stream already had its message id). */
  published: [duplicate: boolean];
  /** An event was not published. */
  dropped: [reason: DropReason];
  warning: [error: Error];
}

/** See the file header. */
export class NatsLinkNode extends EventEmitter<NatsNodeEvents> {
  readonly instance: string;
  /** The link as seen through NATS (requests to the active instance, events from the stream). */
  readonly remote: RemotePegaLink;
  private readonly js: JetStreamClient;
  private readonly host: NatsNodeHost;
  private readonly options: NatsNodeOptions;
  private readonly registry: AgentRegistry;
  private readonly responder: NatsRequestResponder;
  private lease: NatsLease | undefined;
  private publisher: NatsEventPublisher | undefined;
  private role_: NodeRole = 'standby';
  private chain: Promise<void> = Promise.resolve();

  private constructor(nc: NatsConnection, host: NatsNodeHost, options: NatsNodeOptions, registry: AgentRegistry) {
    super();
    this.js = jetstream(nc);
    this.host = host;
    this.options = options;
    this.registry = registry;
    this.instance = options.instance ?? `${hostname()}:${process.pid}`;
    const r = options.requests ?? {};
    this.remote = new RemotePegaLink(nc, this.js, {
      link: host.linkName,
      stream: streamName({ link: host.linkName, ...options.stream }),
      ...(r.timeoutMs === undefined ? {} : { requestTimeoutMs: r.timeoutMs }),
      ...(r.takeoverWaitMs === undefined ? {} : { takeoverWaitMs: r.takeoverWaitMs }),
    });
    this.remote.on('warning', (e) => this.warn(e));
    this.responder = new NatsRequestResponder(nc, host.link, { link: host.linkName, ...(r.maxInFlight === undefined ? {} : { maxInFlight: r.maxInFlight }) });
  }

  /**
   * Ensures the stream and buckets, then starts: active/standby contends for the lease (standby
   * until won); without it the node is active at once and the service keeps its own association.
   */
  static async start(nc: NatsConnection, host: NatsNodeHost, options: NatsNodeOptions = {}): Promise<NatsLinkNode> {
    await ensureLinkStream(await jetstreamManager(nc), { link: host.linkName, ...options.stream });
    const registry = await AgentRegistry.open(jetstream(nc), host.linkName);
    const node = new NatsLinkNode(nc, host, options, registry);
    if (options.activeStandby === false) {
      await node.activate(Date.now(), false);
      return node;
    }
    node.lease = await NatsLease.open(node.js, { link: host.linkName, owner: node.instance, ...options.lease });
    node.lease.on('acquired', (epoch) => node.enqueue(() => node.activate(epoch, true)));
    node.lease.on('lost', (reason) => {
      // An association still being opened is abandoned at once (the service's associate loop ends on release).
      if (node.role_ === 'activating') void host.release().catch(() => undefined);
      void node.enqueue(() => node.deactivate(reason));
    });
    node.lease.on('error', (e) => node.warn(e));
    await node.standby();
    node.lease.start();
    return node;
  }

  /** Where this node stands. */
  get role(): NodeRole {
    return this.role_;
  }

  /** The lease epoch while active (0 otherwise). */
  get epoch(): number {
    return this.publisher?.epoch ?? 0;
  }

  /** The publisher while active (counters). */
  get activePublisher(): NatsEventPublisher | undefined {
    return this.publisher;
  }

  /** Stops: gives the link up (deleting the lease so a standby takes over at once) and stops consuming. Does not close the connection. */
  async stop(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    await this.enqueue(async () => {
      if (this.role_ === 'active' || this.role_ === 'activating') await this.giveUp();
      this.setRole('stopped', 0);
      await Promise.race([this.remote.stop(), delay(STOP_BOUND_MS)]);
    });
    await Promise.race([lease?.stop(), delay(STOP_BOUND_MS)]);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((e: unknown) => this.warn(e instanceof Error ? e : new Error(String(e))));
    return this.chain;
  }

  private async standby(): Promise<void> {
    this.host.routeAgents?.(this.remote);
    this.setRole('standby', 0);
    await this.startConsumer();
  }

  /** Starts the standby's event consumer; while NATS cannot create it, tries again every {@link CONSUMER_RETRY_MS}. */
  private async startConsumer(): Promise<void> {
    if (this.role_ !== 'standby') return;
    try {
      await this.remote.start();
    } catch (e) {
      this.warn(e instanceof Error ? e : new Error(String(e)));
      setTimeout(() => void this.enqueue(() => this.startConsumer()), CONSUMER_RETRY_MS).unref();
    }
  }

  private async activate(epoch: number, manageAssociation: boolean): Promise<void> {
    if (this.role_ === 'stopped') return;
    const t0 = Date.now();
    this.setRole('activating', epoch);
    await this.remote.stop();
    const publisher = new NatsEventPublisher(this.js, { link: this.host.linkName, epoch, instance: this.instance, ...this.options.publish });
    publisher.on('published', (p) => this.emit('published', p.ack.duplicate));
    publisher.on('dropped', (reason) => void this.emit('dropped', reason));
    publisher.on('dropped', (reason, subject, error) => this.warn(new Error(`event on ${subject} not published (${reason})${error === undefined ? '' : `: ${error.message}`}`)));
    publisher.attachCsta(this.host.session);
    publisher.attachPega(this.host.link);
    this.publisher = publisher;
    this.registry.attach(this.host.link);
    let restored = 0;
    if (manageAssociation) {
      await this.host.associate();
      if (this.lease?.held !== true) return; // lost meanwhile: deactivate is queued
      // Local from here on: the restore below, and this instance's front ends, use the local link.
      this.host.routeAgents?.(undefined);
      for (const a of await this.registry.list().catch(() => [])) {
        if (this.host.link.agents.some((x) => x.agentId === a.agentId)) continue;
        const r = await this.host.link.login({ agentId: a.agentId, device: a.device });
        if (r.ok) restored++;
        else this.warn(new Error(`agent ${a.agentId} at ${a.device} not restored: ${r.errCode} ${r.errMessage}`));
      }
    }
    this.host.routeAgents?.(undefined);
    await this.responder.start();
    this.setRole('active', epoch);
    const report: TakeoverReport = { epoch, activationMs: Date.now() - t0, agentsRestored: restored };
    this.host.log?.('info', 'link taken over', { ...report, instance: this.instance });
    this.emit('takeover', report);
  }

  private async deactivate(reason: LeaseLossReason): Promise<void> {
    if (this.role_ !== 'active' && this.role_ !== 'activating') return;
    this.host.log?.('warn', 'link lease lost', { reason, instance: this.instance });
    await this.giveUp();
    if (reason !== 'stopped') await this.standby();
  }

  /**
   * Stops answering and publishing, and releases the PBX association. The release does not wait
   * for NATS (which may be what failed): the association goes before the lease can pass to
   * another instance. What the publisher still has in flight gets a bounded wait after.
   */
  private async giveUp(): Promise<void> {
    this.setRole('releasing', this.epoch);
    const responding = this.responder.stop();
    this.registry.detach();
    const publisher = this.publisher;
    publisher?.detach();
    this.publisher = undefined;
    if (this.options.activeStandby !== false) await this.host.release().catch((e: unknown) => this.warn(e as Error));
    await responding;
    if (publisher !== undefined) await Promise.race([publisher.flush(), delay(FLUSH_ON_RELEASE_MS)]);
  }

  private setRole(role: NodeRole, epoch: number): void {
    if (this.role_ === role) return;
    this.role_ = role;
    this.emit('role', role, epoch);
  }

  private warn(e: Error): void {
    this.host.log?.('warn', e.message, { instance: this.instance });
    if (this.listenerCount('warning') > 0) this.emit('warning', e);
  }
}
