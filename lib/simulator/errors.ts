/**
 * Errors of the PBX simulator. `CstaFailure` carries the CSTA `universalFailure` value a request
 * handler answers with; the others are typed errors the simulator's own API throws. Assert on
 * class and `code`, never on message text.
 */
import { CstaError } from '../../protocol/errors.js';
import type { UniversalFailure } from '../../protocol/csta/types/error-definition.js';

/** A request cannot be served: the simulator answers `returnError universalFailure` with `failure`. */
export class CstaFailure extends CstaError {
  readonly failure: UniversalFailure;
  constructor(failure: UniversalFailure, message?: string) {
    const [category, value] = Object.entries(failure)[0] ?? ['unspecified', null];
    super('CSTA_FAILURE', message ?? `${category}: ${String(value)}`);
    this.failure = failure;
  }
}

/** Shorthands for the failures the switch model raises most. */
export const Failures = {
  invalidDeviceID: (): CstaFailure => new CstaFailure({ operation: 'invalidDeviceID' }),
  invalidCallID: (): CstaFailure => new CstaFailure({ operation: 'invalidCallID' }),
  invalidConnectionID: (): CstaFailure => new CstaFailure({ operation: 'invalidConnectionID' }),
  invalidDestination: (): CstaFailure => new CstaFailure({ operation: 'invalidDestination' }),
  invalidCrossRefID: (): CstaFailure => new CstaFailure({ operation: 'invalidCrossRefID' }),
  invalidObjectState: (): CstaFailure => new CstaFailure({ stateIncompatibility: 'invalidObjectState' }),
  invalidConnectionState: (): CstaFailure => new CstaFailure({ stateIncompatibility: 'invalidConnectionState' }),
  deviceOutOfService: (): CstaFailure => new CstaFailure({ systemResourceAvailability: 'deviceOutOfService' }),
  serviceNotSupported: (): CstaFailure => new CstaFailure({ operation: 'serviceNotSupported' }),
  invalidAgentState: (): CstaFailure => new CstaFailure({ operation: 'invalidAgentState' }),
  invalidAgentPassword: (): CstaFailure => new CstaFailure({ operation: 'invalidAgentPassword' }),
} as const;

/** Codes of {@link ScenarioError}. */
export const ScenarioErrorCode = {
  /** The scenario JSON does not have the documented shape. */
  Invalid: 'SCENARIO_INVALID',
  /** A step's precondition (e.g. an alerting call at the device) did not come about in time. */
  StepTimeout: 'SCENARIO_STEP_TIMEOUT',
  /** A step refers to a call alias no earlier step defined. */
  UnknownAlias: 'SCENARIO_UNKNOWN_ALIAS',
  /** The switch refused the step (the CSTA failure is the cause). */
  StepFailed: 'SCENARIO_STEP_FAILED',
} as const;
/** A ScenarioError code. */
export type ScenarioErrorCode = (typeof ScenarioErrorCode)[keyof typeof ScenarioErrorCode];

/** A scenario could not be validated or played. `path` locates the offending part (`steps[3].device`). */
export class ScenarioError extends CstaError {
  readonly path: string;
  constructor(code: ScenarioErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, `${path}: ${message}`, options);
    this.path = path;
  }
}

/** The simulator was used wrongly (listen twice, unknown device in the configuration...). */
export class SimulatorStateError extends CstaError {
  constructor(message: string) {
    super('SIMULATOR_STATE', message);
  }
}
