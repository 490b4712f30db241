/**
 * The wrong mappings W1–W10 of the Pega Call audit (../shared/reference/pega-call-audit.md §3),
 * one `describe` per item. Each test failed on the code the audit read (commit 612e057 of main)
 * and passes with the fix.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PegaCtiLink } from '../../../lib/pega/link.js';
import { PegaMapper } from '../../../lib/pega/mapper.js';
import { openCtiCodeOf } from '../../../lib/pega/errors.js';
import { executePegaRequest } from '../../../lib/pega/requests.js';
import { validatePegaEvent, PARTY_INFO_EVENT_SCHEMA, validateSchema } from '../../../lib/pega/schemas.js';
import * as pegaTypes from '../../../lib/pega/types.js';
import type { PegaEvent, PegaRequest, SnapshotEvent } from '../../../lib/pega/types.js';
import { RemoteOperationError } from '../../../lib/session/errors.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import type { Monitor } from '../../../lib/session/monitors.js';
import { FakeSession } from './fake-session.js';

const hex = (s: string): string => Buffer.from(s).toString('hex');
const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const conn = (callID: string, n: string) => ({ both: { callID, deviceID: { staticID: dev(n) } } });
const monitorOf = (device: string): Monitor => ({ device, deviceID: dev(device), crossRefIdentifier: '0001', requestedFilter: undefined });
const remote = (failure: object): RemoteOperationError => new RemoteOperationError('setAgentState', 1, failure as never);

function delivered(callID: string, at: string, from: string, extra: object = {}): CstaEvent {
  return {
    category: 'callControlEvents',
    type: 'delivered',
    crossRefIdentifier: '0001',
    event: { connection: conn(callID, at), alertingDevice: { deviceIdentifier: dev(at) }, callingDevice: { deviceIdentifier: dev(from) }, calledDevice: { deviceIdentifier: dev(at) }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall', ...extra },
  } as CstaEvent;
}
function established(callID: string, at: string, from: string): CstaEvent {
  return {
    category: 'callControlEvents',
    type: 'established',
    crossRefIdentifier: '0001',
    event: { establishedConnection: conn(callID, at), answeringDevice: { deviceIdentifier: dev(at) }, callingDevice: { deviceIdentifier: dev(from) }, calledDevice: { deviceIdentifier: dev(at) }, lastRedirectionDevice: { notKnown: null }, cause: 'newCall' },
  } as CstaEvent;
}

function collect(link: PegaCtiLink): PegaEvent[] {
  const out: PegaEvent[] = [];
  link.on('event', (_a, e) => out.push(e));
  return out;
}

describe('Pega audit W1: PartyInfoEvent carries pyMedia', () => {
  it('every PartyInfo the fixtures produce has pyMedia "Phone", and the schema requires it', () => {
    const dir = join(import.meta.dirname, '../../../fixtures/pega');
    let seen = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const flow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { steps: { device: string; event: CstaEvent }[] };
      const mapper = new PegaMapper();
      for (const step of flow.steps) {
        for (const e of mapper.map(step.device, step.event)) {
          if (e.pyEventType !== 'PartyInfoEvent') continue;
          seen++;
          expect(e.pyMedia, file).to.equal('Phone');
        }
      }
    }
    expect(seen).to.be.greaterThan(0);
    const withoutMedia = { pyEventType: 'PartyInfoEvent', pyEventName: 'PartyInfo', pyCallId: '1', pyThisDN: '2000', pyParties: [] };
    expect(validateSchema(PARTY_INFO_EVENT_SCHEMA, withoutMedia)).to.deep.equal([{ path: '/pyMedia', message: 'is required' }]);
  });
});

describe('Pega audit W2: a refused agent request is a failure, not OPENCTI_IN_SAME_STATE', () => {
  it('stateIncompatibility values and invalidAgentState are not "already in the requested state"; featureAlreadySet is', () => {
    for (const failure of [{ stateIncompatibility: 'invalidDeviceState' }, { stateIncompatibility: 'connectedCallExists' }, { stateIncompatibility: 'noActiveCall' }, { operation: 'invalidAgentState' }]) {
      expect(openCtiCodeOf(failure as never, 'agent'), JSON.stringify(failure)).to.not.equal('OPENCTI_IN_SAME_STATE');
    }
    expect(openCtiCodeOf({ operation: 'featureAlreadySet' } as never, 'agent')).to.equal('OPENCTI_IN_SAME_STATE');
  });

  it('a login the switch refuses (invalidDeviceState) fails and leaves no agent behind', async () => {
    const session = new FakeSession().answer('setAgentState', remote({ stateIncompatibility: 'invalidDeviceState' }));
    const link = new PegaCtiLink(session);
    const events = collect(link);
    const result = await link.login({ agentId: '5501', device: '2000' });
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(link.agents).to.have.length(0);
    // The link asks the switch whether the agent is logged on after all (it is not), then undoes the monitor.
    expect(session.operations).to.deep.equal(['monitorStart', 'setAgentState', 'getAgentState', 'monitorStop']);
    expect(events).to.deep.equal([]);
  });

  it('a logout the switch refuses (connectedCallExists) fails: the monitor stays and no Logout snapshot is sent', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    session.answer('setAgentState', remote({ stateIncompatibility: 'connectedCallExists' }));
    const events = collect(link);
    const before = session.requests.length;
    const result = await link.logout('5501', '4');
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(session.operations.slice(before)).to.deep.equal(['setAgentState', 'getAgentState']);
    expect(link.agents.map((a) => a.agentId)).to.deep.equal(['5501']);
    expect(events).to.deep.equal([]);
  });

  it('invalidAgentState on login counts as success only when getAgentState shows this agent already logged on', async () => {
    const loggedOn = { agentStateList: [{ agentID: hex('5501'), loggedOn: true, agentInfo: [{ agentState: 'agentNotReady' }] }] };
    const session = new FakeSession().answer('setAgentState', remote({ operation: 'invalidAgentState' })).answer('getAgentState', loggedOn);
    const link = new PegaCtiLink(session);
    expect(await link.login({ agentId: '5501', device: '2000' })).to.deep.equal({ ok: true });

    const other = new FakeSession().answer('setAgentState', remote({ operation: 'invalidAgentState' })).answer('getAgentState', { agentStateList: [{ loggedOn: false }] });
    const refused = new PegaCtiLink(other);
    expect(await refused.login({ agentId: '5501', device: '2000' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(refused.agents).to.have.length(0);
  });
});

describe('Pega audit W3: featureAlreadySet on call requests', () => {
  it('is an object-state error, not OPENCTI_IN_SAME_STATE', () => {
    expect(openCtiCodeOf({ operation: 'featureAlreadySet' } as never, 'call')).to.equal('OPENCTI_CF_INVALID_OBJECT_STATE');
    expect(openCtiCodeOf({ operation: 'featureAlreadySet' } as never, 'dial')).to.equal('OPENCTI_CF_INVALID_OBJECT_STATE');
  });
});

describe('Pega audit W4: OPENCTI_AGENT_LOGGED_IN only for another device', () => {
  it('the same agent logging in again on the same device (a reload) succeeds with a Snapshot', async () => {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    const events = collect(link);
    expect(await link.login({ agentId: '5501', device: '2000' })).to.deep.equal({ ok: true });
    expect(events.map((e) => e.pyEventType)).to.deep.equal(['SnapshotEvent']);
    expect(events[0]).to.deep.include({ pyAgentId: '5501', pyDeviceState: 'OPENED', pyThisDN: '2000' });
    expect(link.agents).to.have.length(1);
  });

  it('another device → OPENCTI_AGENT_LOGGED_IN; a device held by another agent is not that code', async () => {
    const link = new PegaCtiLink(new FakeSession(), { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    expect(await link.login({ agentId: '5501', device: '2001' })).to.deep.include({ ok: false, errCode: 'OPENCTI_AGENT_LOGGED_IN' });
    const busy = await link.login({ agentId: '5502', device: '2000' });
    expect(busy.ok).to.equal(false);
    expect(busy).to.not.deep.include({ errCode: 'OPENCTI_AGENT_LOGGED_IN' });
  });
});

describe('Pega audit W5: the login Snapshot reports what the link just set', () => {
  it('without getAgentState: Login, or NotReady with the reason code the link sent', async () => {
    const plain = new PegaCtiLink(new FakeSession(), { queryAgentState: false });
    const a = collect(plain);
    await plain.login({ agentId: '5501', device: '2000' });
    expect(a[0]).to.deep.include({ pyAgentState: 'Login', pyReasonCode: '' });

    const session = new FakeSession().answer('getAgentState', remote({ operation: 'serviceNotSupported' }));
    const withReason = new PegaCtiLink(session);
    const b = collect(withReason);
    await withReason.login({ agentId: '5501', device: '2000', reasonCode: '3' });
    expect(b[0]).to.deep.include({ pyAgentState: 'NotReady', pyReasonCode: '3', pyWorkMode: 'AUX_WORK' });
  });
});

describe('Pega audit W6: call data as Pega parses it', () => {
  it('XML UUI → pyUserData (value group); a pipe list → pyCallVariables (value list)', () => {
    const m = new PegaMapper({ octetStrings: 'text' });
    const xml = m.map('2000', delivered('01', '2000', '0612345678', { userData: '<CallData><AccountNumber>42</AccountNumber><Lang>fr</Lang></CallData>' }));
    expect(xml[1]).to.deep.include({ pyEventType: 'CallInfoEvent', pyUserData: { AccountNumber: '42', Lang: 'fr' }, pyCallVariables: [] });
    const pipe = m.map('2000', delivered('02', '2000', '0612345678', { userData: '42|fr|balance' }));
    expect(pipe[1]).to.deep.include({ pyCallVariables: ['42', 'fr', 'balance'], pyUserData: {} });
    for (const e of [...xml, ...pipe]) expect(validatePegaEvent(e)).to.deep.equal([]);
  });

  it('outgoing key/value call data goes out XML-encoded, and more than the UUI limit is refused', async () => {
    const session = new FakeSession().answer('makeCall', { callingDevice: conn('0031', '2000') });
    const ok = await executePegaRequest(session, { device: '2000' }, { action: 'makeCall', destination: '3000', userData: { AccountNumber: '42' } });
    expect(ok).to.deep.equal({ ok: true, callId: '0031' });
    expect(session.requests[0]!.argument).to.deep.include({ userData: hex('<CallData><AccountNumber>42</AccountNumber></CallData>') });
    const big = await executePegaRequest(session, { device: '2000', maxCallDataBytes: 96 }, { action: 'makeCall', destination: '3000', callData: 'x'.repeat(97) });
    expect(big).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
    expect(session.requests).to.have.length(1);
  });
});

describe('Pega audit W7: no invented default error codes', () => {
  it('OPENCTI_ERR_PASS is not listed, and a bad agent password maps to a Pega default code', () => {
    expect(pegaTypes.OPENCTI_ERROR_CODES as readonly string[]).to.not.include('OPENCTI_ERR_PASS');
    expect(openCtiCodeOf({ operation: 'invalidAgentPassword' } as never, 'agent')).to.equal('OPENCTI_HTTP_ERROR_401');
  });
});

describe('Pega audit W8: answerCall / hangUpCall without a call ID', () => {
  async function loggedIn(): Promise<{ session: FakeSession; link: PegaCtiLink }> {
    const session = new FakeSession();
    const link = new PegaCtiLink(session, { queryAgentState: false });
    await link.login({ agentId: '5501', device: '2000' });
    return { session, link };
  }

  it('answerCall answers the ringing call; no ringing call or two → a clear refusal without a CSTA request', async () => {
    const { session, link } = await loggedIn();
    const none = await link.request('5501', { action: 'answerCall' } as PegaRequest);
    expect(none).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'));
    const before = session.requests.length;
    expect(await link.request('5501', { action: 'answerCall' } as PegaRequest)).to.deep.equal({ ok: true, callId: '002a' });
    expect(session.requests[before]).to.deep.include({ operation: 'answerCall', argument: { callToBeAnswered: conn('002a', '2000') } });
    session.emit('event', delivered('002b', '2000', '0612345679'), monitorOf('2000'));
    const two = await link.request('5501', { action: 'answerCall' } as PegaRequest);
    expect(two).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect((two as { errMessage: string }).errMessage).to.match(/002a.*002b|more than one/);
    expect(session.requests.length).to.equal(before + 1);
  });

  it('hangUpCall clears the only call; with two calls it refuses', async () => {
    const { session, link } = await loggedIn();
    session.emit('event', delivered('002a', '2000', '0612345678'), monitorOf('2000'));
    session.emit('event', established('002a', '2000', '0612345678'), monitorOf('2000'));
    const before = session.requests.length;
    expect(await link.request('5501', { action: 'hangUpCall' } as PegaRequest)).to.deep.equal({ ok: true, callId: '002a' });
    expect(session.requests[before]).to.deep.include({ operation: 'clearConnection', argument: { connectionToBeCleared: conn('002a', '2000') } });
    session.emit('event', delivered('002b', '2000', '0612345679'), monitorOf('2000'));
    expect(await link.request('5501', { action: 'hangUpCall' } as PegaRequest)).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
  });
});

describe('Pega audit W9: docs/pega-mapping.md can be followed from the repository', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/pega-mapping.md'), 'utf8');

  it('cites no machine path, and every source short name it cites is defined in its sources table', () => {
    expect(doc).to.not.match(/(^|[\s(`])\/(work|home|tmp|Users)\//m);
    const defined = new Set([...doc.matchAll(/^\| `?\[?([A-Za-z][\w-]*)\]?`? \| https:\/\//gm)].map((m) => m[1]));
    expect(defined.size).to.be.greaterThan(10);
    const cited = new Set([...doc.matchAll(/\[([A-Z][A-Za-z]*-[\w-]+|Academy|VoiceAI)\]/g)].map((m) => m[1]!));
    for (const c of cited) expect(defined.has(c), `source [${c}] is not defined`).to.equal(true);
  });

  it('has a row per Pega request action and per Pega event name', () => {
    for (const action of pegaTypes.PEGA_REQUEST_ACTIONS) expect(doc, action).to.match(new RegExp(`^\\| \`${action}\``, 'm'));
    const events = [...pegaTypes.PEGA_CALL_EVENT_NAMES, 'PartyInfo', 'CallInfo', 'Snapshot', ...pegaTypes.PEGA_AGENT_EVENT_NAMES.map((n) => `AgentStateEvent ${n}`)];
    for (const name of events) expect(doc, name).to.match(new RegExp(`^\\| \`${name}\``, 'm'));
  });
});

describe('Pega audit W10: wrapUp is an extension, not a Pega function', () => {
  it('the Pega function list leaves it out; the extension list names it; agentNotReady + ACW reaches workingAfterCall', async () => {
    const functions = (pegaTypes as Record<string, unknown>).PEGA_OPENCTI_FUNCTIONS as readonly string[] | undefined;
    const extensions = (pegaTypes as Record<string, unknown>).PEGA_EXTENSION_ACTIONS as readonly string[] | undefined;
    expect(functions, 'PEGA_OPENCTI_FUNCTIONS').to.be.an('array').that.includes('agentNotReady').and.not.includes('wrapUp');
    expect(extensions).to.deep.equal(['wrapUp']);
    expect([...functions!, ...extensions!].sort()).to.deep.equal([...pegaTypes.PEGA_REQUEST_ACTIONS].sort());
    const session = new FakeSession();
    await executePegaRequest(session, { device: '2000' }, { action: 'agentNotReady', workMode: 'ACW' });
    expect(session.requests[0]!.argument).to.deep.include({ requestedAgentState: 'workingAfterCall' });
  });
});

/** Snapshot type used above only to keep the import list honest. */
export type _Snapshot = SnapshotEvent;
