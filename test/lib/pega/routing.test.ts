import { expect } from 'chai';
import { registerRoutingPoint } from '../../../lib/pega/routing.js';
import type { RouteDecision, RouteRequest } from '../../../lib/pega/routing.js';
import type { InvokePdu } from '../../../protocol/rose/pdu.js';
import { FakeSession } from './fake-session.js';
import { waitFor } from '../../support/wait.js';

const dev = (n: string) => ({ deviceIdentifier: { dialingNumber: n } });
const INVOKE = { pdu: 'invoke', invokeId: 30, operation: 'routeRequest', argument: {} } as unknown as InvokePdu;

function routeRequestArg(crossRefIdentifier: string, regId: string | undefined, route = '6486') {
  return {
    crossRefIdentifier,
    ...(regId === undefined ? {} : { routeRegisterReqID: regId }),
    currentRoute: { deviceIdentifier: dev(route) },
    callingDevice: { deviceIdentifier: dev('0612345678') },
    routeingDevice: { deviceIdentifier: dev(route) },
    routedCall: { both: { callID: '002a', deviceID: { staticID: dev(route) } } },
    correlatorData: Buffer.from('vip').toString('hex'),
  };
}

async function invoke(session: FakeSession, operation: string, argument: unknown): Promise<unknown> {
  const handler = session.handlers.get(operation);
  if (handler === undefined) throw new Error(`no handler for ${operation}`);
  return handler(argument as never, INVOKE);
}

