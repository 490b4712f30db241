/**
 * Reading ECMA-354 messages from a parsed XML root. Roots and children are matched by local name
 * in any namespace and any letter case (the ECMA-354 namespace, none at all as OpenScape Voice and
 * Uni-tel write requests, Uni-tel's ECMA-323 ed6 namespace on responses, Avaya's CSTA namespace
 * on TransferMonitorObjects); children in any order. Unknown children are kept raw in `$xml`,
 * vendor containers (`applicationSpecificInfo`, `extensions`) raw as a whole. Malformed values (a
 * duration that is not an integer, a missing sessionID, a repeated element) are DecodeErrors
 * located at the offending element.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { InvokeId } from '../rose/pdu.js';
import type { XmlElement } from '../xml/parse.js';
import { hasText, rootNamespace } from '../xml/parse.js';
import { declarationsOf, rawXml } from '../xml/raw.js';
import type { NamespaceScope } from '../xml/raw.js';
import { escapeText } from '../xml/text.js';
import { nameKey } from '../xml/spellings.js';
import { ROOT_OF_KIND } from './messages.js';
import type { ApplicationSessionKind, ApplicationSessionMessage, ApplicationSessionPdu, ErrorCode, RawXml } from './messages.js';

type Mutable = Record<string, unknown>;

const KIND_OF_ROOT: ReadonlyMap<string, ApplicationSessionKind> = new Map(
  (Object.entries(ROOT_OF_KIND) as [ApplicationSessionKind, string][]).map(([kind, root]) => [nameKey(root), kind]),
);

/** The ECMA-354 kind a root's local name names, if it does. */
export function applicationSessionKindOf(rootName: string): ApplicationSessionKind | undefined {
  return KIND_OF_ROOT.get(nameKey(rootName));
}

/** What reading one message needs: where names are declared, and the message's namespace. */
interface Ctx {
  readonly namespace: string | undefined;
  readonly path: string;
  /** The document text, so raw content is kept exactly as written (when the parser gave end offsets). */
  readonly source: string | undefined;
  /** Refuse unknown elements instead of keeping them in `$xml`. */
  readonly strict: boolean;
}

/** Options of {@link decodeApplicationSessionElement}. */
export interface ApplicationSessionDecodeOptions {
  /** The document's text: raw vendor content is then kept exactly as written, else serialised again. */
  readonly source?: string;
  /** Conformance reading: an element the message does not define is an UNEXPECTED_TAG DecodeError. @default false */
  readonly strict?: boolean;
}

function bad(el: XmlElement, ctx: Ctx, message: string, code: DecodeErrorCode = DecodeErrorCode.BadValue): DecodeError {
  return new DecodeError(code, el.offset, message, { path: `${ctx.path}.${el.name}` });
}

/** The children of `el`: the known ones by name (once each), the others raw. */
class Children {
  private readonly found = new Map<string, XmlElement>();
  readonly extra: RawXml[] = [];
  readonly scope: NamespaceScope;

  constructor(
    private readonly el: XmlElement,
    outer: NamespaceScope,
    known: readonly string[],
    private readonly ctx: Ctx,
  ) {
    this.scope = declarationsOf(el, outer);
    const keys = new Set(known.map(nameKey));
    for (const c of el.children) {
      const key = nameKey(c.name);
      if (!keys.has(key)) {
        if (ctx.strict) throw bad(c, ctx, `<${c.name}> is not an element of <${el.name}>`, DecodeErrorCode.UnexpectedTag);
        this.extra.push(rawXml(c, this.scope, ctx.namespace, ctx.source));
        continue;
      }
      if (this.found.has(key)) throw bad(c, ctx, `<${c.name}> appears more than once`);
      this.found.set(key, c);
    }
  }

  get(name: string): XmlElement | undefined {
    return this.found.get(nameKey(name));
  }

  need(name: string): XmlElement {
    const c = this.get(name);
    if (c === undefined) {
      throw new DecodeError(DecodeErrorCode.MissingField, this.el.offset, `<${this.el.name}> has no <${name}>`, { expected: name, path: this.ctx.path });
    }
    return c;
  }

  /** `$xml` for the value, when something unknown was kept. */
  rawRest(out: Mutable): void {
    if (this.extra.length > 0) out.$xml = this.extra;
  }
}

