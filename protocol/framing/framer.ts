/**
 * A push-style stream framer: feed it TCP chunks of any size, it calls back with whole frames.
 *
 * Memory contract: a frame that lies inside one pushed chunk is handed out as a zero-copy view of
 * that chunk (so do not mutate chunks after pushing them: Node's socket buffers never are); a frame
 * that straddles chunks is assembled in a buffer allocated for that frame alone and never reused.
 * "Not enough bytes yet" is a return value of the measure function, never an exception.
 *
 * Work contract: linear in the bytes pushed, whatever the chunking. A frame whose end is not known
 * yet is measured incrementally ({@link FrameSpec.createMeasurer}), never re-measured from its
 * first byte after each chunk.
 *
 * Errors and resynchronisation: every error the Framer reports means the frame boundaries were
 * lost at that point (bytes no frame can start with, a header no frame can have, a length over
 * `maxFrameSize`, no frame end within `maxFrameSize`). The Framer then scans the following bytes,
 * in this chunk and the next ones, for the next plausible frame start
 * ({@link FrameSpec.findFrameStart}) and resumes there, so one bad header costs the bytes up to
 * the next frame and no more. Skipped bytes are counted ({@link Framer.skippedBytes}) and reported
 * when framing resumes ({@link FramerOptions.onResync}). A length over `maxFrameSize` is reported
 * at once, when the header is read: it is never waited out (a corrupt 4-byte length would
 * otherwise swallow up to 4 GiB of the stream and leave the link deaf).
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { FRAME_START_WINDOW } from './frame-start.js';
import type { FrameStart } from './frame-start.js';

/** Returns the total length of the frame starting at `start` (prefix and trailer included), or -1
 * if the bytes in `[start, end)` do not tell yet. Throws DecodeError if the bytes cannot start a
 * frame; the error's offset is an index into `buf`. */
export type MeasureFrame = (buf: Buffer, start: number, end: number) => number;

/**
 * An incremental {@link MeasureFrame}, owned by one Framer. Between two `reset()` calls it is
 * called for one frame only: every call sees the same frame bytes from `start` (possibly copied to
 * another buffer, at another `start`), with `end - start` never shrinking, so it may keep its scan
 * position, relative to `start`, from one call to the next.
 */
export interface FrameMeasurer {
  measure(buf: Buffer, start: number, end: number): number;
  reset(): void;
}

export interface FrameSpec {
  /** Stateless measure: each call scans from `start` (used by whole-buffer readers). */
  readonly measure: MeasureFrame;
  /** Bytes of prefix/header stripped from each emitted frame. */
  readonly headerSize: number;
  /** Bytes at the end of each frame stripped from the emitted frame (a terminator). @default 0 */
  readonly trailerSize?: number;
  /** A fresh incremental measurer; absent when `measure` is cheap to repeat (a length prefix). */
  readonly createMeasurer?: () => FrameMeasurer;
  /**
   * Checks a frame whose size is known (and within maxFrameSize) from its first bytes: true when
   * it is consistent, undefined while `[start, end)` is too short to tell, throws DecodeError when
   * it is not (framing is then lost: a length prefix that disagrees with the PDU behind it).
   */
  readonly validate?: (buf: Buffer, start: number, end: number, size: number) => boolean | undefined;
  /** How many bytes at `start` lie between frames and are dropped silently (whitespace, NUL). */
  readonly skipJunk?: (buf: Buffer, start: number, end: number) => number;
  /**
   * After a framing error: the first plausible frame start in `[from, end)` (`sure`), or, when
   * there is none, the first of the last few bytes that could still begin one (kept for the next
   * chunk; `end` when none). Absent: framing resumes at the start of the next chunk.
   */
  readonly findFrameStart?: (buf: Buffer, from: number, end: number) => FrameStart;
}

export interface FramerOptions {
  /** Frames larger than this (prefix included) are reported and skipped. @default 1048576 */
  readonly maxFrameSize?: number;
  /** Called each time framing resumes after a framing error. */
  readonly onResync?: (info: ResyncInfo) => void;
  /**
   * Hand each frame's header (prefix) to the callback. False passes an empty Buffer instead,
   * which saves a Buffer per frame where the decoder does not read the header (BER). @default true
   */
  readonly headers?: boolean;
}

/** The header passed when {@link FramerOptions.headers} is false. */
const NO_HEADER: Buffer = Buffer.alloc(0);

