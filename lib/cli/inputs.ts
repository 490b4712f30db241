/**
 * `csta decode` INPUT arguments → bytes: `-` is standard input, an existing path is a file, any
 * other argument must be hex. File contents are classified by what they start with: a pcap/pcapng
 * magic number (kept as is), XML text (kept as is), hex text (parsed, see hex-input.ts), anything
 * else binary.
 */
import type { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isCapture } from './frames.js';
import { looksLikeHexText, parseHexText } from './hex-input.js';
import { readAll } from './io.js';
import type { CliIo } from './io.js';

/** One input, loaded. */
export interface LoadedInput {
  /** The argument as given (`-` for stdin, a path, or `hex`). */
  readonly name: string;
  /** How the bytes were found. */
  readonly kind: 'capture' | 'hex' | 'binary' | 'xml';
  readonly bytes: Buffer;
  /** Text that looked like hex but did not parse as hex: why (it is then read as binary). */
  readonly hexProblem?: string;
}

/** An input argument that is neither a file, `-`, nor hex. */
export class InputError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function startsWithXml(bytes: Buffer): boolean {
  const text = bytes.subarray(0, 64).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  return /^\s*</.test(text);
}

/** Classifies the contents of a file or of standard input. */
export function classify(name: string, bytes: Buffer): LoadedInput {
  if (isCapture(bytes)) return { name, kind: 'capture', bytes };
  if (startsWithXml(bytes)) return { name, kind: 'xml', bytes };
  if (looksLikeHexText(bytes)) {
    try {
      return { name, kind: 'hex', bytes: parseHexText(bytes.toString('latin1')) };
    } catch (e) {
      // Printable but not hex: read as bytes, and say why it is not hex.
      return { name, kind: 'binary', bytes, hexProblem: e instanceof Error ? e.message.replace(/ at offset \d+$/, '') : String(e) };
    }
  }
  return { name, kind: 'binary', bytes };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** True for an argument meant as a path: it has a slash, starts with `.` or `~`, or ends with a file extension. */
function looksLikePath(arg: string): boolean {
  return /[/\\]/.test(arg) || /^[.~]/.test(arg) || /\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(arg);
}

/** Loads one INPUT argument. Throws {@link InputError} for an argument that is nothing usable. */
export async function loadInput(arg: string, io: CliIo): Promise<LoadedInput> {
  if (arg === '-') return classify('-', await readAll(io.stdin));
  const path = resolve(io.cwd ?? process.cwd(), arg);
  if (await isFile(path)) return classify(arg, await readFile(path));
  if (looksLikePath(arg)) throw new InputError(`no such file: ${arg}${existsSync(path) ? ' (it is a directory)' : ''}`);
  try {
    return { name: 'hex', kind: 'hex', bytes: parseHexText(arg) };
  } catch (e) {
    const why = e instanceof Error ? `: ${e.message.replace(/ at offset \d+$/, '')}` : '';
    throw new InputError(`${JSON.stringify(arg.length > 40 ? `${arg.slice(0, 40)}…` : arg)} is not a file, "-" or a hex string${why}`);
  }
}
