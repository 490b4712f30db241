/**
 * Output forms of `csta decode`: the annotated tree (text), and one JSON record per frame
 * (`--json` / `--ndjson`).
 *
 * Tree lines are `OFFSET LENGTH  name (Type): value` (two 6-wide columns), offsets counted from the first byte of the
 * PDU (the framing prefix excluded), the same base as the offsets in decode errors.
 */
import { Buffer } from 'node:buffer';
import type { CstaPdu } from '../../protocol/pdu.js';
import { annotatePdu } from './annotate.js';
import type { AnnotatedNode } from './annotate.js';
import { summarizeError } from './frames.js';
import type { ErrorSummary, FrameResult } from './frames.js';
import { jsonReplacer } from './values.js';
import { wireBitLengths } from '../../protocol/schema/bit-length.js';

/** The JSON form of a frame: `{ index, offset, length, direction?, timestamp?, stream?, encoding, pdu | error }`. */
export interface FrameRecord {
  readonly index: number;
  readonly offset: number;
  readonly length: number;
  readonly direction?: string;
  readonly timestamp?: string;
  readonly stream?: number;
  readonly encoding?: 'ber' | 'xml';
  /** The message's name: the XML root as written, or the operation / event of a BER PDU. */
  readonly message?: string;
  /** What an XML message needed lenient reading for (unknown elements kept raw, ...). */
  readonly warnings?: readonly { readonly offset: number; readonly message: string }[];
  readonly pdu?: unknown;
  /**
   * BIT STRINGs of `pdu` the sender wrote longer than their set bits need, by JSON pointer into
   * `pdu`: their length in bits, so `csta encode` writes them back byte for byte (absent when none).
   */
  readonly wireBitLengths?: Readonly<Record<string, number>>;
  readonly error?: ErrorSummary;
}

/** `{ wireBitLengths }` for a PDU with BIT STRINGs longer than minimal, else nothing. */
function withBitLengths(pdu: unknown): { wireBitLengths?: Readonly<Record<string, number>> } {
  const lengths = pdu === undefined ? undefined : wireBitLengths(pdu);
  return lengths === undefined ? {} : { wireBitLengths: lengths };
}

/** The JSON record of a frame (plain data: Buffers already hex). */
export function frameRecord(f: FrameResult): FrameRecord {
  const record: FrameRecord = {
    index: f.index,
    offset: f.offset,
    length: f.length,
    ...(f.direction !== undefined ? { direction: f.direction } : {}),
    ...(f.timestamp !== undefined ? { timestamp: f.timestamp } : {}),
    ...(f.stream !== undefined ? { stream: f.stream } : {}),
    ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
    ...(f.message !== undefined ? { message: f.message } : {}),
    ...(f.warnings !== undefined && f.warnings.length > 0 ? { warnings: f.warnings } : {}),
    ...(f.pdu !== undefined ? { pdu: f.pdu } : {}),
    ...withBitLengths(f.pdu),
    ...(f.error !== undefined ? { error: summarizeError(f.error) } : {}),
  };
  return JSON.parse(JSON.stringify(record, jsonReplacer)) as FrameRecord;
}

/** One NDJSON line (with its newline). */
export function ndjsonLine(f: FrameResult): string {
  return `${JSON.stringify(frameRecord(f))}\n`;
}

/** What `csta decode --json/--ndjson` adds to a {@link FrameRecord} (unless `--brief`). */
export interface FrameRecordExtras {
  /** The capture's packet number as Wireshark shows it (from 1). */
  readonly packet?: number;
  /** `address:port` of sender and receiver. */
  readonly source?: string;
  readonly destination?: string;
  /** The PDU's (or XML document's) bytes, prefix or header removed: `csta decode HEX` decodes them again. */
  readonly hex?: string;
  /** Replies: the frame index of the request, and the time since it. */
  readonly replyTo?: number;
  readonly latencyMs?: number;
}

/** The full record of `csta decode --json/--ndjson`: {@link frameRecord} plus packet, addresses, hex and reply. */
export function frameRecordWithExtras(f: FrameResult, reply?: { requestIndex: number; latencyMs?: number }): FrameRecord & FrameRecordExtras {
  const base = frameRecord(f);
  const { pdu, wireBitLengths: bitLengths, error, ...head } = base;
  const extras: FrameRecordExtras = {
    ...(f.packetIndex !== undefined ? { packet: f.packetIndex + 1 } : {}),
    ...(f.source !== undefined ? { source: f.source } : {}),
    ...(f.destination !== undefined ? { destination: f.destination } : {}),
    ...(reply !== undefined ? { replyTo: reply.requestIndex } : {}),
    ...(reply?.latencyMs !== undefined ? { latencyMs: reply.latencyMs } : {}),
    ...(f.bytes !== undefined ? { hex: f.bytes.toString('hex') } : {}),
  };
  return { ...head, ...extras, ...(pdu !== undefined ? { pdu } : {}), ...(bitLengths !== undefined ? { wireBitLengths: bitLengths } : {}), ...(error !== undefined ? { error } : {}) };
}

