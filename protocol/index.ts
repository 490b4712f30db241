/**
 * csta-link/protocol: the wire layer — codecs, framers and capture reading, no sockets and no
 * state. Every export is named here.
 */
export { CstaError, DecodeError, DecodeErrorCode, EncodeError, EncodeErrorCode } from './errors.js';
export type { DecodeErrorDetails } from './errors.js';

// Frames ↔ typed PDUs
export { decodePdu, encodePdu, DEFAULT_MAX_FRAME_SIZE } from './pdu.js';
export type { CstaPdu, DecodeOptions } from './pdu.js';
export { decodeXml, decodeXmlMessage, encodeXml, messageNameOf, namespaceOf, isEcma323Namespace, editionOfNamespace } from './xml/index.js';
export type { XmlDecodeOptions, XmlEncodeOptions, XmlMessage, XmlDecodeWarning, Ecma323Edition, VendorPdu, VendorElement } from './xml/index.js';

// Vendor profiles (one file per PBX family)
export { VENDOR_PROFILES, VENDOR_PROFILE_NAMES, vendorProfile, AVAYA_DMCC_PROTOCOL_VERSIONS, unitelLoginInfo } from './profiles/index.js';
export type { VendorProfile, VendorProfileName, ProfileAssociation, ProfileCorrelation, ProfileFraming, ProfileKeepAlive } from './profiles/index.js';

// ECMA-354 application sessions (XML only)
export * from './ecma354/index.js';

// ROSE and ACSE
export { RejectProblem, RoseTag, UNIVERSAL_FAILURE_CODE } from './rose/pdu.js';
export type {
  Code,
  InvokeId,
  LinkedId,
  InvokePdu,
  KnownInvoke,
  UnknownInvoke,
  ReturnResultPdu,
  KnownReturnResult,
  EmptyReturnResult,
  UnknownReturnResult,
  ReturnErrorPdu,
  UniversalFailureError,
  UnknownReturnError,
  RejectPdu,
  RosePdu,
} from './rose/pdu.js';
export type { AcsePdu, AarqPdu, AarePdu, RlrqPdu, RlrePdu, AbrtPdu } from './acse/pdu.js';

// Operations and the schema
export { OPERATIONS, operationByCode, operationByName } from './csta/operations.js';
export type { Operation, OperationName, OperationNamed } from './csta/operations.js';
export { defineOperation } from './csta/operation.js';
export type { OperationDefinition, ArgumentOf, ResultOf } from './csta/operation.js';
export { CSTAEventReportArgument, EventSpecificInfo, cSTAEventReport } from './csta/events/event-report.js';
export type { UniversalFailure } from './csta/types/error-definition.js';
export type { DeviceID } from './csta/types/device-identifiers.js';
export type { ConnectionID, CallID } from './csta/types/call-connection-identifiers.js';
export type { LocalConnectionState } from './csta/types/connection-states.js';
export type { EventCause } from './csta/types/event-cause.js';
export type { MonitorFilter, MonitorCrossRefID } from './csta/types/status-reporting.js';
export type { DeliveredEvent } from './csta/events/delivered-event.js';
export type { EstablishedEvent } from './csta/events/established-event.js';
export type { ConnectionClearedEvent } from './csta/events/connection-cleared-event.js';
export type { AnyCodec, Codec, Infer, RawElement, UnknownComponent } from './schema/index.js';

// BER primitives
export { BerReader, DEFAULT_MAX_DEPTH, bytesToHex, hexToBytes } from './ber/reader.js';
export type { BerReaderOptions } from './ber/reader.js';
export { BerWriter } from './ber/writer.js';
export { TagClass, Universal, tagKey, tagName, identifierHex } from './ber/tags.js';

// Framing
export { Framer } from './framing/framer.js';
export type { FrameSpec, FramerOptions, FrameCallback, FrameErrorCallback, FrameMeasurer, MeasureFrame, ResyncInfo } from './framing/framer.js';
export { BerFraming, createBerFramer, frameBer, berElementLength, HIPATH_MAX_PDU } from './framing/ber-framing.js';
export type { FrameBerOptions } from './framing/ber-framing.js';
export { XmlFraming, createXmlFramer, frameXml, frameXmlNul, frameXmlAs, invokeIdOfHeader } from './framing/xml-framing.js';
export { detectEncoding, DETECT_MAX_BYTES, XML_DETECT_MAX_BYTES } from './framing/autodetect.js';
export type { DetectedEncoding } from './framing/autodetect.js';

// Captures
export { readCapture, iterateCapture, CaptureError, CaptureErrorCode, readPackets } from './capture/index.js';
export type { CaptureEntry, CaptureErrorEntry, CapturedFrame, ReadCaptureOptions, StreamSummary } from './capture/index.js';
