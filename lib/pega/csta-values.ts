/**
 * Reading CSTA values the way the Pega mapping needs them: device numbers out of the several
 * device-identifier CHOICEs, call IDs out of ConnectionIDs, printable text out of OCTET STRINGs
 * (which the value model carries as lower-case hex).
 */
import { Buffer } from 'node:buffer';
import type { ConnectionID } from '../../protocol/csta/types/call-connection-identifiers.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { deviceKey } from '../session/monitors.js';

/**
 * Any of the `[APPLICATION n] CHOICE { deviceIdentifier DeviceID, notKnown NULL, restricted NULL }`
 * types (SubjectDeviceID, CallingDeviceID, CalledDeviceID, ...) or RedirectionDeviceID.
 */
export type DeviceChoice = { readonly deviceIdentifier: DeviceID } | { readonly numberdialed: DeviceID } | { readonly [other: string]: unknown };

/** A device as the mapping sees it: its number ("" when not known or restricted) and whether it is inside the switch. */
export interface DeviceRef {
  readonly dn: string;
  /** true: private numbering plan; false: public; undefined: the form does not say. */
  readonly privatePlan: boolean | undefined;
}

const NO_DEVICE: DeviceRef = { dn: '', privatePlan: undefined };

/** The DeviceID inside a device CHOICE, if it carries one. */
export function deviceIDOf(choice: DeviceChoice | undefined): DeviceID | undefined {
  if (choice === undefined || choice === null || typeof choice !== 'object') return undefined;
  const c = choice as Record<string, unknown>;
  const id = c.deviceIdentifier ?? c.numberdialed;
  return id !== null && typeof id === 'object' && 'deviceIdentifier' in id ? (id as DeviceID) : undefined;
}

/** Device number and numbering plan of a DeviceID. */
export function deviceRefOfID(id: DeviceID | undefined): DeviceRef {
  if (id === undefined) return NO_DEVICE;
  const form = Object.keys(id.deviceIdentifier as Record<string, unknown>)[0] ?? '';
  const privatePlan = form === 'implicitPrivate' || form === 'explicitPrivate' || form === 'deviceNumber' ? true : form === 'implicitPublic' || form === 'explicitPublic' ? false : undefined;
  return { dn: deviceKey(id), privatePlan };
}

/** Device number and numbering plan of a device CHOICE ("" when notKnown/restricted/absent). */
export function deviceRef(choice: DeviceChoice | undefined): DeviceRef {
  return deviceRefOfID(deviceIDOf(choice));
}

/** Device number of a device CHOICE ("" when notKnown/restricted/absent). */
export function dnOf(choice: DeviceChoice | undefined): string {
  return deviceRef(choice).dn;
}

/** The callID of a ConnectionID ("" for the deviceID-only form). */
export function callIdOf(connection: ConnectionID | undefined): string {
  if (connection === undefined) return '';
  if ('callID' in connection) return connection.callID;
  if ('both' in connection) return connection.both.callID;
  return '';
}

/** The device of a ConnectionID ("" when absent or dynamic). */
export function connectionDevice(connection: ConnectionID | undefined): string {
  if (connection === undefined) return '';
  const local = 'deviceID' in connection ? connection.deviceID : 'both' in connection ? connection.both.deviceID : undefined;
  if (local === undefined || !('staticID' in local)) return '';
  return deviceKey(local.staticID);
}

/**
 * How a session's OCTET STRING values carry text: `hex` on BER (the octets, as lower-case hex),
 * `text` on XML (the text as the PBX wrote it; docs/xml.md, "Identifiers").
 */
export type OctetForm = 'hex' | 'text';

/**
 * An OCTET STRING value as text: on XML (`text`) the value itself; on BER (`hex`) the octets as
 * UTF-8 when printable, else the hex itself. Absent → "".
 */
export function octetsAsText(hex: string | undefined, form: OctetForm = 'hex'): string {
  if (hex === undefined || hex.length === 0) return '';
  if (form === 'text') return hex;
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return hex;
  const bytes = Buffer.from(hex, 'hex');
  const text = bytes.toString('utf8');
  if (text.includes('\ufffd') || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return hex;
  return text;
}

/** Text → OCTET STRING value: on BER its UTF-8 octets as lower-case hex; on XML the text itself. */
export function textAsOctets(text: string, form: OctetForm = 'hex'): string {
  return form === 'text' ? text : Buffer.from(text, 'utf8').toString('hex');
}

/** A CSTA UserData value: `[APPLICATION 29] OCTET STRING`. */
export function userDataText(userData: unknown, form: OctetForm = 'hex'): string {
  return typeof userData === 'string' ? octetsAsText(userData, form) : '';
}
