/**
 * An {@link Authenticator} for signed JWTs (RFC 7519), so the token can come from Pega (or any
 * identity provider) instead of a static table. Verification is the `jose` library's: signature
 * against the configured key with an algorithm from a fixed list (never `none`, never one the
 * token picks outside the list), `exp` required and checked, `nbf` checked when present, `iss` and
 * `aud` when configured.
 *
 * Claims read: `sub` = agent ID; the devices the agent may log in at from `devices` (array of
 * strings) and/or `extension` (string); the first of them is the default device. A token without
 * a device claim is refused.
 */
import { createPublicKey, createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { copyIdentity } from './auth.js';
import type { Authenticator, GatewayIdentity } from './types.js';

/** Algorithms for an HMAC secret. */
export const JWT_SECRET_ALGORITHMS = ['HS256'] as const;
/** Algorithms for a public key (RSA or EC P-256). */
export const JWT_PUBLIC_KEY_ALGORITHMS = ['RS256', 'ES256'] as const;
/** Longest accepted token, in characters (a larger one is refused before any parsing). */
export const MAX_JWT_LENGTH = 8192;
/** Most devices one token may list. */
export const MAX_JWT_DEVICES = 64;

/** The verification key of {@link jwtAuthenticator}: an HMAC secret or a public key. */
export type JwtKey =
  /** HS256 shared secret (at least 32 bytes). */
  | { readonly secret: string | Uint8Array }
  /** RS256 / ES256 public key: PEM (SPKI or certificate) text or a node KeyObject. */
  | { readonly publicKey: string | KeyObject };

/** Options of {@link jwtAuthenticator}. */
export interface JwtAuthenticatorOptions {
  readonly key: JwtKey;
  /** Accepted algorithms. @default HS256 for a secret, RS256 and ES256 for a public key */
  readonly algorithms?: readonly string[];
  /** Required `iss`, when set. */
  readonly issuer?: string | readonly string[];
  /** Required `aud` (one of), when set. */
  readonly audience?: string | readonly string[];
  /** Clock skew allowed on `exp`/`nbf`, in seconds. @default 30 */
  readonly clockToleranceSec?: number;
  /** Called with the reason a token was refused (for logs; the client only sees HTTP 401). */
  readonly onRejected?: (reason: string) => void;
}

function keyOf(key: JwtKey): { key: KeyObject; algorithms: readonly string[] } {
  if ('secret' in key) {
    const bytes = typeof key.secret === 'string' ? Buffer.from(key.secret, 'utf8') : Buffer.from(key.secret);
    if (bytes.length < 32) throw new RangeError('jwtAuthenticator: an HS256 secret must be at least 32 bytes');
    return { key: createSecretKey(bytes), algorithms: JWT_SECRET_ALGORITHMS };
  }
  const pub = typeof key.publicKey === 'string' ? createPublicKey(key.publicKey) : key.publicKey;
  if (pub.type !== 'public') throw new TypeError('jwtAuthenticator: publicKey must be a public key');
  return { key: pub, algorithms: JWT_PUBLIC_KEY_ALGORITHMS };
}

/** The identity a verified payload names, or why it names none. */
export function identityFromClaims(payload: JWTPayload): GatewayIdentity | string {
  const agentId = payload.sub;
  if (typeof agentId !== 'string' || agentId === '') return 'no "sub" (agent ID) claim';
  const devices: string[] = [];
  const extension = payload['extension'];
  if (extension !== undefined) {
    if (typeof extension !== 'string' || extension === '') return '"extension" must be a non-empty string';
    devices.push(extension);
  }
  const list = payload['devices'];
  if (list !== undefined) {
    if (!Array.isArray(list) || list.length > MAX_JWT_DEVICES || !list.every((d) => typeof d === 'string' && d !== '')) {
      return `"devices" must be an array of at most ${MAX_JWT_DEVICES} non-empty strings`;
    }
    for (const d of list as string[]) if (!devices.includes(d)) devices.push(d);
  }
  const [device, ...rest] = devices;
  if (device === undefined) return 'no "devices" or "extension" claim';
  return copyIdentity({ agentId, device, devices: rest, ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}) });
}

/** An {@link Authenticator} that verifies JWTs against one key. Throws at once on a bad key. */
export function jwtAuthenticator(options: JwtAuthenticatorOptions): Authenticator {
  const { key, algorithms: defaults } = keyOf(options.key);
  const algorithms = [...(options.algorithms ?? defaults)];
  if (algorithms.length === 0 || algorithms.some((a) => a.toLowerCase() === 'none')) throw new RangeError('jwtAuthenticator: algorithms must be a non-empty list without "none"');
  const verifyOptions = {
    algorithms,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSec ?? 30,
    ...(options.issuer !== undefined ? { issuer: typeof options.issuer === 'string' ? options.issuer : [...options.issuer] } : {}),
    ...(options.audience !== undefined ? { audience: typeof options.audience === 'string' ? options.audience : [...options.audience] } : {}),
  };
  const reject = (reason: string): undefined => {
    options.onRejected?.(reason);
    return undefined;
  };
  return async (token: string) => {
    if (token.length > MAX_JWT_LENGTH) return reject(`token longer than ${MAX_JWT_LENGTH} characters`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, verifyOptions));
    } catch (e) {
      return reject(e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e));
    }
    const identity = identityFromClaims(payload);
    return typeof identity === 'string' ? reject(identity) : identity;
  };
}
