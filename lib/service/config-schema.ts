/**
 * The `csta serve` config: its TypeScript shape and the JSON Schema that validates it (ajv). The
 * schema is the one source: the loader validates with it (filling the defaults written here), and
 * `csta serve --schema` prints it for editors (docs/csta-serve.schema.json, kept in sync by a
 * test). Every object refuses unknown keys. Plugin sections (plugin.ts) are added by
 * {@link serviceConfigSchema}.
 */
import { VENDOR_PROFILE_NAMES } from '../../protocol/profiles/index.js';
import { BerFraming } from '../../protocol/framing/ber-framing.js';
import { XmlFraming } from '../../protocol/framing/xml-framing.js';
import type { SchemaFragment, ServicePluginFactory } from './plugin.js';
import { PEGA_SERVER_CONFIG_SCHEMA } from '../pega/server/integration.js';
import type { PegaServerConfig } from '../pega/server/integration.js';

/** Log levels, most verbose last. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** A pino log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One PBX (or CTI server) address. */
export interface EndpointConfig {
  readonly host: string;
  readonly port: number;
}

/** TLS to the PBX: file paths of the PEM material. */
/** `http.tls`: serve HTTPS (and wss for the gateway) on the one HTTP port. */
export interface HttpTlsConfig {
  /** PEM certificate (chain) of this server. */
  readonly certFile: string;
  /** PEM private key of that certificate. */
  readonly keyFile: string;
  /** PEM CA certificate(s) that sign the clients' certificates (with `requireClientCert`). */
  readonly caFile?: string;
  /** Refuse clients without a certificate signed by `caFile` (mutual TLS). @default false */
  readonly requireClientCert: boolean;
}

export interface PbxTlsConfig {
  /** CA certificate(s) that sign the PBX's certificate (default: the system's). */
  readonly caFile?: string;
  /** Client certificate and key, for PBXs that want one. */
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Check the PBX's certificate. @default true */
  readonly rejectUnauthorized: boolean;
  /** Name to check the certificate against (default: the endpoint host). */
  readonly servername?: string;
}

/** How the association is set up (without a profile, or to override the profile's). */
export type AssociationConfig =
  | { readonly kind: 'acse'; readonly password?: string; readonly authenticationName?: string; readonly applicationContext?: string }
  | { readonly kind: 'systemRegister' }
  | { readonly kind: 'none' };

/** The CSTA link to the PBX. */
export interface PbxConfig {
  /** Primary first, then the secondary (failover); may be omitted with a `simulator` section. */
  readonly endpoints?: readonly EndpointConfig[];
  /** Vendor profile (docs/profiles.md): wire, association, keep-alive of that PBX. */
  readonly profile?: string;
  readonly wire?: { readonly encoding: 'ber' | 'xml'; readonly framing?: string };
  readonly association?: AssociationConfig;
  /** The login a profile's association needs. */
  readonly credentials?: { readonly userName?: string; readonly password?: string; readonly applicationID?: string; readonly pbxDomain?: string };
  readonly tls?: PbxTlsConfig;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** systemStatus keep-alive interval (0 = none; a profile may set its own). */
  readonly keepAliveMs?: number;
  readonly reconnect: { readonly initialMs: number; readonly maxMs: number };
}

/** One agent the service knows. */
export interface AgentConfig {
  readonly agentId: string;
  readonly device: string;
  /** Agent password the switch wants with setAgentState. */
  readonly password?: string;
  /** Log the agent in as soon as the link is up (else when their toolbar logs in). @default false */
  readonly loginAtStart: boolean;
}

/** A routing point answered with a fixed destination. */
export interface RoutingPointConfig {
  readonly device: string;
  /** Where calls are routed. */
  readonly destination: string;
  /** Also monitor the routing device. @default false */
  readonly monitor: boolean;
}

/** A gateway token: who it logs in. */
export interface TokenConfig {
  readonly token: string;
  readonly agentId: string;
  readonly device: string;
}

/** JWT bearer tokens (verified with the gateway's jwtAuthenticator): `sub` = agent, `extension`/`devices` = device(s). */
export interface JwtConfig {
  /** HS256 shared secret, at least 32 bytes (use ${env:NAME}). */
  readonly secret?: string;
  /** PEM public key (SPKI or certificate) file for RS256 / ES256. */
  readonly publicKeyFile?: string;
  readonly algorithms?: readonly ('HS256' | 'RS256' | 'ES256')[];
  readonly issuer?: string;
  readonly audience?: string;
  readonly clockToleranceSec: number;
}

