/**
 * Pega Call (OpenCTI) data types: the JSON events a CTI link forwards to Pega (`forwardEvent`),
 * the telephony requests Pega sends, and their results.
 *
 * Field names and enum values are Pega's, letter for letter (pega-call-notes §1.2: the OpenCTI
 * JSON schemas CallEvent, AgentEvent, Snapshot, PartyInfoEvent). Fields Pega does not document
 * for a schema but that this library adds (pyThisDN and pyDNIS on call events, pyCalls on the
 * snapshot...) are marked "extension" and listed in docs/pega-mapping.md. Every documented field is
 * a string, so extension fields are strings too (except lists and the named-variable map).
 *
 * All types are plain object type aliases (not interfaces) so they are assignable to index-
 * signature types such as the gateway's `PegaEventLike`.
 */

/** `pyMedia`: this link only handles voice. */
export type PegaMedia = 'Phone';

/** Values of `pyEventType` (the Snapshot schema's enum). */
export const PEGA_EVENT_TYPES = ['SnapshotEvent', 'AgentStateEvent', 'CallStateEvent', 'PartyInfoEvent', 'CallInfoEvent'] as const;
/** One of {@link PEGA_EVENT_TYPES}. */
export type PegaEventType = (typeof PEGA_EVENT_TYPES)[number];

/** `pyEventName` of a CallStateEvent (CallEvent.json enum). */
export const PEGA_CALL_EVENT_NAMES = ['Abandoned', 'Alerting', 'Connected', 'Disconnected', 'Established', 'Held', 'Initiated', 'Retrieved'] as const;
/** One of {@link PEGA_CALL_EVENT_NAMES}. */
export type PegaCallEventName = (typeof PEGA_CALL_EVENT_NAMES)[number];

/** `pyCallType` (CallEvent.json enum). */
export const PEGA_CALL_TYPES = ['INTERNAL', 'INBOUND', 'OUTBOUND', 'CONSULT', 'UNKNOWN'] as const;
/** One of {@link PEGA_CALL_TYPES}. */
export type PegaCallType = (typeof PEGA_CALL_TYPES)[number];

/** `pyEventName` of an AgentStateEvent (AgentEvent.json enum). */
export const PEGA_AGENT_EVENT_NAMES = ['Ready', 'NotReady', 'Login', 'Logout', 'Unknown'] as const;
/** One of {@link PEGA_AGENT_EVENT_NAMES}. */
export type PegaAgentEventName = (typeof PEGA_AGENT_EVENT_NAMES)[number];

/** `pyAgentState` of a SnapshotEvent (Snapshot.json enum: the agent event names plus `Busy`). */
export const PEGA_AGENT_STATES = ['Ready', 'NotReady', 'Login', 'Logout', 'Busy', 'Unknown'] as const;
/** One of {@link PEGA_AGENT_STATES}. */
export type PegaAgentState = (typeof PEGA_AGENT_STATES)[number];

/** `pyWorkMode` (AgentEvent.json enum): work mode for Ready, sub-state for NotReady. */
export const PEGA_WORK_MODES = ['MODE_NONE', 'MODE_AUTO_IN', 'MODE_MANUAL_IN', 'ACW', 'BUSY', 'AUX_WORK'] as const;
/** One of {@link PEGA_WORK_MODES}. */
export type PegaWorkMode = (typeof PEGA_WORK_MODES)[number];

/** `pyDeviceState` of a SnapshotEvent: the device's monitoring state. */
export type PegaDeviceState = 'OPENED' | 'CLOSED';
/** `pyLinkState` of a SnapshotEvent: the state of the connection to the CTI server. */
export type PegaLinkState = 'CONNECTED' | 'DISCONNECTED';

/**
 * CallEvent.json: a call changed state at the monitored device.
 * Documented: pyEventType, pyEventName, pyCallId, pyANI, pyOtherDN, pyCallType, pyMedia.
 */
