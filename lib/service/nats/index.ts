/** Scale-out on NATS (docs/nats.md): subjects, the event stream, publisher, consumer, requests over NATS, the lease and the node. */
export { NatsLinkError, NatsLinkErrorCode } from './errors.js';
export { LinkSubjects, MAX_TOKEN_CHARS, escapeToken, parseSubject, unescapeToken } from './subjects.js';
export type { ParsedSubject } from './subjects.js';
export {
  DEFAULT_DUPLICATE_WINDOW_MS,
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_STREAM_MAX_AGE_MS,
  DEFAULT_STREAM_MAX_BYTES,
  DEFAULT_STREAM_MAX_MSGS,
  ensureLinkStream,
  safeName,
  streamName,
} from './stream.js';
export type { LinkStreamConfig } from './stream.js';
export {
  DEFAULT_MAX_PENDING_PUBLISHES,
  DEFAULT_PUBLISH_RETRIES,
  DEFAULT_PUBLISH_TIMEOUT_MS,
  EPOCH_HEADER,
  INSTANCE_HEADER,
  NatsEventPublisher,
  isStaleEpoch,
  toJson,
} from './publisher.js';
export type { CstaEventMessage, DropReason, EventPublisherEvents, EventPublisherOptions, PublishedEvent, PublisherStats } from './publisher.js';
export { LinkEventConsumer } from './consumer.js';
export type { ConsumeFrom, LinkEventConsumerOptions } from './consumer.js';
export { MAX_REQUEST_BYTES, encodeNatsRequest, parseNatsRequest } from './requests.js';
export type { NatsPegaRequest, NatsPegaRequestBody } from './requests.js';
export { DEFAULT_MAX_IN_FLIGHT_REQUESTS, ERROR_HEADER, NatsRequestResponder } from './responder.js';
export type { RequestResponderOptions } from './responder.js';
export { DEFAULT_NATS_REQUEST_TIMEOUT_MS, DEFAULT_NO_RESPONDER_RETRY_MS, DEFAULT_TAKEOVER_WAIT_MS, RemotePegaLink } from './client.js';
export type { RemotePegaLinkEvents, RemotePegaLinkOptions } from './client.js';
export { DEFAULT_LEASE_TTL_MS, LEASE_KEY, MIN_LEASE_TTL_MS, NatsLease } from './lease.js';
export type { LeaseEvents, LeaseHolder, LeaseLossReason, LeaseOptions } from './lease.js';
export { AgentRegistry, MAX_REGISTERED_AGENTS, MAX_REGISTRY_BYTES } from './agent-registry.js';
export type { RegisteredAgent } from './agent-registry.js';
export { FLUSH_ON_RELEASE_MS, NatsLinkNode } from './node.js';
export type { NatsNodeEvents, NatsNodeHost, NatsNodeOptions, NodeRole, TakeoverReport } from './node.js';
export type { CstaEventListener, CstaEventSource, LocalPegaLink, LoggedInAgent, PegaEventListenerFn, PegaEventSource } from './types.js';
