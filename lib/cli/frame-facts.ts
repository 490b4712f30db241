/**
 * What support engineers look for in a frame, read out of its decoded PDU: the PDU kind, invoke
 * id, operation, the event of an event report, its cross-reference id, every call id and every
 * device with the role its field gives it (`alerting`, `calling`, ...). Also the matching of
 * requests with their replies (same stream and invoke id, opposite direction) and the reply's
 * latency.
 */
import { Direction } from '../../protocol/capture/index.js';
import { setNewest } from '../bounded-map.js';
import type { FrameResult } from './frames.js';
import { jsonReplacer } from './values.js';

/** The facts of one decoded frame. */
export interface FrameFacts {
  /** `invoke`, `returnResult`, `returnError`, `reject`, `aarq`, `aare`, ... */
  readonly kind: string;
  readonly invokeId?: string;
  /** The ROSE operation (`monitorStart`, `cSTAEventReport`, ...). */
  readonly operation?: string;
  /** Event reports: the event's identifier (`delivered`, `agentReady`, ...). */
  readonly event?: string;
  readonly crossRef?: string;
  /** Call ids in the order they appear, each once. */
  readonly callIds: readonly string[];
  /** Devices with their role, in the order they appear, each role/device pair once. */
  readonly devices: readonly DeviceMention[];
}

/** A device named in a frame: `role` is its field's name without `Device` (`alerting`, `calling`, `monitored`...). */
export interface DeviceMention {
  readonly role: string;
  readonly device: string;
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** DeviceID alternatives holding the number as text (ECMA-269 DeviceID / ExtendedDeviceID). */
const NUMBER_FORMS = new Set(['dialingNumber', 'deviceNumber', 'other', 'implicitPublic', 'explicitPublic', 'implicitPrivate', 'explicitPrivate']);
/** Field names that only wrap a DeviceID (skipped when naming the role). */
const WRAPPERS = new Set(['deviceIdentifier', 'deviceObject', 'deviceID', 'device', 'monitorObject', 'callObject', 'both', 'staticID', 'dynamicID']);
/** Most nodes visited per frame (bounds the walk of a hostile or huge PDU). */
export const MAX_FACT_NODES = 5000;

function roleOf(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const k = path[i]!;
    if (WRAPPERS.has(k) || /^\d+$/.test(k) || NUMBER_FORMS.has(k)) continue;
    return k.replace(/(?:Device|Connection|ID)$/, '') || k;
  }
  return 'device';
}

/** The PDU as plain JSON (Buffers as hex), as `--json` prints it. */
export function plainPdu(f: FrameResult): Plain | undefined {
  if (f.pdu === undefined) return undefined;
  return JSON.parse(JSON.stringify(f.pdu, jsonReplacer)) as Plain;
}

/** The facts of a decoded frame; undefined when it did not decode. */
export function frameFacts(f: FrameResult): FrameFacts | undefined {
  const pdu = plainPdu(f);
  if (pdu === undefined) return undefined;
  const callIds: string[] = [];
  const devices: DeviceMention[] = [];
  const seen = new Set<string>();
  let nodes = 0;
  const walk = (v: unknown, path: string[]): void => {
    if (++nodes > MAX_FACT_NODES) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, String(i)]));
      return;
    }
    if (!isPlain(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'callID' && typeof x === 'string') {
        if (!callIds.includes(x)) callIds.push(x);
        continue;
      }
      if (NUMBER_FORMS.has(k) && (typeof x === 'string' || typeof x === 'number')) {
        const role = roleOf(path);
        const key = `${role}=${String(x)}`;
        if (!seen.has(key)) {
          seen.add(key);
          devices.push({ role, device: String(x) });
        }
        continue;
      }
      walk(x, [...path, k]);
    }
  };
  const body = pdu.argument ?? pdu.result ?? pdu.parameter;
  walk(body, []);
  const kind = typeof pdu.pdu === 'string' ? pdu.pdu : 'unknown';
  const facts: { -readonly [K in keyof FrameFacts]: FrameFacts[K] } = { kind, callIds, devices };
  if (typeof pdu.invokeId === 'number' || typeof pdu.invokeId === 'string') facts.invokeId = String(pdu.invokeId);
  if (typeof pdu.operation === 'string') facts.operation = pdu.operation;
  if (pdu.operation === 'cSTAEventReport' && isPlain(pdu.argument)) {
    const arg = pdu.argument;
    if (typeof arg.crossRefIdentifier === 'string') facts.crossRef = arg.crossRefIdentifier;
    const info = arg.eventSpecificInfo;
    if (isPlain(info)) {
      const inner = Object.values(info)[0];
      const name = isPlain(inner) ? Object.keys(inner)[0] : undefined;
      if (name !== undefined && name !== '$unknown') facts.event = name;
    }
  } else if (isPlain(pdu.result) && typeof pdu.result.crossRefIdentifier === 'string') {
    facts.crossRef = pdu.result.crossRefIdentifier;
  }
  return facts;
}

/** ISO-8601 with nanoseconds (as {@link FrameResult.timestamp}) → ns since the epoch. */
export function timestampNs(iso: string): bigint | undefined {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (m === null) return undefined;
  const seconds = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(seconds)) return undefined;
  return BigInt(seconds) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** A reply matched with its request. */
export interface ReplyLink {
  /** Frame index of the request. */
  readonly requestIndex: number;
  /** Time from the request to the reply, when both have timestamps. */
  readonly latencyMs?: number;
}

/** Requests waiting for a reply that are remembered; the oldest is forgotten beyond this. */
export const MAX_PENDING_REQUESTS = 10_000;

/** The other direction of a stream ('' stays '': inputs without directions). */
function opposite(direction: string): string {
  if (direction === Direction.clientToServer) return Direction.serverToClient;
  if (direction === Direction.serverToClient) return Direction.clientToServer;
  return direction;
}

const REPLY_KINDS = new Set(['returnResult', 'returnError', 'reject']);

/**
 * Matches replies with requests. Requests are invokes other than event reports; a reply matches
 * the request with its invoke id sent the other way on the same stream.
 */
export class ReplyMatcher {
  private readonly pending = new Map<string, { index: number; ns: bigint | undefined }>();

  /** Records a request, or returns the request a reply answers. */
  observe(f: FrameResult, facts: FrameFacts | undefined): ReplyLink | undefined {
    if (facts?.invokeId === undefined) return undefined;
    const from = f.direction ?? '';
    const ns = f.timestamp === undefined ? undefined : timestampNs(f.timestamp);
    if (facts.kind === 'invoke' && facts.operation !== 'cSTAEventReport') {
      const key = `${f.stream ?? 0}|${from}|${facts.invokeId}`;
      setNewest(this.pending, key, { index: f.index, ns }, MAX_PENDING_REQUESTS);
      return undefined;
    }
    if (!REPLY_KINDS.has(facts.kind)) return undefined;
    const key = `${f.stream ?? 0}|${opposite(from)}|${facts.invokeId}`;
    const request = this.pending.get(key);
    if (request === undefined) return undefined;
    this.pending.delete(key);
    if (request.ns === undefined || ns === undefined) return { requestIndex: request.index };
    return { requestIndex: request.index, latencyMs: Number(ns - request.ns) / 1e6 };
    return undefined;
  }
}
