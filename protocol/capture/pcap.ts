/**
 * Capture file readers: classic pcap and pcapng, either byte order.
 *
 * - pcap: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-01.html (24-byte file header,
 *   magic a1b2c3d4 for microsecond or a1b23c4d for nanosecond timestamps, 16-byte record headers).
 * - pcapng: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-01.html. Handled blocks:
 *   Section Header (SHB, resets the interface list and sets the byte order), Interface
 *   Description (IDB, link type, snaplen and the `if_tsresol`/`if_tsoffset` options), Enhanced
 *   Packet (EPB), Simple Packet (SPB, no timestamp) and the obsolete Packet Block. Other blocks
 *   (name resolution, statistics, decryption secrets, custom) are skipped.
 *
 * Timestamps are `bigint` nanoseconds since the Unix epoch, whatever the file's resolution
 * (finer resolutions are truncated). Packet data are zero-copy views of the file bytes.
 *
 * A packet-level problem is an error entry and reading goes on; a file-structure problem (bad
 * magic, truncation, impossible block length) is an error entry and reading stops, since the
 * next record's position is then unknown.
 */
import { Buffer } from 'node:buffer';
import { Parser } from 'binary-parser';
import { CaptureError, CaptureErrorCode } from './errors.js';

export interface CapturePacket {
  /** Position of the packet in the file, from 0. */
  readonly index: number;
  /** Byte offset of the packet data in the file. */
  readonly fileOffset: number;
  /** Nanoseconds since the epoch; undefined for pcapng Simple Packet Blocks, which carry none. */
  readonly timestampNs: bigint | undefined;
  /** LINKTYPE_ value of the packet's interface. */
  readonly linkType: number;
  readonly interfaceId: number;
  /** Length on the wire; `data` is shorter when the capture was cut at a snaplen. */
  readonly originalLength: number;
  readonly data: Buffer;
}

export type PacketEntry = { readonly kind: 'packet'; readonly packet: CapturePacket } | { readonly kind: 'error'; readonly error: CaptureError };

export const CaptureFormat = { pcap: 'pcap', pcapng: 'pcapng' } as const;
export type CaptureFormat = (typeof CaptureFormat)[keyof typeof CaptureFormat];

const PCAP_MAGIC_US = 0xa1b2c3d4;
const PCAP_MAGIC_NS = 0xa1b23c4d;
const PCAP_FILE_HEADER = 24;
const PCAP_RECORD_HEADER = 16;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const BLOCK_IDB = 0x00000001;
const BLOCK_PACKET_OBSOLETE = 0x00000002;
const BLOCK_SPB = 0x00000003;
const BLOCK_EPB = 0x00000006;
const BLOCK_MIN = 12; // type + length + trailing length
const OPT_ENDOFOPT = 0;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;
const NS_PER_S = 1_000_000_000n;
/** Link types carry FCS bits above bit 16 in newer pcap headers (draft-ietf-opsawg-pcap, LinkType field). */
const LINKTYPE_MASK = 0x0fffffff;

interface PcapFileHeader {
  magic: number;
  versionMajor: number;
  versionMinor: number;
  snaplen: number;
  linkType: number;
}
interface PcapRecordHeader {
  tsSec: number;
  tsFrac: number;
  inclLen: number;
  origLen: number;
}

/** One compiled parser per byte order. */
function byteOrders<T>(build: (p: Parser) => Parser): { le: (b: Buffer) => T; be: (b: Buffer) => T } {
  const le = build(new Parser().endianness('little'));
  const be = build(new Parser().endianness('big'));
  return { le: (b) => le.parse(b) as T, be: (b) => be.parse(b) as T };
}

const pcapFileHeader = byteOrders<PcapFileHeader>((p) =>
  p.uint32('magic').uint16('versionMajor').uint16('versionMinor').int32('thiszone').uint32('sigfigs').uint32('snaplen').uint32('linkType'),
);
const pcapRecordHeader = byteOrders<PcapRecordHeader>((p) => p.uint32('tsSec').uint32('tsFrac').uint32('inclLen').uint32('origLen'));

