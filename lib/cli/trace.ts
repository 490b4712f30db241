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

/** Follows monitorStart invokes and results and maps every event report for its device. */
export function replayFrames<E>(frames: Iterable<FrameResult>, mapper: EventMapper<E>): ReplayResult<E> {
  const requested = new Map<string, string>(); // stream:invokeId → device
  const monitors = new Map<string, string>(); // stream:crossRef → device
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
