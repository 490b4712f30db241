/** Reading CSTA traffic out of pcap/pcapng captures. */
export { readCapture, iterateCapture, Direction } from './read-capture.js';
export type { CaptureEntry, CaptureErrorEntry, CapturedFrame, Endpoint, ReadCaptureOptions, StreamSummary } from './read-capture.js';
export { CaptureError, CaptureErrorCode } from './errors.js';
export { readPackets, readPcap, readPcapNg, captureFormatOf, CaptureFormat } from './pcap.js';
export type { CapturePacket, PacketEntry } from './pcap.js';
export { decodeTcpPacket, LinkType, TcpFlag } from './packet.js';
export type { TcpPacket } from './packet.js';
export { TcpReassembler, GapReason, DEFAULT_MAX_BUFFERED_BYTES } from './reassembly.js';
export type { ReassemblyOptions, ReassemblySink } from './reassembly.js';
