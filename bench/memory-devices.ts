/** The device set of the memory benchmark: one trunk and `n` six-digit stations. */
import type { DeviceConfig } from '../lib/simulator/switch-state.js';

export function simulatorDevices(n: number): DeviceConfig[] {
  const devices: DeviceConfig[] = [{ number: '0800', kind: 'trunk' }];
  for (let i = 0; i < n; i++) devices.push({ number: String(100_000 + i), kind: 'station' });
  return devices;
}

/** The station call `k` rings. */
export function stationOf(k: number, n: number): string {
  return String(100_000 + (k % n));
}
