/**
 * The vendor-dialect corpus (fixtures/vendors/, README.md there): messages written for this project
 * in the shapes real PBXs send (OpenScape Voice and Business, Avaya AES DMCC, Zultys MX,
 * Uni-tel/Asterisk, snom, Microsoft RCC, Siemens HiPath BER). For every fixture:
 *
 * - it decodes, every frame, to its golden `<name>.json`, and the golden is exactly what
 *   `csta decode --profile <vendor> [--framing xml] --json --brief FILE` prints;
 * - every identifier an XML message carries (callID, deviceID, monitorCrossRefID, sessionID, ...)
 *   is in the decoded value exactly as written, and the message is named by its root element;
 * - the decoded value encodes back (`csta decode --json | csta encode`): a BER PDU to the very
 *   bytes it came from (the BER codec is byte-faithful), the whole input included; a vendor XML
 *   PDU to its document byte for byte; a typed XML message to a document that decodes to the same
 *   value and still carries every text of the original (the XML encoder writes its own layout,
 *   namespace declarations and element order, so byte identity is not something it can promise).
 *
 * Goldens are written by scripts/update-vendor-goldens.ts from the current decoder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { expect } from 'chai';
import { SaxesParser } from 'saxes';
import { encodeFramed, pdusFromJson } from '../../lib/cli/encode-command.js';
import type { FrameResult } from '../../lib/cli/frames.js';
import { frameRecord } from '../../lib/cli/render.js';
import type { FrameRecord } from '../../lib/cli/render.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { vendorProfile } from '../../protocol/profiles/index.js';
import { decodeXml, encodeXml } from '../../protocol/xml/index.js';
import { VENDOR_DIR, cliCommandFor, decodeFixtureFrames, goldenText, loadVendorFixtures } from '../../fixtures/vendors/vendor-fixtures.js';
import type { VendorFixture } from '../../fixtures/vendors/vendor-fixtures.js';
import { runCli } from '../lib/cli/run-cli.js';

/** The three checks each fixture gets. */
type Check = 'decode' | 'identifiers' | 'roundTrip';

/**
 * Checks the codec cannot pass yet, per fixture (path → check → reason): dialect classes the
 * XML/BER decoder is still being extended for. Each entry goes when the codec learns the class.
 */
const PENDING: Readonly<Record<string, Partial<Record<Check, string>>>> = {};

const fixtures = loadVendorFixtures();

// ---------------------------------------------------------------------------------------------
// An independent look at the XML (saxes directly, not the codec's own reader).

interface Leaf {
  /** Local name of the element. */
  readonly name: string;
  /** Its text, trimmed. */
  readonly text: string;
}

/** `name="value"` of every attribute below the root (the root's are namespace and schema declarations). */
type Attr = string;

interface OracleElement {
  readonly name: string;
  text: string;
  hasChildren: boolean;
}

/** The local names of the elements and the trimmed text of those without child elements. */
function oracle(xml: string): { root: string | undefined; leaves: Leaf[]; attrs: Attr[] } {
  // The declaration is not the oracle's business (Uni-tel declares utf-16 on UTF-8 text).
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '');
  const parser = new SaxesParser({ xmlns: false });
  const stack: OracleElement[] = [];
  const leaves: Leaf[] = [];
  const attrs: Attr[] = [];
  let root: string | undefined;
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (root !== undefined) {
      for (const [k, v] of Object.entries(tag.attributes)) if (!/^xmlns(?::|$)/.test(k)) attrs.push(`${k.replace(/^.*:/, '')}="${String(v)}"`);
    }
    root ??= name;
    if (stack.length > 0) stack[stack.length - 1]!.hasChildren = true;
    stack.push({ name, text: '', hasChildren: false });
  });
  const onText = (t: string): void => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = stack.pop()!;
    const text = el.text.trim();
    if (!el.hasChildren && text !== '') leaves.push({ name: el.name, text });
  });
  parser.write(body).close();
  return { root, leaves, attrs };
}

function leaves(xml: string): Leaf[] {
  return oracle(xml).leaves;
}

/** The root element's local name as written (`ns3:SystemStatus` → `SystemStatus`). */
function rootName(xml: string): string | undefined {
  return oracle(xml).root;
}

