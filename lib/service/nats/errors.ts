/**
 * Errors of the NATS scale-out layer. Assert on class and `code`, never on the message text.
 */
import { CstaError } from '../../../protocol/errors.js';

/** Codes a {@link NatsLinkError} can carry. */
export const NatsLinkErrorCode = {
  /** A subject token (link, device, agent, event name) is empty after trimming or longer than the bound. */
  BadToken: 'BAD_TOKEN',
  /** An escaped subject token is not a valid escape (a `%` not followed by two hex digits). */
  BadEscape: 'BAD_ESCAPE',
  /** A request payload is larger than {@link MAX_REQUEST_BYTES}. */
  TooLarge: 'TOO_LARGE',
  /** A request payload is not UTF-8 JSON. */
  NotJson: 'NOT_JSON',
  /** A request payload is JSON but not an object with a string `action`. */
  NotObject: 'NOT_OBJECT',
  /** A request field is missing or mistyped (login without `device`...). */
  BadField: 'BAD_FIELD',
  /** A configuration value is out of range (a lease TTL of 0, a stream bound of -1...). */
  BadConfig: 'BAD_CONFIG',
} as const;
export type NatsLinkErrorCode = (typeof NatsLinkErrorCode)[keyof typeof NatsLinkErrorCode];

/** Bad input to the NATS layer: a subject token, a request payload or a config value. */
export class NatsLinkError extends CstaError {
  /** Which rule the input broke. */
  declare readonly code: NatsLinkErrorCode;
  /** Offset in the input (characters for tokens, bytes for payloads) where the problem was found, when known. */
  readonly offset: number | undefined;
  constructor(code: NatsLinkErrorCode, message: string, offset?: number) {
    super(code, message);
    this.offset = offset;
  }
}
