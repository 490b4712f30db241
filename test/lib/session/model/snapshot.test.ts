import { expect } from 'chai';
import { CallModel, snapshotStates } from '../../../../lib/session/model/index.js';
import type { SnapshotDeviceResult } from '../../../../protocol/csta/services/snapshot-device.js';
import type { CallState, SnapshotDeviceResponseInfo } from '../../../../protocol/csta/types/status-reporting.js';
import { conn, delivered, established, held, party } from './events.js';

function item(callID: string, device: string, endpoint: string | undefined, localCallState: CallState): SnapshotDeviceResponseInfo {
  return { connectionIdentifier: conn(callID, device), ...(endpoint !== undefined ? { endpointDevice: party(endpoint) } : {}), localCallState };
}

function result(items: SnapshotDeviceResponseInfo[]): SnapshotDeviceResult {
  return { crossRefIDorSnapshotData: { snapshotData: items } };
}

function states(m: CallModel, callID: string): [string, string][] {
  return (m.call(callID)?.connections ?? []).map((c) => [c.device, c.state]);
}

describe('CallModel snapshot resync', () => {
  it('maps CallState forms to [local, remote] connection states', () => {
    expect(snapshotStates({ simpleCallState: 'callReceived' })).to.deep.equal(['alerting', 'connected']);
    expect(snapshotStates({ simpleCallState: 'callDelivered' })).to.deep.equal(['connected', 'alerting']);
    expect(snapshotStates({ simpleCallState: 'callEstablishedHeld' })).to.deep.equal(['hold', 'connected']);
    expect(snapshotStates({ compoundCallState: ['queued', 'connected', 9] })).to.deep.equal(['queued', 'connected', undefined]);
    expect(snapshotStates({ unknown: null })).to.deep.equal([]);
  });

  it('adds, removes and corrects calls after a reconnect, without duplicates', () => {
    const m = new CallModel();
    m.apply('2000', delivered('0a', '2000', '0611', '2000'));
    m.apply('2000', established('0a', '2000', '0611', '2000'));
    m.apply('2000', delivered('0b', '2000', '1000', '2000'));
    m.apply('2000', delivered('0c', '2000', '1001', '2000'));
    m.apply('2000', established('0c', '2000', '1001', '2000'));
    m.apply('2000', held('0c', '2000'));
    expect(m.size).to.equal(3);

    // While the link was down: 0a was put on hold, 0b and 0c ended, 0d arrived.
    const snap = result([
      item('0a', '2000', '0611', { compoundCallState: ['hold', 'connected'] }),
      item('0d', '2000', '0622', { simpleCallState: 'callReceived' }),
    ]);
    const changes = m.applySnapshot('2000', snap);
    expect(changes).to.deep.include({ type: 'connectionChanged', callID: '0a', device: '2000', from: 'connected', to: 'hold' });
    expect(changes).to.deep.include({ type: 'callAdded', callID: '0d' });
    expect(changes).to.deep.include({ type: 'callRemoved', callID: '0b', reason: 'resync' });
    expect(changes).to.deep.include({ type: 'callRemoved', callID: '0c', reason: 'resync' });
    expect(m.calls().map((c) => c.callID).sort()).to.deep.equal(['0a', '0d']);
    expect(states(m, '0d')).to.deep.equal([
      ['2000', 'alerting'],
      ['0622', 'connected'],
    ]);
    expect(m.call('0d')!.callingDevice).to.equal('0622');
    expect(m.call('0d')!.directions).to.deep.equal({ '2000': 'inbound' });

    // The same snapshot again changes nothing; events continue on the resynced calls.
    expect(m.applySnapshot('2000', snap)).to.deep.equal([]);
    m.apply('2000', established('0d', '2000', '0622', '2000', { local: 'connected' }));
    expect(states(m, '0d')).to.deep.equal([
      ['2000', 'connected'],
      ['0622', 'connected'],
    ]);
    expect(m.size).to.equal(2);
    expect(m.stats().anomalies).to.equal(0);
  });

  it('lets events applied after the snapshot mark win over the older snapshot', () => {
    const m = new CallModel();
    m.apply('2000', delivered('4a', '2000', '1000', '2000'));
    m.apply('2000', delivered('4b', '2000', '1001', '2000'));
    const mark = m.snapshotMark();
    // Meanwhile: 4a is answered, a new call 4c arrives; the snapshot was taken before both.
    m.apply('2000', established('4a', '2000', '1000', '2000'));
    m.apply('2000', delivered('4c', '2000', '1002', '2000'));
    const snap = result([item('4a', '2000', '1000', { simpleCallState: 'callReceived' })]);
    const changes = m.applySnapshot('2000', snap, mark);
    expect(changes).to.deep.equal([
      { type: 'connectionChanged', callID: '4b', device: '2000', from: 'alerting', to: 'null' },
      { type: 'callRemoved', callID: '4b', reason: 'resync' },
    ]);
    expect(states(m, '4a')).to.deep.equal([
      ['2000', 'connected'],
      ['1000', 'connected'],
    ]);
    expect(m.call('4c')).not.to.equal(undefined);
  });

  it('keeps a call that another monitored device is still in', () => {
    const m = new CallModel();
    m.apply('1000', delivered('1a', '2000', '1000', '2000', { local: 'connected' }));
    m.apply('2000', delivered('1a', '2000', '1000', '2000', { local: 'alerting' }));
    const changes = m.applySnapshot('2000', result([]));
    expect(changes).to.deep.equal([{ type: 'connectionChanged', callID: '1a', device: '2000', from: 'alerting', to: 'null' }]);
    expect(states(m, '1a')).to.deep.equal([['1000', 'connected']]);
  });

  it('accepts collected snapshotDeviceData and ignores a result that only announces it', () => {
    const m = new CallModel();
    expect(m.applySnapshot('2000', { crossRefIDorSnapshotData: { serviceCrossRefID: '01' } })).to.deep.equal([]);
    m.applySnapshot('2000', [item('2a', '2000', '3000', { simpleCallState: 'callDelivered' })]);
    expect(states(m, '2a')).to.deep.equal([
      ['2000', 'connected'],
      ['3000', 'alerting'],
    ]);
    expect(m.call('2a')!.callingDevice).to.equal('2000');
    expect(m.device('2000').monitored).to.equal(true);
  });

  it('does not keep a call the snapshot reports as null', () => {
    const m = new CallModel();
    expect(m.applySnapshot('2000', result([item('3a', '2000', undefined, { simpleCallState: 'callNull' })]))).to.deep.equal([]);
    m.apply('2000', delivered('3b', '2000', '1000', '2000'));
    const changes = m.applySnapshot('2000', result([item('3b', '2000', '1000', { compoundCallState: ['null', 'connected'] })]));
    expect(changes.at(-1)).to.deep.equal({ type: 'callRemoved', callID: '3b', reason: 'resync' });
    expect(m.size).to.equal(0);
  });
});
