import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import type { ModelChange } from '../../../../lib/session/model/index.js';
import { conferenced, connectionCleared, delivered, diverted, established, held, originated, serviceInitiated, transferred } from './events.js';

function states(m: CallModel, callID: string): [string, string][] {
  return (m.call(callID)?.connections ?? []).map((c) => [c.device, c.state]);
}

/** External 0611 calls 2000 (call 0a); 2000 holds it and consults 3000 (call 0b); both 2000 and 3000 are monitored. */
function consultation(m: CallModel): void {
  m.apply('2000', delivered('0a', '2000', '0611', '2000', { correlatorData: 'c0ffee' }));
  m.apply('2000', established('0a', '2000', '0611', '2000'));
  m.apply('2000', held('0a', '2000', { local: 'hold' }));
  m.apply('2000', serviceInitiated('0b', '2000', { cause: 'consultation', local: 'initiated' }));
  m.apply('2000', originated('0b', '2000', '3000', { cause: 'consultation' }));
  m.apply('3000', delivered('0b', '3000', '2000', '3000', { cause: 'consultation', local: 'alerting' }));
  m.apply('3000', established('0b', '3000', '2000', '3000', { local: 'connected' }));
  m.apply('2000', established('0b', '3000', '2000', '3000', { local: 'connected' }));
}

