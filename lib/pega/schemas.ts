/**
 * The OpenCTI JSON event schemas (JSON Schema draft-06, `$id` under
 * `http://pega.com/OpenCTI/Events/`), written as data from pega-call-notes §1.2, and a small
 * validator for the subset of draft-06 they use (type, required, enum, const, properties,
 * items, additionalProperties). Tests validate every event the mapper emits against them.
 *
 * Pega's pages give the properties, their types and enums; they do not say which properties are
 * required. Here every documented property is required, so an event missing one fails. The
 * CallInfoEvent schema is this library's own (Pega publishes none) and its `$id` says so.
 */
import type { PegaEventType } from './types.js';
import { PEGA_AGENT_EVENT_NAMES, PEGA_AGENT_STATES, PEGA_CALL_EVENT_NAMES, PEGA_CALL_TYPES, PEGA_EVENT_TYPES, PEGA_WORK_MODES } from './types.js';

/** The draft-06 subset used here. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: 'string' | 'object' | 'array' | 'number' | 'integer' | 'boolean' | 'null';
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly const?: string | number | boolean | null;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
}

const DRAFT06 = 'http://json-schema.org/draft-06/schema#';
const str = (description: string): JsonSchema => ({ type: 'string', description });
const oneOf = (values: readonly string[], description: string): JsonSchema => ({ type: 'string', enum: values, description });

/** CallEvent.json (Call event schema, client-side guide 8.7). */
export const CALL_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT06,
  $id: 'http://pega.com/OpenCTI/Events/CallEvent.json',
  title: 'CallEvent',
  type: 'object',
  required: ['pyEventType', 'pyEventName', 'pyCallId', 'pyANI', 'pyOtherDN', 'pyCallType', 'pyMedia'],
  properties: {
    pyEventType: { type: 'string', enum: ['CallStateEvent'] },
    pyEventName: oneOf(PEGA_CALL_EVENT_NAMES, 'The call state'),
    pyCallId: str('The unique call identifier'),
    pyANI: str("The caller's device identifier"),
    pyOtherDN: str('The other device number involved in the call'),
    pyCallType: oneOf(PEGA_CALL_TYPES, 'The call type'),
    pyMedia: str('The media, e.g. Phone'),
  },
};

/** AgentEvent.json (Agent event schema). */
export const AGENT_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT06,
  $id: 'http://pega.com/OpenCTI/Events/AgentEvent.json',
  title: 'AgentEvent',
  type: 'object',
  required: ['pyEventType', 'pyEventName', 'pyReasonCode', 'pyWorkMode', 'pyMedia'],
  properties: {
    pyEventType: { type: 'string', enum: ['AgentStateEvent'] },
    pyEventName: oneOf(PEGA_AGENT_EVENT_NAMES, 'The agent state'),
    pyReasonCode: str('The NotReady or Logout reason code'),
    pyWorkMode: oneOf(PEGA_WORK_MODES, 'The workmode for Ready or substate for NotReady'),
    pyMedia: str('The media, e.g. Phone'),
  },
};

/** Snapshot.json (Snapshot event schema; the stored copy was cut after pyLinkState — pyReasonCode and pyMedia are typed as in AgentEvent). */
export const SNAPSHOT_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT06,
  $id: 'http://pega.com/OpenCTI/Events/Snapshot.json',
  title: 'Snapshot',
  type: 'object',
  required: ['pyEventType', 'pyEventName', 'pyAgentId', 'pyAgentState', 'pyDeviceState', 'pyLinkState'],
  properties: {
    pyEventType: { type: 'string', enum: PEGA_EVENT_TYPES },
    pyEventName: { type: 'string', enum: ['Snapshot'] },
    pyAgentId: str('Agent ID at the ACD'),
    pyAgentState: oneOf(PEGA_AGENT_STATES, 'The agent state'),
    pyDeviceState: oneOf(['OPENED', 'CLOSED'], "The device's monitoring state"),
    pyLinkState: oneOf(['CONNECTED', 'DISCONNECTED'], 'The state of the connection to the CTI Server'),
    pyReasonCode: str('The NotReady or Logout reason code'),
    pyMedia: str('The media, e.g. Phone'),
  },
};

