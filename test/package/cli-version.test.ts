/** `csta --version` prints the version in package.json, through bin/csta.js as a user runs it. */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/fixtures.js';

describe('package: csta --version', function () {
  this.timeout(30_000);
  it('prints the package version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'csta.js'), flag], { cwd: REPO_ROOT });
      expect(stdout).to.equal(`${pkg.version}\n`);
    }
  });
});
