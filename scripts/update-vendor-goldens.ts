/**
 * (Re)writes the goldens of the vendor-dialect corpus: for every fixtures/vendors/<vendor>/<name>.xml
 * or .hex, `<name>.json` = what `csta decode --profile <vendor> [--framing xml] --json --brief` prints for
 * it with the current decoder (fixtures/vendors/vendor-fixtures.ts `cliCommandFor`).
 *
 *   npx tsx scripts/update-vendor-goldens.ts            # rewrite every golden, report each fixture
 *   npx tsx scripts/update-vendor-goldens.ts --check    # write nothing; exit 1 if a golden differs
 *   npx tsx scripts/update-vendor-goldens.ts avaya-dmcc # only the fixtures of these vendors
 *
 * Run it after a deliberate decoder change, then read the diff: identifiers must be exactly as the
 * XML writes them and the message names right (test/protocol/vendors.test.ts checks the first).
 * A fixture whose frames do not decode still gets a golden (holding the error records), and is
 * listed with its first error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeFixture, goldenText, loadVendorFixtures } from '../fixtures/vendors/vendor-fixtures.js';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const vendors = argv.filter((a) => !a.startsWith('--'));
  const fixtures = loadVendorFixtures().filter((f) => vendors.length === 0 || vendors.includes(f.vendor));
  let changed = 0;
  let failed = 0;
  for (const fx of fixtures) {
    const records = decodeFixture(fx);
    const text = goldenText(records);
    const old = existsSync(fx.goldenPath) ? readFileSync(fx.goldenPath, 'utf8') : undefined;
    const errors = records.filter((r) => r.error !== undefined);
    const what = records.map((r) => (r.pdu !== undefined ? describePdu(r.pdu) : 'ERROR')).join(', ');
    let status = old === text ? 'same' : old === undefined ? 'new' : 'changed';
    if (old !== text) {
      changed++;
      if (!check) writeFileSync(fx.goldenPath, text);
    }
    if (errors.length > 0) {
      failed++;
      const e = errors[0]!.error!;
      status += `, ${errors.length} of ${records.length} frames FAILED: ${e.code} at ${e.offset ?? '?'}: ${e.message}`;
    }
    process.stdout.write(`${fx.path}: ${status} [${what}]\n`);
  }
  process.stdout.write(`${fixtures.length} fixtures, ${changed} ${check ? 'differ' : 'written'}, ${failed} with frames that do not decode\n`);
  return check && changed > 0 ? 1 : 0;
}

/** `invoke makeCall`, `returnResult monitorStart`, `vendor loginRequest`, `applicationSession startApplicationSession`... for the report. */
function describePdu(pdu: unknown): string {
  if (typeof pdu !== 'object' || pdu === null) return String(pdu);
  const p = pdu as Record<string, unknown>;
  const kind = (p.message as { kind?: unknown } | undefined)?.kind;
  const name = p.operation ?? p.root ?? kind ?? p.name ?? p.error ?? '';
  let detail = '';
  if (p.operation === 'cSTAEventReport') {
    const info = (p.argument as { eventSpecificInfo?: Record<string, Record<string, unknown>> } | undefined)?.eventSpecificInfo;
    const category = info !== undefined ? Object.values(info)[0] : undefined;
    if (category !== undefined) detail = ` ${Object.keys(category).join('|')}`;
  }
  return `${String(p.pdu)} ${typeof name === 'string' ? name : JSON.stringify(name)}${detail}`.trim();
}

process.exitCode = main(process.argv.slice(2));