export type CallStateEvent = {
  readonly pyEventType: 'CallStateEvent';
  readonly pyEventName: PegaCallEventName;
  /** The unique call identifier (the CSTA callID as first seen at this device, hex). */
  readonly pyCallId: string;
  /** The caller's device identifier. */
  readonly pyANI: string;
  /** The other device number involved in the call. */
  readonly pyOtherDN: string;
  readonly pyCallType: PegaCallType;
  readonly pyMedia: PegaMedia;
  /** Extension: the monitored device (named as in PartyInfoEvent). */
  readonly pyThisDN: string;
  /** Extension: the dialed number (server-side property name). */
  readonly pyDNIS: string;
  /** Extension: for a consultation call, the pyCallId of the call it consults from. */
  readonly pyPrimaryCallId?: string;
};

/** AgentEvent.json: the agent at the monitored device changed state. */
export type AgentStateEvent = {
  readonly pyEventType: 'AgentStateEvent';
  readonly pyEventName: PegaAgentEventName;
  /** The NotReady or Logout reason code ("" when none). */
  readonly pyReasonCode: string;
  readonly pyWorkMode: PegaWorkMode;
  readonly pyMedia: PegaMedia;
  /** Extension: the agent ID ("" when the switch did not say). */
  readonly pyAgentId: string;
  /** Extension: the monitored device. */
  readonly pyThisDN: string;
};

/** Extension: one call in a snapshot. */
export type SnapshotCall = {
  readonly pyCallId: string;
  /** The call's state at the device, as the CallStateEvent name that led to it. */
  readonly pyCallState: PegaCallEventName;
  readonly pyOtherDN: string;
};

/** Snapshot.json: synchronises Pega with the device, agent, link and monitor state. */
export type SnapshotEvent = {
  readonly pyEventType: 'SnapshotEvent';
  readonly pyEventName: 'Snapshot';
  readonly pyAgentId: string;
  readonly pyAgentState: PegaAgentState;
  readonly pyReasonCode: string;
  readonly pyWorkMode: PegaWorkMode;
  readonly pyDeviceState: PegaDeviceState;
  readonly pyLinkState: PegaLinkState;
  readonly pyMedia: PegaMedia;
  /** Extension: the monitored device. */
  readonly pyThisDN: string;
  /** Extension: the calls at the device (from snapshotDevice). */
  readonly pyCalls: readonly SnapshotCall[];
};

/** One party in `pyParties`. */
export type PegaParty = { readonly pyDN: string };

/** PartyInfoEvent.json: the updated list of parties in a call. */
export type PartyInfoEvent = {
  readonly pyEventType: 'PartyInfoEvent';
  readonly pyEventName: 'PartyInfo';
  readonly pyCallId: string;
  /** The device number of the monitored device. */
  readonly pyThisDN: string;
  /** The media type ("Phone"), documented in PartyInfoEvent.json (audit W1). */
  readonly pyMedia: PegaMedia;
  readonly pyParties: readonly PegaParty[];
};

/**
 * CallInfoEvent: call data. Pega lists the type name but publishes no schema (notes §1.2); the
 * fields are this library's choice, named after the server-side call-data properties (§1.3).
 */
export type CallInfoEvent = {
  readonly pyEventType: 'CallInfoEvent';
  readonly pyEventName: 'CallInfo';
  readonly pyCallId: string;
  readonly pyThisDN: string;
  readonly pyANI: string;
  readonly pyDNIS: string;
  /** UUI (CSTA userData): text when printable, else lower-case hex. "" when absent. */
  readonly pyApplicationData: string;
  /** CSTA correlatorData: text when printable, else lower-case hex. "" when absent. */
  readonly pyCorrelatorData: string;
  /**
   * Pega's value list `.pyCallVariables`: a pipe-delimited UUI as its values, in order, as Pega's
   * Avaya engines parse it (ParseApplicationData, CO-CallClass). [] when the UUI is not such a list.
   */
  readonly pyCallVariables: readonly string[];
  /** Pega's value group `.pyUserData`: an XML UUI's elements (name → text), as Pega's Avaya engines parse it. {} when the UUI is not XML. */
  readonly pyUserData: Readonly<Record<string, string>>;
  /** Extension: key/value call data: `key=value` pairs parsed from UUI, plus accountInfo/authCode. */
  readonly pyNamedVariables: Readonly<Record<string, string>>;
};

/** Any OpenCTI event, discriminated by `pyEventType`. */
export type PegaEvent = CallStateEvent | AgentStateEvent | SnapshotEvent | PartyInfoEvent | CallInfoEvent;

/** The server-side `pyEventName`: Pega's `SetEventType` maps the new-call event to `Offering`. */
export type PegaServerEventName = 'Offering' | PegaCallEventName;

