/**
 * A small capture writer for tests and fixture generation: Ethernet/VLAN/SLL/raw IPv4 and IPv6 TCP
 * packets, pcap (either byte order, µs or ns) and pcapng (SHB/IDB/EPB/SPB, either byte order,
 * per-interface `if_tsresol`). Written from the format descriptions, sharing no code with
 * protocol/capture, so a reader bug cannot hide behind a matching writer bug; the address and
 * checksum helpers are those of csta record's writer (lib/cli/pcap-writer.ts).
 */
import { Buffer } from 'node:buffer';
import { ipv4Bytes, ipv6Bytes, onesComplement } from '../../lib/cli/pcap-writer.js';

export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

export interface TcpPacketSpec {
  readonly src: string;
  readonly dst: string;
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack?: number;
  readonly flags: number;
  readonly payload?: Uint8Array;
  /** 802.1Q VLAN ids to stack (Ethernet only). */
  readonly vlans?: readonly number[];
  /** IPv4 options bytes (padded to a multiple of 4). */
  readonly ipOptions?: Uint8Array;
  /** IPv4 flags+fragment offset word (e.g. 0x2000 = more fragments). @default 0x4000 (DF) */
  readonly fragmentWord?: number;
}

export type Link = 'ethernet' | 'sll' | 'raw';
export const LINKTYPE = { ethernet: 1, raw: 101, sll: 113 } as const;

const checksum = (b: Uint8Array): number => onesComplement([b]);

function tcpHeader(p: TcpPacketSpec, pseudo: number[]): Buffer {
  const payload = Buffer.from(p.payload ?? []);
  const h = Buffer.alloc(20);
  h.writeUInt16BE(p.sport, 0);
  h.writeUInt16BE(p.dport, 2);
  h.writeUInt32BE(p.seq >>> 0, 4);
  h.writeUInt32BE((p.ack ?? 0) >>> 0, 8);
  h[12] = 5 << 4;
  h[13] = p.flags;
  h.writeUInt16BE(65535, 14);
  const seg = Buffer.concat([h, payload]);
  const ph = Buffer.from([...pseudo, 0, 6, (seg.length >> 8) & 0xff, seg.length & 0xff]);
  seg.writeUInt16BE(checksum(Buffer.concat([ph, seg])), 16);
  return seg;
}

/** An IPv4 or IPv6 (chosen by the address form) TCP packet. */
export function ipTcp(p: TcpPacketSpec): Buffer {
  if (p.src.includes(':')) {
    const s = ipv6Bytes(p.src);
    const d = ipv6Bytes(p.dst);
    const seg = tcpHeader(p, [...s, ...d, 0, 0]);
    const h = Buffer.alloc(40);
    h[0] = 0x60;
    h.writeUInt16BE(seg.length, 4);
    h[6] = 6;
    h[7] = 64;
    Buffer.from(s).copy(h, 8);
    Buffer.from(d).copy(h, 24);
    return Buffer.concat([h, seg]);
  }
  const s = ipv4Bytes(p.src);
  const d = ipv4Bytes(p.dst);
  const seg = tcpHeader(p, [...s, ...d]);
  const opts = Buffer.from(p.ipOptions ?? []);
  const optLen = (opts.length + 3) & ~3;
  const h = Buffer.alloc(20 + optLen);
  h[0] = 0x40 | ((20 + optLen) / 4);
  h.writeUInt16BE(h.length + seg.length, 2);
  h.writeUInt16BE(0x1234, 4);
  h.writeUInt16BE(p.fragmentWord ?? 0x4000, 6);
  h[8] = 64;
  h[9] = 6;
  Buffer.from(s).copy(h, 12);
  Buffer.from(d).copy(h, 16);
  opts.copy(h, 20);
  h.writeUInt16BE(checksum(h), 10);
  return Buffer.concat([h, seg]);
}

