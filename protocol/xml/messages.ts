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
import { nameKey, xmlRootName } from './spellings.js';

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

/** Keys of `requests`, `responses` and `events` are lower case ({@link nameKey}): PBXs vary the case (`SnapShotDevice`). */
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

function addUnique<T>(map: Map<string, T>, name: string, value: T, what: string): void {
  const k = nameKey(name);
  const old = map.get(k);
  if (old !== undefined && old !== value) throw new Error(`schema error: two ${what} map to <${name}>`);
  map.set(k, value);
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
      const asn1Root = eventRoot(ev.name, codec);
      const entry: EventEntry = { root: xmlRootName(asn1Root), category: cat.name, event: ev.name, codec: ev.codec };
      addUnique(events, asn1Root, entry, 'events');
      addUnique(events, entry.root, entry, 'events');
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
      addUnique(requests, root, op, 'operations');
      if (op.result !== undefined) addUnique(responses, `${root}Response`, op, 'operations');
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

/**
 * The ECMA-323 name of a message, whatever wire it came on: `MakeCall`, `MakeCallResponse`,
 * `DeliveredEvent`, `TransferedEvent`, `CSTAErrorCode`; for what ECMA-323 has no name for, the
 * PDU kind (`reject`, `aarq`) or the operation (`unknown` opcodes: `invoke`). Vendor messages: their root.
 */
export function messageNameOf(pdu: { readonly pdu: string; readonly operation?: unknown; readonly argument?: unknown; readonly root?: unknown; readonly error?: unknown }): string {
  switch (pdu.pdu) {
    case 'invoke':
    case 'returnResult': {
      const op = pdu.operation;
      if (typeof op !== 'string' || op === 'unknown') return pdu.pdu;
      if (op === EVENT_REPORT && pdu.pdu === 'invoke') {
        const info = (pdu.argument as { eventSpecificInfo?: Record<string, Record<string, unknown> | undefined> } | undefined)?.eventSpecificInfo;
        const category = info === undefined ? undefined : Object.keys(info)[0];
        const event = category === undefined ? undefined : Object.keys(info![category] ?? {})[0];
        const entry = event === undefined ? undefined : messageTables().eventsByPath.get(`${category}.${event}`);
        return entry?.root ?? (event !== undefined ? `${capitalise(event)}Event` : 'EventReport');
      }
      return pdu.pdu === 'returnResult' ? `${requestRoot(op)}Response` : requestRoot(op);
    }
    case 'returnError':
      return pdu.error === 'universalFailure' ? ERROR_ROOT : 'returnError';
    case 'vendor':
      return typeof pdu.root === 'string' ? pdu.root : 'vendor';
    default:
      return pdu.pdu;
  }
}
