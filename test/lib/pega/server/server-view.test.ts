import { expect } from 'chai';
import { ServerEventStream, toServerEvent } from '../../../../lib/pega/server-view.js';
import type { PegaServerEvent } from '../../../../lib/pega/server-view.js';
import type { CallInfoEvent, CallStateEvent, PegaEvent } from '../../../../lib/pega/types.js';

const ctx = { dn: '2001', agentId: '5501' };
const call = (name: CallStateEvent['pyEventName'], callId = '0042', dn = '2001'): CallStateEvent => ({
  pyEventType: 'CallStateEvent',
  pyEventName: name,
  pyCallId: callId,
  pyANI: '0612345678',
  pyOtherDN: '0612345678',
  pyCallType: 'INBOUND',
  pyMedia: 'Phone',
  pyThisDN: dn,
  pyDNIS: '6000',
});
const info = (vars: Record<string, string>, callId = '0042', dn = '2001'): CallInfoEvent => ({
  pyEventType: 'CallInfoEvent',
  pyEventName: 'CallInfo',
  pyCallId: callId,
  pyThisDN: dn,
  pyANI: '0612345678',
  pyDNIS: '6000',
  pyApplicationData: 'acct=42',
  pyCorrelatorData: '',
  pyNamedVariables: vars,
  pyCallVariables: [],
  pyUserData: {},
});

