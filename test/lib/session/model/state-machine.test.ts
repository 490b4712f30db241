import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import type { CstaEvent } from '../../../../lib/session/events.js';
import type { ConnectionClearedEvent } from '../../../../protocol/csta/events/connection-cleared-event.js';
import type { DeliveredEvent } from '../../../../protocol/csta/events/delivered-event.js';
import type { HeldEvent } from '../../../../protocol/csta/events/held-event.js';
import type { ConnectionID } from '../../../../protocol/csta/types/call-connection-identifiers.js';
import {
  callCleared,
  callInformation,
  conn,
  connectionCleared,
  delivered,
  dev,
  established,
  failed,
  held,
  networkReached,
  originated,
  party,
  queued,
  retrieved,
  serviceInitiated,
} from './events.js';

/** State of `device`'s connection in `callID`, or 'absent'. */
function stateOf(m: CallModel, callID: string, device: string): string {
  const call = m.call(callID);
  if (call === undefined) return 'no call';
  return call.connections.find((c) => c.device === device)?.state ?? 'absent';
}

describe('CallModel state machine', () => {
  it('follows an inbound call: alerting, connected, cleared (device monitor on 2000)', () => {
    const m = new CallModel();
    const c1 = m.apply('2000', delivered('0a01', '2000', '0611223344', '2000', { local: 'alerting', correlatorData: 'beef' }));
    expect(c1.map((c) => c.type)).to.deep.equal(['callAdded', 'connectionChanged', 'connectionChanged', 'callUpdated']);
    expect(c1[1]).to.deep.equal({ type: 'connectionChanged', callID: '0a01', device: '2000', from: 'null', to: 'alerting' });
    expect(stateOf(m, '0a01', '2000')).to.equal('alerting');
    expect(stateOf(m, '0a01', '0611223344')).to.equal('connected');
    const call = m.call('0a01')!;
    expect(call.callingDevice).to.equal('0611223344');
    expect(call.calledDevice).to.equal('2000');
    expect(call.originallyCalledDevice).to.equal('2000');
    expect(call.correlatorData).to.equal('beef');
    expect(call.cause).to.equal('newCall');
    expect(call.directions).to.deep.equal({ '2000': 'inbound' });

    const c2 = m.apply('2000', established('0a01', '2000', '0611223344', '2000', { local: 'connected' }));
    expect(c2).to.deep.include({ type: 'connectionChanged', callID: '0a01', device: '2000', from: 'alerting', to: 'connected' });
    expect(stateOf(m, '0a01', '2000')).to.equal('connected');

    const c3 = m.apply('2000', connectionCleared('0a01', '0611223344', { local: 'connected' }));
    expect(c3).to.deep.include({ type: 'connectionChanged', callID: '0a01', device: '0611223344', from: 'connected', to: 'null' });
    expect(m.size).to.equal(1);
    const c4 = m.apply('2000', connectionCleared('0a01', '2000', { local: 'null' }));
    expect(c4.at(-1)).to.deep.equal({ type: 'callRemoved', callID: '0a01', reason: 'idle' });
    expect(m.size).to.equal(0);
    expect(m.device('2000').connections).to.deep.equal([]);
    expect(m.stats().anomalies).to.equal(0);
  });

  it('follows an outbound call: initiated, connected, network reached, delivered, established', () => {
    const m = new CallModel();
    m.apply('2000', serviceInitiated('0b02', '2000', { local: 'initiated' }));
    expect(stateOf(m, '0b02', '2000')).to.equal('initiated');
    m.apply('2000', originated('0b02', '2000', '0699887766'));
    expect(stateOf(m, '0b02', '2000')).to.equal('connected');
    m.apply('2000', networkReached('0b02', 'T1', '2000', '0699887766', { local: 'connected' }));
    expect(m.call('0b02')!.networkReached).to.equal(true);
    m.apply('2000', delivered('0b02', '0699887766', '2000', '0699887766', { local: 'connected' }));
    expect(stateOf(m, '0b02', '0699887766')).to.equal('alerting');
    m.apply('2000', established('0b02', '0699887766', '2000', '0699887766', { local: 'connected' }));
    expect(stateOf(m, '0b02', '0699887766')).to.equal('connected');
    expect(stateOf(m, '0b02', '2000')).to.equal('connected');
    expect(m.call('0b02')!.directions).to.deep.equal({ '2000': 'outbound' });
    m.apply('2000', connectionCleared('0b02', '2000', { local: 'null' }));
    expect(m.size).to.equal(0);
  });

  it('derives states from the event type when localConnectionInfo is absent', () => {
    const m = new CallModel();
    m.apply('2000', delivered('0c03', '2000', '1000', '2000'));
    expect(stateOf(m, '0c03', '2000')).to.equal('alerting');
    expect(stateOf(m, '0c03', '1000')).to.equal('connected');
    m.apply('2000', established('0c03', '2000', '1000', '2000'));
    expect(stateOf(m, '0c03', '2000')).to.equal('connected');
  });

  it('lets localConnectionInfo win for the monitored device', () => {
    const m = new CallModel();
    // A switch reporting the local connection as queued while the event type suggests alerting.
    m.apply('2000', delivered('0c04', '2000', '1000', '2000', { local: 'queued' }));
    expect(stateOf(m, '0c04', '2000')).to.equal('queued');
    // On the caller's monitor, localConnectionInfo is the caller's own state.
    m.apply('1000', delivered('0c05', '2000', '1000', '2000', { local: 'connected' }));
    expect(stateOf(m, '0c05', '1000')).to.equal('connected');
    expect(stateOf(m, '0c05', '2000')).to.equal('alerting');
  });

  it('sees an internal call from both monitors without duplicating anything', () => {
    const m = new CallModel();
    m.apply('1000', serviceInitiated('0d01', '1000'));
    m.apply('1000', originated('0d01', '1000', '2000'));
    m.apply('1000', delivered('0d01', '2000', '1000', '2000', { local: 'connected' }));
    m.apply('2000', delivered('0d01', '2000', '1000', '2000', { local: 'alerting' }));
    m.apply('2000', established('0d01', '2000', '1000', '2000', { local: 'connected' }));
    const again = m.apply('1000', established('0d01', '2000', '1000', '2000', { local: 'connected' }));
    expect(again.filter((c) => c.type === 'connectionChanged')).to.deep.equal([]);
    expect(m.size).to.equal(1);
    expect(m.call('0d01')!.connections.map((c) => [c.device, c.state])).to.deep.equal([
      ['1000', 'connected'],
      ['2000', 'connected'],
    ]);
    expect(m.call('0d01')!.directions).to.deep.equal({ '1000': 'internal', '2000': 'internal' });
    // 2000 hangs up: the call stays while 1000 (monitored) is still in it.
    m.apply('2000', connectionCleared('0d01', '2000', { local: 'null' }));
    m.apply('1000', connectionCleared('0d01', '2000', { local: 'connected' }));
    expect(m.call('0d01')!.connections.map((c) => c.device)).to.deep.equal(['1000']);
    m.apply('1000', connectionCleared('0d01', '1000', { local: 'null' }));
    expect(m.size).to.equal(0);
  });

  it('holds and retrieves', () => {
    const m = new CallModel();
    m.apply('2000', delivered('0e01', '2000', '1000', '2000'));
    m.apply('2000', established('0e01', '2000', '1000', '2000'));
    const h = m.apply('2000', held('0e01', '2000', { local: 'hold' }));
    expect(h).to.deep.equal([
      { type: 'connectionChanged', callID: '0e01', device: '2000', from: 'connected', to: 'hold' },
      { type: 'callUpdated', callID: '0e01', fields: ['cause'] },
    ]);
    expect(m.device('2000').connections).to.deep.equal([{ callID: '0e01', state: 'hold' }]);
    m.apply('2000', retrieved('0e01', '2000', { local: 'connected' }));
    expect(stateOf(m, '0e01', '2000')).to.equal('connected');
  });

  it('records a failed (busy) destination', () => {
    const m = new CallModel();
    m.apply('2000', originated('0f01', '2000', '3000'));
    m.apply('2000', failed('0f01', '3000', '2000', '3000', { cause: 'busy', local: 'connected' }));
    expect(stateOf(m, '0f01', '3000')).to.equal('fail');
    expect(stateOf(m, '0f01', '2000')).to.equal('connected');
    expect(m.call('0f01')!.cause).to.equal('busy');
    m.apply('2000', connectionCleared('0f01', '2000', { local: 'null' }));
    expect(m.size).to.equal(0);
  });

  it('queues a call at an ACD device and counts its caller connected', () => {
    const m = new CallModel();
    m.apply('5000', queued('1a01', '5000', '0611', '5000', { local: 'queued' }));
    expect(stateOf(m, '1a01', '5000')).to.equal('queued');
    expect(stateOf(m, '1a01', '0611')).to.equal('connected');
    expect(m.call('1a01')!.directions).to.deep.equal({ '5000': 'inbound' });
  });

  it('maps offered to alerting and bridged to queued', () => {
    const m = new CallModel();
    const offered: CstaEvent = {
      category: 'callControlEvents',
      type: 'offered',
      crossRefIdentifier: '01',
      event: { offeredConnection: conn('1d01', '2000'), offeredDevice: party('2000'), callingDevice: party('1000'), calledDevice: party('2000'), lastRedirectionDevice: { notKnown: null }, cause: 'newCall' },
    };
    m.apply('2000', offered);
    expect(stateOf(m, '1d01', '2000')).to.equal('alerting');
    const bridged: CstaEvent = {
      category: 'callControlEvents',
      type: 'bridged',
      crossRefIdentifier: '01',
      event: { bridgedConnection: conn('1d01', '2001'), bridgedAppearance: party('2001'), cause: 'newCall' },
    };
    m.apply('2001', bridged);
    expect(stateOf(m, '1d01', '2001')).to.equal('queued');
  });

  it('removes the whole call on callCleared', () => {
    const m = new CallModel();
    m.apply('2000', delivered('1b01', '2000', '1000', '2000'));
    m.apply('2000', established('1b01', '2000', '1000', '2000'));
    expect(m.stats().connections).to.equal(2);
    const c = m.apply('2000', callCleared('1b01'));
    expect(c).to.deep.equal([{ type: 'callRemoved', callID: '1b01', reason: 'cleared' }]);
    expect(m.call('1b01')).to.equal(undefined);
    expect(m.stats().connections).to.equal(0);
    expect(m.stats().devices).to.equal(0);
  });

  it('updates correlator data and UUI from callInformation', () => {
    const m = new CallModel();
    m.apply('2000', delivered('1c01', '2000', '1000', '2000'));
    const c = m.apply('2000', callInformation('1c01', '2000', { correlatorData: '0102', userData: 'aabb' }));
    expect(c).to.deep.equal([{ type: 'callUpdated', callID: '1c01', fields: ['correlatorData', 'userData'] }]);
    expect(m.call('1c01')!.userData).to.equal('aabb');
  });

  it('tolerates events for calls it never saw, and counts them', () => {
    const m = new CallModel();
    m.apply('2000', held('2a01', '2000'));
    expect(stateOf(m, '2a01', '2000')).to.equal('hold');
    m.apply('2000', connectionCleared('2a99', '2000'));
    m.apply('2000', callCleared('2a98'));
    expect(m.size).to.equal(1);
    expect(m.stats().anomalies).to.equal(3);
    expect(m.stats().anomalyKinds).to.deep.equal({ unknownCall: 3 });
  });

  it('matches connections by dynamic device IDs and resolves call-less ConnectionIDs', () => {
    const m = new CallModel();
    const e = delivered('4a01', '2000', '1000', '2000');
    const dynamicConn: ConnectionID = { both: { callID: '4a01', deviceID: { dynamicID: '0b17' } } };
    m.apply('2000', { ...e, event: { ...(e.event as DeliveredEvent), connection: dynamicConn } } as CstaEvent);
    expect(m.call('4a01')!.connections.find((c) => c.device === '2000')).to.deep.equal({ device: '2000', state: 'alerting', localID: 'dyn:0b17' });
    // Released with the subject device not known: found through the dynamic ID.
    const cleared = connectionCleared('4a01', '1000');
    const dropped = { ...cleared, event: { ...(cleared.event as ConnectionClearedEvent), droppedConnection: dynamicConn, releasingDevice: party(undefined) } } as CstaEvent;
    m.apply('1000', established('4a01', '2000', '1000', '2000', { local: 'connected' }));
    m.apply('1000', dropped);
    expect(stateOf(m, '4a01', '2000')).to.equal('absent');
    // A ConnectionID with only a device part: the device's only call.
    const h = held('4a01', '1000');
    m.apply('1000', { ...h, event: { ...(h.event as HeldEvent), heldConnection: { deviceID: { staticID: dev('1000') } } } } as CstaEvent);
    expect(stateOf(m, '4a01', '1000')).to.equal('hold');
    expect(m.stats().anomalies).to.equal(0);
  });

  it('never throws on malformed input', () => {
    const m = new CallModel();
    const broken = { category: 'callControlEvents', type: 'delivered', crossRefIdentifier: '01', event: {} } as unknown as CstaEvent;
    const unknown: CstaEvent = { category: 'unknown', type: 'unknown', crossRefIdentifier: '01', raw: { tlv: '8000' } };
    const nested = { category: 'callControlEvents', type: 'held', crossRefIdentifier: '01', event: { heldConnection: { both: null } } } as unknown as CstaEvent;
    expect(() => m.apply('2000', broken)).not.to.throw();
    expect(() => m.apply('2000', nested)).not.to.throw();
    expect(m.apply('2000', unknown)).to.deep.equal([]);
    expect(m.stats().anomalyKinds).to.deep.equal({ unresolvedConnection: 1, malformedEvent: 1 });
    expect(m.size).to.equal(0);
    // The model still works afterwards.
    m.apply('2000', delivered('3a01', '2000', '1000', '2000'));
    expect(stateOf(m, '3a01', '2000')).to.equal('alerting');
  });
});
