/**
 * `csta simulate` / `csta toolbar` configuration read from the command line: the wire
 * (`--wire ber|xml`, `--framing`), TLS files and the `--devices FILE` list.
 *
 * A devices file is a JSON array of DeviceConfig:
 *
 *     [
 *       { "number": "2000", "kind": "station" },
 *       { "number": "6000", "kind": "acdGroup", "members": ["2000"] },
 *       { "number": "7000", "kind": "routingPoint", "defaultRoute": "6000" },
 *       { "number": "0800", "kind": "trunk" }
 *     ]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BER_FRAME_SPECS } from '../../protocol/framing/ber-framing.js';
import type { BerFraming } from '../../protocol/framing/ber-framing.js';
import type { DeviceConfig, DeviceKind } from '../simulator/switch-state.js';
import type { WireFormat } from '../transport/wire.js';

/** `--wire` choices. */
export const SimWire = ['ber', 'xml'] as const;
/** One of {@link SimWire}. */
export type SimWire = (typeof SimWire)[number];


/** A bad `--wire`/`--framing`/`--devices`/TLS choice. */
export class SimConfigError extends Error {
  readonly code = 'BAD_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'SimConfigError';
  }
}

/** The wire for `--wire` and `--framing` (default framing: length16 for BER, header for XML). */
export function simWire(wire: SimWire = 'ber', framing?: string): WireFormat {
  if (wire === 'ber') {
    const f = framing ?? 'length16';
    if (!(f in BER_FRAME_SPECS)) throw new SimConfigError(`--framing ${f} is not a BER framing (one of ${Object.keys(BER_FRAME_SPECS).join(', ')})`);
    return { encoding: 'ber', framing: f as BerFraming };
  }
  // A CSTA-XML session needs the 8-byte header: it carries the invoke id.
  const f = framing ?? 'header';
  if (f !== 'header') throw new SimConfigError(`--framing ${f} is not an XML framing of a CSTA session (only header: the 8-byte ECMA-323 header carries the invoke id)`);
  return { encoding: 'xml', framing: f };
}

/** `ber, length16` / `xml, header` for log lines. */
export function wireText(w: WireFormat): string {
  return `${w.encoding.toUpperCase()}, ${w.framing} framing`;
}

const KINDS: readonly DeviceKind[] = ['station', 'acdGroup', 'routingPoint', 'trunk'];

/** Reads and checks a `--devices` file. */
export function loadDevices(path: string): DeviceConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SimConfigError(`--devices ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(json) || json.length === 0) throw new SimConfigError(`--devices ${path}: expected a non-empty JSON array of { "number", "kind" }`);
  const seen = new Set<string>();
  return json.map((d: unknown, i) => {
    const where = `--devices ${path}: item ${i}`;
    if (typeof d !== 'object' || d === null) throw new SimConfigError(`${where} is not an object`);
    const o = d as Record<string, unknown>;
    if (typeof o.number !== 'string' || o.number === '') throw new SimConfigError(`${where}: "number" must be a non-empty string`);
    if (!KINDS.includes(o.kind as DeviceKind)) throw new SimConfigError(`${where} (${o.number}): "kind" must be one of ${KINDS.join(', ')}`);
    if (seen.has(o.number)) throw new SimConfigError(`${where}: device ${o.number} appears twice`);
    seen.add(o.number);
    if (o.members !== undefined && (!Array.isArray(o.members) || !o.members.every((m) => typeof m === 'string'))) {
      throw new SimConfigError(`${where} (${o.number}): "members" must be an array of device numbers`);
    }
    return o as unknown as DeviceConfig;
  });
}

/** The self-signed loopback certificate of a checkout (fixtures/tls), for `--tls` without files. */
export function bundledTlsFiles(): { cert: string; key: string } | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const cert = join(dir, 'fixtures', 'tls', 'localhost.crt');
    const key = join(dir, 'fixtures', 'tls', 'localhost.key');
    if (existsSync(cert) && existsSync(key)) return { cert, key };
    dir = dirname(dir);
  }
  return undefined;
}

/** TLS server options from `--tls-cert`/`--tls-key` (or the bundled test certificate). */
export function tlsServerFiles(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } {
  if ((cert === undefined) !== (key === undefined)) throw new SimConfigError('give both --tls-cert and --tls-key');
  const files = cert !== undefined && key !== undefined ? { cert, key } : bundledTlsFiles();
  if (files === undefined) throw new SimConfigError('--tls needs --tls-cert FILE and --tls-key FILE');
  return { cert: readFileSync(files.cert), key: readFileSync(files.key) };
}