describe('routing points', () => {
  it('registers, asks the decider, and answers routeSelectRequest', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0005' });
    const seen: RouteRequest[] = [];
    const point = await registerRoutingPoint(session, '6486', (req) => {
      seen.push(req);
      return { destination: '2000' };
    });
    expect(session.requests[0]).to.deep.include({ operation: 'routeRegister', argument: { routeingDevice: dev('6486') } });
    expect(point.routeRegisterReqID).to.equal('0005');
    const selected: string[] = [];
    point.on('routeSelected', (_req, destination) => selected.push(destination));
    const result = await invoke(session, 'routeRequest', routeRequestArg('0001', '0005'));
    expect(result).to.equal(undefined); // routeRequest has no result: nothing is sent back for it
    await waitFor(() => selected.length === 1, 1000);
    expect(seen[0]).to.deep.include({ routingPoint: '6486', crossRefIdentifier: '0001', callId: '002a', currentRoute: '6486', callingDevice: '0612345678', correlatorData: 'vip', rerouted: false });
    const select = session.requests.find((r) => r.operation === 'routeSelectRequest');
    expect(select?.argument).to.deep.equal({ crossRefIdentifier: '0001', routeRegisterReqID: '0005', routeSelected: dev('2000'), routeUsedReq: true });
    expect(point.pending).to.equal(1); // open until the switch ends it
    await invoke(session, 'routeEndRequest', { crossRefIdentifier: '0001', routeRegisterReqID: '0005' });
    expect(point.pending).to.equal(0);
  });

  it('a replyTimeout from the switch that is 0, negative or past the timer range does not time the decider out at once', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0009' });
    const point = await registerRoutingPoint(session, '6489', async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { destination: '2000' };
    });
    const selected: string[] = [];
    const ended: string[] = [];
    point.on('routeSelected', (req) => selected.push(req.crossRefIdentifier));
    point.on('routeEnded', (x, reason) => ended.push(`${x}:${reason}`));
    const timeouts = [3_000_000, 0, -5];
    for (let i = 0; i < timeouts.length; i++) await invoke(session, 'routeRequest', { ...routeRequestArg(`000${i}`, '0009', '6489'), replyTimeout: timeouts[i] });
    await waitFor(() => selected.length + ended.length === timeouts.length, 1000);
    expect(ended).to.deep.equal([]);
    expect(selected.sort()).to.deep.equal(['0000', '0001', '0002']);
  });

  it('{ end } answers routeEndRequest (with the failure when given)', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0006' });
    const decisions: RouteDecision[] = [{ end: 'closed' }, { end: 'no agents', failure: { systemResourceAvailability: 'resourceBusy' } }];
    const point = await registerRoutingPoint(session, '6487', () => decisions.shift()!);
    const ended: [string, string, boolean][] = [];
    point.on('routeEnded', (x, reason, byApp) => ended.push([x, reason, byApp]));
    await invoke(session, 'routeRequest', routeRequestArg('0001', '0006', '6487'));
    await invoke(session, 'routeRequest', routeRequestArg('0002', '0006', '6487'));
    await waitFor(() => ended.length === 2, 1000);
    const ends = session.requests.filter((r) => r.operation === 'routeEndRequest').map((r) => r.argument);
    expect(ends).to.deep.equal([
      { crossRefIdentifier: '0001', routeRegisterReqID: '0006' },
      { crossRefIdentifier: '0002', routeRegisterReqID: '0006', errorValue: { systemResourceAvailability: 'resourceBusy' } },
    ]);
    expect(ended).to.deep.equal([
      ['0001', 'closed', true],
      ['0002', 'no agents', true],
    ]);
  });

  it('a failing or slow decider ends the dialogue with generic / routeingTimerExpired', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0007' }, { routeRegisterReqID: '0008' });
    const failing = await registerRoutingPoint(session, '6490', () => {
      throw new Error('db down');
    });
    const slow = await registerRoutingPoint(session, '6491', () => new Promise<RouteDecision>(() => undefined), { decisionTimeoutMs: 20 });
    const warnings: string[] = [];
    failing.on('warning', (e) => warnings.push(e.message));
    slow.on('warning', (e) => warnings.push(e.message));
    await invoke(session, 'routeRequest', routeRequestArg('0001', '0007', '6490'));
    await invoke(session, 'routeRequest', routeRequestArg('0002', '0008', '6491'));
    await waitFor(() => session.requests.filter((r) => r.operation === 'routeEndRequest').length === 2, 1000);
    const ends = session.requests.filter((r) => r.operation === 'routeEndRequest').map((r) => r.argument);
    expect(ends).to.deep.include({ crossRefIdentifier: '0001', routeRegisterReqID: '0007', errorValue: { operation: 'generic' } });
    expect(ends).to.deep.include({ crossRefIdentifier: '0002', routeRegisterReqID: '0008', errorValue: { operation: 'routeingTimerExpired' } });
    expect(warnings).to.have.length(2);
  });

  it('dispatches by registration ID between several points, and by device without one', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0010' }, { routeRegisterReqID: '0011' });
    const asked: string[] = [];
    await registerRoutingPoint(session, '6001', () => (asked.push('6001'), { destination: '1' }));
    await registerRoutingPoint(session, '6002', () => (asked.push('6002'), { destination: '2' }));
    await invoke(session, 'routeRequest', routeRequestArg('0001', '0011', '6001'));
    await invoke(session, 'routeRequest', routeRequestArg('0002', undefined, '6001'));
    await waitFor(() => asked.length === 2, 1000);
    expect(asked).to.deep.equal(['6002', '6001']);
  });

  it('reRouteRequest asks again with rerouted = true; a dialogue ended by the switch gets no late answer', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0012' });
    const seen: RouteRequest[] = [];
    let release: (() => void) | undefined;
    const point = await registerRoutingPoint(session, '6500', async (req) => {
      seen.push(req);
      if (seen.length === 3) await new Promise<void>((r) => (release = r));
      return { destination: seen.length === 1 ? '2000' : '2001' };
    });
    await invoke(session, 'routeRequest', routeRequestArg('0001', '0012', '6500'));
    await waitFor(() => session.requests.some((r) => r.operation === 'routeSelectRequest'), 1000);
    await invoke(session, 'reRouteRequest', { crossRefIdentifier: '0001', routeRegisterReqID: '0012' });
    await waitFor(() => session.requests.filter((r) => r.operation === 'routeSelectRequest').length === 2, 1000);
    expect(seen.map((r) => r.rerouted)).to.deep.equal([false, true]);
    expect(session.requests.filter((r) => r.operation === 'routeSelectRequest').map((r) => (r.argument as { routeSelected: unknown }).routeSelected)).to.deep.equal([dev('2000'), dev('2001')]);
    // Third request: the switch ends it while the decider is thinking.
    const ended: boolean[] = [];
    point.on('routeEnded', (_x, _r, byApp) => ended.push(byApp));
    await invoke(session, 'routeRequest', routeRequestArg('0003', '0012', '6500'));
    await waitFor(() => release !== undefined, 1000);
    await invoke(session, 'routeEndRequest', { crossRefIdentifier: '0003', routeRegisterReqID: '0012', errorValue: { operation: 'generic' } });
    release!();
    await new Promise((r) => setTimeout(r, 10));
    expect(session.requests.filter((r) => r.operation === 'routeSelectRequest')).to.have.length(2);
    expect(ended).to.deep.equal([false]);
  });

  it('sends routeSelect as a no-reply invoke, warns when the link is down; monitor and unregister', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0020' });
    const point = await registerRoutingPoint(session, '6600', () => ({ destination: '2000' }), { monitor: true });
    expect(session.operations.slice(0, 2)).to.deep.equal(['routeRegister', 'monitorStart']);
    const warnings: string[] = [];
    point.on('warning', (e) => warnings.push(e.message));
    await invoke(session, 'routeRequest', routeRequestArg('0001', '0020', '6600'));
    await waitFor(() => session.requests.some((r) => r.operation === 'routeSelectRequest'), 1000);
    expect(session.requests.find((r) => r.operation === 'routeSelectRequest')?.timeoutMs).to.equal(undefined);
    expect(warnings).to.deep.equal([]);
    session.linkUp = false;
    await invoke(session, 'routeRequest', routeRequestArg('0002', '0020', '6600'));
    await waitFor(() => warnings.length === 1, 1000);
    expect(warnings[0]).to.match(/routeSelectRequest for 6600 not sent: link down/);
    expect(session.requests.filter((r) => r.operation === 'routeSelectRequest')).to.have.length(1);
    session.linkUp = true;
    await point.unregister();
    expect(session.requests.at(-1)).to.deep.include({ operation: 'routeRegisterCancel', argument: { routeRegisterReqID: '0020' } });
  });

  it('keeps at most maxOpenDialogues open, forgetting the oldest with a warning', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0030' });
    const point = await registerRoutingPoint(session, '6700', () => ({ destination: '2000' }), { maxOpenDialogues: 2 });
    const warnings: string[] = [];
    point.on('warning', (e) => warnings.push(e.message));
    for (const x of ['0001', '0002', '0003']) await invoke(session, 'routeRequest', routeRequestArg(x, '0030', '6700'));
    await waitFor(() => session.requests.filter((r) => r.operation === 'routeSelectRequest').length >= 2, 1000);
    await new Promise((r) => setTimeout(r, 10));
    const answered = session.requests.filter((r) => r.operation === 'routeSelectRequest').map((r) => (r.argument as { crossRefIdentifier: string }).crossRefIdentifier);
    expect(answered).to.have.members(['0002', '0003']); // the forgotten one gets no late answer
    expect(point.pending).to.equal(2);
    expect(warnings).to.deep.equal(['routing point 6700: more than 2 open dialogues, forgot 0001']);
  });
});

