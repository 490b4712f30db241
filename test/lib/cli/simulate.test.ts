/** `csta simulate` and `csta demo` over real loopback TCP. */
import { expect } from 'chai';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../../lib/cli/main.js';
import { MemoryOutput } from '../../../lib/cli/io.js';
import { CstaSession } from '../../../lib/session/session.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { runCli } from './run-cli.js';
import { sessionOptionsForProfile } from '../../../lib/session/profiles.js';

/** Starts `csta simulate` in-process; resolves once it prints its port. */
async function startSimulate(extra: string[]): Promise<{ port: number; stdout: MemoryOutput; stderr: MemoryOutput; stop: () => Promise<number> }> {
  const stdout = new MemoryOutput();
  const stderr = new MemoryOutput();
  const controller = new AbortController();
  const done = main(['simulate', '--port', '0', ...extra], { stdout, stderr, stdin: Readable.from([]), cwd: REPO_ROOT, signal: controller.signal });
  for (let i = 0; i < 200; i++) {
    const m = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout.text());
    if (m !== null) {
      return {
        port: Number(m[1]),
        stdout,
        stderr,
        stop: async () => {
          controller.abort();
          return done;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  controller.abort();
  throw new Error(`simulate did not start: ${stdout.text()} ${stderr.text()}`);
}

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const v = check();
      if (v !== undefined) resolve(v);
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('csta simulate / demo', () => {
  it('simulate --profile avaya-dmcc serves an Avaya DMCC login over XML to a session built from the same profile', async () => {
    const sim = await startSimulate(['--profile', 'avaya-dmcc', '--user', 'cti', '--password', 'pw']);
    const session = new CstaSession(sessionOptionsForProfile('avaya-dmcc', { host: '127.0.0.1', port: sim.port }, { userName: 'cti', password: 'pw' }, { reconnect: false }));
    try {
      await session.connect();
      expect(session.applicationSession?.sessionID).to.be.a('string');
      await session.monitorStart('2000');
      await waitFor(() => (sim.stdout.text().includes(': monitorStart') ? true : undefined), 'the request log');
      expect(sim.stdout.text()).to.match(/associated \(applicationSession\)/);
    } finally {
      await session.close();
      expect(await sim.stop()).to.equal(0);
    }
  });

  it('decode --profile unitel reads NUL-terminated documents declared UTF-16; without it they are refused at the declaration', async () => {
    const doc = (body: string): string => `<?xml version="1.0" encoding="utf-16"?>${body}\0`;
    const stream = Buffer.from(doc('<MonitorStart><monitorObject><deviceObject>4100</deviceObject></monitorObject></MonitorStart>') + doc('<HoldCall><callToBeHeld><callID>SIP/x-9</callID><deviceID>4100</deviceID></callToBeHeld></HoldCall>'));
    const ok = await runCli(['decode', '--json', '--profile', 'unitel', '-'], { stdin: stream });
    expect(ok.code).to.equal(0);
    const frames = JSON.parse(ok.stdout) as { message: string; pdu: unknown }[];
    expect(frames.map((f) => f.message)).to.deep.equal(['MonitorStart', 'HoldCall']);
    expect(JSON.stringify(frames[1]!.pdu)).to.contain('SIP/x-9');
    const refused = await runCli(['decode', '--json', '--framing', 'xml-nul', '-'], { stdin: stream });
    expect(refused.code).to.equal(1);
    expect(refused.stdout).to.contain('utf-16');
    const bad = await runCli(['decode', '--profile', 'nosuchpbx', '-'], { stdin: stream });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('unknown profile');
  });

  it('simulate serves a CstaSession on 127.0.0.1, logs its requests and stops on the signal', async () => {
    const sim = await startSimulate([]);
    const session = new CstaSession({ host: '127.0.0.1', port: sim.port, reconnect: false, keepAliveMs: 0 });
    try {
      await session.connect();
      const monitor = await session.monitorStart('2000');
      expect(monitor.device).to.equal('2000');
      await waitFor(() => (sim.stdout.text().includes(': monitorStart') ? true : undefined), 'the request log');
      expect(sim.stdout.text()).to.match(/client 1 associated \(acse\)/);
    } finally {
      await session.close();
    }
    expect(await sim.stop()).to.equal(0);
    expect(sim.stdout.text()).to.contain('simulator stopped');
  });

  it('simulate --scenario plays the steps and waits for the application to answer', async () => {
    const sim = await startSimulate(['--scenario', join('fixtures', 'scenarios', 'inbound-answer-hangup.json')]);
    const session = new CstaSession({ host: '127.0.0.1', port: sim.port, reconnect: false, keepAliveMs: 0 });
    const events: CstaEvent[] = [];
    session.on('event', (e) => {
      events.push(e);
      if (e.type === 'delivered') {
        const conn = e.event.connection as { callID?: string; both?: { callID: string } };
        const callID = conn.callID ?? conn.both?.callID ?? '';
        Promise.resolve()
          .then(() => session.answerCall({ callToBeAnswered: { both: { callID, deviceID: { staticID: { deviceIdentifier: { dialingNumber: '2000' } } } } } }))
          .catch((err: unknown) => events.push({ category: 'unknown', type: 'unknown', crossRefIdentifier: String(err), raw: { tlv: '' } }));
      }
    });
    try {
      await session.connect();
      await session.monitorStart('2000');
      await waitFor(() => (events.some((e) => e.type === 'callCleared') ? true : undefined), 'callCleared');
      expect(events.map((e) => e.type)).to.deep.equal(['delivered', 'established', 'connectionCleared', 'callCleared']);
      await waitFor(() => (sim.stdout.text().includes('scenario inbound-answer-hangup: done') ? true : undefined), 'the scenario end');
      expect(sim.stdout.text()).to.contain('waiting for the application to send answerCall');
    } finally {
      await session.close();
    }
    expect(await sim.stop()).to.equal(0);
  });

  it('simulate --wire xml --tls --devices serves a matching session with only the devices of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csta-sim-'));
    try {
      writeFileSync(join(dir, 'devices.json'), JSON.stringify([{ number: '4100', kind: 'station' }, { number: '4200', kind: 'station' }]));
      const sim = await startSimulate(['--wire', 'xml', '--framing', 'header', '--tls', '--devices', join(dir, 'devices.json')]);
      expect(sim.stdout.text()).to.contain('(XML, header framing, TLS; 2 devices)');
      const ca = readFileSync(join(REPO_ROOT, 'fixtures', 'tls', 'localhost.crt'));
      const session = new CstaSession({
        host: '127.0.0.1',
        port: sim.port,
        reconnect: false,
        keepAliveMs: 0,
        tls: { ca, servername: 'localhost' },
        wire: { encoding: 'xml', framing: 'header' },
        association: { kind: 'systemRegister' },
      });
      try {
        await session.connect();
        expect((await session.monitorStart('4100')).device).to.equal('4100');
        // 2000 is a default device, not one of the file's.
        const refused = await session.monitorStart('2000').then(
          () => 'accepted',
          (e: unknown) => String(e),
        );
        expect(refused).to.contain('invalidDeviceID');
      } finally {
        await session.close();
      }
      expect(await sim.stop()).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('simulate --password accepts an AARQ with it and refuses one without', async () => {
    const sim = await startSimulate(['--password', 's3cret']);
    expect(sim.stdout.text()).to.contain('(BER, length16 framing, AARQ password required; 23 devices)');
    const options = { host: '127.0.0.1', port: sim.port, reconnect: false as const, keepAliveMs: 0, requestTimeoutMs: 2000 };
    const good = new CstaSession({ ...options, association: { kind: 'acse', password: 's3cret' } });
    await good.connect();
    await good.close();
    const wrong = new CstaSession({ ...options, association: { kind: 'acse', password: 'guess' } });
    const error = await wrong.connect().then(
      () => 'accepted',
      (e: unknown) => String(e),
    );
    await wrong.close().catch(() => undefined);
    expect(error).to.not.equal('accepted');
    expect(await sim.stop()).to.equal(0);
  });

  it('simulate says what is wrong with --framing and --devices', async () => {
    const framing = await runCli(['simulate', '--port', '0', '--wire', 'xml', '--framing', 'length16']);
    expect(framing.code).to.equal(2);
    expect(framing.stderr).to.contain('--framing length16 is not an XML framing of a CSTA session');
    const dir = mkdtempSync(join(tmpdir(), 'csta-sim-'));
    try {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ number: '4100', kind: 'station' }, { number: '4101', kind: 'phone' }]));
      const devices = await runCli(['simulate', '--port', '0', '--devices', join(dir, 'bad.json')]);
      expect(devices.code).to.equal(2);
      expect(devices.stderr).to.contain('item 1 (4101): "kind" must be one of station, acdGroup, routingPoint, trunk');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('simulate refuses a bad port as a usage error', async () => {
    const run = await runCli(['simulate', '--port', 'seventy']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('a port is an integer');
  });

  it('demo prints the summary of a bundled capture and maps a simulated call to Pega events', async () => {
    const run = await runCli(['demo']);
    expect(run.code, run.stderr).to.equal(0);
    const summary = await runCli(['decode', '--summary', 'fixtures/traces/ber-inbound-call/trace.pcap']);
    expect(run.stdout).to.contain(summary.stdout);
    expect(summary.stdout).to.contain('DeliveredEvent');
    const csta = run.stdout.split('\n').filter((l) => l.startsWith('CSTA  '));
    expect(csta).to.deep.equal(['CSTA  2000  delivered', 'CSTA  2000  established', 'CSTA  2000  connectionCleared', 'CSTA  2000  callCleared']);
    const pega = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('  →  Pega '))
      .map((l) => JSON.parse(l.slice('  →  Pega '.length)) as { pyEventName: string; pyThisDN: string });
    expect(pega.map((p) => p.pyEventName)).to.deep.equal(['Alerting', 'Established', 'Disconnected']);
    expect(pega.every((p) => p.pyThisDN === '2000')).to.equal(true);
  });
});
