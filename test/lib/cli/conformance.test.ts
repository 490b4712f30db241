/** `csta replay` and `csta conformance` over fixtures/traces. */
import { expect } from 'chai';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CstaEvent } from '../../../lib/session/events.js';
import { lineDiff } from '../../../lib/cli/line-diff.js';
import { REPO_ROOT, loadFrameFixtures } from '../../support/fixtures.js';
import { runCli } from './run-cli.js';

const TRACES = join(REPO_ROOT, 'fixtures', 'traces');
const traceNames = readdirSync(TRACES).sort();

describe('csta replay / conformance', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-traces-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('has traces in BER pcap, hex dump and XML pcapng form', () => {
    expect(traceNames).to.include.members(['ber-inbound-call', 'ber-inbound-call-hexdump', 'xml-call']);
  });

  it('the BER traces decode to the golden frames they were assembled from', () => {
    const decoded = new Map(loadFrameFixtures().map((f) => [f.file, f.decoded]));
    const flow = [
      'monitor-start.invoke.json',
      'monitor-start.result.json',
      'event.delivered.json',
      'event.established.json',
      'event.connectionCleared.json',
      'event.callCleared.json',
      'monitor-stop.invoke.json',
      'monitor-stop.result.json',
    ];
    for (const name of ['ber-inbound-call', 'ber-inbound-call-hexdump']) {
      const lines = readFileSync(join(TRACES, name, 'expected-decode.ndjson'), 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { pdu: unknown }).pdu)).to.deep.equal(flow.map((f) => decoded.get(f)));
    }
  });

  it('conformance passes on fixtures/traces', async () => {
    const run = await runCli(['conformance', 'fixtures/traces']);
    expect(run.stdout).to.contain(`${traceNames.length} passed, 0 failed`);
    expect(run.code, run.stdout).to.equal(0);
  });

  it('expected-decode.ndjson is exactly what decode --ndjson --brief prints', async () => {
    const run = await runCli(['decode', 'fixtures/traces/ber-inbound-call/trace.pcap', '--ndjson', '--brief']);
    expect(run.stdout).to.equal(readFileSync(join(TRACES, 'ber-inbound-call', 'expected-decode.ndjson'), 'utf8'));
  });

  it('replay feeds each event to the mapper with the device its monitorStart named', async () => {
    const calls: [string, string][] = [];
    const mapper = {
      map: (device: string, e: CstaEvent): string[] => {
        calls.push([device, e.type]);
        return [`${device}:${e.type}`];
      },
    };
    const run = await runCli(['replay', 'fixtures/traces/ber-inbound-call'], { deps: { createMapper: () => mapper } });
    expect(run.code).to.equal(0);
    expect(calls).to.deep.equal([
      ['2000', 'delivered'],
      ['2000', 'established'],
      ['2000', 'connectionCleared'],
      ['2000', 'callCleared'],
    ]);
    expect(run.stdout).to.equal(calls.map(([d, t]) => `"${d}:${t}"\n`).join(''));
  });

  it('replay prints the Pega events of expected-pega.json as JSON lines', async () => {
    for (const name of traceNames) {
      const run = await runCli(['replay', `fixtures/traces/${name}`]);
      expect(run.code).to.equal(0);
      const expected = JSON.parse(readFileSync(join(TRACES, name, 'expected-pega.json'), 'utf8')) as unknown[];
      expect(expected.length).to.be.greaterThan(0);
      expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).to.deep.equal(expected);
    }
  });

  it('replay warns about events whose crossRefIdentifier no monitorStart announced', async () => {
    const dir = join(tmp, 'orphan');
    const fx = loadFrameFixtures().find((f) => f.file === 'event.delivered.json')!;
    cpSync(join(TRACES, 'ber-inbound-call'), dir, { recursive: true });
    rmSync(join(dir, 'trace.pcap'));
    writeFileSync(join(dir, 'trace.hex'), fx.bytes.toString('hex'));
    const run = await runCli(['replay', dir]);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.contain('frame 1: event for crossRefIdentifier 0001 with no monitorStart result before it');
  });

  it('conformance fails with a readable diff when an expectation differs, and --update fixes it', async () => {
    cpSync(TRACES, tmp, { recursive: true });
    const target = join(tmp, 'ber-inbound-call');
    const decodePath = join(target, 'expected-decode.ndjson');
    const original = readFileSync(decodePath, 'utf8');
    writeFileSync(decodePath, original.replace('"dialingNumber":"1000"', '"dialingNumber":"1999"'));
    const pegaPath = join(target, 'expected-pega.json');
    writeFileSync(pegaPath, readFileSync(pegaPath, 'utf8').replace('"Alerting"', '"Ringing"'));

    const run = await runCli(['conformance', tmp]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('FAIL ber-inbound-call\n');
    expect(run.stdout).to.contain(`${traceNames.length - 1} passed, 1 failed`);
    expect(run.stdout).to.contain('--- ber-inbound-call/expected-decode.ndjson');
    expect(run.stdout).to.match(/^-.*"dialingNumber":"1999"/m);
    expect(run.stdout).to.match(/^\+.*"dialingNumber":"1000"/m);
    expect(run.stdout).to.contain('-    "pyEventName": "Ringing",');
    expect(run.stdout).to.contain('+    "pyEventName": "Alerting",');

    const update = await runCli(['conformance', tmp, '--update']);
    expect(update.code).to.equal(0);
    expect(readFileSync(decodePath, 'utf8')).to.equal(original);
    expect((await runCli(['conformance', tmp])).code).to.equal(0);
  });

  it('line diff shows context around the changed lines', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const b = ['1', '2', '3', '4', 'five', '6', '7', '8'].join('\n');
    expect(lineDiff(a, b, 'a', 'b')).to.equal(['--- a', '+++ b', '@@ line 3 of a, line 3 of b @@', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ''].join('\n'));
    expect(lineDiff(a, a)).to.equal('');
  });
});
