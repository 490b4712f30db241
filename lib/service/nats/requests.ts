/**
 * The body of a Pega request over NATS (`pega.L.req.<agent>`, the agent in the subject): a JSON
 * object with an `action`. `login` carries the login parameters (`device`, optional `password`,
 * `reasonCode`); `refresh` asks for a fresh SnapshotEvent; every other action is a Pega request
 * (lib/pega/types.ts `PegaRequest`) checked in full by the link. The reply is the PegaResult.
 */
import { Buffer } from 'node:buffer';
import type { PegaLoginParams } from '../../pega/link.js';
import type { PegaRequest } from '../../pega/types.js';
import { NatsLinkError, NatsLinkErrorCode } from './errors.js';

/** Largest request body, bytes (a Pega request is a few hundred). */
export const MAX_REQUEST_BYTES = 16 * 1024;

/** A parsed request. */
export type NatsPegaRequest =
  | { readonly kind: 'login'; readonly params: PegaLoginParams }
  | { readonly kind: 'logout'; readonly reasonCode: string | undefined }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'request'; readonly request: PegaRequest };

/** The JSON body a client sends for each kind (the inverse of {@link parseNatsRequest}). */
export type NatsPegaRequestBody =
  | { readonly action: 'login'; readonly device: string; readonly password?: string; readonly reasonCode?: string }
  | { readonly action: 'refresh' }
  | PegaRequest;

function optionalString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new NatsLinkError(NatsLinkErrorCode.BadField, `${key} must be a string`);
  return v;
}

/** Parses a request body for `agentId`; bad input is a {@link NatsLinkError} (TOO_LARGE, NOT_JSON, NOT_OBJECT, BAD_FIELD). */
export function parseNatsRequest(agentId: string, data: Uint8Array, maxBytes = MAX_REQUEST_BYTES): NatsPegaRequest {
  if (data.length > maxBytes) throw new NatsLinkError(NatsLinkErrorCode.TooLarge, `request of ${data.length} bytes (at most ${maxBytes})`, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    throw new NatsLinkError(NatsLinkErrorCode.NotJson, `request is not UTF-8 JSON: ${(e as Error).message}`, m === null ? 0 : Number(m[1]));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { action?: unknown }).action !== 'string') {
    throw new NatsLinkError(NatsLinkErrorCode.NotObject, 'request must be a JSON object with a string "action"', 0);
  }
  const o = value as Record<string, unknown>;
  switch (o.action) {
    case 'login': {
      // `login` without a device is the Pega request of that name (setAgentState for a logged-in agent).
      if (o.device === undefined) return { kind: 'request', request: o as PegaRequest };
      const device = optionalString(o, 'device');
      if (device === undefined || device === '') throw new NatsLinkError(NatsLinkErrorCode.BadField, 'login: device must be a non-empty string');
      const password = optionalString(o, 'password');
      const reasonCode = optionalString(o, 'reasonCode');
      return { kind: 'login', params: { agentId, device, ...(password === undefined ? {} : { password }), ...(reasonCode === undefined ? {} : { reasonCode }) } };
    }
    case 'logout':
      return { kind: 'logout', reasonCode: optionalString(o, 'reasonCode') };
    case 'refresh':
      return { kind: 'refresh' };
    default:
      return { kind: 'request', request: o as PegaRequest };
  }
}

/** Encodes a request body. */
export function encodeNatsRequest(body: NatsPegaRequestBody): Uint8Array {
  return Buffer.from(JSON.stringify(body), 'utf8');
}