interface IdbFields {
  linkType: number;
  snaplen: number;
}
const idbFields = byteOrders<IdbFields>((p) => p.uint16('linkType').uint16('reserved').uint32('snaplen'));
interface EpbFields {
  interfaceId: number;
  tsHigh: number;
  tsLow: number;
  capLen: number;
  origLen: number;
}
const epbFields = byteOrders<EpbFields>((p) => p.uint32('interfaceId').uint32('tsHigh').uint32('tsLow').uint32('capLen').uint32('origLen'));
const obsoletePacketFields = byteOrders<EpbFields>((p) =>
  p.uint16('interfaceId').uint16('drops').uint32('tsHigh').uint32('tsLow').uint32('capLen').uint32('origLen'),
);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The format of a capture from its first 4 bytes, or undefined. */
export function captureFormatOf(bytes: Uint8Array): CaptureFormat | undefined {
  if (bytes.length < 4) return undefined;
  const b = asBuffer(bytes);
  const le = b.readUInt32LE(0);
  const be = b.readUInt32BE(0);
  if (le === PCAPNG_SHB) return 'pcapng';
  if ([PCAP_MAGIC_US, PCAP_MAGIC_NS].includes(le) || [PCAP_MAGIC_US, PCAP_MAGIC_NS].includes(be)) return 'pcap';
  return undefined;
}

/** Reads the packets of a pcap or pcapng file (told apart by magic). */
export function* readPackets(bytes: Uint8Array): Generator<PacketEntry> {
  const format = captureFormatOf(bytes);
  if (format === 'pcap') yield* readPcap(bytes);
  else if (format === 'pcapng') yield* readPcapNg(bytes);
  else if (bytes.length < 4) yield error(CaptureErrorCode.Truncated, 0, `capture of ${bytes.length} bytes has no file header`);
  else yield error(CaptureErrorCode.BadMagic, 0, `not a pcap or pcapng file (magic ${asBuffer(bytes).subarray(0, 4).toString('hex')})`);
}

function error(code: CaptureErrorCode, offset: number, message: string): PacketEntry {
  return { kind: 'error', error: new CaptureError(code, offset, message) };
}

/** Reads a classic pcap file. */
export function* readPcap(bytes: Uint8Array): Generator<PacketEntry> {
  const buf = asBuffer(bytes);
  if (buf.length < PCAP_FILE_HEADER) {
    yield error(CaptureErrorCode.Truncated, 0, `pcap file header needs ${PCAP_FILE_HEADER} bytes, file has ${buf.length}`);
    return;
  }
  const le = buf.readUInt32LE(0) === PCAP_MAGIC_US || buf.readUInt32LE(0) === PCAP_MAGIC_NS;
  const order = le ? 'le' : 'be';
  const header = pcapFileHeader[order](buf);
  if (header.magic !== PCAP_MAGIC_US && header.magic !== PCAP_MAGIC_NS) {
    yield error(CaptureErrorCode.BadMagic, 0, `not a pcap file (magic ${buf.subarray(0, 4).toString('hex')})`);
    return;
  }
  const nanos = header.magic === PCAP_MAGIC_NS;
  const linkType = header.linkType & LINKTYPE_MASK;
  // A record claiming more than this is corrupt (snaplen 0 means "no limit" in some writers).
  const maxRecord = header.snaplen > 0 ? Math.max(header.snaplen, 0xffff) : 0x40000;
  let off = PCAP_FILE_HEADER;
  for (let index = 0; off < buf.length; index++) {
    if (buf.length - off < PCAP_RECORD_HEADER) {
      yield error(CaptureErrorCode.Truncated, off, `record header of packet ${index} cut short`);
      return;
    }
    const rec = pcapRecordHeader[order](buf.subarray(off, off + PCAP_RECORD_HEADER));
    if (rec.inclLen > maxRecord) {
      yield error(CaptureErrorCode.BadBlock, off, `packet ${index} claims ${rec.inclLen} captured bytes, more than snaplen ${header.snaplen}`);
      return;
    }
    const dataAt = off + PCAP_RECORD_HEADER;
    if (dataAt + rec.inclLen > buf.length) {
      yield error(CaptureErrorCode.Truncated, dataAt, `packet ${index} data cut short (${buf.length - dataAt} of ${rec.inclLen} bytes)`);
      return;
    }
    const frac = BigInt(rec.tsFrac) * (nanos ? 1n : 1000n);
    yield {
      kind: 'packet',
      packet: {
        index,
        fileOffset: dataAt,
        timestampNs: BigInt(rec.tsSec) * NS_PER_S + frac,
        linkType,
        interfaceId: 0,
        originalLength: rec.origLen,
        data: buf.subarray(dataAt, dataAt + rec.inclLen),
      },
    };
    off = dataAt + rec.inclLen;
  }
}

