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
export { nameAndPasswordAuthentication, credentialsOfAuthentication } from './acse/authentication.js';

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
export type { DeviceID, ExtendedDeviceID, CallingDeviceID, CalledDeviceID, SubjectDeviceID, RedirectionDeviceID, AssociatedCallingDeviceID, AssociatedCalledDeviceID, NetworkCallingDeviceID, NetworkCalledDeviceID } from './csta/types/device-identifiers.js';
export type { ConnectionID, CallID, LocalDeviceID } from './csta/types/call-connection-identifiers.js';
export type { LocalConnectionState } from './csta/types/connection-states.js';
export type { EventCause } from './csta/types/event-cause.js';
export type { MonitorFilter, MonitorCrossRefID } from './csta/types/status-reporting.js';
export type { DeliveredEvent } from './csta/events/delivered-event.js';
export type { EstablishedEvent } from './csta/events/established-event.js';
export type { ConnectionClearedEvent } from './csta/events/connection-cleared-event.js';
export type { AnyCodec, Codec, Infer, RawElement, UnknownComponent } from './schema/index.js';
export { BIT_STRING_LENGTH, MAX_MARKED_BIT_LENGTH, bitLengthOf, wireBitLengths, applyWireBitLengths } from './schema/bit-length.js';

// BER primitives
export { BerReader, DEFAULT_MAX_DEPTH, bytesToHex, hexToBytes } from './ber/reader.js';
export type { BerReaderOptions } from './ber/reader.js';
export { BerWriter } from './ber/writer.js';
export { TagClass, Universal, tagKey, tagName, identifierHex } from './ber/tags.js';

// Framing
export { Framer } from './framing/framer.js';
export type { FrameSpec, FramerOptions, FrameCallback, FrameErrorCallback, FrameMeasurer, MeasureFrame, ResyncInfo } from './framing/framer.js';
export type { FrameStart } from './framing/frame-start.js';
export { BerFraming, createBerFramer, frameBer, berElementLength, HIPATH_MAX_PDU } from './framing/ber-framing.js';
export type { FrameBerOptions } from './framing/ber-framing.js';
export { XmlFraming, createXmlFramer, frameXml, frameXmlNul, frameXmlAs, invokeIdOfHeader } from './framing/xml-framing.js';
export { detectEncoding, DETECT_MAX_BYTES, XML_DETECT_MAX_BYTES } from './framing/autodetect.js';
export type { DetectedEncoding } from './framing/autodetect.js';

// Captures
export { readCapture, iterateCapture, CaptureError, CaptureErrorCode, readPackets } from './capture/index.js';
export type { CaptureEntry, CaptureErrorEntry, CapturedFrame, ReadCaptureOptions, StreamSummary } from './capture/index.js';

