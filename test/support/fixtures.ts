/** Loads the golden frames in fixtures/frames/ (see docs/fixtures.md). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FRAMES_DIR = join(REPO_ROOT, 'fixtures', 'frames');

export interface FrameFixture {
  readonly file: string;
  readonly description: string;
  readonly source: string;
  readonly bytes: Buffer;
  readonly decoded: unknown;
}

/** Hex from annotated lines: `--` starts a comment, whitespace is ignored. */
export function parseAnnotatedHex(lines: readonly string[]): Buffer {
  const hex = lines.map((l) => l.replace(/--.*$/, '').replace(/\s+/g, '')).join('');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`bad annotated hex: ${hex}`);
  return Buffer.from(hex, 'hex');
}

export function loadFrameFixtures(dir = FRAMES_DIR): FrameFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        description: string;
        source: string;
        annotatedHex: string[];
        decoded: unknown;
      };
      return { file, description: raw.description, source: raw.source, bytes: parseAnnotatedHex(raw.annotatedHex), decoded: raw.decoded };
    });
}

/** `a1 1a 02 01 ...` for readable diffs. */
export function spacedHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex').replace(/(..)(?!$)/g, '$1 ');
}