/** A TCP packet wrapped in the given link layer. */
export function tcpFrame(p: TcpPacketSpec, link: Link = 'ethernet'): Buffer {
  const ip = ipTcp(p);
  const etherType = p.src.includes(':') ? 0x86dd : 0x0800;
  if (link === 'raw') return ip;
  if (link === 'sll') {
    const h = Buffer.alloc(16);
    h.writeUInt16BE(0, 0); // packet type: to us
    h.writeUInt16BE(1, 2); // ARPHRD_ETHER
    h.writeUInt16BE(6, 4);
    Buffer.from([2, 0, 0, 0, 0, 1]).copy(h, 6);
    h.writeUInt16BE(etherType, 14);
    return Buffer.concat([h, ip]);
  }
  const parts: Buffer[] = [Buffer.from([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01])];
  for (const vid of p.vlans ?? []) parts.push(Buffer.from([0x81, 0x00, (vid >> 8) & 0x0f, vid & 0xff]));
  parts.push(Buffer.from([etherType >> 8, etherType & 0xff]), ip);
  return Buffer.concat(parts);
}

export interface Rec {
  readonly tsNs: bigint;
  readonly data: Uint8Array;
  /** pcapng interface id. @default 0 */
  readonly iface?: number;
  /** pcapng: write as a Simple Packet Block. */
  readonly simple?: boolean;
  /** Length on the wire, when `data` was cut. */
  readonly origLen?: number;
}

export interface PcapOptions {
  readonly littleEndian?: boolean;
  readonly nanos?: boolean;
  readonly linkType?: number;
  readonly snaplen?: number;
}

export function writePcap(recs: readonly Rec[], o: PcapOptions = {}): Buffer {
  const le = o.littleEndian ?? true;
  const parts: Buffer[] = [];
  const h = Buffer.alloc(24);
  const u32 = (b: Buffer, v: number, at: number): number => (le ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at));
  const u16 = (b: Buffer, v: number, at: number): number => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  u32(h, o.nanos === true ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  u16(h, 2, 4);
  u16(h, 4, 6);
  u32(h, o.snaplen ?? 262144, 16);
  u32(h, o.linkType ?? LINKTYPE.ethernet, 20);
  parts.push(h);
  const div = o.nanos === true ? 1n : 1000n;
  for (const r of recs) {
    const rh = Buffer.alloc(16);
    u32(rh, Number(r.tsNs / 1_000_000_000n), 0);
    u32(rh, Number((r.tsNs % 1_000_000_000n) / div), 4);
    u32(rh, r.data.length, 8);
    u32(rh, r.origLen ?? r.data.length, 12);
    parts.push(rh, Buffer.from(r.data));
  }
  return Buffer.concat(parts);
}

export interface PcapNgInterface {
  readonly linkType: number;
  readonly snaplen?: number;
  /** Raw if_tsresol byte (6 = µs, 9 = ns, 0x80|n = 2^-n). Omitted: default µs. */
  readonly tsresol?: number;
}

export interface PcapNgOptions {
  readonly littleEndian?: boolean;
  readonly interfaces?: readonly PcapNgInterface[];
}

/** Converts ns to if_tsresol units. */
function units(tsNs: bigint, tsresol: number | undefined): bigint {
  const r = tsresol ?? 6;
  if ((r & 0x80) !== 0) return (tsNs * (1n << BigInt(r & 0x7f))) / 1_000_000_000n;
  const e = BigInt(r);
  return e <= 9n ? tsNs / 10n ** (9n - e) : tsNs * 10n ** (e - 9n);
}

