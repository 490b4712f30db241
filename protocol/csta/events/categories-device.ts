/**
 * The device event categories of CSTA-event-report-definitions { iso(1) identified-organization(3)
 * icd-ecma(12) standard(0) csta3(285) event-report-definitions(21) } (ECMA-285): physical device
 * features, logical device features, device maintenance, voice unit and vendor specific events.
 *
 * All five categories are transcribed with every alternative ECMA-285 lists. Each stays
 * extensible: an event this schema does not know (vendor extension, newer edition) is kept as
 * `{ $unknown: { tlv } }` and re-encoded unchanged.
 *
 * The value types are spelt out (instead of `Infer<typeof X>`) so that declaration emit refers
 * to them by name (see categories-call.ts, TS7056). The annotation is checked against the codec.
 */
import { choice, implicit } from '../../schema/index.js';
import type { ChoiceCodec, UnknownAlternative } from '../../schema/index.js';
import { AgentBusyEvent } from './agent-busy-event.js';
import { AgentLoggedOffEvent } from './agent-logged-off-event.js';
import { AgentLoggedOnEvent } from './agent-logged-on-event.js';
import { AgentNotReadyEvent } from './agent-not-ready-event.js';
import { AgentReadyEvent } from './agent-ready-event.js';
import { AgentWorkingAfterCallEvent } from './agent-working-after-call-event.js';
import { AutoAnswerEvent } from './auto-answer-event.js';
import { AutoWorkModeEvent } from './auto-work-mode-event.js';
import { BackInServiceEvent } from './back-in-service-event.js';
import { BookmarkReachedEvent } from './bookmark-reached-event.js';
import { ButtonInformationEvent } from './button-information-event.js';
import { ButtonPressEvent } from './button-press-event.js';
import { CallBackEvent } from './call-back-event.js';
import { CallBackMessageEvent } from './call-back-message-event.js';
import { CallerIDStatusEvent } from './caller-id-status-event.js';
import { CompletedEvent } from './completed-event.js';
import { DeviceCapsChangedEvent } from './device-capabilities-changed-event.js';
import { DisplayUpdatedEvent } from './display-updated-event.js';
import { DoNotDisturbEvent } from './do-not-disturb-event.js';
import { DtmfDetectedEvent } from './dtmf-detected-event.js';
import { EmptiedEvent } from './emptied-event.js';
import { ForwardingEvent } from './forwarding-event.js';
import { HookswitchEvent } from './hookswitch-event.js';
import { InterruptionDetectedEvent } from './interruption-detected-event.js';
import { LampModeEvent } from './lamp-mode-event.js';
import { MessageWaitingEvent } from './message-waiting-event.js';
import { MicrophoneGainEvent } from './microphone-gain-event.js';
import { MicrophoneMuteEvent } from './microphone-mute-event.js';
import { NotRecognizedEvent } from './not-recognized-event.js';
import { OutOfServiceEvent } from './out-of-service-event.js';
import { PartiallyInServiceEvent } from './partially-in-service-event.js';
import { PlayEvent } from './play-event.js';
import { PresenceStateEvent } from './presence-state-event.js';
import { PrivateEvent } from './private-event.js';
import { RecognizedEvent } from './recognized-event.js';
import { RecordEvent } from './record-event.js';
import { ReviewEvent } from './review-event.js';
import { RingerStatusEvent } from './ringer-status-event.js';
import { RouteingModeEvent } from './routeing-mode-event.js';
import { SilenceTimeoutExpiredEvent } from './silence-timeout-expired-event.js';
import { SpeakerMuteEvent } from './speaker-mute-event.js';
import { SpeakerVolumeEvent } from './speaker-volume-event.js';
import { SpeechDetectedEvent } from './speech-detected-event.js';
import { StartedEvent } from './started-event.js';
import { StopEvent } from './stop-event.js';
import { SuspendPlayEvent } from './suspend-play-event.js';
import { SuspendRecordEvent } from './suspend-record-event.js';
import { VoiceAttributesChangeEvent } from './voice-attributes-change-event.js';
import { VoiceErrorOccuredEvent } from './voice-error-occured-event.js';

