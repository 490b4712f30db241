/**
 * Writing ECMA-354 messages: the root in the ECMA-354 namespace (or the one the PDU names), the
 * known elements in schema order, then the raw vendor content and unknown elements as they were
 * kept. Raw XML supplied by an application is checked to be well-formed first, so a session never
 * sends a document the peer cannot parse.
 */
import { EncodeError, EncodeErrorCode } from '../errors.js';
import { DecodeError } from '../errors.js';
import { parseXmlDocument } from '../xml/parse.js';
import type { XmlWriter } from '../xml/writer.js';
import { APPL_SESSION_NAMESPACE, ROOT_OF_KIND } from './messages.js';
import type { ApplicationSessionMessage, ApplicationSessionPdu, ExtensionHolder, RawXml } from './messages.js';

/** Largest raw XML fragment written, in characters. */
export const MAX_RAW_XML = 65_536;

function need<T>(v: T | undefined, path: string): T {
  if (v === undefined || v === null) throw new EncodeError(EncodeErrorCode.MissingField, 'missing mandatory element', path);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new EncodeError(EncodeErrorCode.BadValue, `expected a string, got ${typeof v}`, path);
  return v;
}

function int(v: unknown, path: string): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new EncodeError(EncodeErrorCode.BadValue, `expected an integer, got ${JSON.stringify(v)}`, path);
  return String(v);
}

/** Throws EncodeError unless `raw` is well-formed XML content. */
export function checkRawXml(raw: unknown, path: string): RawXml {
  const s = str(raw, path);
  if (s.length > MAX_RAW_XML) throw new EncodeError(EncodeErrorCode.BadValue, `raw XML of ${s.length} characters exceeds ${MAX_RAW_XML}`, path);
  if (s === '') return s;
  try {
    parseXmlDocument(`<x>${s}</x>`, { maxFrameSize: MAX_RAW_XML + 16, maxDepth: 64 });
  } catch (e) {
    if (e instanceof DecodeError) throw new EncodeError(EncodeErrorCode.BadValue, `raw XML is not well-formed: ${e.message}`, path);
    throw e;
  }
  return s;
}

function container(w: XmlWriter, name: string, raw: RawXml): void {
  w.open(name);
  if (raw !== '') w.content(raw);
  w.close();
}

/** A CHOICE value `{ alternative: text }` with one of `alternatives`. */
function choice(w: XmlWriter, name: string, v: unknown, alternatives: readonly string[], path: string): void {
  const value = need(v, path) as Record<string, unknown>;
  const keys = typeof value === 'object' ? Object.keys(value) : [];
  if (keys.length !== 1 || !alternatives.includes(keys[0]!)) {
    throw new EncodeError(EncodeErrorCode.BadValue, `expected exactly one of ${alternatives.join(', ')}`, path);
  }
  w.open(name);
  w.leaf(keys[0]!, str(value[keys[0]!], `${path}.${keys[0]!}`));
  w.close();
}

function tail(w: XmlWriter, m: ExtensionHolder, path: string, actualHBT?: number): void {
  if (m.extensions !== undefined || actualHBT !== undefined) {
    w.open('extensions');
    if (actualHBT !== undefined) w.leaf('actualHBT', int(actualHBT, `${path}.actualHBT`));
    if (m.extensions !== undefined) {
      const raw = checkRawXml(m.extensions, `${path}.extensions`);
      if (raw !== '') w.content(raw);
    }
    w.close();
  }
  if (m.$xml !== undefined) m.$xml.forEach((x, i) => w.content(checkRawXml(x, `${path}.$xml[${i}]`)));
}

