/**
 * The switch's monitor table: monitorStart hands out a crossRefIdentifier per (client, device);
 * every event for a device goes to each of its monitors, filtered by that monitor's filter.
 */
import type { MonitorFilter } from '../../protocol/csta/types/status-reporting.js';
import { HexIds } from './identifiers.js';

/** One monitor held by one client. */
export interface SwitchMonitor {
  readonly crossRefIdentifier: string;
  readonly device: string;
  clientId: number;
  filter: MonitorFilter | undefined;
}

/** Monitors by cross reference and by device. */
export class SwitchMonitors {
  private readonly byCrossRef = new Map<string, SwitchMonitor>();
  private readonly byDevice = new Map<string, SwitchMonitor[]>();
  private readonly ids = new HexIds();

  start(clientId: number, device: string, filter: MonitorFilter | undefined): SwitchMonitor {
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
  }

  of(device: string): readonly SwitchMonitor[] {
    return this.byDevice.get(device) ?? [];
  }

  get size(): number {
    return this.byCrossRef.size;
  }
}