/** Where framing resumed after a framing error, and what it cost. */
export interface ResyncInfo {
  /** Offset, in the bytes pushed into this Framer, of the frame start framing resumed at. */
  readonly offset: number;
  /** Bytes dropped since framing was lost. */
  readonly skipped: number;
}

/** `offset`: where the frame's first byte (header included) is in the bytes pushed into this Framer. */
export type FrameCallback = (frame: Buffer, header: Buffer, offset: number) => void;
export type FrameErrorCallback = (error: DecodeError) => void;

/** Default {@link FramerOptions.maxFrameSize} (the same as the decoders'). */
const DEFAULT_MAX_FRAME_SIZE = 1 << 20;

const INCOMPLETE = -1;
const MIN_ACCUMULATOR = 64;

/** The rest of a push continues in another buffer (the tail of an abandoned accumulator). */
interface Continue {
  readonly buf: Buffer;
  readonly base: number;
}

export class Framer {
  private readonly spec: FrameSpec;
  private readonly maxFrameSize: number;
  private readonly measurer: FrameMeasurer;
  /** Smallest frame the spec can have (its header and trailer, at least one byte). */
  private readonly minFrameSize: number;
  private readonly trailerSize: number;
  private readonly onResync: ((info: ResyncInfo) => void) | undefined;
  /** Frames' headers are handed out (else NO_HEADER). */
  private readonly headers: boolean;
  /** Partial frame being assembled, and how many bytes of it are filled. */
  private acc: Buffer | null = null;
  private accLen = 0;
  /** Stream offset of `acc[0]`. */
  private accOffset = 0;
  /** Total size of the frame in `acc`, or -1 while its end is not known. */
  private expected = INCOMPLETE;
  /** The frame in `acc` passed {@link FrameSpec.validate} (or has no validate). */
  private validated = false;
  /** Framing was lost: looking for the next frame start. */
  private resyncing = false;
  /** Resynchronising without findFrameStart: resume at the next chunk. */
  private resumeAtNextChunk = false;
  /** Last bytes of a chunk kept while resynchronising (at most FRAME_START_WINDOW). */
  private tail: Buffer | null = null;
  private skippedSinceLoss = 0;
  /** Stream offset of the next byte pushed (for error offsets). */
  private streamOffset = 0;
  private skipped = 0;
  private losses = 0;

  constructor(spec: FrameSpec, options: FramerOptions = {}) {
    this.spec = spec;
    this.maxFrameSize = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
    this.measurer = spec.createMeasurer?.() ?? { measure: spec.measure, reset: () => undefined };
    this.trailerSize = spec.trailerSize ?? 0;
    this.minFrameSize = Math.max(1, spec.headerSize + this.trailerSize);
    this.onResync = options.onResync;
    this.headers = options.headers ?? true;
  }

  /** Bytes held while waiting for the rest of a frame (or of a possible frame start). */
  get buffered(): number {
    return this.accLen + (this.tail?.length ?? 0);
  }

  /** Bytes dropped after framing errors, in total. */
  get skippedBytes(): number {
    return this.skipped;
  }

  /** How many times framing was lost (one per reported framing error). */
  get syncLosses(): number {
    return this.losses;
  }

  /** False between a framing error and the next plausible frame start. */
  get synchronised(): boolean {
    return !this.resyncing;
  }

  reset(): void {
    this.dropAcc();
    this.resyncing = false;
    this.resumeAtNextChunk = false;
    this.tail = null;
    this.skippedSinceLoss = 0;
  }

  push(chunk: Uint8Array, onFrame: FrameCallback, onError: FrameErrorCallback = throwError): void {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let base = this.streamOffset;
    this.streamOffset += buf.length;
    if (this.tail !== null) {
      base -= this.tail.length;
      buf = Buffer.concat([this.tail, buf]);
      this.tail = null;
    }
    if (this.resumeAtNextChunk) {
      this.resumeAtNextChunk = false;
      this.resumed(base);
    }
    let off = 0;
    while (off < buf.length) {
      if (this.resyncing) {
        off = this.resync(buf, off, base);
      } else if (this.acc !== null) {
        const r = this.fill(buf, off, onFrame, onError);
        if (typeof r === 'number') {
          off = r;
        } else {
          buf = r.buf;
          base = r.base;
          off = 0;
        }
      } else {
        off = this.frameAt(buf, off, base, onFrame, onError);
      }
    }
  }

