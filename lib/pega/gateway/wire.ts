/**
 * The gateway protocol's constants and frame shapes, with no runtime imports, so a browser client
 * (the OpenCTI adapter, lib/opencti/) can share them without pulling in the server side.
 */

/** The WebSocket subprotocol the server selects; clients must offer it. */
export const GATEWAY_SUBPROTOCOL = 'pega-gateway.v1';

/** Prefix of the subprotocol entry that carries the token: `bearer.<token>`. */
export const TOKEN_SUBPROTOCOL_PREFIX = 'bearer.';

/** Default URL path of the WebSocket endpoint. */
export const DEFAULT_GATEWAY_PATH = '/cti';

/** A client-chosen request id, echoed in the result: a short string or a safe integer. */
export type RequestId = string | number;
