/** The schema-annotated BER tree behind `csta decode`'s default output. */
import { expect } from 'chai';
import fc from 'fast-check';
import { annotatePdu } from '../../../lib/cli/annotate.js';
import type { AnnotatedNode } from '../../../lib/cli/annotate.js';
import { BerReader } from '../../../protocol/ber/reader.js';
import { loadFrameFixtures } from '../../support/fixtures.js';
import { streamFrames } from '../../../lib/cli/frames.js';

const fixtures = loadFrameFixtures();
const byName = (file: string): Buffer => fixtures.find((f) => f.file === file)!.bytes;

function* walk(nodes: readonly AnnotatedNode[]): Generator<AnnotatedNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/** Checks that each node is one whole TLV of `bytes` and its children tile its contents. */
function checkGeometry(bytes: Buffer, nodes: readonly AnnotatedNode[], start: number, end: number): void {
  let pos = start;
  for (const n of nodes) {
    expect(n.offset, `${n.name} starts where its predecessor ended`).to.equal(pos);
    const r = new BerReader(bytes);
    r.header(n.offset, end);
    expect(r.next - r.hdr, `${n.name} covers its whole TLV`).to.equal(n.length);
    if (n.children.length > 0) checkGeometry(bytes, n.children, r.start, r.end);
    pos = n.offset + n.length;
  }
  expect(pos, 'children cover the contents').to.equal(end);
}

describe('lib/cli annotate', () => {
  for (const fx of fixtures) {
    it(`${fx.file}: every element is placed by the schema and the offsets tile the bytes`, () => {
      const tree = annotatePdu(fx.bytes);
      expect(tree).to.have.length(1);
      checkGeometry(fx.bytes, tree, 0, fx.bytes.length);
      const unplaced = [...walk(tree)].filter((n) => n.unplaced === true);
      expect(unplaced.map((n) => `${n.name}: ${n.value ?? ''}`)).to.deep.equal([]);
    });
  }

  it('names fields with their ASN.1 identifiers and decodes values (delivered)', () => {
    const nodes = [...walk(annotatePdu(byName('event.delivered.json')))];
    const find = (name: string): AnnotatedNode => nodes.find((n) => n.name === name)!;
    expect(find('invokeId')).to.include({ offset: 2, length: 3, value: '9' });
    expect(find('opcode')).to.include({ offset: 5, length: 3, value: '21 (cSTAEventReport)' });
    expect(find('delivered')).to.include({ offset: 16, length: 48, type: 'DeliveredEvent' });
    expect(find('localConnectionInfo')).to.include({ offset: 58, length: 3, value: 'alerting (2)' });
    expect(find('cause')).to.include({ offset: 61, length: 3, value: 'newCall (22)' });
    const numbers = nodes.filter((n) => n.name === 'deviceIdentifier.dialingNumber').map((n) => [n.offset, n.value]);
    expect(numbers).to.deep.equal([
      [28, '"2000"'],
      [38, '"1000"'],
      [48, '"2000"'],
    ]);
  });

  it('shows a printable OCTET STRING as text and hex', () => {
    // established carries correlatorData 'c0ffee'H (not printable) and callID '002a'H.
    const nodes = [...walk(annotatePdu(byName('event.established.json')))];
    expect(nodes.find((n) => n.name === 'correlatorData')?.value).to.equal('c0ffee');
    // Change callID 00 2a to "AB": printable, shown as text with its hex.
    const bytes = Buffer.from(byName('event.delivered.json'));
    bytes[22] = 0x41;
    bytes[23] = 0x42;
    const callID = [...walk(annotatePdu(bytes))].find((n) => n.name === 'callID');
    expect(callID?.value).to.equal('"AB" (4142)');
  });

  it('keeps an element the schema cannot place as [tag] <hex> and goes on', () => {
    // monitorStart invoke with an extra [PRIVATE 5] element appended inside MonitorStartArgument.
    const base = byName('monitor-start.invoke.json');
    const extra = Buffer.from('c50107', 'hex');
    const bytes = Buffer.concat([base, extra]);
    bytes[1]! += 3; // invoke length
    bytes[9]! += 3; // MonitorStartArgument length
    const nodes = [...walk(annotatePdu(bytes))];
    const raw = nodes.find((n) => n.name === '[PRIVATE 5]');
    expect(raw).to.include({ offset: base.length, length: 3, value: 'c50107', unplaced: true });
    expect(nodes.find((n) => n.name === 'monitorType')?.value).to.equal('device (1)');
  });

  it('reports a header that runs past the frame as <error> without failing the frame', () => {
    const bytes = Buffer.from(byName('monitor-start.invoke.json'));
    bytes[3] = 0x7f; // invokeId length 127: overruns the invoke
    const tree = annotatePdu(bytes);
    const names = [...walk(tree)].map((n) => n.name);
    expect(names[0]).to.equal('invoke');
    const err = [...walk(tree)].find((n) => n.name === '<error>');
    expect(err?.offset).to.equal(2);
    expect(err?.value).to.contain('127 bytes announced');
    expect(err?.unplaced).to.equal(true);
  });

  it('never throws on mutated or truncated frames, and its nodes stay inside the frame', () => {
    const frames = fixtures.map((f) => f.bytes);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: frames.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
        (which, flips, cut) => {
          const bytes = Buffer.from(frames[which]!);
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          const input = bytes.subarray(0, bytes.length - (cut % 4));
          for (const n of walk(annotatePdu(input))) {
            expect(n.offset).to.be.at.least(0);
            expect(n.offset + n.length).to.be.at.most(input.length);
          }
          // The frame pipeline reports instead of throwing, whatever the bytes.
          for (const f of streamFrames(input, {})) expect(f.pdu !== undefined || f.error !== undefined).to.equal(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('annotates bytes that are not a PDU as raw', () => {
    const tree = annotatePdu(Buffer.from('0403414243', 'hex'));
    expect(tree[0]).to.include({ name: '[UNIVERSAL 4]', offset: 0, length: 5 });
    expect(tree[0]!.value).to.contain('not a ROSE or ACSE PDU');
  });
});
