/**
 * End to end over real sockets on 127.0.0.1:
 *
 *   PbxSimulator ──CSTA/TCP── CstaSession ── PegaCtiLink ── PegaGateway ──WebSocket── headless Chromium (toolbar page)
 *
 * An agent logs in from the toolbar, an inbound call from the simulator rings (Alerting shown),
 * the agent clicks Answer (Established shown, and the switch has the call connected), then Hang up.
 * Needs /usr/bin/chromium (or CHROMIUM_PATH) and playwright-core; without them the suite is
 * skipped and says why.
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchChromium } from './browser.js';
import { PbxSimulator } from '../../../../lib/simulator/simulator.js';
import { CstaSession } from '../../../../lib/session/session.js';
import { PegaCtiLink } from '../../../../lib/pega/link.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import type { PegaEvent } from '../../../../lib/pega/gateway/types.js';

const AGENT = { agentId: '5501', device: '2000' };
const CALLER = '16175551212';

/** The local connection state of the agent's device in the simulator's call, if any. */
function deviceState(sim: PbxSimulator, device: string): string | undefined {
  for (const call of sim.state.calls.values()) {
    const connection = call.connections.get(device);
    if (connection !== undefined) return String(connection.state);
  }
  return undefined;
}

describe('end to end: simulator ↔ session ↔ PegaCtiLink ↔ gateway ↔ Chromium toolbar', function () {
  this.timeout(40_000);
  let browser: Browser | undefined;
  let sim: PbxSimulator;
  let session: CstaSession;
  let link: PegaCtiLink;
  let gateway: PegaGateway;
  let page: Page;
  const events: PegaEvent[] = [];

  before(async function () {
    const launched = await launchChromium();
    if (typeof launched === 'string') {
      console.warn(`      SKIPPED: end-to-end toolbar test: ${launched}`);
      this.skip();
    }
    browser = launched as Browser;
    sim = new PbxSimulator();
    const simPort = await sim.listen(0);
    session = new CstaSession({ host: '127.0.0.1', port: simPort, reconnect: false, keepAliveMs: 0 });
    await session.connect();
    link = new PegaCtiLink(session);
    link.on('event', (agentId, event) => {
      if (agentId === AGENT.agentId) events.push(event);
    });
    gateway = new PegaGateway({ link, authenticate: staticTokenTable({ 'tok-e2e': AGENT }), logoutOnClose: true });
    const port = await gateway.listen();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/#token=tok-e2e`);
  });

  after(async () => {
    await page?.close();
    await browser?.close();
    await gateway?.close();
    link?.detach();
    await session?.close();
    await sim?.close();
  });

  it('logs in, rings, answers and hangs up from the browser', async () => {
    await page.click('#connect');
    await expectText(page, '#status', 'connected');

    await page.click('#login');
    await expectText(page, '#last-result', 'login: ok');
    expect(link.agentAt(AGENT.device)?.agentId).to.equal(AGENT.agentId);
    expect(events.some((e) => e.pyEventType === 'SnapshotEvent')).to.equal(true);

    const run = await sim.runScenario({
      name: 'e2e inbound',
      monitor: [],
      steps: [{ step: 'inbound', from: CALLER, to: AGENT.device, callId: 'c1' }],
    });
    await expectText(page, '#call-state', 'Alerting');
    // The toolbar shows the switch's call: the OpenCTI pyCallId is the simulator's callID.
    await expectText(page, '#call-id', run.aliases.get('c1') ?? '(no call bound to c1)');
    await expectText(page, '#call-ani', CALLER);
    await expectText(page, '#call-type', 'INBOUND');
    expect(deviceState(sim, AGENT.device)).to.equal('alerting');

    await page.click('#answer');
    await expectText(page, '#call-state', 'Established');
    await expectText(page, '#last-result', 'answerCall: ok');
    expect(deviceState(sim, AGENT.device)).to.equal('connected');

    await page.click('#hangup');
    await expectText(page, '#call-state', 'Disconnected');
    await expectText(page, '#last-result', 'hangUpCall: ok');
    expect(deviceState(sim, AGENT.device)).to.equal(undefined);
    expect(await page.isDisabled('#answer')).to.equal(true);

    const names = events.filter((e) => e.pyEventType === 'CallStateEvent').map((e) => e.pyEventName);
    expect(names).to.include.ordered.members(['Alerting', 'Established']);
    expect(names[names.length - 1]).to.equal('Disconnected');
  });

  it('logs the agent out when the toolbar disconnects (logoutOnClose)', async () => {
    await page.click('#disconnect');
    await expectText(page, '#status', 'disconnected');
    const end = Date.now() + 5000;
    while (link.agentAt(AGENT.device) !== undefined && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(link.agentAt(AGENT.device)).to.equal(undefined);
  });
});
