/**
 * Token handling for the gateway. A browser cannot set an `Authorization` header on a WebSocket,
 * so the token rides in `Sec-WebSocket-Protocol`: the client offers two subprotocols,
 * `pega-gateway.v1` and `bearer.<token>`, and the server selects `pega-gateway.v1`. Unlike a
 * `?token=` query string, the token then stays out of URLs, access logs and browser history.
 * Tokens must be RFC 7230 `token` characters (base64url and hex tokens are).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GATEWAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from './wire.js';
import type { Authenticator, GatewayIdentity } from './types.js';

/** The subprotocols a client offered, in order. */
export function offeredSubprotocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  if (header === undefined) return [];
  return header.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Reads the token from an upgrade request. `undefined` when the client did not offer
 * `pega-gateway.v1` or offered no (or more than one) `bearer.` entry.
 */
export function tokenFromUpgrade(request: IncomingMessage): string | undefined {
  const offered = offeredSubprotocols(request);
  if (!offered.includes(GATEWAY_SUBPROTOCOL)) return undefined;
  const tokens = offered.filter((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)).map((p) => p.slice(TOKEN_SUBPROTOCOL_PREFIX.length));
  if (tokens.length !== 1 || tokens[0] === '') return undefined;
  return tokens[0];
}

/** A frozen copy of an identity (so a caller's later edits to its table cannot widen a token). */
export function copyIdentity(identity: GatewayIdentity): GatewayIdentity {
  const devices = identity.devices?.filter((d) => d !== identity.device);
  return Object.freeze({
    agentId: identity.agentId,
    device: identity.device,
    ...(devices !== undefined && devices.length > 0 ? { devices: Object.freeze([...devices]) } : {}),
    ...(identity.expiresAt !== undefined ? { expiresAt: identity.expiresAt } : {}),
  });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * An {@link Authenticator} over a fixed token table, e.g. from a config file. Tokens are compared
 * by SHA-256 digest in constant time, so the lookup time does not depend on how much of a guess
 * matches.
 */
export function staticTokenTable(table: Readonly<Record<string, GatewayIdentity>> | ReadonlyMap<string, GatewayIdentity>): Authenticator {
  const entries = (table instanceof Map ? [...table.entries()] : Object.entries(table)).map(
    ([token, identity]) => ({ hash: digest(token), identity: copyIdentity(identity) }),
  );
  return (token: string) => {
    const hash = digest(token);
    let found: GatewayIdentity | undefined;
    for (const entry of entries) {
      if (timingSafeEqual(entry.hash, hash)) found = entry.identity;
    }
    return found;
  };
}
