/**
 * `csta decode` frame selection: `--frames 10-20` (frame numbers), `--op`, `--device`, `--call`,
 * `--invoke`, `--direction` (what a frame is), and `-c N` (stop after N frames shown). Every given
 * condition must hold; a condition given several times holds when any of its values does.
 */
import { Direction } from '../../protocol/capture/index.js';
import type { FrameFacts } from './frame-facts.js';
import type { FrameResult } from './frames.js';

/** Frame numbers `from`..`to`, both included (`to` undefined: to the end). */
export interface FrameRange {
  readonly from: number;
  readonly to?: number;
}

/** The `--direction` values: `c2s` (client → server, the application's requests) and `s2c`. */
export const DirectionChoice = ['c2s', 's2c'] as const;
/** One of {@link DirectionChoice}. */
export type DirectionChoice = (typeof DirectionChoice)[number];

/** What `csta decode` shows. */
export interface FrameFilter {
  /** Operation, event or message names (any case): `monitorStart`, `delivered`, `DeliveredEvent`. */
  readonly ops?: readonly string[];
  readonly devices?: readonly string[];
  readonly calls?: readonly string[];
  readonly invokes?: readonly string[];
  readonly direction?: DirectionChoice;
  readonly ranges?: readonly FrameRange[];
  /** Stop after this many frames shown. */
  readonly count?: number;
}

/** A bad `--frames` value. */
export class FrameRangeError extends Error {
  readonly code = 'BAD_RANGE';
  constructor(message: string) {
    super(message);
    this.name = 'FrameRangeError';
  }
}

/** `10-20`, `10-`, `-20`, `7`, and comma lists of them (`1,3,10-20`) → ranges. */
export function parseFrameRanges(text: string): FrameRange[] {
  const ranges: FrameRange[] = [];
  for (const [i, part] of text.split(',').entries()) {
    const m = /^\s*(\d*)\s*(-?)\s*(\d*)\s*$/.exec(part);
    if (m === null || (m[1] === '' && m[3] === '') || (m[2] === '' && m[3] !== '')) {
      throw new FrameRangeError(`${JSON.stringify(part)} (item ${i + 1} of ${JSON.stringify(text)}) is not N, N-M, N- or -M`);
    }
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? undefined : Number(m[3]);
    if (from < 1 || (to !== undefined && to < from)) throw new FrameRangeError(`${JSON.stringify(part)}: frames are numbered from 1 and a range goes up`);
    ranges.push(to === undefined ? { from } : { from, to });
  }
  return ranges;
}

/** True when frame `index` lies in a range (or no ranges are given). */
export function inRanges(index: number, ranges: readonly FrameRange[] | undefined): boolean {
  if (ranges === undefined || ranges.length === 0) return true;
  return ranges.some((r) => index >= r.from && (r.to === undefined || index <= r.to));
}

/** True when no frame after `index` can lie in a range (decoding can stop). */
export function pastRanges(index: number, ranges: readonly FrameRange[] | undefined): boolean {
  if (ranges === undefined || ranges.length === 0) return false;
  return ranges.every((r) => r.to !== undefined && index >= r.to);
}

const lower = (s: string): string => s.toLowerCase();

/** The names `--op` compares with: message, operation and event. */
function namesOf(f: FrameResult, facts: FrameFacts | undefined): string[] {
  return [f.message, facts?.operation, facts?.event].filter((n): n is string => n !== undefined).map(lower);
}

/**
 * True when the frame meets the filter's content conditions (ranges and count are the caller's).
 * `monitored` is the device whose monitor an event report belongs to, when known.
 */
export function matchesFilter(f: FrameResult, facts: FrameFacts | undefined, filter: FrameFilter, monitored?: string): boolean {
  if (!matchesDirection(f, filter)) return false;
  if (filter.ops !== undefined && filter.ops.length > 0) {
    const names = namesOf(f, facts);
    if (!filter.ops.some((o) => names.includes(lower(o)))) return false;
  }
  if (filter.invokes !== undefined && filter.invokes.length > 0) {
    if (facts?.invokeId === undefined || !filter.invokes.includes(facts.invokeId)) return false;
  }
  if (filter.calls !== undefined && filter.calls.length > 0) {
    const calls = (facts?.callIds ?? []).map(lower);
    if (!filter.calls.some((c) => calls.includes(lower(c)))) return false;
  }
  if (filter.devices !== undefined && filter.devices.length > 0) {
    const devices = (facts?.devices ?? []).map((d) => d.device);
    if (monitored !== undefined) devices.push(monitored);
    if (!filter.devices.some((d) => devices.includes(d))) return false;
  }
  return true;
}

/** True when the frame was sent the way `--direction` asks (or it is not given). */
export function matchesDirection(f: FrameResult, filter: FrameFilter): boolean {
  if (filter.direction === undefined) return true;
  return f.direction === (filter.direction === 'c2s' ? Direction.clientToServer : Direction.serverToClient);
}

/** True when the filter has content conditions (beyond ranges and count). */
export function hasContentConditions(filter: FrameFilter): boolean {
  return [filter.ops, filter.devices, filter.calls, filter.invokes].some((l) => l !== undefined && l.length > 0) || filter.direction !== undefined;
}
