/**
 * Scenario data: validation of untrusted JSON with typed errors, every fixture valid, the
 * runner's waiting, alias and failure behaviour, and expectation matching catching differences.
 */
import { expect } from 'chai';
import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { loadScenario, matchExpectations, validateScenario } from '../../../lib/simulator/scenarios.js';
import type { ObservedEvent, Scenario } from '../../../lib/simulator/scenarios.js';
import { ScenarioError, ScenarioErrorCode } from '../../../lib/simulator/errors.js';

const SCENARIOS = new URL('../../../fixtures/scenarios/', import.meta.url);

function invalid(json: unknown): ScenarioError {
  try {
    validateScenario(json);
  } catch (e) {
    expect(e).to.be.instanceOf(ScenarioError);
    expect((e as ScenarioError).code).to.equal(ScenarioErrorCode.Invalid);
    return e as ScenarioError;
  }
  throw new Error('expected the scenario to be rejected');
}

const minimal = { name: 'x', monitor: ['2000'], steps: [{ step: 'inbound', from: '+1555', to: '2000', callId: 'c1' }] };

describe('scenario validation', () => {
  it('accepts every fixture in fixtures/scenarios', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
    expect(files.length).to.be.at.least(12);
    for (const f of files) expect(loadScenario(new URL(f, SCENARIOS)).name).to.equal(f.replace(/\.json$/, ''));
  });

  it('accepts a minimal scenario and returns it typed', () => {
    expect(validateScenario(minimal)).to.deep.equal(minimal);
    expect(validateScenario({ ...minimal, afterCallWork: ['2000'] }).afterCallWork).to.deep.equal(['2000']);
    expect(validateScenario({ ...minimal, afterCallWork: true }).afterCallWork).to.equal(true);
  });

  it('rejects bad input with a typed error and the path of the problem', () => {
    expect(invalid(null).path).to.equal('$');
    expect(invalid({ ...minimal, name: '' }).path).to.equal('name');
    expect(invalid({ ...minimal, steps: [] }).path).to.equal('steps');
    expect(invalid({ ...minimal, steps: [{ step: 'teleport' }] }).path).to.equal('steps[0].step');
    expect(invalid({ ...minimal, steps: [{ step: 'answer' }] }).path).to.equal('steps[0].device');
    expect(invalid({ ...minimal, steps: [{ step: 'answer', device: '2000', colour: 'red' }] }).path).to.equal('steps[0].colour');
    expect(invalid({ ...minimal, steps: [{ step: 'answer', device: 2000 }] }).path).to.equal('steps[0].device');
    expect(invalid({ ...minimal, steps: [{ step: 'answer', device: '2000', by: 'robot' }] }).path).to.equal('steps[0].by');
    expect(invalid({ ...minimal, steps: [{ step: 'wait', ms: -1 }] }).path).to.equal('steps[0].ms');
    expect(invalid({ ...minimal, steps: [{ step: 'agent', device: '2000', state: 'asleep' }] }).path).to.equal('steps[0].state');
    expect(invalid({ ...minimal, monitor: [1] }).path).to.equal('monitor');
    expect(invalid({ ...minimal, expect: [{ device: '2000' }] }).path).to.equal('expect[0].type');
    expect(invalid({ ...minimal, expect: [{ device: '2000', type: 'held', fields: { a: 1 } }] }).path).to.equal('expect[0].fields');
    expect(invalid({ ...minimal, extra: true }).path).to.equal('extra');
    expect(invalid({ ...minimal, afterCallWork: 'yes' }).path).to.equal('afterCallWork');
    expect(invalid({ ...minimal, afterCallWork: [2000] }).path).to.equal('afterCallWork');
  });

  it('loadScenario reports unreadable JSON as SCENARIO_INVALID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": ');
    const e = (() => {
      try {
        loadScenario(file);
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).to.be.instanceOf(ScenarioError);
    expect((e as ScenarioError).code).to.equal('SCENARIO_INVALID');
  });
});

