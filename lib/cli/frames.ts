/**
 * Input bytes → decoded frames, for `csta decode`, `replay` and `conformance`: a capture file
 * (pcap/pcapng, found by its magic number) goes through the capture reader; anything else is one
 * byte stream, split with the detected (or forced) encoding and framing. Every frame is decoded on
 * its own, so a bad frame is reported and the next one still decoded.
 */
import type { Buffer } from 'node:buffer';
import { CstaError, DecodeError, DecodeErrorCode } from '../../protocol/errors.js';
import { decodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { decodeXmlMessage, messageNameOf } from '../../protocol/xml/index.js';
import type { XmlDecodeWarning } from '../../protocol/xml/index.js';
import { detectEncoding } from '../../protocol/framing/autodetect.js';
import type { DetectedEncoding } from '../../protocol/framing/autodetect.js';
import { BER_FRAME_SPECS } from '../../protocol/framing/ber-framing.js';
import { createXmlFrameSpec, invokeIdOfHeader, leadingXmlJunk } from '../../protocol/framing/xml-framing.js';
import { captureFormatOf, Direction, iterateCapture } from '../../protocol/capture/index.js';
import type { Endpoint } from '../../protocol/capture/index.js';

/** The `--framing` choices of the CLI (docs/framing.md describes each). */
export const CliFraming = ['length16', 'length32', 'ber', 'hipath', 'xml-header', 'xml', 'xml-nul'] as const;
/** One of {@link CliFraming}. */
export type CliFraming = (typeof CliFraming)[number];

/** The `--encoding` choices of the CLI. */
export const CliEncoding = ['ber', 'xml'] as const;
/** One of {@link CliEncoding}. */
export type CliEncoding = (typeof CliEncoding)[number];

/** What the user forced on the command line. */
export interface FramingChoice {
  readonly framing?: CliFraming;
  readonly encoding?: CliEncoding;
  /** The framing to use when detection finds none (a vendor profile's; `--framing` forces instead). */
  readonly fallbackFraming?: CliFraming;
}

/** A capture's TCP connection in which nothing decoded as CSTA. */
export interface SkippedStream {
  readonly streamId: number;
  /** `address:port` of each end. */
  readonly client: string;
  readonly server: string;
  readonly bytes: number;
  /** Frames found in it, none of which decoded. */
  readonly frames: number;
}

/** Capture-only choices: port filter and a report of streams skipped. */
export interface CaptureChoice extends FramingChoice {
  /** Keep only TCP connections with an end on one of these ports (all when absent or empty). */
  readonly ports?: readonly number[];
  /** Called for each connection that carried bytes of which nothing decoded as CSTA. */
  readonly onSkippedStream?: (stream: SkippedStream) => void;
}

/** One frame of the input, decoded or not. */
export interface FrameResult {
  /** 1-based position among all frames (and problems) of all inputs. */
  readonly index: number;
  /** Offset of the frame's first byte (prefix included) in the input, or in its TCP direction for captures. */
  readonly offset: number;
  /** Bytes of the frame, prefix included. */
  readonly length: number;
  readonly direction?: string;
  /** ISO-8601 time of the packet that completed the frame, nanosecond precision. */
  readonly timestamp?: string;
  readonly stream?: number;
  /** Index in the capture of the packet that completed the frame (0-based; Wireshark's number is one more). */
  readonly packetIndex?: number;
  /** Captures: `address:port` of the sender and of the receiver of the frame. */
  readonly source?: string;
  readonly destination?: string;
  readonly encoding?: 'ber' | 'xml';
  /** Bytes of the PDU or XML document, prefix or header removed. */
  readonly bytes?: Buffer;
  /** Where `bytes` starts within the frame (prefix length). */
  readonly prefixLength?: number;
  readonly pdu?: CstaPdu;
  /** The message's name: the XML root as written, or the operation / event of a BER PDU. */
  readonly message?: string;
  /** What an XML message needed lenient reading for. */
  readonly warnings?: readonly XmlDecodeWarning[];
  /** Why the frame (or the input around it) could not be decoded. */
  readonly error?: Error;
}

type FrameDraft = Omit<FrameResult, 'index' | 'pdu' | 'error' | 'message' | 'warnings'>;

/** How frames are decoded: the vendor profile's XML reading. */
export interface FrameDecodeChoice {
  /** Read bytes declared UTF-16 as UTF-8 (Uni-tel). */
  readonly utf16DeclarationAsUtf8?: boolean;
  /** Conformance reading: refuse what the liberal reader keeps raw. */
  readonly strict?: boolean;
}

let frameDecodeChoice: FrameDecodeChoice = {};

/** Sets how the CLI decodes XML frames (from `--profile` and `--strict`). */
export function setFrameDecodeChoice(choice: FrameDecodeChoice): void {
  frameDecodeChoice = choice;
}

/** ns since the epoch → `2023-11-14T22:13:20.003750000Z`. */
export function isoTimestamp(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return new Date(Number(ms)).toISOString().replace(/\.\d{3}Z$/, `.${frac}Z`);
}

/** Resolves the forced framing/encoding, detecting what was not forced. */
export function resolveEncoding(bytes: Uint8Array, choice: FramingChoice): DetectedEncoding | undefined {
  switch (choice.framing) {
    case 'length16':
    case 'length32':
    case 'ber':
    case 'hipath':
      return { encoding: 'ber', framing: choice.framing };
    case 'xml-header':
      return { encoding: 'xml', framing: 'header' };
    case 'xml':
      return { encoding: 'xml', framing: 'plain' };
    case 'xml-nul':
      return { encoding: 'xml', framing: 'nul' };
    case undefined: {
      const detected = detectEncoding(bytes);
      if (detected === undefined && choice.fallbackFraming !== undefined) return resolveEncoding(bytes, { framing: choice.fallbackFraming });
      if (choice.encoding === undefined || detected?.encoding === choice.encoding) return detected;
      return choice.encoding === 'ber' ? { encoding: 'ber', framing: 'ber' } : { encoding: 'xml', framing: 'plain' };
    }
    default: {
      const never: never = choice.framing;
      throw new RangeError(`unknown framing ${String(never)}`);
    }
  }
}

/** Decodes one frame's PDU bytes; never throws. */
export function decodeFrame(draft: FrameDraft, index: number, invokeId?: string): FrameResult {
  const bytes = draft.bytes!;
  try {
    if (draft.encoding === 'xml') {
      const m = decodeXmlMessage(bytes, { ...frameDecodeChoice, ...(invokeId !== undefined && /^\d+$/.test(invokeId) ? { invokeId: Number(invokeId) } : {}) });
      return { index, ...draft, pdu: m.pdu, message: m.root, warnings: m.warnings };
    }
    const pdu = decodePdu(bytes);
    return { index, ...draft, pdu, message: messageNameOf(pdu) };
  } catch (e) {
    return { index, ...draft, error: asError(e) };
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** True for pcap and pcapng files. */
export function isCapture(bytes: Uint8Array): boolean {
  return captureFormatOf(bytes) !== undefined;
}

/**
 * Splits and decodes a byte stream. `firstIndex` numbers the first frame. A framing error (a
 * header that cannot be, bytes that start no frame) is one error result covering the bytes up to
 * the next plausible frame start, where splitting resumes; a frame that runs past the end of the
 * input ends it.
 */
export function* streamFrames(bytes: Buffer, choice: FramingChoice, firstIndex = 1): Generator<FrameResult> {
  let index = firstIndex;
  if (bytes.length === 0) return;
  const detected = resolveEncoding(bytes, choice);
  if (detected === undefined) {
    yield {
      index,
      offset: 0,
      length: bytes.length,
      error: new DecodeError(DecodeErrorCode.UnknownPdu, 0, 'cannot detect the encoding (use --framing or --encoding)', {
        found: bytes.subarray(0, 8).toString('hex'),
      }),
    };
    return;
  }
  const spec = detected.encoding === 'ber' ? BER_FRAME_SPECS[detected.framing] : createXmlFrameSpec(detected.framing);
  let off = 0;
  while (off < bytes.length) {
    if (detected.encoding === 'xml' && detected.framing !== 'header') {
      off += leadingXmlJunk(bytes.subarray(off));
      if (off >= bytes.length) return;
    }
    let size: number;
    try {
      size = spec.measure(bytes, off, bytes.length);
      if (size !== -1 && off + size <= bytes.length) spec.validate?.(bytes, off, bytes.length, size);
    } catch (e) {
      // Framing lost: one error for the bytes up to the next plausible frame start, then go on there.
      const next = spec.findFrameStart?.(bytes, off + 1, bytes.length);
      const resume = next?.sure === true ? next.at : bytes.length;
      yield { index: index++, offset: off, length: resume - off, encoding: detected.encoding, error: asError(e) };
      off = resume;
      continue;
    }
    if (size === -1 || off + size > bytes.length) {
      const announced = size === -1 ? '' : ` (${size} bytes announced, ${bytes.length - off} available)`;
      yield {
        index,
        offset: off,
        length: bytes.length - off,
        encoding: detected.encoding,
        error: new DecodeError(DecodeErrorCode.Truncated, off, `input ends inside a frame${announced}`),
      };
      return;
    }
    const h = spec.headerSize;
    const t = spec.trailerSize ?? 0;
    const draft: FrameDraft = { offset: off, length: size, encoding: detected.encoding, bytes: bytes.subarray(off + h, off + size - t), prefixLength: h };
    let invokeId: string | undefined;
    try {
      if (detected.encoding === 'xml' && detected.framing === 'header') invokeId = invokeIdOfHeader(bytes.subarray(off, off + h));
    } catch (e) {
      yield { index: index++, ...draft, error: asError(e) };
      off += size;
      continue;
    }
    yield decodeFrame(draft, index++, invokeId);
    off += size;
  }
}

/** Reads and decodes the CSTA frames of a capture; capture problems become error results. */
export function* captureFrames(bytes: Buffer, choice: CaptureChoice, firstIndex = 1): Generator<FrameResult> {
  let index = firstIndex;
  // Only a forced framing applies to a capture; the encoding alone is detected per direction.
  const forced = choice.framing !== undefined ? resolveEncoding(new Uint8Array(0), choice) : undefined;
  const ports = choice.ports !== undefined && choice.ports.length > 0 ? { ports: choice.ports } : {};
  /** Stream ids with at least one frame that decoded. */
  const decoded = new Set<number>();
  for (const entry of iterateCapture(bytes, { ...ports, ...(forced !== undefined ? { encoding: forced } : {}), streamSummaries: true })) {
    if (entry.kind === 'stream') {
      if (entry.bytes > 0 && !decoded.has(entry.streamId)) {
        choice.onSkippedStream?.({
          streamId: entry.streamId,
          client: `${entry.client.address}:${entry.client.port}`,
          server: `${entry.server.address}:${entry.server.port}`,
          bytes: entry.bytes,
          frames: entry.frames,
        });
      }
      decoded.delete(entry.streamId);
      continue;
    }
    if (entry.kind === 'error') {
      yield {
        index: index++,
        offset: entry.error instanceof DecodeError ? entry.error.offset : 0,
        length: 0,
        ...(entry.direction !== undefined ? { direction: entry.direction } : {}),
        ...(entry.timestampNs !== undefined ? { timestamp: isoTimestamp(entry.timestampNs) } : {}),
        ...(entry.streamId !== undefined ? { stream: entry.streamId } : {}),
        ...(entry.packetIndex !== undefined ? { packetIndex: entry.packetIndex } : {}),
        error: entry.error,
      };
      continue;
    }
    const draft: FrameDraft = {
      offset: entry.offset,
      length: entry.header.length + entry.bytes.length,
      direction: entry.direction,
      ...(entry.timestampNs !== undefined ? { timestamp: isoTimestamp(entry.timestampNs) } : {}),
      stream: entry.streamId,
      packetIndex: entry.packetIndex,
      ...frameEndpoints(entry.client, entry.server, entry.direction === Direction.clientToServer),
      encoding: entry.encoding,
      bytes: entry.bytes,
      prefixLength: entry.header.length,
    };
    const result = decodeFrame(draft, index++, entry.invokeId);
    if (result.error === undefined) decoded.add(entry.streamId);
    yield result;
  }
}

/** `address:port` of the sender and receiver (IPv6 addresses in brackets, as Wireshark writes them). */
function frameEndpoints(client: Endpoint, server: Endpoint, fromClient: boolean): { source: string; destination: string } {
  const at = (e: Endpoint): string => (e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`);
  return fromClient ? { source: at(client), destination: at(server) } : { source: at(server), destination: at(client) };
}

/** Frames of any input: capture or stream (the capture-only choices apply to captures). */
export function inputFrames(bytes: Buffer, choice: CaptureChoice, firstIndex = 1): Generator<FrameResult> {
  return isCapture(bytes) ? captureFrames(bytes, choice, firstIndex) : streamFrames(bytes, choice, firstIndex);
}

/** `{ class, code, offset, message, expected, found, path }` of an error, for printing. */
export interface ErrorSummary {
  readonly class: string;
  readonly code: string;
  readonly offset?: number;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  readonly path?: string;
}

/** The printable summary of any error (DecodeError details when it is one). */
export function summarizeError(e: Error): ErrorSummary {
  const code = e instanceof CstaError ? e.code : (e as { code?: unknown }).code;
  const base = { class: e.constructor.name, code: typeof code === 'string' ? code : 'ERROR', message: e.message };
  if (!(e instanceof DecodeError)) {
    const offset = (e as { offset?: unknown }).offset;
    return typeof offset === 'number' ? { ...base, offset } : base;
  }
  return {
    ...base,
    offset: e.offset,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.found !== undefined ? { found: e.found } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
  };
}
