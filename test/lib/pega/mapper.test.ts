import { expect } from 'chai';
import { PegaMapError, PegaMapper } from '../../../lib/pega/mapper.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import { octetsAsText } from '../../../lib/pega/csta-values.js';
import { parseNamedVariables } from '../../../lib/pega/call-data.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });
const ev = (type: string, event: unknown, category = 'callControlEvents'): CstaEvent => ({ category, type, crossRefIdentifier: '0001', event }) as unknown as CstaEvent;
const delivered = (callID: string, at: string, from: { deviceIdentifier: unknown } | { notKnown: null }, extra: object = {}) =>
  ev('delivered', { connection: conn(callID, at), alertingDevice: { deviceIdentifier: dev(at) }, callingDevice: from, calledDevice: { deviceIdentifier: dev(at) }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall', ...extra });

describe('PegaMapper', () => {
  it('classifies by numbering plan first, then by isInternal', () => {
    const m = new PegaMapper({ isInternal: (dn) => dn.startsWith('2') });
    const pub = { deviceIdentifier: { deviceIdentifier: { implicitPublic: '2999' } } };
    const priv = { deviceIdentifier: { deviceIdentifier: { implicitPrivate: '0612345678' } } };
    expect(m.map('2000', delivered('01', '2000', pub))[0]).to.deep.include({ pyCallType: 'INBOUND', pyANI: '2999' });
    expect(m.map('2000', delivered('02', '2000', priv))[0]).to.deep.include({ pyCallType: 'INTERNAL' });
    expect(m.map('2000', delivered('03', '2000', { deviceIdentifier: dev('2111') }))[0]).to.deep.include({ pyCallType: 'INTERNAL' });
    expect(m.map('2000', delivered('04', '2000', { deviceIdentifier: dev('3111') }))[0]).to.deep.include({ pyCallType: 'INBOUND' });
  });

  it('an unknown caller is UNKNOWN, or INBOUND when the network calling device is present', () => {
    const m = new PegaMapper();
    expect(m.map('2000', delivered('01', '2000', { notKnown: null }))[0]).to.deep.include({ pyCallType: 'UNKNOWN', pyANI: '' });
    expect(m.map('2000', delivered('02', '2000', { notKnown: null }, { networkCallingDevice: { deviceIdentifier: dev('0612345678') } }))[0]).to.deep.include({ pyCallType: 'INBOUND' });
  });

  it('links a consultation recorded from the consultationCall result', () => {
    const m = new PegaMapper();
    m.map('2000', delivered('0a', '2000', { deviceIdentifier: dev('0612345678') }));
    m.noteConsultation('2000', '0a', '0b');
    const out = m.map('2000', ev('originated', { originatedConnection: conn('0b', '2000'), callingDevice: { deviceIdentifier: dev('2000') }, calledDevice: { deviceIdentifier: dev('3000') }, cause: 'newCall' }));
    expect(out).to.have.length(1);
    expect(out[0]).to.deep.include({ pyEventName: 'Initiated', pyCallType: 'CONSULT', pyPrimaryCallId: '0a' });
    expect(m.consultCallOf('2000', '0a')).to.equal('0b');
  });

  it('Offered then Delivered: one Alerting', () => {
    const m = new PegaMapper();
    const offered = ev('offered', { offeredConnection: conn('01', '2000'), offeredDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('8000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' });
    expect(m.map('2000', offered).map((e) => e.pyEventName)).to.deep.equal(['Alerting']);
    expect(m.map('2000', delivered('01', '2000', { deviceIdentifier: dev('0612345678') }))).to.deep.equal([]);
  });

  it('Established without a prior Delivered (auto-answer, monitor started mid-call) creates the call', () => {
    const m = new PegaMapper();
    const out = m.map('2000', ev('established', { establishedConnection: conn('01', '2000'), answeringDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('8000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall', correlatorData: '00ff' }));
    expect(out.map((e) => e.pyEventType)).to.deep.equal(['CallStateEvent', 'CallInfoEvent']);
    expect(out[0]).to.deep.include({ pyEventName: 'Established', pyANI: '0612345678', pyDNIS: '8000', pyCallType: 'INBOUND' });
    expect(out[1]).to.deep.include({ pyCorrelatorData: '00ff' });
  });

  it('with octetStrings text (an XML session) call data is read as the text the PBX wrote, even when it looks like hex', () => {
    const m = new PegaMapper({ octetStrings: 'text' });
    m.map('2000', delivered('SIP/a-1', '2000', { deviceIdentifier: dev('0612345678') }));
    const out = m.map('2000', ev('callInformation', { connection: conn('SIP/a-1', '2000'), device: { deviceIdentifier: dev('2000') }, accountInfo: '4142', userData: 'a=1', correlatorData: '25' }, 'callAssociatedEvents'));
    expect(out[0]).to.deep.include({ pyCallId: 'SIP/a-1', pyApplicationData: 'a=1', pyCorrelatorData: '25', pyNamedVariables: { a: '1', accountInfo: '4142' } });
    // The same values on BER are octets: 4142 is "AB", 25 is "%".
    const ber = new PegaMapper();
    ber.map('2000', delivered('01', '2000', { deviceIdentifier: dev('0612345678') }));
    const b = ber.map('2000', ev('callInformation', { connection: conn('01', '2000'), device: { deviceIdentifier: dev('2000') }, accountInfo: '4142', correlatorData: '25' }, 'callAssociatedEvents'));
    expect(b[0]).to.deep.include({ pyCorrelatorData: '%', pyNamedVariables: { accountInfo: 'AB' } });
  });

  it('CallInformation gives a CallInfoEvent for a known call only', () => {
    const m = new PegaMapper();
    m.map('2000', delivered('01', '2000', { deviceIdentifier: dev('0612345678') }));
    const info = (callID: string) => ev('callInformation', { connection: conn(callID, '2000'), device: { deviceIdentifier: dev('2000') }, accountInfo: Buffer.from('4711').toString('hex'), userData: Buffer.from('a=1;b=2').toString('hex') }, 'callAssociatedEvents');
    expect(m.map('2000', info('01'))).to.deep.equal([
      { pyEventType: 'CallInfoEvent', pyEventName: 'CallInfo', pyCallId: '01', pyThisDN: '2000', pyANI: '0612345678', pyDNIS: '2000', pyApplicationData: 'a=1;b=2', pyCorrelatorData: '', pyCallVariables: ['a=1;b=2'], pyUserData: {}, pyNamedVariables: { a: '1', b: '2', accountInfo: '4711' } },
    ]);
    expect(m.map('2000', info('99'))).to.deep.equal([]);
  });

  it('never throws: unknown, malformed and foreign events give []', () => {
    const m = new PegaMapper();
    expect(m.map('2000', { category: 'unknown', type: 'unknown', crossRefIdentifier: '1', raw: {} } as unknown as CstaEvent)).to.deep.equal([]);
    expect(m.map('2000', ev('delivered', {}))).to.deep.equal([]);
    expect(m.map('2000', ev('held', { heldConnection: null }))).to.deep.equal([]);
    expect(m.map('2000', ev('agentReady', null, 'logicalDeviceFeatureEvents'))).to.deep.equal([]);
    expect(m.map('2000', ev('doNotDisturb', { device: {} }, 'logicalDeviceFeatureEvents'))).to.deep.equal([]);
    expect(m.map('2000', ev('retrieved', { retrievedConnection: conn('77', '2000'), retrievingDevice: { deviceIdentifier: dev('2000') }, cause: 'normal' }))).to.deep.equal([]);
  });

  it('reports an event it could not map through onMapError instead of losing it', () => {
    const errors: PegaMapError[] = [];
    const m = new PegaMapper({ onMapError: (e) => errors.push(e) });
    expect(m.map('2000', ev('held', { heldConnection: null }))).to.deep.equal([]);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(PegaMapError);
    expect(errors[0]!.code).to.equal('PEGA_MAP_FAILED');
    expect([errors[0]!.device, errors[0]!.eventType]).to.deep.equal(['2000', 'held']);
    expect(errors[0]!.cause).to.be.instanceOf(Error);
  });

  it('a connection cleared by an unknown device ends a two-party call but not a conference', () => {
    const m = new PegaMapper();
    const unknownRelease = (callID: string) => ev('connectionCleared', { droppedConnection: { callID }, releasingDevice: { notKnown: null }, cause: 'normalClearing' });
    m.map('2000', delivered('01', '2000', { deviceIdentifier: dev('0612345678') }));
    expect(m.map('2000', unknownRelease('01')).map((e) => e.pyEventName)).to.deep.equal(['Abandoned']);
    m.map('2000', delivered('02', '2000', { deviceIdentifier: dev('0612345678') }));
    m.map('2000', ev('established', { establishedConnection: conn('02', '2000'), answeringDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' }));
    m.map('2000', ev('diverted', { connection: conn('02', '3000'), divertingDevice: { deviceIdentifier: dev('3000') }, newDestination: { deviceIdentifier: dev('3001') }, lastRedirectionDevice: { notKnown: null }, cause: 'redirected' }));
    expect(m.callsAt('2000').find((c) => c.pyCallId === '02')!.parties).to.deep.equal(['0612345678', '3001']);
    expect(m.map('2000', unknownRelease('02'))).to.deep.equal([]);
  });

  it('mapAll concatenates and snapshot lists the live calls', () => {
    const m = new PegaMapper();
    const out = m.mapAll('2000', [delivered('01', '2000', { deviceIdentifier: dev('0612345678') }), delivered('02', '2000', { deviceIdentifier: dev('3000') })]);
    expect(out.map((e) => e.pyEventName)).to.deep.equal(['Alerting', 'Alerting']);
    const snap = m.snapshot('2000', undefined, { agentId: '5501' }, 'CONNECTED');
    expect(snap.pyCalls).to.deep.equal([
      { pyCallId: '01', pyCallState: 'Alerting', pyOtherDN: '0612345678' },
      { pyCallId: '02', pyCallState: 'Alerting', pyOtherDN: '3000' },
    ]);
    expect(snap).to.deep.include({ pyAgentId: '5501', pyAgentState: 'Unknown', pyDeviceState: 'OPENED' });
  });

  it('snapshot reads compound call states and the getAgentState answer', () => {
    const m = new PegaMapper();
    const snap = m.snapshot(
      '2000',
      { crossRefIDorSnapshotData: { snapshotData: [{ connectionIdentifier: { callID: '0b' }, localCallState: { compoundCallState: ['hold', 'connected'] } }, { connectionIdentifier: { callID: '0c' }, localCallState: { simpleCallState: 'callNull' } }] } },
      { agentId: '5501', agentState: { agentStateList: [{ loggedOn: true, agentInfo: [{ agentState: 'agentWorkingAfterCall' }] }] } },
      'CONNECTED',
    );
    expect(snap.pyCalls).to.deep.equal([{ pyCallId: '0b', pyCallState: 'Held', pyOtherDN: '' }]);
    expect(snap).to.deep.include({ pyAgentState: 'NotReady', pyWorkMode: 'ACW' });
    expect(m.snapshot('2000', undefined, { agentId: '5501', agentState: { agentStateList: [{ loggedOn: false }] } }, 'CONNECTED')).to.deep.include({ pyAgentState: 'Logout' });
  });

  it('the reason the agent asked for fills pyReasonCode of NotReady', () => {
    const m = new PegaMapper();
    m.noteAgentRequest('2000', 'Break-Coffee', undefined);
    const out = m.map('2000', ev('agentNotReady', { agentDevice: { deviceIdentifier: dev('2000') } }, 'logicalDeviceFeatureEvents'));
    expect(out).to.deep.equal([{ pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: 'Break-Coffee', pyWorkMode: 'AUX_WORK', pyMedia: 'Phone', pyAgentId: '', pyThisDN: '2000' }]);
    m.noteAgentRequest('2000', '', 'MODE_MANUAL_IN');
    expect(m.map('2000', ev('agentReady', { agentDevice: { deviceIdentifier: dev('2000') } }, 'logicalDeviceFeatureEvents'))[0]).to.deep.include({ pyEventName: 'Ready', pyWorkMode: 'MODE_MANUAL_IN' });
  });
});

describe('CSTA value helpers', () => {
  it('octet strings become text only when printable', () => {
    expect(octetsAsText(Buffer.from('héllo').toString('hex'))).to.equal('héllo');
    expect(octetsAsText('00ff10')).to.equal('00ff10');
    expect(octetsAsText(undefined)).to.equal('');
  });
  it('named variables parse only when the whole text is key=value pairs', () => {
    expect(parseNamedVariables('a=1|b=x=y')).to.deep.equal({ a: '1', b: 'x=y' });
    expect(parseNamedVariables('hello|a=1')).to.deep.equal({});
  });
});
