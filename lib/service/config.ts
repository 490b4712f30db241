/**
 * Loads a `csta serve` config: JSON or YAML text → `${env:NAME}` substitution → validation against
 * the schema (config-schema.ts) with ajv, defaults filled in → the few checks a schema cannot say
 * (a framing that belongs to the encoding, endpoints or a simulator). Every problem is reported
 * with the key path it concerns (`pbx.endpoints[0].port: expected integer`), all at once.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { BerFraming } from '../../protocol/framing/ber-framing.js';
import { serviceConfigSchema } from './config-schema.js';
import type { ServiceConfig } from './config-schema.js';
import type { ServicePluginFactory } from './plugin.js';
import { BUILTIN_PLUGINS } from './plugins.js';

/** A config that cannot be used; `problems` lists each as `path: what was expected`. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Environment variables a config may read (tests pass their own). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** `${env:NAME}`: NAME is letters, digits and `_`, not starting with a digit. */
const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Longest config file accepted. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** A key path for messages: `pbx.endpoints[0].port` ('' = the top). */
export function keyPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? `${out === '' ? '' : '.'}${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** Parses JSON (a file ending .json, or text starting with `{`) or YAML. */
export function parseConfigText(text: string, source: string): unknown {
  if (source.endsWith('.json') || /^\s*\{/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new ConfigError(source, [`not valid JSON: ${(e as Error).message}`]);
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(source, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0] ?? e.message}`));
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** Replaces `${env:NAME}` in every string; a variable that is not set is a problem at that path. */
export function substituteEnv(value: unknown, env: Environment, problems: string[], path: (string | number)[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) {
        problems.push(`${keyPath(path) || '(top)'}: environment variable ${name} is not set`);
        return '';
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, problems, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    // Keys too: a token table keyed by token (server.tokens) can take its tokens from the environment.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [substituteEnv(k, env, problems, [...path, k]) as string, substituteEnv(v, env, problems, [...path, k])]));
  }
  return value;
}

