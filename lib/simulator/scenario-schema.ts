/**
 * Scenarios as data (fixtures/scenarios/<name>.json): the devices the session under test
 * monitors, a list of steps (the far-end and phone-side actions the switch plays, or actions the
 * session performs with CSTA requests when `"by": "session"`), and the events the session is
 * expected to see. `validateScenario` checks untrusted JSON and throws a typed ScenarioError.
 */
import type { LocalConnectionState } from '../../protocol/csta/types/connection-states.js';
import type { EventCause } from '../../protocol/csta/types/event-cause.js';
import { ScenarioError, ScenarioErrorCode } from './errors.js';
import type { RequestedAgentState } from './agents.js';

/** Who performs a step: the switch (a phone or far-end action, the default) or the session under test. */
export type StepActor = 'switch' | 'session';

/** One step; call aliases (`callId`, `call`, `held`, `active`) name calls across steps. */
export type ScenarioStep =
  | { readonly step: 'inbound'; readonly from: string; readonly to: string; readonly callId: string }
  | { readonly step: 'dial'; readonly from: string; readonly to: string; readonly callId: string; readonly by?: StepActor }
  | { readonly step: 'answer'; readonly device: string; readonly call?: string; readonly by?: StepActor }
  | { readonly step: 'hangup'; readonly device: string; readonly call?: string; readonly by?: StepActor }
  | { readonly step: 'hold'; readonly device: string; readonly call?: string; readonly by?: StepActor }
  | { readonly step: 'retrieve'; readonly device: string; readonly call?: string; readonly by?: StepActor }
  | { readonly step: 'consult'; readonly device: string; readonly call: string; readonly to: string; readonly callId: string; readonly by?: StepActor }
  | { readonly step: 'transfer'; readonly device: string; readonly held: string; readonly active: string; readonly callId: string; readonly by?: StepActor }
  | { readonly step: 'conference'; readonly device: string; readonly held: string; readonly active: string; readonly by?: StepActor }
  | { readonly step: 'singleStepTransfer'; readonly device: string; readonly call: string; readonly to: string; readonly callId: string; readonly by?: StepActor }
  | { readonly step: 'deflect'; readonly device: string; readonly to: string; readonly call?: string; readonly by?: StepActor }
  | { readonly step: 'noAnswer'; readonly device: string; readonly call?: string }
  | { readonly step: 'busy'; readonly device: string; readonly on?: boolean }
  | { readonly step: 'agent'; readonly device: string; readonly state: RequestedAgentState; readonly agentId?: string; readonly group?: string; readonly cause?: EventCause; readonly by?: StepActor }
  | { readonly step: 'waitFor'; readonly device: string; readonly state: LocalConnectionState; readonly call?: string; readonly callId?: string }
  | { readonly step: 'wait'; readonly ms: number };

/** The `step` names. */
export type StepName = ScenarioStep['step'];

/** An event the session should see on the monitor of `device`, in order per device. */
export interface ExpectedEvent {
  readonly device: string;
  /** Event type (ASN.1 identifier), e.g. `delivered`. */
  readonly type: string;
  /** Alias of the call the event's own connection belongs to. */
  readonly call?: string;
  readonly cause?: string;
  readonly localConnectionInfo?: string;
  /**
   * Other fields by name (top level of the event): a device field matches its dialing number, a
   * ConnectionID field `@alias` matches the call, anything else its string form.
   */
  readonly fields?: Readonly<Record<string, string>>;
}

/** A validated scenario. */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  /** Devices the session under test monitors before the steps start. */
  readonly monitor: readonly string[];
  /** Routing: where the session's routeRequest handler sends calls. */
  readonly routeTo?: string;
  /**
   * Switch setting for the run: after-call work for every station (`true`) or the listed ones
   * (agents go to workingAfterCall after an answered ACD call). @default the simulator's option
   */
  readonly afterCallWork?: boolean | readonly string[];
  readonly steps: readonly ScenarioStep[];
  readonly expect?: readonly ExpectedEvent[];
}

interface FieldSpec {
  readonly required: readonly string[];
  readonly optional?: readonly string[];
}

const STEP_FIELDS: Readonly<Record<StepName, FieldSpec>> = {
  inbound: { required: ['from', 'to', 'callId'] },
  dial: { required: ['from', 'to', 'callId'], optional: ['by'] },
  answer: { required: ['device'], optional: ['call', 'by'] },
  hangup: { required: ['device'], optional: ['call', 'by'] },
  hold: { required: ['device'], optional: ['call', 'by'] },
  retrieve: { required: ['device'], optional: ['call', 'by'] },
  consult: { required: ['device', 'call', 'to', 'callId'], optional: ['by'] },
  transfer: { required: ['device', 'held', 'active', 'callId'], optional: ['by'] },
  conference: { required: ['device', 'held', 'active'], optional: ['by'] },
  singleStepTransfer: { required: ['device', 'call', 'to', 'callId'], optional: ['by'] },
  deflect: { required: ['device', 'to'], optional: ['call', 'by'] },
  noAnswer: { required: ['device'], optional: ['call'] },
  busy: { required: ['device'], optional: ['on'] },
  agent: { required: ['device', 'state'], optional: ['agentId', 'group', 'cause', 'by'] },
  waitFor: { required: ['device', 'state'], optional: ['call', 'callId'] },
  wait: { required: ['ms'] },
};

