/**
 * Building and reading the CSTA identifiers the simulator puts on the wire: DeviceID, the
 * [APPLICATION n] device forms (SubjectDeviceID, CallingDeviceID...), ConnectionID, and the
 * OCTET STRING identifiers (callID, crossRefIdentifier) as even-length hex strings.
 */
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID, ExtendedDeviceID, RedirectionDeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { deviceID } from '../session/requests.js';


/**
 * The `deviceIdentifier` alternative of SubjectDeviceID / CallingDeviceID / CalledDeviceID (they
 * share one shape: `[APPLICATION n] CHOICE { deviceIdentifier DeviceID, notKnown, restricted }`).
 */
export function extDev(number: string): ExtendedDeviceID {
  return { deviceIdentifier: deviceID(number) };
}

/** RedirectionDeviceID: the last redirecting number, or `notKnown` when the call was not redirected. */
export function redirection(number: string | undefined): RedirectionDeviceID {
  return number === undefined ? { notKnown: null } : { numberdialed: deviceID(number) };
}


/** Printable number of a DeviceID (dialingNumber and the other string forms). */
export function numberOf(id: DeviceID): string | undefined {
  const d = id.deviceIdentifier as Record<string, unknown>;
  for (const v of Object.values(d)) {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v !== null && typeof v === 'object') {
      const inner = Object.values(v as Record<string, unknown>)[0];
      if (typeof inner === 'string') return inner;
    }
  }
  return undefined;
}

/** The parts of a ConnectionID: the callID and the device number, either may be absent. */
export interface ConnectionParts {
  readonly callID: string | undefined;
  readonly device: string | undefined;
}

/** Splits a ConnectionID into callID and device number (dynamicID device forms are not numbers). */
export function connectionParts(c: ConnectionID): ConnectionParts {
  if ('callID' in c) return { callID: c.callID, device: undefined };
  if ('deviceID' in c) return { callID: undefined, device: 'staticID' in c.deviceID ? numberOf(c.deviceID.staticID) : undefined };
  const both = c.both;
  return { callID: both.callID, device: 'staticID' in both.deviceID ? numberOf(both.deviceID.staticID) : undefined };
}

/** A counter that hands out OCTET STRING identifiers as even-length lowercase hex (`0001`, `0002`...). */
export class HexIds {
  private next: number;
  constructor(start = 1) {
    this.next = start;
  }
  take(): string {
    const hex = (this.next++).toString(16);
    const width = Math.max(4, hex.length + (hex.length % 2));
    return hex.padStart(width, '0');
  }
}