/**
 * The server-side (ChannelServices-Event-CTILink) view of a call event (notes §1.3): pyCallID
 * (capital ID), pyCallState, pyDNIS, pyNamedVariables.
 */
export type PegaServerCallEvent = {
  readonly pyEventName: PegaServerEventName;
  readonly pyCallState: PegaCallEventName;
  readonly pyCallType: PegaCallType;
  readonly pyCallID: string;
  readonly pyDNIS: string;
  readonly pyANI: string;
  readonly pyOtherDN: string;
  readonly pyNamedVariables: Readonly<Record<string, string>>;
};

// ---- requests --------------------------------------------------------------------------------

/**
 * answerCall: answer the call `callId`. `callId` "" (or absent in JSON input, which the parser
 * turns into "") means "not set": the one call ringing at the device (SS-Answer, CS-Basic; audit W8).
 */
export type AnswerCallRequest = { readonly action: 'answerCall'; readonly callId: string };
/** hangUpCall: clear this device's connection in `callId`; "" (or absent in JSON input): the device's only call (SS-Hangup documents only the DN). */
export type HangUpCallRequest = { readonly action: 'hangUpCall'; readonly callId: string };
/** holdCall. */
export type HoldCallRequest = { readonly action: 'holdCall'; readonly callId: string };
/** retrieveCall: take the held call back. */
export type RetrieveCallRequest = { readonly action: 'retrieveCall'; readonly callId: string };
/**
 * Outgoing call data in Pega's forms (CO-Tel-Avaya: UUI written as an XML-encoded string). At most
 * one of them: `callData` raw UUI text; `userData` key/value pairs → `<CallData><key>value</key>…</CallData>`;
 * `callVariables` values → `v1|v2|…`. All go out as CSTA userData.
 */
export type OutgoingCallData = {
  /** UUI as is (UTF-8). */
  readonly callData?: string;
  /** Key/value pairs, sent XML-encoded (keys must be XML names). */
  readonly userData?: Readonly<Record<string, string>>;
  /** Values, sent pipe-delimited (no value may contain `|`). */
  readonly callVariables?: readonly string[];
};
/** makeCall to `destination` with optional call data. */
export type MakeCallRequest = { readonly action: 'makeCall'; readonly destination: string } & OutgoingCallData;
/** sendDTMF: digits on the call. */
export type SendDtmfRequest = { readonly action: 'sendDTMF'; readonly callId: string; readonly digits: string };
/** consultationCall / conferenceInitiate / transferInitiate: hold `callId`, call `destination`. */
export type ConsultationRequest = {
  readonly action: 'consultationCall' | 'conferenceInitiate' | 'transferInitiate';
  readonly callId: string;
  readonly destination: string;
} & OutgoingCallData;
/** conferenceComplete / transferComplete: `callId` is the held (original) call, `consultCallId` the active one (defaults to the consult call of `callId`). */
export type CompleteRequest = {
  readonly action: 'conferenceComplete' | 'transferComplete';
  readonly callId: string;
  readonly consultCallId?: string;
};
/** blindTransfer of `callId` to `destination` (single-step). */
export type BlindTransferRequest = { readonly action: 'blindTransfer'; readonly callId: string; readonly destination: string } & OutgoingCallData;
/** dropParty: clear `party`'s connection in `callId`. */
export type DropPartyRequest = { readonly action: 'dropParty'; readonly callId: string; readonly party: string };
/** agentReady, with an optional work mode and queue (server-side SetAgentReady's `Queue`). */
export type AgentReadyRequest = { readonly action: 'agentReady'; readonly workMode?: PegaWorkMode; readonly queue?: string };
/** agentNotReady with a reason code; workMode `ACW` (server side `AFTER_CALL_WORK`) asks for after-call work (SS-NotReady). */
export type AgentNotReadyRequest = { readonly action: 'agentNotReady'; readonly reasonCode?: string; readonly workMode?: PegaWorkMode; readonly queue?: string };
/** login (agent ID and password come from the link's login parameters unless given); `workMode` / `queue` as at Pega login (AES AUTO_IN / MANUAL_IN). */
export type LoginRequest = { readonly action: 'login'; readonly agentId?: string; readonly password?: string; readonly workMode?: PegaWorkMode; readonly queue?: string };
/** logout with an optional reason code. */
export type LogoutRequest = { readonly action: 'logout'; readonly reasonCode?: string };
/**
 * EXTENSION, not a Pega function (audit W10): enter after-call work. Pega reaches after-call work
 * through agentNotReady with workMode ACW; this is the same request, kept for the demo toolbar.
 */
