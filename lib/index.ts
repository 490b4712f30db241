/**
 * csta-link: the public API. Every export of the package's main entry is named here; the wire
 * layer (codecs, framers, captures) is also available on its own as `csta-link/protocol`.
 *
 * ```ts
 * import { CstaSession, PegaCtiLink } from 'csta-link';
 * const session = new CstaSession({ host: 'pbx.example', port: 2555 });
 * await session.connect();
 * const link = new PegaCtiLink(session);
 * link.on('event', (agentId, e) => console.log(agentId, e.pyEventType, e.pyEventName));
 * await link.login({ agentId: '5501', device: '2000' });
 * ```
 */

// The wire layer, re-exported whole.
export * from '../protocol/index.js';

// Transport
export { CstaConnection } from './transport/connection.js';
export type { ConnectionEvents } from './transport/connection.js';
export { createWireCodec, registerXmlWire, DEFAULT_WIRE } from './transport/wire.js';
export type { WireCodec, WireFormat, WireLimits, FramingErrorPolicy } from './transport/wire.js';
export { FramingLostError, WriteQueueFullError } from './transport/errors.js';
export { DEFAULT_HIGH_WATER_BYTES, DEFAULT_MAX_QUEUED_BYTES } from './transport/connection.js';
export type { ConnectionLimits } from './transport/connection.js';
export { XML_MAX_INVOKE_ID } from './transport/xml-wire.js';

// Session
export { CstaSession } from './session/session.js';
export type { SessionEvents, SessionStatus, InvokeHandler, RequestSettled } from './session/session.js';
export { CstaRequestMethods, connectionID, deviceID } from './session/requests.js';
export type { RequestArgument, RequestArgs, RequestOptions, RequestResult } from './session/requests.js';
export { withDeviceIDs } from './session/device-strings.js';
export type { WithDeviceStrings } from './session/device-strings.js';
export { exponentialBackoff, CSTA_APPLICATION_CONTEXT, DEFAULTS as SESSION_DEFAULTS } from './session/options.js';
export type { AssociationMode, ApplicationSessionMode, ZultysLoginMode, ReconnectPolicy, SessionEndpoint, SessionOptions } from './session/options.js';
export { sessionOptionsForProfile, associationForProfile, wireForProfile, resolveProfile } from './session/profiles.js';
export type { ProfileCredentials } from './session/profiles.js';
export { zultysLoginRequest, zultysPasswordHash, ZULTYS_KEEPALIVE_MS } from './session/association-zultys.js';
export { RequestIdCorrelation, RequestIdEcho, MAX_UNCORRELATED_REQUESTS } from './transport/request-id-correlation.js';
export type { XmlWireDialect } from './transport/wire.js';
export type { ApplicationSessionInfo } from './session/association-application-session.js';
export { TimeoutError, ConnectionClosedError, RemoteOperationError, RejectedError, SessionStateError, InvariantViolation, InvokeIdsExhaustedError, ReplyMismatchError, SnapshotTooLargeError, UnexpectedResultError } from './session/errors.js';
export { flattenEvent, eventReportArgument } from './session/events.js';
export type { CstaEvent, CstaEventType, EventCategory, KnownCstaEvent, UnknownCstaEvent } from './session/events.js';
export { deviceKey, toDeviceID } from './session/monitors.js';
export { callIdOf, deviceNumberOf } from './session/accessors.js';
export type { DeviceLike } from './session/accessors.js';
export type { Monitor } from './session/monitors.js';

// Simulator
export * from './simulator/index.js';

// Pega Call mapping and gateway
export * from './pega/index.js';
export * from './pega/gateway/index.js';
export * from './pega/server/index.js';

// The CTI link service (csta serve)
export * from './service/index.js';

// Scale-out on NATS (docs/nats.md)
export * from './service/nats/index.js';

// Types named by public declarations (signatures, fields, event maps), so users can name them too;
// scripts/check-exports.mjs (run by the package check) fails when one is missing.
export type { OctetForm } from './pega/csta-values.js';
export type { LineCall, LinePhase } from './pega/line-state.js';
export type { CallModel } from './session/model/call-model.js';
export type { AgentStatus, AgentWorkState, CallDirection, CallInfo, CallModelOptions, CallRemovalReason, CallView, ConnectionState, ConnectionView, DeviceView, MergeKind, ModelChange, ModelStats, PendingAgentWorkState } from './session/model/types.js';
export type { AgentChange, AgentOptions, Agents, RequestedAgentState } from './simulator/agents.js';
export type { ApplicationSessions, ApplicationSessionsHost } from './simulator/application-sessions.js';
export type { CallEngine, EngineHooks } from './simulator/call-engine.js';
export type { CallFeatures } from './simulator/call-features.js';
export type { SimClient } from './simulator/client.js';
export type { DeviceEvent, EventSink } from './simulator/event-sink.js';
export type { SwitchMonitor, SwitchMonitors } from './simulator/monitors.js';
export type { ClientSender, RouteRegistration, Router } from './simulator/routing.js';
export type { StepActor } from './simulator/scenario-schema.js';
export type { AgentRecord, ForwardingEntry, NumberClass } from './simulator/switch-state.js';
