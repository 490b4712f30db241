/**
 * ECMA-323 message (root element) names, derived from the operation table and the event schema:
 * - request: the operation name capitalised (`makeCall` → `<MakeCall>`), except where ECMA-285
 *   abbreviates the name and ECMA-323 uses the ECMA-269 service name ({@link ROOT_NAMES});
 *   decoding accepts both spellings;
 * - result: that plus `Response` (`<MakeCallResponse>`);
 * - event: the event type's name (`<DeliveredEvent>`), found by walking `EventSpecificInfo`;
 * - error: `<CSTAErrorCode>` holding the UniversalFailure CHOICE.
 * The tables are built on first use, so schema modules loading later are still seen.
 */
import type { AnyCodec, ChoiceCodec, SequenceCodec } from '../schema/index.js';
import { OPERATIONS } from '../csta/operations.js';
import type { OperationDefinition } from '../csta/operation.js';
import { unwrap } from './context.js';

export const EVENT_REPORT = 'cSTAEventReport';
export const ERROR_ROOT = 'CSTAErrorCode';
export const CROSS_REF_ELEMENT = 'monitorCrossRefID';

/** One event type: where it sits in EventSpecificInfo and its codec. */
export interface EventEntry {
  readonly root: string;
  readonly category: string;
  readonly event: string;
  readonly codec: AnyCodec;
}

export interface MessageTables {
  readonly requests: ReadonlyMap<string, OperationDefinition>;
  readonly responses: ReadonlyMap<string, OperationDefinition>;
  readonly events: ReadonlyMap<string, EventEntry>;
  /** `category.event` → entry. */
  readonly eventsByPath: ReadonlyMap<string, EventEntry>;
  /** The codec of CSTAEventReportArgument.crossRefIdentifier (written as `<monitorCrossRefID>`). */
  readonly crossRef: AnyCodec | undefined;
}

export function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Operations whose ECMA-323 element is the ECMA-269 service name rather than the capitalised
 * ASN.1 value reference. `SingleStepTransferCall` and `RequestSystemStatus` are confirmed by
 * public ECMA-323 traffic; the others follow the ECMA-269 service names (see docs/xml.md).
 */
export const ROOT_NAMES: Readonly<Record<string, string>> = {
  singleStepTrans: 'SingleStepTransferCall',
  singleStepConf: 'SingleStepConferenceCall',
  requestSysStat: 'RequestSystemStatus',
  camponCall: 'CampOnCall',
  sendUserInfo: 'SendUserInformation',
  reRouteRequest: 'ReRoute',
  routeEndRequest: 'RouteEnd',
  routeSelectRequest: 'RouteSelect',
  routeUsedRequest: 'RouteUsed',
};

/** The request element name of an operation. */
export function requestRoot(operation: string): string {
  return Object.prototype.hasOwnProperty.call(ROOT_NAMES, operation) ? ROOT_NAMES[operation]! : capitalise(operation);
}

/** The root name of an event: its type name when that is `XxxEvent`, else `Alternative` + `Event`. */
function eventRoot(alternative: string, codec: AnyCodec): string {
  return /^[A-Z][A-Za-z0-9]*Event$/.test(codec.name) ? codec.name : `${capitalise(alternative)}Event`;
}

function buildEvents(report: OperationDefinition | undefined, events: Map<string, EventEntry>, byPath: Map<string, EventEntry>): AnyCodec | undefined {
  if (report === undefined) return undefined;
  const arg = unwrap(report.argument);
  if (arg.kind !== 'sequence') return undefined;
  const seq = arg as SequenceCodec<unknown>;
  const info = seq.fields.find((f) => f.name === 'eventSpecificInfo');
  const crossRef = seq.fields.find((f) => f.name === 'crossRefIdentifier')?.codec;
  const infoCodec = info === undefined ? undefined : unwrap(info.codec);
  if (infoCodec === undefined || infoCodec.kind !== 'choice') return crossRef;
  for (const cat of (infoCodec as ChoiceCodec<unknown>).alternatives) {
    const catCodec = unwrap(cat.codec);
    if (catCodec.kind !== 'choice') continue;
    for (const ev of catCodec.alternatives) {
      const codec = unwrap(ev.codec);
      const root = eventRoot(ev.name, codec);
      if (events.has(root)) throw new Error(`schema error: two events map to <${root}>`);
      const entry: EventEntry = { root, category: cat.name, event: ev.name, codec: ev.codec };
      events.set(root, entry);
      byPath.set(`${cat.name}.${ev.name}`, entry);
    }
  }
  return crossRef;
}

let tables: MessageTables | undefined;

export function messageTables(): MessageTables {
  if (tables !== undefined) return tables;
  const requests = new Map<string, OperationDefinition>();
  const responses = new Map<string, OperationDefinition>();
  let report: OperationDefinition | undefined;
  for (const op of OPERATIONS as readonly OperationDefinition[]) {
    if (op.name === EVENT_REPORT) {
      report = op;
      continue;
    }
    for (const root of new Set([requestRoot(op.name), capitalise(op.name)])) {
      if (requests.has(root)) throw new Error(`schema error: two operations map to <${root}>`);
      requests.set(root, op);
      if (op.result !== undefined) responses.set(`${root}Response`, op);
    }
  }
  const events = new Map<string, EventEntry>();
  const eventsByPath = new Map<string, EventEntry>();
  const crossRef = buildEvents(report, events, eventsByPath);
  for (const name of events.keys()) {
    if (requests.has(name) || responses.has(name)) throw new Error(`schema error: <${name}> is both an event and an operation`);
  }
  tables = { requests, responses, events, eventsByPath, crossRef };
  return tables;
}