const AGENT_STATES: readonly string[] = ['loggedOn', 'loggedOff', 'notReady', 'ready', 'workingAfterCall'];
const CONNECTION_STATES: readonly string[] = ['null', 'initiated', 'alerting', 'connected', 'hold', 'queued', 'fail'];

function invalid(path: string, message: string): ScenarioError {
  return new ScenarioError(ScenarioErrorCode.Invalid, path, message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, path: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length === 0)) throw invalid(path, 'must be an array of non-empty strings');
  return v as string[];
}

function validateStep(raw: unknown, path: string): ScenarioStep {
  if (!isRecord(raw)) throw invalid(path, 'must be an object');
  const name = raw.step;
  if (typeof name !== 'string' || !(name in STEP_FIELDS)) throw invalid(`${path}.step`, `unknown step ${JSON.stringify(name)} (known: ${Object.keys(STEP_FIELDS).join(', ')})`);
  const spec = STEP_FIELDS[name as StepName];
  const allowed = new Set(['step', ...spec.required, ...(spec.optional ?? [])]);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) throw invalid(`${path}.${key}`, `not a field of step ${name}`);
  for (const key of spec.required) if (!(key in raw)) throw invalid(`${path}.${key}`, 'is required');
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'step') continue;
    const at = `${path}.${key}`;
    switch (key) {
      case 'ms':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 60_000) throw invalid(at, 'must be a number of milliseconds (0-60000)');
        break;
      case 'on':
        if (typeof value !== 'boolean') throw invalid(at, 'must be a boolean');
        break;
      case 'by':
        if (value !== 'switch' && value !== 'session') throw invalid(at, 'must be "switch" or "session"');
        break;
      case 'state': {
        const states = name === 'agent' ? AGENT_STATES : CONNECTION_STATES;
        if (typeof value !== 'string' || !states.includes(value)) throw invalid(at, `must be one of ${states.join(', ')}`);
        break;
      }
      default:
        if (typeof value !== 'string' || value.length === 0) throw invalid(at, 'must be a non-empty string');
    }
  }
  return raw as unknown as ScenarioStep;
}

function validateExpectation(raw: unknown, path: string): ExpectedEvent {
  if (!isRecord(raw)) throw invalid(path, 'must be an object');
  for (const key of ['device', 'type']) if (typeof raw[key] !== 'string') throw invalid(`${path}.${key}`, 'must be a string');
  for (const key of ['call', 'cause', 'localConnectionInfo']) if (key in raw && typeof raw[key] !== 'string') throw invalid(`${path}.${key}`, 'must be a string');
  if ('fields' in raw) {
    if (!isRecord(raw.fields) || Object.values(raw.fields).some((v) => typeof v !== 'string')) throw invalid(`${path}.fields`, 'must map field names to strings');
  }
  for (const key of Object.keys(raw)) if (!['device', 'type', 'call', 'cause', 'localConnectionInfo', 'fields'].includes(key)) throw invalid(`${path}.${key}`, 'unknown field');
  return raw as unknown as ExpectedEvent;
}

/** Checks scenario JSON (already parsed) and returns it typed; throws ScenarioError (SCENARIO_INVALID). */
export function validateScenario(json: unknown): Scenario {
  if (!isRecord(json)) throw invalid('$', 'a scenario must be an object');
  if (typeof json.name !== 'string' || json.name.length === 0) throw invalid('name', 'must be a non-empty string');
  if ('description' in json && typeof json.description !== 'string') throw invalid('description', 'must be a string');
  if ('routeTo' in json && typeof json.routeTo !== 'string') throw invalid('routeTo', 'must be a string');
  const monitor = stringList(json.monitor ?? [], 'monitor');
  if (!Array.isArray(json.steps) || json.steps.length === 0) throw invalid('steps', 'must be a non-empty array');
  const steps = json.steps.map((s, i) => validateStep(s, `steps[${i}]`));
  const expect = json.expect === undefined ? undefined : Array.isArray(json.expect) ? json.expect.map((e, i) => validateExpectation(e, `expect[${i}]`)) : undefined;
  if (json.expect !== undefined && expect === undefined) throw invalid('expect', 'must be an array');
  const afterCallWork = json.afterCallWork === undefined || typeof json.afterCallWork === 'boolean' ? json.afterCallWork : stringList(json.afterCallWork, 'afterCallWork');
  for (const key of Object.keys(json)) if (!['name', 'description', 'monitor', 'routeTo', 'afterCallWork', 'steps', 'expect'].includes(key)) throw invalid(key, 'unknown field');
  return {
    name: json.name,
    ...(typeof json.description === 'string' ? { description: json.description } : {}),
    monitor,
    ...(typeof json.routeTo === 'string' ? { routeTo: json.routeTo } : {}),
    ...(afterCallWork === undefined ? {} : { afterCallWork }),
    steps,
    ...(expect === undefined ? {} : { expect }),
  };
}
