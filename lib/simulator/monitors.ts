/**
 * The switch's monitor table: monitorStart hands out a crossRefIdentifier per (client, device);
 * every event for a device goes to each of its monitors, filtered by that monitor's filter.
 */
import type { MonitorFilter } from '../../protocol/csta/types/status-reporting.js';
import { CstaFailure } from './errors.js';
import { HexIds } from './identifiers.js';

/** One monitor held by one client. */
export interface SwitchMonitor {
  readonly crossRefIdentifier: string;
  readonly device: string;
  clientId: number;
  filter: MonitorFilter | undefined;
}

/** Monitors by cross reference and by device. */
/** Bounds on the monitors a client can make the switch hold. */
export interface MonitorLimits {
  /** Monitors one client may hold. @default 10000 */
  readonly perClient?: number;
  /** Monitors one device may have (all clients together). @default 64 */
  readonly perDevice?: number;
}

export const DEFAULT_MONITORS_PER_CLIENT = 10_000;
export const DEFAULT_MONITORS_PER_DEVICE = 64;

export class SwitchMonitors {
  private readonly byCrossRef = new Map<string, SwitchMonitor>();
  private readonly byDevice = new Map<string, SwitchMonitor[]>();
  private readonly perClient = new Map<number, number>();
  private readonly ids = new HexIds();
  private readonly maxPerClient: number;
  private readonly maxPerDevice: number;

  constructor(limits: MonitorLimits = {}) {
    this.maxPerClient = limits.perClient ?? DEFAULT_MONITORS_PER_CLIENT;
    this.maxPerDevice = limits.perDevice ?? DEFAULT_MONITORS_PER_DEVICE;
  }

  /** A new monitor; past a bound, the CSTA error performanceLimitExceeded. */
  start(clientId: number, device: string, filter: MonitorFilter | undefined): SwitchMonitor {
    if ((this.perClient.get(clientId) ?? 0) >= this.maxPerClient || (this.byDevice.get(device)?.length ?? 0) >= this.maxPerDevice) {
      throw new CstaFailure({ performanceManagement: 'performanceLimitExceeded' });
    }
    this.perClient.set(clientId, (this.perClient.get(clientId) ?? 0) + 1);
    const m: SwitchMonitor = { crossRefIdentifier: this.ids.take(), device, clientId, filter };
    this.byCrossRef.set(m.crossRefIdentifier, m);
    const list = this.byDevice.get(device);
    if (list === undefined) this.byDevice.set(device, [m]);
    else list.push(m);
    return m;
  }

  get(crossRef: string): SwitchMonitor | undefined {
    return this.byCrossRef.get(crossRef);
  }

  stop(crossRef: string): SwitchMonitor | undefined {
    const m = this.byCrossRef.get(crossRef);
    if (m === undefined) return undefined;
    this.byCrossRef.delete(crossRef);
    const left = (this.perClient.get(m.clientId) ?? 1) - 1;
    if (left <= 0) this.perClient.delete(m.clientId);
    else this.perClient.set(m.clientId, left);
    const list = this.byDevice.get(m.device);
    if (list !== undefined) {
      const rest = list.filter((x) => x !== m);
      if (rest.length === 0) this.byDevice.delete(m.device);
      else this.byDevice.set(m.device, rest);
    }
    return m;
  }

  /** Drops every monitor of a client (its link went down). */
  dropClient(clientId: number): void {
    for (const m of [...this.byCrossRef.values()]) if (m.clientId === clientId) this.stop(m.crossRefIdentifier);
  }

  /** Gives every monitor of client `from` to client `to` (an application session resumed or transferred). */
  rebind(from: number, to: number): void {
    for (const m of this.byCrossRef.values()) if (m.clientId === from) m.clientId = to;
    const moved = this.perClient.get(from);
    if (moved !== undefined) {
      this.perClient.delete(from);
      this.perClient.set(to, (this.perClient.get(to) ?? 0) + moved);
    }
  }

  of(device: string): readonly SwitchMonitor[] {
    return this.byDevice.get(device) ?? [];
  }

  get size(): number {
    return this.byCrossRef.size;
  }
}
