/**
 * Who may call the server-side API: an `Authorization: Bearer <token>` header, checked by a
 * {@link ApiAuthenticator} — a static token table ({@link staticApiTokens}) or any verify callback
 * (e.g. one that checks a JWT signed by Pega against a configured key).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The caller a token stands for. */
export type ApiIdentity = {
  /** A name for logs (e.g. the Pega node or connector). */
  readonly name: string;
  /** The agents this caller may act for; absent = every agent (a Pega server acting for all its CSRs). */
  readonly agentIds?: readonly string[];
};

/** Token → identity; `undefined` (or a rejected promise) refuses the request with HTTP 401. */
export type ApiAuthenticator = (token: string, request: IncomingMessage) => ApiIdentity | undefined | Promise<ApiIdentity | undefined>;

/** Longest token accepted (a JWT with a few claims fits easily). */
export const MAX_BEARER_TOKEN_LENGTH = 8192;

/** The bearer token of a request, or undefined when there is none (or more than one, or an overlong one). */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(header);
  if (m === null) return undefined;
  const token = m[1] as string;
  return token.length > MAX_BEARER_TOKEN_LENGTH ? undefined : token;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * An authenticator over a fixed token table. Tokens are compared by SHA-256 digest in constant
 * time, and every entry is compared, so the time taken does not tell how much of a guess matched.
 */
export function staticApiTokens(table: Readonly<Record<string, ApiIdentity>> | ReadonlyMap<string, ApiIdentity>): ApiAuthenticator {
  const entries = (table instanceof Map ? [...table.entries()] : Object.entries(table)).map(([token, identity]) => ({
    hash: digest(token),
    identity: { name: identity.name, ...(identity.agentIds === undefined ? {} : { agentIds: [...identity.agentIds] }) },
  }));
  return (token: string) => {
    const hash = digest(token);
    let found: ApiIdentity | undefined;
    for (const entry of entries) if (timingSafeEqual(entry.hash, hash)) found = entry.identity;
    return found;
  };
}

/** Whether `identity` may act for `agentId`. */
export function mayActFor(identity: ApiIdentity, agentId: string): boolean {
  return identity.agentIds === undefined || identity.agentIds.includes(agentId);
}
