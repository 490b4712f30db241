/**
 * The server-side HTTP API over 127.0.0.1 with a scripted link: authentication, body checks,
 * answers and status codes, subscriptions, and the OpenAPI description against the routes served.
 */
import { expect } from 'chai';
import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { PegaServerApi, httpStatusOf } from '../../../../lib/pega/server/api.js';
import type { PegaServerLink } from '../../../../lib/pega/server/api.js';
import { staticApiTokens } from '../../../../lib/pega/server/auth.js';
import { PEGA_SERVER_OPENAPI } from '../../../../lib/pega/server/openapi.js';
import { ROUTES } from '../../../../lib/pega/server/routes.js';
import { listenPegaServerApi } from '../../../../lib/pega/server/standalone.js';
import type { PegaServerApiServer } from '../../../../lib/pega/server/standalone.js';
import type { PegaServerEvent } from '../../../../lib/pega/server-view.js';
import type { PegaLoginParams } from '../../../../lib/pega/link.js';
import type { PegaEvent, PegaRequest, PegaResult, SnapshotEvent } from '../../../../lib/pega/types.js';

/** A link that records what it is asked and answers from `answers`. */
class ScriptedLink extends EventEmitter<{ event: [string, PegaEvent] }> implements PegaServerLink {
  readonly calls: unknown[] = [];
  answer: PegaResult = { ok: true };
  readonly logged = new Map<string, string>();
  get agents(): { agentId: string; device: string }[] {
    return [...this.logged].map(([agentId, device]) => ({ agentId, device }));
  }
  agentAt(device: string): { agentId: string } | undefined {
    const hit = this.agents.find((a) => a.device === device);
    return hit === undefined ? undefined : { agentId: hit.agentId };
  }
  async login(params: PegaLoginParams): Promise<PegaResult> {
    this.calls.push({ login: params });
    if (this.answer.ok) this.logged.set(params.agentId, params.device);
    return this.answer;
  }
  async logout(agentId: string, reasonCode?: string): Promise<PegaResult> {
    this.calls.push({ logout: agentId, reasonCode });
    return this.answer;
  }
  async request(agentId: string, request: PegaRequest): Promise<PegaResult> {
    this.calls.push({ agentId, request });
    return this.answer;
  }
  async refresh(agentId: string): Promise<SnapshotEvent | undefined> {
    const device = this.logged.get(agentId);
    if (device === undefined) return undefined;
    return { pyEventType: 'SnapshotEvent', pyEventName: 'Snapshot', pyAgentId: agentId, pyAgentState: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyDeviceState: 'OPENED', pyLinkState: 'CONNECTED', pyMedia: 'Phone', pyThisDN: device, pyCalls: [] };
  }
}

