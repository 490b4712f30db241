/**
 * Interop with an independent oracle: ECMA-285 + X.880 ASN.1 compiled by Erlang/OTP asn1ct
 * (oracle/build.sh, oracle/csta_oracle.escript). For every golden frame the oracle covers:
 * - the oracle decodes the fixture bytes to the same value as our decodePdu;
 * - the oracle re-encodes its decode to the identical bytes;
 * - the oracle accepts our encodePdu(decoded) and re-encodes it byte for byte;
 * - the oracle encodes the fixture's `decoded` value to the fixture bytes.
 * Frames whose operation/event the oracle does not cover are skipped (pending) with the reason.
 * Without erlc the whole suite is skipped.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { expect } from 'chai';
import { decodePdu, encodePdu } from '../../protocol/pdu.js';
import { REPO_ROOT, loadFrameFixtures, spacedHex } from '../support/fixtures.js';
import type { FrameFixture } from '../support/fixtures.js';

interface OracleDecode {
  readonly ok: boolean;
  readonly error?: string;
  readonly reencoded?: string;
  readonly value?: unknown;
}
interface OracleEncode {
  readonly ok: boolean;
  readonly error?: string;
  readonly hex?: string;
}
interface Coverage {
  readonly operations: string[];
  readonly errors: string[];
  readonly events: string[];
}
interface FrameResult {
  /** Oracle decode of the fixture bytes. */
  readonly fixture: OracleDecode;
  /** Our encoding of our decode, or the error that stopped it. */
  readonly ours: { readonly hex?: string; readonly error?: string };
  /** Oracle decode of our encoding. */
  readonly oursChecked?: OracleDecode;
  /** Oracle encoding of the fixture's `decoded`. */
  readonly encoded: OracleEncode;
}

const ORACLE_DIR = join(REPO_ROOT, 'oracle');
/** CSTA_FRAMES_DIR: check another directory of frames (same format) instead of fixtures/frames. */
const fixtures = loadFrameFixtures(process.env.CSTA_FRAMES_DIR || undefined);

function hasErlc(): boolean {
  const r = spawnSync('erlc', ['-help'], { stdio: 'ignore' });
  return r.error === undefined;
}

/**
 * True when the value holds vendor private data in place of ECMA-285's `private NULL` placeholder
 * (CSTAPrivateData / SecurityInfo): our codec keeps any element there (`{ tlv }`), the standard's
 * text (and so the oracle) only has NULL (`0500`).
 */
function hasVendorPrivateData(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasVendorPrivateData);
  const o = v as Record<string, unknown>;
  const p = o.private as { tlv?: unknown } | undefined;
  if (Object.keys(o).length === 1 && p !== undefined && typeof p === 'object' && p !== null && typeof p.tlv === 'string' && p.tlv !== '0500') return true;
  return Object.values(o).some(hasVendorPrivateData);
}

/** Why the oracle cannot check this frame, or undefined when it covers it. */
function uncoveredReason(fx: FrameFixture, cov: Coverage): string | undefined {
  const d = fx.decoded as Record<string, unknown>;
  const pdu = d.pdu as string;
  if (hasVendorPrivateData(d)) return "vendor private data in place of ECMA-285's NULL placeholder (the ASN.1 text only allows NULL)";
  if (!['invoke', 'returnResult', 'returnError', 'reject'].includes(pdu)) return `${pdu} PDUs are not in the oracle (ROSE only)`;
  if (pdu === 'invoke' || pdu === 'returnResult') {
    const op = d.operation as string | undefined;
    if (op === undefined) return undefined; // empty returnResult
    if (op === 'unknown') return 'operation unknown to our codec (raw argument), nothing to compare';
    if (op === 'callCompletion' || op === 'divertCall') return `operation ${op} is CSTA Phase II (ECMA-217/218), not in ECMA-285`;
    if (!cov.operations.includes(op)) return `operation ${op} not covered by the oracle (no ASN.1 module in oracle/asn1/)`;
    if (op === 'cSTAEventReport' && pdu === 'invoke') {
      const info = (d.argument as Record<string, unknown> | undefined)?.eventSpecificInfo as Record<string, unknown> | undefined;
      const cat = info === undefined ? undefined : Object.keys(info)[0];
      const ev = cat === undefined ? undefined : Object.keys(info![cat] as Record<string, unknown>)[0];
      const key = `${cat}.${ev}`;
      if (!cov.events.includes(key)) return `event ${key} not covered by the oracle (no ASN.1 module in oracle/asn1/)`;
    }
  }
  if (pdu === 'returnError') {
    const err = d.error as string;
    if (err === 'unknown') return 'error unknown to our codec (raw parameter), nothing to compare';
    if (!cov.errors.includes(err)) return `error ${err} not covered by the oracle`;
  }
  return undefined;
}

