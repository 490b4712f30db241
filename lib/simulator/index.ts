/**
 * The embedded PBX simulator: `PbxSimulator` (the switch side of a CSTA link), its switch model,
 * scenarios as data, and the event recorder tests use with a CstaSession.
 */
export { PbxSimulator } from './simulator.js';
export type { PbxSimulatorOptions, SimulatorEvents } from './simulator.js';
export { SwitchState, DEFAULT_DIAL_PLAN, defaultDevices } from './switch-state.js';
export type { Call, Connection, DeviceConfig, DeviceKind, DeviceState, DialPlan } from './switch-state.js';
export { CstaFailure, ScenarioError, ScenarioErrorCode, SimulatorStateError } from './errors.js';
export { loadScenario, matchExpectations, validateScenario } from './scenarios.js';
export type { ExpectedEvent, ObservedEvent, RunScenarioOptions, Scenario, ScenarioRun, ScenarioStep, StepContext } from './scenarios.js';
export { recordEvents } from './observer.js';
export type { EventRecorder } from './observer.js';
export type { AssociationKind } from './client.js';
export type { SimApplicationSessionOptions } from './application-sessions.js';
export type { SnapshotDeviceMode } from './snapshots.js';
export { simulatorOptionsForProfile } from './profiles.js';
export type { SimDialectOptions, DialectCounters } from './dialect.js';
export type { MonitorLimits } from './monitors.js';
export { DEFAULT_MONITORS_PER_CLIENT, DEFAULT_MONITORS_PER_DEVICE } from './monitors.js';
