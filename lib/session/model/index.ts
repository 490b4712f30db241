/** The device/call model of the session (ECMA-269 connection state model). */
export { CallModel } from './call-model.js';
export { DEFAULT_MAX_CALLS, DEFAULT_MAX_CONNECTIONS_PER_CALL } from './call-store.js';
export { nextAgentStatus } from './agent.js';
export type { AgentEvent } from './agent.js';
export { snapshotStates } from './snapshot.js';
export type {
  AgentStatus,
  AgentWorkState,
  CallDirection,
  CallInfo,
  CallModelOptions,
  CallRemovalReason,
  CallView,
  ConnectionView,
  DeviceView,
  ConnectionState,
  MergeKind,
  ModelChange,
  ModelStats,
  PendingAgentWorkState,
} from './types.js';
