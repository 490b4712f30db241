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
import { uniqueSource } from '../schema/compile.js';
import { unwrap } from './context.js';
import { XmlValueReader, readerOf, rootReaderOf } from './from-xml.js';
import type { RootRead } from './from-xml.js';
import { CROSS_REF_ELEMENT, ERROR_ROOT, EVENT_REPORT, messageTables, requestRoot } from './messages.js';
import type { EventEntry } from './messages.js';
import { DEFAULT_EDITION, editionOfNamespace, isEcma323Namespace, namespaceOf } from './namespaces.js';
import type { Ecma323Edition } from './namespaces.js';
import { parseXmlDocument, rootNamespace } from './parse.js';
import type { XmlElement } from './parse.js';
import type { XmlDecodeWarning } from './from-xml.js';
import { serialiseElement } from './raw.js';
import { nameKey } from './spellings.js';
import { asXmlElement, vendorElementOf } from './vendor.js';
import type { VendorPdu } from './vendor.js';
import { XmlValueWriter, emptyRootAlternative } from './to-xml.js';
import { XmlWriter } from './writer.js';
import { encodeApplicationSessionXml } from '../ecma354/index.js';
import { applicationSessionKindOf, decodeApplicationSessionOfKind } from '../ecma354/decode.js';
import type { ApplicationSessionKind } from '../ecma354/messages.js';
import type { OperationDefinition } from '../csta/operation.js';

export type { Ecma323Edition } from './namespaces.js';
export { namespaceOf, isEcma323Namespace, editionOfNamespace } from './namespaces.js';
export type { VendorPdu, VendorElement } from './vendor.js';
export { vendorPdu, vendorElement } from './vendor.js';
export { messageNameOf } from './messages.js';

export interface XmlDecodeOptions {
  /** The ROSE invokeId to put in the PDU (the CSTA-XML framing header carries it). @default 0 */
  readonly invokeId?: InvokeId;
  /** Largest message accepted, in characters (string input) or bytes. @default 1048576 */
  readonly maxFrameSize?: number;
  /** Deepest element nesting accepted. @default 64 */
  readonly maxDepth?: number;
  /** Reject a root element without a namespace (an ECMA-323 namespace of any edition is always accepted). @default false */
  readonly requireNamespace?: boolean;
  /**
   * Conformance reading: refuse unknown elements and roots, repeated or missing components, empty
   * elements that cannot be empty and vendor typeOfNumber values, instead of keeping them raw
   * (`$xml`, vendor PDUs) with a warning. @default false
   */
  readonly strict?: boolean;
  /**
   * Bytes whose declaration says UTF-16 but that have no UTF-16 byte order mark are read as UTF-8
   * with a warning (Uni-tel writes a .NET string's declaration on UTF-8 text). Off, that is the
   * fatal error XML 1.0 makes it (BAD_SYNTAX at the declaration). @default false
   */
  readonly utf16DeclarationAsUtf8?: boolean;
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

/** A decoded message and what was learnt about its dialect on the way. */
export interface XmlMessage {
  readonly pdu: CstaPdu;
  /** The root element's local name as written (`TransferedEvent`, `SnapShotDevice`). */
  readonly root: string;
  /** The root's namespace URI; undefined when it has none (Zultys, Uni-tel requests). */
  readonly namespace: string | undefined;
  /** The ECMA-323 edition that namespace names, if it does. */
  readonly edition: number | undefined;
  /** What was read leniently (unknown elements kept raw, a misdeclared encoding, ...). */
  readonly warnings: readonly XmlDecodeWarning[];
}

export type { XmlDecodeWarning } from './from-xml.js';

export const DEFAULT_XML_MAX_DEPTH = 64;

type Loose = Record<string, unknown>;

function unknownRoot(root: XmlElement, why: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnknownPdu, root.offset, `<${root.name}> is not an ECMA-323 message this library knows (${why})`, { found: root.name });
}

/** What a root element's name names, looked up once per name as written. */
type RootEntry =
  | { readonly kind: 'session'; readonly session: ApplicationSessionKind }
  | { readonly kind: 'error'; readonly read: RootRead }
  | { readonly kind: 'request'; readonly op: OperationDefinition; readonly read: RootRead }
  | { readonly kind: 'response'; readonly op: OperationDefinition; readonly read: RootRead }
  | { readonly kind: 'event'; readonly read: RootRead; readonly crossRef: RootRead; readonly info: (value: unknown) => unknown }
  | { readonly kind: 'none' };

const NO_ROOT: RootEntry = { kind: 'none' };

/** Root names already looked up (as written: `DeliveredEvent`, `SnapShotDevice`). */
const roots = new Map<string, RootEntry>();
/** Bound of `roots`: the schema's roots are a few hundred; a peer's made-up names go uncached past it. */
const MAX_CACHED_ROOTS = 1024;