/** Character data of a leaf element, exactly as written. */
function text(el: XmlElement, ctx: Ctx): string {
  if (el.children.length > 0) throw bad(el, ctx, `<${el.name}> must hold text, not elements`);
  return el.text;
}

/** An xsd:integer (leading/trailing whitespace allowed, as XML Schema collapses it). */
function integer(el: XmlElement, ctx: Ctx): number {
  const t = text(el, ctx).trim();
  if (!/^[+-]?\d{1,16}$/.test(t)) throw bad(el, ctx, `<${el.name}> is not an integer: ${JSON.stringify(t.slice(0, 40))}`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw bad(el, ctx, `<${el.name}> ${t} is too large`, DecodeErrorCode.IntegerTooLarge);
  return n;
}

/** The content of a vendor container (xsd:any), raw. */
function rawContent(el: XmlElement, outer: NamespaceScope, ctx: Ctx): RawXml {
  const scope = declarationsOf(el, outer);
  if (el.children.length > 0) return el.children.map((c) => rawXml(c, scope, ctx.namespace, ctx.source)).join('');
  return hasText(el) ? escapeText(el.text) : '';
}

/** A CHOICE written as one child element naming the alternative. */
function choice(el: XmlElement, outer: NamespaceScope, alternatives: readonly string[], ctx: Ctx): Record<string, string> {
  const kids = new Children(el, outer, alternatives, ctx);
  const present = alternatives.map((a) => kids.get(a)).filter((c): c is XmlElement => c !== undefined);
  if (present.length !== 1) {
    throw new DecodeError(DecodeErrorCode.BadValue, el.offset, `<${el.name}> must hold exactly one of ${alternatives.map((a) => `<${a}>`).join(', ')}`, {
      expected: alternatives.join('|'),
      path: `${ctx.path}.${el.name}`,
    });
  }
  const alt = alternatives.find((a) => nameKey(a) === nameKey(present[0]!.name))!;
  return { [alt]: text(present[0]!, ctx) };
}

function errorCode(kids: Children, ctx: Ctx): ErrorCode<string> {
  return choice(kids.need('errorCode'), kids.scope, ['definedError', 'applError'], ctx) as unknown as ErrorCode<string>;
}

function extensions(kids: Children, out: Mutable, ctx: Ctx): void {
  const ext = kids.get('extensions');
  if (ext !== undefined) out.extensions = rawContent(ext, kids.scope, ctx);
}

/** OpenScape Voice's `extensions/actualHBT` read out; the rest of extensions stays raw. */
function extensionsWithHbt(kids: Children, out: Mutable, ctx: Ctx): void {
  const ext = kids.get('extensions');
  if (ext === undefined) return;
  const inner = new Children(ext, kids.scope, ['actualHBT'], { ...ctx, strict: false }); // xsd:any
  const hbt = inner.get('actualHBT');
  if (hbt === undefined) {
    out.extensions = rawContent(ext, kids.scope, ctx);
    return;
  }
  out.actualHBT = integer(hbt, ctx);
  if (inner.extra.length > 0) out.extensions = inner.extra.join('');
}

const COMMON = ['extensions'] as const;

function readMessage(kind: ApplicationSessionKind, root: XmlElement, ctx: Ctx): ApplicationSessionMessage {
  const scope0: NamespaceScope = new Map();
  const out: Mutable = { kind };
  const kids = (known: readonly string[]): Children => new Children(root, scope0, [...known, ...COMMON], ctx);
  switch (kind) {
    case 'startApplicationSession': {
      const k = kids(['applicationInfo', 'requestedProtocolVersions', 'requestedSessionDuration']);
      const infoEl = k.need('applicationInfo');
      const info = new Children(infoEl, k.scope, ['applicationID', 'applicationSpecificInfo'], { ...ctx, path: `${ctx.path}.applicationInfo` });
      const applicationInfo: Mutable = {};
      const id = info.get('applicationID');
      if (id !== undefined) applicationInfo.applicationID = text(id, ctx);
      const asi = info.get('applicationSpecificInfo');
      if (asi !== undefined) applicationInfo.applicationSpecificInfo = rawContent(asi, info.scope, ctx);
      info.rawRest(applicationInfo);
      out.applicationInfo = applicationInfo;
      const versions = k.get('requestedProtocolVersions');
      if (versions !== undefined) {
        const vctx = { ...ctx, path: `${ctx.path}.requestedProtocolVersions` };
        const list: string[] = [];
        for (const c of versions.children) {
          if (nameKey(c.name) !== nameKey('protocolVersion')) throw bad(c, vctx, `<${c.name}> in <requestedProtocolVersions> (only <protocolVersion>)`, DecodeErrorCode.UnexpectedTag);
          list.push(text(c, vctx));
        }
        out.requestedProtocolVersions = list;
      }
      const dur = k.get('requestedSessionDuration');
      if (dur !== undefined) out.requestedSessionDuration = integer(dur, ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'startApplicationSessionPosResponse': {
      const k = kids(['sessionID', 'actualProtocolVersion', 'actualSessionDuration']);
      out.sessionID = text(k.need('sessionID'), ctx);
      const v = k.get('actualProtocolVersion');
      if (v !== undefined) out.actualProtocolVersion = text(v, ctx);
      const d = k.get('actualSessionDuration');
      if (d !== undefined) out.actualSessionDuration = integer(d, ctx);
      extensionsWithHbt(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'startApplicationSessionNegResponse':
    case 'stopApplicationSessionNegResponse':
    case 'resetApplicationSessionTimerNegResponse': {
      const k = kids(['errorCode']);
      out.errorCode = errorCode(k, ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'stopApplicationSession': {
      const k = kids(['sessionID', 'sessionEndReason']);
      out.sessionID = text(k.need('sessionID'), ctx);
      out.sessionEndReason = choice(k.need('sessionEndReason'), k.scope, ['definedEndReason', 'appEndReason'], ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'stopApplicationSessionPosResponse':
    case 'transferMonitorObjectsResponse': {
      const k = kids([]);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'resetApplicationSessionTimer': {
      const k = kids(['sessionID', 'requestedSessionDuration']);
      out.sessionID = text(k.need('sessionID'), ctx);
      const d = k.get('requestedSessionDuration');
      if (d !== undefined) out.requestedSessionDuration = integer(d, ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'resetApplicationSessionTimerPosResponse': {
      const k = kids(['actualSessionDuration']);
      const d = k.get('actualSessionDuration');
      if (d !== undefined) out.actualSessionDuration = integer(d, ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'applicationSessionTerminated': {
      const k = kids(['sessionID', 'sessionTermReason']);
      out.sessionID = text(k.need('sessionID'), ctx);
      out.sessionTermReason = choice(k.need('sessionTermReason'), k.scope, ['definedTermReason', 'serverTermReason'], ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    case 'transferMonitorObjects': {
      const k = kids(['fromSessionID', 'toSessionID']);
      out.fromSessionID = text(k.need('fromSessionID'), ctx);
      out.toSessionID = text(k.need('toSessionID'), ctx);
      extensions(k, out, ctx);
      k.rawRest(out);
      break;
    }
    default: {
      const never: never = kind;
      throw new DecodeError(DecodeErrorCode.UnknownPdu, root.offset, `unknown ECMA-354 kind ${String(never)}`);
    }
  }
  return out as unknown as ApplicationSessionMessage;
}

/**
 * The application session PDU of a parsed root, or undefined when the root's local name is no
 * ECMA-354 (or Avaya TransferMonitorObjects) message. Throws {@link DecodeError} (with the
 * element's character offset) for a malformed one.
 */
export function decodeApplicationSessionElement(root: XmlElement, invokeId: InvokeId, options: ApplicationSessionDecodeOptions = {}): ApplicationSessionPdu | undefined {
  const kind = applicationSessionKindOf(root.name);
  return kind === undefined ? undefined : decodeApplicationSessionOfKind(kind, root, invokeId, options);
}

/**
 * {@link decodeApplicationSessionElement} of a root already known (by {@link applicationSessionKindOf})
 * to be a message of `kind`: the XML decoder looks the kind up once per root name.
 */
export function decodeApplicationSessionOfKind(kind: ApplicationSessionKind, root: XmlElement, invokeId: InvokeId, options: ApplicationSessionDecodeOptions = {}): ApplicationSessionPdu {
  const namespace = rootNamespace(root);
  const message = readMessage(kind, root, { namespace, path: ROOT_OF_KIND[kind], source: options.source, strict: options.strict === true });
  return { pdu: 'applicationSession', invokeId, message, namespace: namespace ?? '' };
}