/** ```asn1
 * PhysicalDeviceFeatureEvents ::= CHOICE
 * {	buttonInformation 		[ 0] IMPLICIT ButtonInformationEvent,
 *	buttonPress			[ 1] IMPLICIT ButtonPressEvent,
 *	displayUpdated			[ 2] IMPLICIT DisplayUpdatedEvent,
 *	hookswitch			[ 3] IMPLICIT HookswitchEvent,
 *	lampMode			[ 4] IMPLICIT LampModeEvent,
 *	messageWaiting			[ 5] IMPLICIT MessageWaitingEvent,
 *	microphoneGain			[ 6] IMPLICIT MicrophoneGainEvent,
 *	microphoneMute			[ 7] IMPLICIT MicrophoneMuteEvent,
 *	ringerStatus			[ 8] IMPLICIT RingerStatusEvent,
 *	speakerMute			[ 9] IMPLICIT SpeakerMuteEvent,
 *	speakerVolume			[10] IMPLICIT SpeakerVolumeEvent }
 * ``` */
export type PhysicalDeviceFeatureEvents =
  | { readonly buttonInformation: ButtonInformationEvent }
  | { readonly buttonPress: ButtonPressEvent }
  | { readonly displayUpdated: DisplayUpdatedEvent }
  | { readonly hookswitch: HookswitchEvent }
  | { readonly lampMode: LampModeEvent }
  | { readonly messageWaiting: MessageWaitingEvent }
  | { readonly microphoneGain: MicrophoneGainEvent }
  | { readonly microphoneMute: MicrophoneMuteEvent }
  | { readonly ringerStatus: RingerStatusEvent }
  | { readonly speakerMute: SpeakerMuteEvent }
  | { readonly speakerVolume: SpeakerVolumeEvent }
  | UnknownAlternative;
export const PhysicalDeviceFeatureEvents: ChoiceCodec<PhysicalDeviceFeatureEvents> = choice(
  'PhysicalDeviceFeatureEvents',
  {
    buttonInformation: implicit(0, ButtonInformationEvent),
    buttonPress: implicit(1, ButtonPressEvent),
    displayUpdated: implicit(2, DisplayUpdatedEvent),
    hookswitch: implicit(3, HookswitchEvent),
    lampMode: implicit(4, LampModeEvent),
    messageWaiting: implicit(5, MessageWaitingEvent),
    microphoneGain: implicit(6, MicrophoneGainEvent),
    microphoneMute: implicit(7, MicrophoneMuteEvent),
    ringerStatus: implicit(8, RingerStatusEvent),
    speakerMute: implicit(9, SpeakerMuteEvent),
    speakerVolume: implicit(10, SpeakerVolumeEvent),
  },
  { extensible: true },
);

/** ```asn1
 * LogicalDeviceFeatureEvents ::= CHOICE
 * {	agentBusy			[ 0] IMPLICIT AgentBusyEvent,
 *	agentLoggedOn			[ 1] IMPLICIT AgentLoggedOnEvent,
 *	agentLoggedOff			[ 2] IMPLICIT AgentLoggedOffEvent,
 *	agentNotReady			[ 3] IMPLICIT AgentNotReadyEvent,
 *	agentReady			[ 4] IMPLICIT AgentReadyEvent,
 *	agentWorkingAfterCall		[ 5] IMPLICIT AgentWorkingAfterCallEvent,
 *	autoAnswer			[ 6] IMPLICIT AutoAnswerEvent,
 *	autoWorkMode			[ 7] IMPLICIT AutoWorkModeEvent,
 *	callBack			[ 8] IMPLICIT CallBackEvent,
 *	callBackMessage			[ 9] IMPLICIT CallBackMessageEvent,
 *	callerIDStatus			[10] IMPLICIT CallerIDStatusEvent,
 *	doNotDisturb			[11] IMPLICIT DoNotDisturbEvent,
 *	forwarding			[12] IMPLICIT ForwardingEvent,
 *	presenceState			[14] IMPLICIT PresenceStateEvent,
 *	routeingMode			[13] IMPLICIT RouteingModeEvent }
 * ``` */