  /** No frame under assembly: measure (and emit, or start assembling) the frame at `off`. */
  private frameAt(buf: Buffer, off: number, base: number, onFrame: FrameCallback, onError: FrameErrorCallback): number {
    if (this.spec.skipJunk !== undefined) {
      off += this.spec.skipJunk(buf, off, buf.length);
      if (off >= buf.length) return buf.length;
    }
    this.measurer.reset();
    let size: number;
    try {
      size = this.measurer.measure(buf, off, buf.length);
    } catch (e) {
      const resume = resumePoint(e, off, buf.length);
      this.lose(resume - off);
      onError(relocate(e, base, off, buf.length));
      return resume;
    }
    if (size !== INCOMPLETE) {
      const bad = this.checkSize(size, base + off);
      if (bad !== undefined) {
        this.lose(1);
        onError(bad);
        return off + 1;
      }
      const valid = this.validate(buf, off, buf.length, size);
      if (valid instanceof DecodeError) {
        this.lose(1);
        onError(relocate(valid, base, off, buf.length));
        return off + 1;
      }
      this.validated = valid;
      if (off + size <= buf.length) {
        const h = this.spec.headerSize;
        onFrame(buf.subarray(off + h, off + size - this.trailerSize), this.headers ? buf.subarray(off, off + h) : NO_HEADER, base + off);
        return off + size;
      }
    } else if (buf.length - off > this.maxFrameSize) {
      // The chunk alone already holds more than a frame may have, and still no boundary.
      this.lose(buf.length - off);
      onError(new DecodeError(DecodeErrorCode.FrameTooLarge, base + off, `no frame boundary within maxFrameSize ${this.maxFrameSize}`));
      return buf.length;
    }
    // Start assembling a frame that continues in later chunks.
    this.expected = size;
    this.accOffset = base + off;
    this.acc = Buffer.allocUnsafe(size !== INCOMPLETE ? size : Math.max(MIN_ACCUMULATOR, (buf.length - off) * 2));
    this.accLen = buf.copy(this.acc, 0, off);
    return buf.length;
  }