function rootEntryOf(name: string): RootEntry {
  const session = applicationSessionKindOf(name); // ECMA-354, tried first
  if (session !== undefined) return { kind: 'session', session };
  const t = messageTables();
  const key = nameKey(name);
  if (key === ERROR_KEY) return { kind: 'error', read: rootReader(UniversalFailure) };
  const op = t.requests.get(key);
  if (op !== undefined) return { kind: 'request', op, read: rootReader(op.argument) };
  const res = t.responses.get(key);
  if (res !== undefined && res.result !== undefined) return { kind: 'response', op: res, read: rootReader(res.result) };
  const ev = t.events.get(key);
  if (ev !== undefined && t.crossRef !== undefined) return { kind: 'event', read: rootReader(ev.codec), crossRef: readerOf(t.crossRef), info: eventSpecificInfo(ev) };
  return NO_ROOT;
}

/** The reader of a root of `codec` (an empty root of a CHOICE is its NULL alternative). */
function rootReader(codec: AnyCodec): RootRead {
  const c = unwrap(codec);
  return rootReaderOf(codec, c.kind === 'choice' ? emptyRootAlternative(c) : undefined);
}

const eventInfos = new WeakMap<EventEntry, (value: unknown) => unknown>();

/**
 * The EventSpecificInfo of an event's value, `{ category: { event: value } }`, made by a function
 * with the two names as constants (an object literal V8 builds with a known shape) rather than
 * computed keys. Only schema identifiers reach the generated source.
 */
function eventSpecificInfo(ev: EventEntry): (value: unknown) => unknown {
  let make = eventInfos.get(ev);
  if (make === undefined) {
    const source = `return function eventSpecificInfo(v) { return { ${JSON.stringify(ev.category)}: { ${JSON.stringify(ev.event)}: v } }; };`;
    make = new Function(uniqueSource(source))() as (value: unknown) => unknown;
    eventInfos.set(ev, make);
  }
  return make;
}

function rootEntry(name: string): RootEntry {
  let e = roots.get(name);
  if (e === undefined) {
    e = rootEntryOf(name);
    if (roots.size < MAX_CACHED_ROOTS) roots.set(name, e);
  }
  return e;
}

/** The CSTA PDU of a root element, or undefined when its name is no CSTA message. */
function decodeCstaRoot(reader: XmlValueReader, entry: RootEntry, root: XmlElement, invokeId: InvokeId): CstaPdu | undefined {
  switch (entry.kind) {
    case 'error':
      return { pdu: 'returnError', invokeId, error: 'universalFailure', parameter: entry.read(reader, root) } as CstaPdu;
    case 'request':
      return { pdu: 'invoke', invokeId, operation: entry.op.name, argument: entry.read(reader, root) } as CstaPdu;
    case 'response':
      return { pdu: 'returnResult', invokeId, operation: entry.op.name, result: entry.read(reader, root) } as CstaPdu;
    case 'event': {
      let ref: XmlElement | undefined;
      let refs = 0;
      for (const c of root.children) {
        // Only a name of that length can be it, in whatever letter case: no lower-casing of the others.
        if (c.name === CROSS_REF_ELEMENT || (c.name.length === CROSS_REF_KEY.length && nameKey(c.name) === CROSS_REF_KEY)) {
          ref ??= c;
          refs++;
        }
      }
      if (ref === undefined || refs !== 1) {
        throw new DecodeError(DecodeErrorCode.MissingField, root.offset, `<${root.name}> needs exactly one <${CROSS_REF_ELEMENT}>`, { expected: CROSS_REF_ELEMENT });
      }
      const crossRefIdentifier = entry.crossRef(reader, ref);
      const value = entry.read(reader, root, ref);
      const argument = { crossRefIdentifier, eventSpecificInfo: entry.info(value) };
      return { pdu: 'invoke', invokeId, operation: EVENT_REPORT, argument } as CstaPdu;
    }
    case 'session':
    case 'none':
      return undefined;
    default: {
      const never: never = entry;
      return never;
    }
  }
}

const ERROR_KEY = nameKey(ERROR_ROOT);
const CROSS_REF_KEY = nameKey(CROSS_REF_ELEMENT);

function parseOptions(options: XmlDecodeOptions | InvokeId): XmlDecodeOptions {
  return typeof options === 'object' && options !== null ? options : { invokeId: options };
}

/**
 * Decodes one XML message from a CSTA link and says what dialect it was in. Roots are matched by
 * local name in any namespace (ECMA-323 of every edition and site, none, any prefix) and any letter
 * case, ECMA's misspelt names included (`TransferedEvent`). A well-formed message that is not CSTA
 * becomes a {@link VendorPdu}; with `strict`, an `UNKNOWN_PDU` error. Throws {@link DecodeError}
 * (code and character offset) for malformed XML, and for values that break the schema.
 */
