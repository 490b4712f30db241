/**
 * Playing scenarios: each step waits until its precondition holds on the switch (the call is
 * alerting at the device, the connection is held...), then the switch performs it — or, for
 * `"by": "session"` steps, the runner hands it to the test's `session` callback, which performs
 * it with CSTA requests through the session under test. Call aliases are bound to real callIDs
 * as calls appear. `matchExpectations` compares what a session saw with a scenario's `expect`.
 */
import { readFileSync } from 'node:fs';
import type { LocalConnectionState } from '../../protocol/csta/types/connection-states.js';
import { CstaFailure, ScenarioError, ScenarioErrorCode } from './errors.js';
import type { CallFeatures } from './call-features.js';
import type { Agents } from './agents.js';
import type { Call, SwitchState } from './switch-state.js';
import { validateScenario } from './scenario-schema.js';
import type { ExpectedEvent, Scenario, ScenarioStep } from './scenario-schema.js';

/** Scenario types and validation, re-exported for callers of the runner. */
export type { ExpectedEvent, Scenario, ScenarioStep, StepActor, StepName } from './scenario-schema.js';
export { validateScenario } from './scenario-schema.js';

/** Reads and validates fixtures/scenarios/<file>.json (or any path). */
export function loadScenario(path: string | URL): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ScenarioError(ScenarioErrorCode.Invalid, String(path), 'not readable JSON', { cause: e });
  }
  return validateScenario(json);
}

/** Alias → callID of the calls a run has seen. */
export interface ScenarioRun {
  readonly aliases: ReadonlyMap<string, string>;
}

/** What a `session` callback gets to resolve aliases. */
export interface StepContext {
  /** The callID bound to an alias (throws ScenarioError for an unknown alias). */
  callID(alias: string): string;
  /** The callID of the call the step acts on, resolved from the switch state (alias or the device's matching call). */
  readonly targetCallID: string | undefined;
}

/** Options of `PbxSimulator.runScenario`. */
export interface RunScenarioOptions {
  /** Performs `"by": "session"` steps; resolves with the callID of the call the step created, if any. */
  readonly session?: (step: ScenarioStep, context: StepContext) => Promise<string | void>;
  /** How long a step waits for its precondition. @default 3000 */
  readonly stepTimeoutMs?: number;
}

/** The switch parts a scenario drives. */
export interface ScenarioHost {
  readonly engine: CallFeatures;
  readonly agents: Agents;
  readonly state: SwitchState;
}

/** The connection state a step needs at its device before it can run. */
function requiredState(step: ScenarioStep): LocalConnectionState | undefined {
  switch (step.step) {
    case 'answer':
    case 'deflect':
    case 'noAnswer':
      return 'alerting';
    case 'hold':
    case 'consult':
    case 'singleStepTransfer':
      return 'connected';
    case 'retrieve':
      return 'hold';
    case 'waitFor':
      return step.state;
    case 'hangup':
    case 'inbound':
    case 'dial':
    case 'transfer':
    case 'conference':
    case 'busy':
    case 'agent':
    case 'wait':
      return undefined;
    default: {
      const never: never = step;
      throw new ScenarioError(ScenarioErrorCode.Invalid, 'step', `unknown step ${JSON.stringify(never)}`);
    }
  }
}

/** Plays one scenario on a switch. */
export class ScenarioRunner {
  private readonly host: ScenarioHost;
  private readonly scenario: Scenario;
  private readonly options: RunScenarioOptions;
  private readonly aliases = new Map<string, string>();

  constructor(host: ScenarioHost, scenario: Scenario, options: RunScenarioOptions) {
    this.host = host;
    this.scenario = scenario;
    this.options = options;
  }

