/**
 * Every type a public declaration names is exported (scripts/check-exports.mjs over the emitted
 * declarations), and the check itself fails on a type that is named but not exported.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/fixtures.js';

const run = promisify(execFile);
const CHECK = join(REPO_ROOT, 'scripts', 'check-exports.mjs');

/** Runs the check over `dist`; its exit code and output. */
async function check(dist: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CHECK, dist]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('package: public types are exported', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'csta-exports-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names no type in a public declaration that csta-link or csta-link/protocol does not export', async () => {
    const out = join(dir, 'dist');
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.build.json'), '--emitDeclarationOnly', '--sourceMap', 'false', '--outDir', out], { cwd: REPO_ROOT });
    const result = await check(out);
    expect(result.out).to.match(/every type their declarations name is public/);
    expect(result.code).to.equal(0);
  });

  it('fails, naming the type, when a public signature names an unexported one', async () => {
    const out = join(dir, 'fixture');
    mkdirSync(join(out, 'lib'), { recursive: true });
    mkdirSync(join(out, 'protocol'), { recursive: true });
    writeFileSync(join(out, 'protocol', 'index.d.ts'), 'export type Shown = string;\n');
    writeFileSync(join(out, 'lib', 'hidden.d.ts'), 'export interface Hidden {\n    readonly a: number;\n}\ninterface Local {\n    readonly b: Deeper;\n}\nexport type Deeper = { c: 1 };\nexport declare function make(): Local;\n');
    writeFileSync(join(out, 'lib', 'api.d.ts'), "import type { Hidden } from './hidden.js';\nexport declare function open(h: Hidden): void;\n");
    writeFileSync(join(out, 'lib', 'index.d.ts'), "export { open } from './api.js';\nexport { make } from './hidden.js';\nexport * from '../protocol/index.js';\n");
    const result = await check(out);
    expect(result.code).to.equal(1);
    expect(result.out).to.match(/^Hidden\s+lib\/hidden\.d\.ts/m);
    expect(result.out).to.match(/^Deeper\s+lib\/hidden\.d\.ts/m);
    expect(result.out).to.match(/^2 type\(s\)/m);
  });
});
