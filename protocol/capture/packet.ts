/**
 * From a captured link-layer frame to a TCP segment: Ethernet (with 802.1Q/802.1ad VLAN tags),
 * Linux cooked capture v1 and v2, raw IP and BSD loopback; IPv4 (options skipped, fragments
 * reported as unsupported) and IPv6 (hop-by-hop, routing and destination-options headers skipped;
 * fragments unsupported); then the TCP header.
 *
 * Checksums are not verified: captures taken on the sending host routinely carry unfilled
 * checksums because of NIC offload.
 */
import type { Buffer } from 'node:buffer';
import { CaptureError, CaptureErrorCode } from './errors.js';

/** LINKTYPE_ values handled (https://www.tcpdump.org/linktypes.html). */
export const LinkType = {
  null: 0, // BSD loopback: 4-byte address family in host byte order
  ethernet: 1,
  raw: 101, // raw IPv4 or IPv6, told apart by the version nibble
  linuxSll: 113,
  ipv4: 228,
  ipv6: 229,
  linuxSll2: 276,
} as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = 0x8100; // 802.1Q
const ETHERTYPE_QINQ = 0x88a8; // 802.1ad
const ETHERTYPE_QINQ_OLD = 0x9100;
const ETHERNET_HEADER = 14;
const VLAN_TAG = 4;
const SLL_HEADER = 16;
const SLL2_HEADER = 20;
const NULL_HEADER = 4;
const AF_INET = 2;
/** AF_INET6 differs between BSDs (24 NetBSD/OpenBSD, 28 FreeBSD, 30 macOS). */
const AF_INET6 = [10, 24, 28, 30];
const IPV4_MIN_HEADER = 20;
const IPV6_HEADER = 40;
const PROTO_TCP = 6;
const IPV6_HOP_BY_HOP = 0;
const IPV6_ROUTING = 43;
const IPV6_FRAGMENT = 44;
const IPV6_DEST_OPTS = 60;
const IPV4_MF = 0x2000;
const IPV4_FRAG_OFFSET = 0x1fff;
const TCP_MIN_HEADER = 20;

export const TcpFlag = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
} as const;

export interface TcpPacket {
  readonly srcAddr: string;
  readonly dstAddr: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  /** Low 8 bits of the TCP flags (see {@link TcpFlag}). */
  readonly flags: number;
  readonly payload: Buffer;
}

interface IpPayload {
  readonly version: 4 | 6;
  readonly bytes: Buffer;
  /** Offset of `bytes` in the link-layer frame. */
  readonly at: number;
}

/**
 * The TCP segment in a captured frame; `null` when the frame carries something else (ARP, UDP,
 * ...); a {@link CaptureError} when a header is malformed or not supported. Error offsets are
 * `base` (the file offset of `data`) plus the offset within `data`.
 */
export function decodeTcpPacket(linkType: number, data: Buffer, base = 0): TcpPacket | CaptureError | null {
  const ip = decodeLink(linkType, data, base);
  if (ip === null || ip instanceof CaptureError) return ip;
  const at = base + ip.at;
  const seg = ip.version === 4 ? decodeIpv4(ip.bytes, at) : decodeIpv6(ip.bytes, at);
  if (seg === null || seg instanceof CaptureError) return seg;
  return decodeTcp(seg, at + seg.at);
}

function bad(offset: number, message: string): CaptureError {
  return new CaptureError(CaptureErrorCode.BadPacket, offset, message);
}

function decodeLink(linkType: number, d: Buffer, base: number): IpPayload | CaptureError | null {
  const bad = (offset: number, message: string): CaptureError => new CaptureError(CaptureErrorCode.BadPacket, base + offset, message);
  switch (linkType) {
    case LinkType.ethernet: {
      if (d.length < ETHERNET_HEADER) return bad(0, 'Ethernet header cut short');
      let p = 12;
      let type = d.readUInt16BE(p);
      while (type === ETHERTYPE_VLAN || type === ETHERTYPE_QINQ || type === ETHERTYPE_QINQ_OLD) {
        p += VLAN_TAG;
        if (d.length < p + 2) return bad(p, 'VLAN tag cut short');
        type = d.readUInt16BE(p);
      }
      return byEtherType(type, d, p + 2);
    }
    case LinkType.linuxSll:
      if (d.length < SLL_HEADER) return bad(0, 'Linux cooked header cut short');
      return byEtherType(d.readUInt16BE(14), d, SLL_HEADER);
    case LinkType.linuxSll2:
      if (d.length < SLL2_HEADER) return bad(0, 'Linux cooked v2 header cut short');
      return byEtherType(d.readUInt16BE(0), d, SLL2_HEADER);
    case LinkType.raw:
      if (d.length < 1) return bad(0, 'empty raw IP packet');
      if (d[0]! >> 4 === 4) return { version: 4, bytes: d, at: 0 };
      if (d[0]! >> 4 === 6) return { version: 6, bytes: d, at: 0 };
      return bad(0, `raw IP packet of version ${d[0]! >> 4}`);
    case LinkType.ipv4:
      return { version: 4, bytes: d, at: 0 };
    case LinkType.ipv6:
      return { version: 6, bytes: d, at: 0 };
    case LinkType.null: {
      if (d.length < NULL_HEADER) return bad(0, 'loopback header cut short');
      // Host byte order of the capturing machine: the family is small, so whichever reading is.
      const le = d.readUInt32LE(0);
      const family = le < 0x10000 ? le : d.readUInt32BE(0);
      if (family === AF_INET) return { version: 4, bytes: d.subarray(NULL_HEADER), at: NULL_HEADER };
      if (AF_INET6.includes(family)) return { version: 6, bytes: d.subarray(NULL_HEADER), at: NULL_HEADER };
      return null;
    }
    default:
      return new CaptureError(CaptureErrorCode.Unsupported, base, `link type ${linkType} is not supported`);
  }
}

