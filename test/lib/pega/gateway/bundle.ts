/** Test setup for the OpenCTI adapter bundles: builds them once per run into the public directory, as `npm run build` does for dist/. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let built = false;

/** Runs scripts/build-opencti.mjs (esbuild, well under a second) unless this process already did. */
export function ensureOpenCtiBundle(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build-opencti.mjs'], { cwd: root, stdio: 'inherit', timeout: 60_000 });
  for (const file of ['opencti.js', 'opencti.classic.js']) {
    if (!existsSync(`${root}lib/pega/gateway/public/${file}`)) throw new Error(`the bundle build wrote no ${file}`);
  }
  built = true;
}
