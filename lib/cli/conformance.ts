/**
 * `csta replay TRACE` and `csta conformance DIR`. Conformance runs every trace folder: the decode
 * output must equal `expected-decode.ndjson` byte for byte, and the Pega events must equal
 * `expected-pega.json`; each failure is printed with a line diff. `--update` (for maintainers,
 * after a deliberate change) rewrites the expectations from the current output instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { inputFrames } from './frames.js';
import type { FrameResult } from './frames.js';
import { classify } from './inputs.js';
import type { CliIo } from './io.js';
import { lineDiff } from './line-diff.js';
import { ndjsonLine } from './render.js';
import { EXPECTED_DECODE, EXPECTED_PEGA, inferMonitors, replayFrames, traceFolders, traceInput } from './trace.js';
import type { EventMapper } from './trace.js';
import { jsonReplacer } from './values.js';

/** A trace folder without a trace input. */
export class TraceError extends Error {
  readonly code = 'BAD_TRACE';
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

/** Decoded frames of a trace folder. */
export async function traceFrames(dir: string): Promise<FrameResult[]> {
  const input = traceInput(dir);
  if (input === undefined) throw new TraceError(`${dir} holds no trace.pcap, trace.pcapng or trace.hex`);
  const loaded = classify(basename(input), await readFile(input));
  return [...inputFrames(loaded.bytes, {})];
}

/** The `csta decode --ndjson` text of a trace. */
export function decodeText(frames: readonly FrameResult[]): string {
  return frames.map(ndjsonLine).join('');
}

/** Pretty JSON of the Pega events, as stored in expected-pega.json. */
export function pegaText(events: readonly unknown[]): string {
  return `${JSON.stringify(events, jsonReplacer, 2)}\n`;
}

/** Options of `csta replay`. */
export interface ReplayCommandOptions {
  /** crossRefIdentifier → device (`--monitor 0001=2000`). */
  readonly monitors?: ReadonlyMap<string, string>;
  /** Infer the monitors a mid-session capture does not show (see {@link inferMonitors}). @default true */
  readonly infer?: boolean;
}

/** Writes a trace folder's expected-decode.ndjson and expected-pega.json from its trace input. */
export async function writeTraceExpectations(dir: string, mapper: EventMapper<unknown>): Promise<void> {
  const frames = await traceFrames(dir);
  await writeFile(join(dir, EXPECTED_DECODE), decodeText(frames));
  await writeFile(join(dir, EXPECTED_PEGA), pegaText(replayFrames(frames, mapper).events));
}

/**
 * Runs `csta replay`: prints each Pega event as a JSON line. TRACE is a trace folder or a capture
 * (or hex) file. Exit 1 when frames failed or events could not be routed.
 */
export async function runReplay(trace: string, io: CliIo, mapper: EventMapper<unknown>, options: ReplayCommandOptions = {}): Promise<number> {
  const path = resolve(io.cwd ?? process.cwd(), trace);
  if (!existsSync(path)) throw new TraceError(`no such file or folder: ${trace}`);
  const frames = statSync(path).isDirectory() ? await traceFrames(path) : [...inputFrames(classify(basename(path), await readFile(path)).bytes, {})];
  const inferred = options.infer === false ? new Map<string, string>() : inferMonitors(frames);
  for (const [key, device] of inferred) {
    const [stream, crossRef] = key.split(':');
    if (options.monitors?.has(crossRef!) === true) continue;
    io.stderr.write(`note: crossRefIdentifier ${crossRef} (stream ${stream}) has no monitorStart in the trace; every event of it names ${device}, so it is taken as ${device}'s monitor (or give --monitor ${crossRef}=DEVICE)\n`);
  }
  const { events, unrouted } = replayFrames(frames, mapper, { ...(options.monitors !== undefined ? { monitors: options.monitors } : {}), streamMonitors: inferred });
  for (const e of events) io.stdout.write(`${JSON.stringify(e, jsonReplacer)}\n`);
  const failed = frames.filter((f) => f.error !== undefined);
  for (const f of failed) io.stderr.write(`error: frame ${f.index} did not decode: ${f.error!.message}\n`);
  for (const u of unrouted) {
    io.stderr.write(`warning: frame ${u.index}: event for crossRefIdentifier ${u.crossRefIdentifier} with no monitorStart result before it (give --monitor ${u.crossRefIdentifier}=DEVICE)\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** Options of `csta conformance`. */
export interface ConformanceOptions {
  /** Rewrite the expectations instead of comparing (maintainers only). */
  readonly update?: boolean;
}

/** Runs `csta conformance`; returns the exit code (1 when any trace failed). */
export async function runConformance(dirArg: string, options: ConformanceOptions, io: CliIo, mapper: EventMapper<unknown>): Promise<number> {
  const root = resolve(io.cwd ?? process.cwd(), dirArg);
  const folders = traceFolders(root);
  if (folders.length === 0) {
    io.stderr.write(`no trace folders in ${dirArg}\n`);
    return 1;
  }
  let passed = 0;
  let failed = 0;
  for (const dir of folders) {
    const name = relative(root, dir) || basename(dir);
    const frames = await traceFrames(dir);
    const actualDecode = decodeText(frames);
    const actualPega = pegaText(replayFrames(frames, mapper).events);
    if (options.update === true) {
      await writeFile(join(dir, EXPECTED_DECODE), actualDecode);
      await writeFile(join(dir, EXPECTED_PEGA), actualPega);
      io.stdout.write(`updated ${name}\n`);
      passed++;
      continue;
    }
    const diffs: string[] = [];
    for (const [file, actual] of [
      [EXPECTED_DECODE, actualDecode],
      [EXPECTED_PEGA, actualPega],
    ] as const) {
      const path = join(dir, file);
      if (!existsSync(path)) {
        diffs.push(`${file} is missing (run with --update to create it)\n`);
        continue;
      }
      const diff = lineDiff(await readFile(path, 'utf8'), actual, `${name}/${file}`, 'actual');
      if (diff !== '') diffs.push(diff);
    }
    if (diffs.length === 0) {
      passed++;
      io.stdout.write(`PASS ${name}\n`);
    } else {
      failed++;
      io.stdout.write(`FAIL ${name}\n${diffs.join('')}`);
    }
  }
  io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
