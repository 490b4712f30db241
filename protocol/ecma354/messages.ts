/**
 * ECMA-354 (Application Session Services, XML) messages as typed values, plus the Avaya DMCC
 * `TransferMonitorObjects` request that moves monitors from one session to another.
 *
 * No copy of ECMA's ECMA-354 XSD files was available; the element names, their order and the
 * enumeration values are those visible in classes generated from them (see
 * docs/ecma354.md). Every message is an `xsd:sequence` in that
 * order, each `extensions` (and `applicationSpecificInfo`) holds any elements (`xsd:any`).
 *
 * Identifiers (sessionID, applicationID, protocol versions) are opaque text, kept exactly as the
 * peer wrote it. Vendor content (`applicationSpecificInfo`, `extensions`) is kept as raw XML text
 * ({@link RawXml}) so it re-encodes unchanged; elements of a message this module does not know
 * are kept in `$xml`, written back after the known ones.
 */
import type { InvokeId } from '../rose/pdu.js';

/** The ECMA-354 namespace (1st edition, June 2004; the only edition). */
export const APPL_SESSION_NAMESPACE = 'http://www.ecma-international.org/standards/ecma-354/appl_session';

/**
 * Well-formed XML content as text (elements and/or character data): what was inside a vendor
 * container element, with the namespace prefixes it borrowed from ancestors declared again on
 * each element, so it means the same wherever it is written.
 */
export type RawXml = string;

/** Fields every message may carry beyond its own. */
export interface ExtensionHolder {
  /** Content of `<extensions>` (xsd:any), raw. */
  readonly extensions?: RawXml;
  /** Elements this module does not know, each raw, in document order (written after the known ones). */
  readonly $xml?: readonly RawXml[];
}

/** Open enumeration: the values the standard lists, and any other text a peer sends. */
type Open<T extends string> = T | (string & Record<never, never>);

/**
 * ```xsd
 * errorCode: choice { applError xsd:string | definedError (enumeration) }
 * ```
 * (The schema order of the two alternatives is not known; decoding accepts either.)
 */
export type ErrorCode<Defined extends string> = { readonly definedError: Open<Defined> } | { readonly applError: string };

/** StartApplicationSession definedError values, in schema order. */
export type StartSessionDefinedError = 'invalidApplicationInfo' | 'requestedProtocolVersionNotSupported' | 'serverResourcesBusy' | 'maxNumberSessions';
/** StopApplicationSession definedError values. */
export type StopSessionDefinedError = 'invalidSessionID';
/** ResetApplicationSessionTimer definedError values, in schema order. */
export type ResetTimerDefinedError = 'invalidSessionID' | 'serverCannotResetSessionTimer';

/**
 * ```xsd
 * StartApplicationSession: sequence {
 *   applicationInfo: sequence { applicationID xsd:string, applicationSpecificInfo (xsd:any) },
 *   requestedProtocolVersions: sequence { protocolVersion xsd:string * },
 *   requestedSessionDuration xsd:integer,   -- seconds
 *   extensions (xsd:any) }
 * ```
 * Avaya DMCC puts `SessionLoginInfo` (userName, password, sessionCleanupDelay, sessionID of a
 * session to resume) in applicationSpecificInfo; OpenScape Business `user` and `password`;
 * Uni-tel `vendorData:` elements. Uni-tel leaves applicationID and requestedProtocolVersions out,
 * so both are optional here.
 */
export interface StartApplicationSession extends ExtensionHolder {
  readonly kind: 'startApplicationSession';
  readonly applicationInfo: {
    readonly applicationID?: string;
    /** Vendor login and the like, raw XML. */
    readonly applicationSpecificInfo?: RawXml;
    /** Unknown elements of applicationInfo, raw. */
    readonly $xml?: readonly RawXml[];
  };
  /** Protocol versions the application speaks, preferred first (ECMA-323 namespace URIs, Avaya `…/ed3/privN`). */
  readonly requestedProtocolVersions?: readonly string[];
  /** Seconds. */
  readonly requestedSessionDuration?: number;
}