describe('interop with the Erlang asn1ct oracle (oracle/)', function () {
  this.timeout(300_000);
  let coverage: Coverage = { operations: [], errors: [], events: [] };
  const results = new Map<string, FrameResult>();
  const skipped: string[] = [];
  let verified = 0;

  before(function () {
    if (!hasErlc()) {
      console.log('    (oracle interop skipped: erlang-asn1 not installed: apt-get install erlang-asn1 erlang-base)');
      this.skip();
    }
    const build = spawnSync(join(ORACLE_DIR, 'build.sh'), [], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`oracle/build.sh failed (${build.status}):\n${build.stdout}\n${build.stderr}`);

    // One escript process for every frame: per fixture, up to three request lines.
    const lines: string[] = ['?coverage'];
    const plan: { file: string; ours: { hex?: string; error?: string } }[] = [];
    for (const fx of fixtures) {
      let ours: { hex?: string; error?: string };
      try {
        ours = { hex: Buffer.from(encodePdu(decodePdu(fx.bytes))).toString('hex') };
      } catch (e) {
        ours = { error: String(e) };
      }
      lines.push(fx.bytes.toString('hex'), JSON.stringify(fx.decoded));
      if (ours.hex !== undefined) lines.push(ours.hex);
      plan.push({ file: fx.file, ours });
    }
    const run = spawnSync('escript', [join(ORACLE_DIR, 'csta_oracle.escript')], {
      input: lines.join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`csta_oracle.escript failed (${run.status}): ${run.stderr}`);
    const out = run.stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as unknown);
    let i = 0;
    coverage = out[i++] as Coverage;
    for (const p of plan) {
      const fixture = out[i++] as OracleDecode;
      const encoded = out[i++] as OracleEncode;
      const oursChecked = p.ours.hex !== undefined ? (out[i++] as OracleDecode) : undefined;
      results.set(p.file, { fixture, ours: p.ours, encoded, ...(oursChecked ? { oursChecked } : {}) });
    }
    expect(i, 'one oracle answer per request').to.equal(out.length);
  });

  after(function () {
    if (results.size === 0) return;
    console.log(
      `    oracle covers ${coverage.operations.length} operations, ${coverage.events.length} events; ` +
        `verified ${verified} of ${fixtures.length} frames, skipped ${skipped.length}`,
    );
  });

  for (const fx of fixtures) {
    it(`${fx.file}: ${fx.description}`, function () {
      const reason = uncoveredReason(fx, coverage);
      if (reason !== undefined) {
        skipped.push(`${fx.file}: ${reason}`);
        this.test!.title += ` [not covered: ${reason}]`;
        this.skip();
      }
      const r = results.get(fx.file)!;
      const hex = fx.bytes.toString('hex');
      expect(r.fixture.error, 'oracle decode of the fixture bytes').to.equal(undefined);
      expect(r.fixture.ok).to.equal(true);
      expect(r.fixture.value, "oracle's decode vs our decodePdu").to.deep.equal(decodePdu(fx.bytes));
      expect(spacedHex(Buffer.from(r.fixture.reencoded!, 'hex')), 'oracle re-encoding of the fixture').to.equal(spacedHex(fx.bytes));
      expect(r.ours.error, 'our encodePdu(decodePdu(bytes))').to.equal(undefined);
      expect(r.oursChecked?.error, 'oracle decode of our encoding').to.equal(undefined);
      expect(r.oursChecked!.reencoded, 'oracle re-encoding of our encoding').to.equal(r.ours.hex);
      expect(r.ours.hex, 'our encoding vs the fixture').to.equal(hex);
      expect(r.encoded.error, "oracle encoding of the fixture's decoded value").to.equal(undefined);
      expect(spacedHex(Buffer.from(r.encoded.hex!, 'hex')), "oracle encoding of the fixture's decoded value").to.equal(spacedHex(fx.bytes));
      verified++;
    });
  }
});
