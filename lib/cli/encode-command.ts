/**
 * `csta encode [JSON file|-]`: typed PDUs → wire bytes. The JSON may be a `CstaPdu`, a golden
 * frame fixture (its `decoded`), a `csta decode --json` array or `--ndjson` lines (their `pdu`).
 * Output: one hex line per PDU (default) or the raw bytes (`--binary`), framed with `--framing`.
 */
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import { encodeXml } from '../../protocol/xml/index.js';
import { frameBer } from '../../protocol/framing/ber-framing.js';
import { applyWireBitLengths } from '../../protocol/schema/bit-length.js';
import { frameXmlAs } from '../../protocol/framing/xml-framing.js';
import type { XmlFraming } from '../../protocol/framing/xml-framing.js';
import type { CliEncoding, CliFraming } from './frames.js';
import { readAll } from './io.js';
import type { CliIo } from './io.js';

/** Options of `csta encode`. */
export interface EncodeCommandOptions {
  readonly binary?: boolean;
  readonly framing?: CliFraming;
  readonly encoding?: CliEncoding;
}

/** JSON that is not a PDU, or not JSON at all. */
export class EncodeInputError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'EncodeInputError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The PDU inside one JSON value (a PDU, a fixture, or a decode record). */
function pduOf(v: unknown, where: string): CstaPdu {
  if (isObject(v)) {
    if (typeof v.pdu === 'string') return v as unknown as CstaPdu;
    if (isObject(v.pdu)) {
      // A decode record: BIT STRINGs the sender wrote longer than minimal get their length back.
      if (isObject(v.wireBitLengths)) applyWireBitLengths(v.pdu, v.wireBitLengths);
      return v.pdu as unknown as CstaPdu;
    }
    if (isObject(v.decoded)) return v.decoded as unknown as CstaPdu;
  }
  throw new EncodeInputError(`${where}: not a CSTA PDU (an object with a "pdu" field), a decode record or a frame fixture`);
}

/** Every PDU in a JSON text (one value, an array, or JSON lines). */
export function pdusFromJson(text: string): CstaPdu[] {
  let values: unknown[];
  try {
    const v = JSON.parse(text) as unknown;
    values = Array.isArray(v) ? v : [v];
  } catch {
    values = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() === '') continue;
      try {
        values.push(JSON.parse(lines[i]!) as unknown);
      } catch (e) {
        throw new EncodeInputError(`line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (values.length === 0) throw new EncodeInputError('no JSON value in the input');
  return values.map((v, i) => pduOf(v, `value ${i + 1}`));
}

/** The XML framing of each XML `--framing` choice. */
const XML_FRAMINGS: Partial<Record<CliFraming, XmlFraming>> = { xml: 'plain', 'xml-header': 'header', 'xml-nul': 'nul' };

/** The framed wire bytes of one PDU. */
export function encodeFramed(pdu: CstaPdu, options: EncodeCommandOptions): Buffer {
  const xmlFraming = XML_FRAMINGS[options.framing ?? 'xml'];
  if (options.encoding === 'xml' || (options.framing !== undefined && xmlFraming !== undefined)) {
    if (xmlFraming === undefined) throw new EncodeInputError(`framing ${options.framing} is for BER, not XML`);
    const text = encodeXml(pdu);
    return frameXmlAs(xmlFraming, text, typeof pdu.pdu === 'string' && 'invokeId' in pdu && typeof pdu.invokeId === 'number' ? pdu.invokeId % 10000 : 0);
  }
  const berFraming = options.framing ?? 'ber';
  if (berFraming === 'xml' || berFraming === 'xml-header' || berFraming === 'xml-nul') throw new EncodeInputError(`framing ${berFraming} is for XML`);
  const ber = encodePdu(pdu);
  const framed = frameBer(berFraming, ber);
  return Buffer.from(framed.buffer, framed.byteOffset, framed.byteLength);
}

/** Runs `csta encode`; returns the exit code. */
export async function runEncode(input: string | undefined, options: EncodeCommandOptions, io: CliIo): Promise<number> {
  const text = input === undefined || input === '-' ? (await readAll(io.stdin)).toString('utf8') : await readFile(resolve(io.cwd ?? process.cwd(), input), 'utf8');
  const pdus = pdusFromJson(text);
  const frames = pdus.map((p) => encodeFramed(p, options));
  if (options.binary === true) io.stdout.write(Buffer.concat(frames));
  else for (const f of frames) io.stdout.write(`${f.toString('hex')}\n`);
  return 0;
}