export type WrapUpRequest = { readonly action: 'wrapUp' };

/** Every telephony request, discriminated by `action`. */
export type PegaRequest =
  | AnswerCallRequest
  | HangUpCallRequest
  | HoldCallRequest
  | RetrieveCallRequest
  | MakeCallRequest
  | SendDtmfRequest
  | ConsultationRequest
  | CompleteRequest
  | BlindTransferRequest
  | DropPartyRequest
  | AgentReadyRequest
  | AgentNotReadyRequest
  | LoginRequest
  | LogoutRequest
  | WrapUpRequest;

/** The `action` of a request. */
export type PegaRequestAction = PegaRequest['action'];

/** The actions that are Pega OpenCTI functions (CS-Login, CS-Logout, CS-Basic, CS-Adv, CS-AgentFns). */
export const PEGA_OPENCTI_FUNCTIONS = [
  'answerCall',
  'hangUpCall',
  'holdCall',
  'retrieveCall',
  'makeCall',
  'sendDTMF',
  'consultationCall',
  'conferenceInitiate',
  'transferInitiate',
  'conferenceComplete',
  'transferComplete',
  'blindTransfer',
  'dropParty',
  'agentReady',
  'agentNotReady',
  'login',
  'logout',
] as const satisfies readonly PegaRequestAction[];

/** Actions this library adds beyond Pega's functions (audit W10): `wrapUp` = agentNotReady with workMode ACW. */
export const PEGA_EXTENSION_ACTIONS = ['wrapUp'] as const satisfies readonly PegaRequestAction[];

/** Every action name, for validation: {@link PEGA_OPENCTI_FUNCTIONS} then {@link PEGA_EXTENSION_ACTIONS}. */
export const PEGA_REQUEST_ACTIONS: readonly PegaRequestAction[] = [...PEGA_OPENCTI_FUNCTIONS, ...PEGA_EXTENSION_ACTIONS];

// ---- results ---------------------------------------------------------------------------------

/** A request that succeeded. `callId` is the new call (makeCall, consultation calls, completes). */
export type PegaOk = { readonly ok: true; readonly callId?: string };

/**
 * OpenCTI error codes this library produces: the visible part of Pega's default list, which is
 * alphabetical and cut after `OPENCTI_INV_ACT…` [CS-Err]. Nothing here is invented (audit W7);
 * errors.ts says which CSTA condition gives which.
 */
export const OPENCTI_ERROR_CODES = [
  'OPENCTI_AGENT_LOGGED_IN',
  'OPENCTI_AGENT_NOT_LOGGED_IN',
  'OPENCTI_CALL_REJECTED',
  'OPENCTI_CF_GENERIC_OPERATION',
  'OPENCTI_CF_INVALID_DESTINATION',
  'OPENCTI_CF_INVALID_OBJECT_STATE',
  'OPENCTI_CONF_ALREADY_PRESENT',
  'OPENCTI_DEST_BUSY',
  'OPENCTI_HTTP_ERROR_401',
  'OPENCTI_HTTP_ERROR_404',
  'OPENCTI_HTTP_ERROR_405',
  'OPENCTI_HTTP_ERROR_408',
  'OPENCTI_HTTP_ERROR_500',
  'OPENCTI_HTTP_ERROR_502',
  'OPENCTI_HTTP_ERROR_503',
  'OPENCTI_HTTP_ERROR_504',
  'OPENCTI_IN_SAME_STATE',
] as const;
/** One of {@link OPENCTI_ERROR_CODES}. */
export type OpenCtiErrorCode = (typeof OPENCTI_ERROR_CODES)[number];

/** A failed request: OpenCTI's error object (`errCode`, `errMessage`), plus `ok: false` to narrow on. */
export type PegaFailure = { readonly ok: false; readonly errCode: OpenCtiErrorCode; readonly errMessage: string };

/** What a request resolves to. */
export type PegaResult = PegaOk | PegaFailure;
