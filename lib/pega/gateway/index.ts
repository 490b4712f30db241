/**
 * The Pega gateway's public API: a WebSocket server that lets a browser CTI toolbar, or Pega with
 * the OpenCTI adapter (csta-link/opencti), use a PegaCtiLink (docs/pega-gateway.md, docs/opencti.md).
 */
export { PegaGateway, DEFAULT_MAX_SOCKETS, DEFAULT_MAX_SOCKETS_PER_AGENT, TOKEN_EXPIRED_CLOSE_CODE } from './server.js';
export type { PegaGatewayOptions, PegaGatewayEvents } from './server.js';
export { staticTokenTable, tokenFromUpgrade } from './auth.js';
export { jwtAuthenticator, identityFromClaims, JWT_SECRET_ALGORITHMS, JWT_PUBLIC_KEY_ALGORITHMS, MAX_JWT_LENGTH, MAX_JWT_DEVICES } from './jwt.js';
export type { JwtAuthenticatorOptions, JwtKey } from './jwt.js';
export { GATEWAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, DEFAULT_GATEWAY_PATH, MAX_FIELD_LENGTH, MAX_ID_LENGTH, parseClientMessage } from './protocol.js';
export type { ClientMessage, RequestId, ServerMessage } from './protocol.js';
export { securityHeaders } from './static.js';
export { GatewayErrorCode, deviceAllowed } from './types.js';
export type { Authenticator, GatewayFailure, GatewayIdentity, GatewayResult, PegaEventListener, PegaLinkLike } from './types.js';
