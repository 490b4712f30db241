/**
 * Event reports flattened for applications: `{ category, type, crossRefIdentifier, event }` with
 * `type` the event's ASN.1 identifier (`'delivered'`, `'agentReady'`...), so `switch (e.type)`
 * narrows `e.event` to the event's own type.
 */
import type { CSTAEventReportArgument, EventSpecificInfo } from '../../protocol/csta/events/event-report.js';
import type { RawElement, UnknownAlternative } from '../../protocol/schema/index.js';

type KeysOfUnion<T> = T extends T ? keyof T : never;
type ValueAt<U, K extends PropertyKey> = U extends { readonly [P in K]: infer V } ? V : never;

type KnownInfo = Exclude<EventSpecificInfo, UnknownAlternative>;
/** `'callControlEvents' | 'logicalDeviceFeatureEvents' | ...` */
export type EventCategory = KeysOfUnion<KnownInfo>;
type EventsOf<C extends EventCategory> = Exclude<ValueAt<KnownInfo, C>, UnknownAlternative>;

/** A known event, discriminated by `type`. */
export type KnownCstaEvent = {
  [C in EventCategory]: {
    [E in KeysOfUnion<EventsOf<C>> & string]: {
      readonly category: C;
      readonly type: E;
      readonly crossRefIdentifier: string;
      readonly event: ValueAt<EventsOf<C>, E>;
    };
  }[KeysOfUnion<EventsOf<C>> & string];
}[EventCategory];

/** An event (or category) the schema does not know, kept raw. */
export interface UnknownCstaEvent {
  readonly category: EventCategory | 'unknown';
  readonly type: 'unknown';
  readonly crossRefIdentifier: string;
  readonly raw: RawElement;
}

export type CstaEvent = KnownCstaEvent | UnknownCstaEvent;
export type CstaEventType = KnownCstaEvent['type'];

/** The first own key of a decoded CHOICE value (its alternative), without building the key array. */
function firstKey(o: Record<string, unknown>): string | undefined {
  for (const k in o) return k;
  return undefined;
}

/** Flattens a cSTAEventReport argument. */
export function flattenEvent(arg: CSTAEventReportArgument): CstaEvent {
  const info = arg.eventSpecificInfo as Record<string, unknown>;
  const crossRefIdentifier = arg.crossRefIdentifier;
  if ('$unknown' in info) return { category: 'unknown', type: 'unknown', crossRefIdentifier, raw: info.$unknown as RawElement };
  const category = firstKey(info) as EventCategory;
  const inner = info[category] as Record<string, unknown>;
  if ('$unknown' in inner) return { category, type: 'unknown', crossRefIdentifier, raw: inner.$unknown as RawElement };
  const type = firstKey(inner)!;
  return { category, type, crossRefIdentifier, event: inner[type] } as unknown as KnownCstaEvent;
}

/** Rebuilds the wire form of a flattened event (the simulator and tests use it). */
export function eventReportArgument(e: KnownCstaEvent): CSTAEventReportArgument {
  return {
    crossRefIdentifier: e.crossRefIdentifier,
    eventSpecificInfo: { [e.category]: { [e.type]: e.event } },
  } as unknown as CSTAEventReportArgument;
}
