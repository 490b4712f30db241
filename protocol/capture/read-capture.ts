/**
 * Capture file → CSTA frames: packets (pcap/pcapng) → TCP segments → per-direction reassembly →
 * encoding detection → framing → optional decoding.
 *
 * - Streams: every TCP connection, or only those with an end on one of `ports`. The encoding is
 *   `options.encoding` when given, else detected per direction from its first bytes
 *   ({@link detectEncoding}); without `ports`, streams that match no CSTA encoding (HTTP, TLS...)
 *   are ignored silently.
 * - Direction: relative to the connection initiator (the sender of the SYN). When the capture
 *   starts after the handshake, the side on one of `ports` is the server, else the lower port.
 * - Timestamps: `timestampNs`, bigint nanoseconds since the epoch, of the packet whose arrival
 *   completed the frame (the last segment, or the one that filled a reassembly hole). Undefined
 *   only for pcapng Simple Packet Blocks.
 * - After a stream gap (bytes never captured, or out-of-order data beyond `maxBufferedBytes`) or a
 *   framing error, framing restarts at the first later segment whose first bytes detect as the
 *   same encoding and framing: CSTA peers normally send each message with one write, so segments
 *   usually start at message boundaries.
 *
 * Bad bytes never end the read: each problem is an `error` entry (file structure errors end the
 * file, as nothing after them can be located). Memory is bounded by `maxFrameSize` per framer,
 * `maxBufferedBytes` per direction and {@link DETECT_MAX_BYTES} per undetected direction; frame
 * bytes are zero-copy views of the capture when a frame lies in one segment.
 */
