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
import type { CliIo } from './io.js';
import { formatError, frameRecord, frameRecordWithExtras, frameText } from './render.js';
import { viewFrames } from './decode-view.js';
import type { ViewedFrame } from './decode-view.js';
import type { FrameFilter } from './filters.js';
import { LadderBuilder } from './ladder.js';
import { summaryHeading, summaryLine } from './summary.js';
import { ProgressBar } from './progress.js';

/** Output forms of `csta decode`. */
export type DecodeFormat = 'tree' | 'json' | 'ndjson' | 'summary' | 'ladder';

/** Options of `csta decode`: the output form, any forced framing/encoding and the capture port filter. */
export interface DecodeCommandOptions extends FramingChoice {
  readonly format: DecodeFormat;
  /** Captures: keep only TCP streams with an end on one of these ports. */
  readonly ports?: readonly number[];
  /** Which frames to show (all when absent). */
  readonly filter?: FrameFilter;
  /** JSON records without packet, addresses, hex and reply (the form of expected-decode.ndjson). */
  readonly brief?: boolean;
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
  for (const input of inputs) if (input.hexProblem !== undefined) io.stderr.write(`note: ${input.name} is text but not hex (${input.hexProblem}); reading it as bytes\n`);
  let failed = 0;
  let total = 0;
  const bars: ProgressBar[] = [];
  const onCapture = (input: LoadedInput): ((f: FrameResult) => void) | undefined => {
    if (io.stderr.isTTY !== true || input.bytes.length <= PROGRESS_THRESHOLD_BYTES) return undefined;
    bars.forEach((b) => b.done());
    const bar = new ProgressBar(io.stderr, packetCount(input.bytes), { sharedTerminal: io.stdout.isTTY === true });
    bars.push(bar);
    return (f) => bar.update((f.packetIndex ?? 0) + 1);
  };
  if (options.format === 'json') io.stdout.write('[');
  const choice: CaptureChoice = {
    ...(options.framing !== undefined ? { framing: options.framing } : {}),
    ...(options.fallbackFraming !== undefined ? { fallbackFraming: options.fallbackFraming } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.ports !== undefined ? { ports: options.ports } : {}),
    onSkippedStream: (s) => io.stderr.write(`${bars.length > 0 ? '\r\x1b[K' : ''}${skippedStreamLine(s)}`),
  };
  const counted = function* (frames: Iterable<FrameResult>): Generator<FrameResult> {
    for (const f of frames) {
      total++;
      if (f.error !== undefined) failed++;
      yield f;
    }
  };
  const record = (v: ViewedFrame): unknown => (options.brief === true ? frameRecord(v.frame) : frameRecordWithExtras(v.frame, v.reply));
  const ladder = options.format === 'ladder' ? new LadderBuilder(options.filter?.calls) : undefined;
  let shown = 0;
  const out = (s: string): void => {
    bars[bars.length - 1]?.clear();
    io.stdout.write(s);
  };
  if (options.format === 'summary') out(summaryHeading());
  for (const v of viewFrames(counted(decodeInputs(inputs, choice, onCapture)), options.filter)) {
    const f = v.frame;
    shown++;
    if (f.error !== undefined && options.format !== 'tree' && options.format !== 'summary') {
      const clearBar = bars.length > 0 ? '\r\x1b[K' : '';
      io.stderr.write(`${clearBar}error: frame ${f.index} at offset ${f.offset}: ${formatError(summarizeError(f.error))}\n`);
    }
    switch (options.format) {
      case 'tree':
        out(frameText(f));
        break;
      case 'summary':
        out(summaryLine(v));
        break;
      case 'ladder':
        ladder!.add(v);
        break;
      case 'ndjson':
        out(`${JSON.stringify(record(v))}\n`);
        break;
      case 'json':
        out(`${shown === 1 ? '\n' : ',\n'}${indent(JSON.stringify(record(v), null, 2))}`);
        break;
      default: {
        const never: never = options.format;
        throw new RangeError(`unknown format ${String(never)}`);
      }
    }
  }
  bars[bars.length - 1]?.done();
  if (ladder !== undefined) io.stdout.write(ladder.render());
  if (options.format === 'json') io.stdout.write(shown === 0 ? ']\n' : '\n]\n');
  if (failed > 0) io.stderr.write(`${failed} of ${total} frames failed to decode\n`);
  return failed > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
