/**
 * The session's call model over loopback against the simulator: events drive it, and after a
 * link loss the snapshotDevice resync leaves exactly the calls the switch has — a call that ended
 * during the outage is gone, one that began is there, none is duplicated.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import type { ModelChange } from '../../../lib/session/model/types.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { statusWhere, waitFor } from '../../support/wait.js';

const callIdOf = (c: unknown): string => (c as { both: { callID: string } }).both.callID;

describe('CstaSession call model ↔ PbxSimulator', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let other: CstaSession | undefined;
  let outageMs = 0;

  beforeEach(async () => {
    sim = new PbxSimulator();
    const port = await sim.listen();
    // The first reconnect waits `outageMs`, so the test can change the switch meanwhile.
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: () => outageMs });
    await session.connect();
  });
  afterEach(async () => {
    await session.close();
    await other?.close();
    other = undefined;
    await sim.close();
  });

  it('follows a call from events: alerting, connected, then removed when cleared', async () => {
    const changes: ModelChange[] = [];
    session.on('model', (c) => changes.push(...c));
    await session.monitorStart('2000');
    await session.monitorStart('2001');
    const callID = callIdOf((await session.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') })).callingDevice);
    await waitFor(() => session.model!.call(callID)?.connections.some((c) => c.device === '2001' && c.state === 'alerting') === true, 3000, 'alerting at 2001');
    await session.answerCall({ callToBeAnswered: connectionID(callID, '2001') });
    await waitFor(() => session.model!.call(callID)?.connections.every((c) => c.state === 'connected') === true, 3000, 'both connected');
    expect(session.model!.call(callID)!.connections.map((c) => c.device).sort()).to.deep.equal(['2000', '2001']);
    await session.clearConnection({ connectionToBeCleared: connectionID(callID, '2000') });
    await waitFor(() => session.model!.call(callID) === undefined, 3000, 'call removed');
    expect(session.model!.size).to.equal(0);
    expect(changes.map((c) => c.type)).to.include.members(['callAdded', 'connectionChanged', 'callRemoved']);
  });

  it('resynchronises after a link loss: ended calls removed, new calls added, none duplicated', async () => {
    for (const d of ['2000', '2001', '2002', '2003']) await session.monitorStart(d);
    const ended = callIdOf((await session.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') })).callingDevice);
    await session.answerCall({ callToBeAnswered: connectionID(ended, '2001') });
    const kept = callIdOf((await session.makeCall({ callingDevice: deviceID('2002'), calledDirectoryNumber: deviceID('2003') })).callingDevice);
    await waitFor(() => session.model!.call(ended) !== undefined && session.model!.call(kept) !== undefined, 3000, 'both calls in the model');

    outageMs = 300;
    const down = statusWhere(session, (s) => s.type === 'reconnecting');
    const back = statusWhere(session, (s) => s.type === 'associated' && s.reconnected);
    sim.dropClients();
    await down;
    // Meanwhile another CTI client ends one call and starts another; our session sees no events.
    other = new CstaSession({ host: '127.0.0.1', port: sim.port, keepAliveMs: 0, reconnect: false, model: false });
    await other.connect();
    await other.clearConnection({ connectionToBeCleared: connectionID(ended, '2000') });
    const started = callIdOf((await other.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') })).callingDevice);
    expect(session.model!.call(ended)).to.not.equal(undefined); // stale until the resync

    await back;
    const ids = session.model!.calls().map((c) => c.callID).sort();
    expect(ids).to.deep.equal([kept, started].sort());
    expect(session.model!.call(started)!.connections.map((c) => c.device).sort()).to.deep.equal(['2000', '2001']);
  });

  it('keeps no model when asked not to', async () => {
    other = new CstaSession({ host: '127.0.0.1', port: sim.port, keepAliveMs: 0, reconnect: false, model: false });
    expect(other.model).to.equal(undefined);
  });
});
