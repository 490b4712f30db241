/**
 * Session options, with defaults. Times are milliseconds.
 */
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { WireFormat, WireLimits } from '../transport/wire.js';
import type { CallModelOptions } from './model/types.js';
import type { CSTAVersion } from '../../protocol/csta/types/acse-user-info-csta.js';
import type { VendorProfile } from '../../protocol/profiles/index.js';
import type { ProfileCredentials } from './profiles.js';

/** How the association is set up after the TCP (or TLS) connection. */
export type AssociationMode =
  | {
      readonly kind: 'acse';
      /** CSTA versions offered in the AARQ user information. @default ['versionFive'] (ECMA-285 2nd ed.) */
      readonly versions?: CSTAVersion;
      /** Application context name. @default CSTA_APPLICATION_CONTEXT */
      readonly applicationContext?: string;
      /** Password sent as calling-authentication-value (charstring, or with `authenticationName` HiPath's name-and-password EXTERNAL). */
      readonly password?: string;
      /** Send name and password as Siemens HiPath's authentication EXTERNAL (protocol/acse/authentication.ts). */
      readonly authenticationName?: string;
      /** Sent as calling-AE-qualifier form2 when given. */
      readonly callingAEQualifier?: number;
    }
  | { readonly kind: 'systemRegister' }
  | { readonly kind: 'none' }
  | ApplicationSessionMode
  | ZultysLoginMode;

/** Zultys MX's own login before CSTA (lib/session/association-zultys.ts). */
export interface ZultysLoginMode {
  readonly kind: 'zultysLogin';
  readonly userName: string;
  readonly password: string;
  /** Send the password as base64(SHA-1) + newline, as the MX expects first. @default true */
  readonly hashPassword?: boolean;
  /** loginRequest attributes. @default 'User', 'csta-link', '1.0' */
  readonly loginType?: string;
  readonly platform?: string;
  readonly version?: string;
  /** Interval of `<keepalive/>` messages (0 = none). @default 60000 */
  readonly keepAliveMs?: number;
}

/**
 * ECMA-354 application session (CSTA-XML links: Avaya AES DMCC, OpenScape Voice and Business,
 * Uni-tel). See docs/ecma354.md.
 */
export interface ApplicationSessionMode {
  readonly kind: 'applicationSession';
  /** applicationInfo/applicationID. @default 'csta-link' */
  readonly applicationID?: string;
  /**
   * applicationInfo/applicationSpecificInfo as raw XML (vendor login), or a function giving it for
   * a fresh session (`undefined`) or for resuming `resumeSessionID` after a reconnect, e.g.
   * `(id) => avayaSessionLoginInfo({ userName, password }, id)`. Only a function can ask to resume.
   */
  readonly loginInfo?: string | ((resumeSessionID: string | undefined) => string);
  /** requestedProtocolVersions, preferred first. @default [ECMA-323 ed4 namespace] */
  readonly protocolVersions?: readonly string[];
  /** requestedSessionDuration, seconds. @default 180 */
  readonly sessionDurationS?: number;
  /** After a reconnect, ask to resume the old session (needs `loginInfo` as a function). @default true */
  readonly resume?: boolean;
  /**
   * When the old session was not resumed, move its monitors to the new one with (Avaya)
   * TransferMonitorObjects; when that fails, or with false, the monitors are started again. @default false
   */
  readonly transferMonitors?: boolean;
  /** Keep the session alive with ResetApplicationSessionTimer at half the granted duration. @default true */
  readonly keepAlive?: boolean;
  /** Also run the systemStatus keep-alive (`keepAliveMs`) on this link. @default false */
  readonly systemStatusKeepAlive?: boolean;
  /** Namespace of the ECMA-354 requests (`''` = none, as OpenScape Voice clients write them). @default APPL_SESSION_NAMESPACE */
  readonly namespace?: string;
  /** After a new session has started, send SystemRegister for systemStatus (OpenScape Voice). @default false */
  readonly systemRegister?: boolean;
}

/** Delay before reconnect attempt `attempt` (1-based), or null to give up. */
export type ReconnectPolicy = (attempt: number) => number | null;

