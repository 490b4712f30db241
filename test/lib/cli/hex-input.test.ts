/** Hex text parsing: the dump formats `csta decode` accepts. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../../../protocol/errors.js';
import { looksLikeHexText, parseHexText } from '../../../lib/cli/hex-input.js';
import { classify } from '../../../lib/cli/inputs.js';
import { REPO_ROOT, loadFrameFixtures } from '../../support/fixtures.js';

const HEXDUMPS = join(REPO_ROOT, 'fixtures', 'hexdumps');
const delivered = loadFrameFixtures().find((f) => f.file === 'event.delivered.json')!.bytes;
const deliveredL16 = Buffer.concat([Buffer.from([0, delivered.length]), delivered]);

describe('lib/cli hex input', () => {
  it('reads a bare hex string, spaced bytes, colons and a 0x prefix', () => {
    expect(parseHexText('a11a0201').toString('hex')).to.equal('a11a0201');
    expect(parseHexText('A1 1A 02 01').toString('hex')).to.equal('a11a0201');
    expect(parseHexText('a1:1a:02:01').toString('hex')).to.equal('a11a0201');
    expect(parseHexText('0xa11a').toString('hex')).to.equal('a11a');
  });

  it('drops -- and # comments and blank lines', () => {
    const text = '# a capture\na1 1a   -- ROSE invoke\n\n   02 01 01 -- invokeId 1\n';
    expect(parseHexText(text).toString('hex')).to.equal('a11a020101');
  });

  it('reads hexdump -C output, ignoring the ASCII column and the final offset line', () => {
    const bytes = parseHexText(readFileSync(join(HEXDUMPS, 'delivered.hexdump-C.txt'), 'utf8'));
    expect(bytes.toString('hex')).to.equal(deliveredL16.toString('hex'));
  });

  it('reads xxd output (two-byte groups)', () => {
    const bytes = parseHexText(readFileSync(join(HEXDUMPS, 'delivered.xxd.txt'), 'utf8'));
    expect(bytes.toString('hex')).to.equal(deliveredL16.toString('hex'));
  });

  it('reads the Wireshark hex dump layout, where an ASCII column may look like hex', () => {
    // Last line: 4 bytes "2000" whose ASCII column is the hex-looking token "2000".
    const text = ['0000   00 40 a1 3e 02 01 09 02 01 15 30 36 55 02 00 01   .@.>......06U...', '0010   32 30 30 30                                       2000'].join('\n');
    expect(parseHexText(text).toString('hex')).to.equal('0040a13e020109020115303655020001' + '32303030');
  });

  it('reads text2pcap input with direction markers, one dump per frame', () => {
    const bytes = parseHexText(readFileSync(join(REPO_ROOT, 'fixtures', 'captures', 'text2pcap-ber.txt'), 'utf8'));
    expect(bytes.subarray(0, 4).toString('hex')).to.equal('001ba119');
    expect(bytes.length).to.equal(29 + 27 + 16 + 14);
  });

  it('rejects text that is not hex with a BAD_SYNTAX DecodeError naming the line', () => {
    try {
      parseHexText('a1 1a\nhello world');
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(DecodeError);
      expect((e as DecodeError).code).to.equal('BAD_SYNTAX');
      expect((e as DecodeError).message).to.contain('line 2');
    }
    expect(() => parseHexText('-- only a comment')).to.throw(DecodeError);
  });

  it('tells hex text from binary BER and classifies file contents', () => {
    expect(looksLikeHexText(Buffer.from('a1 1a\n-- client→server\n'))).to.equal(true);
    expect(looksLikeHexText(delivered)).to.equal(false);
    expect(classify('x', delivered).kind).to.equal('binary');
    expect(classify('x', Buffer.from('a1 1a 02 01')).kind).to.equal('hex');
    expect(classify('x', Buffer.from('<?xml version="1.0"?><MonitorStart/>')).kind).to.equal('xml');
    expect(classify('x', readFileSync(join(REPO_ROOT, 'fixtures', 'captures', 'ber-call.pcap'))).kind).to.equal('capture');
  });
});
