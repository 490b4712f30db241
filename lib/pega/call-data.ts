/**
 * Call data → Pega CallInfoEvent: CSTA correlatorData and userData (UUI), accountInfo and
 * authCode. The UUI is parsed the way Pega's own Avaya engines parse it (audit W6; CO-CallClass,
 * Impl-CallData): a pipe-delimited set of values → the value list `pyCallVariables`, XML → the
 * value group `pyUserData`; the raw text stays in `pyApplicationData`. `key=value` items also go
 * to `pyNamedVariables` (the server-side call-variable group, SS-CallData).
 */
import { parseXmlDocument } from '../../protocol/xml/parse.js';
import { escapeText } from '../../protocol/xml/text.js';
import { octetsAsText, userDataText } from './csta-values.js';
import type { DeviceLine, LineCall } from './line-state.js';
import type { CallInfoEvent } from './types.js';

/** The call-data fields of CSTA events (DeliveredEvent, EstablishedEvent, CallInformationEvent...). */
export interface CallDataFields {
  readonly correlatorData?: string;
  readonly userData?: unknown;
  readonly accountInfo?: string;
  readonly authCode?: string;
}

/** Most UUI characters parsed into variables (larger UUI is still passed raw in pyApplicationData). */
export const MAX_PARSED_CALL_DATA = 4096;
/** Most values / entries taken from one UUI into pyCallVariables, pyUserData or pyNamedVariables. */
export const MAX_CALL_VARIABLES = 64;

/** Whether an event carries any call data worth a CallInfoEvent. */
export function hasCallData(d: CallDataFields): boolean {
  return d.correlatorData !== undefined || d.userData !== undefined || d.accountInfo !== undefined || d.authCode !== undefined;
}

/** Whether UUI text looks like an XML document (starts with `<` after blanks). */
function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text);
}

/**
 * A pipe-delimited UUI as Pega's value list: the values between `|`, in order (empty values kept,
 * so positions stay meaningful). XML, empty text and text over {@link MAX_PARSED_CALL_DATA} give [].
 * Text without a pipe is a list of one value.
 */
export function parseCallVariables(text: string): string[] {
  if (text === '' || text.length > MAX_PARSED_CALL_DATA || looksLikeXml(text)) return [];
  return text.split('|').slice(0, MAX_CALL_VARIABLES);
}

/**
 * An XML UUI as Pega's value group: each child element of the root → its text (a child with
 * children of its own → its descendants, named by their own local names). Not XML, not
 * well-formed, or over {@link MAX_PARSED_CALL_DATA} → {}. DTDs and entities are refused by the parser.
 */
export function parseUserData(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text.length > MAX_PARSED_CALL_DATA || !looksLikeXml(text)) return out;
  let root;
  try {
    root = parseXmlDocument(text.trim(), { maxFrameSize: MAX_PARSED_CALL_DATA * 4, maxDepth: 8 }).root;
  } catch {
    return out;
  }
  let count = 0;
  const walk = (children: typeof root.children): void => {
    for (const child of children) {
      if (count >= MAX_CALL_VARIABLES) return;
      if (child.children.length > 0) walk(child.children);
      else if (!Object.hasOwn(out, child.name)) {
        out[child.name] = child.text;
        count++;
      }
    }
  };
  walk(root.children);
  return out;
}

/**
 * `key=value` pairs of UUI text separated by `|`, `;` or `&`. Text that is not entirely such pairs
 * yields no variables.
 */
export function parseNamedVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '' || text.length > MAX_PARSED_CALL_DATA) return out;
  const parts = text.split(/[|;&]/);
  if (parts.length > MAX_CALL_VARIABLES) return out;
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return {};
    out[part.slice(0, eq).trim()] = part.slice(eq + 1);
  }
  return out;
}

/** Builds the CallInfoEvent for a call from an event's call data. */
export function callInfoEvent(line: DeviceLine, call: LineCall, data: CallDataFields): CallInfoEvent {
  const applicationData = userDataText(data.userData, line.octets);
  const named: Record<string, string> = { ...parseNamedVariables(applicationData) };
  if (data.accountInfo !== undefined) named.accountInfo = octetsAsText(data.accountInfo, line.octets);
  if (data.authCode !== undefined) named.authCode = octetsAsText(data.authCode, line.octets);
  call.callInfoSent = true;
  return {
    pyEventType: 'CallInfoEvent',
    pyEventName: 'CallInfo',
    pyCallId: call.pyCallId,
    pyThisDN: line.device,
    pyANI: call.ani,
    pyDNIS: call.dnis,
    pyApplicationData: applicationData,
    pyCorrelatorData: octetsAsText(data.correlatorData, line.octets),
    pyCallVariables: parseCallVariables(applicationData),
    pyUserData: parseUserData(applicationData),
    pyNamedVariables: named,
  };
}

/** Root element of XML-encoded outgoing call data (Pega's own name for it is not published; the audit's example uses it). */
export const OUTGOING_CALL_DATA_ROOT = 'CallData';

/** An XML name made of ASCII letters, digits, `_`, `-`, `.` (no colon: no namespaces in call data). */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Outgoing call data as the UUI text to send, in Pega's forms (CO-Tel-Avaya: "an XML-encoded
 * string"): raw `callData`; `userData` → `<CallData><key>value</key>…</CallData>`; `callVariables`
 * → `v1|v2|…`. Undefined when there is none; `{ error }` when it cannot be encoded (two forms at
 * once, a key that is not an XML name, a value with `|`, more than {@link MAX_CALL_VARIABLES} entries).
 */
export function encodeOutgoingCallData(r: { readonly callData?: string; readonly userData?: Readonly<Record<string, string>>; readonly callVariables?: readonly string[] }): string | { readonly error: string } | undefined {
  const forms = [r.callData !== undefined && r.callData !== '', r.userData !== undefined, r.callVariables !== undefined].filter(Boolean).length;
  if (forms > 1) return { error: 'give one of callData, userData, callVariables' };
  if (r.userData !== undefined) {
    const entries = Object.entries(r.userData);
    if (entries.length > MAX_CALL_VARIABLES) return { error: `userData has more than ${MAX_CALL_VARIABLES} entries` };
    let xml = `<${OUTGOING_CALL_DATA_ROOT}>`;
    for (const [k, v] of entries) {
      if (!XML_NAME.test(k)) return { error: `userData key ${JSON.stringify(k)} is not an XML name` };
      xml += `<${k}>${escapeText(v)}</${k}>`;
    }
    return `${xml}</${OUTGOING_CALL_DATA_ROOT}>`;
  }
  if (r.callVariables !== undefined) {
    if (r.callVariables.length > MAX_CALL_VARIABLES) return { error: `callVariables has more than ${MAX_CALL_VARIABLES} values` };
    if (r.callVariables.some((v) => v.includes('|'))) return { error: 'a callVariables value contains |' };
    return r.callVariables.join('|');
  }
  return r.callData === undefined || r.callData === '' ? undefined : r.callData;
}
