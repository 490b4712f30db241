/**
 * Monitor-only subscriptions: SubscribeForEvents for a DN where no agent is logged in through the
 * link (simple telephony — screen pop without ACD agent state) opens a CSTA monitor on the DN and
 * maps its events with the link's mapper. When an agent logs in at the DN the link takes the
 * device over (this monitor is stopped first, so the switch never sees two monitors from us on
 * one device); after the logout, a DN still subscribed is monitored here again.
 */
import type { CstaEvent } from '../../session/events.js';
import type { Monitor } from '../../session/monitors.js';
import type { SessionStatus } from '../../session/session-types.js';
import { toPegaFailure } from '../errors.js';
import type { PegaMapper } from '../mapper.js';
import type { SnapshotDeviceResult } from '../../../protocol/csta/services/snapshot-device.js';
import type { PegaEvent, PegaLinkState, PegaResult } from '../types.js';

/** What monitor-only subscriptions need from the link (a PegaCtiLink has it). */
export interface MonitoringLink {
  readonly session: {
    monitorStart(device: string): Promise<Monitor>;
    monitorStop(monitor: Monitor): Promise<void>;
    on(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
    off(event: 'event', listener: (event: CstaEvent, monitor: Monitor | undefined) => void): unknown;
    /** A monitor restored after a reconnect, with the device's snapshot (CstaSession's 'resync'). */
    on(event: 'resync', listener: (monitor: Monitor, snapshot: SnapshotDeviceResult | undefined, error: Error | undefined) => void): unknown;
    off(event: 'resync', listener: (monitor: Monitor, snapshot: SnapshotDeviceResult | undefined, error: Error | undefined) => void): unknown;
    /** The link's state (CstaSession's 'status'). */
    on(event: 'status', listener: (status: SessionStatus) => void): unknown;
    off(event: 'status', listener: (status: SessionStatus) => void): unknown;
  };
  readonly mapper: Pick<PegaMapper, 'map' | 'snapshot' | 'forget' | 'replayCalls'>;
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
  private readonly onStatus = (status: SessionStatus): void => this.statusChanged(status);
  private linkDown = false;
  private readonly onResync = (monitor: Monitor, snapshot: SnapshotDeviceResult | undefined): void => this.resynchronised(monitor, snapshot);

  constructor(link: MonitoringLink, sink: (agentId: string, dn: string, event: PegaEvent) => void) {
    this.link = link;
    this.sink = sink;
    link.session.on('event', this.onEvent);
    link.session.on('resync', this.onResync);
    link.session.on('status', this.onStatus);
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
    this.link.session.off('resync', this.onResync);
    this.link.session.off('status', this.onStatus);
    await Promise.all([...this.watches.keys()].map((dn) => this.stop(dn)));
  }

  /** The link went down: every DN monitored here gets one Snapshot saying so (DISCONNECTED, CLOSED), as agents of the link do. */
  private statusChanged(status: SessionStatus): void {
    if (status.type === 'associated') this.linkDown = false;
    if (status.type !== 'reconnecting' && status.type !== 'closed') return;
    if (this.linkDown) return;
    this.linkDown = true;
    for (const watch of this.watches.values()) {
      if (this.link.agentAt(watch.dn) !== undefined) continue;
      this.sink(watch.agentId, watch.dn, this.link.mapper.snapshot(watch.dn, undefined, { agentId: watch.agentId }, 'DISCONNECTED', 'CLOSED'));
    }
  }

  /**
   * After a reconnect the session restores the monitor and snapshots the device: Pega gets a
   * Snapshot for the DN (link CONNECTED again) and the live calls as CallStateEvents, as an agent
   * of the link does.
   */
  private resynchronised(monitor: Monitor, snapshot: SnapshotDeviceResult | undefined): void {
    const watch = this.watches.get(monitor.device);
    if (watch === undefined || this.link.agentAt(watch.dn) !== undefined) return;
    watch.monitor = monitor;
    this.sink(watch.agentId, watch.dn, this.link.mapper.snapshot(watch.dn, snapshot, { agentId: watch.agentId }, 'CONNECTED', 'OPENED'));
    for (const e of this.link.mapper.replayCalls(watch.dn)) this.sink(watch.agentId, watch.dn, e);
  }

  private handle(event: CstaEvent, monitor: Monitor | undefined): void {
    if (monitor === undefined) return;
    const watch = this.watches.get(monitor.device);
    if (watch === undefined || this.link.agentAt(watch.dn) !== undefined) return;
    for (const e of this.link.mapper.map(watch.dn, event)) this.sink(watch.agentId, watch.dn, e);
  }
}
