/**
 * The ECMA-323 XML wire: CSTA-XML documents behind the 8-byte header (format 0x0000, total
 * length, 4-digit invoke id), whose invoke id is the ROSE invokeId of the PDU, so the session
 * correlates XML requests exactly as it does BER ones; or NUL-terminated documents (Uni-tel),
 * which carry no invoke id, with answers matched by `<privateData><requestID>`
 * (request-id-correlation.ts).
 *
 * Plain XML (no header, no terminator) has neither, so this wire refuses it for sessions
 * (decoding plain XML captures works in the CLI).
 */
import { decodeXmlMessage, encodeXml, isEcma323Namespace, namespaceOf } from '../../protocol/xml/index.js';
import { createXmlFramer, frameXml, frameXmlNul, invokeIdOfHeader } from '../../protocol/framing/xml-framing.js';
import { RequestIdCorrelation, RequestIdEcho } from './request-id-correlation.js';
import { DecodeError, DecodeErrorCode } from '../../protocol/errors.js';
import { registerXmlWire } from './wire.js';
import type { WireCodec } from './wire.js';

/** Invoke ids 0..9999 fit the header's 4 digits. */
export const XML_MAX_INVOKE_ID = 9999;

registerXmlWire((format, limits): WireCodec => {
  const dialect = format.dialect ?? {};
  const framing = format.framing;
  if (framing === 'plain') throw new Error('a CSTA session over XML needs the 8-byte header (it carries the invoke id) or NUL framing with requestID correlation');
  const correlation = dialect.correlation ?? (framing === 'nul' ? 'requestID' : 'invokeId');
  if (framing === 'nul' && correlation !== 'requestID') throw new Error('NUL-terminated XML carries no invoke id: it needs requestID correlation');
  const requestIds = correlation !== 'requestID' ? undefined : dialect.side === 'switch' ? new RequestIdEcho() : new RequestIdCorrelation();
  // Reply in the namespace the peer used (snom answers ed5 to ed3; Zultys uses none).
  let peerNamespace: string | undefined;
  return {
    format,
    ...(limits.framingErrors !== undefined ? { framingErrors: limits.framingErrors } : {}),
    createFramer: () => createXmlFramer(framing, { maxFrameSize: limits.maxFrameSize }),
    decode(frame, header) {
      let invokeId = 0;
      if (framing === 'header') {
        const id = invokeIdOfHeader(header);
        if (!/^\d{1,4}$/.test(id)) throw new DecodeError(DecodeErrorCode.BadSyntax, 4, `invoke id ${JSON.stringify(id)} in the XML header is not numeric`);
        invokeId = Number(id);
      }
      const m = decodeXmlMessage(frame, {
        invokeId,
        maxFrameSize: limits.maxFrameSize,
        maxDepth: limits.maxDepth,
        utf16DeclarationAsUtf8: dialect.utf16DeclarationAsUtf8 === true,
      });
      // ECMA-354 messages have their own namespace (Uni-tel's, in ECMA-323 ed6, counts).
      if (m.pdu.pdu !== 'vendor' && (m.pdu.pdu !== 'applicationSession' || isEcma323Namespace(m.namespace ?? ''))) peerNamespace = m.namespace ?? '';
      return requestIds === undefined ? m.pdu : requestIds.incoming(m.pdu);
    },
    encode(pdu) {
      const id = 'invokeId' in pdu && typeof pdu.invokeId === 'number' ? pdu.invokeId : 0;
      const namespace = dialect.namespace ?? peerNamespace ?? namespaceOf(4);
      const out = requestIds === undefined ? pdu : requestIds.outgoing(pdu);
      const xml = encodeXml(out, { xmlDeclaration: false, namespace });
      return framing === 'nul' ? frameXmlNul(xml) : frameXml(xml, id % (XML_MAX_INVOKE_ID + 1));
    },
  };
});