/** One ajv error as `path: what was expected`. */
function describe(e: ErrorObject): string {
  const at = pointerSegments(e.instancePath);
  const where = (segments: (string | number)[]): string => keyPath(segments) || '(top)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where([...at, String(p.additionalProperty)])}: unknown key (not in the schema${at.length === 0 ? '' : ` of ${where(at)}`})`;
    case 'required':
      return `${where([...at, String(p.missingProperty)])}: required`;
    case 'type':
      return `${where(at)}: expected ${String(p.type)}`;
    case 'enum':
      return `${where(at)}: expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
    case 'maximum':
      return `${where(at)}: expected ${e.keyword === 'minimum' ? '>=' : '<='} ${String(p.limit)}`;
    case 'pattern':
      return `${where(at)}: expected to match ${String(p.pattern)}`;
    case 'minLength':
    case 'maxLength':
      return `${where(at)}: expected a string of ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)} characters`;
    case 'minItems':
    case 'maxItems':
      return `${where(at)}: expected ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} items`;
    default:
      return `${where(at)}: ${e.message ?? e.keyword}`;
  }
}

const validators = new WeakMap<readonly ServicePluginFactory[], ValidateFunction>();

function validatorFor(plugins: readonly ServicePluginFactory[]): ValidateFunction {
  let v = validators.get(plugins);
  if (v === undefined) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
    v = ajv.compile(serviceConfigSchema(plugins));
    validators.set(plugins, v);
  }
  return v;
}

/** Checks the schema cannot express. */
function crossChecks(config: ServiceConfig): string[] {
  const problems: string[] = [];
  const wire = config.pbx.wire;
  if (wire?.framing !== undefined) {
    const ber = (Object.values(BerFraming) as string[]).includes(wire.framing);
    if (wire.encoding === 'ber' && !ber) problems.push(`pbx.wire.framing: expected a BER framing (${Object.values(BerFraming).join(', ')})`);
    if (wire.encoding === 'xml' && wire.framing !== 'header') problems.push('pbx.wire.framing: expected header (the 8-byte ECMA-323 header carries the invoke id of a CSTA-XML session)');
  }
  if ((config.pbx.endpoints === undefined || config.pbx.endpoints.length === 0) && config.simulator === undefined) {
    problems.push('pbx.endpoints: required (or a simulator section)');
  }
  const tokens = new Set<string>();
  config.auth.tokens.forEach((t, i) => {
    if (tokens.has(t.token)) problems.push(`auth.tokens[${i}].token: the same token appears twice`);
    tokens.add(t.token);
  });
  const agents = new Map<string, number>();
  const devices = new Map<string, number>();
  config.agents.list.forEach((a, i) => {
    if (agents.has(a.agentId)) problems.push(`agents.list[${i}].agentId: agent ${a.agentId} is listed twice`);
    if (devices.has(a.device)) problems.push(`agents.list[${i}].device: device ${a.device} is listed twice`);
    agents.set(a.agentId, i);
    devices.set(a.device, i);
  });
  if (config.agents.mode === 'configured') {
    config.auth.tokens.forEach((t, i) => {
      const j = agents.get(t.agentId);
      if (j === undefined) problems.push(`auth.tokens[${i}].agentId: agent ${t.agentId} is not in agents.list (agents.mode is configured)`);
      else if (config.agents.list[j]?.device !== t.device) problems.push(`auth.tokens[${i}].device: agent ${t.agentId} works at ${config.agents.list[j]?.device ?? '?'} in agents.list`);
    });
  }
  const jwt = config.auth.jwt;
  if (jwt !== undefined && (jwt.secret === undefined) === (jwt.publicKeyFile === undefined)) problems.push('auth.jwt: give either secret or publicKeyFile');
  if (config.http.tls?.requireClientCert === true && config.http.tls.caFile === undefined) problems.push('http.tls.caFile: required with requireClientCert (the CA that signs the clients’ certificates)');
  if (config.pbx.reconnect.maxMs < config.pbx.reconnect.initialMs) problems.push('pbx.reconnect.maxMs: expected >= pbx.reconnect.initialMs');
  return problems;
}

/**
 * Validates a parsed config (after env substitution), fills the defaults and returns it; throws
 * ConfigError listing every problem.
 */
export function validateConfig(raw: unknown, source: string, plugins: readonly ServicePluginFactory[] = BUILTIN_PLUGINS): ServiceConfig {
  const value: unknown = raw === null || raw === undefined ? {} : structuredClone(raw);
  const validate = validatorFor(plugins);
  if (!validate(value)) {
    const seen = new Set<string>();
    const problems = (validate.errors ?? []).map(describe).filter((m) => !seen.has(m) && (seen.add(m), true));
    throw new ConfigError(source, problems);
  }
  const config = value as ServiceConfig;
  const problems = crossChecks(config);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return config;
}

/** Parses, substitutes and validates config text. */
export function parseConfig(text: string, source: string, env: Environment = process.env, plugins: readonly ServicePluginFactory[] = BUILTIN_PLUGINS): ServiceConfig {
  const parsed = parseConfigText(text, source);
  const problems: string[] = [];
  const substituted = substituteEnv(parsed, env, problems);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return validateConfig(substituted, source, plugins);
}

/** The bytes of a file a config key names (a PEM certificate or key), or a ConfigError naming that key. */
export function readConfigFile(path: string, key: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ConfigError('config', [`${key}: cannot read ${path}: ${(e as Error).message}`]);
  }
}

/** Reads, parses and validates a config file. */
export function loadConfigFile(path: string, env: Environment = process.env, plugins: readonly ServicePluginFactory[] = BUILTIN_PLUGINS): ServiceConfig {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_CONFIG_BYTES) throw new ConfigError(path, [`larger than ${MAX_CONFIG_BYTES} bytes`]);
    text = buf.toString('utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(path, [`cannot read: ${(e as Error).message}`]);
  }
  return parseConfig(text, path, env, plugins);
}