describe('scenario runner', () => {
  let sim: PbxSimulator;
  beforeEach(() => {
    sim = new PbxSimulator();
  });

  it('plays switch-side steps on the model and binds aliases to callIDs', async () => {
    const run = await sim.runScenario(
      validateScenario({
        name: 't',
        steps: [
          { step: 'inbound', from: '+15551230000', to: '2000', callId: 'c1' },
          { step: 'answer', device: '2000' },
          { step: 'consult', device: '2000', call: 'c1', to: '3000', callId: 'c2' },
          { step: 'answer', device: '3000', call: 'c2' },
          { step: 'transfer', device: '2000', held: 'c1', active: 'c2', callId: 'c3' },
        ],
      }),
    );
    const c3 = run.aliases.get('c3')!;
    expect(sim.state.calls.size).to.equal(1);
    expect([...sim.state.call(c3).connections.entries()].map(([d, c]) => `${d}:${c.state}`)).to.deep.equal(['+15551230000:connected', '3000:connected']);
    expect(new Set([run.aliases.get('c1'), run.aliases.get('c2'), c3]).size).to.equal(3);
  });

  it('waits for a step’s precondition, and times out with SCENARIO_STEP_TIMEOUT', async () => {
    const scenario = validateScenario({ name: 't', steps: [{ step: 'answer', device: '2000' }] });
    const pending = sim.runScenario(scenario, { stepTimeoutMs: 500 });
    setTimeout(() => sim.engine.inbound('+15551230000', '2000'), 30);
    await pending;
    expect(sim.state.callsOf('2000')[0]!.connections.get('2000')!.state).to.equal('connected');
    const e = await sim.runScenario(scenario, { stepTimeoutMs: 30 }).catch((x: unknown) => x);
    expect((e as ScenarioError).code).to.equal(ScenarioErrorCode.StepTimeout);
    expect((e as ScenarioError).path).to.equal('steps[0]');
  });

  it('fails a step naming a call alias no earlier step bound with SCENARIO_UNKNOWN_ALIAS', async () => {
    const e = await sim.runScenario(validateScenario({ name: 't', steps: [{ step: 'hold', device: '2000', call: 'nope' }] })).catch((x: unknown) => x);
    expect((e as ScenarioError).code).to.equal(ScenarioErrorCode.UnknownAlias);
    expect((e as ScenarioError).path).to.equal('steps[0]');
  });

  it('fails a step the switch refuses with SCENARIO_STEP_FAILED and the CSTA failure as cause', async () => {
    const e = await sim.runScenario(validateScenario({ name: 't', steps: [{ step: 'inbound', from: '+1555', to: '4321', callId: 'c1' }] })).catch((x: unknown) => x);
    expect((e as ScenarioError).code).to.equal(ScenarioErrorCode.StepFailed);
    expect(((e as ScenarioError).cause as { failure: unknown }).failure).to.deep.equal({ operation: 'invalidDestination' });
  });

  it('needs the session option for "by": "session" steps, and passes it the target call', async () => {
    const scenario = validateScenario({
      name: 't',
      steps: [
        { step: 'inbound', from: '+1555', to: '2000', callId: 'c1' },
        { step: 'answer', device: '2000', call: 'c1', by: 'session' },
      ],
    });
    const e = await sim.runScenario(scenario).catch((x: unknown) => x);
    expect((e as ScenarioError).code).to.equal(ScenarioErrorCode.StepFailed);
    const seen: (string | undefined)[] = [];
    const fresh = new PbxSimulator();
    const run = await fresh.runScenario(scenario, {
      session: async (step, ctx) => {
        seen.push(step.step, ctx.targetCallID);
      },
    });
    expect(seen).to.deep.equal(['answer', run.aliases.get('c1')]);
  });
});

describe('matchExpectations', () => {
  const aliases = new Map([['c1', '0001']]);
  const scenario: Scenario = validateScenario({
    name: 't',
    steps: [{ step: 'wait', ms: 0 }],
    expect: [
      { device: '2000', type: 'delivered', call: 'c1', cause: 'newCall', localConnectionInfo: 'alerting', fields: { callingDevice: '+1555' } },
      { device: '2000', type: 'established', call: 'c1' },
    ],
  });
  const delivered = {
    connection: { both: { callID: '0001', deviceID: { staticID: { deviceIdentifier: { dialingNumber: '2000' } } } } },
    callingDevice: { deviceIdentifier: { deviceIdentifier: { dialingNumber: '+1555' } } },
    localConnectionInfo: 'alerting',
    cause: 'newCall',
  };
  const established = { establishedConnection: { callID: '0001' } };
  const ok: ObservedEvent[] = [
    { device: '2000', type: 'delivered', event: delivered },
    { device: '2000', type: 'established', event: established },
    { device: '9999', type: 'held', event: {} },
  ];

  it('matches per device, in order, ignoring devices it does not name', () => {
    expect(matchExpectations(scenario.expect!, ok, aliases)).to.deep.equal([]);
  });

  it('reports wrong order, count, cause, state, call and fields', () => {
    expect(matchExpectations(scenario.expect!, [ok[1]!, ok[0]!], aliases)).to.have.length(2);
    expect(matchExpectations(scenario.expect!, [ok[0]!], aliases)[0]).to.contain('expected 2 events');
    const bad = { ...delivered, cause: 'redirected', localConnectionInfo: 'connected', callingDevice: { deviceIdentifier: { deviceIdentifier: { dialingNumber: '+1666' } } } };
    const problems = matchExpectations(scenario.expect!, [{ device: '2000', type: 'delivered', event: bad }, ok[1]!], aliases);
    expect(problems).to.have.length(3);
    expect(matchExpectations(scenario.expect!, ok, new Map([['c1', '0002']]))).to.have.length(2);
  });
});
