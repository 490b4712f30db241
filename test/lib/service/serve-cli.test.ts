/**
 * `csta serve` as people run it: `node bin/csta.js serve --config FILE` in a child process, over
 * loopback. The example config comes up healthy; SIGTERM releases the association (the RLRQ is
 * seen on the wire) and exits 0; SIGHUP reloads the tokens; bad configs exit 2 naming the key.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { EXAMPLE_CONFIG } from '../../../lib/service/example-config.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { TapProxy, ToolbarSocket, freePort, until } from './support.js';

const BIN = join(REPO_ROOT, 'bin', 'csta.js');

interface Child {
  readonly proc: ChildProcess;
  out: string;
  err: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function serve(args: readonly string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const child: Child = {
    proc,
    out: '',
    err: '',
    exited: new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  proc.stdout!.on('data', (d: Buffer) => (child.out += d.toString('utf8')));
  proc.stderr!.on('data', (d: Buffer) => (child.err += d.toString('utf8')));
  return child;
}

async function healthy(port: number, child: Child): Promise<void> {
  await until(
    () => child.out.includes('"msg":"PBX link associated"') || undefined,
    'the service to associate',
    15_000,
  );
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(r.status, child.out + child.err).to.equal(200);
}

function logLines(child: Child): Record<string, unknown>[] {
  return child.out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('csta serve: the command', function () {
  this.timeout(40_000);
  let dir: string;
  const children: Child[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'csta-serve-'));
  });
  after(() => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the example config, which runs as is: healthz 200, metrics, then SIGTERM exits 0', async () => {
    const example = spawn(process.execPath, [BIN, 'serve', '--example-config'], { cwd: REPO_ROOT });
    let text = '';
    example.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
    await new Promise((r) => example.once('exit', r));
    expect(text).to.equal(EXAMPLE_CONFIG);
    const file = join(dir, 'link.yaml');
    writeFileSync(file, text);
    const port = await freePort();
    const child = serve(['--config', file, '--port', String(port)]);
    children.push(child);
    await healthy(port, child);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).to.match(/^csta_link_state\{state="associated",link="demo"\} 1$/m);
    child.proc.kill('SIGTERM');
    const { code } = await child.exited;
    expect(code, child.err).to.equal(0);
    expect(logLines(child).map((l) => l.msg)).to.include.members(['signal: shutting down', 'stopped']);
  });

  it('SIGTERM releases the association (RLRQ on the wire), SIGHUP reloads tokens and log level', async () => {
    const sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    const tap = new TapProxy(() => simPort);
    const pbxPort = await tap.listen();
    const port = await freePort();
    const file = join(dir, 'tap.yaml');
    const config = (token: string, level: string): string =>
      [
        'name: tap',
        `http: { port: ${port} }`,
        `log: { level: ${level} }`,
        `pbx: { endpoints: [{ host: 127.0.0.1, port: ${pbxPort} }], keepAliveMs: 0 }`,
        'auth:',
        `  tokens: [{ token: "${token}", agentId: "5001", device: "2000" }]`,
        '',
      ].join('\n');
    writeFileSync(file, config('${env:TAP_TOKEN}', 'info'));
    const child = serve(['--config', file], { TAP_TOKEN: 'first-token-5001' });
    children.push(child);
    try {
      await healthy(port, child);
      const first = new ToolbarSocket(port, 'first-token-5001');
      await first.opened();
      first.close();
      writeFileSync(file, config('second-token-5001', 'debug'));
      child.proc.kill('SIGHUP');
      await until(() => logLines(child).find((l) => l.msg === 'config reloaded'), 'the reload log line');
      expect(logLines(child).find((l) => l.msg === 'config reloaded')?.changed).to.deep.equal(['log', 'auth']);
      expect(await new ToolbarSocket(port, 'first-token-5001').refused()).to.equal(401);
      const second = new ToolbarSocket(port, 'second-token-5001');
      await second.opened();
      second.close();
      // A reload with an invalid config keeps the old one and says why.
      writeFileSync(file, `${config('second-token-5001', 'debug')}bogus: 1\n`);
      child.proc.kill('SIGHUP');
      await until(() => logLines(child).find((l) => l.msg === 'config reload refused: the new config does not validate (the old one stays)'), 'the refused reload');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);

      expect(tap.fromClient.some((p) => p.pdu === 'rlrq')).to.equal(false);
      const signalled = performance.now();
      child.proc.kill('SIGTERM');
      const { code } = await child.exited;
      const exitMs = performance.now() - signalled;
      expect(code, child.err).to.equal(0);
      expect(tap.fromClient.filter((p) => p.pdu === 'rlrq'), 'RLRQ sent').to.have.length(1);
      expect(exitMs).to.be.below(5000);
    } finally {
      await tap.kill();
      await sim.close();
    }
  });

  it('exits 2 for a config that does not validate, naming each key', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'simulator: {}\nhttp: { port: eighty }\npbx: { wire: { encoding: ber }, hots: x }\n');
    const child = serve(['--config', file]);
    const { code } = await child.exited;
    expect(code).to.equal(2);
    expect(child.err).to.contain('http.port: expected integer');
    expect(child.err).to.contain('pbx.hots: unknown key');
    const missing = serve(['--config', join(dir, 'nope.yaml')]);
    expect((await missing.exited).code).to.equal(2);
    expect(missing.err).to.contain('cannot read');
  });
});
