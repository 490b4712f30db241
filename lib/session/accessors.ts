/**
 * Reading the two things applications want out of CSTA's identifier CHOICEs: the call id of a
 * ConnectionID, and the device number of a DeviceID or of any of the device CHOICEs an event
 * carries (SubjectDeviceID, CallingDeviceID, CalledDeviceID, RedirectionDeviceID, LocalDeviceID,
 * a ConnectionID's device part).
 *
 * ```ts
 * session.on('event', (e) => {
 *   if (e.type === 'delivered') console.log(callIdOf(e.event.connection), deviceNumberOf(e.event.callingDevice));
 * });
 * ```
 */
import type { ConnectionID, LocalDeviceID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID, RedirectionDeviceID, SubjectDeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { deviceKey } from './monitors.js';

/**
 * Anything that names a device: its number as a string, a DeviceID, a device CHOICE
 * (`{ deviceIdentifier }`, `{ notKnown }`, `{ restricted }`: SubjectDeviceID, CallingDeviceID,
 * CalledDeviceID, AlertingDeviceID... all share this shape), a RedirectionDeviceID
 * (`{ numberdialed }`, ...), a LocalDeviceID (`{ staticID }` / `{ dynamicID }`) or a ConnectionID.
 */
export type DeviceLike = string | DeviceID | SubjectDeviceID | RedirectionDeviceID | LocalDeviceID | ConnectionID;

/** The call id (CallID hex) of a ConnectionID; undefined for the device-only form or no connection. */
export function callIdOf(connection: ConnectionID | undefined): string | undefined {
  if (connection === undefined) return undefined;
  if ('both' in connection) return connection.both.callID;
  if ('callID' in connection) return connection.callID;
  return undefined;
}

/**
 * The device number of anything that names a device (see {@link DeviceLike}): "2000" for
 * `{ deviceIdentifier: { dialingNumber: '2000' } }` or for a ConnectionID whose device part is that
 * device. Undefined when the device is not known, restricted, not required/specified, dynamic
 * (a LocalDeviceID's `dynamicID`), or absent.
 */
export function deviceNumberOf(device: DeviceLike | undefined): string | undefined {
  if (device === undefined) return undefined;
  if (typeof device === 'string') return device;
  // DeviceID: its deviceIdentifier is itself a CHOICE object; a device CHOICE holds a DeviceID there.
  if ('deviceIdentifier' in device) return isDeviceID(device) ? deviceKey(device) : deviceNumberOf(device.deviceIdentifier);
  if ('numberdialed' in device) return deviceNumberOf(device.numberdialed);
  if ('staticID' in device) return deviceNumberOf(device.staticID);
  if ('both' in device) return deviceNumberOf(device.both.deviceID);
  if ('deviceID' in device) return deviceNumberOf(device.deviceID);
  return undefined;
}

/** A DeviceID (whose `deviceIdentifier` is the numbering CHOICE) rather than a device CHOICE holding one. */
function isDeviceID(value: { readonly deviceIdentifier: unknown }): value is DeviceID {
  const inner = value.deviceIdentifier;
  return inner !== null && typeof inner === 'object' && !('deviceIdentifier' in inner);
}
