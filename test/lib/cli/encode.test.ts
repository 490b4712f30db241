/** `csta encode`, and the decode → encode round trip over every golden frame. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAMES_DIR, loadFrameFixtures } from '../../support/fixtures.js';
import { runCli } from './run-cli.js';

const fixtures = loadFrameFixtures();

describe('csta encode', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-encode-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const fx of fixtures) {
    it(`${fx.file}: encode gives the golden bytes and decode gives the PDU back`, async () => {
      const enc = await runCli(['encode', join(FRAMES_DIR, fx.file)]);
      expect(enc.code, enc.stderr).to.equal(0);
      expect(enc.stdout).to.equal(`${fx.bytes.toString('hex')}\n`);
      const dec = await runCli(['decode', enc.stdout.trim(), '--ndjson']);
      expect(dec.code, dec.stderr).to.equal(0);
      expect((JSON.parse(dec.stdout) as { pdu: unknown }).pdu).to.deep.equal(fx.decoded);
    });
  }

  it('encodes decode --ndjson output read from stdin, with a length16 prefix, and as raw bytes', async () => {
    const picked = fixtures.filter((f) => /^(monitor-start|answer-call)\./.test(f.file));
    const hex = picked.map((f) => Buffer.concat([Buffer.from([0, f.bytes.length]), f.bytes]).toString('hex')).join('');
    const dec = await runCli(['decode', hex, '--ndjson']);
    const l16 = await runCli(['encode', '-', '--framing', 'length16'], { stdin: dec.stdout });
    expect(l16.code).to.equal(0);
    expect(l16.stdout.trim().split('\n').join('')).to.equal(hex);
    const bin = await runCli(['encode', '--binary', '--framing', 'length16'], { stdin: dec.stdout });
    expect(bin.stdoutBytes.toString('hex')).to.equal(hex);
  });

  it('encodes a --json array and a bare CstaPdu', async () => {
    const fx = fixtures.find((f) => f.file === 'make-call.invoke.json')!;
    const arr = await runCli(['decode', fx.bytes.toString('hex'), '--json']);
    const fromArray = await runCli(['encode'], { stdin: arr.stdout });
    expect(fromArray.stdout).to.equal(`${fx.bytes.toString('hex')}\n`);
    const path = join(tmp, 'pdu.json');
    writeFileSync(path, JSON.stringify(fx.decoded));
    const bare = await runCli(['encode', path]);
    expect(bare.stdout).to.equal(`${fx.bytes.toString('hex')}\n`);
  });

  it('encodes to CSTA-XML with the 8-byte header, which decode reads back', async () => {
    const fx = fixtures.find((f) => f.file === 'answer-call.invoke.json')!;
    const xml = await runCli(['encode', join(FRAMES_DIR, fx.file), '--framing', 'xml-header', '--binary']);
    expect(xml.code, xml.stderr).to.equal(0);
    const bytes = xml.stdoutBytes;
    expect(bytes.readUInt16BE(0)).to.equal(0);
    expect(bytes.readUInt16BE(2)).to.equal(bytes.length);
    const path = join(tmp, 'answer.xmlframe');
    writeFileSync(path, bytes);
    const dec = await runCli(['decode', path, '--ndjson']);
    expect(dec.code, dec.stderr).to.equal(0);
    expect((JSON.parse(dec.stdout) as { encoding: string; pdu: unknown })).to.deep.include({ encoding: 'xml', pdu: fx.decoded });
  });

  it('fails with exit 1 and the encoder error for a PDU that does not fit the schema', async () => {
    const bad = await runCli(['encode'], { stdin: JSON.stringify({ pdu: 'invoke', invokeId: 1, operation: 'answerCall', argument: { callToBeAnswered: 7 } }) });
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/^csta: EncodeError (BAD_VALUE|MISSING_FIELD): /);
    const notPdu = await runCli(['encode'], { stdin: '{"hello": 1}' });
    expect(notPdu.code).to.equal(1);
    expect(notPdu.stderr).to.contain('not a CSTA PDU');
  });
});
