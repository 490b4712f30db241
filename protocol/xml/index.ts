/**
 * ECMA-323 (CSTA XML) encoding of the same typed PDUs the BER codec produces, driven by the same
 * schema: `decodeXml(xml)` deep-equals `decodePdu(ber)` for the same message (given the same
 * invokeId, which XML does not carry), and `encodeXml(pdu)` writes the ECMA-323 form.
 * See docs/xml.md for the mapping rules and what was confirmed against ECMA-323.
 */
import { CstaError, DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from '../errors.js';
import { DEFAULT_MAX_FRAME_SIZE } from '../pdu.js';
import type { CstaPdu } from '../pdu.js';
import type { InvokeId } from '../rose/pdu.js';
import { UniversalFailure } from '../csta/types/error-definition.js';
import type { AnyCodec } from '../schema/index.js';
import { unwrap } from './context.js';
import { XmlValueReader } from './from-xml.js';
import { CROSS_REF_ELEMENT, ERROR_ROOT, EVENT_REPORT, messageTables, requestRoot } from './messages.js';
import { DEFAULT_EDITION, isEcma323Namespace, namespaceOf } from './namespaces.js';
import type { Ecma323Edition } from './namespaces.js';
import { hasText, parseXmlDocument, rootNamespace } from './parse.js';
import type { XmlElement } from './parse.js';
import { XmlValueWriter, emptyRootAlternative } from './to-xml.js';
import { XmlWriter } from './writer.js';

export type { Ecma323Edition } from './namespaces.js';
export { namespaceOf, isEcma323Namespace } from './namespaces.js';

export interface XmlDecodeOptions {
  /** The ROSE invokeId to put in the PDU (the CSTA-XML framing header carries it). @default 0 */
  readonly invokeId?: InvokeId;
  /** Largest message accepted, in characters (string input) or bytes. @default 1048576 */
  readonly maxFrameSize?: number;
  /** Deepest element nesting accepted. @default 64 */
  readonly maxDepth?: number;
  /** Reject a root element without a namespace (an ECMA-323 namespace of any edition is always accepted). @default false */
  readonly requireNamespace?: boolean;
}

export interface XmlEncodeOptions {
  /** ECMA-323 edition whose namespace the root gets. @default 4 */
  readonly edition?: Ecma323Edition;
  /** Namespace URI to use instead of the edition's; `''` writes no namespace. */
  readonly namespace?: string;
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first. @default true */
  readonly xmlDeclaration?: boolean;
  /** Indentation per level (a number of spaces or a string); none = one line. @default '' */
  readonly indent?: number | string;
}

export const DEFAULT_XML_MAX_DEPTH = 64;
const reader = new XmlValueReader();

type Loose = Record<string, unknown>;

function unknownRoot(root: XmlElement, why: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnknownPdu, root.offset, `<${root.name}> is not an ECMA-323 message this library knows (${why})`, { found: root.name });
}

/** A root's value: like any element, except that an empty root stands for a NULL alternative (`noData`). */
function readRoot(codec: AnyCodec, root: XmlElement): unknown {
  const c = unwrap(codec);
  if (c.kind === 'choice' && root.children.length === 0 && !hasText(root)) {
    const alt = emptyRootAlternative(c);
    if (alt !== undefined) return { [alt]: null };
  }
  return reader.value(codec, root);
}

function decodeRoot(root: XmlElement, invokeId: InvokeId): CstaPdu {
  const t = messageTables();
  const name = root.name;
  if (name === ERROR_ROOT) {
    return { pdu: 'returnError', invokeId, error: 'universalFailure', parameter: readRoot(UniversalFailure, root) } as CstaPdu;
  }
  const op = t.requests.get(name);
  if (op !== undefined) return { pdu: 'invoke', invokeId, operation: op.name, argument: readRoot(op.argument, root) } as CstaPdu;
  const res = t.responses.get(name);
  if (res !== undefined && res.result !== undefined) {
    return { pdu: 'returnResult', invokeId, operation: res.name, result: readRoot(res.result, root) } as CstaPdu;
  }
  const ev = t.events.get(name);
  if (ev !== undefined && t.crossRef !== undefined) {
    const refs = root.children.filter((c) => c.name === CROSS_REF_ELEMENT);
    if (refs.length !== 1) {
      throw new DecodeError(DecodeErrorCode.MissingField, root.offset, `<${name}> needs exactly one <${CROSS_REF_ELEMENT}>`, { expected: CROSS_REF_ELEMENT });
    }
    const crossRefIdentifier = reader.value(t.crossRef, refs[0]!);
    const body: XmlElement = { ...root, children: root.children.filter((c) => c !== refs[0]) };
    const value = readRoot(ev.codec, body);
    const argument = { crossRefIdentifier, eventSpecificInfo: { [ev.category]: { [ev.event]: value } } };
    return { pdu: 'invoke', invokeId, operation: EVENT_REPORT, argument } as CstaPdu;
  }
  throw unknownRoot(root, 'no operation, response, event or error of that name');
}

