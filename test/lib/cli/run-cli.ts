/** Runs the CLI in-process with captured streams (helper for the CLI tests). */
import { Readable } from 'node:stream';
import { main } from '../../../lib/cli/main.js';
import type { CliDependencies } from '../../../lib/cli/main.js';
import { MemoryOutput } from '../../../lib/cli/io.js';
import { REPO_ROOT } from '../../support/fixtures.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** `csta ...argv` with cwd = the repository root unless given. */
export async function runCli(argv: readonly string[], opts: { stdin?: string | Buffer; cwd?: string; deps?: CliDependencies; stderrIsTTY?: boolean } = {}): Promise<CliRun> {
  const stdout = new MemoryOutput();
  const stderr = new MemoryOutput(opts.stderrIsTTY ?? false);
  const io = {
    stdout,
    stderr,
    stdin: Readable.from(opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin]),
    cwd: opts.cwd ?? REPO_ROOT,
  };
  const code = opts.deps === undefined ? await main(argv, io) : await main(argv, io, opts.deps);
  return { code, stdout: stdout.text(), stdoutBytes: stdout.bytes(), stderr: stderr.text() };
}