export type LogicalDeviceFeatureEvents =
  | { readonly agentBusy: AgentBusyEvent }
  | { readonly agentLoggedOn: AgentLoggedOnEvent }
  | { readonly agentLoggedOff: AgentLoggedOffEvent }
  | { readonly agentNotReady: AgentNotReadyEvent }
  | { readonly agentReady: AgentReadyEvent }
  | { readonly agentWorkingAfterCall: AgentWorkingAfterCallEvent }
  | { readonly autoAnswer: AutoAnswerEvent }
  | { readonly autoWorkMode: AutoWorkModeEvent }
  | { readonly callBack: CallBackEvent }
  | { readonly callBackMessage: CallBackMessageEvent }
  | { readonly callerIDStatus: CallerIDStatusEvent }
  | { readonly doNotDisturb: DoNotDisturbEvent }
  | { readonly forwarding: ForwardingEvent }
  | { readonly presenceState: PresenceStateEvent }
  | { readonly routeingMode: RouteingModeEvent }
  | UnknownAlternative;
export const LogicalDeviceFeatureEvents: ChoiceCodec<LogicalDeviceFeatureEvents> = choice(
  'LogicalDeviceFeatureEvents',
  {
    agentBusy: implicit(0, AgentBusyEvent),
    agentLoggedOn: implicit(1, AgentLoggedOnEvent),
    agentLoggedOff: implicit(2, AgentLoggedOffEvent),
    agentNotReady: implicit(3, AgentNotReadyEvent),
    agentReady: implicit(4, AgentReadyEvent),
    agentWorkingAfterCall: implicit(5, AgentWorkingAfterCallEvent),
    autoAnswer: implicit(6, AutoAnswerEvent),
    autoWorkMode: implicit(7, AutoWorkModeEvent),
    callBack: implicit(8, CallBackEvent),
    callBackMessage: implicit(9, CallBackMessageEvent),
    callerIDStatus: implicit(10, CallerIDStatusEvent),
    doNotDisturb: implicit(11, DoNotDisturbEvent),
    forwarding: implicit(12, ForwardingEvent),
    presenceState: implicit(14, PresenceStateEvent),
    routeingMode: implicit(13, RouteingModeEvent),
  },
  { extensible: true },
);

/** ```asn1
 * DeviceMaintenanceEvents ::= CHOICE
 * {	backInService			[ 0] IMPLICIT BackInServiceEvent,
 *	deviceCapabilityChanged 	[ 1] IMPLICIT DeviceCapsChangedEvent,
 *	outOfService			[ 2] IMPLICIT OutOfServiceEvent,
 *	partiallyInService		[ 3] IMPLICIT PartiallyInServiceEvent }
 * ``` */
export type DeviceMaintenanceEvents =
  | { readonly backInService: BackInServiceEvent }
  | { readonly deviceCapabilityChanged: DeviceCapsChangedEvent }
  | { readonly outOfService: OutOfServiceEvent }
  | { readonly partiallyInService: PartiallyInServiceEvent }
  | UnknownAlternative;
export const DeviceMaintenanceEvents: ChoiceCodec<DeviceMaintenanceEvents> = choice(
  'DeviceMaintenanceEvents',
  {
    backInService: implicit(0, BackInServiceEvent),
    deviceCapabilityChanged: implicit(1, DeviceCapsChangedEvent),
    outOfService: implicit(2, OutOfServiceEvent),
    partiallyInService: implicit(3, PartiallyInServiceEvent),
  },
  { extensible: true },
);

