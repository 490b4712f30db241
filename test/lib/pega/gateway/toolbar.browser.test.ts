/**
 * The demo toolbar in headless Chromium against a PegaGateway with a scripted fake link: every
 * button sends the right request, events update the page. Needs /usr/bin/chromium (or
 * CHROMIUM_PATH) and playwright-core; without them the suite is skipped and says why.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchChromium } from './browser.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import type { PegaEvent, PegaLinkLike, PegaLoginParams, PegaRequest, PegaResult } from '../../../../lib/pega/gateway/types.js';
import { waitFor } from '../../../support/wait.js';

function callEvent(name: 'Alerting' | 'Established' | 'Held' | 'Retrieved' | 'Disconnected', callId: string, ani: string): PegaEvent {
  return {
    pyEventType: 'CallStateEvent', pyEventName: name, pyCallId: callId, pyANI: ani, pyOtherDN: ani,
    pyCallType: 'INBOUND', pyMedia: 'Phone', pyThisDN: '8808', pyDNIS: '8808',
  };
}

/** A fake link that behaves like a tiny phone: requests succeed and produce the matching events. */
class ScriptedLink extends EventEmitter implements PegaLinkLike {
  readonly seen: Array<PegaRequest | { action: 'login'; params: PegaLoginParams }> = [];
  fail: PegaRequest['action'] | undefined;

  async login(params: PegaLoginParams): Promise<PegaResult> {
    this.seen.push({ action: 'login', params });
    setImmediate(() => this.emit('event', params.agentId, {
      pyEventType: 'AgentStateEvent', pyEventName: 'Login', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyMedia: 'Phone', pyAgentId: params.agentId, pyThisDN: params.device,
    } satisfies PegaEvent));
    return { ok: true };
  }
  async logout(): Promise<PegaResult> {
    return { ok: true };
  }
  /** Calls reported by the snapshot refresh() emits. */
  callsInProgress: Array<{ pyCallId: string; pyCallState: 'Held' | 'Established'; pyOtherDN: string }> = [];
  async refresh(agentId: string): Promise<unknown> {
    setImmediate(() => this.emit('event', agentId, {
      pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: agentId, pyAgentState: 'Busy', pyReasonCode: '', pyWorkMode: 'BUSY',
      pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: '8808', pyCalls: this.callsInProgress,
    } satisfies PegaEvent));
    return undefined;
  }
  async request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    this.seen.push(request);
    if (request.action === this.fail) return { ok: false, errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE', errMessage: 'refused by test' };
    const next: Partial<Record<PegaRequest['action'], 'Established' | 'Held' | 'Retrieved' | 'Disconnected'>> = {
      answerCall: 'Established', holdCall: 'Held', retrieveCall: 'Retrieved', hangUpCall: 'Disconnected', blindTransfer: 'Disconnected',
    };
    const state = next[request.action];
    if (state !== undefined && 'callId' in request) setImmediate(() => this.emit('event', agentId, callEvent(state, request.callId, '16175551212')));
    if (request.action === 'agentNotReady') {
      setImmediate(() => this.emit('event', agentId, {
        pyEventType: 'AgentStateEvent', pyEventName: 'NotReady', pyReasonCode: request.reasonCode ?? '', pyWorkMode: 'AUX_WORK', pyMedia: 'Phone', pyAgentId: agentId, pyThisDN: '8808',
      } satisfies PegaEvent));
    }
    return { ok: true };
  }
  last(): unknown {
    return this.seen[this.seen.length - 1];
  }
}

