/**
 * Issue 15: one call with ever more parties was quadratic in the call model (every event scanned
 * all the call's connections) and never capped. 40 000 established events on one call, each for
 * a new party, as seen by the one monitored device.
 */
import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import { DEFAULT_MAX_CONNECTIONS_PER_CALL } from '../../../../lib/session/model/index.js';
import { connectionCleared, established } from './events.js';

const EVENTS = 40_000;

describe('CallModel: one call with ever more parties', function () {
  this.timeout(10_000);

  it('keeps at most maxConnectionsPerCall connections and counts the rest as tooManyConnections', () => {
    const m = new CallModel({ maxConnectionsPerCall: 8 });
    m.apply('2000', established('0001', '2000', '0612345678', '2000'));
    for (let i = 0; i < 100; i++) m.apply('2000', established('0001', `4${i}`, '0612345678', `4${i}`));
    expect(m.call('0001')!.connections).to.have.length(8);
    expect(m.stats().anomalyKinds.tooManyConnections).to.be.greaterThan(0);
    // The call still works: a kept party leaves, and a new one takes its place.
    m.apply('2000', connectionCleared('0001', '40'));
    expect(m.call('0001')!.connections.map((c) => c.device)).to.not.include('40');
    m.apply('2000', established('0001', '5000', '0612345678', '5000'));
    expect(m.call('0001')!.connections.map((c) => c.device)).to.include('5000');
  });

  it(`applies ${EVENTS} events on one call in linear time, capped by default`, () => {
    const m = new CallModel();
    m.apply('2000', established('0001', '2000', '0612345678', '2000'));
    const start = performance.now();
    for (let i = 0; i < EVENTS; i++) m.apply('2000', established('0001', `4${i}`, '0612345678', `4${i}`));
    const ms = performance.now() - start;
    expect(m.call('0001')!.connections).to.have.length(DEFAULT_MAX_CONNECTIONS_PER_CALL);
    // Quadratic, this took ~10 s; linear it is well under 0.5 s on a loaded 2-core machine.
    expect(ms).to.be.lessThan(2500);
  });

  it('a call with many parties costs per event what a small one costs (no scan of the connections)', () => {
    const m = new CallModel({ maxConnectionsPerCall: 100_000 });
    m.apply('2000', established('0001', '2000', '0612345678', '2000'));
    const start = performance.now();
    for (let i = 0; i < EVENTS; i++) m.apply('2000', established('0001', `4${i}`, '0612345678', `4${i}`));
    const ms = performance.now() - start;
    expect(m.call('0001')!.connections).to.have.length(EVENTS + 2);
    expect(ms).to.be.lessThan(2500);
  });
});
