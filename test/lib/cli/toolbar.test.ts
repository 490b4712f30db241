/** `csta toolbar`: simulator + link + gateway in one command, driven from its standard input. */
import { expect } from 'chai';
import * as net from 'node:net';
import { PassThrough } from 'node:stream';
import { WebSocket } from 'ws';
import { main } from '../../../lib/cli/main.js';
import { MemoryOutput } from '../../../lib/cli/io.js';
import { REPO_ROOT } from '../../support/fixtures.js';

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('csta toolbar', () => {
  it('prints the toolbar URL of each agent, serves the toolbar, and rings an agent from the command line', async () => {
    const stdin = new PassThrough();
    const stdout = new MemoryOutput();
    const stderr = new MemoryOutput();
    const controller = new AbortController();
    const done = main(['toolbar', '--port', '0', '--agent', '5001=2000'], { stdout, stderr, stdin, cwd: REPO_ROOT, signal: controller.signal });
    let ws: WebSocket | undefined;
    try {
      const [, url, token] = await until(() => /toolbar for agent 5001 at 2000: (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(stdout.text()) ?? undefined, `the URL (${stderr.text()})`);
      const page = await fetch(url!);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.contain('toolbar.js');
      const events: { pyEventName?: string }[] = [];
      const results: { id: number; result: { ok: boolean } }[] = [];
      ws = new WebSocket(`${url!.replace('http', 'ws')}cti`, ['pega-gateway.v1', `bearer.${token!}`]);
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString('utf8')) as { id?: number; result?: { ok: boolean }; event?: { pyEventName?: string } };
        if (m.result !== undefined) results.push(m as { id: number; result: { ok: boolean } });
        if (m.event !== undefined) events.push(m.event);
      });
      await new Promise((r, j) => ws!.once('open', r).once('error', j));
      ws.send(JSON.stringify({ id: 1, request: { action: 'login' } }));
      await until(() => results.find((r) => r.id === 1), 'the login result');
      stdin.write('ring 2000\n');
      await until(() => (stdout.text().includes('ringing 2000 from +15551230000') ? true : undefined), 'the ring reply');
      await until(() => events.find((e) => e.pyEventName === 'Alerting'), 'the Alerting event on the toolbar socket');
      stdin.write('calls\n');
      await until(() => (/call \w+: \+15551230000 connected, 2000 alerting/.test(stdout.text()) ? true : undefined), 'the call list');
      stdin.write('hangup 2000\n');
      await until(() => (stdout.text().includes('+15551230000 hung up call') ? true : undefined), 'the hangup');
      stdin.write('frobnicate\n');
      await until(() => (stdout.text().includes('unknown command "frobnicate" (try help)') ? true : undefined), 'the unknown command');
      stdin.write('quit\n');
      expect(await done).to.equal(0);
      expect(stdout.text()).to.contain('toolbar stopped');
    } finally {
      ws?.close();
      controller.abort();
      await done;
    }
  });

  it('says so when the peer does not answer the AARQ', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s.on('data', () => undefined).on('error', () => undefined)));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const stdout = new MemoryOutput();
    const stderr = new MemoryOutput();
    try {
      const code = await main(['toolbar', '--port', '0', '--pbx', `127.0.0.1:${port}`, '--link-timeout', '300'], { stdout, stderr, stdin: new PassThrough(), cwd: REPO_ROOT });
      expect(code).to.equal(1);
      expect(stderr.text()).to.contain(`the peer at 127.0.0.1:${port} did not answer the AARQ: is this a CSTA port, and the right association mode (now acse;`);
      expect(sockets.length, 'the link connected').to.be.greaterThan(0);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
