/**
 * One simulator scenario played against a real CstaSession over loopback: start a PbxSimulator,
 * connect a session (optionally through a {@link TcpRecorder}), monitor the scenario's devices,
 * run the steps (the session performs the `"by": "session"` ones and answers routeRequests with a
 * routeSelect to the scenario's `routeTo`), wait for the expected events,
 * then release everything. `csta demo` and scripts/record-traces.ts use it.
 */
import { deviceID } from '../session/requests.js';
import { PbxSimulator } from '../simulator/simulator.js';
import type { Scenario } from '../simulator/scenarios.js';
import { recordEvents } from '../simulator/observer.js';
import type { ObservedEvent } from '../simulator/scenarios.js';
import { CstaSession } from '../session/session.js';
import type { CstaEvent } from '../session/events.js';
import { sessionStepPerformer } from './session-steps.js';
import { TcpRecorder } from './tcp-recorder.js';
import { sessionOptionsForProfile } from '../session/profiles.js';
import type { ProfileCredentials } from '../session/profiles.js';
import { simulatorOptionsForProfile } from '../simulator/profiles.js';

/** Options of {@link runScenarioOverLoopback}. */
export interface ScenarioRunOptions {
  /** Relay the session through a recorder and return what it saw. */
  readonly record?: boolean;
  /** Called for each event the session receives, with the monitored device. */
  readonly onEvent?: (device: string, event: CstaEvent) => void;
  /** How long to wait for the expected events after the last step. @default 3000 */
  readonly settleMs?: number;
  /** Play it in this vendor profile's dialect (simulator and session both), with these credentials. */
  readonly profile?: string;
  readonly credentials?: ProfileCredentials;
}

/** What {@link runScenarioOverLoopback} observed. */
export interface ScenarioRunResult {
  readonly events: readonly ObservedEvent[];
  /** The recorder, when `record` was set (its chunks are the wire bytes both ways). */
  readonly recorder?: TcpRecorder;
}

/** How many events the scenario expects on the monitored devices. */
function expectedCount(scenario: Scenario): number {
  return (scenario.expect ?? []).filter((e) => scenario.monitor.includes(e.device)).length;
}

/**
 * The application side of routing: every routeRequest is answered with a routeSelect to
 * `destination`; routeEndRequest needs no answer. (Both operations have no result, hence `never`.)
 */
function answerRouteRequests(session: CstaSession, destination: string): void {
  session.handle('routeRequest', (arg) => {
    session.routeSelect({ crossRefIdentifier: arg.crossRefIdentifier, routeSelected: deviceID(destination) });
    return undefined as never;
  });
  session.handle('routeEndRequest', () => undefined as never);
}

/** Plays `scenario`; always closes the session, relay and simulator. */
export async function runScenarioOverLoopback(scenario: Scenario, options: ScenarioRunOptions = {}): Promise<ScenarioRunResult> {
  const sim = new PbxSimulator(options.profile === undefined ? {} : simulatorOptionsForProfile(options.profile, options.credentials ?? {}));
  const simPort = await sim.listen(0, '127.0.0.1');
  const recorder = options.record === true ? new TcpRecorder(simPort) : undefined;
  const port = recorder === undefined ? simPort : await recorder.listen();
  const link = { host: '127.0.0.1', port };
  const settings = { reconnect: false, keepAliveMs: 0 } as const;
  const session = new CstaSession(options.profile === undefined ? { ...link, ...settings } : sessionOptionsForProfile(options.profile, link, options.credentials ?? {}, settings));
  const recording = recordEvents(session);
  const onEvent = (e: CstaEvent, m: { device: string } | undefined): void => options.onEvent?.(m?.device ?? '?', e);
  session.on('event', onEvent);
  if (scenario.routeTo !== undefined) answerRouteRequests(session, scenario.routeTo);
  try {
    await session.connect();
    const monitors = [];
    for (const device of scenario.monitor) monitors.push(await session.monitorStart(device));
    await sim.runScenario(scenario, { session: sessionStepPerformer(session) });
    const want = expectedCount(scenario);
    if (want > 0) await recording.waitForCount(want, options.settleMs ?? 3000);
    else await new Promise((r) => setTimeout(r, 100));
    for (const m of monitors) await session.monitorStop(m);
    return { events: [...recording.events], ...(recorder !== undefined ? { recorder } : {}) };
  } finally {
    recording.stop();
    session.off('event', onEvent);
    await session.close().catch(() => undefined);
    await recorder?.close();
    await sim.close();
  }
}