function body(w: XmlWriter, m: ApplicationSessionMessage, path: string): void {
  switch (m.kind) {
    case 'startApplicationSession': {
      const info = need(m.applicationInfo, `${path}.applicationInfo`);
      w.open('applicationInfo');
      if (info.applicationID !== undefined) w.leaf('applicationID', str(info.applicationID, `${path}.applicationInfo.applicationID`));
      if (info.applicationSpecificInfo !== undefined) {
        container(w, 'applicationSpecificInfo', checkRawXml(info.applicationSpecificInfo, `${path}.applicationInfo.applicationSpecificInfo`));
      }
      if (info.$xml !== undefined) info.$xml.forEach((x, i) => w.content(checkRawXml(x, `${path}.applicationInfo.$xml[${i}]`)));
      w.close();
      if (m.requestedProtocolVersions !== undefined) {
        w.open('requestedProtocolVersions');
        m.requestedProtocolVersions.forEach((v, i) => w.leaf('protocolVersion', str(v, `${path}.requestedProtocolVersions[${i}]`)));
        w.close();
      }
      if (m.requestedSessionDuration !== undefined) w.leaf('requestedSessionDuration', int(m.requestedSessionDuration, `${path}.requestedSessionDuration`));
      tail(w, m, path);
      return;
    }
    case 'startApplicationSessionPosResponse':
      w.leaf('sessionID', str(need(m.sessionID, `${path}.sessionID`), `${path}.sessionID`));
      if (m.actualProtocolVersion !== undefined) w.leaf('actualProtocolVersion', str(m.actualProtocolVersion, `${path}.actualProtocolVersion`));
      if (m.actualSessionDuration !== undefined) w.leaf('actualSessionDuration', int(m.actualSessionDuration, `${path}.actualSessionDuration`));
      tail(w, m, path, m.actualHBT);
      return;
    case 'startApplicationSessionNegResponse':
    case 'stopApplicationSessionNegResponse':
    case 'resetApplicationSessionTimerNegResponse':
      choice(w, 'errorCode', m.errorCode, ['definedError', 'applError'], `${path}.errorCode`);
      tail(w, m, path);
      return;
    case 'stopApplicationSession':
      w.leaf('sessionID', str(need(m.sessionID, `${path}.sessionID`), `${path}.sessionID`));
      choice(w, 'sessionEndReason', m.sessionEndReason, ['definedEndReason', 'appEndReason'], `${path}.sessionEndReason`);
      tail(w, m, path);
      return;
    case 'stopApplicationSessionPosResponse':
    case 'transferMonitorObjectsResponse':
      tail(w, m, path);
      return;
    case 'resetApplicationSessionTimer':
      w.leaf('sessionID', str(need(m.sessionID, `${path}.sessionID`), `${path}.sessionID`));
      if (m.requestedSessionDuration !== undefined) w.leaf('requestedSessionDuration', int(m.requestedSessionDuration, `${path}.requestedSessionDuration`));
      tail(w, m, path);
      return;
    case 'resetApplicationSessionTimerPosResponse':
      if (m.actualSessionDuration !== undefined) w.leaf('actualSessionDuration', int(m.actualSessionDuration, `${path}.actualSessionDuration`));
      tail(w, m, path);
      return;
    case 'applicationSessionTerminated':
      w.leaf('sessionID', str(need(m.sessionID, `${path}.sessionID`), `${path}.sessionID`));
      choice(w, 'sessionTermReason', m.sessionTermReason, ['definedTermReason', 'serverTermReason'], `${path}.sessionTermReason`);
      tail(w, m, path);
      return;
    case 'transferMonitorObjects':
      w.leaf('fromSessionID', str(need(m.fromSessionID, `${path}.fromSessionID`), `${path}.fromSessionID`));
      w.leaf('toSessionID', str(need(m.toSessionID, `${path}.toSessionID`), `${path}.toSessionID`));
      tail(w, m, path);
      return;
    default: {
      const never: never = m;
      throw new EncodeError(EncodeErrorCode.UnknownOperation, `unknown ECMA-354 message kind ${JSON.stringify((never as { kind?: unknown }).kind)}`);
    }
  }
}

/**
 * Writes an application session PDU's message as one XML element on `w` (the caller writes the
 * XML declaration, if any, and finishes the writer). Throws {@link EncodeError}.
 */
export function encodeApplicationSessionXml(pdu: ApplicationSessionPdu, w: XmlWriter): void {
  const m = pdu.message;
  const root = (ROOT_OF_KIND as Record<string, string | undefined>)[m?.kind];
  if (root === undefined) throw new EncodeError(EncodeErrorCode.UnknownOperation, `unknown ECMA-354 message kind ${JSON.stringify(m?.kind)}`);
  const ns = pdu.namespace ?? APPL_SESSION_NAMESPACE;
  w.open(root, ns === '' ? [] : [['xmlns', ns]]);
  body(w, m, root);
  w.close();
}
