/**
 * Replays every flow in fixtures/pega/*.json through a fresh PegaMapper: each step's CSTA event
 * must give exactly the expected Pega events, and every emitted event must satisfy its OpenCTI
 * schema. The CSTA input itself is checked too: events must survive a BER encode/decode
 * round trip, so the fixtures stay real CSTA.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePdu, encodePdu } from '../../../protocol/pdu.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { eventReportArgument, flattenEvent } from '../../../lib/session/events.js';
import type { CstaEvent, KnownCstaEvent } from '../../../lib/session/events.js';
import type { CSTAEventReportArgument } from '../../../protocol/csta/events/event-report.js';
import { PegaMapper } from '../../../lib/pega/mapper.js';
import { validatePegaEvent } from '../../../lib/pega/schemas.js';

interface Step {
  readonly device: string;
  readonly note: string;
  readonly event: CstaEvent;
  readonly expect: unknown[];
}
interface Flow {
  readonly description: string;
  readonly steps: Step[];
}

const dir = join(import.meta.dirname, '../../../fixtures/pega');
const flows = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, flow: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Flow }));

describe('PegaMapper fixtures (fixtures/pega)', () => {
  it('has the flows the mapping must cover', () => {
    const names = flows.map((f) => f.file.replace(/\.json$/, ''));
    for (const n of ['inbound', 'outbound', 'internal', 'hold-retrieve', 'consult-transfer', 'conference', 'diversion', 'abandoned', 'agent-states']) {
      expect(names, n).to.include(n);
    }
  });

  for (const { file, flow } of flows) {
    describe(file, () => {
      it('maps each CSTA event to the expected Pega events', () => {
        const mapper = new PegaMapper();
        flow.steps.forEach((step, i) => {
          const out = mapper.map(step.device, step.event);
          expect(out, `step ${i} (${step.device}): ${step.note}`).to.deep.equal(step.expect);
        });
      });

      it('emits only events valid against the OpenCTI schemas', () => {
        const mapper = new PegaMapper();
        let count = 0;
        for (const step of flow.steps) {
          for (const e of mapper.map(step.device, step.event)) {
            expect(validatePegaEvent(e), JSON.stringify(e)).to.deep.equal([]);
            count++;
          }
        }
        expect(count).to.be.greaterThan(0);
      });

      it('uses CSTA events that survive a BER round trip', () => {
        for (const step of flow.steps) {
          if (step.event.type === 'unknown') continue;
          const pdu = { pdu: 'invoke', invokeId: 1, operation: 'cSTAEventReport', argument: eventReportArgument(step.event as KnownCstaEvent) } as CstaPdu;
          const back = decodePdu(encodePdu(pdu));
          expect(back.pdu).to.equal('invoke');
          const arg = (back as { argument: CSTAEventReportArgument }).argument;
          expect(flattenEvent(arg), step.note).to.deep.equal(step.event);
        }
      });
    });
  }
});
