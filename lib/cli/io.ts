/**
 * The CLI's view of the process: where it writes and reads. Tests inject their own; `bin/csta.js`
 * passes the real process streams.
 */
import { Buffer } from 'node:buffer';

/** Something the CLI can write text or bytes to. */
export interface CliOutput {
  write(chunk: string | Uint8Array): unknown;
  /** True when this is an interactive terminal (progress bars are drawn only then). */
  readonly isTTY?: boolean;
}

/** Streams and working directory of one CLI run. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** Bytes of standard input; read only when an input is `-` or no input is given. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /** Directory relative paths are resolved against. @default process.cwd() */
  readonly cwd?: string;
  /** Ends long-running commands (`simulate`); the entry points abort it on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}

/** An AbortSignal aborted by the first SIGINT or SIGTERM of the process. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

/** Reads all of standard input. */
export async function readAll(input: AsyncIterable<Uint8Array | string> | undefined): Promise<Buffer> {
  if (input === undefined) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for await (const chunk of input) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** An in-memory {@link CliOutput} (tests, and conformance which captures decode output). */
export class MemoryOutput implements CliOutput {
  private readonly parts: Buffer[] = [];
  readonly isTTY: boolean;

  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }

  write(chunk: string | Uint8Array): boolean {
    this.parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return true;
  }

  /** Everything written, as UTF-8 text. */
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }

  /** Everything written, as bytes. */
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}
