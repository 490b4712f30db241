import { expect } from 'chai';
import { validatePegaEvent, validateSchema, CALL_EVENT_SCHEMA, SCHEMA_BY_EVENT_TYPE } from '../../../lib/pega/schemas.js';
import { toServerCallEvent } from '../../../lib/pega/server-view.js';
import type { CallInfoEvent, CallStateEvent } from '../../../lib/pega/types.js';

const call: CallStateEvent = {
  pyEventType: 'CallStateEvent',
  pyEventName: 'Alerting',
  pyCallId: '4953',
  pyANI: '16175551212',
  pyOtherDN: '16175551212',
  pyCallType: 'INBOUND',
  pyMedia: 'Phone',
  pyThisDN: '8808',
  pyDNIS: '8000',
};

describe('OpenCTI schemas', () => {
  it('have the documented $ids, draft-06, and a schema per pyEventType', () => {
    expect(CALL_EVENT_SCHEMA.$id).to.equal('http://pega.com/OpenCTI/Events/CallEvent.json');
    expect(CALL_EVENT_SCHEMA.$schema).to.equal('http://json-schema.org/draft-06/schema#');
    expect(Object.keys(SCHEMA_BY_EVENT_TYPE).sort()).to.deep.equal(['AgentStateEvent', 'CallInfoEvent', 'CallStateEvent', 'PartyInfoEvent', 'SnapshotEvent']);
  });

  it('accept a documented call event (extra fields allowed)', () => {
    expect(validatePegaEvent(call)).to.deep.equal([]);
  });

  it('reject a value outside an enum, a missing field, a wrong type', () => {
    expect(validatePegaEvent({ ...call, pyEventName: 'Ringing' })).to.deep.equal([{ path: '/pyEventName', message: '"Ringing" is not one of Abandoned, Alerting, Connected, Disconnected, Established, Held, Initiated, Retrieved' }]);
    const { pyANI: _omit, ...noAni } = call;
    expect(validatePegaEvent(noAni)).to.deep.equal([{ path: '/pyANI', message: 'is required' }]);
    expect(validatePegaEvent({ ...call, pyCallId: 4953 })).to.deep.equal([{ path: '/pyCallId', message: 'expected string, got number' }]);
    expect(validatePegaEvent({ pyEventType: 'Nope' })).to.have.length(1);
    expect(validatePegaEvent('x')).to.have.length(1);
  });

  it('check array items and additionalProperties', () => {
    const party = { pyEventType: 'PartyInfoEvent', pyEventName: 'PartyInfo', pyCallId: '1', pyMedia: 'Phone', pyThisDN: '8808', pyParties: [{ pyDN: '8808' }, { dn: 'x' }] };
    expect(validatePegaEvent(party)).to.deep.equal([{ path: '/pyParties/1/pyDN', message: 'is required' }]);
    expect(validateSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }, { a: 'x', b: 1 })).to.deep.equal([{ path: '/b', message: 'is not allowed' }]);
    const info = { pyEventType: 'CallInfoEvent', pyEventName: 'CallInfo', pyCallId: '1', pyThisDN: '1', pyApplicationData: '', pyCallVariables: [], pyUserData: {}, pyNamedVariables: { a: 1 } };
    expect(validatePegaEvent(info)).to.deep.equal([{ path: '/pyNamedVariables/a', message: 'expected string, got number' }]);
  });
});

describe('server-side view', () => {
  it('names the new-call event Offering and keeps the state in pyCallState', () => {
    const info: CallInfoEvent = {
      pyEventType: 'CallInfoEvent',
      pyEventName: 'CallInfo',
      pyCallId: '4953',
      pyThisDN: '8808',
      pyANI: '16175551212',
      pyDNIS: '8000',
      pyApplicationData: 'account=42',
      pyCorrelatorData: '',
      pyCallVariables: ['account=42'],
      pyUserData: {},
      pyNamedVariables: { account: '42' },
    };
    expect(toServerCallEvent(call, info)).to.deep.equal({
      pyEventName: 'Offering',
      pyCallState: 'Alerting',
      pyCallType: 'INBOUND',
      pyCallID: '4953',
      pyDNIS: '8000',
      pyANI: '16175551212',
      pyOtherDN: '16175551212',
      pyNamedVariables: { account: '42' },
    });
    expect(toServerCallEvent({ ...call, pyEventName: 'Held' })).to.deep.include({ pyEventName: 'Held', pyCallState: 'Held', pyNamedVariables: {} });
  });
});