import type { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { decodePdu } from '../pdu.js';
import type { CstaPdu, DecodeOptions } from '../pdu.js';
import { decodeXml } from '../xml/index.js';
import type { BerFraming } from '../framing/ber-framing.js';
import { createBerFramer } from '../framing/ber-framing.js';
import { Framer } from '../framing/framer.js';
import type { FramerOptions } from '../framing/framer.js';
import { DETECT_MAX_BYTES, detectEncoding } from '../framing/autodetect.js';
import type { DetectedEncoding } from '../framing/autodetect.js';
import { createXmlFrameSpec, invokeIdOfHeader, leadingXmlJunk } from '../framing/xml-framing.js';
import type { XmlFraming } from '../framing/xml-framing.js';
import { CaptureError, CaptureErrorCode } from './errors.js';
import { readPackets } from './pcap.js';
import { decodeTcpPacket, TcpFlag } from './packet.js';
import type { TcpPacket } from './packet.js';
import { TcpReassembler } from './reassembly.js';
import type { GapReason, ReassemblySink } from './reassembly.js';

export const Direction = {
  clientToServer: 'client→server',
  serverToClient: 'server→client',
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

export interface CapturedFrame {
  readonly kind: 'frame';
  /** Nanoseconds since the epoch of the packet that completed the frame. */
  readonly timestampNs: bigint | undefined;
  /** Index in the capture of that packet. */
  readonly packetIndex: number;
  /** Connection number, from 0 in order of first appearance. */
  readonly streamId: number;
  readonly direction: Direction;
  readonly client: Endpoint;
  readonly server: Endpoint;
  /** Offset in this direction's byte stream of the frame's first byte (prefix/header included). */
  readonly offset: number;
  readonly encoding: 'ber' | 'xml';
  readonly framing: BerFraming | XmlFraming;
  /** The PDU (BER) or XML document, without prefix or header. */
  readonly bytes: Buffer;
  /** The stripped prefix or header (empty for `ber` and plain XML). */
  readonly header: Buffer;
  /** The 4-character invoke id of a headed CSTA-XML frame. */
  readonly invokeId?: string;
  /** The decoded PDU, with `decode: true`. */
  readonly pdu?: CstaPdu;
}

export interface CaptureErrorEntry {
  readonly kind: 'error';
  readonly error: CaptureError | DecodeError;
  readonly packetIndex?: number;
  readonly timestampNs?: bigint;
  readonly streamId?: number;
  readonly direction?: Direction;
  /** For a frame that could not be decoded (`decode: true`): the frame itself. */
  readonly frame?: CapturedFrame;
}

/** End of one TCP connection (only with `streamSummaries: true`): what it carried. */
export interface StreamSummary {
  readonly kind: 'stream';
  readonly streamId: number;
  readonly client: Endpoint;
  readonly server: Endpoint;
  /** Payload bytes reassembled (both directions; a direction stops counting once found not to be CSTA). */
  readonly bytes: number;
  /** Frames found (decoded or not). */
  readonly frames: number;
}

export type CaptureEntry = CapturedFrame | CaptureErrorEntry | StreamSummary;

export interface ReadCaptureOptions {
  /** CSTA server ports. When given, other connections are ignored. */
  readonly ports?: readonly number[];
  /** Skip detection and use this encoding and framing for every stream. */
  readonly encoding?: DetectedEncoding;
  /** Frames larger than this are reported and skipped. @default 1048576 */
  readonly maxFrameSize?: number;
  /** Out-of-order bytes held per direction before a hole is given up on. @default 1048576 */
  readonly maxBufferedBytes?: number;
  /** Decode frames to typed PDUs (BER with decodePdu, XML with decodeXml). @default false */
  readonly decode?: boolean;
  readonly decodeOptions?: DecodeOptions;
  /** Emit a {@link StreamSummary} when each (not port-filtered) connection ends. @default false */
  readonly streamSummaries?: boolean;
}

interface SegmentContext {
  readonly packetIndex: number;
  readonly timestampNs: bigint | undefined;
}

interface DirectionState {
  readonly direction: Direction;
  readonly reassembler: TcpReassembler<SegmentContext>;
  readonly sink: ReassemblySink<SegmentContext>;
  /** Bytes held until the encoding is known (at most DETECT_MAX_BYTES plus one segment). */
  held: { chunk: Buffer; offset: number }[];
  heldBytes: number;
  detected: DetectedEncoding | undefined;
  ignored: boolean;
  framer: Framer | undefined;
  resync: boolean;
}

interface Connection {
  readonly id: number;
  /** Its key in the connection table (both endpoints). */
  readonly key: string;
  readonly client: Endpoint;
  readonly server: Endpoint;
  readonly clientKey: string;
  readonly ignored: boolean;
  synSeq: number | undefined;
  closed: boolean;
  bytes: number;
  frames: number;
  readonly dirs: readonly [DirectionState, DirectionState];
}

const endpointKey = (address: string, port: number): string => `${address}|${port}`;

/** Finished connections remembered to drop their late segments (the oldest forgotten first). */
export const MAX_FINISHED_CONNECTIONS = 65_536;

/** Reads a whole capture into a list of frames and errors, in capture order. */
export function readCapture(bytes: Uint8Array, options: ReadCaptureOptions = {}): CaptureEntry[] {
  return [...iterateCapture(bytes, options)];
}

/** Like {@link readCapture}, one entry at a time. */
export function* iterateCapture(bytes: Uint8Array, options: ReadCaptureOptions = {}): Generator<CaptureEntry> {
  const reader = new CaptureStreams(options);
  for (const entry of readPackets(bytes)) {
    if (entry.kind === 'error') {
      yield { kind: 'error', error: entry.error };
      continue;
    }
    const p = entry.packet;
    const ctx: SegmentContext = { packetIndex: p.index, timestampNs: p.timestampNs };
    const tcp = decodeTcpPacket(p.linkType, p.data, p.fileOffset);
    if (tcp === null) continue;
    if (tcp instanceof CaptureError) {
      yield { kind: 'error', error: tcp, packetIndex: p.index, ...(p.timestampNs !== undefined ? { timestampNs: p.timestampNs } : {}) };
      continue;
    }
    reader.segment(tcp, ctx);
    yield* reader.drainOutput();
  }
  reader.end();
  yield* reader.drainOutput();
}

/** The connection table and everything downstream of it. */
class CaptureStreams {
  private readonly connections = new Map<string, Connection>();
  /**
   * Connections already finished, by key → the client's SYN sequence number: late segments of
   * them are dropped, a new SYN opens a new connection. Finished connections leave the table (so
   * a long capture holds only its live ones); at most {@link MAX_FINISHED_CONNECTIONS} are remembered.
   */
  private readonly finished = new Map<string, number | undefined>();
  private nextId = 0;
  private out: CaptureEntry[] = [];
  private readonly ports: ReadonlySet<number> | undefined;
  private readonly framerOptions: FramerOptions;

  constructor(private readonly options: ReadCaptureOptions) {
    this.ports = options.ports === undefined ? undefined : new Set(options.ports);
    this.framerOptions = options.maxFrameSize === undefined ? {} : { maxFrameSize: options.maxFrameSize };
  }

  drainOutput(): CaptureEntry[] {
    const o = this.out;
    this.out = [];
    return o;
  }

  segment(tcp: TcpPacket, ctx: SegmentContext): void {
    const src = endpointKey(tcp.srcAddr, tcp.srcPort);
    const dst = endpointKey(tcp.dstAddr, tcp.dstPort);
    const key = src < dst ? `${src}>${dst}` : `${dst}>${src}`;
    const syn = (tcp.flags & TcpFlag.SYN) !== 0;
    const ack = (tcp.flags & TcpFlag.ACK) !== 0;
    const rst = (tcp.flags & TcpFlag.RST) !== 0;
    const fin = (tcp.flags & TcpFlag.FIN) !== 0;
    let conn = this.connections.get(key);
    if (conn === undefined && this.finished.has(key)) {
      // A late segment of a finished connection, or a new connection on the same 4-tuple.
      if (!(syn && !ack && this.finished.get(key) !== tcp.seq)) return;
      this.finished.delete(key);
    }
    if (conn !== undefined && syn && !ack && (conn.closed || conn.synSeq !== tcp.seq)) {
      // A new connection on a reused 4-tuple (a retransmitted SYN has the same sequence number).
      if (!conn.closed) this.finish(conn, ctx);
      conn = undefined;
    }
    if (conn === undefined) {
      if (rst) return;
      conn = this.open(tcp, syn, ack);
      this.connections.set(key, conn);
    }
    if (conn.closed || conn.ignored) return;
    const dirIndex = src === conn.clientKey ? 0 : 1;
    if (syn && !ack && dirIndex === 0) conn.synSeq = tcp.seq;
    const dir = conn.dirs[dirIndex];
    // A direction found not to be CSTA is no longer reassembled (nor buffered).
    if (!dir.ignored) dir.reassembler.push(tcp.seq, syn, fin, tcp.payload, ctx, dir.sink);
    const done = (d: DirectionState): boolean => d.ignored || d.reassembler.finished;
    if (rst || (done(conn.dirs[0]) && done(conn.dirs[1]))) this.finish(conn, ctx);
  }

  end(): void {
    for (const conn of this.connections.values()) if (!conn.closed && !conn.ignored) this.finish(conn, undefined);
  }

  private open(tcp: TcpPacket, syn: boolean, ack: boolean): Connection {
    const a: Endpoint = { address: tcp.srcAddr, port: tcp.srcPort };
    const b: Endpoint = { address: tcp.dstAddr, port: tcp.dstPort };
    let srcIsClient: boolean;
    if (syn) srcIsClient = !ack;
    else if (this.ports?.has(tcp.dstPort) === true) srcIsClient = true;
    else if (this.ports?.has(tcp.srcPort) === true) srcIsClient = false;
    else srcIsClient = tcp.srcPort >= tcp.dstPort;
    const [client, server] = srcIsClient ? [a, b] : [b, a];
    const ignored = this.ports !== undefined && !this.ports.has(tcp.srcPort) && !this.ports.has(tcp.dstPort);
    const src = endpointKey(tcp.srcAddr, tcp.srcPort);
    const dst = endpointKey(tcp.dstAddr, tcp.dstPort);
    const conn: Connection = {
      id: this.nextId++,
      key: src < dst ? `${src}>${dst}` : `${dst}>${src}`,
      client,
      server,
      clientKey: endpointKey(client.address, client.port),
      ignored,
      synSeq: undefined,
      closed: false,
      bytes: 0,
      frames: 0,
      dirs: [this.direction(() => conn, Direction.clientToServer), this.direction(() => conn, Direction.serverToClient)],
    };
    return conn;
  }

  private direction(conn: () => Connection, direction: Direction): DirectionState {
    const reassemblyOptions = this.options.maxBufferedBytes === undefined ? {} : { maxBufferedBytes: this.options.maxBufferedBytes };
    const dir: DirectionState = {
      direction,
      reassembler: new TcpReassembler<SegmentContext>(reassemblyOptions),
      sink: {
        data: (chunk, offset, ctx) => this.data(conn(), dir, chunk, offset, ctx),
        gap: (offset, length, reason) => this.gap(conn(), dir, offset, length, reason),
      },
      held: [],
      heldBytes: 0,
      detected: undefined,
      ignored: false,
      framer: undefined,
      resync: false,
    };
    return dir;
  }

  private error(conn: Connection, dir: DirectionState, error: CaptureError | DecodeError, ctx: SegmentContext | undefined, frame?: CapturedFrame): void {
    this.out.push({
      kind: 'error',
      error,
      streamId: conn.id,
      direction: dir.direction,
      ...(ctx !== undefined ? { packetIndex: ctx.packetIndex } : {}),
      ...(ctx?.timestampNs !== undefined ? { timestampNs: ctx.timestampNs } : {}),
      ...(frame !== undefined ? { frame } : {}),
    });
  }

  private data(conn: Connection, dir: DirectionState, chunk: Buffer, offset: number, ctx: SegmentContext): void {
    if (dir.ignored) return;
    conn.bytes += chunk.length;
    if (dir.detected === undefined) {
      dir.held.push({ chunk, offset });
      dir.heldBytes += chunk.length;
      const detected = this.options.encoding ?? detectEncoding(firstBytes(dir.held));
      if (detected === undefined) {
        if (dir.heldBytes >= DETECT_MAX_BYTES) {
          dir.ignored = true;
          dir.held = [];
          if (this.ports !== undefined) {
            this.error(conn, dir, new CaptureError(CaptureErrorCode.UnrecognisedStream, offset, 'stream matches no CSTA encoding'), ctx);
          }
        }
        return;
      }
      dir.detected = detected;
      dir.framer = this.newFramer(detected);
      const held = dir.held;
      dir.held = [];
      dir.heldBytes = 0;
      for (const h of held) this.frame(conn, dir, h.chunk, h.offset, ctx);
      return;
    }
    if (dir.resync || dir.framer === undefined) {
      const d = detectEncoding(chunk);
      if (d === undefined || d.encoding !== dir.detected.encoding || d.framing !== dir.detected.framing) return;
      dir.resync = false;
      dir.framer = this.newFramer(dir.detected);
    }
    this.frame(conn, dir, chunk, offset, ctx);
  }

  private newFramer(d: DetectedEncoding): Framer {
    // Plain XML uses the bare spec (not createXmlFramer) so that frame offsets can be worked out
    // before the leading whitespace is trimmed here.
    return d.encoding === 'ber' ? createBerFramer(d.framing, this.framerOptions) : new Framer(createXmlFrameSpec(d.framing), this.framerOptions);
  }

  /** Pushes in-order bytes at stream `offset` through the framer. */
  private frame(conn: Connection, dir: DirectionState, chunk: Buffer, offset: number, ctx: SegmentContext): void {
    const framer = dir.framer!;
    const detected = dir.detected!;
    const heldBefore = framer.buffered;
    const onFrame = (frameBytes: Buffer, header: Buffer): void => {
      // A frame inside this chunk is a view of it; an assembled one began `heldBefore` bytes back.
      const first = header.length > 0 ? header : frameBytes;
      const inChunk = first.buffer === chunk.buffer && first.byteOffset >= chunk.byteOffset && first.byteOffset <= chunk.byteOffset + chunk.length;
      let start = inChunk ? offset + (first.byteOffset - chunk.byteOffset) : offset - heldBefore;
      let bytes = frameBytes;
      if (detected.encoding === 'xml' && detected.framing === 'plain') {
        const junk = leadingXmlJunk(frameBytes);
        start += junk;
        bytes = frameBytes.subarray(junk);
      }
      this.emit(conn, dir, detected, bytes, header, start, ctx);
    };
    framer.push(chunk, onFrame, (e) => {
      this.error(conn, dir, e, ctx);
      if (e.code !== DecodeErrorCode.FrameTooLarge) dir.resync = true;
    });
  }

  private emit(conn: Connection, dir: DirectionState, d: DetectedEncoding, bytes: Buffer, header: Buffer, offset: number, ctx: SegmentContext): void {
    let invokeId: string | undefined;
    if (d.encoding === 'xml' && d.framing === 'header') {
      try {
        invokeId = invokeIdOfHeader(header);
      } catch (e) {
        this.error(conn, dir, e as DecodeError, ctx);
      }
    }
    conn.frames++;
    const frame: CapturedFrame = {
      kind: 'frame',
      timestampNs: ctx.timestampNs,
      packetIndex: ctx.packetIndex,
      streamId: conn.id,
      direction: dir.direction,
      client: conn.client,
      server: conn.server,
      offset,
      encoding: d.encoding,
      framing: d.framing,
      bytes,
      header,
      ...(invokeId !== undefined ? { invokeId } : {}),
    };
    if (this.options.decode !== true) {
      this.out.push(frame);
      return;
    }
    try {
      const pdu = d.encoding === 'ber' ? decodePdu(bytes, this.options.decodeOptions) : decodeXml(bytes, xmlOptions(invokeId, this.options.decodeOptions));
      this.out.push({ ...frame, pdu });
    } catch (e) {
      const error = e instanceof DecodeError ? e : new DecodeError(DecodeErrorCode.BadValue, 0, String(e));
      this.error(conn, dir, error, ctx, frame);
    }
  }

  private gap(conn: Connection, dir: DirectionState, offset: number, length: number, reason: GapReason): void {
    const lost = dir.framer?.buffered ?? 0;
    const code = reason === 'limit' ? CaptureErrorCode.BufferLimit : CaptureErrorCode.Gap;
    const why = reason === 'limit' ? 'out-of-order data exceeded maxBufferedBytes; ' : '';
    const partial = lost > 0 ? `, dropping a partial frame of ${lost} bytes` : '';
    this.error(conn, dir, new CaptureError(code, offset, `${why}${length} stream bytes missing${partial}`), undefined);
    dir.framer = undefined;
    dir.held = [];
    dir.heldBytes = 0;
    if (dir.detected !== undefined) dir.resync = true;
  }

  private finish(conn: Connection, ctx: SegmentContext | undefined): void {
    for (const dir of conn.dirs) {
      dir.reassembler.flush(dir.sink);
      const left = dir.framer?.buffered ?? 0;
      if (left > 0 && !dir.resync) {
        const at = dir.reassembler.deliveredUpTo - left;
        this.error(conn, dir, new CaptureError(CaptureErrorCode.IncompleteFrame, at, `stream ended ${left} bytes into a frame`), ctx);
      }
      dir.framer = undefined;
      dir.held = [];
    }
    conn.closed = true;
    if (this.options.streamSummaries === true) {
      this.out.push({ kind: 'stream', streamId: conn.id, client: conn.client, server: conn.server, bytes: conn.bytes, frames: conn.frames });
    }
    if (this.connections.get(conn.key) === conn) {
      this.connections.delete(conn.key);
      this.finished.delete(conn.key);
      this.finished.set(conn.key, conn.synSeq);
      if (this.finished.size > MAX_FINISHED_CONNECTIONS) this.finished.delete(this.finished.keys().next().value!);
    }
  }
}

function firstBytes(held: readonly { chunk: Buffer }[]): Uint8Array {
  if (held.length === 1) return held[0]!.chunk;
  const out = new Uint8Array(Math.min(DETECT_MAX_BYTES, held.reduce((n, h) => n + h.chunk.length, 0)));
  let n = 0;
  for (const h of held) {
    if (n >= out.length) break;
    const take = Math.min(h.chunk.length, out.length - n);
    out.set(h.chunk.subarray(0, take), n);
    n += take;
  }
  return out;
}

function xmlOptions(invokeId: string | undefined, o: DecodeOptions | undefined): { invokeId?: number; maxFrameSize?: number } {
  const id = invokeId !== undefined && /^\d+$/.test(invokeId) ? { invokeId: Number(invokeId) } : {};
  return { ...id, ...(o?.maxFrameSize !== undefined ? { maxFrameSize: o.maxFrameSize } : {}) };
}