export function writePcapNg(recs: readonly Rec[], o: PcapNgOptions = {}): Buffer {
  const le = o.littleEndian ?? true;
  const ifaces = o.interfaces ?? [{ linkType: LINKTYPE.ethernet }];
  const block = (type: number, body: Buffer): Buffer => {
    const padded = Buffer.alloc((body.length + 3) & ~3);
    body.copy(padded);
    const total = padded.length + 12;
    const b = Buffer.alloc(total);
    if (le) {
      b.writeUInt32LE(type, 0);
      b.writeUInt32LE(total, 4);
      b.writeUInt32LE(total, total - 4);
    } else {
      b.writeUInt32BE(type, 0);
      b.writeUInt32BE(total, 4);
      b.writeUInt32BE(total, total - 4);
    }
    padded.copy(b, 8);
    return b;
  };
  const u32 = (v: number): Buffer => {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(v >>> 0);
    else b.writeUInt32BE(v >>> 0);
    return b;
  };
  const u16 = (v: number): Buffer => {
    const b = Buffer.alloc(2);
    if (le) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  const parts: Buffer[] = [];
  // SHB: byte-order magic, version 1.0, section length -1 (unknown).
  parts.push(block(0x0a0d0d0a, Buffer.concat([u32(0x1a2b3c4d), u16(1), u16(0), Buffer.alloc(8, 0xff)])));
  for (const i of ifaces) {
    const opts: Buffer[] = [];
    if (i.tsresol !== undefined) opts.push(u16(9), u16(1), Buffer.from([i.tsresol, 0, 0, 0]));
    if (opts.length > 0) opts.push(u16(0), u16(0));
    parts.push(block(1, Buffer.concat([u16(i.linkType), u16(0), u32(i.snaplen ?? 262144), ...opts])));
  }
  for (const r of recs) {
    const data = Buffer.from(r.data);
    if (r.simple === true) {
      parts.push(block(3, Buffer.concat([u32(r.origLen ?? data.length), data])));
      continue;
    }
    const iface = r.iface ?? 0;
    const t = units(r.tsNs, ifaces[iface]?.tsresol);
    parts.push(
      block(
        6,
        Buffer.concat([u32(iface), u32(Number(t >> 32n)), u32(Number(t & 0xffffffffn)), u32(data.length), u32(r.origLen ?? data.length), data]),
      ),
    );
  }
  return Buffer.concat(parts);
}

/** Builds the packets of one TCP conversation, keeping each side's sequence numbers. */
export class TcpConversation {
  private seq: [number, number];
  private t: bigint;

  constructor(
    readonly client: { addr: string; port: number },
    readonly server: { addr: string; port: number },
    readonly opts: { isn?: [number, number]; startNs?: bigint; stepNs?: bigint; link?: Link; vlans?: number[] } = {},
  ) {
    this.seq = [...(opts.isn ?? [1000, 5000])] as [number, number];
    this.t = opts.startNs ?? 1_700_000_000_000_000_000n;
  }

  /** Timestamp the next packet gets. */
  get nextTs(): bigint {
    return this.t;
  }

  /** Current sequence number of a side (0 client, 1 server). */
  seqOf(side: 0 | 1): number {
    return this.seq[side];
  }

  /** A raw packet from `side` without touching the sequence state. */
  packet(side: 0 | 1, seq: number, flags: number, payload: Uint8Array = new Uint8Array(0)): { tsNs: bigint; data: Buffer } {
    const [a, b] = side === 0 ? [this.client, this.server] : [this.server, this.client];
    const p = {
      tsNs: this.t,
      data: tcpFrame(
        { src: a.addr, dst: b.addr, sport: a.port, dport: b.port, seq: seq >>> 0, ack: this.seq[side === 0 ? 1 : 0], flags, payload, vlans: this.opts.vlans ?? [] },
        this.opts.link ?? 'ethernet',
      ),
    };
    this.t += this.opts.stepNs ?? 1_000_000n;
    return p;
  }

  handshake(): { tsNs: bigint; data: Buffer }[] {
    const out = [this.packet(0, this.seq[0], TCP.SYN)];
    this.seq[0] = (this.seq[0] + 1) >>> 0;
    out.push(this.packet(1, this.seq[1], TCP.SYN | TCP.ACK));
    this.seq[1] = (this.seq[1] + 1) >>> 0;
    out.push(this.packet(0, this.seq[0], TCP.ACK));
    return out;
  }

  /** Data from `side`, cut into segments at the given byte offsets. */
  send(side: 0 | 1, bytes: Uint8Array, cuts: readonly number[] = []): { tsNs: bigint; data: Buffer; seq: number; payload: Buffer }[] {
    const bounds = [0, ...cuts, bytes.length];
    const out: { tsNs: bigint; data: Buffer; seq: number; payload: Buffer }[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const payload = Buffer.from(bytes.subarray(bounds[i], bounds[i + 1]));
      const seq = this.seq[side];
      out.push({ ...this.packet(side, seq, TCP.PSH | TCP.ACK, payload), seq, payload });
      this.seq[side] = (seq + payload.length) >>> 0;
    }
    return out;
  }

  fin(side: 0 | 1): { tsNs: bigint; data: Buffer } {
    const p = this.packet(side, this.seq[side], TCP.FIN | TCP.ACK);
    this.seq[side] = (this.seq[side] + 1) >>> 0;
    return p;
  }
}
