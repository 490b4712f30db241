/**
 * The call-control, call-associated and media-attachment event categories of
 * CSTA-event-report-definitions { iso(1) identified-organization(3) icd-ecma(12) standard(0)
 * csta3(285) event-report-definitions(21) } (ECMA-285).
 *
 * Each category is extensible: an event this schema does not know (vendor or newer edition) is
 * kept as `{ $unknown: { tlv } }` and re-encoded unchanged.
 *
 * The value types are spelt out (instead of `Infer<typeof X>`) so that declaration emit refers
 * to them by name: inferred, the three categories expand to a type too long for tsc to
 * serialize (TS7056 in operations.ts). The annotation is checked against the codec.
 */
import { choice, implicit } from '../../schema/index.js';
import type { ChoiceCodec, UnknownAlternative } from '../../schema/index.js';
import { BridgedEvent } from './bridged-event.js';
import { CallClearedEvent } from './call-cleared-event.js';
import { CallInformationEvent } from './call-information-event.js';
import { ChargingEvent } from './charging-event.js';
import { ConferencedEvent } from './conferenced-event.js';
import { ConnectionClearedEvent } from './connection-cleared-event.js';
import { DeliveredEvent } from './delivered-event.js';
import { DigitsDialedEvent } from './digits-dialed-event.js';
import { DigitsGeneratedEvent } from './digits-generated-event.js';
import { DivertedEvent } from './diverted-event.js';
import { EstablishedEvent } from './established-event.js';
import { FailedEvent } from './failed-event.js';
import { HeldEvent } from './held-event.js';
import { MediaAttachedEvent } from './media-attached-event.js';
import { MediaDetachedEvent } from './media-detached-event.js';
import { NetworkCapabilitiesChangedEvent } from './network-capabilities-changed-event.js';
import { NetworkReachedEvent } from './network-reached-event.js';
import { OfferedEvent } from './offered-event.js';
import { OriginatedEvent } from './originated-event.js';
import { QueuedEvent } from './queued-event.js';
import { RetrievedEvent } from './retrieved-event.js';
import { ServiceCompletionFailureEvent } from './service-completion-failure-event.js';
import { ServiceInitiatedEvent } from './service-initiated-event.js';
import { TelephonyTonesGeneratedEvent } from './telephony-tones-generated-event.js';
import { TransferredEvent } from './transferred-event.js';

/** ```asn1
 * CallControlEvents ::= CHOICE
 * {	bridged				[ 0] IMPLICIT BridgedEvent,
 *	callCleared			[ 1] IMPLICIT CallClearedEvent,
 *	conferenced			[ 2] IMPLICIT ConferencedEvent,
 *	connectionCleared		[ 3] IMPLICIT ConnectionClearedEvent,
 *	delivered			[ 4] IMPLICIT DeliveredEvent,
 *	digitsDialed			[ 5] IMPLICIT DigitsDialedEvent,
 *	diverted			[ 6] IMPLICIT DivertedEvent,
 *	established			[ 7] IMPLICIT EstablishedEvent,
 *	failed				[ 8] IMPLICIT FailedEvent,
 *	held				[ 9] IMPLICIT HeldEvent,
 *	networkCapabilitiesChanged	[10] IMPLICIT NetworkCapabilitiesChangedEvent,
 *	networkReached			[11] IMPLICIT NetworkReachedEvent,
 *	offered				[12] IMPLICIT OfferedEvent,
 *	originated			[13] IMPLICIT OriginatedEvent,
 *	queued				[14] IMPLICIT QueuedEvent,
 *	retrieved			[15] IMPLICIT RetrievedEvent,
 *	serviceInitiated		[16] IMPLICIT ServiceInitiatedEvent,
 *	transferred			[17] IMPLICIT TransferredEvent }
 * ``` */