/**
 * ```xsd
 * StartApplicationSessionPosResponse: sequence {
 *   sessionID xsd:string, actualProtocolVersion xsd:string, actualSessionDuration xsd:integer,
 *   extensions (xsd:any) }
 * ```
 * OpenScape Voice answers with `<extensions><actualHBT>n</actualHBT></extensions>`: read into
 * `actualHBT` (the rest of extensions stays raw).
 */
export interface StartApplicationSessionPosResponse extends ExtensionHolder {
  readonly kind: 'startApplicationSessionPosResponse';
  readonly sessionID: string;
  readonly actualProtocolVersion?: string;
  /** Seconds granted. */
  readonly actualSessionDuration?: number;
  /** OpenScape Voice heartbeat interval extension (`extensions/actualHBT`), as sent. */
  readonly actualHBT?: number;
}

/** ```xsd StartApplicationSessionNegResponse: sequence { errorCode, extensions } ``` */
export interface StartApplicationSessionNegResponse extends ExtensionHolder {
  readonly kind: 'startApplicationSessionNegResponse';
  readonly errorCode: ErrorCode<StartSessionDefinedError>;
}

/**
 * ```xsd
 * StopApplicationSession: sequence {
 *   sessionID xsd:string,
 *   sessionEndReason: choice { appEndReason xsd:string | definedEndReason (normal) },
 *   extensions }
 * ```
 */
export interface StopApplicationSession extends ExtensionHolder {
  readonly kind: 'stopApplicationSession';
  readonly sessionID: string;
  readonly sessionEndReason: { readonly definedEndReason: Open<'normal'> } | { readonly appEndReason: string };
}

/** ```xsd StopApplicationSessionPosResponse: sequence { extensions } ``` */
export interface StopApplicationSessionPosResponse extends ExtensionHolder {
  readonly kind: 'stopApplicationSessionPosResponse';
}

/** ```xsd StopApplicationSessionNegResponse: sequence { errorCode, extensions } ``` */
export interface StopApplicationSessionNegResponse extends ExtensionHolder {
  readonly kind: 'stopApplicationSessionNegResponse';
  readonly errorCode: ErrorCode<StopSessionDefinedError>;
}

/** ```xsd ResetApplicationSessionTimer: sequence { sessionID xsd:string, requestedSessionDuration xsd:integer, extensions } ``` */
export interface ResetApplicationSessionTimer extends ExtensionHolder {
  readonly kind: 'resetApplicationSessionTimer';
  readonly sessionID: string;
  /** Seconds. */
  readonly requestedSessionDuration?: number;
}

/** ```xsd ResetApplicationSessionTimerPosResponse: sequence { actualSessionDuration xsd:integer, extensions } ``` */
export interface ResetApplicationSessionTimerPosResponse extends ExtensionHolder {
  readonly kind: 'resetApplicationSessionTimerPosResponse';
  /** Seconds granted. */
  readonly actualSessionDuration?: number;
}

/** ```xsd ResetApplicationSessionTimerNegResponse: sequence { errorCode, extensions } ``` */
export interface ResetApplicationSessionTimerNegResponse extends ExtensionHolder {
  readonly kind: 'resetApplicationSessionTimerNegResponse';
  readonly errorCode: ErrorCode<ResetTimerDefinedError>;
}

/**
 * The server ends a session ("session lost"): its timer expired or it ran out of resources.
 * ```xsd
 * ApplicationSessionTerminated: sequence {
 *   sessionID xsd:string,
 *   sessionTermReason: choice { definedTermReason (resourceLimitation | sessionTimerExpired) | serverTermReason xsd:string },
 *   extensions }
 * ```
 */
export interface ApplicationSessionTerminated extends ExtensionHolder {
  readonly kind: 'applicationSessionTerminated';
  readonly sessionID: string;
  readonly sessionTermReason: { readonly definedTermReason: Open<'resourceLimitation' | 'sessionTimerExpired'> } | { readonly serverTermReason: string };
}

