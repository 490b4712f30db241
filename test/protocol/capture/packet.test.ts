/** Link layer, IPv4/IPv6 and TCP header decoding. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { decodeTcpPacket, TcpFlag } from '../../../protocol/capture/packet.js';
import type { TcpPacket } from '../../../protocol/capture/packet.js';
import { CaptureError, CaptureErrorCode } from '../../../protocol/capture/errors.js';
import { ipTcp, LINKTYPE, TCP, tcpFrame } from '../../support/pcap-writer.js';
import type { TcpPacketSpec } from '../../support/pcap-writer.js';

const V4: TcpPacketSpec = { src: '192.168.1.10', dst: '10.20.30.40', sport: 51000, dport: 7001, seq: 0xfedcba98, ack: 77, flags: TCP.PSH | TCP.ACK, payload: Buffer.from('payload!') };
const V6: TcpPacketSpec = { ...V4, src: '2001:db8::10', dst: 'fe80::1:0:0:2' };

function ok(r: TcpPacket | CaptureError | null): TcpPacket {
  if (r === null || r instanceof CaptureError) expect.fail(`expected a TCP packet, got ${String(r)}`);
  return r;
}

function expectSame(p: TcpPacket, spec: TcpPacketSpec, src = spec.src, dst = spec.dst): void {
  expect({ src: p.srcAddr, dst: p.dstAddr, sport: p.srcPort, dport: p.dstPort, seq: p.seq, ack: p.ack, flags: p.flags, payload: p.payload.toString() }).to.deep.equal({
    src,
    dst,
    sport: spec.sport,
    dport: spec.dport,
    seq: spec.seq,
    ack: spec.ack,
    flags: spec.flags,
    payload: Buffer.from(spec.payload!).toString(),
  });
}

describe('decodeTcpPacket', () => {
  it('Ethernet IPv4 and IPv6', () => {
    expectSame(ok(decodeTcpPacket(LINKTYPE.ethernet, tcpFrame(V4))), V4);
    expectSame(ok(decodeTcpPacket(LINKTYPE.ethernet, tcpFrame(V6))), V6, '2001:db8::10', 'fe80::1:0:0:2');
  });

  it('802.1Q and stacked VLAN tags', () => {
    expectSame(ok(decodeTcpPacket(LINKTYPE.ethernet, tcpFrame({ ...V4, vlans: [100] }))), V4);
    expectSame(ok(decodeTcpPacket(LINKTYPE.ethernet, tcpFrame({ ...V6, vlans: [100, 200] }))), V6, '2001:db8::10', 'fe80::1:0:0:2');
  });

  it('Linux cooked capture (SLL) and raw IP link types', () => {
    expectSame(ok(decodeTcpPacket(LINKTYPE.sll, tcpFrame(V4, 'sll'))), V4);
    expectSame(ok(decodeTcpPacket(LINKTYPE.raw, tcpFrame(V4, 'raw'))), V4);
    expectSame(ok(decodeTcpPacket(LINKTYPE.raw, tcpFrame(V6, 'raw'))), V6, '2001:db8::10', 'fe80::1:0:0:2');
    expectSame(ok(decodeTcpPacket(228, ipTcp(V4))), V4);
    expectSame(ok(decodeTcpPacket(229, ipTcp(V6))), V6, '2001:db8::10', 'fe80::1:0:0:2');
  });

  it('Linux cooked capture v2 and BSD loopback', () => {
    const ip = ipTcp(V4);
    const sll2 = Buffer.concat([Buffer.from('0800000000000001000106020000000000010000', 'hex'), ip]);
    expectSame(ok(decodeTcpPacket(276, sll2)), V4);
    const loop = Buffer.concat([Buffer.from('02000000', 'hex'), ip]);
    expectSame(ok(decodeTcpPacket(0, loop)), V4);
  });

  it('IPv4 header options are skipped', () => {
    const spec = { ...V4, ipOptions: Buffer.from('94040000', 'hex') }; // router alert
    expectSame(ok(decodeTcpPacket(LINKTYPE.ethernet, tcpFrame(spec))), spec);
  });

  it('IPv4 Ethernet padding after the packet is not payload', () => {
    const spec = { ...V4, payload: Buffer.alloc(0) };
    const padded = Buffer.concat([tcpFrame(spec), Buffer.alloc(6)]);
    expect(ok(decodeTcpPacket(LINKTYPE.ethernet, padded)).payload.length).to.equal(0);
  });

  it('IPv4 fragments are reported as unsupported', () => {
    for (const fragmentWord of [0x2000, 0x0010]) {
      const r = decodeTcpPacket(LINKTYPE.ethernet, tcpFrame({ ...V4, fragmentWord }));
      expect(r).to.be.instanceOf(CaptureError);
      expect((r as CaptureError).code).to.equal(CaptureErrorCode.Unsupported);
    }
  });

  it('IPv6 extension headers are skipped; a fragment header is unsupported', () => {
    const ip = ipTcp(V6);
    const withExt = (next: number): Buffer => {
      const ext = Buffer.from([6, 0, 0, 0, 0, 0, 0, 0]); // next header TCP, 8 bytes
      const out = Buffer.concat([ip.subarray(0, 40), ext, ip.subarray(40)]);
      out.writeUInt16BE(ip.readUInt16BE(4) + 8, 4);
      out[6] = next;
      return out;
    };
    expectSame(ok(decodeTcpPacket(229, withExt(0))), V6, '2001:db8::10', 'fe80::1:0:0:2');
    expectSame(ok(decodeTcpPacket(229, withExt(60))), V6, '2001:db8::10', 'fe80::1:0:0:2');
    const frag = decodeTcpPacket(229, withExt(44));
    expect((frag as CaptureError).code).to.equal(CaptureErrorCode.Unsupported);
  });

  it('non-TCP traffic is null', () => {
    const udp = ipTcp(V4);
    udp[9] = 17;
    expect(decodeTcpPacket(228, udp)).to.equal(null);
    const arp = Buffer.concat([Buffer.alloc(12), Buffer.from('0806', 'hex'), Buffer.alloc(28)]);
    expect(decodeTcpPacket(LINKTYPE.ethernet, arp)).to.equal(null);
  });

  it('malformed headers are BAD_PACKET errors with offsets; unknown link types UNSUPPORTED', () => {
    const frame = tcpFrame(V4);
    const cases: [string, Buffer, number][] = [
      ['short Ethernet', frame.subarray(0, 10), LINKTYPE.ethernet],
      ['short IPv4', frame.subarray(0, 14 + 10), LINKTYPE.ethernet],
      ['IPv4 cut', frame.subarray(0, frame.length - 3), LINKTYPE.ethernet],
      ['short TCP', ipTcp({ ...V4, payload: Buffer.alloc(0) }).subarray(0, 30), 228],
    ];
    for (const [name, bytes, lt] of cases) {
      const r = decodeTcpPacket(lt, bytes, 1000);
      expect(r, name).to.be.instanceOf(CaptureError);
      expect((r as CaptureError).code, name).to.equal(CaptureErrorCode.BadPacket);
      expect((r as CaptureError).offset, name).to.be.at.least(1000);
    }
    const badIhl = ipTcp(V4);
    badIhl[0] = 0x43;
    expect((decodeTcpPacket(228, badIhl) as CaptureError).code).to.equal(CaptureErrorCode.BadPacket);
    const badOff = ipTcp(V4);
    badOff[20 + 12] = 0xf0; // data offset 60 > segment
    expect((decodeTcpPacket(228, badOff) as CaptureError).code).to.equal(CaptureErrorCode.BadPacket);
    expect((decodeTcpPacket(147, frame) as CaptureError).code).to.equal(CaptureErrorCode.Unsupported);
  });

  it('flags', () => {
    const p = ok(decodeTcpPacket(228, ipTcp({ ...V4, flags: TCP.SYN | TCP.ACK })));
    expect(p.flags & TcpFlag.SYN).to.not.equal(0);
    expect(p.flags & TcpFlag.ACK).to.not.equal(0);
    expect(p.flags & TcpFlag.FIN).to.equal(0);
  });
});
