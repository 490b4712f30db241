/**
 * `csta demo` (`npm start`): a tour in two parts. First the one-line-per-frame summary of a
 * bundled capture (when the fixtures are at hand); then a simulated inbound call: a PbxSimulator
 * and a CstaSession over loopback, the CSTA events the session receives, and the Pega events
 * PegaMapper makes of them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../simulator/scenarios.js';
import { PegaMapper } from '../pega/mapper.js';
import { runDecode } from './decode-command.js';
import type { CliIo } from './io.js';
import { runScenarioOverLoopback } from './scenario-run.js';
import { jsonReplacer } from './values.js';

/** The call the demo plays: an external caller reaches 2000, the application answers, the caller hangs up. */
export const DEMO_SCENARIO: Scenario = {
  name: 'demo-inbound-call',
  description: 'An external caller reaches 2000; the application answers through CTI; the caller hangs up.',
  monitor: ['2000'],
  steps: [
    { step: 'inbound', from: '+15551230000', to: '2000', callId: 'c1' },
    { step: 'answer', device: '2000', call: 'c1', by: 'session' },
    { step: 'hangup', device: '+15551230000', call: 'c1' },
  ],
  expect: [
    { device: '2000', type: 'delivered' },
    { device: '2000', type: 'established' },
    { device: '2000', type: 'connectionCleared' },
    { device: '2000', type: 'callCleared' },
  ],
};

const BUNDLED_TRACE = join('fixtures', 'traces', 'ber-inbound-call', 'trace.pcap');

/** The bundled trace, looked for above this module (source and dist layouts). */
function findBundledTrace(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, BUNDLED_TRACE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** Runs `csta demo`; returns the exit code. */
export async function runDemo(io: CliIo): Promise<number> {
  const out = (s: string): void => void io.stdout.write(s);
  const trace = findBundledTrace();
  if (trace !== undefined) {
    out(`== 1. A bundled capture, one line per frame (csta decode --summary ${BUNDLED_TRACE})\n\n`);
    await runDecode([trace], { format: 'summary' }, { ...io, stderr: io.stderr });
    out(`\nOne frame as a tree: csta decode --frames 3 ${BUNDLED_TRACE}; per call: --ladder\n\n`);
  }
  out('== 2. A simulated call: PBX simulator ⇄ CstaSession over 127.0.0.1, events mapped to Pega\n\n');
  const mapper = new PegaMapper();
  await runScenarioOverLoopback(DEMO_SCENARIO, {
    onEvent: (device, event) => {
      out(`CSTA  ${device}  ${event.type}\n`);
      for (const p of mapper.map(device, event)) out(`  →  Pega ${JSON.stringify(p, jsonReplacer)}\n`);
    },
  });
  out('\nMore: csta --help, docs/cli.md\n');
  return 0;
}