/** `DecodeError UNEXPECTED_TAG at offset 5 (expected 02|05, found 04): message`. */
export function formatError(e: ErrorSummary): string {
  const where = e.offset !== undefined ? ` at offset ${e.offset}` : '';
  const detail = e.expected !== undefined || e.found !== undefined ? ` (expected ${e.expected ?? '?'}, found ${e.found ?? '?'})` : '';
  // DecodeError messages end with their own "(expected ..., found ...) at offset N": keep the words only.
  const message = e.message.replace(/ \(expected [^)]*, found [^)]*\)/, '').replace(/ at offset \d+(?= |$)/, '');
  return `${e.class} ${e.code}${where}${detail}: ${message}`;
}

/** The frame's header line. */
export function frameHeading(f: FrameResult): string {
  const parts = [`Frame ${f.index}: ${f.length} bytes at offset ${f.offset}`];
  const enc = f.encoding === undefined ? undefined : f.prefixLength ? `${f.encoding}, ${f.prefixLength}-byte prefix` : f.encoding;
  if (enc !== undefined) parts[0] += ` (${enc})`;
  if (f.direction !== undefined) parts.push(f.direction);
  if (f.stream !== undefined) parts.push(`stream ${f.stream}`);
  if (f.timestamp !== undefined) parts.push(f.timestamp);
  if (f.packetIndex !== undefined) parts.push(`packet ${f.packetIndex + 1}`);
  if (f.source !== undefined && f.destination !== undefined) parts.push(`${f.source} → ${f.destination}`);
  return parts.join(', ');
}

function label(n: AnnotatedNode): string {
  const type = n.type !== undefined && n.type !== n.name ? ` (${n.type})` : '';
  return `${n.name}${type}${n.value !== undefined ? `: ${n.value}` : ''}`;
}

/** Tree lines of annotated nodes. */
export function treeLines(nodes: readonly AnnotatedNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${String(n.offset).padStart(6)} ${String(n.length).padStart(6)}  ${'  '.repeat(depth)}${label(n)}`);
    treeLines(n.children, depth + 1, out);
  }
  return out;
}

/** An indented tree of a plain value (XML frames: element names and their text). */
export function valueLines(value: unknown, name: string, depth: number, out: string[]): string[] {
  const pad = '  '.repeat(depth);
  if (Array.isArray(value)) {
    out.push(`${pad}${name}`);
    value.forEach((v, i) => valueLines(v, `[${i}]`, depth + 1, out));
  } else if (value !== null && typeof value === 'object') {
    out.push(`${pad}${name}`);
    for (const [k, v] of Object.entries(value)) valueLines(v, k, depth + 1, out);
  } else {
    out.push(`${pad}${name}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
  return out;
}

/** `<MonitorStart ...>` → `MonitorStart` (the root element's local name). */
function rootElementName(xml: Uint8Array): string | undefined {
  const text = Buffer.from(xml.buffer, xml.byteOffset, Math.min(xml.byteLength, 4096)).toString('utf8');
  return /<(?![?!])(?:[\w.-]+:)?([\w.-]+)/.exec(text)?.[1];
}

/** Tree of an XML frame: the root element, then the typed message's elements. */
function xmlLines(xml: Uint8Array, pdu: CstaPdu): string[] {
  const plain = JSON.parse(JSON.stringify(pdu, jsonReplacer)) as Record<string, unknown>;
  const { pdu: kind, ...rest } = plain;
  const op = typeof rest.operation === 'string' ? `, ${rest.operation}` : '';
  const out = [`  <${rootElementName(xml) ?? '?'}> (${String(kind)}${op})`];
  for (const [k, v] of Object.entries(rest)) valueLines(v, k, 2, out);
  return out;
}

/** The full text block of one frame: heading, error if any, and the tree. */
export function frameText(f: FrameResult): string {
  const lines = [frameHeading(f)];
  if (f.error !== undefined) lines.push(`  ERROR ${formatError(summarizeError(f.error))}`);
  if (f.bytes !== undefined && f.bytes.length > 0) {
    if (f.encoding === 'xml') {
      if (f.pdu !== undefined) lines.push(...xmlLines(f.bytes, f.pdu));
    } else {
      lines.push('offset length  field');
      lines.push(...treeLines(annotatePdu(f.bytes)));
    }
  }
  return `${lines.join('\n')}\n\n`;
}