/** The whole config, defaults filled in. */
export interface ServiceConfig {
  /** The link's name (logs, metrics label, NATS subjects). */
  readonly name: string;
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Serve HTTPS instead of HTTP (a restart applies a change). */
    readonly tls?: HttpTlsConfig;
  };
  readonly log: { readonly level: LogLevel };
  /** Starts the PBX simulator in-process (demo, tests). */
  readonly simulator?: { readonly host: string; readonly port: number; readonly password?: string; readonly devices?: readonly { readonly number: string; readonly kind: 'station' | 'acdGroup' | 'routingPoint' | 'trunk'; readonly members?: readonly string[]; readonly defaultRoute?: string }[] };
  readonly pbx: PbxConfig;
  readonly agents: {
    /** `configured`: only agents in `list` (and their devices) may log in; `asTheyLogIn`: any token holder. */
    readonly mode: 'configured' | 'asTheyLogIn';
    readonly list: readonly AgentConfig[];
  };
  readonly routing: { readonly points: readonly RoutingPointConfig[] };
  readonly gateway: {
    readonly enabled: boolean;
    readonly path: string;
    /** Serve the demo toolbar at `/`. */
    readonly toolbar: boolean;
    readonly logoutOnClose: boolean;
    readonly allowedOrigins?: readonly string[];
    readonly heartbeatMs: number;
  };
  readonly auth: { readonly tokens: readonly TokenConfig[]; readonly jwt?: JwtConfig };
  /** The server-side Pega Call API and event pusher (docs/pega-server.md), on the same port. */
  readonly server?: Omit<PegaServerConfig, 'authenticate'>;
  readonly limits: {
    readonly maxSockets: number;
    readonly maxSocketsPerAgent: number;
    readonly maxInFlightPerSocket: number;
    readonly maxPayloadBytes: number;
  };
  readonly shutdown: { readonly timeoutMs: number };
  /** Plugin sections (e.g. `nats`), validated by their own schema fragments. */
  readonly [section: string]: unknown;
}

const str = (description: string, extra: SchemaFragment = {}): SchemaFragment => ({ type: 'string', description, ...extra });
const int = (description: string, minimum: number, maximum: number, def?: number): SchemaFragment => ({
  type: 'integer',
  description,
  minimum,
  maximum,
  ...(def === undefined ? {} : { default: def }),
});
const bool = (description: string, def: boolean): SchemaFragment => ({ type: 'boolean', description, default: def });
const obj = (description: string, properties: Record<string, SchemaFragment>, extra: SchemaFragment = {}): SchemaFragment => ({
  type: 'object',
  description,
  additionalProperties: false,
  properties,
  ...extra,
});
const port = (description: string, def?: number): SchemaFragment => int(description, 0, 65535, def);
const nonEmpty = (description: string): SchemaFragment => str(description, { minLength: 1, maxLength: 256 });

const endpoint = obj('One PBX or CTI server address.', { host: nonEmpty('Host name or address.'), port: port('TCP port.') }, { required: ['host', 'port'] });

