/**
 * docs/cli.md: every code block marked `<!-- tested -->` is a `$ node bin/csta.js ARGS` line and
 * the exact stdout the command prints; each is run here, so the documented output cannot go stale.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/fixtures.js';
import { runCli } from './run-cli.js';

interface DocExample {
  readonly line: number;
  readonly argv: string[];
  readonly stdout: string;
}

/** `a 'b c' d` → ['a', 'b c', 'd'] (single quotes only, as the docs write them). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

function examples(markdown: string): DocExample[] {
  const lines = markdown.split('\n');
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '<!-- tested -->') continue;
    expect(lines[i + 1], `line ${i + 2}: a code block follows <!-- tested -->`).to.equal('```');
    const command = lines[i + 2]!;
    expect(command, `line ${i + 3}`).to.match(/^\$ node bin\/csta\.js /);
    const end = lines.indexOf('```', i + 3);
    out.push({ line: i + 3, argv: shellWords(command.slice('$ node bin/csta.js '.length)), stdout: `${lines.slice(i + 3, end).join('\n')}\n` });
  }
  return out;
}

describe('docs/cli.md examples', () => {
  const docs = examples(readFileSync(join(REPO_ROOT, 'docs', 'cli.md'), 'utf8'));

  it('has tested examples', () => {
    expect(docs.length).to.be.greaterThan(4);
  });

  for (const d of docs) {
    it(`line ${d.line}: csta ${d.argv.join(' ')}`, async () => {
      const run = await runCli(d.argv);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.equal(d.stdout);
    });
  }
});
