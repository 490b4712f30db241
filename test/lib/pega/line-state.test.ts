/** DeviceLine: Pega call IDs stay unique when the switch reuses a CSTA callID. */
import { expect } from 'chai';
import { DeviceLine } from '../../../lib/pega/line-state.js';
import type { LineCall } from '../../../lib/pega/line-state.js';

function addCall(line: DeviceLine, cstaCallId: string): LineCall {
  return line.add({ cstaCallId, callType: 'INBOUND', incoming: true, ani: '', dnis: '', otherDN: '', phase: 'alerting' });
}

describe('DeviceLine', () => {
  it('gives every call on the line its own Pega call ID when callIDs repeat and calls leave in any order', () => {
    const line = new DeviceLine('2000');
    const a = addCall(line, 'A');
    const a1 = addCall(line, 'A');
    const a2 = addCall(line, 'A');
    expect([a.pyCallId, a1.pyCallId, a2.pyCallId]).to.deep.equal(['A', 'A.1', 'A.2']);
    line.remove(a1);
    const again = addCall(line, 'A');
    expect(again.pyCallId).to.equal('A.1');
    const more = addCall(line, 'A');
    expect(more.pyCallId).to.equal('A.3');
    // Every call is still found by its own ID: none was overwritten.
    for (const c of [a, a2, again, more]) expect(line.byPegaId(c.pyCallId)).to.equal(c);
    expect(line.calls()).to.have.length(4);
  });

  it('keeps at most maxCalls calls: the oldest is forgotten and counted', () => {
    const line = new DeviceLine('2000', 3);
    const calls = ['A', 'B', 'C', 'D', 'E'].map((id) => addCall(line, id));
    expect(line.calls().map((c) => c.pyCallId)).to.deep.equal(['C', 'D', 'E']);
    expect(line.byCstaId('A')).to.equal(undefined);
    expect(line.byPegaId('E')).to.equal(calls[4]);
    expect(line.evicted).to.equal(2);
  });
});
