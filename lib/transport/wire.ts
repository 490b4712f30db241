/**
 * How PDUs travel on a TCP stream: an encoding (BER or ECMA-323 XML) and a framing. A WireCodec
 * bundles the framer, decoder and encoder for one choice, so the session and the simulator speak
 * exactly the same wire.
 */
import type { Buffer } from 'node:buffer';
import { decodePdu, encodePdu } from '../../protocol/pdu.js';
import type { CstaPdu, DecodeOptions } from '../../protocol/pdu.js';
import { createBerFramer, frameBer } from '../../protocol/framing/ber-framing.js';
import type { BerFraming } from '../../protocol/framing/ber-framing.js';
import type { Framer } from '../../protocol/framing/framer.js';
import type { XmlFraming } from '../../protocol/framing/xml-framing.js';

/** The wire format of a CSTA link (the framings are described in docs/framing.md). */
export type WireFormat =
  | { readonly encoding: 'ber'; readonly framing: BerFraming }
  | { readonly encoding: 'xml'; readonly framing: XmlFraming; readonly dialect?: XmlWireDialect };

/** How the XML wire writes and reads documents; a vendor profile sets it. */
export interface XmlWireDialect {
  /**
   * Namespace to write (`''` = none). Unset: the namespace of the last message the peer sent
   * (none if it sent none: Zultys, Uni-tel requests), and ed4 until it has sent one.
   */
  readonly namespace?: string;
  /** Read documents declared UTF-16 but sent as UTF-8 (Uni-tel) instead of refusing them. */
  readonly utf16DeclarationAsUtf8?: boolean;
  /**
   * How answers find their requests: the framing header's invoke id (default), or (Uni-tel, whose
   * NUL framing has none) a `<privateData><requestID>` sent with each request and echoed back.
   */
  readonly correlation?: 'invokeId' | 'requestID';
  /** Which end this wire is: the CTI client (default) or the switch (the simulator). */
  readonly side?: 'client' | 'switch';
}
/**
 * What a connection does when its framer loses the frame boundaries: `resync` skips to the next
 * plausible frame start (and reports `frameError`); `close` reports it and closes the socket with
 * a FramingLostError, so a session with a reconnect policy starts afresh.
 */
export type FramingErrorPolicy = 'resync' | 'close';

export const DEFAULT_WIRE: WireFormat = { encoding: 'ber', framing: 'length16' };

export interface WireCodec {
  readonly format: WireFormat;
  createFramer(): Framer;
  /** Decodes one frame (payload and its framing header). Throws DecodeError. */
  decode(frame: Buffer, header: Buffer): CstaPdu;
  /** Encodes and frames one PDU, ready to write to the socket. */
  encode(pdu: CstaPdu): Uint8Array;
  /** @default 'resync' */
  readonly framingErrors?: FramingErrorPolicy;
}

export interface WireLimits extends DecodeOptions {
  /** See {@link FramingErrorPolicy}. @default 'resync' */
  readonly framingErrors?: FramingErrorPolicy;
}

type XmlWireFactory = (format: Extract<WireFormat, { encoding: 'xml' }>, limits: WireLimits) => WireCodec;
let xmlFactory: XmlWireFactory | undefined;

/** Registers the XML wire implementation (done by lib/transport/xml-wire.ts on import). */
export function registerXmlWire(factory: XmlWireFactory): void {
  xmlFactory = factory;
}

export function createWireCodec(format: WireFormat = DEFAULT_WIRE, limits: WireLimits = {}): WireCodec {
  switch (format.encoding) {
    case 'ber':
      return {
        format,
        ...(limits.framingErrors !== undefined ? { framingErrors: limits.framingErrors } : {}),
        // decodePdu reads no framing header: the framer hands out none (one Buffer less per frame).
        createFramer: () => createBerFramer(format.framing, { maxFrameSize: limits.maxFrameSize, headers: false }),
        decode: (frame) => decodePdu(frame, limits),
        encode: (pdu) => frameBer(format.framing, encodePdu(pdu)),
      };
    case 'xml':
      if (xmlFactory === undefined) throw new Error('XML wire format not available: import lib/transport/xml-wire.js');
      return xmlFactory(format, limits);
    default: {
      const never: never = format;
      throw new Error(`unknown wire format ${JSON.stringify(never)}`);
    }
  }
}
