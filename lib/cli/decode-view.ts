/**
 * The frames `csta decode` shows: every decoded frame gets its facts (frame-facts.ts), the
 * request it replies to, and the device of the monitor an event report belongs to (monitorStart
 * invoke → its result's crossRefIdentifier, per stream, as replay follows them); then the filter
 * picks the frames shown. A reply to a shown request is shown too (if it goes the `--direction` asked), so `--call 002a` keeps the
 * answers to the requests about that call.
 */
import type { FrameFacts, ReplyLink } from './frame-facts.js';
import { setNewest } from '../bounded-map.js';
import { frameFacts, MAX_PENDING_REQUESTS, ReplyMatcher } from './frame-facts.js';
import type { FrameFilter } from './filters.js';
import { hasContentConditions, inRanges, matchesDirection, matchesFilter, pastRanges } from './filters.js';
import type { FrameResult } from './frames.js';

/** A frame with what the views print about it. */
export interface ViewedFrame {
  readonly frame: FrameResult;
  readonly facts?: FrameFacts;
  readonly reply?: ReplyLink;
  /** Event reports: the device whose monitor it came through. */
  readonly monitored?: string;
}

/** Monitors remembered (crossRefIdentifier → device); the oldest is forgotten beyond this. */
export const MAX_TRACKED_MONITORS = 10_000;

/** Follows monitorStart requests and results: crossRefIdentifier → device, per stream. */
export class MonitorTracker {
  private readonly requested = new Map<string, string>();
  private readonly monitors = new Map<string, string>();

  /** Learns from a frame; returns the monitored device of an event report. */
  observe(f: FrameResult, facts: FrameFacts | undefined): string | undefined {
    if (facts === undefined) return undefined;
    const scope = f.stream ?? 0;
    if (facts.operation === 'monitorStart' && facts.kind === 'invoke' && facts.invokeId !== undefined) {
      const device = facts.devices[0]?.device;
      if (device !== undefined) setNewest(this.requested, `${scope}:${facts.invokeId}`, device, MAX_PENDING_REQUESTS);
    } else if (facts.operation === 'monitorStart' && facts.kind === 'returnResult' && facts.crossRef !== undefined) {
      const device = this.requested.get(`${scope}:${facts.invokeId ?? ''}`);
      if (device !== undefined) setNewest(this.monitors, `${scope}:${facts.crossRef}`, device, MAX_TRACKED_MONITORS);
    } else if (facts.operation === 'cSTAEventReport' && facts.crossRef !== undefined) {
      return this.monitors.get(`${scope}:${facts.crossRef}`);
    }
    return undefined;
  }
}


/** The frames to show, in order (stops reading once `count` frames were shown or the ranges are past). */
export function* viewFrames(frames: Iterable<FrameResult>, filter: FrameFilter = {}): Generator<ViewedFrame> {
  const replies = new ReplyMatcher();
  const monitors = new MonitorTracker();
  const shownRequests = new Set<number>();
  const content = hasContentConditions(filter);
  let shown = 0;
  for (const frame of frames) {
    if (filter.count !== undefined && shown >= filter.count) return;
    const facts = frameFacts(frame);
    const reply = replies.observe(frame, facts);
    const monitored = monitors.observe(frame, facts);
    if (inRanges(frame.index, filter.ranges)) {
      const answersShown = reply !== undefined && shownRequests.delete(reply.requestIndex) && matchesDirection(frame, filter);
      if (!content || answersShown || matchesFilter(frame, facts, filter, monitored)) {
        if (content && facts?.kind === 'invoke') {
          shownRequests.add(frame.index);
          if (shownRequests.size > MAX_PENDING_REQUESTS) shownRequests.delete(shownRequests.values().next().value!);
        }
        shown++;
        yield {
          frame,
          ...(facts !== undefined ? { facts } : {}),
          ...(reply !== undefined ? { reply } : {}),
          ...(monitored !== undefined ? { monitored } : {}),
        };
      }
    }
    if (pastRanges(frame.index, filter.ranges)) return;
  }
}
