// Copies the non-TypeScript files the built package serves (the demo toolbar page) into dist/.
import { cpSync } from 'node:fs';
cpSync('lib/pega/gateway/public', 'dist/lib/pega/gateway/public', { recursive: true });
