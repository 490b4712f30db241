/**
 * Erlang/OTP asn1ct's codec, compiled from the project's oracle (oracle/build.sh), as benchmark
 * cases that run in the same rounds as csta-link's: a child process (bench/erlang-codec.escript)
 * does the work, one slice per request over a pipe. Absent (with the reason) when erlc is not
 * installed or the build fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/fixtures.js';
import type { Case, Slice } from './harness.js';

export interface ErlangReference {
  /** Indices (into the frames given) that asn1ct decodes and re-encodes byte-identically. */
  readonly ready: readonly number[];
  readonly decode: Case;
  readonly encode: Case;
  close(): void;
}

/** Builds the oracle if needed and starts the codec; `{ skipped }` says why it cannot run. */
export async function startErlang(frames: readonly Uint8Array[]): Promise<ErlangReference | { readonly skipped: string }> {
  if (spawnSync('sh', ['-c', 'command -v erlc && command -v escript'], { encoding: 'utf8' }).status !== 0) {
    return { skipped: 'erlc/escript not installed (apt-get install erlang-asn1 erlang-base)' };
  }
  const build = spawnSync(join(REPO_ROOT, 'oracle', 'build.sh'), [], { encoding: 'utf8' });
  if (build.status !== 0) return { skipped: `oracle/build.sh failed: ${(build.stderr || build.stdout).trim().split('\n').pop() ?? ''}` };
  const child = spawn('escript', [join(REPO_ROOT, 'bench', 'erlang-codec.escript'), join(REPO_ROOT, '.oracle-build', 'erl')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  const ask = (line: string): Promise<string> =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      child.stdin.write(`${line}\n`, (e) => (e ? reject(e) : undefined));
    });
  child.on('exit', () => {
    for (const w of waiting.splice(0)) w('error');
  });
  const hex = frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('hex'));
  const answer = await ask(`frames ${hex.join(',')}`);
  if (!answer.startsWith('ready')) {
    child.kill();
    return { skipped: `the Erlang codec did not start (${answer})` };
  }
  const ready = answer.slice(6).split(',').filter((s) => s !== '').map(Number);
  const timed = (what: string): Case => ({
    name: `Erlang asn1ct ${what}`,
    async slice(ms: number): Promise<Slice> {
      const [ops, us] = (await ask(`${what} ${Math.max(1, Math.round(ms))}`)).split(' ').map(Number);
      if (ops === undefined || us === undefined || !Number.isFinite(ops) || !Number.isFinite(us)) throw new Error(`Erlang codec failed during ${what}`);
      return { ops, ms: us / 1000 };
    },
  });
  return {
    ready,
    decode: timed('decode'),
    encode: timed('encode'),
    close: () => {
      child.stdin.end();
    },
  };
}
