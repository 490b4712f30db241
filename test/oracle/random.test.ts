/**
 * Random values against the independent Erlang asn1ct oracle (oracle/, issue 11), per type
 * (every operation argument and result, event and universalFailure category the oracle covers):
 * - oracle → csta-link: the oracle draws values (asn1ct's generator, widened: OPTIONAL components
 *   dropped at random, BOOLEANs and bit sets drawn, random octets; oracle/csta_random.erl) and
 *   encodes them; decodePdu gives the oracle's value and encodePdu gives the oracle's bytes back,
 *   and the same value written in the other BER forms (test/support/ber-alt.ts) decodes to it too;
 * - csta-link → oracle: values drawn from our schema (test/support/schema-values.ts) and encoded
 *   by encodePdu; the oracle decodes them to the same value, re-encodes the same bytes, and
 *   encodes our value to the same bytes.
 * The seed is fixed and printed (CSTA_ORACLE_SEED=<n> to explore another); CSTA_ORACLE_RUNS sets
 * the values per type and direction (default 100). Without erlc the suite is pending.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import { decodePdu, encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { Rng, ValueGenerator } from '../support/schema-values.js';
import { schemaTypes } from '../support/schema-types.js';
import { ECMA285_CONSTRAINTS } from '../support/schema-constraints.js';
import { CASES } from '../support/ber-examples.js';
import { AltBerEncoder, altEncodePdu } from '../support/ber-alt.js';
import type { SchemaType, TypeKind } from '../support/schema-types.js';

const SEED = Number(process.env.CSTA_ORACLE_SEED ?? 20261211);
const RUNS = Number(process.env.CSTA_ORACLE_RUNS ?? 100);
const ORACLE_DIR = join(REPO_ROOT, 'oracle');

interface Coverage {
  readonly operations: string[];
  readonly errors: string[];
  readonly events: string[];
}
interface OracleValue {
  readonly hex?: string;
  readonly value?: unknown;
  readonly error?: string;
}
interface OracleAnswer {
  readonly ok: boolean;
  readonly error?: string;
  readonly values?: OracleValue[];
  readonly reencoded?: string;
  readonly value?: unknown;
  readonly hex?: string;
}

function hasErlc(): boolean {
  return spawnSync('erlc', ['-help'], { stdio: 'ignore' }).error === undefined;
}

/** Runs one oracle process over `lines`, one JSON answer per line. */
function oracle(lines: readonly string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('escript', [join(ORACLE_DIR, 'csta_oracle.escript')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`csta_oracle.escript failed (${status}): ${Buffer.concat(err).toString()}`));
      const answers = Buffer.concat(out)
        .toString('utf8')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as unknown);
      if (answers.length !== lines.length) return reject(new Error(`oracle answered ${answers.length} of ${lines.length} lines`));
      resolve(answers);
    });
    child.stdin.end(lines.join('\n') + '\n');
  });
}

/** The oracle's name for a type (its `?random` NAME), or why it does not cover it. */
function oracleName(t: SchemaType, cov: Coverage): { name: string } | { reason: string } {
  const a = t.name.split('.')[0]!;
  switch (t.kind) {
    case 'argument':
    case 'result':
      return cov.operations.includes(a) ? { name: a } : { reason: `operation ${a} not covered by the oracle (no ASN.1 module in oracle/asn1/)` };
    case 'event':
      return cov.events.includes(t.name) ? { name: t.name } : { reason: `event ${t.name} not covered by the oracle (no ASN.1 module in oracle/asn1/)` };
    case 'error':
      return cov.errors.includes(a) ? { name: t.name } : { reason: `error ${a} is not in the oracle` };
    default: {
      const never: never = t.kind;
      return { reason: String(never) };
    }
  }
}

function short(v: unknown): string {
  return (JSON.stringify(v) ?? String(v)).slice(0, 500);
}