export function decodeXmlMessage(text: string | Uint8Array, options: XmlDecodeOptions | InvokeId = {}): XmlMessage {
  const opts = parseOptions(options);
  const invokeId = opts.invokeId === undefined ? 0 : opts.invokeId;
  const parseWarnings: XmlDecodeWarning[] = [];
  try {
    const doc = parseXmlDocument(text, {
      maxFrameSize: opts.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE,
      maxDepth: opts.maxDepth ?? DEFAULT_XML_MAX_DEPTH,
      warnings: parseWarnings,
      utf16DeclarationAsUtf8: opts.utf16DeclarationAsUtf8 === true,
    });
    const root = doc.root;
    const namespace = rootNamespace(root);
    const entry = rootEntry(root.name);
    if (entry.kind === 'session') {
      // ECMA-354, any namespace
      const session = decodeApplicationSessionOfKind(entry.session, root, invokeId, { source: doc.text, strict: opts.strict === true });
      return { pdu: session, root: root.name, namespace, edition: namespace === undefined ? undefined : editionOfNamespace(namespace), warnings: parseWarnings };
    }
    if (namespace === undefined && opts.requireNamespace === true) throw unknownRoot(root, 'no namespace');
    if (namespace !== undefined && opts.strict === true && !isEcma323Namespace(namespace)) throw unknownRoot(root, `namespace ${namespace}`);
    const reader = new XmlValueReader({ strict: opts.strict === true, root, namespace, source: doc.text });
    const edition = namespace === undefined ? undefined : editionOfNamespace(namespace);
    let pdu = decodeCstaRoot(reader, entry, root, invokeId);
    if (pdu === undefined) {
      if (opts.strict === true) throw unknownRoot(root, namespace === undefined ? 'no operation, response, event or error of that name' : `namespace ${namespace}`);
      const vendor: VendorPdu = { pdu: 'vendor', invokeId, root: root.name, namespace, element: vendorElementOf(root), xml: doc.text };
      pdu = vendor;
    }
    return { pdu, root: root.name, namespace, edition, warnings: reader.warnings === undefined ? parseWarnings : parseWarnings.length === 0 ? reader.warnings : [...parseWarnings, ...reader.warnings] };
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    // Defensive: a stack overflow or an unforeseen input shape must still surface as a DecodeError.
    throw new DecodeError(DecodeErrorCode.BadValue, 0, `XML could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Decodes one ECMA-323 XML message (string, or bytes in UTF-8 / ISO-8859-1 per its declaration).
 * `options` may be just the invokeId. See {@link decodeXmlMessage}, which also returns the
 * message's namespace and the warnings; this returns only the PDU.
 */
export function decodeXml(text: string | Uint8Array, options: XmlDecodeOptions | InvokeId = {}): CstaPdu {
  return decodeXmlMessage(text, options).pdu;
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
      // ECMA-323 has no linked invokes: refusing beats dropping the link silently.
      if ((pdu as { linkedId?: unknown }).linkedId !== undefined) throw noName('a linked invoke (ROSE linkedId)');
      if (pdu.operation === EVENT_REPORT) {
        const arg = pdu.argument as Loose;
        for (const k of Object.keys(arg)) {
          if (k !== 'crossRefIdentifier' && k !== 'eventSpecificInfo') throw noName(`CSTAEventReportArgument.${k}`);
        }
        const [category, events] = single(arg.eventSpecificInfo, 'EventSpecificInfo');
        const [event, value] = single(events, category);
        const entry = t.eventsByPath.get(`${category}.${event}`);
        if (entry === undefined || t.crossRef === undefined) throw noName(`event ${category}.${event}`);
        const crossRef = t.crossRef;
        enc.root(entry.root, attrs, entry.codec, value, () => enc.element(crossRef, arg.crossRefIdentifier, CROSS_REF_ELEMENT));
        return;
      }
      const name = requestRoot(pdu.operation);
      const op = t.requests.get(nameKey(name));
      if (op === undefined) throw noName(`operation ${pdu.operation}`);
      enc.root(name, attrs, op.argument, pdu.argument);
      return;
    }
    case 'returnResult': {
      if (!('operation' in pdu)) throw noName('a returnResult without result (no operation to name it by)');
      if (pdu.operation === 'unknown') throw noName(`a result of an unknown operation (${JSON.stringify(pdu.opcode)})`);
      const name = `${requestRoot(pdu.operation)}Response`;
      const op = t.responses.get(nameKey(name));
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
    case 'vendor':
      // Written by encodeXml before the writer is set up (it is the whole document).
      throw noName('a vendor message inside another');
    case 'applicationSession':
      throw noName('an ECMA-354 message inside another'); // written by encodeXml
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
  if (pdu.pdu === 'vendor') return pdu.xml ?? (options.xmlDeclaration !== false ? '<?xml version="1.0" encoding="UTF-8"?>' : '') + serialiseElement(asXmlElement(pdu.element));
  const indent = typeof options.indent === 'number' ? ' '.repeat(options.indent) : (options.indent ?? '');
  const w = new XmlWriter(indent);
  if (options.xmlDeclaration !== false) w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  const ns = options.namespace ?? namespaceOf(options.edition ?? DEFAULT_EDITION);
  const attrs: [string, string][] = ns === '' ? [] : [['xmlns', ns]];
  try {
    if (pdu.pdu === 'applicationSession') encodeApplicationSessionXml(pdu, w); // its own namespace (pdu.namespace), not the CSTA one
    else encodeRoot(new XmlValueWriter(w), pdu, attrs);
  } catch (e) {
    if (e instanceof CstaError) throw e;
    throw new EncodeError(EncodeErrorCode.BadValue, `PDU could not be encoded as XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  return w.finish();
}
