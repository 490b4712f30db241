/**
 * The event mixes of `npm run bench`: every event frame of fixtures/frames/ once (uniform), and a
 * mix weighted like a real link, where call control dominates. The weights are events per 100 on
 * a contact-centre link (per call: delivered, established, connectionCleared at each party;
 * transfers, holds and agent state changes far less often).
 */
import type { FrameFixture } from '../test/support/fixtures.js';

const WEIGHTS: Readonly<Record<string, number>> = {
  delivered: 16,
  established: 16,
  connectionCleared: 18,
  originated: 6,
  serviceInitiated: 6,
  callCleared: 4,
  held: 4,
  retrieved: 4,
  transferred: 3,
  diverted: 3,
  conferenced: 2,
  failed: 2,
  queued: 2,
  networkReached: 2,
  offered: 1,
  agentReady: 3,
  agentNotReady: 2,
  agentBusy: 2,
  agentWorkingAfterCall: 1,
  agentLoggedOn: 1,
  agentLoggedOff: 1,
  doNotDisturb: 1,
};

const eventName = (f: FrameFixture): string => f.file.replace(/^event\./, '').replace(/\.json$/, '');

/** Event frames repeated by weight, in a fixed interleaved order (no runs of one type). */
export function weightedMix(events: readonly FrameFixture[]): FrameFixture[] {
  const pool: FrameFixture[] = [];
  for (const f of events) for (let k = 0; k < (WEIGHTS[eventName(f)] ?? 0); k++) pool.push(f);
  // A fixed shuffle (LCG) so every run times the same sequence.
  let seed = 12345;
  for (let i = pool.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

/** The share of call-control events in the weighted mix, for the report. */
export function callControlShare(): number {
  const cc = ['delivered', 'established', 'connectionCleared', 'originated', 'serviceInitiated', 'callCleared', 'held', 'retrieved', 'transferred', 'diverted', 'conferenced', 'failed', 'queued', 'networkReached', 'offered'];
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  return cc.reduce((a, k) => a + (WEIGHTS[k] ?? 0), 0) / total;
}