  async run(): Promise<ScenarioRun> {
    if (this.scenario.afterCallWork !== undefined) this.host.agents.setAfterCallWork(this.scenario.afterCallWork);
    for (const [i, step] of this.scenario.steps.entries()) {
      try {
        await this.play(step, `steps[${i}]`);
      } catch (e) {
        if (e instanceof ScenarioError) throw e;
        throw new ScenarioError(ScenarioErrorCode.StepFailed, `steps[${i}]`, `${step.step} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    return { aliases: this.aliases };
  }

  private callID(alias: string, path: string): string {
    const id = this.aliases.get(alias);
    if (id === undefined) throw new ScenarioError(ScenarioErrorCode.UnknownAlias, path, `call alias ${JSON.stringify(alias)} is not bound yet`);
    return id;
  }

  private bind(alias: string, callID: string | undefined, path: string): void {
    if (callID === undefined) throw new ScenarioError(ScenarioErrorCode.StepFailed, path, `no call to bind to ${JSON.stringify(alias)}`);
    this.aliases.set(alias, callID);
  }

  /** Waits until `find` returns a value (re-checked on every switch change). */
  private waitUntil<T>(find: () => T | undefined, path: string, what: string): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    const timeoutMs = this.options.stepTimeoutMs ?? 3000;
    return new Promise<T>((resolve, reject) => {
      const off = this.host.engine.onChange(() => {
        const v = find();
        if (v === undefined) return;
        clearTimeout(timer);
        off();
        resolve(v);
      });
      const timer = setTimeout(() => {
        off();
        reject(new ScenarioError(ScenarioErrorCode.StepTimeout, path, `waited ${timeoutMs} ms for ${what}`));
      }, timeoutMs);
    });
  }

  /** The call of `alias` (or the device's newest call) with the device in `state` (any state when undefined). */
  private findCall(device: string, alias: string | undefined, state: LocalConnectionState | undefined): Call | undefined {
    const calls = alias === undefined ? this.host.state.callsOf(device).reverse() : [this.host.state.calls.get(this.aliases.get(alias) ?? '')].filter((c): c is Call => c !== undefined);
    return calls.find((c) => {
      const conn = c.connections.get(device);
      return conn !== undefined && (state === undefined || conn.state === state);
    });
  }

  private async play(step: ScenarioStep, path: string): Promise<void> {
    if (step.step === 'wait') {
      await new Promise((r) => setTimeout(r, step.ms));
      return;
    }
    const device = 'device' in step ? step.device : step.from;
    const alias = 'call' in step ? step.call : step.step === 'transfer' || step.step === 'conference' ? step.active : undefined;
    if (alias !== undefined) this.callID(alias, path); // steps run in order: an alias no earlier step bound never will be
    const state = requiredState(step);
    const needsCall = state !== undefined || step.step === 'hangup';
    const target = needsCall ? await this.waitUntil(() => this.findCall(device, alias, state), path, `a call ${state ?? ''} at ${device}`) : undefined;
    if (step.step === 'waitFor') {
      if (step.callId !== undefined) this.bind(step.callId, target?.callID, path);
      return;
    }
    if ('by' in step && step.by === 'session') {
      const perform = this.options.session;
      if (perform === undefined) throw new ScenarioError(ScenarioErrorCode.StepFailed, path, 'a "by": "session" step needs the session option');
      const created = await perform(step, { callID: (a) => this.callID(a, path), targetCallID: target?.callID });
      if ('callId' in step) this.bind(step.callId, typeof created === 'string' ? created : undefined, path);
      return;
    }
    this.perform(step, target, path);
  }

  /** Performs a switch-side step. */
  private perform(step: ScenarioStep, target: Call | undefined, path: string): void {
    const { engine, state } = this.host;
    const need = (): Call => {
      if (target === undefined) throw new CstaFailure({ operation: 'invalidCallID' });
      return target;
    };
    switch (step.step) {
      case 'inbound':
        this.bind(step.callId, engine.inbound(step.from, step.to).callID, path);
        return;
      case 'dial':
        this.bind(step.callId, engine.originate(step.from, step.to, 'newCall').callID, path);
        return;
      case 'answer':
        engine.answer(need(), step.device);
        return;
      case 'hangup':
        engine.clearConnection(need(), step.device);
        return;
      case 'hold':
        engine.hold(need(), step.device);
        return;
      case 'retrieve':
        engine.retrieve(need(), step.device);
        return;
      case 'consult':
        this.bind(step.callId, engine.consult(need(), step.device, step.to).callID, path);
        return;
      case 'transfer': {
        const held = state.call(this.callID(step.held, path));
        const active = state.call(this.callID(step.active, path));
        this.bind(step.callId, engine.transfer(held, active, step.device).call.callID, path);
        return;
      }
      case 'conference':
        engine.conference(state.call(this.callID(step.held, path)), state.call(this.callID(step.active, path)), step.device);
        return;
      case 'singleStepTransfer':
        this.bind(step.callId, engine.singleStepTransfer(need(), step.device, step.to).call.callID, path);
        return;
      case 'deflect':
        engine.deflect(need(), step.device, step.to);
        return;
      case 'noAnswer':
        engine.noAnswer(need(), step.device);
        return;
      case 'busy': {
        const on = step.on ?? true;
        const d = state.devices.get(step.device);
        if (d !== undefined) d.busy = on;
        else if (on) state.busyExternal.add(step.device);
        else state.busyExternal.delete(step.device);
        return;
      }
      case 'agent':
        this.host.agents.set({
          device: step.device,
          requested: step.state,
          ...(step.agentId === undefined ? {} : { agentID: step.agentId }),
          ...(step.group === undefined ? {} : { group: step.group }),
          ...(step.cause === undefined ? {} : { cause: step.cause }),
        });
        return;
      case 'waitFor':
      case 'wait':
        return;
      default: {
        const never: never = step;
        throw new ScenarioError(ScenarioErrorCode.Invalid, path, `unknown step ${JSON.stringify(never)}`);
      }
    }
  }
}

/** An event as a session saw it: the monitored device and the flattened event. */
export interface ObservedEvent {
  readonly device: string;
  readonly type: string;
  readonly event: unknown;
}

function deepFind(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const rec = value as Record<string, unknown>;
  if (key in rec) return rec[key];
  for (const v of Object.values(rec)) {
    const found = deepFind(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first ConnectionID-like field of an event (its own connection, by ECMA-285 field order). */
function primaryCallID(event: unknown): unknown {
  if (event === null || typeof event !== 'object') return undefined;
  const first = Object.values(event as Record<string, unknown>)[0];
  return deepFind(first, 'callID');
}

function fieldMatches(actual: unknown, expected: string, aliases: ReadonlyMap<string, string>): boolean {
  if (expected.startsWith('@')) return deepFind(actual, 'callID') === aliases.get(expected.slice(1));
  if (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') return String(actual) === expected;
  return deepFind(actual, 'dialingNumber') === expected;
}

/**
 * Compares observed events with expectations, per device and in order. Returns the differences
 * (empty when everything matched); observed events of devices no expectation names are ignored.
 */
export function matchExpectations(expect: readonly ExpectedEvent[], observed: readonly ObservedEvent[], aliases: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const devices = [...new Set(expect.map((e) => e.device))];
  for (const device of devices) {
    const want = expect.filter((e) => e.device === device);
    const got = observed.filter((o) => o.device === device);
    if (got.length !== want.length) problems.push(`${device}: expected ${want.length} events [${want.map((w) => w.type).join(', ')}], got ${got.length} [${got.map((g) => g.type).join(', ')}]`);
    for (let i = 0; i < Math.min(want.length, got.length); i++) {
      const w = want[i]!;
      const g = got[i]!;
      const where = `${device} event ${i} (${w.type})`;
      if (g.type !== w.type) {
        problems.push(`${where}: got ${g.type}`);
        continue;
      }
      const ev = g.event as Record<string, unknown>;
      if (w.call !== undefined && primaryCallID(ev) !== aliases.get(w.call)) problems.push(`${where}: call ${String(primaryCallID(ev))} is not ${w.call} (${String(aliases.get(w.call))})`);
      if (w.cause !== undefined && ev.cause !== w.cause) problems.push(`${where}: cause ${String(ev.cause)} is not ${w.cause}`);
      if (w.localConnectionInfo !== undefined && ev.localConnectionInfo !== w.localConnectionInfo) problems.push(`${where}: localConnectionInfo ${String(ev.localConnectionInfo)} is not ${w.localConnectionInfo}`);
      for (const [k, v] of Object.entries(w.fields ?? {})) if (!fieldMatches(ev[k], v, aliases)) problems.push(`${where}: ${k} ${JSON.stringify(ev[k])} does not match ${v}`);
    }
  }
  return problems;
}
