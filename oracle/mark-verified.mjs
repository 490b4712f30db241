#!/usr/bin/env node
/**
 * Runs every golden frame (fixtures/frames/*.json) through the Erlang asn1ct oracle and, for each
 * frame the oracle decodes to exactly the fixture's `decoded` value, re-encodes to exactly the
 * fixture bytes, and encodes `decoded` back to exactly those bytes, appends
 * "; verified by erlang-asn1" to the fixture's "source" field (nothing else in the file changes).
 * Prints the frames the oracle disagrees with. Build first: oracle/build.sh.
 * usage: node oracle/mark-verified.mjs [--dry-run]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'fixtures', 'frames');
const MARK = '; verified by erlang-asn1';
const dry = process.argv.includes('--dry-run');

/** Vendor private data in place of ECMA-285's `private NULL` placeholder: not checkable here. */
function hasVendorPrivateData(v) {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasVendorPrivateData);
  const p = v.private;
  if (Object.keys(v).length === 1 && p && typeof p === 'object' && typeof p.tlv === 'string' && p.tlv !== '0500') return true;
  return Object.values(v).some(hasVendorPrivateData);
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const fx = files.map((file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const raw = JSON.parse(text);
  const hex = raw.annotatedHex.map((l) => l.replace(/--.*$/, '').replace(/\s+/g, '')).join('').toLowerCase();
  return { file, text, raw, hex };
});
const lines = ['?coverage', ...fx.flatMap((f) => [f.hex, JSON.stringify(f.raw.decoded)])];
const run = spawnSync('escript', [join(ROOT, 'oracle', 'csta_oracle.escript')], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
const out = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cov = out[0];
let verified = 0;
let marked = 0;
const uncovered = [];
out.shift();
fx.forEach((f, i) => {
  const dec = out[2 * i];
  const enc = out[2 * i + 1];
  const v = f.raw.decoded;
  let covered = ['invoke', 'returnResult', 'returnError', 'reject'].includes(v.pdu) && !hasVendorPrivateData(v);
  if (covered && v.operation !== undefined) covered = cov.operations.includes(v.operation);
  if (covered && v.pdu === 'returnError') covered = cov.errors.includes(v.error);
  if (covered && v.pdu === 'invoke' && v.operation === 'cSTAEventReport') {
    const info = v.argument.eventSpecificInfo;
    const cat = Object.keys(info)[0];
    covered = cov.events.includes(`${cat}.${Object.keys(info[cat])[0]}`);
  }
  if (!covered) {
    uncovered.push(f.file);
    return;
  }
  const problems = [];
  if (!dec.ok) problems.push(`oracle decode failed: ${dec.error}`);
  else {
    if (dec.reencoded !== f.hex) problems.push(`oracle re-encoding differs: ${dec.reencoded}`);
    if (!isDeepStrictEqual(dec.value, v)) problems.push(`oracle value differs: ${JSON.stringify(dec.value)}`);
  }
  if (!enc.ok) problems.push(`oracle encode of decoded failed: ${enc.error}`);
  else if (enc.hex !== f.hex) problems.push(`oracle encoding of decoded differs: ${enc.hex}`);
  if (problems.length > 0) {
    console.log(`DISAGREES ${f.file}\n  ${problems.join('\n  ')}`);
    return;
  }
  verified++;
  if (f.raw.source.includes(MARK)) return;
  const src = JSON.stringify(f.raw.source);
  const re = new RegExp(`("source"\\s*:\\s*)${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  if (!re.test(f.text)) throw new Error(`${f.file}: cannot find the source field text`);
  const text = f.text.replace(re, `$1${JSON.stringify(f.raw.source + MARK)}`);
  if (!dry) writeFileSync(join(DIR, f.file), text);
  marked++;
});
console.log(`verified ${verified} of ${fx.length} frames (${marked} newly marked${dry ? ', dry run' : ''}); not covered: ${uncovered.length}`);
if (process.argv.includes('-v')) console.log(`not covered: ${uncovered.join(' ')}`);