describe('CallModel merges', () => {
  it('links a consultation call to the held call', () => {
    const m = new CallModel();
    consultation(m);
    expect(m.call('0a')!.consultationCallID).to.equal('0b');
    expect(m.call('0b')!.consultedFromCallID).to.equal('0a');
    expect(states(m, '0a')).to.deep.equal([
      ['2000', 'hold'],
      ['0611', 'connected'],
    ]);
    expect(states(m, '0b')).to.deep.equal([
      ['2000', 'connected'],
      ['3000', 'connected'],
    ]);
    expect(m.call('0b')!.directions).to.deep.equal({ '2000': 'internal', '3000': 'internal' });
  });

  it('transfers: old calls go, connections move to the new CallID, the transferring device leaves', () => {
    const m = new CallModel();
    consultation(m);
    const changes = m.apply(
      '2000',
      transferred('0a', '0b', '2000', '3000', [
        ['0c', '0611', '0a'],
        ['0c', '3000', '0b'],
      ], { local: 'null' }),
    );
    expect(changes.slice(0, 3)).to.deep.equal([
      { type: 'connectionChanged', callID: '0a', device: '2000', from: 'hold', to: 'null' },
      { type: 'connectionChanged', callID: '0b', device: '2000', from: 'connected', to: 'null' },
      { type: 'callMerged', kind: 'transfer', oldCallIDs: ['0a', '0b'], callID: '0c' },
    ]);
    expect(m.call('0a')).to.equal(undefined);
    expect(m.call('0b')).to.equal(undefined);
    expect(states(m, '0c')).to.deep.equal([
      ['0611', 'connected'],
      ['3000', 'connected'],
    ]);
    const call = m.call('0c')!;
    expect(call.callingDevice).to.equal('0611');
    expect(call.correlatorData).to.equal('c0ffee');
    expect(call.consultationCallID).to.equal(undefined);
    expect(call.cause).to.equal('transfer');
    expect(m.device('2000').connections).to.deep.equal([]);
    expect(m.device('3000').connections).to.deep.equal([{ callID: '0c', state: 'connected' }]);
    expect(m.size).to.equal(1);

    // The same event reaches 3000's monitor: nothing more to merge.
    const second = m.apply('3000', transferred('0a', '0b', '2000', '3000', [['0c', '0611', '0a'], ['0c', '3000', '0b']], { local: 'connected' }));
    expect(second.filter((c) => c.type !== 'callUpdated')).to.deep.equal([]);
    expect(m.stats().anomalies).to.equal(0);
    m.apply('3000', connectionCleared('0c', '3000', { local: 'null' }));
    expect(m.size).to.equal(0);
  });

  it('transfers under the consultation CallID when the list gives no new one', () => {
    const m = new CallModel();
    consultation(m);
    const changes = m.apply('2000', transferred('0a', '0b', '2000', '3000', [], { local: 'null' }));
    expect(changes).to.deep.include({ type: 'callMerged', kind: 'transfer', oldCallIDs: ['0a'], callID: '0b' });
    expect(states(m, '0b')).to.deep.equal([
      ['3000', 'connected'],
      ['0611', 'connected'],
    ]);
    expect(m.call('0b')!.consultedFromCallID).to.equal(undefined);
  });

  it('drops the transferred call when no monitored device is left in it', () => {
    const m = new CallModel();
    m.apply('2000', delivered('1a', '2000', '0611', '2000'));
    m.apply('2000', established('1a', '2000', '0611', '2000'));
    m.apply('2000', held('1a', '2000'));
    m.apply('2000', originated('1b', '2000', '0622', { cause: 'consultation' }));
    const changes = m.apply('2000', transferred('1a', '1b', '2000', '0622', [['1c', '0611', '1a'], ['1c', '0622', '1b']], { local: 'null' }));
    expect(changes.at(-1)).to.deep.equal({ type: 'callRemoved', callID: '1c', reason: 'idle' });
    expect(m.size).to.equal(0);
    expect(m.stats().connections).to.equal(0);
  });

  it('conferences two calls into one', () => {
    const m = new CallModel();
    consultation(m);
    const changes: ModelChange[] = m.apply(
      '2000',
      conferenced('0a', '0b', '2000', '3000', [
        ['0a', '0611', '0a'],
        ['0a', '3000', '0b'],
        ['0a', '2000', '0a'],
      ], { local: 'connected' }),
    );
    expect(changes).to.deep.include({ type: 'callMerged', kind: 'conference', oldCallIDs: ['0b'], callID: '0a' });
    expect(changes).to.deep.include({ type: 'connectionChanged', callID: '0a', device: '2000', from: 'hold', to: 'connected' });
    expect(m.call('0b')).to.equal(undefined);
    expect(states(m, '0a')).to.have.deep.members([
      ['2000', 'connected'],
      ['0611', 'connected'],
      ['3000', 'connected'],
    ]);
    expect(m.call('0a')!.consultationCallID).to.equal(undefined);
    // One party leaves; the conference goes on.
    m.apply('2000', connectionCleared('0a', '0611', { local: 'connected' }));
    expect(states(m, '0a').map(([d]) => d)).to.have.members(['2000', '3000']);
  });

  it('diverts: the call leaves the diverting device; the destination appears when it reports', () => {
    const m = new CallModel();
    m.applySnapshot('2001', []); // 2001 is monitored, idle
    m.apply('2000', delivered('2a', '2000', '0611', '2000', { local: 'alerting', userData: '55' }));
    const changes = m.apply('2000', diverted('2a', '2000', '2001', { cause: 'callForwardNoAnswer', local: 'null' }));
    expect(changes.slice(0, 2)).to.deep.equal([
      { type: 'connectionChanged', callID: '2a', device: '2000', from: 'alerting', to: 'null' },
      { type: 'callDiverted', callID: '2a', from: '2000', to: '2001' },
    ]);
    // No connection at 2001 before it reports (it might be busy), but the call waits for it.
    expect(states(m, '2a')).to.deep.equal([['0611', 'connected']]);
    expect(m.device('2001').connections).to.deep.equal([]);
    const call = m.call('2a')!;
    expect(call.lastRedirectionDevice).to.equal('2000');
    expect(call.originallyCalledDevice).to.equal('2000');
    expect(call.cause).to.equal('callForwardNoAnswer');
    // 2001's monitor reports the diversion with its own state, then the delivery.
    const own = m.apply('2001', diverted('2a', '2000', '2001', { cause: 'callForwardNoAnswer', local: 'alerting' }));
    expect(own).to.deep.equal([{ type: 'connectionChanged', callID: '2a', device: '2001', from: 'null', to: 'alerting' }, { type: 'callUpdated', callID: '2a', fields: ['directions'] }]);
    expect(m.apply('2001', delivered('2a', '2001', '0611', '2000', { local: 'alerting', lastRedirection: '2000' })).filter((c) => c.type !== 'callUpdated')).to.deep.equal([]);
    expect(m.call('2a')!.lastRedirectionDevice).to.equal('2000');
    expect(m.call('2a')!.userData).to.equal('55');
    expect(m.call('2a')!.directions['2001']).to.equal('inbound');
  });

  it('gives up a call diverted to a monitored device that never reports it', () => {
    const m = new CallModel();
    m.applySnapshot('2001', []);
    m.apply('2000', delivered('2b', '2000', '0611', '2000'));
    m.apply('2000', diverted('2b', '2000', '2001', { local: 'null' }));
    expect(m.size).to.equal(1);
    // 2001 was busy: its snapshot (or its monitor stopping) ends the wait.
    expect(m.applySnapshot('2001', [])).to.deep.equal([{ type: 'callRemoved', callID: '2b', reason: 'resync' }]);
    m.apply('2000', delivered('2c', '2000', '0611', '2000'));
    m.apply('2000', diverted('2c', '2000', '2001', { local: 'null' }));
    expect(m.forgetDevice('2001')).to.deep.equal([{ type: 'callRemoved', callID: '2c', reason: 'forgotten' }]);
    expect(m.size).to.equal(0);
  });

  it('removes a call diverted away from the only monitored device', () => {
    const m = new CallModel();
    m.apply('2000', delivered('3a', '2000', '1000', '2000'));
    const changes = m.apply('2000', diverted('3a', '2000', '8000', { local: 'null', lastRedirection: '2000' }));
    expect(changes.at(-1)).to.deep.equal({ type: 'callRemoved', callID: '3a', reason: 'idle' });
    expect(m.size).to.equal(0);
  });

  it('introduces the resulting call of a merge of calls it never saw', () => {
    const m = new CallModel();
    const changes = m.apply('3000', transferred('9a', '9b', '2000', '3000', [['9c', '0611', '9a'], ['9c', '3000', '9b']], { local: 'connected' }));
    expect(changes[0]).to.deep.equal({ type: 'callAdded', callID: '9c' });
    expect(changes.some((c) => c.type === 'callMerged')).to.equal(false);
    expect(states(m, '9c')).to.have.deep.members([
      ['0611', 'connected'],
      ['3000', 'connected'],
    ]);
    expect(m.stats().anomalyKinds).to.deep.equal({ unknownCall: 1 });
  });
});
