/** The Pega Call server-side integration: the HTTP JSON API (requests in) and the event pusher (events out). */
export { PegaServerApi, httpStatusOf, DEFAULT_MAX_API_BODY_BYTES, DEFAULT_MAX_API_IN_FLIGHT } from './api.js';
export type { PegaServerApiOptions, PegaServerLink, ApiErrorType, ApiFailureBody } from './api.js';
export { bearerToken, staticApiTokens, mayActFor, MAX_BEARER_TOKEN_LENGTH } from './auth.js';
export type { ApiAuthenticator, ApiIdentity } from './auth.js';
export { PegaEventPusher, DEFAULT_MAX_QUEUED_EVENTS, DEFAULT_PUSH_RETRY_BASE_MS, DEFAULT_PUSH_RETRY_MAX_MS, DEFAULT_PUSH_TIMEOUT_MS, DEFAULT_PUSH_CONCURRENCY, MAX_SEQUENCE_KEYS } from './pusher.js';
export type { PegaEventPusherOptions, PegaEventPusherEvents, PegaPushEnvelope, PegaPushStats, PushDropReason } from './pusher.js';
export { PEGA_SERVER_OPENAPI } from './openapi.js';
export { ROUTES as API_ROUTES, matchRoute as matchApiRoute, checkBody as checkApiBody, checkParams as checkApiParams } from './routes.js';
export type { ApiRouteSpec, ApiRouteKind, ApiFieldSpec, ApiFieldError, ApiBodyCheck, ApiMatchResult, ApiRouteMatch } from './routes.js';
export { SubscriptionTable, SubscriptionBridge, DEFAULT_MAX_SUBSCRIPTIONS } from './subscriptions.js';
export type { Subscription, SubscribeOutcome, ServerEventSource, ServerEventTarget } from './subscriptions.js';
export { listenPegaServerApi } from './standalone.js';
export type { PegaServerApiServer } from './standalone.js';
export { SubscriptionMonitors } from './monitors.js';
export type { MonitoringLink } from './monitors.js';
export { createPegaServer, PEGA_SERVER_CONFIG_SCHEMA } from './integration.js';
export type { PegaServer, PegaServerConfig } from './integration.js';
