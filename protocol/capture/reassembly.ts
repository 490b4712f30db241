/**
 * TCP stream reassembly for one direction of one connection.
 *
 * Positions are stream offsets (bytes from the first data byte), kept as JavaScript numbers: a
 * segment's offset is the current offset plus the signed 32-bit distance of its sequence number
 * from the next expected one, so sequence-number wrap needs no special case and streams may exceed
 * 4 GiB. A segment more than 2 GiB "ahead" therefore counts as old data.
 *
 * Policies:
 * - Retransmissions and overlaps: bytes once delivered are never replaced; later copies are
 *   trimmed away (as a receiving TCP keeps data it has already acknowledged). Among held
 *   out-of-order segments that overlap, the one starting earlier wins (on a tie, the first received).
 * - Out-of-order segments are held (zero-copy views) until the hole before them is filled; they
 *   are then delivered with the context of the segment that filled it (the moment they became
 *   readable), except at {@link TcpReassembler.flush}, where each keeps its own. When
 *   more than `maxBufferedBytes` are held, the hole is declared lost ({@link GapReason} `limit`) and
 *   delivery continues after it. At the end of a capture, {@link TcpReassembler.flush} does the
 *   same for every remaining hole (`end`).
 * - The first data byte is at SYN + 1 when the SYN was seen; otherwise the first segment that
 *   carries data or FIN fixes the start (a capture that begins mid-connection).
 * - Data beyond a FIN is ignored.
 */
import type { Buffer } from 'node:buffer';

export interface ReassemblyOptions {
  /** Out-of-order bytes held per direction before a hole is skipped. @default 1048576 */
  readonly maxBufferedBytes?: number;
}

export const GapReason = { limit: 'limit', end: 'end' } as const;
export type GapReason = (typeof GapReason)[keyof typeof GapReason];

export interface ReassemblySink<T> {
  /** In-order bytes at `offset`, with the context of the segment that carried them. */
  data(chunk: Buffer, offset: number, context: T): void;
  /** `length` bytes at `offset` will never be delivered. */
  gap(offset: number, length: number, reason: GapReason): void;
}

interface Held<T> {
  readonly pos: number;
  readonly data: Buffer;
  readonly context: T;
  /** Arrival order, so that among equal positions the first received wins. */
  readonly seq: number;
}

function before<T>(a: Held<T>, b: Held<T>): boolean {
  return a.pos < b.pos || (a.pos === b.pos && a.seq < b.seq);
}

export const DEFAULT_MAX_BUFFERED_BYTES = 1 << 20;
const TWO_32 = 2 ** 32;

function signed32(n: number): number {
  return n | 0;
}

export class TcpReassembler<T> {
  private readonly maxBuffered: number;
  private synced = false;
  /** Sequence number of the byte at `offset`. */
  private nextSeq = 0;
  private offset = 0;
  /** Out-of-order segments, a binary min-heap on (position, arrival): O(log n) per segment in any order. */
  private held: Held<T>[] = [];
  private arrivals = 0;
  private heldBytes = 0;
  private finAt: number | undefined;
  /** Retransmitted (entirely old) data segments dropped so far. */
  retransmissions = 0;

  constructor(options: ReassemblyOptions = {}) {
    this.maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  }

  /** Stream offset of the next byte to be delivered. */
  get deliveredUpTo(): number {
    return this.offset;
  }

  get bufferedBytes(): number {
    return this.heldBytes;
  }

  /** True once a FIN was seen and every byte before it delivered. */
  get finished(): boolean {
    return this.finAt !== undefined && this.offset >= this.finAt;
  }

  /** Adds one segment: `syn`/`fin` flags, sequence number, payload. */
  push(seq: number, syn: boolean, fin: boolean, payload: Buffer, context: T, sink: ReassemblySink<T>): void {
    const dataSeq = syn ? (seq + 1) % TWO_32 : seq;
    if (!this.synced) {
      if (!syn && payload.length === 0 && !fin) return;
      this.synced = true;
      this.nextSeq = dataSeq;
    }
    const pos = this.offset + signed32(dataSeq - this.nextSeq);
    let data = payload;
    if (fin && this.finAt === undefined) this.finAt = pos + data.length;
    if (this.finAt !== undefined && pos + data.length > this.finAt) data = data.subarray(0, Math.max(0, this.finAt - pos));
    if (data.length === 0) return;
    const end = pos + data.length;
    if (end <= this.offset) {
      this.retransmissions++;
      return;
    }
    if (pos <= this.offset) {
      this.deliver(data.subarray(this.offset - pos), context, sink);
      this.drain(sink, context);
      return;
    }
    this.hold({ pos, data, context, seq: this.arrivals++ });
    while (this.heldBytes > this.maxBuffered && this.held.length > 0) this.skipHole(GapReason.limit, sink, context);
  }

  /** Delivers everything held, declaring the holes before it lost; each chunk keeps its own segment's context. */
  flush(sink: ReassemblySink<T>): void {
    while (this.held.length > 0) this.skipHole(GapReason.end, sink, undefined);
  }

  private hold(h: Held<T>): void {
    const heap = this.held;
    let i = heap.length;
    heap.push(h);
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
    this.heldBytes += h.data.length;
  }

  /** Removes and returns the earliest held segment. */
  private popHeld(): Held<T> {
    const heap = this.held;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }

  private deliver(chunk: Buffer, context: T, sink: ReassemblySink<T>): void {
    const at = this.offset;
    this.offset += chunk.length;
    this.nextSeq = (this.nextSeq + chunk.length) % TWO_32;
    sink.data(chunk, at, context);
  }

  /** Delivers held segments that are now in order, with `context` if given (the segment that made them deliverable). */
  private drain(sink: ReassemblySink<T>, context: T | undefined): void {
    while (this.held.length > 0 && this.held[0]!.pos <= this.offset) {
      const h = this.popHeld();
      this.heldBytes -= h.data.length;
      const end = h.pos + h.data.length;
      if (end > this.offset) this.deliver(h.data.subarray(this.offset - h.pos), context ?? h.context, sink);
    }
  }

  private skipHole(reason: GapReason, sink: ReassemblySink<T>, context: T | undefined): void {
    const first = this.held[0]!;
    if (first.pos > this.offset) {
      const length = first.pos - this.offset;
      sink.gap(this.offset, length, reason);
      this.nextSeq = (this.nextSeq + length) % TWO_32;
      this.offset = first.pos;
    }
    this.drain(sink, context);
  }
}
