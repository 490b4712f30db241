/** The capture pipeline: fixture captures against their expected decodes, and every failure path. */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { iterateCapture, readCapture } from '../../../protocol/capture/read-capture.js';
import type { CaptureEntry, CaptureErrorEntry, CapturedFrame, ReadCaptureOptions } from '../../../protocol/capture/read-capture.js';
import { CaptureError, CaptureErrorCode } from '../../../protocol/capture/errors.js';
import { DecodeError } from '../../../protocol/errors.js';
import { frameBer } from '../../../protocol/framing/ber-framing.js';
import { frameXml } from '../../../protocol/framing/xml-framing.js';
import { TCP, TcpConversation, writePcap, writePcapNg, tcpFrame } from '../../support/pcap-writer.js';
import { loadFrameFixtures, REPO_ROOT } from '../../support/fixtures.js';

const CAPTURES = join(REPO_ROOT, 'fixtures', 'captures');
const frameFixtures = loadFrameFixtures();
const ber = (file: string): Buffer => frameFixtures.find((f) => f.file === file)!.bytes;

interface Expected {
  readOptions: ReadCaptureOptions;
  streams: { streamId: number; client: object; server: object }[];
  frames: {
    packetIndex: number;
    timestampNs: string;
    streamId: number;
    direction: string;
    offset: number;
    encoding: string;
    framing: string;
    hex: string;
    invokeId?: string;
    pdu?: unknown;
  }[];
  errors: unknown[];
}

const framesOf = (entries: CaptureEntry[]): CapturedFrame[] => entries.filter((e): e is CapturedFrame => e.kind === 'frame');
const errorsOf = (entries: CaptureEntry[]): CaptureErrorEntry[] => entries.filter((e): e is CaptureErrorEntry => e.kind === 'error');
const codes = (entries: CaptureEntry[]): string[] => errorsOf(entries).map((e) => e.error.code);

function summary(f: CapturedFrame): object {
  return {
    packetIndex: f.packetIndex,
    timestampNs: String(f.timestampNs),
    streamId: f.streamId,
    direction: f.direction,
    offset: f.offset,
    encoding: f.encoding,
    framing: f.framing,
    hex: f.bytes.toString('hex'),
    ...(f.invokeId !== undefined ? { invokeId: f.invokeId } : {}),
  };
}

function expectNoCrash(bytes: Uint8Array, options: ReadCaptureOptions = {}): CaptureEntry[] {
  const entries = readCapture(bytes, { decode: true, ...options });
  for (const e of errorsOf(entries)) {
    expect(e.error instanceof CaptureError || e.error instanceof DecodeError, String(e.error)).to.equal(true);
  }
  return entries;
}

