/**
 * Typed request methods: each sends its ASN.1 operation with the argument as given and resolves
 * with the typed result; no-reply operations (routeSelect/routeEnd) are sent without tracking.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { ScriptedSwitch } from '../../support/scripted-switch.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { EncodeError } from '../../../protocol/errors.js';

describe('CstaSession typed request methods', () => {
  let sw: ScriptedSwitch;
  let session: CstaSession;

  beforeEach(async () => {
    sw = new ScriptedSwitch();
    await sw.listen();
    // Answers every request with an empty result, as a switch does for most call-control services.
    sw.handler = (pdu, conn) => {
      if (pdu.pdu !== 'invoke' || pdu.operation === 'routeSelectRequest' || pdu.operation === 'routeEndRequest') return;
      if (pdu.operation === 'getDoNotDisturb') {
        conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'getDoNotDisturb', result: { doNotDisturbOn: true } } as CstaPdu);
        return;
      }
      conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId });
    };
    session = new CstaSession({ host: '127.0.0.1', port: sw.port, keepAliveMs: 0, reconnect: false });
    await session.connect();
  });
  afterEach(async () => {
    await session.close();
    await sw.close();
  });

  const invokes = (): Extract<CstaPdu, { pdu: 'invoke' }>[] => sw.received.filter((p): p is Extract<CstaPdu, { pdu: 'invoke' }> => p.pdu === 'invoke');

  it('builds identifiers the way switches expect them', () => {
    expect(deviceID('2000')).to.deep.equal({ deviceIdentifier: { dialingNumber: '2000' } });
    expect(connectionID('0a', '2000')).to.deep.equal({ both: { callID: '0a', deviceID: { staticID: { deviceIdentifier: { dialingNumber: '2000' } } } } });
  });

  it('takes a string wherever a DeviceID goes, and sends the DeviceID (deeply: in ConnectionIDs, lists, choices)', async () => {
    await session.makeCall({ callingDevice: '2000', calledDirectoryNumber: '3000' });
    await session.answerCall({ callToBeAnswered: { both: { callID: '0001', deviceID: { staticID: '2000' } } } });
    await session.singleStepTransferCall({ activeCall: connectionID('0001', '2000'), transferredTo: '3000' });
    await session.setForwarding({ device: '2000', forwardingType: 'forwardImmediate', activateForward: true, forwardDN: '4000' });
    const sent = invokes().map((p) => p.argument);
    expect(sent).to.deep.equal([
      { callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('3000') },
      { callToBeAnswered: connectionID('0001', '2000') },
      { activeCall: connectionID('0001', '2000'), transferredTo: deviceID('3000') },
      { device: deviceID('2000'), forwardingType: 'forwardImmediate', activateForward: true, forwardDN: deviceID('4000') },
    ]);
    // A string where no DeviceID goes is still a type error.
    // @ts-expect-error charactersToSend is text, but connectionToSendDigits is no device
    void session.generateDigits({ connectionToSendDigits: '2000', charactersToSend: '1' }).catch(() => undefined);
  });

  it('sends each call-control method as its ASN.1 operation with the argument unchanged', async () => {
    const c = connectionID('0001', '2000');
    const d = connectionID('0002', '2000');
    await session.holdCall({ callToBeHeld: c });
    await session.retrieveCall({ callToBeRetrieved: c });
    await session.transferCall({ heldCall: c, activeCall: d });
    await session.singleStepTransferCall({ activeCall: c, transferredTo: deviceID('3000') });
    await session.generateDigits({ connectionToSendDigits: c, charactersToSend: '12#' });
    const sent = invokes().map((p) => [p.operation, p.argument]);
    expect(sent).to.deep.equal([
      ['holdCall', { callToBeHeld: c }],
      ['retrieveCall', { callToBeRetrieved: c }],
      ['transferCall', { heldCall: c, activeCall: d }],
      ['singleStepTrans', { activeCall: c, transferredTo: deviceID('3000') }],
      ['generateDigits', { connectionToSendDigits: c, charactersToSend: '12#' }],
    ]);
  });

  it('resolves with the typed result', async () => {
    const r = await session.getDoNotDisturb({ device: deviceID('2000') });
    expect(r.doNotDisturbOn).to.equal(true);
  });

  it('sends routeSelect without waiting for a reply and leaves nothing in flight', async () => {
    expect(session.routeSelect({ crossRefIdentifier: '01', routeSelected: deviceID('2001') })).to.equal(true);
    await session.getDoNotDisturb({ device: deviceID('2000') }); // a round trip orders the switch's view after the notify
    const ops = invokes().map((p) => p.operation);
    expect(ops).to.deep.equal(['routeSelectRequest', 'getDoNotDisturb']);
    expect(session.inFlight).to.equal(0);
  });

  it('rejects at once, with the EncodeError, a request whose argument does not encode; the session goes on', async () => {
    const bad = session.answerCall({ callToBeAnswered: { both: { callID: 42 as unknown as string, deviceID: { staticID: deviceID('2000') } } } });
    const error = await bad.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EncodeError);
    expect(session.inFlight).to.equal(0);
    expect((await session.getDoNotDisturb({ device: deviceID('2000') })).doNotDisturbOn).to.equal(true);
  });

  it('refuses to notify when the link is down', async () => {
    await session.close();
    expect(session.routeEnd({ crossRefIdentifier: '01' })).to.equal(false);
  });
});