describe('PegaServerApi (HTTP on 127.0.0.1, scripted link)', () => {
  let link: ScriptedLink;
  let api: PegaServerApi;
  let server: PegaServerApiServer;
  let pushed: PegaServerEvent[];
  const GOOD = 'Bearer tok-pega';

  beforeEach(async () => {
    link = new ScriptedLink();
    pushed = [];
    api = new PegaServerApi({
      link,
      authenticate: staticApiTokens({ 'tok-pega': { name: 'pega' }, 'tok-5501': { name: 'only-5501', agentIds: ['5501'] } }),
      events: { push: (e) => pushed.push(e) > 0 },
      maxBodyBytes: 1024,
      maxSubscriptions: 3,
    });
    server = await listenPegaServerApi(api);
  });
  afterEach(async () => {
    api.close();
    await server.close();
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: GOOD }): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(server.url + path, init);
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: res.headers };
  }

  it('leaves paths outside /api to the host server (handle returns false)', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).to.equal(404);
    expect(await res.text()).to.equal('not found'); // the stand-alone server's own answer, not the API's JSON
  });

  it('401 without a token, with a malformed one, or with one the table does not know; WWW-Authenticate: Bearer', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Basic dTpw' }, { authorization: 'Bearer nope' }, { authorization: 'Bearer ' }]) {
      const r = await call('POST', '/api/agents/5501/agentReady', {}, headers);
      expect(r.status, JSON.stringify(headers)).to.equal(401);
      expect(r.body).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_401' });
      expect(r.body.error).to.deep.equal({ type: 'unauthorized' });
      expect(r.headers.get('www-authenticate')).to.match(/^Bearer/);
    }
    expect(link.calls).to.deep.equal([]);
  });

  it('a verify callback (e.g. a JWT check) is used as given; a throwing one means 401', async () => {
    const seen: string[] = [];
    const custom = new PegaServerApi({
      link,
      authenticate: async (token) => {
        seen.push(token);
        if (token === 'boom') throw new Error('bad signature');
        return token === 'eyJ.good.sig' ? { name: 'jwt' } : undefined;
      },
    });
    const s = await listenPegaServerApi(custom);
    try {
      const ok = await fetch(`${s.url}/api/agents/5501/agentReady`, { method: 'POST', headers: { authorization: 'Bearer eyJ.good.sig' } });
      expect(ok.status).to.equal(200);
      const bad = await fetch(`${s.url}/api/agents/5501/agentReady`, { method: 'POST', headers: { authorization: 'Bearer boom' } });
      expect(bad.status).to.equal(401);
      expect(seen).to.deep.equal(['eyJ.good.sig', 'boom']);
    } finally {
      await s.close();
    }
  });

  it('403 when the token may not act for the agent in the path', async () => {
    const r = await call('POST', '/api/agents/5502/agentReady', {}, { authorization: 'Bearer tok-5501' });
    expect(r.status).to.equal(403);
    expect(r.body.error).to.deep.equal({ type: 'forbidden' });
    expect((await call('POST', '/api/agents/5501/agentReady', {}, { authorization: 'Bearer tok-5501' })).status).to.equal(200);
  });

  it('400 naming the field: missing, wrong type, unknown, too long, control character, bad enum, bad path parameter', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/agents/5501/makeCall', {}, 'destination'],
      ['/api/agents/5501/makeCall', { destination: { n: 1 } }, 'destination'],
      ['/api/agents/5501/makeCall', { destination: '2002', colour: 'red' }, 'colour'],
      ['/api/agents/5501/makeCall', { destination: '2'.repeat(65) }, 'destination'],
      ['/api/agents/5501/makeCall', { destination: '2002\u0000' }, 'destination'],
      ['/api/agents/5501/agentNotReady', { workMode: 'NAPPING' }, 'workMode'],
      ['/api/agents/5501/dropParty', { callId: '0001' }, 'party'],
      ['/api/agents/55%2001/agentReady', {}, 'agentId'],
      ['/api/agents/5501/makeCall', [1, 2], '(body)'],
    ];
    for (const [path, body, field] of cases) {
      const r = await call('POST', path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).to.equal(400);
      expect(r.body).to.deep.include({ ok: false, errCode: 'OPENCTI_CF_GENERIC_OPERATION' });
      expect(r.body.error, `${path} ${JSON.stringify(body)}`).to.deep.equal({ type: 'badRequest', field });
      expect(r.body.errMessage).to.be.a('string').and.not.equal('');
    }
    expect(link.calls).to.deep.equal([]);
  });

  it('400 for a body that is not JSON, 415 for another media type, 413 past the size bound', async () => {
    const notJson = await call('POST', '/api/agents/5501/makeCall', '{"destination":');
    expect(notJson.status).to.equal(400);
    expect(notJson.body.error).to.deep.equal({ type: 'invalidJson', field: '(body)' });
    const form = await call('POST', '/api/agents/5501/makeCall', 'destination=2002', { authorization: GOOD, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).to.equal(415);
    const big = await call('POST', '/api/agents/5501/makeCall', { destination: '2002', callData: 'x'.repeat(2000) });
    expect(big.status).to.equal(413);
    expect(big.body.error).to.deep.equal({ type: 'bodyTooLarge', field: '(body)' });
    expect(link.calls).to.deep.equal([]);
  });

  it('404 for an unknown path under /api, 405 with Allow for a known path and another method', async () => {
    const missing = await call('POST', '/api/agents/5501/teleport', {});
    expect(missing.status).to.equal(404);
    expect(missing.body).to.deep.include({ errCode: 'OPENCTI_HTTP_ERROR_404' });
    const wrong = await call('GET', '/api/agents/5501/makeCall');
    expect(wrong.status).to.equal(405);
    expect(wrong.headers.get('allow')).to.equal('POST');
  });

  it('requests reach the link with the path agent and the body fields; numbers are taken as strings', async () => {
    link.answer = { ok: true, callId: '00ab' };
    const r = await call('POST', '/api/agents/5501/makeCall', { destination: 2002, callData: 'acct=42' });
    expect(r).to.deep.include({ status: 200, body: { ok: true, callId: '00ab' } });
    expect(link.calls).to.deep.equal([{ agentId: '5501', request: { action: 'makeCall', destination: '2002', callData: 'acct=42' } }]);
    await call('POST', '/api/agents/5501/logout', { reasonCode: '9' });
    expect(link.calls[1]).to.deep.equal({ logout: '5501', reasonCode: '9' });
    await call('POST', '/api/agents/5501/answerCall'); // no body at all: answer the ringing call
    expect(link.calls[2]).to.deep.equal({ agentId: '5501', request: { action: 'answerCall' } });
  });

  it('a refused request answers the OpenCTI error object with its documented HTTP status', async () => {
    const cases: [PegaResult, number][] = [
      [{ ok: false, errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN', errMessage: 'agent 5501 is not logged in' }, 409],
      [{ ok: false, errCode: 'OPENCTI_CF_INVALID_DESTINATION', errMessage: 'bad number' }, 422],
      [{ ok: false, errCode: 'OPENCTI_HTTP_ERROR_503', errMessage: 'link down' }, 503],
      [{ ok: false, errCode: 'OPENCTI_HTTP_ERROR_504', errMessage: 'slow switch' }, 504],
      [{ ok: false, errCode: 'OPENCTI_HTTP_ERROR_401', errMessage: 'privilege' }, 403],
    ];
    for (const [answer, status] of cases) {
      link.answer = answer;
      const r = await call('POST', '/api/agents/5501/holdCall', { callId: '0001' });
      expect(r.status, answer.ok ? '' : answer.errCode).to.equal(status);
      expect(r.body).to.deep.equal(answer);
    }
    expect(httpStatusOf('OPENCTI_IN_SAME_STATE')).to.equal(409);
  });

  it('login subscribes the extension (first, so the login Snapshot is pushed); a refused login removes it again', async () => {
    link.answer = { ok: false, errCode: 'OPENCTI_AGENT_LOGGED_IN', errMessage: 'elsewhere' };
    expect((await call('POST', '/api/agents/5501/login', { extension: '2001', password: '1234' })).status).to.equal(409);
    expect(api.subscriptions.get('2001')).to.equal(undefined);
    link.answer = { ok: true };
    link.on('event', () => undefined);
    const r = await call('POST', '/api/agents/5501/login', { extension: '2001', password: '1234', reasonCode: '3' });
    expect(r.status).to.equal(200);
    expect(link.calls[1]).to.deep.equal({ login: { agentId: '5501', device: '2001', password: '1234', reasonCode: '3' } });
    expect(api.subscriptions.get('2001')).to.deep.equal({ dn: '2001', agentId: '5501', explicit: false });
    link.emit('event', '5501', { pyEventType: 'AgentStateEvent', pyEventName: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyMedia: 'Phone', pyAgentId: '5501', pyThisDN: '2001' });
    link.emit('event', '5509', { pyEventType: 'AgentStateEvent', pyEventName: 'Ready', pyReasonCode: '', pyWorkMode: 'MODE_NONE', pyMedia: 'Phone', pyAgentId: '5509', pyThisDN: '2009' });
    expect(pushed).to.have.length(1); // 2009 is not subscribed
    expect(pushed[0]).to.deep.include({ pyDN: '2001', pyAgentID: '5501', pyAgentState: 'Ready' });
    // A subscription only the login made ends with the logout; one Pega made survives it.
    await call('POST', '/api/agents/5501/logout');
    expect(api.subscriptions.get('2001')).to.equal(undefined);
    await call('POST', '/api/devices/2002/subscribe', { agentId: '5502' });
    await call('POST', '/api/agents/5502/login', { extension: '2002' });
    expect(api.subscriptions.get('2002')).to.deep.equal({ dn: '2002', agentId: '5502', explicit: true });
    await call('POST', '/api/agents/5502/logout');
    expect(api.subscriptions.get('2002')).to.deep.equal({ dn: '2002', agentId: '5502', explicit: true });
    // Another agent logs in at that DN while nobody is logged in there: the subscription follows the agent.
    link.logged.delete('5502');
    expect((await call('POST', '/api/agents/5503/login', { extension: '2002' })).status).to.equal(200);
    expect(api.subscriptions.get('2002')).to.deep.equal({ dn: '2002', agentId: '5503', explicit: true });
  });

  it('login passes the queue and work mode typed at Pega login on to the link (AFTER_CALL_WORK read as ACW); an unknown work mode is a 400', async () => {
    link.answer = { ok: true };
    link.on('event', () => undefined);
    expect((await call('POST', '/api/agents/5501/login', { extension: '2001', workMode: 'MODE_MANUAL_IN', queue: '6001' })).status).to.equal(200);
    expect(link.calls.at(-1)).to.deep.equal({ login: { agentId: '5501', device: '2001', workMode: 'MODE_MANUAL_IN', queue: '6001' } });
    expect((await call('POST', '/api/agents/5502/login', { extension: '2002', workMode: 'AFTER_CALL_WORK' })).status).to.equal(200);
    expect(link.calls.at(-1)).to.deep.equal({ login: { agentId: '5502', device: '2002', workMode: 'ACW' } });
    const bad = await call('POST', '/api/agents/5503/login', { extension: '2003', workMode: 'LUNCH' });
    expect(bad.status).to.equal(400);
    expect(JSON.stringify(bad.body)).to.contain('workMode');
  });

  it('subscribe / unsubscribe per DN: idempotent for the same agent, refused for another, bounded', async () => {
    expect((await call('POST', '/api/devices/2001/subscribe', { agentId: '5501', agentPassword: 'x' })).body).to.deep.equal({ ok: true });
    expect((await call('POST', '/api/devices/2001/subscribe', { agentId: '5501' })).body).to.deep.equal({ ok: true });
    const other = await call('POST', '/api/devices/2001/subscribe', { agentId: '5502' });
    expect(other.status).to.equal(409);
    expect(other.body).to.deep.include({ errCode: 'OPENCTI_CF_INVALID_OBJECT_STATE' });
    await call('POST', '/api/devices/2002/subscribe', {});
    await call('POST', '/api/devices/2003/subscribe', {});
    const full = await call('POST', '/api/devices/2004/subscribe', {});
    expect(full.status).to.equal(503);
    expect(full.body).to.deep.include({ errCode: 'OPENCTI_HTTP_ERROR_503' });
    expect((await call('POST', '/api/devices/2001/unsubscribe', { agentId: '5502' })).status).to.equal(409);
    expect((await call('POST', '/api/devices/2001/unsubscribe', { agentId: '5501' })).body).to.deep.equal({ ok: true });
    expect((await call('POST', '/api/devices/2001/unsubscribe', {})).status).to.equal(409);
    expect(api.subscriptions.list().map((s) => s.dn)).to.deep.equal(['2002', '2003']);
  });

  it('snapshot answers a server-side Snapshot for a logged-in agent, OPENCTI_AGENT_NOT_LOGGED_IN otherwise', async () => {
    expect((await call('POST', '/api/agents/5501/snapshot')).body).to.deep.include({ errCode: 'OPENCTI_AGENT_NOT_LOGGED_IN' });
    await call('POST', '/api/agents/5501/login', { extension: '2001' });
    const r = await call('POST', '/api/agents/5501/snapshot');
    expect(r.status).to.equal(200);
    expect(r.body.snapshot).to.deep.include({ pyEventType: 'SnapshotEvent', pyAgentID: '5501', pyDN: '2001', pyAgentState: 'Ready', pyLinkState: 'CONNECTED', pyCalls: [] });
  });

  it('past maxInFlight requests in progress, 503 at once with Retry-After; then served again', async () => {
    let release: () => void = () => undefined;
    const slow = new ScriptedLink();
    slow.request = (agentId, request) => {
      slow.calls.push({ agentId, request });
      return new Promise((resolve) => {
        release = () => resolve({ ok: true });
      });
    };
    const busy = new PegaServerApi({ link: slow, authenticate: staticApiTokens({ 'tok-pega': { name: 'pega' } }), maxInFlight: 1 });
    const s = await listenPegaServerApi(busy);
    try {
      const first = fetch(`${s.url}/api/agents/5501/holdCall`, { method: 'POST', headers: { authorization: GOOD, 'content-type': 'application/json' }, body: '{"callId":"1"}' });
      while (slow.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
      const second = await fetch(`${s.url}/api/agents/5501/holdCall`, { method: 'POST', headers: { authorization: GOOD, 'content-type': 'application/json' }, body: '{"callId":"2"}' });
      expect(second.status).to.equal(503);
      expect(second.headers.get('retry-after')).to.equal('1');
      expect(await second.json()).to.deep.include({ errCode: 'OPENCTI_HTTP_ERROR_503' });
      release();
      expect((await first).status).to.equal(200);
      const third = fetch(`${s.url}/api/agents/5501/holdCall`, { method: 'POST', headers: { authorization: GOOD, 'content-type': 'application/json' }, body: '{"callId":"3"}' });
      while (slow.calls.length < 2) await new Promise((r) => setTimeout(r, 5));
      release();
      expect((await third).status).to.equal(200);
    } finally {
      await busy.close();
      await s.close();
    }
  });

  it('GET /api/openapi.json needs no token and is the OpenAPI 3.1 document', async () => {
    const r = await call('GET', '/api/openapi.json', undefined, {});
    expect(r.status).to.equal(200);
    expect(r.body.openapi).to.equal('3.1.0');
    expect(r.body).to.deep.equal(JSON.parse(JSON.stringify(PEGA_SERVER_OPENAPI)));
  });

  describe('the OpenAPI description matches the handler', () => {
    const doc = PEGA_SERVER_OPENAPI as unknown as { paths: Record<string, Record<string, unknown>> };
    const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
    const described = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`));
    const served = ROUTES.map((r) => `${r.method} /api${r.path}`);

    it('is a valid OpenAPI 3.1 document (checked against the OpenAPI schema)', async () => {
      const checked = await SwaggerParser.validate(JSON.parse(JSON.stringify(PEGA_SERVER_OPENAPI)) as never);
      expect((checked as { openapi?: string }).openapi).to.equal('3.1.0');
    });

    it('every route in the OpenAPI is served, and every served route is in the OpenAPI', () => {
      expect([...described].sort()).to.deep.equal([...served].sort());
    });

    it('every described operation answers over HTTP (401 without a token, not 404/405), except openapi.json (200)', async () => {
      for (const op of described) {
        const [method, template] = op.split(' ') as [string, string];
        const path = template.replace('{agentId}', '5501').replace('{dn}', '2001');
        const r = await call(method, path, undefined, {});
        expect(r.status, op).to.equal(path.endsWith('openapi.json') ? 200 : 401);
      }
    });

    it('the body fields (names, required, maxLength, enums) are the ones the handler checks', () => {
      for (const route of ROUTES) {
        const op = (doc.paths[`/api${route.path}`] as Record<string, { requestBody?: { content: { 'application/json': { schema: { properties: Record<string, { maxLength: number; enum?: string[] }>; required?: string[]; additionalProperties: boolean } } } } }>)[route.method.toLowerCase()];
        const schema = op?.requestBody?.content['application/json'].schema;
        if (route.body === undefined) {
          expect(schema, route.path).to.equal(undefined);
          continue;
        }
        expect(schema, route.path).to.not.equal(undefined);
        expect(schema?.additionalProperties, route.path).to.equal(false);
        expect(Object.keys(schema?.properties ?? {}).sort(), route.path).to.deep.equal(Object.keys(route.body).sort());
        const required = Object.entries(route.body).filter(([, f]) => f.required).map(([n]) => n).sort();
        expect([...(schema?.required ?? [])].sort(), route.path).to.deep.equal(required);
        for (const [name, field] of Object.entries(route.body)) {
          expect(schema?.properties[name]?.maxLength, `${route.path} ${name}`).to.equal(field.maxLength);
          expect(schema?.properties[name]?.enum, `${route.path} ${name}`).to.deep.equal(field.enum);
        }
      }
    });

    it('docs/openapi/pega-server.json is the served document', () => {
      const file = JSON.parse(readFileSync(new URL('../../../../docs/openapi/pega-server.json', import.meta.url), 'utf8')) as unknown;
      expect(file, 'regenerate with: npx tsx scripts/write-pega-openapi.ts').to.deep.equal(JSON.parse(JSON.stringify(PEGA_SERVER_OPENAPI)));
    });
  });
});