describe('server-side events (ChannelServices-Event-CTILink properties)', () => {
  it('a call event: Alerting → Offering, pyCallID, pyCallState, DN and agent; a consultation keeps its primary call', () => {
    expect(toServerEvent(call('Alerting'), ctx, info({ acct: '42' }))).to.deep.equal({
      pyMedia: 'Phone',
      pyDN: '2001',
      pyAgentID: '5501',
      pyEventType: 'CallStateEvent',
      pyEventName: 'Offering',
      pyCallState: 'Alerting',
      pyCallType: 'INBOUND',
      pyCallID: '0042',
      pyDNIS: '6000',
      pyANI: '0612345678',
      pyOtherDN: '0612345678',
      pyNamedVariables: { acct: '42' },
      pyApplicationData: 'acct=42',
      pyCallVariables: [],
      pyUserData: {},
    });
    expect(toServerEvent({ ...call('Initiated', '0043'), pyCallType: 'CONSULT', pyPrimaryCallId: '0042' }, ctx)).to.deep.include({ pyEventName: 'Initiated', pyCallID: '0043', pyPrimaryCallID: '0042', pyNamedVariables: {} });
  });

  it('agent, party, call-info and snapshot events', () => {
    expect(toServerEvent({ pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: '7', pyWorkMode: 'AUX_WORK', pyMedia: 'Phone', pyAgentId: '', pyThisDN: '2001' }, ctx)).to.deep.equal({
      pyMedia: 'Phone',
      pyDN: '2001',
      pyAgentID: '5501',
      pyEventType: 'AgentStateEvent',
      pyEventName: 'NotReady',
      pyAgentState: 'NotReady',
      pyReasonCode: '7',
      pyWorkMode: 'AUX_WORK',
    });
    expect(toServerEvent({ pyEventType: 'PartyInfoEvent', pyEventName: 'PartyInfo', pyMedia: 'Phone', pyCallId: '0042', pyThisDN: '2001', pyParties: [{ pyDN: '2001' }, { pyDN: '2003' }] }, ctx)).to.deep.equal({
      pyMedia: 'Phone',
      pyDN: '2001',
      pyAgentID: '5501',
      pyEventType: 'PartyInfoEvent',
      pyEventName: 'PartyInfo',
      pyCallID: '0042',
      pyParties: [{ pyDN: '2001' }, { pyDN: '2003' }],
    });
    // Call-data properties of the client event (pyCallVariables, pyUserData, and any later one) are carried over.
    const withList = { ...info({ acct: '42' }), pyCallVariables: ['42', 'fr'], pyMarker: 'x' } as unknown as PegaEvent;
    expect(toServerEvent(withList, ctx)).to.deep.include({ pyEventType: 'CallInfoEvent', pyCallID: '0042', pyApplicationData: 'acct=42', pyNamedVariables: { acct: '42' }, pyCallVariables: ['42', 'fr'], pyUserData: {}, pyMarker: 'x', pyDN: '2001' });
    expect(toServerEvent(withList, ctx)).to.not.have.property('pyCallId');
    expect(
      toServerEvent(
        { pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: '5501', pyAgentState: 'Busy', pyReasonCode: '', pyWorkMode: 'BUSY', pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: '2001', pyCalls: [{ pyCallId: '0042', pyCallState: 'Established', pyOtherDN: '0612345678' }] },
        { dn: '2001', agentId: '' },
      ),
    ).to.deep.equal({
      pyMedia: 'Phone',
      pyDN: '2001',
      pyAgentID: '5501',
      pyEventType: 'SnapshotEvent',
      pyEventName: 'Snapshot',
      pyAgentState: 'Busy',
      pyReasonCode: '',
      pyWorkMode: 'BUSY',
      pyDeviceState: 'OPENED',
      pyLinkState: 'CONNECTED',
      pyCalls: [{ pyCallID: '0042', pyCallState: 'Established', pyOtherDN: '0612345678' }],
    });
  });

  describe('ServerEventStream', () => {
    function collect(): { out: PegaServerEvent[]; stream: ServerEventStream } {
      const out: PegaServerEvent[] = [];
      return { out, stream: new ServerEventStream((e) => out.push(e), { maxCallInfo: 2 }) };
    }
    const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

    it('the Offering gets the call data of the CallInfo that follows it in the same turn, and stays first', async () => {
      const { out, stream } = collect();
      stream.push(call('Alerting'), ctx);
      stream.push(info({ acct: '42' }), ctx);
      stream.push(call('Established'), ctx);
      expect(out.map((e) => `${e.pyEventType}:${e.pyEventName}`)).to.deep.equal(['CallStateEvent:Offering', 'CallInfoEvent:CallInfo', 'CallStateEvent:Established']);
      expect(out[0]).to.deep.include({ pyNamedVariables: { acct: '42' }, pyApplicationData: 'acct=42', pyCallVariables: [], pyUserData: {} });
      expect(out[2]).to.deep.include({ pyNamedVariables: { acct: '42' } });
      await tick();
      expect(out).to.have.length(3); // released once only
    });

    it('the parsed UUI forms (pyCallVariables, pyUserData) of the call data ride on the Offering, as Pega’s call treatment reads them', () => {
      const { out, stream } = collect();
      stream.push(call('Alerting'), ctx);
      stream.push({ ...info({}), pyApplicationData: '42|fr|balance', pyCallVariables: ['42', 'fr', 'balance'] }, ctx);
      expect(out[0]).to.deep.include({ pyEventName: 'Offering', pyApplicationData: '42|fr|balance', pyCallVariables: ['42', 'fr', 'balance'], pyUserData: {} });
    });

    it('an Offering without call data is released at the end of the turn; Disconnected forgets the call data', async () => {
      const { out, stream } = collect();
      stream.push(call('Alerting'), ctx);
      expect(out).to.have.length(0);
      await tick();
      expect(out.map((e) => e.pyEventName)).to.deep.equal(['Offering']);
      expect(out[0]).to.deep.include({ pyNamedVariables: {} });
      stream.push(info({ a: '1' }), ctx);
      stream.push(call('Disconnected'), ctx);
      stream.push(call('Established'), ctx); // (a late event of the same call id)
      expect(out.at(-1)).to.deep.include({ pyNamedVariables: {} });
    });

    it('an Offering held for one DN does not hold back another DN; flush releases it', () => {
      const { out, stream } = collect();
      stream.push(call('Alerting', '0001', '2001'), ctx);
      stream.push(call('Established', '0002', '2002'), { dn: '2002', agentId: '5502' });
      expect(out.map((e) => `${e.pyDN}:${e.pyEventName}`)).to.deep.equal(['2002:Established']);
      stream.flush();
      expect(out.map((e) => `${e.pyDN}:${e.pyEventName}`)).to.deep.equal(['2002:Established', '2001:Offering']);
    });

    it('remembers call data for at most maxCallInfo calls', () => {
      const { out, stream } = collect();
      stream.push(info({ n: '1' }, '0001'), ctx);
      stream.push(info({ n: '2' }, '0002'), ctx);
      stream.push(info({ n: '3' }, '0003'), ctx);
      stream.push(call('Held', '0001'), ctx);
      stream.push(call('Held', '0003'), ctx);
      expect(out.at(-2)).to.deep.include({ pyCallID: '0001', pyNamedVariables: {} });
      expect(out.at(-1)).to.deep.include({ pyCallID: '0003', pyNamedVariables: { n: '3' } });
    });
  });
});
