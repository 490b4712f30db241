/**
 * Issue 15 (High): an authenticated toolbar must not act on another agent's call. Two agents
 * log in through the real gateway over 127.0.0.1, against the simulator:
 *
 *   PbxSimulator ──CSTA/TCP── CstaSession ── PegaCtiLink ── PegaGateway ──WebSocket── two clients
 *
 * Agent B (2002) is on a call; agent A (2001) names B's call in every call-based request. Each is
 * refused with OPENCTI_CF_INVALID_OBJECT_STATE and the switch's call is untouched.
 */
import { expect } from 'chai';
import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { CstaSession } from '../../../../lib/session/session.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import type { PegaEvent } from '../../../../lib/pega/types.js';
import { waitFor } from '../../../support/wait.js';

const A = { agentId: '5501', device: '2001' };
const B = { agentId: '5502', device: '2002' };
const CALLER = '0612345678';

/** A gateway client that answers `call(request)` with the result of that request. */
class Toolbar {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: Record<string, unknown>) => void>();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
      if (m.id !== undefined && m.result !== undefined) this.waiting.get(m.id)?.(m.result);
    });
  }
  static open(port: number, token: string): Promise<Toolbar> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, ['pega-gateway.v1', `bearer.${token}`]);
      ws.once('open', () => resolve(new Toolbar(ws)));
      ws.once('error', reject);
    });
  }
  call(request: Record<string, unknown>, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result for ${JSON.stringify(request)}`)), timeoutMs);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(result);
      });
      this.ws.send(JSON.stringify({ id, request }));
    });
  }
}

/** The simulator's local connection state of `device` in `callId`, if it has a connection there. */
function connectionState(sim: PbxSimulator, callId: string, device: string): string | undefined {
  const c = sim.state.calls.get(callId)?.connections.get(device);
  return c === undefined ? undefined : String(c.state);
}

describe('gateway: requests act only on the agent\'s own calls (simulator, 127.0.0.1)', function () {
  this.timeout(15_000);
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let gateway: PegaGateway;
  let alice: Toolbar;
  let bob: Toolbar;
  const events: [string, PegaEvent][] = [];

  const callEvent = (agentId: string, name: string): PegaEvent | undefined =>
    events.find(([a, e]) => a === agentId && e.pyEventType === 'CallStateEvent' && e.pyEventName === name)?.[1];

  beforeEach(async () => {
    events.length = 0;
    sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    session = new CstaSession({ host: '127.0.0.1', port: simPort, reconnect: false, keepAliveMs: 0 });
    await session.connect();
    link = new PegaCtiLink(session);
    link.on('event', (agentId, e) => events.push([agentId, e]));
    gateway = new PegaGateway({ link, authenticate: staticTokenTable({ 'tok-a': A, 'tok-b': B }), publicDir: false, heartbeatMs: 0 });
    const port = await gateway.listen();
    alice = await Toolbar.open(port, 'tok-a');
    bob = await Toolbar.open(port, 'tok-b');
    expect(await alice.call({ action: 'login' })).to.deep.equal({ ok: true });
    expect(await bob.call({ action: 'login' })).to.deep.equal({ ok: true });
  });

  afterEach(async () => {
    await gateway.close();
    link.detach();
    await session.close();
    await sim.close();
  });

  /** An inbound call answered by B; returns its call ID. */
  async function bobOnACall(): Promise<string> {
    void sim.runScenario({ name: 'in', monitor: [], steps: [{ step: 'inbound', from: CALLER, to: B.device, callId: 'c1' }] });
    await waitFor(() => callEvent(B.agentId, 'Alerting') !== undefined, 3000, 'Alerting at B');
    const callId = (callEvent(B.agentId, 'Alerting') as { pyCallId: string }).pyCallId;
    expect(await bob.call({ action: 'answerCall', callId })).to.deep.equal({ ok: true, callId });
    await waitFor(() => callEvent(B.agentId, 'Established') !== undefined, 3000, 'Established at B');
    expect(connectionState(sim, callId, B.device)).to.equal('connected');
    return callId;
  }

  it('refuses dropParty of another agent\'s call, for any party, and leaves the call up', async () => {
    const callId = await bobOnACall();
    for (const party of [CALLER, B.device, A.device]) {
      const result = await alice.call({ action: 'dropParty', callId, party });
      expect(result, party).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    }
    expect(connectionState(sim, callId, B.device)).to.equal('connected');
    expect(connectionState(sim, callId, CALLER)).to.not.equal(undefined);
  });

  it('refuses every call-based request naming another agent\'s call', async () => {
    const callId = await bobOnACall();
    const requests: Record<string, unknown>[] = [
      { action: 'answerCall', callId },
      { action: 'hangUpCall', callId },
      { action: 'holdCall', callId },
      { action: 'retrieveCall', callId },
      { action: 'sendDTMF', callId, digits: '1' },
      { action: 'consultationCall', callId, destination: '3000' },
      { action: 'conferenceInitiate', callId, destination: '3000' },
      { action: 'transferInitiate', callId, destination: '3000' },
      { action: 'conferenceComplete', callId, consultCallId: callId },
      { action: 'transferComplete', callId, consultCallId: callId },
      { action: 'blindTransfer', callId, destination: '3000' },
    ];
    const before = sim.state.calls.size;
    for (const request of requests) {
      expect(await alice.call(request), String(request.action)).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    }
    expect(connectionState(sim, callId, B.device)).to.equal('connected');
    expect(sim.state.calls.size).to.equal(before);
  });

  it('on the agent\'s own call: refuses a party that is not in it, drops one that is', async () => {
    const callId = await bobOnACall();
    expect(await bob.call({ action: 'dropParty', callId, party: '3005' })).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(connectionState(sim, callId, B.device)).to.equal('connected');
    expect(await bob.call({ action: 'dropParty', callId, party: CALLER })).to.deep.equal({ ok: true, callId });
    await waitFor(() => connectionState(sim, callId, CALLER) === undefined, 3000, 'caller dropped');
  });

  it('accepts a request on a call the agent\'s own makeCall just created', async () => {
    const made = await alice.call({ action: 'makeCall', destination: '3000' });
    expect(made).to.have.property('ok', true);
    const callId = made.callId as string;
    // Sent at once, whether or not the call's first event has reached the line yet; B, at the
    // same time, still cannot touch it.
    const [byBob, byAlice] = await Promise.all([bob.call({ action: 'hangUpCall', callId }), alice.call({ action: 'hangUpCall', callId })]);
    expect(byBob).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    expect(byAlice).to.deep.equal({ ok: true, callId });
  });
});