/** Element names whose text is an identifier the PBX chose (opaque: kept exactly as written). */
const IDENTIFIER = /(?:ID|Id|Identifier|Device|DirectoryNumber|Object|DN)$|^(?:device|newDestination|protocolVersion|actualProtocolVersion)$/;

/** Texts that a value may legitimately normalise away (a BIT STRING's false bits, say). */
const NORMALISABLE = /^(?:true|false)$/;

/** Attributes the writer may leave out because they say the default. */
const DEFAULT_ATTRIBUTE = /^typeOfNumber="dialingNumber"$/;

/** Every string anywhere in a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text is a string of the value, or the text of an element kept as raw XML in it. */
function carries(values: readonly string[], text: string): boolean {
  const inRaw = `>${escapeXml(text)}<`;
  return values.some((s) => s === text || (s.startsWith('<') && (s.includes(inRaw) || s.includes(`>${text}<`))));
}

function counts(texts: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** The namespace the root element is in (default or its prefix's), `''` when none. */
function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(?:<\?[^?]*\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  const start = /^<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*([^>]*)>/.exec(body);
  if (start === null) return '';
  const prefix = start[1]?.slice(0, -1);
  const attr = new RegExp(`\\sxmlns${prefix !== undefined ? `:${prefix}` : ''}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(start[2]!);
  return attr === null ? '' : (attr[2] ?? attr[3] ?? '');
}

// ---------------------------------------------------------------------------------------------

function readGolden(fx: VendorFixture): FrameRecord[] {
  if (!existsSync(fx.goldenPath)) throw new Error(`${fx.path}: no golden; run npx tsx scripts/update-vendor-goldens.ts`);
  return JSON.parse(readFileSync(fx.goldenPath, 'utf8')) as FrameRecord[];
}

function isVendorPdu(pdu: unknown): boolean {
  return typeof pdu === 'object' && pdu !== null && (pdu as { pdu?: unknown }).pdu === 'vendor';
}

function invokeIdOf(pdu: unknown): number | null | undefined {
  const id = (pdu as { invokeId?: unknown }).invokeId;
  return typeof id === 'number' || id === null ? id : undefined;
}

/** The frame's record as JSON and that record's PDU as `csta encode` reads it back. */
function reread(f: FrameResult): { record: FrameRecord; pdu: CstaPdu } {
  const record = frameRecord(f);
  const [pdu] = pdusFromJson(JSON.stringify(record));
  return { record, pdu: pdu! };
}

function checkXmlRoundTrip(f: FrameResult, where: string): void {
  const original = f.bytes!.toString('utf8');
  const { record, pdu } = reread(f);
  if (isVendorPdu(record.pdu)) {
    // Not CSTA (Zultys login, Avaya GetDeviceId, Uni-tel queue services...): written back as it came.
    expect(encodeXml(pdu), `${where}: vendor PDU re-encoded`).to.equal(original);
    return;
  }
  const again = encodeXml(pdu, { namespace: rootNamespace(original) });
  const id = invokeIdOf(record.pdu);
  const redecoded = decodeXml(again, id === undefined ? {} : { invokeId: id });
  expect(frameRecord({ ...f, pdu: redecoded }).pdu, `${where}: decode(encode(decode(x)))\n${again}`).to.deep.equal(record.pdu);
  const kept = counts(leaves(again).map((l) => l.text));
  const lost: string[] = [];
  for (const [text, n] of counts(leaves(original).map((l) => l.text).filter((t) => !NORMALISABLE.test(t)))) {
    if ((kept.get(text) ?? 0) < n) lost.push(text);
  }
  expect(lost, `${where}: texts of the input missing from the re-encoded XML\n${again}`).to.deep.equal([]);
  const keptAttrs = counts(oracle(again).attrs);
  const lostAttrs: string[] = [];
  for (const [a, n] of counts(oracle(original).attrs.filter((x) => !DEFAULT_ATTRIBUTE.test(x)))) {
    if ((keptAttrs.get(a) ?? 0) < n) lostAttrs.push(a);
  }
  expect(lostAttrs, `${where}: attributes of the input missing from the re-encoded XML\n${again}`).to.deep.equal([]);
}

describe('vendor dialect corpus (fixtures/vendors)', () => {
  it('has at least 60 fixtures from at least 6 vendors, each vendor described in README.md', () => {
    expect(fixtures.length).to.be.at.least(60);
    const vendors = [...new Set(fixtures.map((f) => f.vendor))];
    expect(vendors.length).to.be.at.least(6);
    const readme = readFileSync(join(VENDOR_DIR, 'README.md'), 'utf8');
    for (const v of vendors) expect(readme, `README.md has a section for ${v}`).to.contain(`\`${v}/\``);
  });

  it('lists as pending only fixtures that exist', () => {
    const paths = new Set(fixtures.map((f) => f.path));
    expect(Object.keys(PENDING).filter((p) => !paths.has(p))).to.deep.equal([]);
  });

  it('names every fixture folder after a vendor profile (protocol/profiles)', () => {
    for (const v of new Set(fixtures.map((f) => f.vendor))) expect(vendorProfile(v), v).to.not.equal(undefined);
  });

  for (const fx of fixtures) {
    const pending = PENDING[fx.path] ?? {};
    /** `it`, or `it.skip` with the reason in the title while the codec cannot pass this check. */
    const test = (check: Check, title: string, fn: () => void): void => {
      const why = pending[check];
      if (why === undefined) it(title, fn);
      else it.skip(`${title} (pending: ${why})`, fn);
    };

    describe(fx.path, () => {
      let frames: FrameResult[] | undefined;
      const decoded = (): FrameResult[] => (frames ??= decodeFixtureFrames(fx));

      test('decode', 'decodes every frame to its golden (csta decode --json)', () => {
        const records = decoded().map(frameRecord);
        const failures = records.filter((r) => r.error !== undefined).map((r) => `frame ${r.index}: ${r.error!.code} at ${r.error!.offset}: ${r.error!.message}`);
        expect(failures, 'frames that do not decode').to.deep.equal([]);
        expect(records.length, 'frames').to.be.at.least(1);
        expect(goldenText(records)).to.equal(goldenText(readGolden(fx)));
      });

      test('decode', `is what csta ${cliCommandFor(fx).join(' ')} prints`, async () => {
        const run = await runCli(cliCommandFor(fx));
        expect(run.code, run.stderr).to.equal(0);
        expect(JSON.parse(run.stdout)).to.deep.equal(readGolden(fx));
      });

      if (fx.kind === 'xml' || fx.input.bytes.includes('</')) {
        test('identifiers', 'keeps every identifier exactly as written and names each message by its root', () => {
          for (const f of decoded()) {
            if (f.encoding !== 'xml' || f.bytes === undefined) continue;
            expect(f.error, `frame ${f.index}`).to.equal(undefined);
            const record = frameRecord(f);
            expect(record.message, `frame ${f.index}: message name`).to.equal(rootName(f.bytes.toString('utf8')));
            const values = strings(record.pdu);
            for (const leaf of leaves(f.bytes.toString('utf8'))) {
              if (!IDENTIFIER.test(leaf.name)) continue;
              expect(carries(values, leaf.text), `frame ${f.index}: <${leaf.name}>${leaf.text}</${leaf.name}> is not in the decoded value`).to.equal(true);
            }
          }
        });
      }

      test('roundTrip', 'encodes back (csta decode --json | csta encode)', () => {
        const frames = decoded();
        const rebuilt: Buffer[] = [];
        let end = 0;
        for (const f of frames) {
          expect(f.error, `frame ${f.index}: ${f.error?.message}`).to.equal(undefined);
          const where = `frame ${f.index}`;
          if (f.encoding === 'ber') {
            const { pdu } = reread(f);
            const bytes = encodeFramed(pdu, { framing: 'ber' });
            expect(bytes.toString('hex'), `${where}: BER re-encoded`).to.equal(f.bytes!.toString('hex'));
            // The framing prefix as it came, then the re-encoded PDU: the input again, byte for byte.
            const input = fx.input.bytes;
            rebuilt.push(input.subarray(end, f.offset + (f.prefixLength ?? 0)), bytes);
            end = f.offset + f.length;
          } else {
            checkXmlRoundTrip(f, where);
          }
        }
        if (frames.every((f) => f.encoding === 'ber')) {
          rebuilt.push(fx.input.bytes.subarray(end));
          expect(Buffer.concat(rebuilt).toString('hex'), 'the whole input rebuilt').to.equal(fx.input.bytes.toString('hex'));
        }
      });
    });
  }
});