/** PartyInfoEvent.json (PartyInfo event schema, CS-Party: both published versions list pyMedia). */
export const PARTY_INFO_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT06,
  $id: 'http://pega.com/OpenCTI/Events/PartyInfoEvent.json',
  title: 'PartyInfoEvent',
  type: 'object',
  required: ['pyEventType', 'pyEventName', 'pyCallId', 'pyMedia', 'pyThisDN', 'pyParties'],
  properties: {
    pyEventType: { type: 'string', enum: ['PartyInfoEvent'] },
    pyEventName: { type: 'string', enum: ['PartyInfo'] },
    pyCallId: str('The call ID'),
    pyMedia: str('The media type, e.g. Phone'),
    pyThisDN: str('The device number of the monitored device'),
    pyParties: {
      type: 'array',
      items: { type: 'object', required: ['pyDN'], properties: { pyDN: str('The device number of the party') } },
    },
  },
};

/** CallInfoEvent: NOT a Pega schema (none is published); this library's contract for call data. */
export const CALL_INFO_EVENT_SCHEMA: JsonSchema = {
  $schema: DRAFT06,
  $id: 'http://pega.com/OpenCTI/Events/CallInfoEvent.csta-link.json',
  title: 'CallInfoEvent (csta-link)',
  type: 'object',
  required: ['pyEventType', 'pyEventName', 'pyCallId', 'pyThisDN', 'pyApplicationData', 'pyCallVariables', 'pyUserData', 'pyNamedVariables'],
  properties: {
    pyEventType: { type: 'string', enum: ['CallInfoEvent'] },
    pyEventName: { type: 'string', enum: ['CallInfo'] },
    pyCallId: str('The call ID'),
    pyThisDN: str('The monitored device'),
    pyANI: str('Calling number'),
    pyDNIS: str('Dialed number'),
    pyApplicationData: str('UUI as text, or hex'),
    pyCorrelatorData: str('CSTA correlator data as text, or hex'),
    pyCallVariables: { type: 'array', items: { type: 'string' } },
    pyUserData: { type: 'object', additionalProperties: { type: 'string' } },
    pyNamedVariables: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

/** The schema for each `pyEventType`. */
export const SCHEMA_BY_EVENT_TYPE: Readonly<Record<PegaEventType, JsonSchema>> = {
  CallStateEvent: CALL_EVENT_SCHEMA,
  AgentStateEvent: AGENT_EVENT_SCHEMA,
  SnapshotEvent: SNAPSHOT_EVENT_SCHEMA,
  PartyInfoEvent: PARTY_INFO_EVENT_SCHEMA,
  CallInfoEvent: CALL_INFO_EVENT_SCHEMA,
};

/** One validation problem: a JSON-pointer-like path and what is wrong. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function matchesType(v: unknown, type: NonNullable<JsonSchema['type']>): boolean {
  switch (type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'object':
      return typeOf(v) === 'object';
    case 'array':
    case 'string':
    case 'boolean':
    case 'null':
      return typeOf(v) === type;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** Validates `value` against `schema` (the subset above); [] when valid. */
export function validateSchema(schema: JsonSchema, value: unknown, path = ''): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    out.push({ path: path || '/', message: `expected ${schema.type}, got ${typeOf(value)}` });
    return out;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) out.push({ path: path || '/', message: `${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}` });
  if (schema.const !== undefined && value !== schema.const) out.push({ path: path || '/', message: `expected ${JSON.stringify(schema.const)}` });
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in obj) || obj[name] === undefined) out.push({ path: `${path}/${name}`, message: 'is required' });
    for (const [name, v] of Object.entries(obj)) {
      const sub = schema.properties?.[name];
      if (sub !== undefined) out.push(...validateSchema(sub, v, `${path}/${name}`));
      else if (schema.additionalProperties === false) out.push({ path: `${path}/${name}`, message: 'is not allowed' });
      else if (typeof schema.additionalProperties === 'object') out.push(...validateSchema(schema.additionalProperties, v, `${path}/${name}`));
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, i) => out.push(...validateSchema(schema.items!, item, `${path}/${i}`)));
  return out;
}

/** Validates an event against the schema its `pyEventType` names; unknown types are a violation. */
export function validatePegaEvent(event: unknown): SchemaViolation[] {
  if (typeOf(event) !== 'object') return [{ path: '/', message: 'event must be an object' }];
  const type = (event as { pyEventType?: unknown }).pyEventType;
  const schema = typeof type === 'string' && type in SCHEMA_BY_EVENT_TYPE ? SCHEMA_BY_EVENT_TYPE[type as PegaEventType] : undefined;
  if (schema === undefined) return [{ path: '/pyEventType', message: `unknown event type ${JSON.stringify(type)}` }];
  return validateSchema(schema, event);
}
