import { expect } from 'chai';
import { CallModel } from '../../../../lib/session/model/index.js';
import { agentBusy, agentLoggedOff, agentLoggedOn, agentNotReady, agentReady, agentWorkingAfterCall, party, XREF } from './events.js';

describe('CallModel agent states', () => {
  it('follows log on, ready, busy, after-call work, not ready with reason, log off', () => {
    const m = new CallModel();
    const on = m.apply('2000', agentLoggedOn('2000', { agentID: 'a1', acdGroup: '5000' }));
    expect(on).to.deep.equal([
      {
        type: 'agentChanged',
        device: '2000',
        from: undefined,
        to: { state: 'loggedOn', loggedOn: true, agentID: 'a1', acdGroups: ['5000'], reasonCode: undefined, pendingState: undefined },
      },
    ]);
    m.apply('2000', agentReady('2000'));
    expect(m.device('2000').agent?.state).to.equal('ready');
    expect(m.device('2000').agent?.agentID).to.equal('a1');

    m.apply('2000', agentBusy('2000', { pending: 'agentWorkingAfterCall' }));
    expect(m.device('2000').agent).to.include({ state: 'busy', pendingState: 'workingAfterCall' });

    m.apply('2000', agentWorkingAfterCall('2000', { pending: 'ready', cause: 'autoWork' }));
    expect(m.device('2000').agent).to.include({ state: 'workingAfterCall', pendingState: 'ready', reasonCode: 'autoWork' });

    const nr = m.apply('2000', agentNotReady('2000', { cause: 'forcedPause' }));
    expect(nr).to.have.length(1);
    expect(nr[0]).to.deep.include({ type: 'agentChanged', device: '2000' });
    expect(m.device('2000').agent).to.include({ state: 'notReady', reasonCode: 'forcedPause', loggedOn: true });

    m.apply('2000', agentLoggedOff('2000', { cause: 'normal' }));
    expect(m.device('2000').agent).to.deep.equal({
      state: 'loggedOff',
      loggedOn: false,
      agentID: 'a1',
      acdGroups: [],
      reasonCode: 'normal',
      pendingState: undefined,
    });
  });

  it('stays logged on while the agent is still in another ACD group', () => {
    const m = new CallModel();
    m.apply('2000', agentLoggedOn('2000', { acdGroup: '5000' }));
    m.apply('2000', agentLoggedOn('2000', { acdGroup: '5001' }));
    m.apply('2000', agentReady('2000'));
    m.apply('2000', agentLoggedOff('2000', { acdGroup: '5000' }));
    expect(m.device('2000').agent).to.include({ state: 'ready', loggedOn: true });
    expect(m.device('2000').agent?.acdGroups).to.deep.equal(['5001']);
    m.apply('2000', agentLoggedOff('2000', { acdGroup: '5001' }));
    expect(m.device('2000').agent).to.include({ state: 'loggedOff', loggedOn: false });
  });

  it('reports no change when a state is repeated', () => {
    const m = new CallModel();
    m.apply('2000', agentReady('2000'));
    expect(m.apply('2000', agentReady('2000'))).to.deep.equal([]);
  });

  it('treats a work-state event without log-on as logged on', () => {
    const m = new CallModel();
    m.apply('2000', agentNotReady('2000'));
    expect(m.device('2000').agent).to.include({ state: 'notReady', loggedOn: true });
  });

  it('keys the state by the agent device, falling back to the monitored device', () => {
    const m = new CallModel();
    m.apply('5000', agentReady('2001'));
    expect(m.device('2001').agent?.state).to.equal('ready');
    expect(m.device('5000').agent).to.equal(undefined);
    const anonymous = { category: 'logicalDeviceFeatureEvents', type: 'agentReady', crossRefIdentifier: XREF, event: { agentDevice: party(undefined) } } as const;
    m.apply('2002', anonymous);
    expect(m.device('2002').agent?.state).to.equal('ready');
  });

  it('drops the agent state when the device is forgotten', () => {
    const m = new CallModel();
    m.apply('2000', agentReady('2000'));
    m.forgetDevice('2000');
    expect(m.device('2000')).to.deep.equal({ device: '2000', monitored: false, connections: [], agent: undefined });
  });
});
