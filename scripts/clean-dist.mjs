// Empties dist/ before a build, so a package never ships the output of a file that no longer exists.
import { rmSync } from 'node:fs';
rmSync('dist', { recursive: true, force: true });