const BASE_PROPERTIES: Record<string, SchemaFragment> = {
  $schema: str('The schema this file follows (for editors; ignored).'),
  name: str('Name of this link (logs, metrics, NATS subjects).', { pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'link' }),
  http: obj(
    'The one HTTP port: gateway WebSocket and toolbar, server-side API, /healthz, /readyz, /metrics.',
    {
      host: str('Address to listen on.', { default: '127.0.0.1' }),
      port: port('Port (0 = any free one; --port overrides).', 8080),
      tls: obj(
        'Serve HTTPS (and wss for the gateway) on this port.',
        {
          certFile: nonEmpty('PEM certificate (chain) of this server.'),
          keyFile: nonEmpty('PEM private key of that certificate.'),
          caFile: nonEmpty("PEM CA certificate(s) that sign the clients' certificates (with requireClientCert)."),
          requireClientCert: bool('Refuse clients without a certificate signed by caFile (mutual TLS).', false),
        },
        { required: ['certFile', 'keyFile'] },
      ),
    },
    { default: {} },
  ),
  log: obj('Logging (pino, JSON lines on stdout).', { level: { type: 'string', enum: [...LOG_LEVELS], default: 'info', description: 'Log level (--log-level overrides; SIGHUP reloads).' } }, { default: {} }),
  simulator: obj('Starts the PBX simulator in this process (demo and tests); pbx.endpoints may then be omitted.', {
    host: str('Address the simulator listens on.', { default: '127.0.0.1' }),
    port: port('Port (0 = any free one).', 0),
    password: str('AARQs must carry this password.'),
    devices: {
      type: 'array',
      description: "The switch's devices (default: stations 2000-2009 and 3000-3009, ACD group 6000, routing point 7000, trunk 0800).",
      maxItems: 10000,
      items: obj(
        'One device.',
        {
          number: nonEmpty('Device number.'),
          kind: { type: 'string', enum: ['station', 'acdGroup', 'routingPoint', 'trunk'], description: 'Kind of device.' },
          members: { type: 'array', items: { type: 'string' }, maxItems: 1000, description: 'ACD group: its agent stations.' },
          defaultRoute: str('Routing point: where unrouted calls go.'),
        },
        { required: ['number', 'kind'] },
      ),
    },
  }),
  pbx: obj(
    'The CSTA link to the PBX.',
    {
      endpoints: { type: 'array', description: 'Primary first, then the secondary: after the link drops, reconnects alternate between them (failover).', minItems: 1, maxItems: 4, items: endpoint },
      profile: { type: 'string', enum: [...VENDOR_PROFILE_NAMES], description: 'Vendor profile (docs/profiles.md): wire, association, keep-alive.' },
      wire: obj(
        'Wire format (default: the profile\'s, else BER with 2-byte length framing).',
        {
          encoding: { type: 'string', enum: ['ber', 'xml'], description: 'BER (ECMA-285) or XML (ECMA-323).' },
          framing: { type: 'string', enum: [...new Set([...Object.values(BerFraming), ...Object.values(XmlFraming)])], description: 'BER: length16, length32, ber, hipath; XML: header, plain, nul.' },
        },
        { required: ['encoding'] },
      ),
      association: obj(
        "Association mode (default: the profile's, else ACSE).",
        {
          kind: { type: 'string', enum: ['acse', 'systemRegister', 'none'], description: 'ACSE AARQ, systemRegister, or none.' },
          password: str('ACSE calling-authentication-value (use ${env:NAME}).'),
          authenticationName: str("User name sent with the password (HiPath's name-and-password)."),
          applicationContext: str('ACSE application context OID.', { pattern: '^[0-9]+(\\.[0-9]+)+$' }),
        },
        { required: ['kind'] },
      ),
      credentials: obj("The login a profile's association needs.", {
        userName: str('User name.'),
        password: str('Password (use ${env:NAME}).'),
        applicationID: str('ECMA-354 applicationID.'),
        pbxDomain: str("Uni-tel: the PBX domain."),
      }),
      tls: obj('Connect with TLS.', {
        caFile: str('PEM file of the CA(s) that sign the PBX certificate.'),
        certFile: str('PEM client certificate.'),
        keyFile: str('PEM client key.'),
        rejectUnauthorized: bool("Check the PBX's certificate.", true),
        servername: str('Name to check the certificate against.'),
      }),
      requestTimeoutMs: int('Request timeout.', 100, 600000, 10000),
      connectTimeoutMs: int('Connect (and association) timeout.', 100, 600000, 10000),
      keepAliveMs: int("systemStatus keep-alive interval, 0 = none (default: the profile's, else 30000).", 0, 3600000),
      reconnect: obj('Reconnect backoff (capped exponential, jittered).', { initialMs: int('First delay.', 10, 600000, 200), maxMs: int('Largest delay.', 10, 3600000, 30000) }, { default: {} }),
    },
    { default: {} },
  ),
  agents: obj(
    'The agents.',
    {
      mode: { type: 'string', enum: ['configured', 'asTheyLogIn'], default: 'asTheyLogIn', description: 'configured: only agents listed here; asTheyLogIn: any valid token logs its agent in.' },
      list: {
        type: 'array',
        default: [],
        maxItems: 100000,
        description: 'Known agents.',
        items: obj(
          'One agent.',
          {
            agentId: nonEmpty('Agent ID.'),
            device: nonEmpty('Their extension.'),
            password: str('Agent password for setAgentState (use ${env:NAME}).'),
            loginAtStart: bool('Log in as soon as the link is up.', false),
          },
          { required: ['agentId', 'device'] },
        ),
      },
    },
    { default: {} },
  ),
  routing: obj(
    'Routing points answered by the service (SIGHUP reloads the destinations).',
    {
      points: {
        type: 'array',
        default: [],
        maxItems: 1000,
        description: 'Routing points.',
        items: obj('One routing point.', { device: nonEmpty('Routing device.'), destination: nonEmpty('Where its calls go.'), monitor: bool('Also monitor the routing device.', false) }, { required: ['device', 'destination'] }),
      },
    },
    { default: {} },
  ),
  gateway: obj(
    'The client-side gateway: WebSocket for the toolbar (docs/pega-gateway.md).',
    {
      enabled: bool('Serve the gateway.', true),
      path: str('WebSocket path.', { pattern: '^/[A-Za-z0-9/_-]*$', default: '/cti' }),
      toolbar: bool('Serve the demo toolbar at /.', true),
      logoutOnClose: bool("Log the agent out when their last socket closes.", false),
      allowedOrigins: { type: 'array', items: { type: 'string' }, maxItems: 100, description: 'When set, WebSocket upgrades from other Origins get 403.' },
      heartbeatMs: int('WebSocket ping interval (0 = none).', 0, 3600000, 30000),
    },
    { default: {} },
  ),
  auth: obj(
    'Who may connect. SIGHUP reloads the tokens.',
    {
      tokens: {
        type: 'array',
        default: [],
        maxItems: 100000,
        description: 'Bearer tokens, each bound to one agent and device (use ${env:NAME} for the token).',
        items: obj('One token.', { token: str('The token (RFC 7230 token characters).', { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{8,512}$" }), agentId: nonEmpty('Agent ID.'), device: nonEmpty('Device.') }, { required: ['token', 'agentId', 'device'] }),
      },
      jwt: obj('Also accept signed JWTs (sub = agent ID; extension and/or devices = the devices): a token not in the table is verified as a JWT.', {
        secret: str('HS256 shared secret, at least 32 bytes (use ${env:NAME}).', { minLength: 32 }),
        publicKeyFile: str('PEM public key (SPKI or certificate) for RS256 / ES256.'),
        algorithms: { type: 'array', items: { type: 'string', enum: ['HS256', 'RS256', 'ES256'] }, minItems: 1, maxItems: 3, description: 'Accepted algorithms (default: HS256 for a secret, RS256 and ES256 for a key).' },
        issuer: str('Required iss.'),
        audience: str('Required aud.'),
        clockToleranceSec: int('Clock skew allowed on exp/nbf.', 0, 600, 30),
      }),
    },
    { default: {} },
  ),
  server: {
    description: 'The server-side Pega Call integration (docs/pega-server.md): the HTTP API under prefix (default /api) and, with events.url, the event pusher to Pega. Needs a restart to change. With auth.jwt, an agent\'s JWT may also call the API for that agent.',
    ...PEGA_SERVER_CONFIG_SCHEMA,
  },
  limits: obj(
    'Bounds (SIGHUP reloads them for new sockets and requests).',
    {
      maxSockets: int('Gateway sockets open at once.', 1, 1000000, 256),
      maxSocketsPerAgent: int('Gateway sockets per agent.', 1, 1000, 8),
      maxInFlightPerSocket: int('Requests one socket may have waiting.', 1, 10000, 16),
      maxPayloadBytes: int('Largest WebSocket message.', 256, 16777216, 16384),
    },
    { default: {} },
  ),
  shutdown: obj('SIGTERM/SIGINT.', { timeoutMs: int('Longest time from the signal to exit.', 100, 600000, 10000) }, { default: {} }),
};

/**
 * The JSON Schema of the config with these plugins' sections (default: the built-in ones). The
 * result is plain JSON (what docs/csta-serve.schema.json holds).
 */
export function serviceConfigSchema(plugins: readonly ServicePluginFactory[]): SchemaFragment {
  const properties: Record<string, SchemaFragment> = { ...BASE_PROPERTIES };
  for (const p of plugins) {
    if (p.section in properties) throw new Error(`plugin section ${p.section} clashes with a config key`);
    properties[p.section] = { description: p.description, ...p.schema };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://csta-link.invalid/csta-serve.schema.json',
    title: 'csta serve config',
    description: 'Config of `csta serve` (docs/deploy.md). Strings may hold ${env:NAME}, replaced by that environment variable.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
