/**
 * Monitor-only subscriptions: SubscribeForEvents for a DN where no agent is logged in through the
 * link (simple telephony — screen pop without ACD agent state) opens a CSTA monitor on the DN and
 * maps its events with the link's mapper. When an agent logs in at the DN the link takes the
 * device over (this monitor is stopped first, so the switch never sees two monitors from us on
 * one device); after the logout, a DN still subscribed is monitored here again.
 */
import type { CstaEvent } from '../../session/events.js';
import type { Monitor } from '../../session/monitors.js';
import { toPegaFailure } from '../errors.js';
import type { PegaMapper } from '../mapper.js';
import type { PegaEvent, PegaLinkState, PegaResult } from '../types.js';

/** What monitor-only subscriptions need from the link (a PegaCtiLink has it). */
export interface MonitoringLink {
  readonly session: {
    monitorStart(device: string): Promise<Monitor>;
    monitorStop(monitor: Monitor): Promise<void>;
    on(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
    off(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
  };
  readonly mapper: Pick<PegaMapper, 'map' | 'snapshot' | 'forget'>;
  readonly linkState: PegaLinkState;
  agentAt(device: string): { readonly agentId: string } | undefined;
}

type Watch = { readonly dn: string; readonly agentId: string; monitor: Monitor | undefined };

/** The DNs monitored for subscriptions alone. */
export class SubscriptionMonitors {
  private readonly link: MonitoringLink;
  private readonly sink: (agentId: string, dn: string, event: PegaEvent) => void;
  private readonly watches = new Map<string, Watch>();
  private readonly onEvent = (event: CstaEvent, monitor: Monitor | undefined): void => this.handle(event, monitor);

  constructor(link: MonitoringLink, sink: (agentId: string, dn: string, event: PegaEvent) => void) {
    this.link = link;
    this.sink = sink;
    link.session.on('event', this.onEvent);
  }

  /** Whether `dn` is monitored here. */
  has(dn: string): boolean {
    return this.watches.has(dn);
  }

  /** DNs monitored here. */
  get size(): number {
    return this.watches.size;
  }

  /**
   * Monitors `dn` for `agentId` ("" = none) unless it is already, or an agent of the link is at
   * it (its events come from the link then). On success a Snapshot (`pyDeviceState` OPENED) is
   * sent, unless `snapshot` is false (monitoring again after a logout, whose Snapshot was just sent).
   */
  async start(dn: string, agentId: string, snapshot = true): Promise<PegaResult> {
    if (this.watches.has(dn) || this.link.agentAt(dn) !== undefined) return { ok: true };
    const watch: Watch = { dn, agentId, monitor: undefined };
    this.watches.set(dn, watch);
    try {
      const monitor = await this.link.session.monitorStart(dn);
      if (this.watches.get(dn) !== watch) {
        await this.link.session.monitorStop(monitor).catch(() => undefined); // stopped meanwhile
        return { ok: true };
      }
      watch.monitor = monitor;
    } catch (e) {
      if (this.watches.get(dn) === watch) this.watches.delete(dn);
      return toPegaFailure(e, 'call');
    }
    if (snapshot) this.sink(agentId, dn, this.link.mapper.snapshot(dn, undefined, { agentId }, this.link.linkState, 'OPENED'));
    return { ok: true };
  }

  /** Stops monitoring `dn` here (no-op when not). The link's mapper forgets the line. */
  async stop(dn: string): Promise<void> {
    const watch = this.watches.get(dn);
    if (watch === undefined) return;
    this.watches.delete(dn);
    if (watch.monitor !== undefined) await this.link.session.monitorStop(watch.monitor).catch(() => undefined);
    if (this.link.agentAt(dn) === undefined) this.link.mapper.forget(dn);
  }

  /** Stops every monitor and listening. */
  async close(): Promise<void> {
    this.link.session.off('event', this.onEvent);
    await Promise.all([...this.watches.keys()].map((dn) => this.stop(dn)));
  }

  private handle(event: CstaEvent, monitor: Monitor | undefined): void {
    if (monitor === undefined) return;
    const watch = this.watches.get(monitor.device);
    if (watch === undefined || this.link.agentAt(watch.dn) !== undefined) return;
    for (const e of this.link.mapper.map(watch.dn, event)) this.sink(watch.agentId, watch.dn, e);
  }
}
