/** Writes docs/openapi/pega-server.json from lib/pega/server/openapi.ts (a test checks they agree). Run: npx tsx scripts/write-pega-openapi.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PEGA_SERVER_OPENAPI } from '../lib/pega/server/openapi.js';

const target = new URL('../docs/openapi/pega-server.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `${JSON.stringify(PEGA_SERVER_OPENAPI, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
