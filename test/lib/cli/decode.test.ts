/** `csta decode`: inputs, output forms, bad frames and exit codes. */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, loadFrameFixtures } from '../../support/fixtures.js';
import { TcpConversation, writePcap } from '../../support/pcap-writer.js';
import { runCli } from './run-cli.js';

const fixtures = loadFrameFixtures();
const frame = (file: string): Buffer => fixtures.find((f) => f.file === file)!.bytes;
const decoded = (file: string): unknown => fixtures.find((f) => f.file === file)!.decoded;
const l16 = (b: Buffer): Buffer => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);

/** Parses --ndjson output. */
function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('csta decode', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-decode-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('decodes a hex string argument into an annotated tree with offsets that match the bytes', async () => {
    const bytes = frame('event.delivered.json');
    const run = await runCli(['decode', bytes.toString('hex')]);
    expect(run.code).to.equal(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).to.equal('Frame 1: 64 bytes at offset 0 (ber)');
    expect(lines).to.include('     0     64  invoke (ROSE Invoke)');
    expect(lines).to.include('     2      3    invokeId: 9');
    expect(lines).to.include('     5      3    opcode: 21 (cSTAEventReport)');
    expect(lines).to.include('    10      4      crossRefIdentifier: 0001');
    expect(lines).to.include('    16     48        delivered (DeliveredEvent)');
    expect(lines).to.include('    28      6              deviceIdentifier.dialingNumber: "2000"');
    expect(lines).to.include('    58      3          localConnectionInfo: alerting (2)');
    // The offsets point at the bytes they describe.
    expect(bytes.subarray(28, 34).toString('hex')).to.equal('800432303030');
    expect(bytes.subarray(58, 61).toString('hex')).to.equal('4e0102');
    expect(bytes.subarray(10, 14).toString('hex')).to.equal('55020001');
  });

  it('decodes a hex dump file with offsets and an ASCII column (hexdump -C)', async () => {
    const run = await runCli(['decode', 'fixtures/hexdumps/delivered.hexdump-C.txt', '--ndjson']);
    expect(run.code).to.equal(0);
    const [r] = records(run.stdout);
    expect(r).to.deep.include({ index: 1, offset: 0, length: 66, encoding: 'ber' });
    expect(r!.pdu).to.deep.equal(decoded('event.delivered.json'));
  });

  it('decodes a binary file of several length16-framed frames', async () => {
    const files = ['monitor-start.invoke.json', 'monitor-start.result.json', 'event.established.json'];
    const path = join(tmp, 'frames.bin');
    writeFileSync(path, Buffer.concat(files.map((f) => l16(frame(f)))));
    const run = await runCli(['decode', path, '--ndjson']);
    expect(run.code).to.equal(0);
    const rs = records(run.stdout);
    expect(rs.map((r) => r.pdu)).to.deep.equal(files.map(decoded));
    const lengths = files.map((f) => frame(f).length + 2);
    expect(rs.map((r) => r.offset)).to.deep.equal([0, lengths[0], lengths[0]! + lengths[1]!]);
    expect(rs.map((r) => r.length)).to.deep.equal(lengths);
  });

  it('numbers frames across several inputs, each with its own offsets', async () => {
    const a = frame('hold-call.invoke.json').toString('hex');
    const b = frame('retrieve-call.invoke.json').toString('hex');
    const run = await runCli(['decode', a, b, '--ndjson']);
    expect(run.code).to.equal(0);
    expect(records(run.stdout).map((r) => [r.index, r.offset, (r.pdu as { operation: string }).operation])).to.deep.equal([
      [1, 0, 'holdCall'],
      [2, 0, 'retrieveCall'],
    ]);
  });

  it('reads standard input for "-" and for no input at all', async () => {
    const hex = frame('answer-call.invoke.json').toString('hex');
    for (const argv of [['decode', '-', '--ndjson'], ['decode', '--ndjson']]) {
      const run = await runCli(argv, { stdin: `${hex}\n` });
      expect(run.code).to.equal(0);
      expect(records(run.stdout)[0]!.pdu).to.deep.equal(decoded('answer-call.invoke.json'));
    }
  });

  it('decodes a pcap capture with direction, timestamp and stream', async () => {
    const run = await runCli(['decode', 'fixtures/captures/ber-call.pcap', '--ndjson']);
    expect(run.code).to.equal(0);
    const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'captures', 'ber-call.expected.json'), 'utf8')) as {
      frames: { direction: string; streamId: number; pdu: unknown; timestampNs: string }[];
    };
    const rs = records(run.stdout);
    expect(rs).to.have.length(expected.frames.length);
    rs.forEach((r, i) => {
      const e = expected.frames[i]!;
      expect(r.index).to.equal(i + 1);
      expect(r.direction).to.equal(e.direction);
      expect(r.stream).to.equal(e.streamId);
      expect(r.pdu).to.deep.equal(e.pdu);
      // ISO time with nanoseconds: same instant as timestampNs.
      const ts = r.timestamp as string;
      const ns = BigInt(Date.parse(ts.replace(/\.\d+Z$/, 'Z'))) * 1_000_000n + BigInt(ts.match(/\.(\d{9})Z$/)![1]!);
      expect(ns.toString()).to.equal(e.timestampNs);
    });
  });

  it('decodes a pcapng capture of CSTA-XML and prints element trees', async () => {
    const run = await runCli(['decode', 'fixtures/captures/xml-call.pcapng']);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.contain('(xml, 8-byte prefix), client→server, stream 0');
    expect(run.stdout).to.contain('  <MonitorStart> (invoke, monitorStart)');
    expect(run.stdout).to.contain('            dialingNumber: "2000"');
  });

  it('reports a bad frame with class, code, offset and expected/found, decodes the next ones and exits 1', async () => {
    const run = await runCli(['decode', 'fixtures/hexdumps/bad-frame-in-middle.hex']);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('Frame 2: 66 bytes at offset 29 (ber, 2-byte prefix)');
    expect(run.stdout).to.contain('  ERROR DecodeError UNEXPECTED_TAG at offset 2 (expected 02|05, found 04): unexpected tag for invokeId');
    // The broken frame still gets its tree, with the bad element kept raw.
    expect(run.stdout).to.contain('     2      3    invokeId [UNIVERSAL 4]: 040109 (expected INTEGER or NULL)');
    expect(run.stdout).to.contain('Frame 3: 27 bytes at offset 95 (ber, 2-byte prefix)');
    expect(run.stdout).to.contain('    22      3        monitorExistingCalls: TRUE');
    expect(run.stderr).to.contain('1 of 3 frames failed to decode');

    const nd = await runCli(['decode', 'fixtures/hexdumps/bad-frame-in-middle.hex', '--ndjson']);
    expect(nd.code).to.equal(1);
    const rs = records(nd.stdout);
    expect(rs.map((r) => (r.pdu as { operation?: string } | undefined)?.operation)).to.deep.equal(['monitorStart', undefined, 'monitorStart']);
    expect(rs[1]!.error).to.deep.include({ class: 'DecodeError', code: 'UNEXPECTED_TAG', offset: 2, expected: '02|05', found: '04' });
    expect(nd.stderr).to.contain('error: frame 2 at offset 29: DecodeError UNEXPECTED_TAG');
  });

  it('reports a truncated last frame and input that is nothing', async () => {
    const bytes = l16(frame('answer-call.invoke.json'));
    const run = await runCli(['decode', bytes.subarray(0, bytes.length - 3).toString('hex'), '--ndjson']);
    expect(run.code).to.equal(1);
    expect(records(run.stdout)[0]!.error).to.deep.include({ code: 'TRUNCATED' });
    const bad = await runCli(['decode', 'no-such-file-or-hex']);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain('is not a file, "-" or a hex string');
  });

  it('honours --framing and --encoding', async () => {
    const pdu = frame('hold-call.invoke.json');
    const l32 = Buffer.concat([Buffer.from([0, 0, 0, pdu.length]), pdu]);
    const forced = await runCli(['decode', l32.toString('hex'), '--framing', 'length32', '--ndjson']);
    expect(forced.code).to.equal(0);
    expect(records(forced.stdout)[0]).to.deep.include({ length: pdu.length + 4, pdu: decoded('hold-call.invoke.json') });
    // Forcing the wrong framing makes the frame fail instead of guessing.
    const wrong = await runCli(['decode', l32.toString('hex'), '--framing', 'ber', '--ndjson']);
    expect(wrong.code).to.equal(1);
    const usage = await runCli(['decode', '--framing', 'tpkt', 'a1']);
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.contain('tpkt');
  });

  it('--json prints one array of records with the documented fields', async () => {
    const files = ['make-call.invoke.json', 'make-call.error.json'];
    const hex = Buffer.concat(files.map((f) => l16(frame(f)))).toString('hex');
    const run = await runCli(['decode', hex, '--json']);
    expect(run.code).to.equal(0);
    const arr = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(arr).to.have.length(2);
    expect(Object.keys(arr[0]!)).to.deep.equal(['index', 'offset', 'length', 'encoding', 'message', 'hex', 'pdu']);
    expect(arr[0]!.hex).to.equal(frame(files[0]!).toString('hex'));
    expect(arr.map((r) => r.message)).to.deep.equal(['MakeCall', 'CSTAErrorCode']);
    expect(arr.map((r) => r.pdu)).to.deep.equal(files.map(decoded));
    const empty = await runCli(['decode', '--json'], { stdin: '' });
    expect(empty.stdout).to.equal('[]\n');
  });

  it('draws a progress bar on a terminal stderr for a capture over 1 MB, and none otherwise', async () => {
    const conv = new TcpConversation({ addr: '10.1.1.1', port: 40000 }, { addr: '10.1.1.2', port: 7001 });
    const recs = [...conv.handshake()];
    const event = l16(frame('event.delivered.json'));
    const n = 8000;
    for (let i = 0; i < n; i++) recs.push(...conv.send(1, event));
    const path = join(tmp, 'big.pcap');
    writeFileSync(path, writePcap(recs));
    expect(statSync(path).size).to.be.greaterThan(1 << 20);
    const tty = await runCli(['decode', path, '--ndjson'], { stderrIsTTY: true });
    expect(tty.code).to.equal(0);
    expect(tty.stdout.trim().split('\n')).to.have.length(n);
    expect(tty.stderr).to.match(new RegExp(`\\r\\[#{20}\\] 100% ${n + 3}/${n + 3} packets, [0-9.]+[kM]?/s`));
    expect(tty.stderr).to.match(/\r\[ {20}\] 0% \d+\/8003 packets/);
    expect(tty.stderr.endsWith('\r\x1b[K'), 'the bar is erased at the end').to.equal(true);
    const pipe = await runCli(['decode', path, '--ndjson']);
    expect(pipe.stderr).to.equal('');
  });

  it('runs as a child process through bin/csta.js', async () => {
    const hex = frame('answer-call.invoke.json').toString('hex');
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'csta.js'), 'decode', hex, '--ndjson'], { cwd: REPO_ROOT });
    expect(records(stdout)[0]!.pdu).to.deep.equal(decoded('answer-call.invoke.json'));
    try {
      await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'csta.js'), 'decode', 'a119040105'], { cwd: REPO_ROOT });
      expect.fail('should exit 1');
    } catch (e) {
      expect((e as { code?: number }).code).to.equal(1);
    }
  });
});
