/**
 * The package's version for `csta --version`, read from the package.json above this module (two
 * levels up in the source tree, three in dist/), so it never drifts from what npm installed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many directories above this module are searched for csta-link's package.json. */
const MAX_LEVELS = 4;

/** The version in csta-link's package.json, or `unknown` when it cannot be found. */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < MAX_LEVELS; i++) {
    dir = dirname(dir);
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'csta-link' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no (readable) package.json at this level: look further up
    }
  }
  return 'unknown';
}
