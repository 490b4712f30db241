import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import type { ModelChange } from '../../../../lib/session/model/index.js';
import { connectionCleared, delivered, established, held } from './events.js';

function hex(i: number): string {
  return i.toString(16).padStart(6, '0');
}

describe('CallModel bookkeeping', () => {
  it('keeps its size small over 200 000 call lifecycles', function () {
    this.timeout(60_000);
    const m = new CallModel();
    let maxSize = 0;
    let added = 0;
    let removed = 0;
    const count = (changes: ModelChange[]) => {
      for (const c of changes) {
        if (c.type === 'callAdded') added++;
        if (c.type === 'callRemoved') removed++;
      }
      maxSize = Math.max(maxSize, m.size);
    };
    for (let i = 0; i < 200_000; i++) {
      const callID = hex(i);
      const agent = String(2000 + (i % 50));
      const caller = `06${i}`;
      count(m.apply(agent, delivered(callID, agent, caller, agent)));
      count(m.apply(agent, established(callID, agent, caller, agent)));
      // Half the callers hang up first, half the agents do.
      if (i % 2 === 0) count(m.apply(agent, connectionCleared(callID, caller)));
      count(m.apply(agent, connectionCleared(callID, agent, { local: 'null' })));
    }
    expect(maxSize).to.equal(1);
    expect(m.size).to.equal(0);
    expect(added).to.equal(200_000);
    expect(removed).to.equal(200_000);
    const stats = m.stats();
    expect(stats.connections).to.equal(0);
    expect(stats.devices).to.equal(0);
    expect(stats.evictions).to.equal(0);
    expect(stats.anomalies).to.equal(0);
  });

  it('evicts the least recently active calls beyond maxCalls and counts evictions', () => {
    const m = new CallModel({ maxCalls: 100 });
    const evicted: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const changes = m.apply('2000', delivered(hex(i), '2000', '1000', '2000'));
      // Call 0 stays active: touched by every 10th event.
      if (i % 10 === 0) m.apply('2000', held(hex(0), '2000'));
      for (const c of changes) if (c.type === 'callRemoved' && c.reason === 'evicted') evicted.push(c.callID);
    }
    expect(m.size).to.equal(100);
    expect(m.stats().evictions).to.equal(900);
    expect(evicted).to.have.length(900);
    expect(evicted).not.to.include(hex(0));
    expect(evicted.slice(0, 3)).to.deep.equal([hex(1), hex(2), hex(3)]);
    expect(m.call(hex(0))).not.to.equal(undefined);
    expect(m.call(hex(999))).not.to.equal(undefined);
    expect(m.call(hex(1))).to.equal(undefined);
    expect(m.device('2000').connections).to.have.length(100);
    expect(m.stats().connections).to.equal(200);
  });

  it('forgets a device: its connections go, and calls left without a monitored device', () => {
    const m = new CallModel();
    m.apply('2000', delivered('0a', '2000', '0611', '2000'));
    m.apply('1000', delivered('0b', '2000', '1000', '2000', { local: 'connected' }));
    m.apply('2000', delivered('0b', '2000', '1000', '2000', { local: 'alerting' }));
    const changes = m.forgetDevice('2000');
    expect(changes).to.deep.include({ type: 'callRemoved', callID: '0a', reason: 'forgotten' });
    expect(changes).to.deep.include({ type: 'connectionChanged', callID: '0b', device: '2000', from: 'alerting', to: 'null' });
    expect(m.calls().map((c) => c.callID)).to.deep.equal(['0b']);
    expect(m.device('2000')).to.deep.equal({ device: '2000', monitored: false, connections: [], agent: undefined });
    expect(m.device('1000').monitored).to.equal(true);
  });

  it('exposes read-only views that do not change with the model', () => {
    const m = new CallModel();
    m.apply('2000', delivered('0a', '2000', '1000', '2000'));
    const before = m.call('0a')!;
    m.apply('2000', established('0a', '2000', '1000', '2000'));
    expect(before.connections.find((c) => c.device === '2000')!.state).to.equal('alerting');
    expect(m.call('0a')!.connections.find((c) => c.device === '2000')!.state).to.equal('connected');
    expect(m.device('2000').connections).to.deep.equal([{ callID: '0a', state: 'connected' }]);
    expect(m.device('9999')).to.deep.equal({ device: '9999', monitored: false, connections: [], agent: undefined });
  });

  it('ignores a LocalConnectionState the enumeration does not name, and counts it', () => {
    const m = new CallModel();
    const e = delivered('0a', '2000', '1000', '2000');
    const odd = { ...e, event: { ...(e as { event: object }).event, localConnectionInfo: 9 } } as typeof e;
    m.apply('2000', odd);
    expect(m.call('0a')!.connections.find((c) => c.device === '2000')!.state).to.equal('alerting');
    expect(m.stats().anomalyKinds).to.deep.equal({ unknownConnectionState: 1 });
  });

  it('uses the isInternal option for directions', () => {
    const m = new CallModel({ isInternal: (d) => d.length === 4 });
    m.apply('2000', delivered('0a', '2000', '1000', '2000'));
    m.apply('2000', delivered('0b', '2000', '06112233', '2000'));
    expect(m.call('0a')!.directions).to.deep.equal({ '2000': 'internal' });
    expect(m.call('0b')!.directions).to.deep.equal({ '2000': 'inbound' });
  });
});