describe('readCapture', () => {
  describe('fixture captures', () => {
    const names = readdirSync(CAPTURES).filter((f) => f.endsWith('.expected.json'));
    it('has the BER and XML captures', () => {
      expect(names).to.include.members(['ber-call.expected.json', 'xml-call.expected.json']);
    });
    for (const name of names) {
      const expected = JSON.parse(readFileSync(join(CAPTURES, name), 'utf8')) as Expected;
      const capture = readdirSync(CAPTURES).find((f) => f.startsWith(name.replace('.expected.json', '.')) && /\.pcap(ng)?$/.test(f))!;
      const bytes = readFileSync(join(CAPTURES, capture));
      describe(capture, () => {
        for (const [label, options] of [
          ['with the expected read options', expected.readOptions],
          ['with autodetection only', {}],
        ] as const) {
          it(`frames, offsets, timestamps and directions ${label}`, () => {
            const entries = readCapture(bytes, options);
            expect(errorsOf(entries).map((e) => String(e.error))).to.deep.equal(expected.errors);
            const frames = framesOf(entries);
            expect(frames.map(summary)).to.deep.equal(expected.frames.map(({ pdu: _p, source: _s, xml: _x, ...rest }: Expected['frames'][number] & { source?: string; xml?: string }) => rest));
            for (const f of frames) {
              const s = expected.streams.find((x) => x.streamId === f.streamId)!;
              expect({ client: f.client, server: f.server }).to.deep.equal({ client: s.client, server: s.server });
            }
          });
        }
        it('decodes each frame to the expected PDU', () => {
          const entries = readCapture(bytes, { ...expected.readOptions, decode: true });
          const byOffset = new Map(entries.map((e) => [e.kind === 'frame' ? `${e.direction}@${e.offset}` : e.kind === 'error' && e.frame !== undefined ? `${e.frame.direction}@${e.frame.offset}` : '', e]));
          const wanted = expected.frames.filter((f) => f.pdu !== undefined);
          expect(wanted, 'expected frames with a pdu').to.not.be.empty;
          for (const want of wanted) {
            const got = byOffset.get(`${want.direction}@${want.offset}`);
            expect(got, `frame at ${want.direction}@${want.offset}`).to.not.equal(undefined);
            if (got!.kind !== 'frame') return expect.fail(`frame at ${want.direction}@${want.offset} did not decode: ${got!.kind === 'error' ? String(got!.error) : 'stream'}`);
            expect(got!.pdu, `frame at ${want.direction}@${want.offset}`).to.deep.equal(want.pdu);
          }
        });
        it('truncated at every 97th byte: typed errors, no crash, frames a prefix of the full read', () => {
          const full = framesOf(readCapture(bytes)).map(summary);
          for (let cut = 0; cut < bytes.length; cut += 97) {
            const entries = expectNoCrash(bytes.subarray(0, cut));
            const got = framesOf(entries).map(summary);
            expect(full.slice(0, got.length)).to.deep.equal(got);
          }
        });
        it('random corruption: typed errors, no crash', () => {
          let seed = 7;
          const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
          for (let i = 0; i < 150; i++) {
            const b = Buffer.from(bytes);
            for (let k = 0; k < 1 + rnd(6); k++) b[rnd(b.length)] = rnd(256);
            expectNoCrash(b);
          }
        });
      });
    }
  });

  describe('streams built in the test', () => {
    const client = { addr: '10.0.0.1', port: 50000 };
    const server = { addr: '10.0.0.2', port: 7001 };
    const inv = frameBer('length16', ber('monitor-start.invoke.json'));
    const res = frameBer('length16', ber('monitor-start.result.json'));

    it('a finished connection leaves the table: its late retransmission is dropped, a new SYN on the same 4-tuple is a new stream', () => {
      const d = new TcpConversation(client, server);
      const first = [...d.handshake(), ...d.send(0, inv), ...d.send(1, res), d.fin(0), d.fin(1)];
      const late = d.packet(0, d.seqOf(0) - 1 - inv.length, TCP.PSH | TCP.ACK, inv); // a copy of the invoke after both FINs
      const again = new TcpConversation(client, server, { isn: [90000, 95000] });
      const second = [...again.handshake(), ...again.send(0, inv), again.fin(0), again.fin(1)];
      const entries = readCapture(writePcap([...first, late, ...second]), { streamSummaries: true });
      const streams = entries.filter((e) => e.kind === 'stream');
      expect(streams.map((e) => (e as { frames: number }).frames)).to.deep.equal([2, 1]);
      expect(framesOf(entries)).to.have.length(3);
      expect(errorsOf(entries)).to.deep.equal([]);
    });

    it('a gap in the stream is reported and framing resumes at the next segment that starts a frame', () => {
      const d = new TcpConversation(client, server);
      const hs = d.handshake();
      const first = d.send(0, inv);
      const hole = d.send(0, inv.subarray(0, 5));
      void hole;
      const tail = d.send(0, inv.subarray(5));
      const next = d.send(0, res);
      const entries2 = readCapture(writePcap([...hs, ...first, ...tail, ...next]), { ports: [7001] });
      expect(framesOf(entries2).map((f) => f.offset)).to.deep.equal([0, inv.length * 2]);
      expect(codes(entries2)).to.deep.equal([CaptureErrorCode.Gap]);
      expect((errorsOf(entries2)[0]!.error as CaptureError).offset).to.equal(inv.length);
    });

    it('out-of-order data beyond maxBufferedBytes: BUFFER_LIMIT, then frames after the hole', () => {
      const c = new TcpConversation(client, server);
      const hs = c.handshake();
      c.send(0, inv); // lost
      const later = [0, 1, 2, 3].flatMap(() => c.send(0, res));
      const entries = readCapture(writePcap([...hs, ...later]), { maxBufferedBytes: res.length * 2 });
      expect(codes(entries)[0]).to.equal(CaptureErrorCode.BufferLimit);
      expect(framesOf(entries).length).to.equal(4);
    });

    it('a stream ending inside a frame reports INCOMPLETE_FRAME', () => {
      const c = new TcpConversation(client, server);
      const pk = [...c.handshake(), ...c.send(0, Buffer.concat([inv, res.subarray(0, 9)])), c.fin(0), c.fin(1)];
      const entries = readCapture(writePcap(pk));
      expect(framesOf(entries).length).to.equal(1);
      expect(codes(entries)).to.deep.equal([CaptureErrorCode.IncompleteFrame]);
    });

    it('a capture starting mid-connection: direction from the port option, else the lower port', () => {
      const c = new TcpConversation({ addr: '10.0.0.1', port: 1000 }, { addr: '10.0.0.2', port: 60000 });
      c.handshake();
      const pk = [...c.send(1, res), ...c.send(0, inv)];
      const byPort = framesOf(readCapture(writePcap(pk), { ports: [60000] }));
      expect(byPort.map((f) => f.direction)).to.deep.equal(['server→client', 'client→server']);
      expect(byPort[0]!.server).to.deep.equal({ address: '10.0.0.2', port: 60000 });
      const byLowerPort = framesOf(readCapture(writePcap(pk)));
      expect(byLowerPort.map((f) => f.direction)).to.deep.equal(['client→server', 'server→client']);
    });

    it('plain XML over IPv6 in pcapng (big-endian): offsets skip the whitespace between documents', () => {
      const c = new TcpConversation({ addr: '2001:db8::1', port: 50000 }, { addr: '2001:db8::2', port: 4722 });
      const docs = ['<?xml version="1.0"?><A xmlns="x">1</A>', '<B/>', '<C><d>2</d></C>'];
      const stream = Buffer.from(`${docs[0]}\r\n${docs[1]}\n\n${docs[2]}`);
      const pk = [...c.handshake(), ...c.send(1, stream, [3, 30, 45])];
      const frames = framesOf(readCapture(writePcapNg(pk, { littleEndian: false, interfaces: [{ linkType: 1, tsresol: 9 }] })));
      expect(frames.map((f) => [f.bytes.toString(), f.offset, f.framing, f.direction])).to.deep.equal([
        [docs[0], 0, 'plain', 'server→client'],
        [docs[1], docs[0]!.length + 2, 'plain', 'server→client'],
        [docs[2], docs[0]!.length + docs[1]!.length + 4, 'plain', 'server→client'],
      ]);
    });

    it('headed XML: invoke ids and decode: true', () => {
      const c = new TcpConversation(client, { addr: '10.0.0.2', port: 4721 });
      const pk = [...c.handshake(), ...c.send(0, frameXml('<NotWellFormed xmlns="urn:x">', 42), [3])];
      const entries = readCapture(writePcap(pk), { decode: true });
      // The frame is framed; decoding it fails: an error entry that carries the frame.
      const [err] = errorsOf(entries);
      expect(err!.error).to.be.instanceOf(DecodeError);
      expect(err!.frame!.invokeId).to.equal('0042');
      expect(err!.frame!.bytes.toString()).to.equal('<NotWellFormed xmlns="urn:x">');
    });

    it('BER decode: true gives typed PDUs; undecodable frames are error entries and reading continues', () => {
      const c = new TcpConversation(client, server);
      const garbage = frameBer('length16', Buffer.from('a1030201ff', 'hex'));
      const pk = [...c.handshake(), ...c.send(0, inv), ...c.send(0, garbage), ...c.send(1, res)];
      const entries = readCapture(writePcap(pk), { decode: true });
      expect(entries.map((e) => e.kind)).to.deep.equal(['frame', 'error', 'frame']);
      expect((entries[0] as CapturedFrame).pdu).to.deep.equal(frameFixtures.find((f) => f.file === 'monitor-start.invoke.json')!.decoded);
    });

    it('IP fragments and malformed packets are error entries with their packet index; reading continues', () => {
      const c = new TcpConversation(client, server);
      const hs = c.handshake();
      const frag = tcpFrame({ src: '10.0.0.1', dst: '10.0.0.2', sport: 50000, dport: 7001, seq: 1, flags: TCP.ACK, fragmentWord: 0x2000 });
      const cut = hs[0]!.data.subarray(0, 20);
      const pk = [...hs, { tsNs: 5n, data: frag }, { tsNs: 6n, data: cut }, ...c.send(0, inv)];
      const entries = readCapture(writePcap(pk));
      expect(errorsOf(entries).map((e) => [e.error.code, e.packetIndex])).to.deep.equal([
        [CaptureErrorCode.Unsupported, 3],
        [CaptureErrorCode.BadPacket, 4],
      ]);
      expect(framesOf(entries).length).to.equal(1);
    });

    it('ports: other connections are ignored; an unrecognisable stream on a CSTA port is reported', () => {
      const other = new TcpConversation({ addr: '10.0.0.9', port: 50001 }, { addr: '10.0.0.2', port: 9999 });
      const web = new TcpConversation({ addr: '10.0.0.9', port: 50002 }, { addr: '10.0.0.2', port: 7001 });
      const pk = [
        ...other.handshake(),
        ...other.send(0, inv),
        ...web.handshake(),
        ...web.send(0, Buffer.from(`GET / HTTP/1.1\r\nHost: pbx\r\nUser-Agent: ${'x'.repeat(80)}\r\n\r\n`)),
      ];
      const entries = readCapture(writePcap(pk), { ports: [7001] });
      expect(framesOf(entries)).to.deep.equal([]);
      expect(codes(entries)).to.deep.equal([CaptureErrorCode.UnrecognisedStream]);
      // Without ports, the BER stream on 9999 is found and the HTTP one ignored silently.
      const auto = readCapture(writePcap(pk));
      expect(framesOf(auto).map((f) => f.server.port)).to.deep.equal([9999]);
      expect(codes(auto)).to.deep.equal([]);
    });

    it('a reused 4-tuple after FIN starts a new stream; late retransmissions to the old one are ignored', () => {
      const a = new TcpConversation(client, server, { isn: [100, 200] });
      const b = new TcpConversation(client, server, { isn: [900000, 800000] });
      const hs = a.handshake();
      const first = a.send(0, inv);
      const pk = [...hs, ...first, a.fin(0), a.fin(1), ...first, ...b.handshake(), ...b.send(0, inv)];
      const frames = framesOf(readCapture(writePcap(pk)));
      expect(frames.map((f) => [f.streamId, f.offset])).to.deep.equal([
        [0, 0],
        [1, 0],
      ]);
    });

    it('iterateCapture yields lazily', () => {
      const c = new TcpConversation(client, server);
      const it = iterateCapture(writePcap([...c.handshake(), ...c.send(0, inv), ...c.send(1, res)]));
      const first = it.next();
      expect(first.done).to.equal(false);
      expect((first.value as CapturedFrame).direction).to.equal('client→server');
    });

    it('an empty or non-capture file is one typed error', () => {
      expect(codes(readCapture(Buffer.alloc(0)))).to.deep.equal([CaptureErrorCode.Truncated]);
      expect(codes(readCapture(Buffer.from('hello world, not a pcap')))).to.deep.equal([CaptureErrorCode.BadMagic]);
    });
  });
});
