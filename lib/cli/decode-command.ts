/**
 * `csta decode [INPUT...]`: frames of hex strings, hex dumps, binary files, standard input or
 * captures, printed as annotated trees (default), one JSON array (`--json`) or one JSON line per
 * frame (`--ndjson`). A frame that fails is reported and the next one decoded; the exit code is 1
 * when any frame (or input) failed, else 0.
 */
import { readPackets } from '../../protocol/capture/index.js';
import { inputFrames, summarizeError } from './frames.js';
import type { CaptureChoice, FrameResult, FramingChoice, SkippedStream } from './frames.js';
import { loadInput } from './inputs.js';
import type { LoadedInput } from './inputs.js';
import type { CliIo, CliOutput } from './io.js';
import { formatError, frameRecord, frameText, ndjsonLine } from './render.js';

/** Output forms of `csta decode`. */
export type DecodeFormat = 'tree' | 'json' | 'ndjson';

/** Options of `csta decode`: the output form, any forced framing/encoding and the capture port filter. */
export interface DecodeCommandOptions extends FramingChoice {
  readonly format: DecodeFormat;
  /** Captures: keep only TCP streams with an end on one of these ports. */
  readonly ports?: readonly number[];
}

/** The stderr line for a capture stream in which nothing decoded as CSTA. */
export function skippedStreamLine(s: SkippedStream): string {
  const found = s.frames === 0 ? 'no CSTA encoding recognised' : `none of its ${s.frames} frames decoded`;
  return `skipped: stream ${s.streamId} ${s.client} -> ${s.server} (${s.bytes} bytes): ${found}\n`;
}

/** Captures larger than this get a progress bar (when stderr is a terminal). */
export const PROGRESS_THRESHOLD_BYTES = 1 << 20;

/** Counts the packets of a capture, for the progress bar's total. */
function packetCount(bytes: Uint8Array): number {
  let n = 0;
  for (const _ of readPackets(bytes)) n++;
  return n;
}

/** A one-line progress bar redrawn on a terminal, at most once per percent. */
class ProgressBar {
  private lastPercent = -1;
  constructor(
    private readonly out: CliOutput,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const percent = this.total === 0 ? 100 : Math.min(100, Math.floor((done * 100) / this.total));
    if (percent === this.lastPercent) return;
    this.lastPercent = percent;
    const filled = Math.round(percent / 5);
    this.out.write(`\r[${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${percent}% of ${this.total} packets`);
  }

  done(): void {
    this.out.write('\r\x1b[K');
  }
}

/** Decodes every frame of the loaded inputs; returns every frame result (for replay/tests). */
export function* decodeInputs(inputs: readonly LoadedInput[], choice: CaptureChoice, onCapture?: (input: LoadedInput) => ((f: FrameResult) => void) | undefined): Generator<FrameResult> {
  let index = 1;
  for (const input of inputs) {
    const tick = input.kind === 'capture' ? onCapture?.(input) : undefined;
    for (const f of inputFrames(input.bytes, choice, index)) {
      tick?.(f);
      index = f.index + 1;
      yield f;
    }
  }
}

/** Runs `csta decode`; returns the exit code. */
export async function runDecode(args: readonly string[], options: DecodeCommandOptions, io: CliIo): Promise<number> {
  const inputs: LoadedInput[] = [];
  for (const arg of args.length === 0 ? ['-'] : args) inputs.push(await loadInput(arg, io));
  let failed = 0;
  let total = 0;
  const bars: ProgressBar[] = [];
  const onCapture = (input: LoadedInput): ((f: FrameResult) => void) | undefined => {
    if (io.stderr.isTTY !== true || input.bytes.length <= PROGRESS_THRESHOLD_BYTES) return undefined;
    bars.forEach((b) => b.done());
    const bar = new ProgressBar(io.stderr, packetCount(input.bytes));
    bars.push(bar);
    return (f) => bar.update((f.packetIndex ?? 0) + 1);
  };
  if (options.format === 'json') io.stdout.write('[');
  const choice: CaptureChoice = {
    ...(options.framing !== undefined ? { framing: options.framing } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.ports !== undefined ? { ports: options.ports } : {}),
    onSkippedStream: (s) => io.stderr.write(`${bars.length > 0 ? '\r\x1b[K' : ''}${skippedStreamLine(s)}`),
  };
  for (const f of decodeInputs(inputs, choice, onCapture)) {
    total++;
    if (f.error !== undefined) {
      failed++;
      const clearBar = bars.length > 0 ? '\r\x1b[K' : '';
      if (options.format !== 'tree') io.stderr.write(`${clearBar}error: frame ${f.index} at offset ${f.offset}: ${formatError(summarizeError(f.error))}\n`);
    }
    switch (options.format) {
      case 'tree':
        io.stdout.write(frameText(f));
        break;
      case 'ndjson':
        io.stdout.write(ndjsonLine(f));
        break;
      case 'json':
        io.stdout.write(`${total === 1 ? '\n' : ',\n'}${indent(JSON.stringify(frameRecord(f), null, 2))}`);
        break;
      default: {
        const never: never = options.format;
        throw new RangeError(`unknown format ${String(never)}`);
      }
    }
  }
  bars[bars.length - 1]?.done();
  if (options.format === 'json') io.stdout.write(total === 0 ? ']\n' : '\n]\n');
  if (failed > 0) io.stderr.write(`${failed} of ${total} frames failed to decode\n`);
  return failed > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
