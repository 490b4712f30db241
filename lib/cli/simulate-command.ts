/**
 * `csta simulate --port N [--host H] [--wire ber|xml] [--framing F] [--tls] [--password P]
 * [--devices FILE] [--scenario FILE]`: runs the PBX simulator (default BER, 2-byte length framing,
 * on 127.0.0.1) until interrupted, logging clients and requests. With a scenario, once the client
 * has started a monitor for each of the scenario's devices the steps are played; the
 * `"by": "session"` steps wait for the connected application to send the matching request.
 */
import { PbxSimulator } from '../simulator/simulator.js';
import { simulatorOptionsForProfile } from '../simulator/profiles.js';
import type { ProfileCredentials } from '../session/profiles.js';
import { loadScenario } from '../simulator/scenarios.js';
import type { Scenario, ScenarioStep } from '../simulator/scenarios.js';
import type { CliIo } from './io.js';
import type { Buffer } from 'node:buffer';
import type { DeviceConfig } from '../simulator/switch-state.js';
import { DEFAULT_WIRE } from '../transport/wire.js';
import type { WireFormat } from '../transport/wire.js';
import { wireText } from './sim-config.js';

/** Options of `csta simulate`. */
export interface SimulateOptions {
  readonly port: number;
  readonly host?: string;
  readonly scenario?: string;
  /** Play this vendor profile (wire, login, dialect) instead of the generic BER switch. */
  readonly profile?: string;
  /** The login the profile's PBX accepts. */
  readonly credentials?: ProfileCredentials;
  /** @default BER, length16 (or the profile's) */
  readonly wire?: WireFormat;
  /** AARQs must carry this password. */
  readonly password?: string;
  /** The switch's devices. @default defaultDevices() */
  readonly devices?: readonly DeviceConfig[];
  /** Serve TLS with this certificate and key. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
}

/** The simulator for these options. */
export function createSimulator(options: Omit<SimulateOptions, 'port' | 'host' | 'scenario'>): PbxSimulator {
  const base = options.profile === undefined ? {} : simulatorOptionsForProfile(options.profile, options.credentials ?? {});
  return new PbxSimulator({
    ...base,
    ...(options.wire !== undefined ? { wire: options.wire } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.devices !== undefined ? { devices: options.devices } : {}),
    ...(options.tls !== undefined ? { tls: { cert: options.tls.cert, key: options.tls.key } } : {}),
  });
}

/** The CSTA request the application sends to perform a session step. */
const STEP_OPERATION: Readonly<Record<ScenarioStep['step'], string | undefined>> = {
  answer: 'answerCall',
  hangup: 'clearConnection',
  hold: 'holdCall',
  retrieve: 'retrieveCall',
  dial: 'makeCall',
  consult: 'consultationCall',
  transfer: 'transferCall',
  conference: 'conferenceCall',
  singleStepTransfer: 'singleStepTransfer',
  deflect: 'deflectCall',
  agent: 'setAgentState',
  inbound: undefined,
  noAnswer: undefined,
  busy: undefined,
  waitFor: undefined,
  wait: undefined,
};

/** Resolves at the next request named `operation` (or rejects when `signal` aborts). */
function nextRequest(sim: PbxSimulator, operation: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onRequest = (_id: number, op: string): void => {
      if (op !== operation) return;
      sim.off('request', onRequest);
      // Let the reply and the events of the request go out first.
      setTimeout(resolve, 20);
    };
    sim.on('request', onRequest);
    signal?.addEventListener('abort', () => {
      sim.off('request', onRequest);
      reject(new Error('stopped'));
    });
  });
}

/** The device a step acts at (the caller for `dial`). */
function stepDevice(step: ScenarioStep): string | undefined {
  return 'device' in step ? step.device : 'from' in step ? step.from : undefined;
}

async function playScenario(sim: PbxSimulator, scenario: Scenario, io: CliIo): Promise<void> {
  const log = (s: string): void => void io.stdout.write(`${s}\n`);
  let monitors = 0;
  await new Promise<void>((resolve) => {
    const onRequest = (_id: number, op: string): void => {
      if (op === 'monitorStart' && ++monitors >= scenario.monitor.length) {
        sim.off('request', onRequest);
        setTimeout(resolve, 20);
      }
    };
    log(`scenario ${scenario.name}: waiting for monitors on ${scenario.monitor.join(', ')}`);
    sim.on('request', onRequest);
  });
  log(`scenario ${scenario.name}: playing ${scenario.steps.length} steps`);
  await sim.runScenario(scenario, {
    session: async (step) => {
      const op = STEP_OPERATION[step.step];
      if (op === undefined) throw new Error(`${step.step} cannot be a session step`);
      log(`scenario ${scenario.name}: waiting for the application to send ${op}`);
      await nextRequest(sim, op, io.signal);
      const device = stepDevice(step);
      const calls = device === undefined ? [] : sim.state.callsOf(device);
      return 'callId' in step ? calls[calls.length - 1]?.callID : undefined;
    },
    stepTimeoutMs: 60_000,
  });
  log(`scenario ${scenario.name}: done`);
}

/** Runs `csta simulate` until `io.signal` aborts; returns the exit code. */
export async function runSimulate(options: SimulateOptions, io: CliIo): Promise<number> {
  const scenario = options.scenario === undefined ? undefined : loadScenario(options.scenario);
  const sim = createSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const port = await sim.listen(options.port, host);
  const log = (s: string): void => void io.stdout.write(`${s}\n`);
  const extras = [options.tls !== undefined ? 'TLS' : undefined, options.password !== undefined ? 'AARQ password required' : undefined].filter((x) => x !== undefined);
  log(`PBX simulator listening on ${host}:${port} (${wireText(sim.options.wire ?? DEFAULT_WIRE)}${extras.map((x) => `, ${x}`).join('')}; ${sim.state.devices.size} devices)`);
  sim.on('client', (id) => log(`client ${id} connected`));
  sim.on('associated', (id, kind) => log(`client ${id} associated (${kind})`));
  sim.on('request', (id, op) => log(`client ${id}: ${op}`));
  sim.on('clientClosed', (id) => log(`client ${id} closed`));
  let code = 0;
  const stopped = new Promise<void>((resolve) => {
    if (io.signal === undefined) return; // runs until the process is killed
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve());
  });
  if (scenario !== undefined) {
    playScenario(sim, scenario, io).catch((e: unknown) => {
      if (io.signal?.aborted === true) return;
      code = 1;
      io.stderr.write(`scenario ${scenario.name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  }
  await stopped;
  await sim.close();
  log('simulator stopped');
  return code;
}
