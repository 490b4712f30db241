/**
 * The vendor profiles (one file each beside this one) and their lookup by name. Adding a vendor:
 * a file exporting its {@link VendorProfile}, its entry in {@link VENDOR_PROFILES}, fixtures in
 * fixtures/vendors/<name>/ (docs/profiles.md).
 */
import { AVAYA_DMCC } from './avaya-dmcc.js';
import { GENERIC_BER, GENERIC_XML } from './generic.js';
import { HIPATH } from './hipath.js';
import { MICROSOFT_RCC } from './microsoft-rcc.js';
import { OPENSCAPE_BUSINESS } from './openscape-business.js';
import { OPENSCAPE_VOICE } from './openscape-voice.js';
import type { VendorProfile } from './profile.js';
import { SNOM } from './snom.js';
import { UNITEL } from './unitel.js';
import { ZULTYS_MX } from './zultys-mx.js';

export type { ProfileAssociation, ProfileCorrelation, ProfileFraming, ProfileKeepAlive, VendorProfile } from './profile.js';
export { AVAYA_DMCC_PROTOCOL_VERSIONS } from './avaya-dmcc.js';
export { unitelLoginInfo } from './unitel.js';

/** Every profile, by name. */
export const VENDOR_PROFILES = {
  generic: GENERIC_BER,
  'generic-xml': GENERIC_XML,
  'avaya-dmcc': AVAYA_DMCC,
  'openscape-voice': OPENSCAPE_VOICE,
  'openscape-business': OPENSCAPE_BUSINESS,
  'zultys-mx': ZULTYS_MX,
  unitel: UNITEL,
  hipath: HIPATH,
  snom: SNOM,
  'microsoft-rcc': MICROSOFT_RCC,
} as const satisfies Readonly<Record<string, VendorProfile>>;

/** A profile's name. */
export type VendorProfileName = keyof typeof VENDOR_PROFILES;

/** The profile of that name, or undefined. */
export function vendorProfile(name: string): VendorProfile | undefined {
  return Object.prototype.hasOwnProperty.call(VENDOR_PROFILES, name) ? VENDOR_PROFILES[name as VendorProfileName] : undefined;
}

/** The names, for help texts and errors. */
export const VENDOR_PROFILE_NAMES = Object.keys(VENDOR_PROFILES) as VendorProfileName[];
