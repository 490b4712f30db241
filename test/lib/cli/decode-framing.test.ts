/**
 * `csta decode` and `csta encode` with the vendor framings: Siemens HiPath (BER behind `26` + a
 * 15-bit length) and NUL-terminated XML (Uni-tel), detected without `--framing` and forced with it.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAMES_DIR, loadFrameFixtures } from '../../support/fixtures.js';
import { frameBer } from '../../../protocol/framing/ber-framing.js';
import { runCli } from './run-cli.js';

const fixtures = loadFrameFixtures();
const fx = (name: string): (typeof fixtures)[number] => fixtures.find((f) => f.file === name)!;
const records = (ndjson: string): Record<string, unknown>[] =>
  ndjson
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('csta decode/encode with the HiPath and NUL-terminated XML framings', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-framing-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('decodes HiPath frames, detected and forced; a forced wrong framing fails instead of guessing', async () => {
    const names = ['system-status.invoke.json', 'event.delivered.json', 'answer-call.invoke.json'];
    const hex = Buffer.concat(names.map((n) => Buffer.from(frameBer('hipath', fx(n).bytes)))).toString('hex');
    for (const args of [[], ['--framing', 'hipath']]) {
      const run = await runCli(['decode', hex, '--ndjson', ...args]);
      expect(run.code, run.stderr).to.equal(0);
      const recs = records(run.stdout);
      expect(recs.map((r) => r.pdu)).to.deep.equal(names.map((n) => fx(n).decoded));
      expect(recs.map((r) => r.offset)).to.deep.equal([0, fx(names[0]!).bytes.length + 3, fx(names[0]!).bytes.length + fx(names[1]!).bytes.length + 6]);
    }
    const wrong = await runCli(['decode', hex, '--ndjson', '--framing', 'length16']);
    expect(wrong.code).to.equal(1);
  });

  it('encode --framing hipath writes what decode reads back', async () => {
    const f = fx('answer-call.invoke.json');
    const enc = await runCli(['encode', join(FRAMES_DIR, f.file), '--framing', 'hipath']);
    expect(enc.code, enc.stderr).to.equal(0);
    const hex = enc.stdout.trim();
    expect(hex).to.equal(`26${(0x8000 | f.bytes.length).toString(16)}${f.bytes.toString('hex')}`);
    const dec = await runCli(['decode', hex, '--ndjson']);
    expect(dec.code, dec.stderr).to.equal(0);
    expect(records(dec.stdout)[0]).to.deep.include({ offset: 0, length: f.bytes.length + 3, pdu: f.decoded });
  });

  it('a bad header in the middle costs the bytes up to the next frame, not the rest of the input', async () => {
    const names = ['system-status.invoke.json', 'event.delivered.json', 'answer-call.invoke.json'];
    const bad = Buffer.from('0009a103020101ffffffff', 'hex'); // prefix 9, a 5-byte PDU behind it
    const good = names.map((n) => Buffer.from(frameBer('length16', fx(n).bytes)));
    const hex = Buffer.concat([good[0]!, bad, good[1]!, good[2]!]).toString('hex');
    const run = await runCli(['decode', hex, '--ndjson', '--framing', 'length16']);
    expect(run.code).to.equal(1);
    const recs = records(run.stdout);
    expect(recs.map((r) => (r.error as { code?: string } | undefined)?.code ?? 'ok')).to.deep.equal(['ok', 'BAD_LENGTH', 'ok', 'ok']);
    expect(recs[1]).to.deep.include({ offset: good[0]!.length, length: bad.length });
    expect(recs.slice(2).map((r) => r.pdu)).to.deep.equal(names.slice(1).map((n) => fx(n).decoded));
  });

  it('encode --framing xml-nul writes NUL-terminated documents that decode detects and reads', async () => {
    const names = ['answer-call.invoke.json', 'hold-call.invoke.json'];
    const parts: Buffer[] = [];
    for (const n of names) {
      const enc = await runCli(['encode', join(FRAMES_DIR, n), '--framing', 'xml-nul', '--binary']);
      expect(enc.code, enc.stderr).to.equal(0);
      expect(enc.stdoutBytes[enc.stdoutBytes.length - 1]).to.equal(0);
      expect(enc.stdoutBytes.subarray(0, -1).includes(0)).to.equal(false);
      parts.push(enc.stdoutBytes);
    }
    const path = join(tmp, 'unitel.bin');
    writeFileSync(path, Buffer.concat(parts));
    for (const args of [[], ['--framing', 'xml-nul'], ['--framing', 'xml']]) {
      const dec = await runCli(['decode', path, '--ndjson', ...args]);
      expect(dec.code, `${args.join(' ')}: ${dec.stderr}${dec.stdout}`).to.equal(0);
      const recs = records(dec.stdout);
      expect(recs.map((r) => r.encoding)).to.deep.equal(['xml', 'xml']);
      expect(recs.map((r) => (r.pdu as { operation?: string }).operation)).to.deep.equal(names.map((n) => (fx(n).decoded as { operation: string }).operation));
    }
  });
});