describe(`oracle: random values both ways (seed ${SEED}, ${RUNS} values per type and direction)`, function () {
  this.timeout(600_000);
  const types = schemaTypes();
  const covered: { type: SchemaType; name: string }[] = [];
  const uncovered: string[] = [];
  /** failures[kind][direction] */
  const failures = new Map<string, string[]>();
  const counts = { fromOracle: 0, fromOracleAlt: 0, toOracle: 0 };
  const usedConstraints = new Set<string>();
  let examples: OracleAnswer[] = [];
  let ready = false;

  function fail(kind: TypeKind, dir: 'from' | 'to', msg: string): void {
    const k = `${kind}:${dir}`;
    const list = failures.get(k) ?? [];
    list.push(msg);
    failures.set(k, list);
  }

  before(async function () {
    if (!hasErlc()) {
      console.log('    (oracle random values pending: erlang-asn1 not installed: apt-get install erlang-asn1 erlang-base)');
      this.skip();
    }
    const build = spawnSync(join(ORACLE_DIR, 'build.sh'), [], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`oracle/build.sh failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    const cov = (await oracle(['?coverage']))[0] as Coverage;
    for (const t of types) {
      const n = oracleName(t, cov);
      if ('name' in n) covered.push({ type: t, name: n.name });
      else uncovered.push(`${t.name}: ${n.reason}`);
    }

    // Two oracle processes side by side: the oracle's own draws; for each of our values its decode and its encode.
    const draws = covered.map((c) => `?random ${SEED} ${RUNS} ${c.type.kind} ${c.name}`);
    const lines: string[] = [];
    const ours: { type: SchemaType; pdu: CstaPdu; hex: string }[] = [];
    covered.forEach((c, i) => {
      // Open types only as NULL (the ECMA-285 text has NULL there); ECMA-285's ranges and sizes kept.
      const options = { profile: 'ber', openTypes: 'null', constraints: ECMA285_CONSTRAINTS } as const;
      const gen = new ValueGenerator(new Rng((SEED ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0), options);
      for (let k = 0; k < RUNS; k++) {
        const pdu = c.type.pdu(gen, true);
        const hex = encodePdu(pdu).toString('hex');
        ours.push({ type: c.type, pdu, hex });
        lines.push(hex, JSON.stringify(pdu));
      }
      for (const k of gen.usedConstraints) usedConstraints.add(k);
    });
    const exampleLines = CASES.map((c) => c.frame.replace(/\s+/g, ''));
    const [drawn, checked, ex] = (await Promise.all([oracle(draws), oracle(lines), oracle(exampleLines)])) as OracleAnswer[][];
    examples = ex!;

    const alt = new AltBerEncoder(new Rng(SEED));
    covered.forEach((c, i) => {
      const a = drawn[i]!;
      if (!a.ok) return fail(c.type.kind, 'from', `${c.type.name}: oracle could not draw values: ${a.error}`);
      a.values!.forEach((v, k) => {
        counts.fromOracle++;
        const where = `${c.type.name} #${k}`;
        if (v.error !== undefined) return fail(c.type.kind, 'from', `${where}: oracle: ${v.error}`);
        try {
          const d = decodePdu(Buffer.from(v.hex!, 'hex'));
          if (!isDeepStrictEqual(d, v.value)) return fail(c.type.kind, 'from', `${where}: decodePdu(${v.hex!.slice(0, 300)})\n      ours:   ${short(d)}\n      oracle: ${short(v.value)}`);
          const re = encodePdu(d).toString('hex');
          if (re !== v.hex) return fail(c.type.kind, 'from', `${where}: re-encoding differs\n      ours:   ${re}\n      oracle: ${v.hex}`);
          // The oracle's value in the other BER forms (indefinite/long lengths, segments, non-FF TRUE).
          counts.fromOracleAlt++;
          const frame = altEncodePdu(alt, d);
          const again = decodePdu(frame);
          if (!isDeepStrictEqual(again, v.value)) fail(c.type.kind, 'from', `${where}: alternative form ${frame.toString('hex').slice(0, 300)} decodes to ${short(again)}`);
        } catch (e) {
          fail(c.type.kind, 'from', `${where}: ${String(e)} (frame ${v.hex!.slice(0, 300)})`);
        }
      });
    });
    let at = 0;
    const seen = new Map<SchemaType, number>();
    for (const o of ours) {
      const k = seen.get(o.type) ?? 0;
      seen.set(o.type, k + 1);
      counts.toOracle++;
      const where = `${o.type.name} #${k}`;
      const dec = checked[at++]!;
      const enc = checked[at++]!;
      if (!dec.ok) fail(o.type.kind, 'to', `${where}: oracle cannot decode ${o.hex.slice(0, 300)}: ${dec.error}`);
      else if (!isDeepStrictEqual(dec.value, o.pdu)) fail(o.type.kind, 'to', `${where}: oracle decodes ${o.hex.slice(0, 300)}\n      oracle: ${short(dec.value)}\n      ours:   ${short(o.pdu)}`);
      else if (dec.reencoded !== o.hex) fail(o.type.kind, 'to', `${where}: oracle re-encodes differently\n      oracle: ${dec.reencoded}\n      ours:   ${o.hex}`);
      if (!enc.ok) fail(o.type.kind, 'to', `${where}: oracle cannot encode our value ${short(o.pdu)}: ${enc.error}`);
      else if (enc.hex !== o.hex) fail(o.type.kind, 'to', `${where}: oracle encodes our value differently\n      oracle: ${enc.hex}\n      ours:   ${o.hex}`);
    }
    ready = true;
  });

  after(function () {
    if (!ready) return;
    const total = [...failures.values()].reduce((n, l) => n + l.length, 0);
    console.log(
      `    seed ${SEED}: ${covered.length} types covered (${uncovered.length} not: ${uncovered.join('; ') || 'none'}); ` +
        `values tried: oracle → csta-link ${counts.fromOracle} (${counts.fromOracleAlt} also in alternative BER forms), ` +
        `csta-link → oracle ${counts.toOracle}; failures ${total}`,
    );
  });

  it('the issue 11 example frames: the oracle decodes each to the value csta-link does and re-encodes it as csta-link does', () => {
    CASES.forEach((c, i) => {
      const a = examples[i]!;
      expect(a.error, c.title).to.equal(undefined);
      const frame = Buffer.from(c.frame.replace(/\s+/g, ''), 'hex');
      const ours = decodePdu(frame);
      expect(a.value, c.title).to.deep.equal(ours);
      expect(a.reencoded, c.title).to.equal(encodePdu(ours).toString('hex'));
    });
  });

  it('every ECMA-285 constraint in the table names a component of the schema (no typo hides one)', () => {
    expect([...ECMA285_CONSTRAINTS.keys()].filter((k) => !usedConstraints.has(k))).to.deep.equal([]);
  });

  for (const kind of ['argument', 'result', 'event', 'error'] as const) {
    for (const dir of ['from', 'to'] as const) {
      const title = dir === 'from' ? 'oracle-drawn values decode to the oracle’s value and re-encode to its bytes' : 'our values decode and encode in the oracle to the same value and bytes';
      it(`${kind} types: ${title}`, () => {
        expect(covered.filter((c) => c.type.kind === kind).length, `covered ${kind} types`).to.be.greaterThan(0);
        const list = failures.get(`${kind}:${dir}`) ?? [];
        if (list.length > 0) expect.fail(`${list.length} failures (seed ${SEED}):\n  ${list.slice(0, 5).join('\n  ')}`);
      });
    }
  }
});