function byEtherType(type: number, frame: Buffer, at: number): IpPayload | null {
  if (type === ETHERTYPE_IPV4) return { version: 4, bytes: frame.subarray(at), at };
  if (type === ETHERTYPE_IPV6) return { version: 6, bytes: frame.subarray(at), at };
  return null;
}

interface TransportSegment {
  readonly srcAddr: string;
  readonly dstAddr: string;
  readonly bytes: Buffer;
  /** Offset of `bytes` within the IP packet. */
  readonly at: number;
}

function decodeIpv4(d: Buffer, base: number): TransportSegment | CaptureError | null {
  if (d.length < IPV4_MIN_HEADER) return bad(base, 'IPv4 header cut short');
  if (d[0]! >> 4 !== 4) return bad(base, `IP version ${d[0]! >> 4} in an IPv4 frame`);
  const ihl = (d[0]! & 0x0f) * 4;
  if (ihl < IPV4_MIN_HEADER) return bad(base, `IPv4 header length ${ihl}`);
  const total = d.readUInt16BE(2);
  if (total < ihl) return bad(base + 2, `IPv4 total length ${total} shorter than its header (${ihl})`);
  // Total length 0 is seen with TCP segmentation offload on the capturing host: use what was captured.
  const end = total === 0 ? d.length : total;
  if (end > d.length) return bad(base + 2, `IPv4 packet cut short (${d.length} of ${total} bytes; capture snaplen too small?)`);
  const frag = d.readUInt16BE(6);
  if ((frag & IPV4_MF) !== 0 || (frag & IPV4_FRAG_OFFSET) !== 0) {
    return new CaptureError(CaptureErrorCode.Unsupported, base + 6, 'IPv4 fragment: reassembly of IP fragments is not supported');
  }
  if (d[9] !== PROTO_TCP) return null;
  return { srcAddr: ipv4(d, 12), dstAddr: ipv4(d, 16), bytes: d.subarray(ihl, end), at: ihl };
}

function decodeIpv6(d: Buffer, base: number): TransportSegment | CaptureError | null {
  if (d.length < IPV6_HEADER) return bad(base, 'IPv6 header cut short');
  if (d[0]! >> 4 !== 6) return bad(base, `IP version ${d[0]! >> 4} in an IPv6 frame`);
  const payloadLength = d.readUInt16BE(4);
  // Payload length 0 means a jumbogram or segmentation offload: use what was captured.
  const end = payloadLength === 0 ? d.length : IPV6_HEADER + payloadLength;
  if (end > d.length) return bad(base + 4, `IPv6 packet cut short (${d.length} of ${end} bytes)`);
  let next = d[6]!;
  let p = IPV6_HEADER;
  for (;;) {
    if (next === PROTO_TCP) break;
    if (next === IPV6_FRAGMENT) return new CaptureError(CaptureErrorCode.Unsupported, base + p, 'IPv6 fragment: reassembly of IP fragments is not supported');
    if (next !== IPV6_HOP_BY_HOP && next !== IPV6_ROUTING && next !== IPV6_DEST_OPTS) return null;
    if (p + 2 > end) return bad(base + p, 'IPv6 extension header cut short');
    const len = (d[p + 1]! + 1) * 8;
    next = d[p]!;
    p += len;
    if (p > end) return bad(base + p, 'IPv6 extension header runs past the packet');
  }
  return { srcAddr: ipv6(d, 8), dstAddr: ipv6(d, 24), bytes: d.subarray(p, end), at: p };
}

function decodeTcp(seg: TransportSegment, base: number): TcpPacket | CaptureError {
  const d = seg.bytes;
  if (d.length < TCP_MIN_HEADER) return bad(base, 'TCP header cut short');
  const dataOffset = (d[12]! >> 4) * 4;
  if (dataOffset < TCP_MIN_HEADER || dataOffset > d.length) return bad(base + 12, `TCP data offset ${dataOffset} in a segment of ${d.length} bytes`);
  return {
    srcAddr: seg.srcAddr,
    dstAddr: seg.dstAddr,
    srcPort: d.readUInt16BE(0),
    dstPort: d.readUInt16BE(2),
    seq: d.readUInt32BE(4),
    ack: d.readUInt32BE(8),
    flags: d[13]!,
    payload: d.subarray(dataOffset),
  };
}

function ipv4(d: Buffer, at: number): string {
  return `${d[at]}.${d[at + 1]}.${d[at + 2]}.${d[at + 3]}`;
}

/** RFC 5952 text form: lower case, longest run (of two or more) of zero groups as `::`. */
function ipv6(d: Buffer, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(d.readUInt16BE(at + i * 2));
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}
