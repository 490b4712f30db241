/**
 * From the config to the options of the parts: the CstaSession (endpoints with failover, profile,
 * wire, association, TLS files, timeouts, backoff) and the embedded simulator.
 */
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { exponentialBackoff } from '../session/options.js';
import type { AssociationMode, SessionOptions } from '../session/options.js';
import type { PbxSimulatorOptions } from '../simulator/simulator.js';
import { simulatorOptionsForProfile } from '../simulator/profiles.js';
import type { WireFormat } from '../transport/wire.js';
import type { BerFraming } from '../../protocol/framing/ber-framing.js';
import type { EndpointConfig, PbxConfig, ServiceConfig } from './config-schema.js';
import { ConfigError, readConfigFile } from './config.js';

/** The wire of the config, or undefined to leave it to the profile (or the session's default). */
export function wireOf(pbx: PbxConfig): WireFormat | undefined {
  const w = pbx.wire;
  if (w === undefined) return undefined;
  return w.encoding === 'ber' ? { encoding: 'ber', framing: (w.framing ?? 'length16') as BerFraming } : { encoding: 'xml', framing: 'header' };
}

function associationOf(pbx: PbxConfig): AssociationMode | undefined {
  const a = pbx.association;
  if (a === undefined) return undefined;
  switch (a.kind) {
    case 'acse':
      return {
        kind: 'acse',
        ...(a.password === undefined ? {} : { password: a.password }),
        ...(a.authenticationName === undefined ? {} : { authenticationName: a.authenticationName }),
        ...(a.applicationContext === undefined ? {} : { applicationContext: a.applicationContext }),
      };
    case 'systemRegister':
      return { kind: 'systemRegister' };
    case 'none':
      return { kind: 'none' };
    default: {
      const never: never = a;
      throw new RangeError(`unknown association ${JSON.stringify(never)}`);
    }
  }
}

function readPem(path: string | undefined, key: string): Buffer | undefined {
  return path === undefined ? undefined : readConfigFile(path, `pbx.tls.${key}`);
}

function tlsOf(pbx: PbxConfig): TlsOptions | undefined {
  const t = pbx.tls;
  if (t === undefined) return undefined;
  const ca = readPem(t.caFile, 'caFile');
  const cert = readPem(t.certFile, 'certFile');
  const key = readPem(t.keyFile, 'keyFile');
  return {
    rejectUnauthorized: t.rejectUnauthorized,
    ...(ca === undefined ? {} : { ca }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(t.servername === undefined ? {} : { servername: t.servername }),
  };
}

/** `host:port`. */
export function endpointText(e: EndpointConfig): string {
  return `${e.host}:${e.port}`;
}

/** The session options for these endpoints (primary first). */
export function sessionOptionsOf(config: ServiceConfig, endpoints: readonly EndpointConfig[]): SessionOptions {
  const pbx = config.pbx;
  const [primary, ...alternates] = endpoints;
  if (primary === undefined) throw new ConfigError('config', ['pbx.endpoints: required (or a simulator section)']);
  const wire = wireOf(pbx);
  // CSTA-XML links without a profile associate with systemRegister (no ACSE on XML).
  const association = associationOf(pbx) ?? (pbx.profile === undefined && wire?.encoding === 'xml' ? { kind: 'systemRegister' as const } : undefined);
  const tls = tlsOf(pbx);
  return {
    host: primary.host,
    port: primary.port,
    ...(alternates.length === 0 ? {} : { alternates: alternates.map((e) => ({ host: e.host, port: e.port })) }),
    ...(pbx.profile === undefined ? {} : { profile: pbx.profile }),
    ...(pbx.credentials === undefined ? {} : { credentials: pbx.credentials }),
    ...(tls === undefined ? {} : { tls }),
    ...(wire === undefined ? {} : { wire }),
    ...(association === undefined ? {} : { association }),
    ...(pbx.keepAliveMs === undefined ? {} : { keepAliveMs: pbx.keepAliveMs }),
    requestTimeoutMs: pbx.requestTimeoutMs,
    connectTimeoutMs: pbx.connectTimeoutMs,
    reconnect: exponentialBackoff({ initialMs: pbx.reconnect.initialMs, maxMs: pbx.reconnect.maxMs }),
  };
}

/** The embedded simulator's options: the PBX wire (or the profile's PBX), the section's devices and password. */
export function simulatorOptionsOf(config: ServiceConfig): PbxSimulatorOptions {
  const sim = config.simulator;
  const pbx = config.pbx;
  const base = pbx.profile === undefined ? {} : simulatorOptionsForProfile(pbx.profile, pbx.credentials ?? {});
  const wire = wireOf(pbx);
  return {
    ...base,
    ...(wire === undefined ? {} : { wire }),
    ...(sim?.password === undefined ? {} : { password: sim.password }),
    ...(sim?.devices === undefined ? {} : { devices: sim.devices }),
  };
}
