/**
 * Issue 15: one call with ever more parties was quadratic in the Pega mapper (each new party
 * searched the whole party list) and never capped. 40 000 parties joining one call at the agent's
 * device.
 */
import { expect } from 'chai';
import { PegaMapper, DEFAULT_MAX_PARTIES_PER_CALL } from '../../../lib/pega/mapper.js';
import type { CstaEvent } from '../../../lib/session/events.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });

function established(callID: string, answering: string, calling: string): CstaEvent {
  return {
    category: 'callControlEvents',
    type: 'established',
    crossRefIdentifier: '01',
    event: { establishedConnection: conn(callID, answering), answeringDevice: { deviceIdentifier: dev(answering) }, callingDevice: { deviceIdentifier: dev(calling) }, calledDevice: { deviceIdentifier: dev(answering) }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' },
  } as CstaEvent;
}
function cleared(callID: string, releasing: string): CstaEvent {
  return {
    category: 'callControlEvents',
    type: 'connectionCleared',
    crossRefIdentifier: '01',
    event: { droppedConnection: conn(callID, releasing), releasingDevice: { deviceIdentifier: dev(releasing) }, cause: 'normalClearing' },
  } as CstaEvent;
}

describe('PegaMapper: one call with ever more parties', function () {
  this.timeout(10_000);

  it('keeps at most maxPartiesPerCall parties; PartyInfo lists the kept ones', () => {
    const m = new PegaMapper({ maxPartiesPerCall: 4 });
    m.map('2000', established('0001', '2000', '0612345678'));
    for (let i = 0; i < 50; i++) m.map('2000', established('0001', `4${i}`, '0612345678'));
    expect(m.callsAt('2000')[0]!.parties).to.deep.equal(['0612345678', '40', '41', '42']);
    const info = m.map('2000', cleared('0001', '41'));
    expect(info).to.deep.equal([{ pyEventType: 'PartyInfoEvent', pyEventName: 'PartyInfo', pyCallId: '0001', pyMedia: 'Phone', pyThisDN: '2000', pyParties: [{ pyDN: '2000' }, { pyDN: '0612345678' }, { pyDN: '40' }, { pyDN: '42' }] }]);
    // A place is free again.
    m.map('2000', established('0001', '5000', '0612345678'));
    expect(m.callsAt('2000')[0]!.parties).to.deep.equal(['0612345678', '40', '42', '5000']);
  });

  it('maps 40000 party events on one call in linear time, capped by default', () => {
    const m = new PegaMapper();
    m.map('2000', established('0001', '2000', '0612345678'));
    const start = performance.now();
    for (let i = 0; i < 40_000; i++) m.map('2000', established('0001', `4${i}`, '0612345678'));
    const ms = performance.now() - start;
    expect(m.callsAt('2000')[0]!.parties).to.have.length(DEFAULT_MAX_PARTIES_PER_CALL);
    expect(ms).to.be.lessThan(2500);
  });
});
