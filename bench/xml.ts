/**
 * XML decode benchmark over the ECMA-323 fixtures (fixtures/xml/). `bench/run.ts` imports
 * `benchXml(ms)`; `decodeXmlFrames(n)` runs a fixed number of decodes instead. Neither asserts
 * anything about time: they only report rates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { decodeXml } from '../protocol/xml/index.js';
import { REPO_ROOT } from '../test/support/fixtures.js';
import { measure } from './measure.js';
import type { Measurement } from './measure.js';

/** The XML fixture messages, as strings. */
export function loadXmlMessages(dir = join(REPO_ROOT, 'fixtures', 'xml')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Decodes the XML fixtures round-robin for about `ms` milliseconds; the rate is frames per second. */
export function benchXml(ms = 1000): Measurement {
  return measure('XML decode (decodeXml)', loadXmlMessages(), (x) => decodeXml(x), ms);
}

/** A strict SAX pass alone (saxes, no handlers but text) over the same fixtures: the floor for decodeXml. */
export function benchSaxesAlone(ms = 1000): Measurement {
  return measure('saxes pass alone', loadXmlMessages(), saxesPass, ms);
}

/** One strict saxes pass over `x` counting elements: the floor for decodeXml. */
export function saxesPass(x: string): number {
  const p = new SaxesParser({ position: true, xmlns: false });
  let n = 0;
  p.on('opentag', () => n++);
  p.write(x).close();
  return n;
}

/** Runs `n` decodes of the XML fixtures (round-robin) and returns frames per second. */
export function decodeXmlFrames(n: number): number {
  const messages = loadXmlMessages();
  if (messages.length === 0) throw new Error('no XML fixtures');
  const start = performance.now();
  for (let i = 0; i < n; i++) decodeXml(messages[i % messages.length]!);
  const elapsed = performance.now() - start;
  return elapsed > 0 ? (n * 1000) / elapsed : Infinity;
}
