/**
 * Device and connection keys from the CSTA identifier types: the model keys devices by the
 * printable form `deviceKey()` gives (e.g. "2000"), calls by the CallID hex.
 */
import type { ConnectionID, LocalDeviceID } from '../../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID, RedirectionDeviceID } from '../../../protocol/csta/types/device-identifiers.js';
import { deviceKey } from '../monitors.js';

/** Any of the `[APPLICATION n] CHOICE { deviceIdentifier DeviceID, notKnown, restricted }` device types. */
export type DeviceChoice = { readonly deviceIdentifier: DeviceID } | { readonly notKnown: null } | { readonly restricted: null };

/** The key of a Subject/Calling/Called... device, or undefined when not known or restricted. */
export function deviceChoiceKey(d: DeviceChoice | undefined): string | undefined {
  if (d === undefined || !('deviceIdentifier' in d)) return undefined;
  return deviceKey(d.deviceIdentifier);
}

/** The key of a RedirectionDeviceID's dialed number, or undefined. */
export function redirectionKey(d: RedirectionDeviceID | undefined): string | undefined {
  if (d === undefined || !('numberdialed' in d)) return undefined;
  return deviceKey(d.numberdialed);
}

/** The key of a LocalDeviceID: the static device's key or `dyn:<hex>`. */
export function localDeviceKey(d: LocalDeviceID): string {
  return 'staticID' in d ? deviceKey(d.staticID) : `dyn:${d.dynamicID}`;
}

/** The parts of a ConnectionID the model uses. */
export interface ConnectionKey {
  readonly callID: string | undefined;
  /** Key of the device part (`localDeviceKey`), when present. */
  readonly local: string | undefined;
}

/** Splits a ConnectionID into call ID and local device key. */
export function connectionKey(c: ConnectionID | undefined): ConnectionKey {
  if (c === undefined) return { callID: undefined, local: undefined };
  if ('both' in c) return { callID: c.both.callID, local: localDeviceKey(c.both.deviceID) };
  if ('callID' in c) return { callID: c.callID, local: undefined };
  return { callID: undefined, local: localDeviceKey(c.deviceID) };
}
