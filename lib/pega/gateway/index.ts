/**
 * The Pega gateway's public API: a WebSocket server that lets a browser CTI toolbar use a
 * PegaCtiLink (docs/pega-gateway.md).
 */
export { PegaGateway, DEFAULT_MAX_SOCKETS, DEFAULT_MAX_SOCKETS_PER_AGENT } from './server.js';
export type { PegaGatewayOptions, PegaGatewayEvents } from './server.js';
export { staticTokenTable, tokenFromUpgrade } from './auth.js';
export { GATEWAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, MAX_FIELD_LENGTH, MAX_ID_LENGTH, parseClientMessage } from './protocol.js';
export type { ClientMessage, RequestId, ServerMessage } from './protocol.js';
export { GatewayErrorCode } from './types.js';
export type { Authenticator, GatewayFailure, GatewayIdentity, GatewayResult, PegaEventListener, PegaLinkLike } from './types.js';
