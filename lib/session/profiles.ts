/**
 * Session options from a vendor profile (protocol/profiles): the wire (encoding, framing, XML
 * dialect), the association with the vendor's login, the keep-alive and the invoke ids, so that
 * `new CstaSession(sessionOptionsForProfile('avaya-dmcc', { host, port }, { userName, password }))`
 * speaks to that PBX. Anything given in `overrides` wins.
 */
import { avayaSessionLoginInfo, openScapeBusinessLoginInfo } from '../../protocol/ecma354/login-info.js';
import { unitelLoginInfo, vendorProfile, VENDOR_PROFILE_NAMES } from '../../protocol/profiles/index.js';
import type { VendorProfile } from '../../protocol/profiles/index.js';
import type { WireFormat } from '../transport/wire.js';
import type { AssociationMode, SessionOptions } from './options.js';

/** Who logs in: what the vendor's login needs (user and password; Uni-tel's PBX domain; Avaya's cleanup delay). */
export interface ProfileCredentials {
  readonly userName?: string;
  readonly password?: string;
  /** ECMA-354 applicationID. @default 'csta-link' */
  readonly applicationID?: string;
  /** Uni-tel: the PBX domain (`12345678.pbx.example`). */
  readonly pbxDomain?: string;
  /** Avaya: seconds the AES keeps a dropped session and its monitors. @default 60 */
  readonly sessionCleanupDelayS?: number;
}

/** The profile named, or the error saying which names exist. */
export function resolveProfile(profile: VendorProfile | string): VendorProfile {
  if (typeof profile !== 'string') return profile;
  const p = vendorProfile(profile);
  if (p === undefined) throw new RangeError(`unknown vendor profile ${JSON.stringify(profile)} (one of ${VENDOR_PROFILE_NAMES.join(', ')})`);
  return p;
}

/** The wire of a profile. */
export function wireForProfile(profile: VendorProfile): WireFormat {
  if (profile.encoding === 'ber') {
    switch (profile.framing) {
      case 'length16':
      case 'length32':
      case 'ber':
      case 'hipath':
        return { encoding: 'ber', framing: profile.framing };
      default:
        throw new RangeError(`profile ${profile.name}: ${profile.framing} is not a BER framing`);
    }
  }
  switch (profile.framing) {
    case 'header':
    case 'plain':
    case 'nul':
      return {
        encoding: 'xml',
        framing: profile.framing,
        dialect: {
          ...(profile.namespace === undefined ? {} : { namespace: profile.namespace }),
          ...(profile.utf16DeclarationAsUtf8 === true ? { utf16DeclarationAsUtf8: true } : {}),
          ...(profile.correlation === 'requestID' ? { correlation: 'requestID' as const } : {}),
        },
      };
    default:
      throw new RangeError(`profile ${profile.name}: ${profile.framing} is not an XML framing`);
  }
}

function need(value: string | undefined, what: string, profile: VendorProfile): string {
  if (value === undefined || value === '') throw new RangeError(`profile ${profile.name} needs ${what}`);
  return value;
}

/** The association of a profile, with the credentials its login needs. */
export function associationForProfile(profile: VendorProfile, credentials: ProfileCredentials = {}): AssociationMode {
  const a = profile.association;
  switch (a.kind) {
    case 'acse':
      return {
        kind: 'acse',
        applicationContext: a.applicationContext,
        ...(a.authentication && credentials.password !== undefined ? { password: credentials.password, ...(credentials.userName === undefined ? {} : { authenticationName: credentials.userName }) } : {}),
      };
    case 'systemRegister':
      return { kind: 'systemRegister' };
    case 'none':
      if (a.login === 'zultys') {
        const keep = profile.keepAlive.kind === 'vendor' ? profile.keepAlive.intervalMs : undefined;
        return { kind: 'zultysLogin', userName: need(credentials.userName, 'a userName', profile), password: need(credentials.password, 'a password', profile), ...(keep === undefined ? {} : { keepAliveMs: keep }) };
      }
      return { kind: 'none' };
    case 'applicationSession': {
      let loginInfo: ((resumeSessionID: string | undefined) => string) | undefined;
      switch (a.login) {
        case 'avaya-session-login-info': {
          const login = { userName: need(credentials.userName, 'a userName', profile), password: need(credentials.password, 'a password', profile), ...(credentials.sessionCleanupDelayS === undefined ? {} : { sessionCleanupDelay: credentials.sessionCleanupDelayS }) };
          loginInfo = (id) => avayaSessionLoginInfo(login, id);
          break;
        }
        case 'openscape-business': {
          const login = { user: need(credentials.userName, 'a userName', profile), password: need(credentials.password, 'a password', profile) };
          loginInfo = () => openScapeBusinessLoginInfo(login);
          break;
        }
        case 'unitel-vendor-data': {
          const login = { userID: need(credentials.userName, 'a userName', profile), password: need(credentials.password, 'a password', profile), ...(credentials.pbxDomain === undefined ? {} : { pbxDomain: credentials.pbxDomain }) };
          loginInfo = () => unitelLoginInfo(login);
          break;
        }
        case 'none':
          loginInfo = undefined;
          break;
      }
      return {
        kind: 'applicationSession',
        applicationID: credentials.applicationID ?? 'csta-link',
        protocolVersions: a.protocolVersions,
        sessionDurationS: a.sessionDurationS,
        transferMonitors: a.transferMonitors,
        systemRegister: a.systemRegister,
        ...(loginInfo === undefined ? {} : { loginInfo }),
      };
    }
    default: {
      const never: never = a;
      throw new RangeError(`unknown association ${JSON.stringify(never)}`);
    }
  }
}

/** Session options that speak to the profile's PBX at `host:port` (its default port when 0). */
export function sessionOptionsForProfile(
  profileOrName: VendorProfile | string,
  connection: Pick<SessionOptions, 'host'> & Partial<Pick<SessionOptions, 'port' | 'tls'>>,
  credentials: ProfileCredentials = {},
  overrides: Partial<SessionOptions> = {},
): SessionOptions {
  const profile = resolveProfile(profileOrName);
  const port = connection.port ?? (connection.tls !== undefined ? profile.ports.tls : profile.ports.plain);
  if (port === undefined) throw new RangeError(`profile ${profile.name} has no default port: give one`);
  const keepAliveMs = profile.keepAlive.kind === 'systemStatus' ? profile.keepAlive.intervalMs : 0;
  return {
    host: connection.host,
    port,
    ...(connection.tls === undefined ? {} : { tls: connection.tls }),
    wire: wireForProfile(profile),
    association: associationForProfile(profile, credentials),
    keepAliveMs,
    ...(profile.invokeIds === undefined ? {} : { invokeIdRange: { min: profile.invokeIds.min, max: profile.invokeIds.max } }),
    ...overrides,
  };
}
