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
  // The first own property (Object.entries(d)[0], without its arrays: this runs for every party
  // of every event the model applies).
  let form = '';
  let value: unknown = '';
  for (const k in d) {
    if (!hasOwn(d, k)) continue;
    form = k;
    value = d[k];
    break;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      if (!hasOwn(o, k)) continue;
      if (typeof o[k] === 'string') return o[k] as string;
      break;
    }
  }
  return `${form}:${JSON.stringify(value)}`;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

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
