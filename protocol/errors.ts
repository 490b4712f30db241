/**
 * The error hierarchy of the wire layer. Every error has a stable `code` (assert on that, never on
 * the message text) and, for decoding, the byte offset where the problem was found.
 */

/** Codes a {@link DecodeError} can carry. */
export const DecodeErrorCode = {
  /** The input ended inside a tag, length or value. */
  Truncated: 'TRUNCATED',
  /** A length field is malformed (more than 4 length bytes, reserved 0xFF, indefinite on a primitive). */
  BadLength: 'BAD_LENGTH',
  /** An element's length runs past the end of its enclosing element. */
  LengthOverrun: 'LENGTH_OVERRUN',
  /** A tag field is malformed (multi-byte tag with a leading 0x80, or a tag number too large). */
  BadTag: 'BAD_TAG',
  /** The element's tag is not the one the schema expects at this position. */
  UnexpectedTag: 'UNEXPECTED_TAG',
  /** A mandatory SEQUENCE component is absent. */
  MissingField: 'MISSING_FIELD',
  /** A primitive value has an illegal size or content (BOOLEAN of length 2, NULL with content, ...). */
  BadValue: 'BAD_VALUE',
  /** An INTEGER does not fit a JavaScript safe integer. */
  IntegerTooLarge: 'INTEGER_TOO_LARGE',
  /** The element nests deeper than the configured `maxDepth`. */
  TooDeep: 'TOO_DEEP',
  /** A frame is larger than the configured `maxFrameSize`. */
  FrameTooLarge: 'FRAME_TOO_LARGE',
  /** Bytes are left over after the outermost element. */
  TrailingBytes: 'TRAILING_BYTES',
  /** The bytes are well-formed BER but not a PDU this layer knows (unknown ROSE/ACSE tag). */
  UnknownPdu: 'UNKNOWN_PDU',
  /** A text encoding (XML, hex) is malformed. */
  BadSyntax: 'BAD_SYNTAX',
} as const;
export type DecodeErrorCode = (typeof DecodeErrorCode)[keyof typeof DecodeErrorCode];

/** Codes an {@link EncodeError} can carry. */
export const EncodeErrorCode = {
  /** A value does not fit its ASN.1 type (wrong JS type, unknown CHOICE alternative, unknown name). */
  BadValue: 'BAD_VALUE',
  /** A mandatory SEQUENCE component is missing from the value. */
  MissingField: 'MISSING_FIELD',
  /** The operation or message is not known to the schema. */
  UnknownOperation: 'UNKNOWN_OPERATION',
} as const;
export type EncodeErrorCode = (typeof EncodeErrorCode)[keyof typeof EncodeErrorCode];

/** Base class of every error raised by csta-link. */
export class CstaError extends Error {
  readonly code: string;
  /** True when retrying the same action may succeed (a timeout, a lost connection). */
  readonly retriable: boolean;
  constructor(code: string, message: string, options?: { cause?: unknown; retriable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options?.retriable ?? false;
  }
}

/** Details of a decoding failure; all but `code` and `offset` are optional. */
export interface DecodeErrorDetails {
  /** Tag the schema expected here, as BER identifier hex (e.g. `"a1"`). */
  readonly expected?: string;
  /** Tag actually found, as BER identifier hex. */
  readonly found?: string;
  /** Schema path of the element being decoded, e.g. `DeliveredEvent.callingDevice`. */
  readonly path?: string;
}

/** Malformed or unexpected input. `offset` is the byte offset within the frame. */
export class DecodeError extends CstaError {
  declare readonly code: DecodeErrorCode;
  readonly offset: number;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  readonly path: string | undefined;
  constructor(code: DecodeErrorCode, offset: number, message: string, details: DecodeErrorDetails = {}) {
    const parts = [message];
    if (details.expected !== undefined || details.found !== undefined) {
      parts.push(`(expected ${details.expected ?? '?'}, found ${details.found ?? '?'})`);
    }
    if (details.path !== undefined) parts.push(`in ${details.path}`);
    parts.push(`at offset ${offset}`);
    super(code, parts.join(' '));
    this.offset = offset;
    this.expected = details.expected;
    this.found = details.found;
    this.path = details.path;
  }
}

/** A value that cannot be encoded. `path` names the offending field. */
export class EncodeError extends CstaError {
  declare readonly code: EncodeErrorCode;
  readonly path: string | undefined;
  constructor(code: EncodeErrorCode, message: string, path?: string) {
    super(code, path === undefined ? message : `${message} in ${path}`);
    this.path = path;
  }
}