/**
 * Decodes one ECMA-323 XML message (string, or bytes in UTF-8 / ISO-8859-1 per its declaration).
 * `options` may be just the invokeId. Throws {@link DecodeError} (with code and character offset)
 * for anything malformed, hostile or unknown; never anything else.
 */
export function decodeXml(text: string | Uint8Array, options: XmlDecodeOptions | InvokeId = {}): CstaPdu {
  const opts: XmlDecodeOptions = typeof options === 'object' && options !== null ? options : { invokeId: options };
  try {
    const root = parseXmlDocument(text, {
      maxFrameSize: opts.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE,
      maxDepth: opts.maxDepth ?? DEFAULT_XML_MAX_DEPTH,
    });
    const ns = rootNamespace(root);
    if (ns !== undefined ? !isEcma323Namespace(ns) : opts.requireNamespace === true) {
      throw unknownRoot(root, ns === undefined ? 'no namespace' : `namespace ${ns}`);
    }
    return decodeRoot(root, opts.invokeId === undefined ? 0 : opts.invokeId);
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    // Defensive: a stack overflow or an unforeseen input shape must still surface as a DecodeError.
    throw new DecodeError(DecodeErrorCode.BadValue, 0, `XML could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function single(v: unknown, what: string): [string, unknown] {
  if (typeof v !== 'object' || v === null) throw new EncodeError(EncodeErrorCode.BadValue, `${what} needs a single-key object`);
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] === '$unknown') {
    throw new EncodeError(EncodeErrorCode.UnknownOperation, `${what}: an alternative unknown to the schema has no ECMA-323 element name`);
  }
  return [keys[0]!, (v as Loose)[keys[0]!]];
}

function noName(what: string): EncodeError {
  return new EncodeError(EncodeErrorCode.UnknownOperation, `${what} has no ECMA-323 form`);
}

function encodeRoot(enc: XmlValueWriter, pdu: CstaPdu, attrs: [string, string][]): void {
  const t = messageTables();
  switch (pdu.pdu) {
    case 'invoke': {
      if (pdu.operation === 'unknown') throw noName(`an invoke of an unknown operation (${JSON.stringify(pdu.opcode)})`);
      if (pdu.operation === EVENT_REPORT) {
        const arg = pdu.argument as Loose;
        const [category, events] = single(arg.eventSpecificInfo, 'EventSpecificInfo');
        const [event, value] = single(events, category);
        const entry = t.eventsByPath.get(`${category}.${event}`);
        if (entry === undefined || t.crossRef === undefined) throw noName(`event ${category}.${event}`);
        const crossRef = t.crossRef;
        enc.root(entry.root, attrs, entry.codec, value, () => enc.element(crossRef, arg.crossRefIdentifier, CROSS_REF_ELEMENT));
        return;
      }
      const name = requestRoot(pdu.operation);
      const op = t.requests.get(name);
      if (op === undefined) throw noName(`operation ${pdu.operation}`);
      enc.root(name, attrs, op.argument, pdu.argument);
      return;
    }
    case 'returnResult': {
      if (!('operation' in pdu)) throw noName('a returnResult without result (no operation to name it by)');
      if (pdu.operation === 'unknown') throw noName(`a result of an unknown operation (${JSON.stringify(pdu.opcode)})`);
      const name = `${requestRoot(pdu.operation)}Response`;
      const op = t.responses.get(name);
      if (op === undefined || op.result === undefined) throw noName(`a result of ${pdu.operation}`);
      enc.root(name, attrs, op.result, pdu.result);
      return;
    }
    case 'returnError':
      if (pdu.error !== 'universalFailure') throw noName(`error ${JSON.stringify(pdu.errcode)}`);
      enc.root(ERROR_ROOT, attrs, UniversalFailure, pdu.parameter);
      return;
    case 'reject':
      throw noName('a ROSE reject');
    default:
      throw noName(`PDU ${JSON.stringify((pdu as { pdu?: unknown }).pdu)}`);
  }
}

/**
 * Encodes a PDU as an ECMA-323 XML message. The invokeId is not part of the XML (put it in the
 * CSTA-XML framing header). Throws {@link EncodeError} for values the schema rejects and for PDUs
 * ECMA-323 cannot express (ROSE rejects, unknown operations, raw BER components).
 */
export function encodeXml(pdu: CstaPdu, options: XmlEncodeOptions = {}): string {
  const indent = typeof options.indent === 'number' ? ' '.repeat(options.indent) : (options.indent ?? '');
  const w = new XmlWriter(indent);
  if (options.xmlDeclaration !== false) w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  const ns = options.namespace ?? namespaceOf(options.edition ?? DEFAULT_EDITION);
  const attrs: [string, string][] = ns === '' ? [] : [['xmlns', ns]];
  try {
    encodeRoot(new XmlValueWriter(w), pdu, attrs);
  } catch (e) {
    if (e instanceof CstaError) throw e;
    throw new EncodeError(EncodeErrorCode.BadValue, `PDU could not be encoded as XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  return w.finish();
}
