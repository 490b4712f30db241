/** csta serve config: YAML/JSON, schema validation with key paths, unknown keys, env secrets, the published schema. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, keyPath, parseConfig } from '../../../lib/service/config.js';
import { EXAMPLE_CONFIG } from '../../../lib/service/example-config.js';
import { publishedSchemaText } from '../../../lib/cli/serve-command.js';
import { diffReload } from '../../../lib/service/reload.js';
import type { ServicePluginFactory } from '../../../lib/service/plugin.js';
import { REPO_ROOT } from '../../support/fixtures.js';

function problems(text: string, env: Record<string, string> = {}, source = 'link.yaml'): readonly string[] {
  try {
    parseConfig(text, source, env);
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('the config was accepted');
}

describe('csta serve config', () => {
  it('accepts the example config and fills the defaults', () => {
    const c = parseConfig(EXAMPLE_CONFIG, 'example.yaml', {});
    expect(c.name).to.equal('demo');
    expect(c.simulator?.port).to.equal(0);
    expect(c.agents.list.map((a) => [a.agentId, a.device, a.loginAtStart])).to.deep.equal([
      ['5001', '2000', true],
      ['5002', '2001', false],
    ]);
    const minimal = parseConfig('simulator: {}\n', 'min.yaml', {});
    expect(minimal.http).to.deep.equal({ host: '127.0.0.1', port: 8080 });
    expect(minimal.pbx.reconnect).to.deep.equal({ initialMs: 200, maxMs: 30000 });
    expect(minimal.limits.maxSockets).to.equal(256);
    expect(minimal.agents.mode).to.equal('asTheyLogIn');
  });

  it('reads JSON as well as YAML', () => {
    const c = parseConfig(JSON.stringify({ name: 'j1', pbx: { endpoints: [{ host: '10.0.0.1', port: 2555 }] } }), 'link.json', {});
    expect(c.name).to.equal('j1');
    expect(c.pbx.endpoints).to.deep.equal([{ host: '10.0.0.1', port: 2555 }]);
  });

  it('names the key path and what was expected, all problems at once', () => {
    const p = problems('pbx:\n  endpoints:\n    - { host: a, port: "2555" }\n    - { host: b, port: 70000 }\n  wire: { encoding: asn1 }\nlog: { level: loud }\n');
    expect(p).to.include('pbx.endpoints[0].port: expected integer');
    expect(p).to.include('pbx.endpoints[1].port: expected <= 65535');
    expect(p).to.include('pbx.wire.encoding: expected one of "ber", "xml"');
    expect(p).to.include('log.level: expected one of "fatal", "error", "warn", "info", "debug", "trace", "silent"');
  });

  it('refuses unknown keys, at any depth', () => {
    expect(problems('simulator: {}\nhttp: { prot: 80 }\n')).to.deep.equal(['http.prot: unknown key (not in the schema of http)']);
    expect(problems('simulator: {}\nnatz: {}\n')).to.deep.equal(['natz: unknown key (not in the schema)']);
    expect(problems('simulator: {}\nauth: { tokens: [{ token: abcdefgh1, agentId: "1", device: "2", role: x }] }\n')).to.deep.equal(['auth.tokens[0].role: unknown key (not in the schema of auth.tokens[0])']);
  });

  it('checks what the schema cannot say: framing of the encoding, endpoints, tokens of configured agents', () => {
    expect(problems('simulator: {}\npbx: { wire: { encoding: xml, framing: length16 } }\n')[0]).to.match(/^pbx\.wire\.framing: expected header/);
    expect(problems('pbx: {}\n')).to.deep.equal(['pbx.endpoints: required (or a simulator section)']);
    expect(problems('simulator: {}\nauth: { jwt: { issuer: pega } }\n')).to.deep.equal(['auth.jwt: give either secret or publicKeyFile']);
    expect(problems('simulator: {}\nauth: { jwt: { secret: short } }\n')).to.deep.equal(['auth.jwt.secret: expected a string of at least 32 characters']);
    expect(problems('simulator: {}\nagents: { mode: configured, list: [{ agentId: "1", device: "2000" }] }\nauth: { tokens: [{ token: abcdefgh1, agentId: "9", device: "2000" }] }\n')).to.deep.equal([
      'auth.tokens[0].agentId: agent 9 is not in agents.list (agents.mode is configured)',
    ]);
  });

  it('takes secrets from ${env:NAME}, and names the key of a variable that is not set', () => {
    const text = 'simulator: {}\npbx:\n  association: { kind: acse, password: "${env:PBX_PW}" }\nauth:\n  tokens: [{ token: "${env:TOK_5001}", agentId: "5001", device: "2000" }]\n';
    const c = parseConfig(text, 'link.yaml', { PBX_PW: 's3cret', TOK_5001: 'tok-abcdefgh' });
    expect(c.pbx.association).to.deep.equal({ kind: 'acse', password: 's3cret' });
    expect(c.auth.tokens[0]?.token).to.equal('tok-abcdefgh');
    expect(problems(text, { PBX_PW: 'x' })).to.deep.equal(['auth.tokens[0].token: environment variable TOK_5001 is not set']);
  });

  it('reports bad YAML and bad JSON as config errors', () => {
    expect(problems('a: [1, 2\n')[0]).to.match(/^YAML: /);
    expect(problems('{"a": ', {}, 'x.json')[0]).to.match(/^not valid JSON/);
  });

  it('validates a plugin section with the fragment its factory gives', () => {
    const plugin: ServicePluginFactory = {
      section: 'nats',
      description: 'test plugin',
      schema: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string' } } },
      create: () => ({ start: async () => undefined, stop: async () => undefined }),
    };
    const plugins = [plugin];
    expect(parseConfig('simulator: {}\nnats: { url: "nats://127.0.0.1:4222" }\n', 'p.yaml', {}, plugins).nats).to.deep.equal({ url: 'nats://127.0.0.1:4222' });
    try {
      parseConfig('simulator: {}\nnats: { urls: x }\n', 'p.yaml', {}, plugins);
      expect.fail('accepted');
    } catch (e) {
      expect((e as ConfigError).problems).to.have.members(['nats.urls: unknown key (not in the schema of nats)', 'nats.url: required']);
    }
  });

  it('publishes the same schema in docs/csta-serve.schema.json (csta serve --schema > docs/csta-serve.schema.json)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'csta-serve.schema.json'), 'utf8')).to.equal(publishedSchemaText());
  });

  it('says which changed keys a reload applies and which need a restart', () => {
    const a = parseConfig(EXAMPLE_CONFIG, 'a.yaml', {});
    const b = parseConfig(EXAMPLE_CONFIG.replace('level: info', 'level: debug').replace('demo-token-5002', 'demo-token-5002b'), 'b.yaml', {});
    expect(diffReload(a, b)).to.deep.equal({ changed: ['log', 'auth'], needsRestart: [] });
    const c = parseConfig(EXAMPLE_CONFIG.replace('port: 8080', 'port: 8081').replace('maxPayloadBytes: 16384', 'maxPayloadBytes: 32768'), 'c.yaml', {});
    expect(diffReload(a, c)).to.deep.equal({ changed: ['limits'], needsRestart: ['http', 'limits.maxPayloadBytes'] });
  });

  it('writes key paths as an editor shows them', () => {
    expect(keyPath(['pbx', 'endpoints', 0, 'port'])).to.equal('pbx.endpoints[0].port');
    expect(keyPath(['a-b'])).to.equal('["a-b"]');
  });
});

describe('csta serve: the shipped configs', () => {
  it('deploy/container-link.yaml (the image default) and deploy/compose-link.yaml validate', () => {
    const container = parseConfig(readFileSync(join(REPO_ROOT, 'deploy', 'container-link.yaml'), 'utf8'), 'container-link.yaml', {});
    expect(container.http.host).to.equal('0.0.0.0');
    expect(container.simulator).to.not.equal(undefined);
    const compose = parseConfig(readFileSync(join(REPO_ROOT, 'deploy', 'compose-link.yaml'), 'utf8'), 'compose-link.yaml', { CSTA_PBX_PASSWORD: 'pw', CSTA_TOKEN_5001: 'token-5001-x', CSTA_TOKEN_5002: 'token-5002-x' });
    expect(compose.pbx.endpoints).to.deep.equal([{ host: 'pbx', port: 2555 }]);
    expect(compose.pbx.association).to.deep.equal({ kind: 'acse', password: 'pw' });
  });
});