// Types named by public declarations (signatures, fields, event maps), so users can name them too;
// scripts/check-exports.mjs (run by the package check) fails when one is missing.
export type { AAREapdu, AARQapdu, ABRTapdu, RLREapdu, RLRQapdu, AuthenticationValue, AuthenticationEXTERNAL } from './acse/acse.js';
export type { application, context, universal } from './ber/tags.js';
export type { CapturePacket, PacketEntry } from './capture/pcap.js';
export type { Direction, Endpoint } from './capture/read-capture.js';
export type { AgentBusyEvent } from './csta/events/agent-busy-event.js';
export type { AgentLoggedOffEvent } from './csta/events/agent-logged-off-event.js';
export type { AgentLoggedOnEvent } from './csta/events/agent-logged-on-event.js';
export type { AgentNotReadyEvent } from './csta/events/agent-not-ready-event.js';
export type { AgentReadyEvent } from './csta/events/agent-ready-event.js';
export type { AgentWorkingAfterCallEvent } from './csta/events/agent-working-after-call-event.js';
export type { AutoAnswerEvent } from './csta/events/auto-answer-event.js';
export type { AutoWorkModeEvent } from './csta/events/auto-work-mode-event.js';
export type { BackInServiceEvent } from './csta/events/back-in-service-event.js';
export type { BookmarkReachedEvent } from './csta/events/bookmark-reached-event.js';
export type { BridgedEvent } from './csta/events/bridged-event.js';
export type { ButtonInformationEvent } from './csta/events/button-information-event.js';
export type { ButtonPressEvent } from './csta/events/button-press-event.js';
export type { CallBackEvent } from './csta/events/call-back-event.js';
export type { CallBackMessageEvent } from './csta/events/call-back-message-event.js';
export type { CallClearedEvent } from './csta/events/call-cleared-event.js';
export type { CallInformationEvent } from './csta/events/call-information-event.js';
export type { CallerIDStatusEvent } from './csta/events/caller-id-status-event.js';
export type { CallAssociatedEvents, CallControlEvents, MediaAttachmentEvents } from './csta/events/categories-call.js';
export type { DeviceMaintenanceEvents, LogicalDeviceFeatureEvents, PhysicalDeviceFeatureEvents, VendorSpecEvents, VoiceUnitEvents } from './csta/events/categories-device.js';
export type { ChargingEvent } from './csta/events/charging-event.js';
export type { CompletedEvent } from './csta/events/completed-event.js';
export type { ConferencedEvent } from './csta/events/conferenced-event.js';
export type { DeviceCapsChangedEvent } from './csta/events/device-capabilities-changed-event.js';
export type { DigitsDialedEvent } from './csta/events/digits-dialed-event.js';
export type { DigitsGeneratedEvent } from './csta/events/digits-generated-event.js';
export type { DisplayUpdatedEvent } from './csta/events/display-updated-event.js';
export type { DivertedEvent } from './csta/events/diverted-event.js';
export type { DoNotDisturbEvent } from './csta/events/do-not-disturb-event.js';
export type { DtmfDetectedEvent } from './csta/events/dtmf-detected-event.js';
export type { EmptiedEvent } from './csta/events/emptied-event.js';
export type { FailedEvent } from './csta/events/failed-event.js';
export type { ForwardingEvent } from './csta/events/forwarding-event.js';
export type { HeldEvent } from './csta/events/held-event.js';
export type { HookswitchEvent } from './csta/events/hookswitch-event.js';
export type { InterruptionDetectedEvent } from './csta/events/interruption-detected-event.js';
export type { LampModeEvent } from './csta/events/lamp-mode-event.js';
export type { MediaAttachedEvent } from './csta/events/media-attached-event.js';
export type { MediaDetachedEvent } from './csta/events/media-detached-event.js';
export type { MessageWaitingEvent } from './csta/events/message-waiting-event.js';
export type { MicrophoneGainEvent } from './csta/events/microphone-gain-event.js';
export type { MicrophoneMuteEvent } from './csta/events/microphone-mute-event.js';
export type { NetworkCapabilitiesChangedEvent } from './csta/events/network-capabilities-changed-event.js';
export type { NetworkReachedEvent } from './csta/events/network-reached-event.js';
export type { NotRecognizedEvent } from './csta/events/not-recognized-event.js';
export type { OfferedEvent } from './csta/events/offered-event.js';
export type { OriginatedEvent } from './csta/events/originated-event.js';
export type { OutOfServiceEvent } from './csta/events/out-of-service-event.js';
export type { PartiallyInServiceEvent } from './csta/events/partially-in-service-event.js';
export type { PlayEvent } from './csta/events/play-event.js';
export type { PresenceStateEvent } from './csta/events/presence-state-event.js';
export type { PrivateEvent } from './csta/events/private-event.js';
export type { QueuedEvent } from './csta/events/queued-event.js';
export type { RecognizedEvent } from './csta/events/recognized-event.js';
export type { RecordEvent } from './csta/events/record-event.js';
export type { RetrievedEvent } from './csta/events/retrieved-event.js';
export type { ReviewEvent } from './csta/events/review-event.js';
export type { RingerStatusEvent } from './csta/events/ringer-status-event.js';
export type { RouteingModeEvent } from './csta/events/routeing-mode-event.js';
export type { ServiceCompletionFailureEvent } from './csta/events/service-completion-failure-event.js';
export type { ServiceInitiatedEvent } from './csta/events/service-initiated-event.js';
export type { SilenceTimeoutExpiredEvent } from './csta/events/silence-timeout-expired-event.js';
export type { SpeakerMuteEvent } from './csta/events/speaker-mute-event.js';
export type { SpeakerVolumeEvent } from './csta/events/speaker-volume-event.js';
export type { SpeechDetectedEvent } from './csta/events/speech-detected-event.js';
export type { StartedEvent } from './csta/events/started-event.js';
export type { StopEvent } from './csta/events/stop-event.js';
export type { SuspendPlayEvent } from './csta/events/suspend-play-event.js';
export type { SuspendRecordEvent } from './csta/events/suspend-record-event.js';
export type { TelephonyTonesGeneratedEvent } from './csta/events/telephony-tones-generated-event.js';
export type { TransferredEvent } from './csta/events/transferred-event.js';
export type { VoiceAttributesChangeEvent } from './csta/events/voice-attributes-change-event.js';
export type { VoiceErrorOccuredEvent } from './csta/events/voice-error-occured-event.js';
export type { GetAgentStateResult } from './csta/services/get-agent-state.js';
export type { RouteRequestArgument } from './csta/services/route-request.js';
export type { RouteSelectRequestArgument } from './csta/services/route-select-request.js';
export type { ReqAgentState, SetAgentStateArgument } from './csta/services/set-agent-state.js';
export type { CSTAPrivateData } from './csta/types/extension-types.js';
export type { SnapshotDeviceResult } from './csta/services/snapshot-device.js';
export type { CSTAVersion } from './csta/types/acse-user-info-csta.js';
export type { ConnectionList } from './csta/types/connection-states.js';
export type { AgentState, ForwardingType, PendingAgentState, SystemStatus } from './csta/types/device-feature-types.js';
export type { SnapshotDeviceData } from './csta/types/status-reporting.js';
export type { AlternativeSpec, BitStringCodec, ChoiceCodec, EnumeratedCodec, ExplicitCodec, FieldSpec, OpenTypeCodec, OptionalField, PrimitiveCodec, PrimitiveKind, SequenceCodec, SequenceOfCodec, optional } from './schema/codec.js';
export type { UnknownAlternative } from './schema/constructed.js';
export type { XmlElement } from './xml/parse.js';
export type { XmlAttributes, XmlWriter } from './xml/writer.js';
