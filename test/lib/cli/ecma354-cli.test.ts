/** `csta encode` / `csta decode` with ECMA-354 application session messages (XML only). */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { REPO_ROOT } from '../../support/fixtures.js';

describe('csta encode/decode: ECMA-354 messages', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'csta-354-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const fixture = (name: string): { pdu: unknown } => JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/ecma354', name), 'utf8')) as { pdu: unknown };

  it('refuses BER with a typed EncodeError (no BER form), printed by the CLI', async () => {
    const path = join(tmp, 'reset.json');
    writeFileSync(path, JSON.stringify(fixture('reset-timer.json').pdu));
    const r = await runCli(['encode', path]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^csta: EncodeError UNKNOWN_OPERATION: .*resetApplicationSessionTimer.*no BER form/);
  });

  it('encodes XML with the 8-byte header, and decodes it back to the same PDU', async () => {
    const path = join(tmp, 'start.json');
    const { pdu } = fixture('avaya-start.json');
    writeFileSync(path, JSON.stringify(pdu));
    const enc = await runCli(['encode', path, '--framing', 'xml-header']);
    expect(enc.code, enc.stderr).to.equal(0);
    const hex = enc.stdout.trim();
    expect(Buffer.from(hex, 'hex').subarray(8).toString('utf8')).to.contain('<StartApplicationSession xmlns="http://www.ecma-international.org/standards/ecma-354/appl_session">');
    const dec = await runCli(['decode', hex, '--ndjson', '--framing', 'xml-header']);
    expect(dec.code, dec.stderr).to.equal(0);
    const record = JSON.parse(dec.stdout) as { pdu: unknown; message: string };
    expect(record.message).to.equal('StartApplicationSession');
    expect(record.pdu).to.deep.equal(pdu);
  });
});