/** ```asn1
 * VoiceUnitEvents ::= CHOICE
 * {	bookmarkReached			[ 7] IMPLICIT BookmarkReachedEvent,
 *	completed			[ 8] IMPLICIT CompletedEvent,
 *	dtmfDetected			[ 9] IMPLICIT DtmfDetectedEvent,
 *	emptied				[10] IMPLICIT EmptiedEvent,
 *	interruptionDetected		[11] IMPLICIT InterruptionDetectedEvent,
 *	notRecognized			[12] IMPLICIT NotRecognizedEvent,
 *	play				[ 0] IMPLICIT PlayEvent,
 *	recognized			[13] IMPLICIT RecognizedEvent,
 *	record     	 		[ 1] IMPLICIT RecordEvent,
 *	review     	 		[ 2] IMPLICIT ReviewEvent,
 *	silenceTimeoutExpired		[14] IMPLICIT SilenceTimeoutExpiredEvent,
 *	speechDetected			[15] IMPLICIT SpeechDetectedEvent,
 *	started				[16] IMPLICIT StartedEvent,
 *	stop       	 		[ 3] IMPLICIT StopEvent,
 *	suspendPlay 	 		[ 4] IMPLICIT SuspendPlayEvent,
 *	suspendRecord	 		[ 5] IMPLICIT SuspendRecordEvent,
 *	voiceAttributesChange		[ 6] IMPLICIT VoiceAttributesChangeEvent,
 *	voiceErrorOccured		[17] IMPLICIT VoiceErrorOccuredEvent }
 * ``` */
export type VoiceUnitEvents =
  | { readonly bookmarkReached: BookmarkReachedEvent }
  | { readonly completed: CompletedEvent }
  | { readonly dtmfDetected: DtmfDetectedEvent }
  | { readonly emptied: EmptiedEvent }
  | { readonly interruptionDetected: InterruptionDetectedEvent }
  | { readonly notRecognized: NotRecognizedEvent }
  | { readonly play: PlayEvent }
  | { readonly recognized: RecognizedEvent }
  | { readonly record: RecordEvent }
  | { readonly review: ReviewEvent }
  | { readonly silenceTimeoutExpired: SilenceTimeoutExpiredEvent }
  | { readonly speechDetected: SpeechDetectedEvent }
  | { readonly started: StartedEvent }
  | { readonly stop: StopEvent }
  | { readonly suspendPlay: SuspendPlayEvent }
  | { readonly suspendRecord: SuspendRecordEvent }
  | { readonly voiceAttributesChange: VoiceAttributesChangeEvent }
  | { readonly voiceErrorOccured: VoiceErrorOccuredEvent }
  | UnknownAlternative;
export const VoiceUnitEvents: ChoiceCodec<VoiceUnitEvents> = choice(
  'VoiceUnitEvents',
  {
    bookmarkReached: implicit(7, BookmarkReachedEvent),
    completed: implicit(8, CompletedEvent),
    dtmfDetected: implicit(9, DtmfDetectedEvent),
    emptied: implicit(10, EmptiedEvent),
    interruptionDetected: implicit(11, InterruptionDetectedEvent),
    notRecognized: implicit(12, NotRecognizedEvent),
    play: implicit(0, PlayEvent),
    recognized: implicit(13, RecognizedEvent),
    record: implicit(1, RecordEvent),
    review: implicit(2, ReviewEvent),
    silenceTimeoutExpired: implicit(14, SilenceTimeoutExpiredEvent),
    speechDetected: implicit(15, SpeechDetectedEvent),
    started: implicit(16, StartedEvent),
    stop: implicit(3, StopEvent),
    suspendPlay: implicit(4, SuspendPlayEvent),
    suspendRecord: implicit(5, SuspendRecordEvent),
    voiceAttributesChange: implicit(6, VoiceAttributesChangeEvent),
    voiceErrorOccured: implicit(17, VoiceErrorOccuredEvent),
  },
  { extensible: true },
);

/** ```asn1
 * VendorSpecEvents::= CHOICE
 * {	privateEvent			[ 0] IMPLICIT PrivateEvent }
 * ``` */
export type VendorSpecEvents = { readonly privateEvent: PrivateEvent } | UnknownAlternative;
export const VendorSpecEvents: ChoiceCodec<VendorSpecEvents> = choice(
  'VendorSpecEvents',
  { privateEvent: implicit(0, PrivateEvent) },
  { extensible: true },
);
