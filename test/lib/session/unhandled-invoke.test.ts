/**
 * Invokes from the switch that the application registered no handler for: rejected over BER,
 * answered with universalFailure over CSTA-XML (which has no reject), and dropped without an
 * answer when the operation has no result (routeEndRequest).
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { ScriptedSwitch } from '../../support/scripted-switch.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import type { WireFormat } from '../../../lib/transport/wire.js';
import '../../../lib/transport/xml-wire.js';

const escapeInvoke = { pdu: 'invoke', invokeId: 40, operation: 'escape', argument: { privateData: { string: '0102' } } } as CstaPdu;
const routeEnd = { pdu: 'invoke', invokeId: 41, operation: 'routeEndRequest', argument: { crossRefIdentifier: '0001' } } as CstaPdu;

async function run(wire: WireFormat): Promise<CstaPdu[]> {
  const sw = new ScriptedSwitch(wire);
  await sw.listen();
  const session = new CstaSession({ host: '127.0.0.1', port: sw.port, wire, association: { kind: 'none' }, keepAliveMs: 0, reconnect: false });
  const sendErrors: Error[] = [];
  session.on('sendError', (e) => sendErrors.push(e));
  try {
    await session.connect();
    // The two invokes, then a marker request whose answer proves the session processed both.
    const answered = new Promise<void>((resolve) => {
      sw.handler = (pdu, conn) => {
        if (pdu.pdu === 'invoke' && pdu.operation === 'getDoNotDisturb') {
          conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'getDoNotDisturb', result: { doNotDisturbOn: false } } as CstaPdu);
          resolve();
        }
      };
    });
    const conn = sw.connections[0]!;
    conn.send(routeEnd);
    conn.send(escapeInvoke);
    await session.getDoNotDisturb({ device: { deviceIdentifier: { dialingNumber: '2000' } } });
    await answered;
    expect(sendErrors).to.deep.equal([]);
    return sw.received.filter((p) => !(p.pdu === 'invoke' && p.operation === 'getDoNotDisturb'));
  } finally {
    await session.close();
    await sw.close();
  }
}

describe('CstaSession: invokes without a handler', () => {
  it('BER: rejects escape as unrecognizedOperation, answers nothing to routeEndRequest', async () => {
    const received = await run({ encoding: 'ber', framing: 'length16' });
    expect(received).to.deep.equal([{ pdu: 'reject', invokeId: 40, problem: { invoke: 'unrecognizedOperation' } }]);
  });

  it('CSTA-XML: answers escape with universalFailure serviceNotSupported (no reject in XML), nothing to routeEndRequest', async () => {
    const received = await run({ encoding: 'xml', framing: 'header' });
    expect(received).to.have.length(1);
    expect(received[0]).to.deep.include({ pdu: 'returnError', error: 'universalFailure', parameter: { operation: 'serviceNotSupported' } });
  });
});