  /** Adds bytes to the frame under assembly; emits it when complete. Returns the new offset. */
  private fill(buf: Buffer, off: number, onFrame: FrameCallback, onError: FrameErrorCallback): number | Continue {
    let acc = this.acc!;
    if (this.expected !== INCOMPLETE) {
      const before = this.accLen;
      const n = buf.copy(acc, this.accLen, off, off + Math.min(this.expected - this.accLen, buf.length - off));
      this.accLen += n;
      if (!this.validated) {
        const valid = this.validate(acc, 0, this.accLen, this.expected);
        if (valid instanceof DecodeError) return this.abandon(1, before, buf, off, relocate(valid, this.accOffset, 0, this.accLen), onError);
        this.validated = valid;
      }
      if (this.accLen === this.expected) this.emitAcc(onFrame);
      return off + n;
    }
    // Frame end still unknown: append (growing geometrically) and measure on from where it stopped.
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
      size = this.measurer.measure(acc, 0, this.accLen);
    } catch (e) {
      const error = relocate(e, this.accOffset, 0, this.accLen);
      return this.abandon(resumePoint(e, 0, this.accLen), before, buf, off, error, onError);
    }
    if (size === INCOMPLETE) {
      if (this.accLen > this.maxFrameSize) {
        const error = new DecodeError(DecodeErrorCode.FrameTooLarge, this.accOffset, `no frame boundary within maxFrameSize ${this.maxFrameSize}`);
        const held = this.accLen;
        this.dropAcc();
        this.lose(held);
        onError(error);
      }
      return buf.length;
    }
    const bad = this.checkSize(size, this.accOffset);
    if (bad !== undefined) return this.abandon(1, before, buf, off, bad, onError);
    const valid = this.validate(acc, 0, this.accLen, size);
    if (valid instanceof DecodeError) return this.abandon(1, before, buf, off, relocate(valid, this.accOffset, 0, this.accLen), onError);
    this.validated = valid;
    // Size known now: move to an exactly-sized buffer and keep only this frame's bytes.
    const frame = Buffer.allocUnsafe(size);
    const keep = Math.min(this.accLen, size);
    acc.copy(frame, 0, 0, keep);
    const consumedFromChunk = Math.max(0, keep - before);
    this.acc = frame;
    this.accLen = keep;
    this.expected = size;
    if (keep === size) this.emitAcc(onFrame);
    return off + consumedFromChunk;
  }

  /**
   * Gives up the frame under assembly after a framing error and resynchronises from `resume` (an
   * index into the accumulator, whose bytes from `before` on are copies of `buf[off..]`): in the
   * chunk itself when `resume` lies in this chunk's bytes, else in the bytes held from earlier
   * chunks followed by the rest of this one.
   */
  private abandon(resume: number, before: number, buf: Buffer, off: number, error: DecodeError, onError: FrameErrorCallback): number | Continue {
    const acc = this.acc!;
    const rest: Continue | undefined =
      resume >= before ? undefined : { buf: Buffer.concat([acc.subarray(resume, before), buf.subarray(off)]), base: this.accOffset + resume };
    this.dropAcc();
    this.lose(resume);
    onError(error);
    return rest ?? off + (resume - before);
  }

  private emitAcc(onFrame: FrameCallback): void {
    const frame = this.acc!;
    const offset = this.accOffset;
    const h = this.spec.headerSize;
    this.dropAcc();
    onFrame(frame.subarray(h, frame.length - this.trailerSize), this.headers ? frame.subarray(0, h) : NO_HEADER, offset);
  }

  /** Scans for the next frame start after a framing error. Returns where framing resumes, or the chunk end. */
  private resync(buf: Buffer, off: number, base: number): number {
    const find = this.spec.findFrameStart;
    if (find === undefined) {
      this.skip(buf.length - off);
      this.resumeAtNextChunk = true;
      return buf.length;
    }
    const found = find(buf, off, buf.length);
    let at = Math.max(off, Math.min(found.at, buf.length));
    if (!found.sure && buf.length - at > FRAME_START_WINDOW) at = buf.length - FRAME_START_WINDOW;
    this.skip(at - off);
    if (found.sure) {
      this.resumed(base + at);
      return at;
    }
    if (at < buf.length) this.tail = Buffer.from(buf.subarray(at));
    return buf.length;
  }

  private resumed(offset: number): void {
    this.resyncing = false;
    const skipped = this.skippedSinceLoss;
    this.skippedSinceLoss = 0;
    this.onResync?.({ offset, skipped });
  }

  /** Framing is lost after `dropped` bytes of the failed frame: count them and start resynchronising. */
  private lose(dropped: number): void {
    this.losses++;
    this.resyncing = true;
    this.measurer.reset();
    this.skip(dropped);
  }

  private skip(n: number): void {
    this.skipped += n;
    this.skippedSinceLoss += n;
  }

  private dropAcc(): void {
    this.acc = null;
    this.accLen = 0;
    this.expected = INCOMPLETE;
    this.validated = false;
    this.measurer.reset();
  }

  /** The spec's validate: true (consistent, or no check), false (need more bytes) or the error. */
  private validate(buf: Buffer, start: number, end: number, size: number): boolean | DecodeError {
    const check = this.spec.validate;
    if (check === undefined) return true;
    try {
      return check(buf, start, end, size) ?? end - start >= size;
    } catch (e) {
      return e instanceof DecodeError ? e : new DecodeError(DecodeErrorCode.BadSyntax, start, `framing failed: ${String(e)}`);
    }
  }

  private checkSize(size: number, offset: number): DecodeError | undefined {
    if (size <= this.maxFrameSize && size >= this.minFrameSize) return undefined;
    if (size > this.maxFrameSize) {
      return new DecodeError(DecodeErrorCode.FrameTooLarge, offset, `frame of ${size} bytes exceeds maxFrameSize ${this.maxFrameSize}`);
    }
    return new DecodeError(DecodeErrorCode.BadLength, offset, `frame of ${size} bytes is shorter than its own header`);
  }
}

/** Where to look for the next frame after `e` was thrown measuring the frame at `start`. */
function resumePoint(e: unknown, start: number, end: number): number {
  let r = start + 1;
  if (e instanceof DecodeError && Number.isInteger(e.offset) && e.offset > r && e.offset <= end) r = e.offset;
  return Math.min(r, end);
}

/** The measure's error with its offset (an index into the measured buffer) made a stream offset. */
function relocate(e: unknown, base: number, start: number, end: number): DecodeError {
  if (!(e instanceof DecodeError)) return new DecodeError(DecodeErrorCode.BadSyntax, base + start, `framing failed: ${String(e)}`);
  const at = Number.isInteger(e.offset) && e.offset >= start && e.offset <= end ? e.offset : start;
  const details = {
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.found !== undefined ? { found: e.found } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
  };
  const suffix = new DecodeError(e.code, e.offset, '', details).message;
  const message = e.message.endsWith(suffix) ? e.message.slice(0, e.message.length - suffix.length) : e.message;
  return new DecodeError(e.code, base + at, message, details);
}

function throwError(e: DecodeError): never {
  throw e;
}