/**
 * Avaya DMCC (not ECMA-354): moves the monitors of session `fromSessionID` (one whose link was
 * lost) to `toSessionID`; the monitors keep their cross references. Written by Avaya clients in
 * the CSTA protocol namespace they negotiated (`…/ecma-323/csta/ed3/privN`); read here by local
 * name in any namespace.
 * ```xml
 * <TransferMonitorObjects><fromSessionID>…</fromSessionID><toSessionID>…</toSessionID></TransferMonitorObjects>
 * ```
 */
export interface TransferMonitorObjects extends ExtensionHolder {
  readonly kind: 'transferMonitorObjects';
  readonly fromSessionID: string;
  readonly toSessionID: string;
}

/** Avaya DMCC's positive answer to TransferMonitorObjects (a refusal is a CSTAErrorCode). */
export interface TransferMonitorObjectsResponse extends ExtensionHolder {
  readonly kind: 'transferMonitorObjectsResponse';
}

/** Every application session message, discriminated on `kind`. */
export type ApplicationSessionMessage =
  | StartApplicationSession
  | StartApplicationSessionPosResponse
  | StartApplicationSessionNegResponse
  | StopApplicationSession
  | StopApplicationSessionPosResponse
  | StopApplicationSessionNegResponse
  | ResetApplicationSessionTimer
  | ResetApplicationSessionTimerPosResponse
  | ResetApplicationSessionTimerNegResponse
  | ApplicationSessionTerminated
  | TransferMonitorObjects
  | TransferMonitorObjectsResponse;

export type ApplicationSessionKind = ApplicationSessionMessage['kind'];

/** The message of `kind`. */
export type ApplicationSessionMessageOf<K extends ApplicationSessionKind> = Extract<ApplicationSessionMessage, { kind: K }>;

/** An application session message on a CSTA-XML link (XML only: ECMA-354 has no BER form). */
export interface ApplicationSessionPdu {
  readonly pdu: 'applicationSession';
  /** From the framing header (the XML carries none). */
  readonly invokeId: InvokeId;
  readonly message: ApplicationSessionMessage;
  /**
   * Namespace of the root: as received when decoded (`''` = none, as OpenScape Voice and Uni-tel
   * requests are written); when encoding, undefined writes {@link APPL_SESSION_NAMESPACE} and `''`
   * writes none.
   */
  readonly namespace?: string;
}

/** Root element name of each kind (ECMA's spelling). */
export const ROOT_OF_KIND: { readonly [K in ApplicationSessionKind]: string } = {
  startApplicationSession: 'StartApplicationSession',
  startApplicationSessionPosResponse: 'StartApplicationSessionPosResponse',
  startApplicationSessionNegResponse: 'StartApplicationSessionNegResponse',
  stopApplicationSession: 'StopApplicationSession',
  stopApplicationSessionPosResponse: 'StopApplicationSessionPosResponse',
  stopApplicationSessionNegResponse: 'StopApplicationSessionNegResponse',
  resetApplicationSessionTimer: 'ResetApplicationSessionTimer',
  resetApplicationSessionTimerPosResponse: 'ResetApplicationSessionTimerPosResponse',
  resetApplicationSessionTimerNegResponse: 'ResetApplicationSessionTimerNegResponse',
  applicationSessionTerminated: 'ApplicationSessionTerminated',
  transferMonitorObjects: 'TransferMonitorObjects',
  transferMonitorObjectsResponse: 'TransferMonitorObjectsResponse',
};

/** True for the messages a client sends (requests); the others answer them or come from the server. */
export function isApplicationSessionRequest(m: ApplicationSessionMessage): boolean {
  return m.kind === 'startApplicationSession' || m.kind === 'stopApplicationSession' || m.kind === 'resetApplicationSessionTimer' || m.kind === 'transferMonitorObjects';
}
