import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import { parseClientMessage, resultFromThrown } from '../../../../lib/pega/gateway/protocol.js';
import { staticTokenTable, tokenFromUpgrade } from '../../../../lib/pega/gateway/auth.js';
import { PEGA_REQUEST_ACTIONS } from '../../../../lib/pega/types.js';
import type { PegaRequest, PegaRequestAction } from '../../../../lib/pega/types.js';
import { ConnectionClosedError } from '../../../../lib/session/errors.js';

/** One well-formed request per action, typed against the Pega layer's request union. */
const SAMPLES: { readonly [A in PegaRequestAction]: PegaRequest & { readonly action: A } } = {
  answerCall: { action: 'answerCall', callId: '4953' },
  hangUpCall: { action: 'hangUpCall', callId: '4953' },
  holdCall: { action: 'holdCall', callId: '4953' },
  retrieveCall: { action: 'retrieveCall', callId: '4953' },
  makeCall: { action: 'makeCall', destination: '16175551212', callData: 'account=42' },
  sendDTMF: { action: 'sendDTMF', callId: '4953', digits: '12#' },
  consultationCall: { action: 'consultationCall', callId: '4953', destination: '8809' },
  conferenceInitiate: { action: 'conferenceInitiate', callId: '4953', destination: '8809' },
  transferInitiate: { action: 'transferInitiate', callId: '4953', destination: '8809', callData: 'x' },
  conferenceComplete: { action: 'conferenceComplete', callId: '4953', consultCallId: '4954' },
  transferComplete: { action: 'transferComplete', callId: '4953' },
  blindTransfer: { action: 'blindTransfer', callId: '4953', destination: '8809' },
  dropParty: { action: 'dropParty', callId: '4953', party: '8809' },
  agentReady: { action: 'agentReady', workMode: 'MODE_AUTO_IN' },
  agentNotReady: { action: 'agentNotReady', reasonCode: '7', workMode: 'AUX_WORK' },
  login: { action: 'login', agentId: '5501', password: 'pw' },
  logout: { action: 'logout', reasonCode: '2' },
  wrapUp: { action: 'wrapUp' },
};

function upgradeWith(protocols: string | undefined): IncomingMessage {
  return { headers: protocols === undefined ? {} : { 'sec-websocket-protocol': protocols } } as IncomingMessage;
}