describe('demo toolbar in headless Chromium (fake link)', function () {
  this.timeout(30_000);
  let browser: Browser | undefined;
  let link: ScriptedLink;
  let gateway: PegaGateway;
  let page: Page;

  before(async function () {
    const launched = await launchChromium();
    if (typeof launched === 'string') {
      console.warn(`      SKIPPED: headless Chromium toolbar tests: ${launched}`);
      this.skip();
    }
    browser = launched as Browser;
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    link = new ScriptedLink();
    gateway = new PegaGateway({ link, authenticate: staticTokenTable({ 'tok-alice': { agentId: '5501', device: '8808' } }) });
    const port = await gateway.listen();
    page = await browser!.newPage();
    await page.goto(`http://127.0.0.1:${port}/#token=tok-alice`);
    await page.click('#connect');
    await expectText(page, '#status', 'connected');
  });
  afterEach(async () => {
    await page.close();
    await gateway.close();
  });

  it('logs in, shows an inbound call and drives it through answer, hold, retrieve, DTMF and hang up', async () => {
    await page.click('#login');
    await expectText(page, '#agent-state', 'Login');
    expect(link.seen[0]).to.deep.equal({ action: 'login', params: { agentId: '5501', device: '8808' } });
    expect(await page.isDisabled('#answer')).to.equal(true);

    link.emit('event', '5501', callEvent('Alerting', 'c1', '16175551212'));
    await expectText(page, '#call-state', 'Alerting');
    await expectText(page, '#call-ani', '16175551212');
    await expectText(page, '#call-type', 'INBOUND');
    await expectText(page, '#call-id', 'c1');

    await page.click('#answer');
    await expectText(page, '#call-state', 'Established');
    expect(link.last()).to.deep.equal({ action: 'answerCall', callId: 'c1' });
    await page.click('#hold');
    await expectText(page, '#call-state', 'Held');
    expect(link.last()).to.deep.equal({ action: 'holdCall', callId: 'c1' });
    await page.click('#retrieve');
    await expectText(page, '#call-state', 'Retrieved');
    expect(link.last()).to.deep.equal({ action: 'retrieveCall', callId: 'c1' });
    await page.fill('#digits', '12#');
    await page.click('#send-dtmf');
    await waitFor(() => link.seen.length === 5, 5000, 'sendDTMF');
    expect(link.last()).to.deep.equal({ action: 'sendDTMF', callId: 'c1', digits: '12#' });
    await page.click('#hangup');
    await expectText(page, '#call-state', 'Disconnected');
    expect(link.last()).to.deep.equal({ action: 'hangUpCall', callId: 'c1' });
    expect(await page.isDisabled('#answer')).to.equal(true);
    expect(await page.textContent('#log')).to.contain('"pyEventName":"Alerting"');
  });

  it('sends ready, not ready with a reason, make call and blind transfer', async () => {
    await page.click('#ready');
    await waitFor(() => link.seen.length === 1, 5000, 'agentReady');
    expect(link.last()).to.deep.equal({ action: 'agentReady' });
    await page.fill('#reason', '7');
    await page.click('#not-ready');
    await expectText(page, '#agent-state', 'NotReady (7)');
    expect(link.last()).to.deep.equal({ action: 'agentNotReady', reasonCode: '7' });
    await page.fill('#destination', '5551234');
    await page.click('#make-call');
    await waitFor(() => link.seen.length === 3, 5000, 'makeCall');
    expect(link.last()).to.deep.equal({ action: 'makeCall', destination: '5551234' });

    link.emit('event', '5501', callEvent('Established', 'c2', '5551234'));
    await expectText(page, '#call-state', 'Established');
    await page.fill('#destination', '8809');
    await page.click('#blind-transfer');
    await expectText(page, '#call-state', 'Disconnected');
    expect(link.last()).to.deep.equal({ action: 'blindTransfer', callId: 'c2', destination: '8809' });
  });

  it('restores the calls in progress from the snapshot after a reload', async () => {
    await expectText(page, '#agent-state', 'Busy');
    link.callsInProgress = [{ pyCallId: 'c7', pyCallState: 'Held', pyOtherDN: '3001' }];
    await page.reload();
    await page.click('#connect');
    await expectText(page, '#call-state', 'Held');
    await expectText(page, '#call-id', 'c7');
    await expectText(page, '#call-other', '3001');
    await page.click('#retrieve');
    await expectText(page, '#call-state', 'Retrieved');
    expect(link.last()).to.deep.equal({ action: 'retrieveCall', callId: 'c7' });
  });

  it('reports a refused token and sends nothing', async () => {
    await page.click('#disconnect');
    await expectText(page, '#status', 'disconnected');
    await page.fill('#token', 'tok-mallory');
    await page.click('#connect');
    await expectText(page, '#status', 'refused');
    expect(await page.textContent('#log')).to.contain('token refused');
    expect(await page.isDisabled('#login')).to.equal(true);
    expect(link.seen).to.deep.equal([]);
  });

  it('shows a failed request and renders event text as text, not HTML', async () => {
    link.fail = 'answerCall';
    link.emit('event', '5501', callEvent('Alerting', 'c3', '<img src=x id=injected>'));
    await expectText(page, '#call-ani', '<img src=x id=injected>');
    expect(await page.$('#injected')).to.equal(null);
    await page.click('#answer');
    await expectText(page, '#last-result', 'answerCall: OPENCTI_CF_INVALID_OBJECT_STATE');
    await expectText(page, '#call-state', 'Alerting');
  });
});
