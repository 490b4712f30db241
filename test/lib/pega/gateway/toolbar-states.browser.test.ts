/**
 * The demo toolbar's buttons follow the call and agent state, it shows the link state and a call
 * timer, and it stays usable at 380 px: headless Chromium (skipped, with the reason, without it).
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchChromium } from './browser.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import type { PegaEvent, PegaLinkLike, PegaRequest, PegaResult } from '../../../../lib/pega/gateway/types.js';
import { waitFor } from '../../../support/wait.js';

type CallState = 'Alerting' | 'Established' | 'Held' | 'Retrieved' | 'Disconnected';

function callEvent(name: CallState, callId: string, other: string): PegaEvent {
  return {
    pyEventType: 'CallStateEvent', pyEventName: name, pyCallId: callId, pyANI: other, pyOtherDN: other,
    pyCallType: 'INBOUND', pyMedia: 'Phone', pyThisDN: '8808', pyDNIS: '8808',
  };
}

/** A link that only records requests; the test emits the events. */
class RecordingLink extends EventEmitter implements PegaLinkLike {
  readonly seen: PegaRequest[] = [];
  async login(): Promise<PegaResult> {
    return { ok: true };
  }
  async logout(): Promise<PegaResult> {
    return { ok: true };
  }
  async refresh(agentId: string): Promise<unknown> {
    setImmediate(() => this.emit('event', agentId, {
      pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: agentId, pyAgentState: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE',
      pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: '8808', pyCalls: [],
    } satisfies PegaEvent));
    return undefined;
  }
  async request(_agentId: string, request: PegaRequest): Promise<PegaResult> {
    this.seen.push(request);
    return { ok: true };
  }
}

const CALL_BUTTONS = ['#answer', '#hangup', '#hold', '#retrieve', '#consult', '#transfer-complete', '#conference-complete', '#send-dtmf'] as const;

async function enabledButtons(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const b of CALL_BUTTONS) if (!(await page.isDisabled(b))) out.push(b);
  return out;
}

describe('demo toolbar states in headless Chromium', function () {
  this.timeout(30_000);
  let browser: Browser | undefined;
  let link: RecordingLink;
  let gateway: PegaGateway;
  let page: Page;

  before(async function () {
    const launched = await launchChromium();
    if (typeof launched === 'string') {
      console.warn(`      SKIPPED: headless Chromium toolbar state tests: ${launched}`);
      this.skip();
    }
    browser = launched as Browser;
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    link = new RecordingLink();
    gateway = new PegaGateway({ link, authenticate: staticTokenTable({ 'tok-alice': { agentId: '5501', device: '8808' } }) });
    const port = await gateway.listen();
    page = await browser!.newPage({ viewport: { width: 380, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/#token=tok-alice`);
    await page.click('#connect');
    await expectText(page, '#status', 'connected');
  });
  afterEach(async () => {
    await page.close();
    await gateway.close();
  });

  it('enables only what the call state allows, shows the link state and times the call', async () => {
    await expectText(page, '#link-state', 'CONNECTED');
    expect(await enabledButtons(page)).to.deep.equal([]);
    const idle = await page.screenshot({ fullPage: true });

    link.emit('event', '5501', callEvent('Alerting', 'c1', '16175551212'));
    await expectText(page, '#call-state', 'Alerting');
    expect(await enabledButtons(page)).to.deep.equal(['#answer', '#hangup']);
    const ringing = await page.screenshot({ fullPage: true });
    expect(ringing.equals(idle), 'the ringing toolbar looks different').to.equal(false);

    link.emit('event', '5501', callEvent('Established', 'c1', '16175551212'));
    await expectText(page, '#call-state', 'Established');
    expect(await enabledButtons(page)).to.deep.equal(['#hangup', '#hold', '#consult', '#send-dtmf']);
    await expectText(page, '#call-timer', '00:00');
    await expectText(page, '#call-timer', '00:01', 3000);

    // Consultation: the first call held, a second one established: transfer and conference complete.
    await page.fill('#destination', '8809');
    await page.click('#consult');
    await waitFor(() => link.seen.length === 1, 5000, 'consultationCall');
    expect(link.seen[0]).to.deep.equal({ action: 'consultationCall', callId: 'c1', destination: '8809' });
    link.emit('event', '5501', callEvent('Held', 'c1', '16175551212'));
    link.emit('event', '5501', callEvent('Established', 'c2', '8809'));
    await expectText(page, '#call-id', 'c2');
    expect(await enabledButtons(page)).to.deep.equal(['#hangup', '#hold', '#retrieve', '#consult', '#transfer-complete', '#conference-complete', '#send-dtmf']);
    await page.click('#transfer-complete');
    await waitFor(() => link.seen.length === 2, 5000, 'transferComplete');
    expect(link.seen[1]).to.deep.equal({ action: 'transferComplete', callId: 'c1', consultCallId: 'c2' });

    link.emit('event', '5501', callEvent('Disconnected', 'c2', '8809'));
    link.emit('event', '5501', callEvent('Disconnected', 'c1', '16175551212'));
    await expectText(page, '#call-state', 'Disconnected');
    expect(await enabledButtons(page)).to.deep.equal([]);
  });

  it('stays readable at 380 px: nothing wider than the viewport, every button on screen', async () => {
    link.emit('event', '5501', callEvent('Alerting', 'c1', '16175551212'));
    await expectText(page, '#call-state', 'Alerting');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).to.be.at.most(380);
    for (const b of ['#connect', '#login', ...CALL_BUTTONS]) {
      const box = await page.locator(b).boundingBox();
      expect(box, b).to.not.equal(null);
      expect(box!.x, b).to.be.at.least(0);
      expect(box!.x + box!.width, b).to.be.at.most(380);
    }
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.length).to.be.greaterThan(1000);
  });
});
