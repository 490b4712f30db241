/** `csta decode --port` on captures, and the report of streams in which nothing decoded as CSTA. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFrameFixtures } from '../../support/fixtures.js';
import { TcpConversation, writePcap } from '../../support/pcap-writer.js';
import type { Rec } from '../../support/pcap-writer.js';
import { runCli } from './run-cli.js';

const fixtures = loadFrameFixtures();
const frame = (file: string): Buffer => fixtures.find((f) => f.file === file)!.bytes;
const l16 = (b: Buffer): Buffer => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
const streamsOf = (stdout: string): number[] =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { stream: number }).stream);

/** Stream 0: CSTA on 7001; stream 1: HTTP on 80; stream 2: CSTA on 7002. */
function threeStreams(): Buffer {
  const csta = new TcpConversation({ addr: '10.1.1.1', port: 40000 }, { addr: '10.1.1.2', port: 7001 });
  const http = new TcpConversation({ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.4', port: 80 }, { startNs: 1_700_000_000_100_000_000n });
  const other = new TcpConversation({ addr: '10.1.1.5', port: 40002 }, { addr: '10.1.1.6', port: 7002 }, { startNs: 1_700_000_000_200_000_000n });
  const recs: Rec[] = [
    ...csta.handshake(),
    ...csta.send(1, l16(frame('event.delivered.json'))),
    ...http.handshake(),
    ...http.send(0, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')),
    ...other.handshake(),
    ...other.send(1, l16(frame('event.established.json'))),
    csta.fin(0),
    csta.fin(1),
    http.fin(0),
    http.fin(1),
    other.fin(0),
    other.fin(1),
  ];
  return writePcap(recs);
}

describe('csta decode --port and skipped streams', () => {
  let tmp: string;
  let path: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-decode-ports-'));
    path = join(tmp, 'three.pcap');
    writeFileSync(path, threeStreams());
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('without --port decodes every CSTA stream and reports the non-CSTA one on stderr, one line', async () => {
    const run = await runCli(['decode', path, '--ndjson']);
    expect(run.code).to.equal(0);
    expect(streamsOf(run.stdout)).to.deep.equal([0, 2]);
    expect(run.stderr).to.equal('skipped: stream 1 10.1.1.3:40001 -> 10.1.1.4:80 (27 bytes): no CSTA encoding recognised\n');
  });

  it('--port keeps only the streams with that port, and reports nothing about the ones filtered out', async () => {
    const one = await runCli(['decode', path, '--ndjson', '--port', '7001']);
    expect(one.code).to.equal(0);
    expect(streamsOf(one.stdout)).to.deep.equal([0]);
    expect(one.stderr).to.equal('');
    const two = await runCli(['decode', path, '--ndjson', '--port', '7002', '--port', '7001']);
    expect(streamsOf(two.stdout)).to.deep.equal([0, 2]);
    expect(two.stderr).to.equal('');
    const web = await runCli(['decode', path, '--ndjson', '--port', '80']);
    expect(web.stdout).to.equal('');
    expect(web.stderr).to.contain('skipped: stream 1 10.1.1.3:40001 -> 10.1.1.4:80');
  });

  it('reports a stream whose frames were all found but none decoded', async () => {
    const conv = new TcpConversation({ addr: '10.2.2.1', port: 41000 }, { addr: '10.2.2.2', port: 7001 });
    // A ROSE invoke (a1 ..) whose operation value is not an INTEGER: framed as BER, does not decode.
    const bad = Buffer.from('a1080201010401ff0400', 'hex');
    const p = join(tmp, 'bad.pcap');
    writeFileSync(p, writePcap([...conv.handshake(), ...conv.send(1, l16(bad)), conv.fin(0), conv.fin(1)]));
    const run = await runCli(['decode', p, '--ndjson']);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain('skipped: stream 0 10.2.2.1:41000 -> 10.2.2.2:7001 (12 bytes): none of its 1 frames decoded\n');
  });

  it('rejects a port that is not 1..65535', async () => {
    for (const bad of ['0', '65536', 'x', '0x50', '']) {
      const run = await runCli(['decode', path, '--port', bad]);
      expect(run.code, `--port ${JSON.stringify(bad)}`).to.equal(2);
      expect(run.stderr).to.contain('a port is an integer from 1 to 65535');
    }
  });
});
