/**
 * The server-side integration in one piece, from a config section (what `csta serve` reads): the
 * API, and the pusher when an events URL is configured, wired together, with one `close`.
 */
import { PegaServerApi } from './api.js';
import type { PegaServerLink } from './api.js';
import { staticApiTokens } from './auth.js';
import type { ApiAuthenticator, ApiIdentity } from './auth.js';
import { PegaEventPusher } from './pusher.js';
import type { PegaEventPusherOptions, PegaPushStats } from './pusher.js';

/** Config of {@link createPegaServer}. */
export interface PegaServerConfig {
  /** Static bearer tokens → identities. */
  readonly tokens?: Readonly<Record<string, ApiIdentity>>;
  /** A verify callback (e.g. JWT); tried first, the token table after it. */
  readonly authenticate?: ApiAuthenticator;
  /** URL prefix of the API. Default `/api`. */
  readonly prefix?: string;
  readonly maxBodyBytes?: number;
  readonly maxInFlight?: number;
  readonly maxSubscriptions?: number;
  readonly monitorSubscriptions?: boolean;
  /** Where events go; absent = the API only. */
  readonly events?: Omit<PegaEventPusherOptions, 'fetch' | 'random'>;
}

/** A running server-side integration. */
export interface PegaServer {
  readonly api: PegaServerApi;
  /** The pusher, when `events` is configured. */
  readonly pusher: PegaEventPusher | undefined;
  /** The HTTP handler to mount (false for paths outside the prefix). */
  readonly handle: PegaServerApi['handle'];
  /** The pusher's counters (zeros without a pusher). */
  stats(): PegaPushStats;
  /** Stops the API's event flow, flushes the pusher for up to `timeoutMs`, closes it; resolves with the events discarded. */
  close(timeoutMs?: number): Promise<number>;
}

/** JSON Schema (draft 2020-12) of {@link PegaServerConfig} as it appears in a config file (no callbacks). */
export const PEGA_SERVER_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    tokens: {
      type: 'object',
      description: 'Bearer token → identity.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, agentIds: { type: 'array', items: { type: 'string' } } },
      },
    },
    prefix: { type: 'string', pattern: '^/' },
    maxBodyBytes: { type: 'integer', minimum: 1 },
    maxInFlight: { type: 'integer', minimum: 1 },
    maxSubscriptions: { type: 'integer', minimum: 1 },
    monitorSubscriptions: { type: 'boolean' },
    events: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        authorization: { type: 'string' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        maxQueued: { type: 'integer', minimum: 1 },
        retryBaseMs: { type: 'integer', minimum: 1 },
        retryMaxMs: { type: 'integer', minimum: 1 },
        requestTimeoutMs: { type: 'integer', minimum: 1 },
        maxConcurrent: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

/** Builds the API (and pusher) for `link` from `config`. Throws when no way to authenticate is configured. */
export function createPegaServer(link: PegaServerLink, config: PegaServerConfig): PegaServer {
  const table = config.tokens === undefined ? undefined : staticApiTokens(config.tokens);
  const verify = config.authenticate;
  if (table === undefined && verify === undefined) throw new TypeError('Pega server API: configure tokens or an authenticate callback');
  const authenticate: ApiAuthenticator = async (token, req) => {
    if (verify !== undefined) {
      const who = await Promise.resolve()
        .then(() => verify(token, req))
        .catch(() => undefined);
      if (who !== undefined) return who;
    }
    return table?.(token, req);
  };
  const pusher = config.events === undefined ? undefined : new PegaEventPusher(config.events);
  const api = new PegaServerApi({
    link,
    authenticate,
    ...(pusher === undefined ? {} : { events: pusher }),
    ...(config.prefix === undefined ? {} : { prefix: config.prefix }),
    ...(config.maxBodyBytes === undefined ? {} : { maxBodyBytes: config.maxBodyBytes }),
    ...(config.maxInFlight === undefined ? {} : { maxInFlight: config.maxInFlight }),
    ...(config.maxSubscriptions === undefined ? {} : { maxSubscriptions: config.maxSubscriptions }),
    ...(config.monitorSubscriptions === undefined ? {} : { monitorSubscriptions: config.monitorSubscriptions }),
  });
  return {
    api,
    pusher,
    handle: api.handle,
    stats: () => pusher?.stats ?? { depth: 0, delivered: 0, failures: 0, rejected: 0, dropped: 0 },
    close: async (timeoutMs = 5000) => {
      await api.close();
      if (pusher === undefined) return 0;
      await pusher.flush(timeoutMs);
      return pusher.close();
    },
  };
}
