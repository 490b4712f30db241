/** `csta decode --summary / --ladder`, the frame filters and ranges, headings, hex and error messages. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../../lib/cli/main.js';
import { parseFrameRanges } from '../../../lib/cli/filters.js';
import { ProgressBar } from '../../../lib/cli/progress.js';
import { MemoryOutput } from '../../../lib/cli/io.js';
import { loadFrameFixtures } from '../../support/fixtures.js';
import { TcpConversation, writePcap } from '../../support/pcap-writer.js';
import { runCli } from './run-cli.js';

const BER_TRACE = 'fixtures/traces/ber-inbound-call/trace.pcap';
const TRANSFER_TRACE = 'fixtures/traces/sim-consult-transfer/trace.pcap';
const fixtures = loadFrameFixtures();
const frame = (file: string): Buffer => fixtures.find((f) => f.file === file)!.bytes;
const l16 = (b: Buffer): Buffer => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);

/** The summary's frame lines (heading dropped), split into columns on runs of 2+ spaces. */
function rows(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s{2,}/));
}

describe('csta decode --summary and filters', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-summary-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints one line per frame: time, packet, direction, stream, invoke id, message, call id, devices, reply latency', async () => {
    const run = await runCli(['decode', '--summary', BER_TRACE]);
    expect(run.code).to.equal(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).to.match(/^frame +time +pkt +dir +str +invoke +message +call +devices$/);
    expect(lines).to.have.length(9);
    const r = rows(run.stdout);
    expect(r[0]).to.deep.equal(['1', '22:15:00.006000', '4', 'C→S', '0', '5', 'MonitorStart', '-', 'device=2000']);
    expect(r[1]).to.deep.equal(['2', '22:15:00.008000', '5', 'S→C', '0', '5', 'MonitorStartResponse', '-', '-', '(reply to 1, 2.000 ms)']);
    expect(r[2]).to.deep.equal(['3', '22:15:00.010000', '6', 'S→C', '0', '9', 'DeliveredEvent', '002a', 'at=2000 alerting=2000 calling=1000 called=2000']);
    expect(r[7]!.slice(6)).to.deep.equal(['MonitorStopResponse', '-', '-', '(reply to 7, 2.000 ms)']);
  });

  it('the packet numbers and addresses in tree headings are those Wireshark shows', async () => {
    const conv = new TcpConversation({ addr: '192.0.2.10', port: 40001 }, { addr: '192.0.2.1', port: 1040 });
    const recs = [...conv.handshake(), ...conv.send(0, l16(frame('monitor-start.invoke.json'))), ...conv.send(1, l16(frame('monitor-start.result.json')))];
    const path = join(tmp, 'two.pcap');
    writeFileSync(path, writePcap(recs));
    const run = await runCli(['decode', path]);
    expect(run.code).to.equal(0);
    const headings = run.stdout.split('\n').filter((l) => l.startsWith('Frame '));
    // Packets 1-3 are the handshake: the invoke is packet 4, the result packet 5 (Wireshark counts from 1).
    expect(headings[0]).to.match(/, packet 4, 192\.0\.2\.10:40001 → 192\.0\.2\.1:1040$/);
    expect(headings[1]).to.match(/, packet 5, 192\.0\.2\.1:1040 → 192\.0\.2\.10:40001$/);
    const nd = await runCli(['decode', path, '--ndjson']);
    const [first] = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).to.deep.include({ packet: 4, source: '192.0.2.10:40001', destination: '192.0.2.1:1040', hex: frame('monitor-start.invoke.json').toString('hex') });
    const second = JSON.parse(nd.stdout.trim().split('\n')[1]!) as Record<string, unknown>;
    expect(second).to.deep.include({ replyTo: 1, latencyMs: 1 });
  });

  it('--op matches operation, event or message names in any case, and keeps the replies', async () => {
    const byEvent = rows((await runCli(['decode', '--summary', BER_TRACE, '--op', 'delivered,callCleared'])).stdout);
    expect(byEvent.map((r) => r[6])).to.deep.equal(['DeliveredEvent', 'CallClearedEvent']);
    const byOperation = rows((await runCli(['decode', '--summary', BER_TRACE, '--op', 'monitorStart'])).stdout);
    expect(byOperation.map((r) => r[6])).to.deep.equal(['MonitorStart', 'MonitorStartResponse']);
    const byMessage = rows((await runCli(['decode', '--summary', BER_TRACE, '--op', 'ESTABLISHEDEVENT'])).stdout);
    expect(byMessage.map((r) => r[0])).to.deep.equal(['4']);
  });

  it('--call, --device, --invoke and --direction select frames; a reply to a selected request is kept', async () => {
    const call = rows((await runCli(['decode', '--summary', TRANSFER_TRACE, '--call', '0001'])).stdout);
    expect(call.map((r) => r[0])).to.deep.equal(['7', '8', '9', '10', '11', '18', '19', '20', '21']);
    // Frame 10 names only the new call 0002, but it answers frame 9, a request about 0001.
    expect(call[3]!.slice(6)).to.deep.equal(['ConsultationCallResponse', '0002', 'initiatedCall=2000', '(reply to 9, 2.000 ms)']);
    const device = rows((await runCli(['decode', '--summary', TRANSFER_TRACE, '--device', '3000', '--op', 'delivered'])).stdout);
    expect(device.map((r) => r[0])).to.deep.equal(['14', '15']);
    // Event reports of 3000's monitor count for --device 3000 even when they name no device.
    const cleared = rows((await runCli(['decode', '--summary', TRANSFER_TRACE, '--device', '3000', '--op', 'callCleared'])).stdout);
    expect(cleared.map((r) => r[8]!.split(' ')[0])).to.deep.equal(['at=3000']);
    const invoke = rows((await runCli(['decode', '--summary', BER_TRACE, '--invoke', '5'])).stdout);
    expect(invoke.map((r) => r[0])).to.deep.equal(['1', '2']);
    const c2s = rows((await runCli(['decode', '--summary', BER_TRACE, '--direction', 'c2s'])).stdout);
    expect(c2s.map((r) => r[6])).to.deep.equal(['MonitorStart', 'MonitorStop']);
    const none = await runCli(['decode', '--summary', BER_TRACE, '--call', 'ffff']);
    expect(none.code).to.equal(0);
    expect(rows(none.stdout)).to.deep.equal([]);
  });

  it('-c N and --frames select by position, in every output form', async () => {
    expect(rows((await runCli(['decode', '--summary', BER_TRACE, '-c', '2'])).stdout).map((r) => r[0])).to.deep.equal(['1', '2']);
    expect(rows((await runCli(['decode', '--summary', BER_TRACE, '--frames', '3-4,7-'])).stdout).map((r) => r[0])).to.deep.equal(['3', '4', '7', '8']);
    const tree = await runCli(['decode', BER_TRACE, '--frames', '6']);
    expect(tree.stdout.split('\n').filter((l) => l.startsWith('Frame '))).to.have.length(1);
    expect(tree.stdout).to.match(/^Frame 6: /);
    const nd = await runCli(['decode', BER_TRACE, '--ndjson', '--frames', '-2', '--op', 'monitorStart', '-c', '1']);
    expect(nd.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { index: number }).index)).to.deep.equal([1]);
    expect(parseFrameRanges('1,3,10-20,30-')).to.deep.equal([{ from: 1, to: 1 }, { from: 3, to: 3 }, { from: 10, to: 20 }, { from: 30 }]);
    const bad = await runCli(['decode', BER_TRACE, '--frames', '20-10']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('a range goes up');
    const badDir = await runCli(['decode', BER_TRACE, '--direction', 'up']);
    expect(badDir.code).to.equal(2);
  });

  it('--ladder draws a ladder per call id with the app and the call devices as columns', async () => {
    const run = await runCli(['decode', '--ladder', TRANSFER_TRACE]);
    expect(run.code).to.equal(0);
    const blocks = run.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).to.deep.equal(['Call 0001 (stream 0)', 'Call 0002 (stream 0)', 'Call 0003 (stream 0)']);
    const call2 = blocks[1]!.split('\n');
    expect(call2[1]).to.match(/^ {2}time +app +2000 +3000 +\+1555123000$/);
    // An event at 2000 is an arrow from 2000's column; one at 3000 crosses 2000's line.
    expect(call2.find((l) => / 14 DeliveredEvent$/.test(l))).to.contain('│◄──────────┤           │');
    expect(call2.find((l) => / 15 DeliveredEvent$/.test(l))).to.contain('│◄──────────┼───────────┤');
    // The request goes out to 2000 and its reply comes back with its latency.
    expect(call2.find((l) => / 18 TransferCall$/.test(l))).to.contain('│──────────►┤');
    expect(call2.find((l) => / 19 TransferCallResponse \(2\.000 ms\)$/.test(l))).to.contain('│◄──────────┤');
    const filtered = await runCli(['decode', '--ladder', TRANSFER_TRACE, '--call', '0001']);
    expect(filtered.stdout.split('\n').filter((l) => l.startsWith('Call '))).to.deep.equal(['Call 0001 (stream 0)']);
  });

  it('says what is wrong where: odd hex digits and bad characters by column, missing files by name', async () => {
    const odd = await runCli(['decode', 'a11a0201f']);
    expect(odd.code).to.equal(1);
    expect(odd.stderr).to.contain('odd number of hex digits at column 9');
    const spaced = await runCli(['decode', 'a1 1a 02 01 05 02 01 1']);
    expect(spaced.stderr).to.contain('odd number of hex digits at column 22');
    const bad = await runCli(['decode', 'a11a02zz01']);
    expect(bad.stderr).to.contain('unexpected "z" at column 7');
    const file = join(tmp, 'odd.txt');
    writeFileSync(file, 'a1 1a 02 01\n05 02 01 1\n');
    const fromFile = await runCli(['decode', file]);
    expect(fromFile.code).to.equal(1);
    expect(fromFile.stderr).to.contain('is text but not hex (odd number of hex digits at line 2, column 10');
    const missing = await runCli(['decode', 'captures/nothing-here.pcap']);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.contain('no such file: captures/nothing-here.pcap');
  });
});