describe('pega gateway protocol', () => {
  describe('parseClientMessage', () => {
    it('accepts a well-formed request of every action of the Pega layer', () => {
      expect(Object.keys(SAMPLES).sort()).to.deep.equal([...PEGA_REQUEST_ACTIONS].sort());
      for (const request of Object.values(SAMPLES)) {
        expect(parseClientMessage(JSON.stringify({ id: 'r1', request }))).to.deep.equal({ kind: 'request', id: 'r1', request });
      }
    });

    it('drops fields no action has', () => {
      expect(parseClientMessage('{"id":1,"request":{"action":"wrapUp","rm":"-rf"}}')).to.deep.equal({ kind: 'request', id: 1, request: { action: 'wrapUp' } });
    });

    it('drops null optional fields and keeps integer ids', () => {
      expect(parseClientMessage('{"id":42,"request":{"action":"agentNotReady","reasonCode":"7","workMode":null}}')).to.deep.equal({
        kind: 'request',
        id: 42,
        request: { action: 'agentNotReady', reasonCode: '7' },
      });
    });

    const bad: Array<[string, string, string | number | undefined]> = [
      ['not JSON', '{"id":1,', undefined],
      ['an array', '[1,2]', undefined],
      ['a string', '"answerCall"', undefined],
      ['no id', '{"request":{"action":"answerCall"}}', undefined],
      ['a fractional id', '{"id":1.5,"request":{"action":"answerCall"}}', undefined],
      ['an object id', '{"id":{},"request":{"action":"answerCall"}}', undefined],
      ['an empty id', '{"id":"","request":{"action":"answerCall"}}', undefined],
      ['no request', '{"id":2}', 2],
      ['a request that is an array', '{"id":3,"request":["answerCall"]}', 3],
      ['no action', '{"id":4,"request":{"callId":"1"}}', 4],
      ['an unknown action', '{"id":"u","request":{"action":"formatDisk"}}', 'u'],
      ['an inherited name as action', '{"id":5,"request":{"action":"constructor"}}', 5],
      ['a nested field', '{"id":6,"request":{"action":"makeCall","destination":{"x":1}}}', 6],
      ['an array field', '{"id":7,"request":{"action":"makeCall","destination":["1"]}}', 7],
      ['a boolean where a string belongs', '{"id":8,"request":{"action":"sendDTMF","callId":"1","digits":true}}', 8],
      ['a missing required field', '{"id":9,"request":{"action":"sendDTMF","callId":"1"}}', 9],
      ['an empty required field', '{"id":10,"request":{"action":"holdCall","callId":""}}', 10],
      ['a work mode outside the enum', '{"id":12,"request":{"action":"agentReady","workMode":"NAP"}}', 12],
    ];
    for (const [what, text, id] of bad) {
      it(`rejects ${what}`, () => {
        const parsed = parseClientMessage(text);
        expect(parsed.kind).to.equal('invalid');
        if (parsed.kind === 'invalid') {
          expect(parsed.id).to.equal(id);
          expect(parsed.errMessage).to.be.a('string').and.not.equal('');
        }
      });
    }

    it('rejects overlong ids and fields', () => {
      expect(parseClientMessage(JSON.stringify({ id: 'x'.repeat(129), request: { action: 'wrapUp' } })).kind).to.equal('invalid');
      expect(parseClientMessage(JSON.stringify({ id: 'x'.repeat(128), request: { action: 'wrapUp' } })).kind).to.equal('request');
      expect(parseClientMessage(JSON.stringify({ id: 1, request: { action: 'makeCall', destination: '1'.repeat(1025) } })).kind).to.equal('invalid');
      expect(parseClientMessage(JSON.stringify({ id: 1, request: { action: 'makeCall', destination: '1'.repeat(1024) } })).kind).to.equal('request');
    });

    it('ignores a __proto__ key without touching any prototype', () => {
      const parsed = parseClientMessage('{"id":1,"request":{"action":"wrapUp","__proto__":{"polluted":"x"}}}');
      expect(parsed).to.deep.equal({ kind: 'request', id: 1, request: { action: 'wrapUp' } });
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    });
  });

  describe('results', () => {
    it('resultFromThrown maps a thrown error with the Pega layer\'s table', () => {
      expect(resultFromThrown(new ConnectionClosedError('socket reset'), 'answerCall')).to.have.property('errCode', 'OPENCTI_HTTP_ERROR_503');
      expect(resultFromThrown(new Error('bug'), 'makeCall')).to.deep.equal({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION', errMessage: 'bug' });
    });
  });

  describe('tokens', () => {
    it('reads the bearer subprotocol only next to the gateway subprotocol', () => {
      expect(tokenFromUpgrade(upgradeWith('pega-gateway.v1, bearer.abc-123'))).to.equal('abc-123');
      expect(tokenFromUpgrade(upgradeWith('bearer.abc-123'))).to.equal(undefined);
      expect(tokenFromUpgrade(upgradeWith('pega-gateway.v1'))).to.equal(undefined);
      expect(tokenFromUpgrade(upgradeWith('pega-gateway.v1, bearer.a, bearer.b'))).to.equal(undefined);
      expect(tokenFromUpgrade(upgradeWith('pega-gateway.v1, bearer.'))).to.equal(undefined);
      expect(tokenFromUpgrade(upgradeWith(undefined))).to.equal(undefined);
    });

    it('staticTokenTable maps known tokens and refuses the rest', () => {
      const auth = staticTokenTable({ 'tok-a': { agentId: '5501', device: '8808' }, 'tok-b': { agentId: '5502', device: '8809' } });
      expect(auth('tok-a')).to.deep.equal({ agentId: '5501', device: '8808' });
      expect(auth('tok-b')).to.deep.equal({ agentId: '5502', device: '8809' });
      expect(auth('tok-')).to.equal(undefined);
      expect(auth('tok-a ')).to.equal(undefined);
      expect(auth('')).to.equal(undefined);
      const fromMap = staticTokenTable(new Map([['m', { agentId: '1', device: '2' }]]));
      expect(fromMap('m')).to.deep.equal({ agentId: '1', device: '2' });
    });
  });
});
