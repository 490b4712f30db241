/**
 * Tokens Pega can supply: JWTs verified by jwtAuthenticator (HS256 secret, RS256 / ES256 public
 * keys; exp/nbf, issuer, audience, device claims), and the extension typed at Pega login, which the
 * gateway honours when the token allows it and refuses with OPENCTI_HTTP_ERROR_401 otherwise.
 */
import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { jwtAuthenticator } from '../../../../lib/pega/gateway/jwt.js';
import { PegaGateway } from '../../../../lib/pega/gateway/server.js';
import { staticTokenTable } from '../../../../lib/pega/gateway/auth.js';
import { FakeLink, connect, open } from './helpers.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes-long!';
const secretKey = new TextEncoder().encode(SECRET);

function mint(claims: Record<string, unknown>, key: Uint8Array | KeyObject = secretKey, alg = 'HS256', exp: string | number = '5m'): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setSubject('5501').setIssuedAt();
  if (exp !== 0) jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

describe('jwtAuthenticator', () => {
  const reasons: string[] = [];
  const hs = jwtAuthenticator({ key: { secret: SECRET }, onRejected: (r) => reasons.push(r) });

  it('accepts a valid HS256 token: sub is the agent, extension then devices the allowed devices, exp the expiry', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    expect(await hs(await mint({ extension: '2000', devices: ['2001', '2000'] }, secretKey, 'HS256', exp))).to.deep.equal({ agentId: '5501', device: '2000', devices: ['2001'], expiresAt: exp * 1000 });
    expect(await hs(await mint({ devices: ['2002'] }))).to.deep.include({ agentId: '5501', device: '2002' });
  });

  it('refuses an expired token, one not yet valid, one without exp, and one signed with another key', async () => {
    reasons.length = 0;
    expect(await hs(await mint({ extension: '2000' }, secretKey, 'HS256', Math.floor(Date.now() / 1000) - 120))).to.equal(undefined);
    const early = await new SignJWT({ extension: '2000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('5501').setExpirationTime('10m').setNotBefore('5m').sign(secretKey);
    expect(await hs(early)).to.equal(undefined);
    expect(await hs(await mint({ extension: '2000' }, secretKey, 'HS256', 0))).to.equal(undefined);
    expect(await hs(await mint({ extension: '2000' }, new TextEncoder().encode('another-secret-of-at-least-32-bytes!!')))).to.equal(undefined);
    expect(reasons.map((r) => r.split(':')[0])).to.deep.equal(['ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
  });

  it('refuses tokens naming no device or a malformed one, and garbage', async () => {
    expect(await hs(await mint({}))).to.equal(undefined);
    expect(await hs(await mint({ devices: '2000' }))).to.equal(undefined);
    expect(await hs(await mint({ devices: [2000] }))).to.equal(undefined);
    expect(await hs('not.a.jwt')).to.equal(undefined);
    expect(await hs('x'.repeat(10_000))).to.equal(undefined);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = jwtAuthenticator({ key: { secret: SECRET }, issuer: 'https://pega.example.com', audience: 'csta-gateway' });
    const good = await new SignJWT({ extension: '2000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('5501').setExpirationTime('5m').setIssuer('https://pega.example.com').setAudience('csta-gateway').sign(secretKey);
    expect(await strict(good)).to.deep.include({ agentId: '5501', device: '2000' });
    const wrongAud = await new SignJWT({ extension: '2000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('5501').setExpirationTime('5m').setIssuer('https://pega.example.com').setAudience('other').sign(secretKey);
    expect(await strict(wrongAud)).to.equal(undefined);
    expect(await strict(await mint({ extension: '2000' }))).to.equal(undefined);
  });

  it('verifies RS256 and ES256 against public keys (PEM or KeyObject), and refuses an HS256 token made with the public key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rsAuth = jwtAuthenticator({ key: { publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string } });
    const esAuth = jwtAuthenticator({ key: { publicKey: ec.publicKey } });
    expect(await rsAuth(await mint({ extension: '2000' }, rsa.privateKey, 'RS256'))).to.deep.include({ agentId: '5501', device: '2000' });
    expect(await esAuth(await mint({ extension: '2000' }, ec.privateKey, 'ES256'))).to.deep.include({ agentId: '5501', device: '2000' });
    expect(await rsAuth(await mint({ extension: '2000' }, ec.privateKey, 'ES256'))).to.equal(undefined);
    // Algorithm confusion: the RSA public key's PEM bytes used as an HMAC secret.
    const pem = new TextEncoder().encode(rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    expect(await rsAuth(await mint({ extension: '2000' }, pem, 'HS256'))).to.equal(undefined);
  });

  it('refuses a short secret, a private key, and the "none" algorithm at configuration', () => {
    expect(() => jwtAuthenticator({ key: { secret: 'short' } })).to.throw(RangeError);
    expect(() => jwtAuthenticator({ key: { publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey } })).to.throw(TypeError);
    expect(() => jwtAuthenticator({ key: { secret: SECRET }, algorithms: ['none'] })).to.throw(RangeError);
  });
});

describe('gateway identity: JWT upgrades and the extension typed at Pega login', () => {
  let link: FakeLink;
  let gateway: PegaGateway;
  let port: number;

  async function start(authenticate = jwtAuthenticator({ key: { secret: SECRET } })): Promise<void> {
    link = new FakeLink();
    gateway = new PegaGateway({ link, authenticate, heartbeatMs: 0 });
    port = await gateway.listen();
  }
  afterEach(async () => gateway.close());

  it('opens a socket for a valid JWT and refuses expired or wrongly signed ones with HTTP 401', async () => {
    await start();
    const ok = await connect(port, await mint({ extension: '2000' }));
    ok.ws.terminate();
    const expired = await mint({ extension: '2000' }, secretKey, 'HS256', Math.floor(Date.now() / 1000) - 120);
    expect(await open(port, ['pega-gateway.v1', `bearer.${expired}`])).to.deep.equal({ kind: 'refused', status: 401 });
    const forged = await mint({ extension: '2000' }, new TextEncoder().encode('another-secret-of-at-least-32-bytes!!'));
    expect(await open(port, ['pega-gateway.v1', `bearer.${forged}`])).to.deep.equal({ kind: 'refused', status: 401 });
  });

  it('logs in at the token\'s default device, at a typed extension it allows, and refuses any other', async () => {
    await start();
    const client = await connect(port, await mint({ extension: '2000', devices: ['2001'] }));
    expect(await client.call(1, { action: 'login' })).to.deep.equal({ id: 1, result: { ok: true } });
    expect(await client.call(2, { action: 'login', extension: '  ' })).to.deep.equal({ id: 2, result: { ok: true } });
    expect(await client.call(3, { action: 'login', extension: '2001', password: 'pw' })).to.deep.equal({ id: 3, result: { ok: true } });
    expect(await client.call(4, { action: 'login', extension: '2999' })).to.deep.equal({
      id: 4,
      result: { ok: false, errCode: 'OPENCTI_HTTP_ERROR_401', errMessage: 'extension 2999 is not one agent 5501 may log in at' },
    });
    expect(await client.call(5, { action: 'login', extension: 2001 })).to.have.nested.property('result.errCode', 'OPENCTI_CF_GENERIC_OPERATION');
    expect(link.logins).to.deep.equal([
      { agentId: '5501', device: '2000' },
      { agentId: '5501', device: '2000' },
      { agentId: '5501', device: '2001', password: 'pw' },
    ]);
    client.ws.terminate();
  });

  it('closes a socket with 4401 when its token expires', async function () {
    this.timeout(10_000);
    await start();
    const client = await connect(port, await mint({ extension: '2000' }, secretKey, 'HS256', Math.floor(Date.now() / 1000) + 2));
    expect(await client.call(1, { action: 'agentReady' })).to.deep.equal({ id: 1, result: { ok: true } });
    expect(await client.closed).to.equal(4401);
  });

  it('a static table entry may list devices too', async () => {
    await start(staticTokenTable({ 'tok-a': { agentId: '5501', device: '2000', devices: ['2003'] } }));
    const client = await connect(port, 'tok-a');
    expect(await client.call(1, { action: 'login', extension: '2003' })).to.deep.equal({ id: 1, result: { ok: true } });
    expect(await client.call(2, { action: 'login', extension: '2004' })).to.have.nested.property('result.errCode', 'OPENCTI_HTTP_ERROR_401');
    expect(link.logins.map((l) => l.device)).to.deep.equal(['2003']);
    client.ws.terminate();
  });
});