describe('the progress bar', () => {
  it('shows rate and time left, and erases itself before each stdout write when stdout is the same terminal', async () => {
    let t = 0;
    const out = new MemoryOutput(true);
    const bar = new ProgressBar(out, 1000, { now: () => t, sharedTerminal: true });
    t = 1000;
    bar.update(250);
    expect(out.text()).to.equal('\r[#####               ] 25% 250/1000 packets, 250/s, ETA 0:03\x1b[K');
    bar.clear();
    expect(out.text().endsWith('\r\x1b[K')).to.equal(true);
    t = 1050;
    bar.update(260); // within 100 ms of the last draw: not redrawn
    expect(out.text().endsWith('\r\x1b[K')).to.equal(true);
  });

  it('csta decode never writes a stdout line while the bar is on the shared terminal', async () => {
    const conv = new TcpConversation({ addr: '10.1.1.1', port: 40000 }, { addr: '10.1.1.2', port: 7001 });
    const recs = [...conv.handshake()];
    const event = l16(frame('event.delivered.json'));
    for (let i = 0; i < 8000; i++) recs.push(...conv.send(1, event));
    const dir = mkdtempSync(join(tmpdir(), 'csta-bar-'));
    try {
      writeFileSync(join(dir, 'big.pcap'), writePcap(recs));
      const log: { stream: 'out' | 'err'; text: string }[] = [];
      const tty = (stream: 'out' | 'err'): Writable & { isTTY: boolean } =>
        Object.assign(
          new Writable({
            write(chunk: Buffer, _enc, cb) {
              log.push({ stream, text: chunk.toString('utf8') });
              cb();
            },
          }),
          { isTTY: true },
        );
      const code = await main(['decode', 'big.pcap', '--summary'], { stdout: tty('out'), stderr: tty('err'), cwd: dir });
      expect(code).to.equal(0);
      let barShown = false;
      let draws = 0;
      for (const e of log) {
        if (e.stream === 'err') {
          if (e.text.startsWith('\r[')) {
            barShown = true;
            draws++;
          } else if (e.text === '\r\x1b[K') barShown = false;
        } else {
          expect(barShown, 'stdout written over the bar').to.equal(false);
        }
      }
      expect(draws).to.be.greaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
