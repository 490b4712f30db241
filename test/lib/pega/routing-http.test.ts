/**
 * Routing handed to Pega: route-point ranges, the HTTP decision endpoint (answer, slow, failing,
 * nonsense → default route), call data into the decision — over a FakeSession and end to end
 * against the simulator with a decision endpoint on 127.0.0.1.
 */
import { expect } from 'chai';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRouteDecider, parseRoutePointRanges, registerRoutingPoints, RoutePointRangeError, MAX_ROUTE_POINTS } from '../../../lib/pega/routing-http.js';
import type { RouteDecisionRequestBody } from '../../../lib/pega/routing-http.js';
import type { RouteRequest } from '../../../lib/pega/routing.js';
import type { InvokePdu } from '../../../protocol/rose/pdu.js';
import { CstaSession } from '../../../lib/session/session.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { defaultDevices } from '../../../lib/simulator/switch-state.js';
import { PegaCtiLink } from '../../../lib/pega/link.js';
import type { PegaEvent } from '../../../lib/pega/types.js';
import { FakeSession } from './fake-session.js';
import { RouteCallData } from '../../../lib/pega/routing-call-data.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import { waitFor } from '../../support/wait.js';

/** A decision endpoint on 127.0.0.1: records bodies, answers what `answer` says after `delayMs`. */
class DecisionEndpoint {
  readonly bodies: RouteDecisionRequestBody[] = [];
  answer: (body: RouteDecisionRequestBody) => { status: number; json: unknown; delayMs?: number } = () => ({ status: 200, json: { destination: '2001' } });
  url = '';
  private server: http.Server | undefined;

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RouteDecisionRequestBody;
        this.bodies.push(body);
        const a = this.answer(body);
        const send = (): void => {
          if (!res.writableEnded && !res.destroyed) res.writeHead(a.status, { 'content-type': 'application/json' }).end(typeof a.json === 'string' ? a.json : JSON.stringify(a.json));
        };
        if (a.delayMs !== undefined) setTimeout(send, a.delayMs);
        else send();
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/route`;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (s === undefined) return;
    await new Promise<void>((r) => {
      s.close(() => r());
      s.closeAllConnections();
    });
  }
}

function request(over: Partial<RouteRequest> = {}): RouteRequest {
  return { routingPoint: '5000', routeRegisterReqID: '0001', crossRefIdentifier: '00aa', callId: '0042', currentRoute: '5000', callingDevice: '0612345678', correlatorData: 'vip', callData: { correlatorData: 'vip' }, rerouted: false, argument: undefined, ...over };
}

describe('route-point ranges', () => {
  it('expands ranges and single numbers, keeps leading zeros, lists duplicates once', () => {
    expect(parseRoutePointRanges('5000-5002')).to.deep.equal(['5000', '5001', '5002']);
    expect(parseRoutePointRanges(['0500-0501', '6486'])).to.deep.equal(['0500', '0501', '6486']);
    expect(parseRoutePointRanges('6486-6488, 6487 ,7000')).to.deep.equal(['6486', '6487', '6488', '7000']);
    expect(parseRoutePointRanges('6486-6486')).to.deep.equal(['6486']);
  });

  it('refuses reversed, mixed-width, non-numeric and oversized ranges with a typed error', () => {
    for (const bad of ['5099-5000', '500-5000', '50a0', '', '5000-', '-5000', `0-${MAX_ROUTE_POINTS}`]) {
      expect(() => parseRoutePointRanges(bad), bad).to.throw(RoutePointRangeError);
    }
    expect(() => parseRoutePointRanges(['0000-0999', '1000'])).to.throw(RoutePointRangeError, /more than/);
    expect(parseRoutePointRanges(['0000-0999'])).to.have.length(MAX_ROUTE_POINTS);
  });

  it('registerRoutingPoints registers each point; if the switch refuses one, those already registered are cancelled', async () => {
    const session = new FakeSession();
    let n = 0;
    session.answer('routeRegister', () => {
      n++;
      if (n === 3) throw new Error('refused');
      return { routeRegisterReqID: `000${n}` };
    });
    session.answer('routeRegisterCancel', {});
    await registerRoutingPoints(session, '5000-5003', () => ({ destination: '2001' })).then(
      () => expect.fail('should reject'),
      (e: unknown) => expect(String(e)).to.match(/refused/),
    );
    const ops = session.requests.map((r) => r.operation);
    expect(ops.filter((o) => o === 'routeRegister')).to.have.length(3);
    expect(ops.filter((o) => o === 'routeRegisterCancel')).to.have.length(2);
  });
});

describe('httpRouteDecider (decision endpoint on 127.0.0.1)', () => {
  let endpoint: DecisionEndpoint;
  beforeEach(async () => {
    endpoint = new DecisionEndpoint();
    await endpoint.listen();
  });
  afterEach(() => endpoint.close());

  it('POSTs ANI, DNIS, call id and call data; selects the destination answered', async () => {
    endpoint.answer = () => ({ status: 200, json: { destination: '2002', correlatorData: 'seg-7' } });
    const decide = httpRouteDecider({ url: endpoint.url, authorization: 'Bearer r', defaultRoute: '2009' });
    expect(await decide(request({ callData: { correlatorData: 'vip', segment: 'gold' } }))).to.deep.equal({ destination: '2002', correlatorData: 'seg-7' });
    expect(endpoint.bodies).to.deep.equal([
      { routingPoint: '5000', pyCallID: '0042', pyANI: '0612345678', pyDNIS: '5000', pyNamedVariables: { correlatorData: 'vip', segment: 'gold' }, rerouted: false, crossRefIdentifier: '00aa' },
    ]);
  });

  it('an `end` answer ends the dialogue (the switch routes the call)', async () => {
    endpoint.answer = () => ({ status: 200, json: { end: 'closed for the night' } });
    expect(await httpRouteDecider({ url: endpoint.url, defaultRoute: '2009' })(request())).to.deep.equal({ end: 'closed for the night' });
  });

  it('slow, failing, or nonsense answers take the default route, and say why', async () => {
    const why: string[] = [];
    const decide = httpRouteDecider({ url: endpoint.url, timeoutMs: 300, defaultRoute: '2009', onFallback: (_r, reason) => why.push(reason) });
    const answers = [
      { status: 200, json: { destination: '2002' }, delayMs: 1500 },
      { status: 500, json: { destination: '2002' } },
      { status: 200, json: 'not json' },
      { status: 200, json: { destination: '20 02; drop table' } },
      { status: 200, json: { where: '2002' } },
    ];
    for (const a of answers) {
      endpoint.answer = () => a;
      const t0 = Date.now();
      expect(await decide(request()), JSON.stringify(a)).to.deep.equal({ destination: '2009' });
      expect(Date.now() - t0).to.be.below(1200);
    }
    expect(why[0]).to.match(/no answer within 300 ms/);
    expect(why[1]).to.equal('HTTP 500');
    expect(why.slice(2)).to.deep.equal(['answer has no valid destination', 'answer has no valid destination', 'answer has no valid destination']);
  });

  it('without a default route, no decision ends the dialogue; an endpoint that is not there counts as no decision', async () => {
    const url = endpoint.url;
    await endpoint.close();
    const d = await httpRouteDecider({ url, timeoutMs: 500 })(request());
    expect(d).to.have.property('end').that.matches(/^no decision: /);
  });

  it('refuses a non-http URL and a default route that is not a number', () => {
    expect(() => httpRouteDecider({ url: 'file:///etc/passwd' })).to.throw(TypeError);
    expect(() => httpRouteDecider({ url: 'http://127.0.0.1:1/', defaultRoute: '20 01' })).to.throw(TypeError);
  });

  it('call data into the decision: correlatorData from the routeRequest and the callData hook (FakeSession)', async () => {
    const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0005' });
    endpoint.answer = () => ({ status: 200, json: { destination: '2001' } });
    const [point] = await registerRoutingPoints(session, '6486', httpRouteDecider({ url: endpoint.url, defaultRoute: '2009' }), {
      callData: (req) => (req.callId === '002a' ? { accountNumber: '42' } : undefined),
    });
    const selected: string[] = [];
    point?.on('routeSelected', (_r, d) => selected.push(d));
    const handler = session.handlers.get('routeRequest');
    await handler?.(
      {
        crossRefIdentifier: '0001',
        routeRegisterReqID: '0005',
        currentRoute: { deviceIdentifier: { deviceIdentifier: { dialingNumber: '6486' } } },
        callingDevice: { deviceIdentifier: { deviceIdentifier: { dialingNumber: '0612345678' } } },
        routedCall: { both: { callID: '002a', deviceID: { staticID: { deviceIdentifier: { dialingNumber: '6486' } } } } },
        correlatorData: Buffer.from('vip').toString('hex'),
      } as never,
      { pdu: 'invoke', invokeId: 1, operation: 'routeRequest', argument: {} } as unknown as InvokePdu,
    );
    await waitFor(() => selected.length === 1, 2000, 'routeSelected');
    expect(selected).to.deep.equal(['2001']);
    expect(endpoint.bodies[0]?.pyNamedVariables).to.deep.equal({ correlatorData: 'vip', accountNumber: '42' });
    expect(endpoint.bodies[0]).to.deep.include({ pyANI: '0612345678', pyDNIS: '6486', pyCallID: '002a' });
  });
});

describe('RouteCallData: UUI and correlator data seen on a call, into its routing decision', () => {
  const delivered = (callID: string, extra: Record<string, unknown>): CstaEvent =>
    ({ category: 'callControlEvents', type: 'delivered', crossRefIdentifier: '01', event: { connection: { both: { callID, deviceID: { staticID: { deviceIdentifier: { dialingNumber: '6486' } } } } }, ...extra } }) as unknown as CstaEvent;

  it('remembers per call, merges later events, forgets at callCleared, and is bounded', () => {
    const session = new FakeSession();
    const seen = new RouteCallData(session, { maxCalls: 2 });
    session.emit('event', delivered('0001', { userData: Buffer.from('acct=42').toString('hex') }), undefined);
    session.emit('event', delivered('0001', { correlatorData: Buffer.from('vip').toString('hex') }), undefined);
    session.emit('event', delivered('0009', {}), undefined); // no call data: nothing kept
    expect(seen.get('0001')).to.deep.equal({ applicationData: 'acct=42', correlatorData: 'vip' });
    expect(seen.size).to.equal(1);
    expect(seen.lookup(request({ callId: '0001' }))).to.deep.equal({ applicationData: 'acct=42', correlatorData: 'vip' });
    expect(seen.lookup(request({ callId: '' }))).to.equal(undefined);
    session.emit('event', delivered('0002', { userData: '00ff' }), undefined);
    session.emit('event', delivered('0003', { userData: '41' }), undefined);
    expect(seen.size).to.equal(2);
    expect(seen.get('0001')).to.equal(undefined); // the oldest went
    expect(seen.get('0002')).to.deep.equal({ applicationData: '00ff' }); // not text: kept as hex
    session.emit('event', { category: 'callControlEvents', type: 'callCleared', crossRefIdentifier: '01', event: { clearedCall: { callID: '0003' } } } as unknown as CstaEvent, undefined);
    expect(seen.get('0003')).to.equal(undefined);
    seen.detach();
    session.emit('event', delivered('0004', { userData: '41' }), undefined);
    expect(seen.get('0004')).to.equal(undefined);
  });

  it('the decision endpoint gets the UUI seen on the call before its routeRequest', async () => {
    const endpoint = new DecisionEndpoint();
    await endpoint.listen();
    try {
      const session = new FakeSession().answer('routeRegister', { routeRegisterReqID: '0007' });
      const seen = new RouteCallData(session);
      const [point] = await registerRoutingPoints(session, '6486', httpRouteDecider({ url: endpoint.url, defaultRoute: '2009' }), { callData: seen.lookup });
      const selected: string[] = [];
      point?.on('routeSelected', (_r, d) => selected.push(d));
      session.emit('event', delivered('002a', { userData: Buffer.from('lang=fr').toString('hex') }), undefined);
      await session.handlers.get('routeRequest')?.(
        {
          crossRefIdentifier: '0002',
          routeRegisterReqID: '0007',
          currentRoute: { deviceIdentifier: { deviceIdentifier: { dialingNumber: '6486' } } },
          routedCall: { both: { callID: '002a', deviceID: { staticID: { deviceIdentifier: { dialingNumber: '6486' } } } } },
        } as never,
        { pdu: 'invoke', invokeId: 2, operation: 'routeRequest', argument: {} } as unknown as InvokePdu,
      );
      await waitFor(() => selected.length === 1, 2000, 'routeSelected');
      expect(endpoint.bodies[0]?.pyNamedVariables).to.deep.equal({ applicationData: 'lang=fr' });
    } finally {
      await endpoint.close();
    }
  });
});

describe('routing handed to Pega, end to end (simulator with route points 5000-5002)', () => {
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let endpoint: DecisionEndpoint;
  let events: [string, PegaEvent][];

  beforeEach(async () => {
    const devices = [...defaultDevices(), ...['5000', '5001', '5002'].map((n) => ({ number: n, kind: 'routingPoint' as const, defaultRoute: '2003' }))];
    sim = new PbxSimulator({ devices, routeTimeoutMs: 3000 });
    const port = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port, keepAliveMs: 0, reconnect: false });
    await session.connect();
    link = new PegaCtiLink(session);
    events = [];
    link.on('event', (a, e) => events.push([a, e]));
    await link.login({ agentId: '5501', device: '2001' });
    await link.login({ agentId: '5502', device: '2002' });
    endpoint = new DecisionEndpoint();
    await endpoint.listen();
  });
  afterEach(async () => {
    link.detach();
    await session.close();
    await sim.close();
    await endpoint.close();
  });

  const alertingAt = (agent: string): boolean => events.some(([a, e]) => a === agent && e.pyEventType === 'CallStateEvent' && e.pyEventName === 'Alerting');

  it('Pega answers: the call at route point 5001 goes where the endpoint says; a slow endpoint → the default route', async () => {
    endpoint.answer = (b) => (b.pyDNIS === '5001' ? { status: 200, json: { destination: '2001' } } : { status: 200, json: { destination: '2001' }, delayMs: 2500 });
    const points = await registerRoutingPoints(session, '5000-5002', httpRouteDecider({ url: endpoint.url, timeoutMs: 500, defaultRoute: '2002' }), { decisionTimeoutMs: 2000 });
    expect(points.map((p) => p.device)).to.deep.equal(['5000', '5001', '5002']);

    void sim.runScenario({ name: 'r1', monitor: [], steps: [{ step: 'inbound', from: '0612345678', to: '5001', callId: 'r1' }] });
    await waitFor(() => alertingAt('5501'), 3000, 'the call alerting at 2001');
    expect(endpoint.bodies[0]).to.deep.include({ routingPoint: '5001', pyANI: '0612345678', pyDNIS: '5001', rerouted: false });
    expect(alertingAt('5502')).to.equal(false);

    void sim.runScenario({ name: 'r2', monitor: [], steps: [{ step: 'inbound', from: '0611111111', to: '5002', callId: 'r2' }] });
    await waitFor(() => alertingAt('5502'), 3000, 'the slow decision falling back to 2002');
    expect(endpoint.bodies[1]).to.deep.include({ routingPoint: '5002', pyDNIS: '5002' });
  });
});