export type CallControlEvents =
  | { readonly bridged: BridgedEvent }
  | { readonly callCleared: CallClearedEvent }
  | { readonly conferenced: ConferencedEvent }
  | { readonly connectionCleared: ConnectionClearedEvent }
  | { readonly delivered: DeliveredEvent }
  | { readonly digitsDialed: DigitsDialedEvent }
  | { readonly diverted: DivertedEvent }
  | { readonly established: EstablishedEvent }
  | { readonly failed: FailedEvent }
  | { readonly held: HeldEvent }
  | { readonly networkCapabilitiesChanged: NetworkCapabilitiesChangedEvent }
  | { readonly networkReached: NetworkReachedEvent }
  | { readonly offered: OfferedEvent }
  | { readonly originated: OriginatedEvent }
  | { readonly queued: QueuedEvent }
  | { readonly retrieved: RetrievedEvent }
  | { readonly serviceInitiated: ServiceInitiatedEvent }
  | { readonly transferred: TransferredEvent }
  | UnknownAlternative;
export const CallControlEvents: ChoiceCodec<CallControlEvents> = choice(
  'CallControlEvents',
  {
    bridged: implicit(0, BridgedEvent),
    callCleared: implicit(1, CallClearedEvent),
    conferenced: implicit(2, ConferencedEvent),
    connectionCleared: implicit(3, ConnectionClearedEvent),
    delivered: implicit(4, DeliveredEvent),
    digitsDialed: implicit(5, DigitsDialedEvent),
    diverted: implicit(6, DivertedEvent),
    established: implicit(7, EstablishedEvent),
    failed: implicit(8, FailedEvent),
    held: implicit(9, HeldEvent),
    networkCapabilitiesChanged: implicit(10, NetworkCapabilitiesChangedEvent),
    networkReached: implicit(11, NetworkReachedEvent),
    offered: implicit(12, OfferedEvent),
    originated: implicit(13, OriginatedEvent),
    queued: implicit(14, QueuedEvent),
    retrieved: implicit(15, RetrievedEvent),
    serviceInitiated: implicit(16, ServiceInitiatedEvent),
    transferred: implicit(17, TransferredEvent),
  },
  { extensible: true },
);

/** ```asn1
 * CallAssociatedEvents ::= CHOICE
 * {	callInformation			[ 0] IMPLICIT CallInformationEvent,
 *	charging			[ 1] IMPLICIT ChargingEvent,
 *	digitsGeneratedEvent		[ 2] IMPLICIT DigitsGeneratedEvent,
 *	telephonyTonesGeneratedEvent	[ 3] IMPLICIT TelephonyTonesGeneratedEvent,
 *	serviceCompletionFailure	[ 4] IMPLICIT ServiceCompletionFailureEvent }
 * ``` */
export type CallAssociatedEvents =
  | { readonly callInformation: CallInformationEvent }
  | { readonly charging: ChargingEvent }
  | { readonly digitsGeneratedEvent: DigitsGeneratedEvent }
  | { readonly telephonyTonesGeneratedEvent: TelephonyTonesGeneratedEvent }
  | { readonly serviceCompletionFailure: ServiceCompletionFailureEvent }
  | UnknownAlternative;
export const CallAssociatedEvents: ChoiceCodec<CallAssociatedEvents> = choice(
  'CallAssociatedEvents',
  {
    callInformation: implicit(0, CallInformationEvent),
    charging: implicit(1, ChargingEvent),
    digitsGeneratedEvent: implicit(2, DigitsGeneratedEvent),
    telephonyTonesGeneratedEvent: implicit(3, TelephonyTonesGeneratedEvent),
    serviceCompletionFailure: implicit(4, ServiceCompletionFailureEvent),
  },
  { extensible: true },
);

/** ```asn1
 * MediaAttachmentEvents ::= CHOICE
 * {	mediaAttached			[ 0] IMPLICIT MediaAttachedEvent,
 *	mediaDetached			[ 1] IMPLICIT MediaDetachedEvent }
 * ``` */
export type MediaAttachmentEvents =
  | { readonly mediaAttached: MediaAttachedEvent }
  | { readonly mediaDetached: MediaDetachedEvent }
  | UnknownAlternative;
export const MediaAttachmentEvents: ChoiceCodec<MediaAttachmentEvents> = choice(
  'MediaAttachmentEvents',
  {
    mediaAttached: implicit(0, MediaAttachedEvent),
    mediaDetached: implicit(1, MediaDetachedEvent),
  },
  { extensible: true },
);
