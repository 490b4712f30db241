/** Pega Call (OpenCTI) mapping: the public surface of lib/pega (the gateway lives in lib/pega/gateway). */
export * from './types.js';
export { PegaMapper, PegaMapError, DEFAULT_MAX_CALLS_PER_LINE, DEFAULT_MAX_PARTIES_PER_CALL } from './mapper.js';
export type { PegaMapperOptions } from './mapper.js';
export type { SnapshotAgentInput } from './snapshot.js';
export { executePegaRequest } from './requests.js';
export type { CallLookup, PegaRequestSession, RequestTarget } from './requests.js';
export { refuseForeignCall } from './ownership.js';
export type { CallOnLine, LineOwnership } from './ownership.js';
export { parsePegaRequest, isPegaFailure } from './request-parse.js';
export { openCtiCodeOf, toPegaFailure, pegaFailure, requestKind } from './errors.js';
export type { RequestKind } from './errors.js';
export { PegaCtiLink } from './link.js';
export type { PegaCtiLinkOptions, PegaLinkEvents, PegaLinkSession, PegaLoginParams, PegaAgentSession } from './link.js';
export { registerRoutingPoint, RoutingPoint, DecisionTimeout, DEFAULT_MAX_DECISION_TIMEOUT_MS, DEFAULT_MAX_OPEN_DIALOGUES } from './routing.js';
export type { RouteDecider, RouteDecision, RouteRequest, RoutingOptions, RoutingPointEvents, RoutingSession } from './routing.js';
export { validatePegaEvent, validateSchema, SCHEMA_BY_EVENT_TYPE } from './schemas.js';
export type { JsonSchema, SchemaViolation } from './schemas.js';
export { toServerCallEvent } from './server-view.js';