/** Capped exponential backoff with full jitter. */
export function exponentialBackoff(options: { initialMs?: number; maxMs?: number; maxAttempts?: number; random?: () => number } = {}): ReconnectPolicy {
  const initial = options.initialMs ?? 200;
  const max = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    if (options.maxAttempts !== undefined && attempt > options.maxAttempts) return null;
    const ceiling = Math.min(max, initial * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  };
}

/** One address a session can connect to: a PBX, or one of a pair of CTI servers. */
export interface SessionEndpoint {
  readonly host: string;
  readonly port: number;
  /** TLS options for this endpoint (undefined = the session's `tls`). */
  readonly tls?: TlsOptions;
}

export interface SessionOptions {
  readonly host: string;
  readonly port: number;
  /**
   * Failover: further endpoints after `host:port` (the primary), e.g. the secondary CTI server.
   * `connect()` tries each in turn once; after the link drops, each reconnect attempt goes to the
   * next one in the rotation (primary, secondary, primary...), so the first attempt after losing
   * the primary is on the secondary. `currentEndpoint` and the 'connecting' status say which.
   */
  readonly alternates?: readonly SessionEndpoint[];
  /**
   * A vendor profile (`'avaya-dmcc'`, `'openscape-voice'`, `'zultys-mx'`, `'unitel'`, `'hipath'`...,
   * docs/profiles.md): its wire, association with the vendor login, keep-alive and invoke ids,
   * under any option given here explicitly.
   */
  readonly profile?: string | VendorProfile;
  /** The login a profile's association needs (user, password; Uni-tel's PBX domain...). */
  readonly credentials?: ProfileCredentials;
  /** Connect with TLS using these node:tls options (undefined = plain TCP). */
  readonly tls?: TlsOptions;
  /** @default { encoding: 'ber', framing: 'length16' } */
  readonly wire?: WireFormat;
  /** Frame size and nesting limits for decoding. */
  readonly limits?: WireLimits;
  /** @default { kind: 'acse' } */
  readonly association?: AssociationMode;
  /** Default request timeout. @default 10000 */
  readonly requestTimeoutMs?: number;
  /** Per-operation timeout overrides, e.g. `{ snapshotDevice: 30000 }`. */
  readonly operationTimeoutsMs?: Readonly<Record<string, number>>;
  /** Invoke-id range; ids wrap within it and skip those in flight. @default 1..32767 */
  readonly invokeIdRange?: { readonly min?: number; readonly max?: number };
  /** Interval of our systemStatus keep-alives (0 = none). @default 30000 */
  readonly keepAliveMs?: number;
  /** Missed keep-alives before the link is declared dead and dropped. @default 3 */
  readonly keepAliveMisses?: number;
  /** Reconnect policy; `false` = never reconnect. @default exponentialBackoff() */
  readonly reconnect?: ReconnectPolicy | false;
  /** Connect timeout. @default 10000 */
  readonly connectTimeoutMs?: number;
  /** Call model options; `false` = keep no model (events are still emitted). @default {} */
  readonly model?: CallModelOptions | false;
  /** Also snapshotDevice right after each monitorStart so the model knows calls already up. @default false */
  readonly snapshotOnMonitorStart?: boolean;
  /**
   * Bound on the entries collected for one snapshotDevice whose data the switch sends separately
   * in snapshotDeviceData segments; past it the snapshot fails with SnapshotTooLargeError.
   * @default 10000
   */
  readonly maxSnapshotEntries?: number;
  /** Capture call-site stacks in TimeoutErrors (costs an Error per request). @default true */
  readonly asyncStackTraces?: boolean;
}

export const DEFAULTS = {
  requestTimeoutMs: 10_000,
  keepAliveMs: 30_000,
  keepAliveMisses: 3,
  connectTimeoutMs: 10_000,
  maxSnapshotEntries: 10_000,
} as const;

/**
 * CSTA application context name used in AARQ/AARE. ECMA-285 names the CSTA application context
 * under { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285) }; the exact arc
 * could not be confirmed from a source available here, so it is an option with this default.
 */
export const CSTA_APPLICATION_CONTEXT = '1.3.12.0.285.200';
