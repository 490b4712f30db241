/**
 * The ECMA-323 XML wire: CSTA-XML documents behind the 8-byte header (format 0x0000, total
 * length, 4-digit invoke id). The header's invoke id is the ROSE invokeId of the PDU, so the
 * session correlates XML requests exactly as it does BER ones.
 *
 * Plain XML (no header) carries no invoke id, so requests could only be matched to answers by
 * order; this wire refuses it for sessions (decoding plain XML captures works in the CLI).
 */
import { decodeXml, encodeXml } from '../../protocol/xml/index.js';
import { createXmlFramer, frameXml, invokeIdOfHeader } from '../../protocol/framing/xml-framing.js';
import { DecodeError, DecodeErrorCode } from '../../protocol/errors.js';
import { registerXmlWire } from './wire.js';
import type { WireCodec } from './wire.js';

/** Invoke ids 0..9999 fit the header's 4 digits. */
export const XML_MAX_INVOKE_ID = 9999;

registerXmlWire((format, limits): WireCodec => {
  if (format.framing !== 'header') throw new Error('a CSTA session over XML needs the 8-byte header framing (it carries the invoke id)');
  return {
    format,
    ...(limits.framingErrors !== undefined ? { framingErrors: limits.framingErrors } : {}),
    createFramer: () => createXmlFramer('header', { maxFrameSize: limits.maxFrameSize }),
    decode(frame, header) {
      const id = invokeIdOfHeader(header);
      if (!/^\d{1,4}$/.test(id)) throw new DecodeError(DecodeErrorCode.BadSyntax, 4, `invoke id ${JSON.stringify(id)} in the XML header is not numeric`);
      return decodeXml(frame, { invokeId: Number(id), maxFrameSize: limits.maxFrameSize, maxDepth: limits.maxDepth });
    },
    encode(pdu) {
      const id = 'invokeId' in pdu && typeof pdu.invokeId === 'number' ? pdu.invokeId : 0;
      return frameXml(encodeXml(pdu, { xmlDeclaration: false }), id % (XML_MAX_INVOKE_ID + 1));
    },
  };
});
