/**
 * CSTA-application-context-information-csta3 { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) application-context-information(200) }
 * (ECMA-285 text: acse_user_info_csta.asn1).
 *
 * This file holds the module's service and event bit maps (used by ServicesPermitted,
 * MonitorFilter and capability exchange). The ACSE user-information types of the same module
 * (CSTAVersion, CSTAFunctionality, ACSEUserInformationForCSTA, ...) are in `acse-user-info-csta.ts`.
 */
import { bitString } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * CallControlServices ::= BIT STRING
 * {	acceptCall (0), alternateCall (1), answerCall (2), callBack (3), callBackMessage (4),
 *	campOnCall (5), clearCall (6), clearConnection (7), conferenceCall (8), consultationCall (9),
 *	deflectCall (10), dialDigits (11), directedPickupCall (12), groupPickupCall (13), holdCall (14),
 *	intrudeCall (15), joinCall (16), makeCall (17), makeConnection (25), makePredictiveCall (18),
 *	parkCall (19), reconnectCall (20), retrieveCall (21), sendMessage (26), singleStepConference (22),
 *	singleStepTransfer (23), transferCall (24) }
 * ``` */
export const CallControlServices = bitString('CallControlServices', {
  acceptCall: 0,
  alternateCall: 1,
  answerCall: 2,
  callBack: 3,
  callBackMessage: 4,
  campOnCall: 5,
  clearCall: 6,
  clearConnection: 7,
  conferenceCall: 8,
  consultationCall: 9,
  deflectCall: 10,
  dialDigits: 11,
  directedPickupCall: 12,
  groupPickupCall: 13,
  holdCall: 14,
  intrudeCall: 15,
  joinCall: 16,
  makeCall: 17,
  makeConnection: 25,
  makePredictiveCall: 18,
  parkCall: 19,
  reconnectCall: 20,
  retrieveCall: 21,
  sendMessage: 26,
  singleStepConference: 22,
  singleStepTransfer: 23,
  transferCall: 24,
});
export type CallControlServices = Infer<typeof CallControlServices>;

/** ```asn1
 * CallAssociatedServices ::= BIT STRING
 * {	associateData (0), cancelTelephonyTones (1), changeConnectionInformation (5), generateDigits (2),
 *	generateTelephonyTones (3), sendUserInformation (4) }
 * ``` */
export const CallAssociatedServices = bitString('CallAssociatedServices', {
  associateData: 0,
  cancelTelephonyTones: 1,
  changeConnectionInformation: 5,
  generateDigits: 2,
  generateTelephonyTones: 3,
  sendUserInformation: 4,
});
export type CallAssociatedServices = Infer<typeof CallAssociatedServices>;

/** ```asn1
 * MediaAttachmentServices ::= BIT STRING
 * {	attachMediaService (0), detachMediaService (1) }
 * ``` */
export const MediaAttachmentServices = bitString('MediaAttachmentServices', {
  attachMediaService: 0,
  detachMediaService: 1,
});
export type MediaAttachmentServices = Infer<typeof MediaAttachmentServices>;

/** ```asn1
 * RouteingServices ::= BIT STRING
 * {	routeRegister (0), routeRegisterCancel (1), routeRegisterAbort (2), reroute (3), routeEnd (4),
 *	routeReject (5), routeRequest (6), routeSelect (7), routeUsed (8) }
 * ``` */
export const RouteingServices = bitString('RouteingServices', {
  routeRegister: 0,
  routeRegisterCancel: 1,
  routeRegisterAbort: 2,
  reroute: 3,
  routeEnd: 4,
  routeReject: 5,
  routeRequest: 6,
  routeSelect: 7,
  routeUsed: 8,
});
export type RouteingServices = Infer<typeof RouteingServices>;

/** ```asn1
 * VoiceUnitServices ::= BIT STRING
 * {	activate (12), clear (13), concatenateMessage (0), deactivate (14), deleteMessage (1),
 *	playMessage (2), queryVoiceAttribute (3), recordMessage (4), reposition (5), resume (6),
 *	review (7), setVoiceAttribute (8), stop (9), suspend (10), synthesizeMessage (11) }
 * ``` */
export const VoiceUnitServices = bitString('VoiceUnitServices', {
  activate: 12,
  clear: 13,
  concatenateMessage: 0,
  deactivate: 14,
  deleteMessage: 1,
  playMessage: 2,
  queryVoiceAttribute: 3,
  recordMessage: 4,
  reposition: 5,
  resume: 6,
  review: 7,
  setVoiceAttribute: 8,
  stop: 9,
  suspend: 10,
  synthesizeMessage: 11,
});
export type VoiceUnitServices = Infer<typeof VoiceUnitServices>;

/** ```asn1
 * LocationServices ::= BIT STRING
 * {	getLocationInformation (0), setLocationInformation (1), locationTrackkingSessionResumed (2),
 *	locationTrackkingSessionSuspended (3), resumeLocationTrackingSession (4),
 *	locationInformationReport (5), startLocationTrackingSession (6), stopLocationTrackingSession (7),
 *	suspendLocationTrackingCapabilities (8), locationSessionInfo (9) }
 * ``` */
export const LocationServices = bitString('LocationServices', {
  getLocationInformation: 0,
  setLocationInformation: 1,
  locationTrackkingSessionResumed: 2,
  locationTrackkingSessionSuspended: 3,
  resumeLocationTrackingSession: 4,
  locationInformationReport: 5,
  startLocationTrackingSession: 6,
  stopLocationTrackingSession: 7,
  suspendLocationTrackingCapabilities: 8,
  locationSessionInfo: 9,
});
export type LocationServices = Infer<typeof LocationServices>;

/** ```asn1
 * CallControlEvents ::= BIT STRING
 * {	bridged (15), callCleared (0), conferenced (1), connectionCleared (2), delivered (3),
 *	digitsDialed (14), diverted (4), established (5), failed (6), held (7),
 *	networkCapabilitiesChanged (16), networkReached (8), offered (17), originated (9), queued (10),
 *	retrieved (11), serviceInitiated (12), transferred (13) }
 * ``` */
export const CallControlEvents = bitString('CallControlEvents', {
  bridged: 15,
  callCleared: 0,
  conferenced: 1,
  connectionCleared: 2,
  delivered: 3,
  digitsDialed: 14,
  diverted: 4,
  established: 5,
  failed: 6,
  held: 7,
  networkCapabilitiesChanged: 16,
  networkReached: 8,
  offered: 17,
  originated: 9,
  queued: 10,
  retrieved: 11,
  serviceInitiated: 12,
  transferred: 13,
});
export type CallControlEvents = Infer<typeof CallControlEvents>;

/** ```asn1
 * CallAssociatedEvents ::= BIT STRING
 * {	callInformation (0), charging (1), dTMFDigitsDetected (2), telephonyTonesDetected (3),
 *	serviceCompletionFailure (4) }
 * ``` */
export const CallAssociatedEvents = bitString('CallAssociatedEvents', {
  callInformation: 0,
  charging: 1,
  dTMFDigitsDetected: 2,
  telephonyTonesDetected: 3,
  serviceCompletionFailure: 4,
});
export type CallAssociatedEvents = Infer<typeof CallAssociatedEvents>;

/** ```asn1
 * MediaAttachmentEvents ::= BIT STRING
 * {	mediaAttached (0), mediaDetached (1) }
 * ``` */
export const MediaAttachmentEvents = bitString('MediaAttachmentEvents', {
  mediaAttached: 0,
  mediaDetached: 1,
});
export type MediaAttachmentEvents = Infer<typeof MediaAttachmentEvents>;

/** ```asn1
 * PhysicalDeviceFeatureEvents ::= BIT STRING
 * {	buttonInformation (0), buttonPress (1), displayUpdated (2), hookswitch (3), lampMode (4),
 *	messageWaiting (5), microphoneGain (6), microphoneMute (7), ringerStatus (8), speakerMute (9),
 *	speakerVolume (10) }
 * ``` */
export const PhysicalDeviceFeatureEvents = bitString('PhysicalDeviceFeatureEvents', {
  buttonInformation: 0,
  buttonPress: 1,
  displayUpdated: 2,
  hookswitch: 3,
  lampMode: 4,
  messageWaiting: 5,
  microphoneGain: 6,
  microphoneMute: 7,
  ringerStatus: 8,
  speakerMute: 9,
  speakerVolume: 10,
});
export type PhysicalDeviceFeatureEvents = Infer<typeof PhysicalDeviceFeatureEvents>;

/** ```asn1
 * LogicalDeviceFeatureEvents ::= BIT STRING
 * {	agentBusy (0), agentLoggedOn (1), agentLoggedOff (2), agentNotReady (3), agentReady (4),
 *	agentWorkingAfterCall (5), autoAnswer (6), autoWorkMode (7), callBack (8), callBackMessage (9),
 *	callerIDStatus (10), doNotDisturb (11), forwarding (12), presenceState (14), routeingMode (13) }
 * ``` */
export const LogicalDeviceFeatureEvents = bitString('LogicalDeviceFeatureEvents', {
  agentBusy: 0,
  agentLoggedOn: 1,
  agentLoggedOff: 2,
  agentNotReady: 3,
  agentReady: 4,
  agentWorkingAfterCall: 5,
  autoAnswer: 6,
  autoWorkMode: 7,
  callBack: 8,
  callBackMessage: 9,
  callerIDStatus: 10,
  doNotDisturb: 11,
  forwarding: 12,
  presenceState: 14,
  routeingMode: 13,
});
export type LogicalDeviceFeatureEvents = Infer<typeof LogicalDeviceFeatureEvents>;

/** ```asn1
 * DeviceMaintenanceEvents ::= BIT STRING
 * {	backInService (0), deviceCapabilityChanged (2), outOfService (1), partiallyInService (3) }
 * ``` */
export const DeviceMaintenanceEvents = bitString('DeviceMaintenanceEvents', {
  backInService: 0,
  deviceCapabilityChanged: 2,
  outOfService: 1,
  partiallyInService: 3,
});
export type DeviceMaintenanceEvents = Infer<typeof DeviceMaintenanceEvents>;

/** ```asn1
 * VoiceUnitEvents ::= BIT STRING
 * {	bookmarkReached (7), completed (8), dtmfDetected (9), emptied (10), interruptionDetected (11),
 *	notRecognized (12), play (1), recognized (13), record (3), review (5), started (14),
 *	silenceTimeoutExpired (15), speechDetected (16), stop (0), suspendPlay (2), suspendRecord (4),
 *	voiceAttributesChange (6), voiceErrorOccured (17) }
 * ``` */
export const VoiceUnitEvents = bitString('VoiceUnitEvents', {
  bookmarkReached: 7,
  completed: 8,
  dtmfDetected: 9,
  emptied: 10,
  interruptionDetected: 11,
  notRecognized: 12,
  play: 1,
  recognized: 13,
  record: 3,
  review: 5,
  started: 14,
  silenceTimeoutExpired: 15,
  speechDetected: 16,
  stop: 0,
  suspendPlay: 2,
  suspendRecord: 4,
  voiceAttributesChange: 6,
  voiceErrorOccured: 17,
});
export type VoiceUnitEvents = Infer<typeof VoiceUnitEvents>;

/** ```asn1
 * VendorSpecEvents::= BIT STRING
 * {	privateEvent (0) }
 * ``` */
export const VendorSpecEvents = bitString('VendorSpecEvents', {
  privateEvent: 0,
});
export type VendorSpecEvents = Infer<typeof VendorSpecEvents>;