interface PcapNgInterface {
  readonly linkType: number;
  readonly snaplen: number;
  /** Timestamp unit: ns = units * mul / div. */
  readonly mul: bigint;
  readonly div: bigint;
  readonly offsetNs: bigint;
}

/** Reads a pcapng file. */
export function* readPcapNg(bytes: Uint8Array): Generator<PacketEntry> {
  const buf = asBuffer(bytes);
  let le = true;
  let interfaces: PcapNgInterface[] = [];
  let sawSection = false;
  let index = 0;
  let off = 0;
  while (off < buf.length) {
    if (buf.length - off < 8) {
      yield error(CaptureErrorCode.Truncated, off, 'block header cut short');
      return;
    }
    const rawType = buf.readUInt32LE(off);
    if (rawType === PCAPNG_SHB) {
      // The byte-order magic decides how to read everything in the section, this block's length included.
      if (buf.length - off < 12) {
        yield error(CaptureErrorCode.Truncated, off, 'section header block cut short');
        return;
      }
      const bom = buf.readUInt32LE(off + 8);
      if (bom === PCAPNG_BYTE_ORDER_MAGIC) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else {
        yield error(CaptureErrorCode.BadMagic, off + 8, `bad pcapng byte-order magic ${buf.subarray(off + 8, off + 12).toString('hex')}`);
        return;
      }
      sawSection = true;
      interfaces = [];
    } else if (!sawSection) {
      yield error(CaptureErrorCode.BadMagic, off, 'pcapng file does not start with a section header block');
      return;
    }
    const u32 = (at: number): number => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
    const type = u32(off);
    const length = u32(off + 4);
    if (length < BLOCK_MIN || length % 4 !== 0) {
      yield error(CaptureErrorCode.BadBlock, off + 4, `block length ${length} is not a multiple of 4 of at least ${BLOCK_MIN}`);
      return;
    }
    if (off + length > buf.length) {
      yield error(CaptureErrorCode.Truncated, off, `block of ${length} bytes runs past the end of the file (${buf.length - off} left)`);
      return;
    }
    if (u32(off + length - 4) !== length) {
      yield error(CaptureErrorCode.BadBlock, off + length - 4, `block trailer length ${u32(off + length - 4)} does not match header length ${length}`);
      return;
    }
    const body = buf.subarray(off + 8, off + length - 4);
    const order = le ? 'le' : 'be';
    switch (type) {
      case PCAPNG_SHB:
        if (body.length < 16) {
          yield error(CaptureErrorCode.BadBlock, off, 'section header block too short');
          return;
        }
        break;
      case BLOCK_IDB: {
        if (body.length < 8) {
          yield error(CaptureErrorCode.BadBlock, off, 'interface description block too short');
          return;
        }
        const f = idbFields[order](body);
        interfaces.push({ linkType: f.linkType, snaplen: f.snaplen, ...timeOptions(body.subarray(8), le) });
        break;
      }
      case BLOCK_EPB:
      case BLOCK_PACKET_OBSOLETE: {
        const fixed = 20;
        if (body.length < fixed) {
          yield error(CaptureErrorCode.BadBlock, off, 'packet block too short');
          return;
        }
        const f = (type === BLOCK_EPB ? epbFields : obsoletePacketFields)[order](body);
        const i = index++;
        if (f.capLen > body.length - fixed) {
          yield error(CaptureErrorCode.BadBlock, off, `packet ${i} claims ${f.capLen} captured bytes in a block of ${length}`);
          return;
        }
        const ifc = interfaces[f.interfaceId];
        if (ifc === undefined) {
          yield error(CaptureErrorCode.Unsupported, off, `packet ${i} names interface ${f.interfaceId}, which was not described`);
          break;
        }
        const units = (BigInt(f.tsHigh) << 32n) | BigInt(f.tsLow);
        yield {
          kind: 'packet',
          packet: {
            index: i,
            fileOffset: off + 8 + fixed,
            timestampNs: (units * ifc.mul) / ifc.div + ifc.offsetNs,
            linkType: ifc.linkType,
            interfaceId: f.interfaceId,
            originalLength: f.origLen,
            data: body.subarray(fixed, fixed + f.capLen),
          },
        };
        break;
      }
      case BLOCK_SPB: {
        if (body.length < 4) {
          yield error(CaptureErrorCode.BadBlock, off, 'simple packet block too short');
          return;
        }
        const i = index++;
        const ifc = interfaces[0];
        if (ifc === undefined) {
          yield error(CaptureErrorCode.Unsupported, off, `simple packet ${i} before any interface description`);
          break;
        }
        const origLen = u32(off + 8);
        // The captured length is implied: the original length, cut at snaplen and at the block.
        let capLen = Math.min(origLen, body.length - 4);
        if (ifc.snaplen > 0) capLen = Math.min(capLen, ifc.snaplen);
        yield {
          kind: 'packet',
          packet: {
            index: i,
            fileOffset: off + 12,
            timestampNs: undefined,
            linkType: ifc.linkType,
            interfaceId: 0,
            originalLength: origLen,
            data: body.subarray(4, 4 + capLen),
          },
        };
        break;
      }
      default:
        break; // NRB, ISB, DSB, custom blocks: nothing the CSTA pipeline needs
    }
    off += length;
  }
}

