/**
 * Traces: folders `fixtures/traces/<name>/` holding the wire bytes of a session (`trace.pcap`,
 * `trace.pcapng` or `trace.hex`), `expected-decode.ndjson` (exactly what `csta decode --ndjson --brief`
 * prints for it) and `expected-pega.json` (the Pega events replay produces).
 *
 * Replay follows the session the way a CTI client does: a monitorStart invoke names the device,
 * its result gives the crossRefIdentifier, and each cSTAEventReport is flattened and mapped for the
 * device its crossRefIdentifier belongs to. Invoke ids and cross references are scoped by TCP
 * stream, so a capture with several connections replays correctly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CSTAEventReportArgument } from '../../protocol/csta/events/event-report.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { flattenEvent } from '../session/events.js';
import type { CstaEvent } from '../session/events.js';
import { deviceKey } from '../session/monitors.js';
import type { FrameResult } from './frames.js';
import { frameFacts } from './frame-facts.js';

/** File names inside a trace folder. */
export const TRACE_INPUTS = ['trace.pcap', 'trace.pcapng', 'trace.hex'] as const;
/** What `csta decode --ndjson --brief` prints for the trace. */
export const EXPECTED_DECODE = 'expected-decode.ndjson';
/** The Pega events replay produces, pretty JSON. */
export const EXPECTED_PEGA = 'expected-pega.json';

/** Turns one CSTA event at a monitored device into the application's events (PegaMapper). */
export interface EventMapper<E> {
  map(device: string, event: CstaEvent): readonly E[];
}

/** An event report whose crossRefIdentifier no monitorStart result announced. */
export interface UnroutedEvent {
  readonly index: number;
  readonly crossRefIdentifier: string;
}

/** What replay produced. */
export interface ReplayResult<E> {
  readonly events: E[];
  readonly unrouted: UnroutedEvent[];
}

/** The trace input file of a folder, or undefined when it has none. */
export function traceInput(dir: string): string | undefined {
  for (const name of TRACE_INPUTS) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** Trace folders directly inside `dir` (sorted by name); `dir` itself when it is one. */
export function traceFolders(dir: string): string[] {
  if (traceInput(dir) !== undefined) return [dir];
  return readdirSync(dir)
    .sort()
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isDirectory() && traceInput(p) !== undefined);
}

type Loose = Record<string, unknown>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null;
}

/** The device a monitorStart argument names (`monitorObject.deviceObject`), if any. */
function monitoredDevice(argument: unknown): string | undefined {
  if (!isObject(argument) || !isObject(argument.monitorObject)) return undefined;
  const device = argument.monitorObject.deviceObject;
  return isObject(device) && isObject(device.deviceIdentifier) ? deviceKey(device as unknown as DeviceID) : undefined;
}

/** How replay finds the device of an event whose monitorStart is not in the trace. */
export interface ReplayOptions {
  /** crossRefIdentifier → device (`--monitor 0001=2000`), for every stream. */
  readonly monitors?: ReadonlyMap<string, string>;
  /** `stream:crossRefIdentifier` → device, e.g. from {@link inferMonitors} (a capture that starts mid-session). */
  readonly streamMonitors?: ReadonlyMap<string, string>;
}

/** Follows monitorStart invokes and results and maps every event report for its device. */
export function replayFrames<E>(frames: Iterable<FrameResult>, mapper: EventMapper<E>, options: ReplayOptions = {}): ReplayResult<E> {
  const requested = new Map<string, string>(); // stream:invokeId → device
  const monitors = new Map<string, string>(); // stream:crossRef → device
  const list = [...frames];
  for (const [key, device] of options.streamMonitors ?? []) monitors.set(key, device);
  for (const f of list) {
    const crossRef = f.pdu === undefined ? undefined : frameFacts(f)?.crossRef;
    const given = crossRef === undefined ? undefined : options.monitors?.get(crossRef);
    if (given !== undefined) monitors.set(`${f.stream ?? 0}:${crossRef!}`, given);
  }
  return followMonitors(list, mapper, requested, monitors);
}

/**
 * For each crossRefIdentifier no monitorStart result in the trace announces: the one device that
 * every event report of it names (`stream:crossRef` → device). A device monitor's events all name
 * its device; a crossRef whose events share no single device is left out.
 */
export function inferMonitors(frames: readonly FrameResult[]): Map<string, string> {
  const announced = new Set<string>();
  const candidates = new Map<string, string[]>();
  for (const f of frames) {
    const facts = frameFacts(f);
    if (facts?.crossRef === undefined) continue;
    const key = `${f.stream ?? 0}:${facts.crossRef}`;
    if (facts.operation === 'monitorStart') {
      announced.add(key);
      continue;
    }
    if (facts.operation !== 'cSTAEventReport' || facts.devices.length === 0) continue;
    const named = facts.devices.map((d) => d.device);
    const before = candidates.get(key);
    candidates.set(key, before === undefined ? [...new Set(named)] : before.filter((d) => named.includes(d)));
  }
  const out = new Map<string, string>();
  for (const [key, devices] of candidates) if (!announced.has(key) && devices.length === 1) out.set(key, devices[0]!);
  return out;
}

function followMonitors<E>(frames: readonly FrameResult[], mapper: EventMapper<E>, requested: Map<string, string>, monitors: Map<string, string>): ReplayResult<E> {
  const events: E[] = [];
  const unrouted: UnroutedEvent[] = [];
  for (const f of frames) {
    const pdu = f.pdu as Loose | undefined;
    if (pdu === undefined) continue;
    const scope = f.stream ?? 0;
    if (pdu.pdu === 'invoke' && pdu.operation === 'monitorStart') {
      const device = monitoredDevice(pdu.argument);
      if (device !== undefined) requested.set(`${scope}:${String(pdu.invokeId)}`, device);
    } else if (pdu.pdu === 'returnResult' && pdu.operation === 'monitorStart' && isObject(pdu.result)) {
      const device = requested.get(`${scope}:${String(pdu.invokeId)}`);
      if (device !== undefined) monitors.set(`${scope}:${String(pdu.result.crossRefIdentifier)}`, device);
    } else if (pdu.pdu === 'invoke' && pdu.operation === 'cSTAEventReport') {
      const event = flattenEvent(pdu.argument as CSTAEventReportArgument);
      const device = monitors.get(`${scope}:${event.crossRefIdentifier}`);
      if (device === undefined) unrouted.push({ index: f.index, crossRefIdentifier: event.crossRefIdentifier });
      else events.push(...mapper.map(device, event));
    }
  }
  return { events, unrouted };
}
