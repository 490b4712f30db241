/** `csta record` (a recording proxy over loopback) and `csta replay` of plain and mid-session captures. */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../../lib/cli/main.js';
import { MemoryOutput } from '../../../lib/cli/io.js';
import { parseHostPort } from '../../../lib/cli/record-command.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { CstaSession } from '../../../lib/session/session.js';
import { loadFrameFixtures } from '../../support/fixtures.js';
import { TcpConversation, writePcap } from '../../support/pcap-writer.js';
import { runCli } from './run-cli.js';

const fixtures = loadFrameFixtures();
const frame = (file: string): Buffer => fixtures.find((f) => f.file === file)!.bytes;
const l16 = (b: Buffer): Buffer => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('csta record / replay', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-record-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('record relays an application to the PBX and writes a pcap and a trace folder that decode, replay and conformance read', async () => {
    const sim = new PbxSimulator();
    const simPort = await sim.listen(0, '127.0.0.1');
    const stdout = new MemoryOutput();
    const stderr = new MemoryOutput();
    const controller = new AbortController();
    const done = main(['record', '--listen', '0', '--to', `127.0.0.1:${simPort}`, '--trace', 'case', '--once'], {
      stdout,
      stderr,
      stdin: Readable.from([]),
      cwd: tmp,
      signal: controller.signal,
    });
    try {
      const port = await until(() => /listening on 127\.0\.0\.1:(\d+)/.exec(stdout.text())?.[1], 'the proxy');
      const session = new CstaSession({ host: '127.0.0.1', port: Number(port), reconnect: false, keepAliveMs: 0 });
      await session.connect();
      const monitor = await session.monitorStart('2000');
      await session.monitorStop(monitor);
      await session.close();
      expect(await done, stderr.text()).to.equal(0);
    } finally {
      controller.abort();
      await sim.close();
    }
    expect(stdout.text()).to.match(/connection 1: 127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+/);
    const pcap = join(tmp, 'case', 'trace.pcap');
    const summary = await runCli(['decode', '--summary', pcap]);
    expect(summary.code, summary.stderr).to.equal(0);
    const messages = summary.stdout.trimEnd().split('\n').slice(1).map((l) => l.trim().split(/\s{2,}/)[6]);
    expect(messages).to.include.members(['MonitorStart', 'MonitorStartResponse', 'MonitorStop', 'MonitorStopResponse']);
    // The PBX end has the simulator's port, so the frames line up with it as the server.
    const nd = (await runCli(['decode', '--ndjson', pcap])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { message: string; destination: string; direction: string });
    const start = nd.find((r) => r.message === 'MonitorStart')!;
    expect(start.direction).to.equal('client→server');
    expect(start.destination).to.equal(`127.0.0.1:${simPort}`);
    expect(existsSync(join(tmp, 'case', 'expected-decode.ndjson'))).to.equal(true);
    const check = await runCli(['conformance', 'case'], { cwd: tmp });
    expect(check.stdout, check.stdout).to.contain('1 passed, 0 failed');
  });

  it('record needs somewhere to write and a HOST:PORT to relay to', async () => {
    expect((await runCli(['record', '--listen', '0', '--to', '127.0.0.1:1'])).code).to.equal(2);
    const both = await runCli(['record', '--listen', '0', '--to', '127.0.0.1:1', '-w', 'x.pcap', '--trace', 'dir'], { cwd: tmp });
    expect(both.code).to.equal(2);
    expect(both.stderr).to.contain('not both');
    const bad = await runCli(['record', '--listen', '0', '--to', 'pbx-without-port', '-w', join(tmp, 'x.pcap')]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('give HOST:PORT');
    expect(parseHostPort('[::1]:1040', undefined)).to.deep.equal({ host: '::1', port: 1040 });
    expect(parseHostPort('4000', '127.0.0.1')).to.deep.equal({ host: '127.0.0.1', port: 4000 });
    expect(parseHostPort('4000', undefined)).to.equal(undefined);
  });

  it('replay takes a plain capture file, not only a trace folder', async () => {
    const folder = await runCli(['replay', 'fixtures/traces/ber-inbound-call']);
    const file = await runCli(['replay', 'fixtures/traces/ber-inbound-call/trace.pcap']);
    expect(file.code).to.equal(0);
    expect(file.stdout).to.equal(folder.stdout);
    expect(file.stdout.trim().split('\n')).to.have.length((JSON.parse(readFileSync('fixtures/traces/ber-inbound-call/expected-pega.json', 'utf8')) as unknown[]).length);
    const missing = await runCli(['replay', 'nowhere.pcap']);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.contain('no such file or folder: nowhere.pcap');
  });

  it('a capture that starts mid-session still yields Pega events: monitors inferred, or given with --monitor', async () => {
    // Only the events of crossRefIdentifier 0001: the monitorStart was before the capture began.
    const conv = new TcpConversation({ addr: '10.0.0.9', port: 40000 }, { addr: '10.0.0.1', port: 1040 });
    const recs = ['event.delivered.json', 'event.established.json', 'event.connectionCleared.json', 'event.callCleared.json'].flatMap((f) => conv.send(1, l16(frame(f))));
    const path = join(tmp, 'mid-session.pcap');
    writeFileSync(path, writePcap(recs));
    const full = await runCli(['replay', 'fixtures/traces/ber-inbound-call']);
    const inferred = await runCli(['replay', path]);
    expect(inferred.code, inferred.stderr).to.equal(0);
    expect(inferred.stderr).to.contain('crossRefIdentifier 0001 (stream 0) has no monitorStart in the trace; every event of it names 2000');
    const names = (out: string): string[] => out.trim().split('\n').map((l) => (JSON.parse(l) as { pyEventName: string; pyThisDN: string }).pyEventName);
    expect(names(inferred.stdout)).to.deep.equal(names(full.stdout));
    const off = await runCli(['replay', path, '--no-infer']);
    expect(off.stdout).to.equal('');
    expect(off.stderr).to.contain('give --monitor 0001=DEVICE');
    const given = await runCli(['replay', path, '--no-infer', '--monitor', '0001=2000']);
    expect(given.stdout).to.equal(inferred.stdout);
    expect((await runCli(['replay', path, '--monitor', '0001'])).code).to.equal(2);
  });
});
