/**
 * The monitors a session holds: crossRefIdentifier → device, kept across reconnects (each
 * reconnect re-establishes them and updates the cross references).
 */
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import type { MonitorFilter } from '../../protocol/csta/types/status-reporting.js';

export interface Monitor {
  /** The device's dialing number (the key applications use). */
  readonly device: string;
  readonly deviceID: DeviceID;
  /** Current cross reference; changes when the monitor is re-established after a reconnect. */
  crossRefIdentifier: string;
  readonly requestedFilter: MonitorFilter | undefined;
}

/** The dialing number (or other printable form) of a DeviceID, used as the device key. */
export function deviceKey(id: DeviceID): string {
  const d = id.deviceIdentifier as Record<string, unknown>;
  const [form, value] = Object.entries(d)[0] ?? ['', ''];
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object') {
    const inner = Object.values(value as Record<string, unknown>)[0];
    if (typeof inner === 'string') return inner;
  }
  return `${form}:${JSON.stringify(value)}`;
}

/** `"2000"` → `{ deviceIdentifier: { dialingNumber: "2000" } }`. */
export function toDeviceID(device: string | DeviceID): DeviceID {
  return typeof device === 'string' ? { deviceIdentifier: { dialingNumber: device } } : device;
}

export class MonitorTable {
  private readonly byCrossRef = new Map<string, Monitor>();
  private readonly byDevice = new Map<string, Monitor>();

  add(m: Monitor): void {
    this.byCrossRef.set(m.crossRefIdentifier, m);
    this.byDevice.set(m.device, m);
  }

  remove(crossRef: string): Monitor | undefined {
    const m = this.byCrossRef.get(crossRef);
    if (m === undefined) return undefined;
    this.byCrossRef.delete(crossRef);
    if (this.byDevice.get(m.device) === m) this.byDevice.delete(m.device);
    return m;
  }

  rekey(m: Monitor, crossRef: string): void {
    this.byCrossRef.delete(m.crossRefIdentifier);
    m.crossRefIdentifier = crossRef;
    this.byCrossRef.set(crossRef, m);
  }

  byCrossRefId(crossRef: string): Monitor | undefined {
    return this.byCrossRef.get(crossRef);
  }

  forDevice(device: string): Monitor | undefined {
    return this.byDevice.get(device);
  }

  all(): Monitor[] {
    return [...this.byCrossRef.values()];
  }

  get size(): number {
    return this.byCrossRef.size;
  }
}
