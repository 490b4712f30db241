import { expect } from 'chai';
import { executePegaRequest } from '../../../lib/pega/requests.js';
import { parsePegaRequest, isPegaFailure } from '../../../lib/pega/request-parse.js';
import { PegaMapper } from '../../../lib/pega/mapper.js';
import { ConnectionClosedError, InvokeIdsExhaustedError, RejectedError, RemoteOperationError, TimeoutError } from '../../../lib/session/errors.js';
import type { PegaRequest } from '../../../lib/pega/types.js';
import { FakeSession } from './fake-session.js';

const hex = (s: string): string => Buffer.from(s).toString('hex');
const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });
const target = { device: '2000', agentId: '5501', password: '1234' };

async function run(request: PegaRequest, session = new FakeSession(), mapper?: PegaMapper) {
  const result = await executePegaRequest(session, target, request, mapper);
  return { result, session };
}

describe('Pega requests → CSTA', () => {
  const cases: [PegaRequest, string, unknown][] = [
    [{ action: 'answerCall', callId: '002a' }, 'answerCall', { callToBeAnswered: conn('002a', '2000') }],
    [{ action: 'hangUpCall', callId: '002a' }, 'clearConnection', { connectionToBeCleared: conn('002a', '2000') }],
    [{ action: 'holdCall', callId: '002a' }, 'holdCall', { callToBeHeld: conn('002a', '2000') }],
    [{ action: 'retrieveCall', callId: '002a' }, 'retrieveCall', { callToBeRetrieved: conn('002a', '2000') }],
    [{ action: 'sendDTMF', callId: '002a', digits: '12#*' }, 'generateDigits', { connectionToSendDigits: conn('002a', '2000'), charactersToSend: '12#*' }],
    [{ action: 'blindTransfer', callId: '002a', destination: '3000' }, 'singleStepTrans', { activeCall: conn('002a', '2000'), transferredTo: dev('3000') }],
    [{ action: 'dropParty', callId: '002a', party: '3000' }, 'clearConnection', { connectionToBeCleared: conn('002a', '3000') }],
    [{ action: 'agentReady' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'ready', agentID: hex('5501') }],
    [{ action: 'agentNotReady', reasonCode: '7' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'notReady', agentID: hex('5501') }],
    [{ action: 'agentNotReady', workMode: 'ACW' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'workingAfterCall', agentID: hex('5501') }],
    [{ action: 'wrapUp' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'workingAfterCall', agentID: hex('5501') }],
    [{ action: 'login' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'loggedOn', agentID: hex('5501'), password: hex('1234') }],
    [{ action: 'logout', reasonCode: '3' }, 'setAgentState', { device: dev('2000'), requestedAgentState: 'loggedOff', agentID: hex('5501') }],
  ];
  for (const [request, operation, argument] of cases) {
    it(`${JSON.stringify(request)} → ${operation}`, async () => {
      const { result, session } = await run(request);
      expect(result.ok).to.equal(true);
      expect(session.requests).to.have.length(1);
      expect(session.requests[0]!.operation).to.equal(operation);
      expect(session.requests[0]!.argument).to.deep.equal(argument);
    });
  }

  it('makeCall sends the agent device and destination, UUI as UTF-8 octets, and answers the new call ID', async () => {
    const session = new FakeSession().answer('makeCall', { callingDevice: conn('0031', '2000') });
    const { result } = await run({ action: 'makeCall', destination: '0611223344', callData: 'case=9' }, session);
    expect(result).to.deep.equal({ ok: true, callId: '0031' });
    expect(session.requests[0]).to.deep.include({ operation: 'makeCall', argument: { callingDevice: dev('2000'), calledDirectoryNumber: dev('0611223344'), userData: hex('case=9') } });
  });

  it('on an XML wire (octets: text) agent ID, password and UUI go as the text itself, not hex', async () => {
    const xmlTarget = { ...target, octets: 'text' as const };
    const login = new FakeSession();
    await executePegaRequest(login, xmlTarget, { action: 'login' });
    expect(login.requests[0]!.argument).to.deep.equal({ device: dev('2000'), requestedAgentState: 'loggedOn', agentID: '5501', password: '1234' });
    const call = new FakeSession().answer('makeCall', { callingDevice: conn('SIP/x-1', '2000') });
    const made = await executePegaRequest(call, xmlTarget, { action: 'makeCall', destination: '3000', callData: 'case=9' });
    expect(made).to.deep.equal({ ok: true, callId: 'SIP/x-1' });
    expect((call.requests[0]!.argument as { userData: unknown }).userData).to.equal('case=9');
  });

  it('consultationCall then transferComplete: the consult call found through the mapper', async () => {
    const mapper = new PegaMapper();
    const session = new FakeSession().answer('consultationCall', { initiatedCall: conn('002b', '2000') }).answer('transferCall', { transferredCall: conn('002c', '3000') });
    // 002a rings at the agent's device first: requests act only on calls on the agent's line.
    mapper.map('2000', {
      category: 'callControlEvents',
      type: 'delivered',
      crossRefIdentifier: '0001',
      event: { connection: conn('002a', '2000'), alertingDevice: { deviceIdentifier: dev('2000') }, callingDevice: { deviceIdentifier: dev('0612345678') }, calledDevice: { deviceIdentifier: dev('2000') }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' },
    } as never);
    const first = await executePegaRequest(session, target, { action: 'transferInitiate', callId: '002a', destination: '3000' }, mapper);
    expect(first).to.deep.equal({ ok: true, callId: '002b' });
    expect(session.requests[0]!.argument).to.deep.equal({ existingCall: conn('002a', '2000'), consultedDevice: dev('3000') });
    // The consult call appears on the line: it is linked to 002a even without a consultation cause.
    mapper.map('2000', {
      category: 'callControlEvents',
      type: 'originated',
      crossRefIdentifier: '0001',
      event: { originatedConnection: conn('002b', '2000'), callingDevice: { deviceIdentifier: dev('2000') }, calledDevice: { deviceIdentifier: dev('3000') }, cause: 'newCall' },
    });
    expect(mapper.consultCallOf('2000', '002a')).to.equal('002b');
    const done = await executePegaRequest(session, target, { action: 'transferComplete', callId: '002a' }, mapper);
    expect(done.ok).to.equal(true);
    expect(session.requests[1]).to.deep.include({ operation: 'transferCall', argument: { heldCall: conn('002a', '2000'), activeCall: conn('002b', '2000') } });
  });

  it('conferenceComplete with an explicit consultCallId sends conferenceCall and answers the resulting call', async () => {
    const session = new FakeSession().answer('conferenceCall', { conferenceCall: conn('002a', '2000') });
    const { result } = await run({ action: 'conferenceComplete', callId: '002a', consultCallId: '002b' }, session);
    expect(result).to.deep.equal({ ok: true, callId: '002a' });
    expect(session.requests[0]).to.deep.include({ operation: 'conferenceCall', argument: { heldCall: conn('002a', '2000'), activeCall: conn('002b', '2000') } });
  });

  it('a complete request without a consultation call fails locally with OPENCTI_CF_INVALID_OBJECT_STATE', async () => {
    const { result, session } = await run({ action: 'conferenceComplete', callId: '002a' });
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(session.requests).to.have.length(0);
  });

  it('refuses DTMF digits a switch cannot send, without a request', async () => {
    const { result, session } = await run({ action: 'sendDTMF', callId: '002a', digits: '12x' });
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(session.requests).to.have.length(0);
  });

  it('uses the current CSTA call ID when the switch moved the call (Pega ID stays)', async () => {
    const mapper = new PegaMapper();
    const fixture = (await import('../../../fixtures/pega/consult-transfer.json', { with: { type: 'json' } })).default as unknown as { steps: { device: string; event: never }[] };
    for (const step of fixture.steps.slice(0, 10)) mapper.map(step.device, step.event);
    const session = new FakeSession();
    await executePegaRequest(session, { device: '3000' }, { action: 'hangUpCall', callId: '002b' }, mapper);
    expect(session.requests[0]!.argument).to.deep.equal({ connectionToBeCleared: conn('002c', '3000') });
  });
});

describe('CSTA errors → OpenCTI error codes', () => {
  const remote = (failure: unknown) => new RemoteOperationError('x', 1, failure as never);
  const cases: [PegaRequest, Error, string][] = [
    [{ action: 'makeCall', destination: '3000' }, remote({ systemResourceAvailability: 'resourceBusy' }), 'OPENCTI_DEST_BUSY'],
    [{ action: 'consultationCall', callId: '1', destination: '3000' }, remote({ stateIncompatibility: 'invalidCalledDeviceState' }), 'OPENCTI_DEST_BUSY'],
    [{ action: 'makeCall', destination: '99' }, remote({ operation: 'invalidDestination' }), 'OPENCTI_CF_INVALID_DESTINATION'],
    [{ action: 'blindTransfer', callId: '1', destination: '99' }, remote({ operation: 'invalidCalledDeviceID' }), 'OPENCTI_CF_INVALID_DESTINATION'],
    [{ action: 'agentReady' }, remote({ stateIncompatibility: 'invalidObjectState' }), 'OPENCTI_CF_INVALID_OBJECT_STATE'],
    [{ action: 'agentNotReady' }, remote({ operation: 'featureAlreadySet' }), 'OPENCTI_IN_SAME_STATE'],
    [{ action: 'login' }, remote({ operation: 'invalidAgentPassword' }), 'OPENCTI_HTTP_ERROR_401'],
    [{ action: 'holdCall', callId: '1' }, remote({ stateIncompatibility: 'invalidObjectState' }), 'OPENCTI_CF_INVALID_OBJECT_STATE'],
    [{ action: 'answerCall', callId: '1' }, remote({ stateIncompatibility: 'noCallToAnswer' }), 'OPENCTI_CF_INVALID_OBJECT_STATE'],
    [{ action: 'answerCall', callId: '1' }, remote({ operation: 'invalidCallID' }), 'OPENCTI_HTTP_ERROR_404'],
    [{ action: 'holdCall', callId: '1' }, remote({ operation: 'serviceNotSupported' }), 'OPENCTI_HTTP_ERROR_405'],
    [{ action: 'holdCall', callId: '1' }, remote({ operation: 'privilegeViolationSpecifiedDevice' }), 'OPENCTI_HTTP_ERROR_401'],
    [{ action: 'holdCall', callId: '1' }, remote({ systemResourceAvailability: 'resourceBusy' }), 'OPENCTI_HTTP_ERROR_503'],
    [{ action: 'holdCall', callId: '1' }, remote({ operation: 'generic' }), 'OPENCTI_CF_GENERIC_OPERATION'],
    [{ action: 'holdCall', callId: '1' }, remote({ unspecified: null }), 'OPENCTI_CF_GENERIC_OPERATION'],
    [{ action: 'holdCall', callId: '1' }, new TimeoutError('holdCall', 1, 50), 'OPENCTI_HTTP_ERROR_504'],
    [{ action: 'holdCall', callId: '1' }, new ConnectionClosedError('socket closed'), 'OPENCTI_HTTP_ERROR_503'],
    [{ action: 'holdCall', callId: '1' }, new InvokeIdsExhaustedError('holdCall', 3), 'OPENCTI_HTTP_ERROR_503'],
    [{ action: 'holdCall', callId: '1' }, new RejectedError('holdCall', 1, { invoke: 'unrecognizedOperation' } as never), 'OPENCTI_HTTP_ERROR_500'],
  ];
  for (const [request, error, code] of cases) {
    it(`${request.action} failing with ${error instanceof RemoteOperationError ? `${error.category} ${error.value}` : error.constructor.name} → ${code}`, async () => {
      const op = { answerCall: 'answerCall', holdCall: 'holdCall', makeCall: 'makeCall', consultationCall: 'consultationCall', blindTransfer: 'singleStepTrans' }[request.action as string] ?? 'setAgentState';
      const session = new FakeSession().answer(op, error);
      const result = await executePegaRequest(session, target, request);
      expect(result).to.have.property('ok', false);
      expect(result).to.have.property('errCode', code);
      expect((result as { errMessage: string }).errMessage).to.be.a('string').and.not.equal('');
    });
  }
});

describe('parsePegaRequest', () => {
  it('accepts a valid request and numbers for string fields', () => {
    expect(parsePegaRequest({ action: 'answerCall', callId: 42 })).to.deep.equal({ action: 'answerCall', callId: '42' });
    expect(parsePegaRequest({ action: 'agentNotReady', reasonCode: '5', workMode: 'AFTER_CALL_WORK' })).to.deep.equal({ action: 'agentNotReady', reasonCode: '5', workMode: 'ACW' });
  });

  it('answerCall / hangUpCall without a callId get callId "" (not set); call data as key/value pairs or a value list', () => {
    expect(parsePegaRequest({ action: 'answerCall' })).to.deep.equal({ action: 'answerCall', callId: '' });
    expect(parsePegaRequest({ action: 'hangUpCall', callId: null })).to.deep.equal({ action: 'hangUpCall', callId: '' });
    expect(parsePegaRequest({ action: 'makeCall', destination: '3000', userData: { Account: 42 }, queue: '6001' })).to.deep.equal({ action: 'makeCall', destination: '3000', queue: '6001', userData: { Account: '42' } });
    expect(parsePegaRequest({ action: 'blindTransfer', callId: '1', destination: '3000', callVariables: ['a', 7] })).to.deep.equal({ action: 'blindTransfer', callId: '1', destination: '3000', callVariables: ['a', '7'] });
  });

  for (const bad of [
    { action: 'makeCall', destination: '3000', userData: ['x'] },
    { action: 'makeCall', destination: '3000', userData: { a: { b: 1 } } },
    { action: 'makeCall', destination: '3000', userData: { a: 'x'.repeat(1025) } },
    { action: 'makeCall', destination: '3000', userData: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) },
    { action: 'makeCall', destination: '3000', callVariables: 'a|b' },
    { action: 'makeCall', destination: '3000', callVariables: ['a\u0007'] },
  ]) {
    it(`refuses call data ${JSON.stringify(bad).slice(0, 80)}`, () => {
      expect(parsePegaRequest(bad)).to.have.property('errCode', 'OPENCTI_CF_GENERIC_OPERATION');
    });
  }

  it('outgoing call data: one form at a time, keys must be XML names, no pipe inside a value', async () => {
    const session = new FakeSession();
    for (const r of [
      { action: 'makeCall', destination: '3000', callData: 'x', userData: { a: '1' } },
      { action: 'makeCall', destination: '3000', userData: { 'a b': '1' } },
      { action: 'makeCall', destination: '3000', callVariables: ['a|b'] },
    ] as PegaRequest[]) {
      expect(await executePegaRequest(session, target, r)).to.have.property('errCode', 'OPENCTI_CF_GENERIC_OPERATION');
    }
    expect(session.requests).to.have.length(0);
    session.answer('makeCall', { callingDevice: conn('0031', '2000') });
    await executePegaRequest(session, target, { action: 'makeCall', destination: '3000', callVariables: ['42', 'fr'] });
    await executePegaRequest(session, target, { action: 'makeCall', destination: '3000', userData: { Note: 'a<b&c' } });
    expect(session.requests.map((r) => (r.argument as { userData: string }).userData)).to.deep.equal([hex('42|fr'), hex('<CallData><Note>a&lt;b&amp;c</Note></CallData>')]);
  });
  for (const bad of [null, 'answerCall', [], { action: 'fly' }, { action: 'makeCall', destination: '' }, { action: 'agentReady', workMode: 'NAP' }, { action: 'hangUpCall', callId: { x: 1 } }, { action: 'makeCall', destination: '1', callData: 5n }, { action: 'makeCall', destination: '3000\u0000' }, { action: 'makeCall', destination: '3000', callData: 'a=1\u001b[2J' }, { action: 'sendDTMF', callId: '01', digits: '1\u0085' }, { action: 'answerCall', callId: '\ud800' }]) {
    it(`refuses ${String(JSON.stringify(bad, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)))}`, () => {
      const r = parsePegaRequest(bad);
      expect(isPegaFailure(r)).to.equal(true);
      expect(r).to.have.property('errCode', 'OPENCTI_CF_GENERIC_OPERATION');
    });
  }
});
