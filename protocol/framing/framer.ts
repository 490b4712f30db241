/**
 * A push-style stream framer: feed it TCP chunks of any size, it calls back with whole frames.
 *
 * Memory contract: a frame that lies inside one pushed chunk is handed out as a zero-copy view of
 * that chunk (so do not mutate chunks after pushing them: Node's socket buffers never are); a frame
 * that straddles chunks is assembled in a buffer allocated for that frame alone and never reused.
 * "Not enough bytes yet" is a return value of the measure function, never an exception.
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';

/** Returns the total length of the frame starting at `start` (prefix included), or -1 if the
 * bytes in `[start, end)` do not tell yet. Throws DecodeError if the bytes cannot start a frame. */
export type MeasureFrame = (buf: Buffer, start: number, end: number) => number;

export interface FrameSpec {
  readonly measure: MeasureFrame;
  /** Bytes of prefix/header stripped from each emitted frame. */
  readonly headerSize: number;
}

export interface FramerOptions {
  /** Frames larger than this (prefix included) are reported and skipped. @default 1048576 */
  readonly maxFrameSize?: number;
}

export type FrameCallback = (frame: Buffer, header: Buffer) => void;
export type FrameErrorCallback = (error: DecodeError) => void;

const INCOMPLETE = -1;
const MIN_ACCUMULATOR = 64;

export class Framer {
  private readonly spec: FrameSpec;
  private readonly maxFrameSize: number;
  /** Partial frame being assembled, and how many bytes of it are filled. */
  private acc: Buffer | null = null;
  private accLen = 0;
  /** Total size of the frame in `acc`, or -1 while its header is incomplete. */
  private expected = INCOMPLETE;
  /** Bytes still to drop of an oversized frame. */
  private discard = 0;
  /** Stream offset of the next byte pushed (for error offsets). */
  private streamOffset = 0;

  constructor(spec: FrameSpec, options: FramerOptions = {}) {
    this.spec = spec;
    this.maxFrameSize = options.maxFrameSize ?? 1 << 20;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get buffered(): number {
    return this.accLen;
  }

  reset(): void {
    this.acc = null;
    this.accLen = 0;
    this.expected = INCOMPLETE;
    this.discard = 0;
  }

  push(chunk: Uint8Array, onFrame: FrameCallback, onError: FrameErrorCallback = throwError): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const base = this.streamOffset;
    this.streamOffset += buf.length;
    let off = 0;
    while (off < buf.length) {
      if (this.discard > 0) {
        const n = Math.min(this.discard, buf.length - off);
        this.discard -= n;
        off += n;
        continue;
      }
      if (this.accLen > 0) {
        off = this.fill(buf, off, base, onFrame, onError);
        continue;
      }
      let size: number;
      try {
        size = this.spec.measure(buf, off, buf.length);
      } catch (e) {
        this.fail(e, base + off, onError);
        return; // framing lost: drop the rest of this chunk
      }
      if (size !== INCOMPLETE && !this.sizeOk(size, base + off, onError)) {
        this.discard = size;
        continue;
      }
      if (size !== INCOMPLETE && off + size <= buf.length) {
        const h = this.spec.headerSize;
        onFrame(buf.subarray(off + h, off + size), buf.subarray(off, off + h));
        off += size;
        continue;
      }
      if (size === INCOMPLETE && buf.length - off > this.maxFrameSize) {
        // The chunk alone already holds more than a frame may have, and still no boundary.
        onError(new DecodeError(DecodeErrorCode.FrameTooLarge, base + off, `no frame boundary within maxFrameSize ${this.maxFrameSize}`));
        return;
      }
      // Start assembling a frame that continues in later chunks.
      this.expected = size;
      this.acc = Buffer.allocUnsafe(size !== INCOMPLETE ? size : Math.max(MIN_ACCUMULATOR, (buf.length - off) * 2));
      this.accLen = buf.copy(this.acc, 0, off);
      off = buf.length;
    }
  }

  /** Adds bytes to the frame under assembly; emits it when complete. Returns the new offset. */
  private fill(buf: Buffer, off: number, base: number, onFrame: FrameCallback, onError: FrameErrorCallback): number {
    let acc = this.acc!;
    if (this.expected === INCOMPLETE) {
      // Header still incomplete: append (growing geometrically) and measure again.
      const want = buf.length - off;
      if (this.accLen + want > acc.length) {
        const grown = Buffer.allocUnsafe(Math.max(acc.length * 2, this.accLen + want));
        acc.copy(grown, 0, 0, this.accLen);
        acc = this.acc = grown;
      }
      const before = this.accLen;
      this.accLen += buf.copy(acc, this.accLen, off);
      let size: number;
      try {
        size = this.spec.measure(acc, 0, this.accLen);
      } catch (e) {
        this.reset();
        this.fail(e, base + off - before, onError);
        return buf.length;
      }
      if (size === INCOMPLETE) {
        if (this.accLen > this.maxFrameSize) {
          this.reset();
          onError(new DecodeError(DecodeErrorCode.FrameTooLarge, base + off - before, `no frame boundary within maxFrameSize ${this.maxFrameSize}`));
          return buf.length;
        }
        return buf.length;
      }
      if (!this.sizeOk(size, base + off - before, onError)) {
        // Drop what we hold of it and the remainder still to come.
        const heldFromThisChunk = this.accLen - before;
        this.reset();
        this.discard = Math.max(0, size - before - heldFromThisChunk);
        return off + Math.min(heldFromThisChunk, size - before);
      }
      // Size known now: move to an exactly-sized buffer and keep only this frame's bytes.
      const frame = Buffer.allocUnsafe(size);
      const keep = Math.min(this.accLen, size);
      acc.copy(frame, 0, 0, keep);
      const consumedFromChunk = keep - before;
      this.acc = frame;
      this.accLen = keep;
      this.expected = size;
      return this.completeIfDone(off + consumedFromChunk, onFrame);
    }
    const n = buf.copy(acc, this.accLen, off, off + Math.min(this.expected - this.accLen, buf.length - off));
    this.accLen += n;
    return this.completeIfDone(off + n, onFrame);
  }

  private completeIfDone(off: number, onFrame: FrameCallback): number {
    if (this.accLen < this.expected) return off;
    const frame = this.acc!;
    const h = this.spec.headerSize;
    this.acc = null;
    this.accLen = 0;
    this.expected = INCOMPLETE;
    onFrame(frame.subarray(h), frame.subarray(0, h));
    return off;
  }

  private sizeOk(size: number, offset: number, onError: FrameErrorCallback): boolean {
    if (size <= this.maxFrameSize) return true;
    onError(new DecodeError(DecodeErrorCode.FrameTooLarge, offset, `frame of ${size} bytes exceeds maxFrameSize ${this.maxFrameSize}; skipped`));
    return false;
  }

  private fail(e: unknown, offset: number, onError: FrameErrorCallback): void {
    this.reset();
    if (e instanceof DecodeError) onError(e);
    else onError(new DecodeError(DecodeErrorCode.BadSyntax, offset, `framing failed: ${String(e)}`));
  }
}

function throwError(e: DecodeError): never {
  throw e;
}
