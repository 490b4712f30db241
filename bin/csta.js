#!/usr/bin/env node
// The `csta` command. In an installed package it runs the built CLI (dist/lib/cli/main.js) and
// needs nothing but the package's own dependencies. In a checkout of the repository (the
// TypeScript source is there, and tsx with the dev dependencies) it runs the source
// (lib/cli/main.ts) through tsx, so a dist/ left from an earlier build never runs stale code;
// a checkout without tsx (installed with --omit=dev) falls back to dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `csta decode big.pcap | head`: a closed pipe ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'lib', 'cli', 'main.js');
const source = join(root, 'lib', 'cli', 'main.ts');

/** tsx's loader, when this is a checkout that has it; undefined otherwise. */
async function tsxRegister() {
  if (!existsSync(source)) return undefined;
  try {
    return (await import('tsx/esm/api')).register;
  } catch {
    return undefined;
  }
}

let entry = built;
const register = await tsxRegister();
if (register !== undefined) {
  register();
  entry = source;
} else if (!existsSync(built)) {
  process.stderr.write(`csta: ${built} is missing: build the package first (npm run build), or install the dev dependencies (npm ci) to run the source\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