/** `if_tsresol` (default 10^-6 s) and `if_tsoffset` (seconds) from IDB options. */
function timeOptions(opts: Buffer, le: boolean): { mul: bigint; div: bigint; offsetNs: bigint } {
  let mul = 1000n; // microseconds
  let div = 1n;
  let offsetNs = 0n;
  let p = 0;
  while (p + 4 <= opts.length) {
    const code = le ? opts.readUInt16LE(p) : opts.readUInt16BE(p);
    const len = le ? opts.readUInt16LE(p + 2) : opts.readUInt16BE(p + 2);
    if (code === OPT_ENDOFOPT || p + 4 + len > opts.length) break;
    const v = opts.subarray(p + 4, p + 4 + len);
    if (code === OPT_IF_TSRESOL && len >= 1) {
      const r = v[0]!;
      const exp = BigInt(r & 0x7f);
      // MSB clear: 10^-exp seconds; MSB set: 2^-exp seconds.
      if ((r & 0x80) === 0) {
        if (exp <= 9n) [mul, div] = [10n ** (9n - exp), 1n];
        else [mul, div] = [1n, 10n ** (exp - 9n)];
      } else {
        [mul, div] = [NS_PER_S, 1n << exp];
      }
    } else if (code === OPT_IF_TSOFFSET && len >= 8) {
      offsetNs = (le ? v.readBigInt64LE(0) : v.readBigInt64BE(0)) * NS_PER_S;
    }
    p += 4 + ((len + 3) & ~3);
  }
  return { mul, div, offsetNs };
}
