/**
 * Writes what a TCP relay saw as a pcap file Wireshark and `csta decode` read: classic pcap
 * (microsecond timestamps, LINKTYPE_RAW = 101: each packet starts with its IPv4 or IPv6 header),
 * with each connection's handshake, its data as segments of at most {@link MAX_SEGMENT_PAYLOAD}
 * bytes with running sequence numbers, and a FIN from the side that closed. IPv4 header and TCP
 * checksums are filled in, so Wireshark's checksum validation passes.
 *
 * Packets go to the file as they come (one `writeSync` each): memory does not grow with the
 * recording.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, writeSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';

/** LINKTYPE_RAW: the packet is an IP datagram. */
export const LINKTYPE_RAW = 101;
/** Payload bytes per synthesized TCP segment (fits the 16-bit IP total length). */
export const MAX_SEGMENT_PAYLOAD = 65_000;

const FIN = 0x01;
const SYN = 0x02;
const PSH = 0x08;
const ACK = 0x10;

/** One end of a recorded connection. */
export interface PcapEndpoint {
  readonly address: string;
  readonly port: number;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; other addresses as they are. */
export function plainAddress(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m !== null ? m[1]! : address;
}

/** The 4 octets of a dotted IPv4 address. */
export function ipv4Bytes(a: string): number[] {
  return a.split('.').map(Number);
}

/** The 16 octets of an IPv6 address (`::` expanded). */
export function ipv6Bytes(a: string): number[] {
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const h = head === undefined || head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t].map((g) => parseInt(g, 16) || 0);
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** The Internet checksum (RFC 1071) over the concatenation of `parts`. */
export function onesComplement(parts: readonly Uint8Array[]): number {
  let sum = 0;
  let odd: number | undefined;
  for (const b of parts) {
    for (const byte of b) {
      if (odd === undefined) odd = byte;
      else {
        sum += (odd << 8) | byte;
        odd = undefined;
      }
    }
  }
  if (odd !== undefined) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** An IPv4 or IPv6 packet carrying one TCP segment. */
export function ipTcpPacket(src: PcapEndpoint, dst: PcapEndpoint, seq: number, ack: number, flags: number, payload: Uint8Array): Buffer {
  const s = plainAddress(src.address);
  const d = plainAddress(dst.address);
  const v6 = !(isIPv4(s) && isIPv4(d));
  const sb = v6 ? ipv6Bytes(isIPv6(s) ? s : `::ffff:${s}`) : ipv4Bytes(s);
  const db = v6 ? ipv6Bytes(isIPv6(d) ? d : `::ffff:${d}`) : ipv4Bytes(d);
  const tcp = Buffer.alloc(20 + payload.length);
  tcp.writeUInt16BE(src.port, 0);
  tcp.writeUInt16BE(dst.port, 2);
  tcp.writeUInt32BE(seq >>> 0, 4);
  tcp.writeUInt32BE((flags & ACK) !== 0 ? ack >>> 0 : 0, 8);
  tcp[12] = 5 << 4;
  tcp[13] = flags;
  tcp.writeUInt16BE(65535, 14);
  Buffer.from(payload).copy(tcp, 20);
  const pseudo = Buffer.from([...sb, ...db, 0, 6, (tcp.length >> 8) & 0xff, tcp.length & 0xff]);
  tcp.writeUInt16BE(onesComplement([pseudo, tcp]), 16);
  if (v6) {
    const h = Buffer.alloc(40);
    h[0] = 0x60;
    h.writeUInt16BE(tcp.length, 4);
    h[6] = 6;
    h[7] = 64;
    Buffer.from(sb).copy(h, 8);
    Buffer.from(db).copy(h, 24);
    return Buffer.concat([h, tcp]);
  }
  const h = Buffer.alloc(20);
  h[0] = 0x45;
  h.writeUInt16BE(20 + tcp.length, 2);
  h.writeUInt16BE(0x4000, 6); // don't fragment
  h[8] = 64;
  h[9] = 6;
  Buffer.from(sb).copy(h, 12);
  Buffer.from(db).copy(h, 16);
  h.writeUInt16BE(onesComplement([h]), 10);
  return Buffer.concat([h, tcp]);
}

/** A pcap file being written (see the module comment). */
export class PcapFileWriter {
  private fd: number | undefined;
  private packets_ = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeUInt32LE(262_144, 16);
    h.writeUInt32LE(LINKTYPE_RAW, 20);
    writeSync(this.fd, h);
  }

  /** Packets written so far. */
  get packets(): number {
    return this.packets_;
  }

  /** Appends one packet, stamped `ms` (milliseconds since the epoch, fractions kept to the µs). */
  writePacket(ms: number, data: Uint8Array): void {
    if (this.fd === undefined) return;
    const us = Math.round(ms * 1000);
    const rh = Buffer.alloc(16);
    rh.writeUInt32LE(Math.floor(us / 1e6) >>> 0, 0);
    rh.writeUInt32LE(us % 1e6, 4);
    rh.writeUInt32LE(data.length, 8);
    rh.writeUInt32LE(data.length, 12);
    writeSync(this.fd, Buffer.concat([rh, data]));
    this.packets_++;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The packets of one relayed TCP connection, written as the bytes pass. */
export class TcpStreamRecorder {
  private readonly seq: [number, number];
  private readonly closed: [boolean, boolean] = [false, false];

  /** `isn`: the initial sequence numbers of client and server. */
  constructor(
    private readonly out: PcapFileWriter,
    private readonly client: PcapEndpoint,
    private readonly server: PcapEndpoint,
    private readonly clock: () => number = () => performance.timeOrigin + performance.now(),
    isn: readonly [number, number] = [1000, 5000],
  ) {
    this.seq = [isn[0], isn[1]];
    const t = this.clock();
    this.packet(0, this.seq[0], SYN, t);
    this.seq[0] = (this.seq[0] + 1) >>> 0;
    this.packet(1, this.seq[1], SYN | ACK, t);
    this.seq[1] = (this.seq[1] + 1) >>> 0;
    this.packet(0, this.seq[0], ACK, t);
  }

  private packet(side: 0 | 1, seq: number, flags: number, t: number, payload: Uint8Array = new Uint8Array(0)): void {
    const [from, to] = side === 0 ? [this.client, this.server] : [this.server, this.client];
    this.out.writePacket(t, ipTcpPacket(from, to, seq, this.seq[side === 0 ? 1 : 0], flags, payload));
  }

  /** Bytes sent by the client (`side` 0) or the server (1). */
  data(side: 0 | 1, bytes: Uint8Array): void {
    if (this.closed[side]) return;
    const t = this.clock();
    for (let off = 0; off < bytes.length; off += MAX_SEGMENT_PAYLOAD) {
      const chunk = bytes.subarray(off, Math.min(bytes.length, off + MAX_SEGMENT_PAYLOAD));
      this.packet(side, this.seq[side], PSH | ACK, t, chunk);
      this.seq[side] = (this.seq[side] + chunk.length) >>> 0;
    }
  }

  /** The side closed its half of the connection. */
  fin(side: 0 | 1): void {
    if (this.closed[side]) return;
    this.closed[side] = true;
    this.packet(side, this.seq[side], FIN | ACK, this.clock());
    this.seq[side] = (this.seq[side] + 1) >>> 0;
  }
}
