/**
 * A vendor profile: what one PBX family does on the wire, as data. Framing, encoding and XML
 * dialect, association (ACSE with its application context, ECMA-354 application session with its
 * vendor login, SystemRegister, none), keep-alive, invoke-id conventions, identifier formats,
 * the non-CSTA messages that share the socket, and where each fact comes from. One file per
 * vendor beside this one; `index.ts` lists them. lib/session turns a profile into session
 * options (`sessionOptionsForProfile`), the CLI reads `--profile NAME`, the simulator plays it.
 */

/** Framings a profile can name (protocol/framing). */
export type ProfileFraming = 'length16' | 'length32' | 'ber' | 'hipath' | 'header' | 'plain' | 'nul';

/** How requests and answers are matched. */
export type ProfileCorrelation =
  /** The framing header's invoke id (the 8-byte XML header, ROSE over BER). */
  | 'invokeId'
  /** Uni-tel: `<privateData><requestID>` in the request, echoed in the answer. */
  | 'requestID';

/** The association a profile sets up after connecting. */
export type ProfileAssociation =
  | {
      readonly kind: 'acse';
      /** Application-context-name of the AARQ (dotted OID) and where that OID comes from. */
      readonly applicationContext: string;
      readonly applicationContextSource: string;
      /** The AARQ carries name and password (calling-AP-title / authentication value). */
      readonly authentication: boolean;
    }
  | {
      readonly kind: 'applicationSession';
      /** requestedProtocolVersions, preferred first. */
      readonly protocolVersions: readonly string[];
      /** requestedSessionDuration in seconds. */
      readonly sessionDurationS: number;
      /** What goes in applicationSpecificInfo. */
      readonly login: 'avaya-session-login-info' | 'openscape-business' | 'unitel-vendor-data' | 'none';
      /** Move the old session's monitors with TransferMonitorObjects when a resume is refused (Avaya). */
      readonly transferMonitors: boolean;
      /** Then send SystemRegister (OpenScape Voice). */
      readonly systemRegister: boolean;
    }
  | { readonly kind: 'systemRegister' }
  | { readonly kind: 'none'; readonly login?: 'zultys' };

/** What keeps the link alive. */
export type ProfileKeepAlive =
  | { readonly kind: 'resetApplicationSessionTimer' }
  | { readonly kind: 'systemStatus'; readonly intervalMs: number }
  | { readonly kind: 'vendor'; readonly root: string; readonly intervalMs: number }
  | { readonly kind: 'none' };

export interface VendorProfile {
  /** The name options and `--profile` use. */
  readonly name: string;
  readonly title: string;
  readonly encoding: 'ber' | 'xml';
  readonly framing: ProfileFraming;
  /** XML only: the namespace this PBX expects (`''` none; undefined: answer in the peer's). */
  readonly namespace?: string;
  /** XML only: documents declared UTF-16 are UTF-8 (Uni-tel). */
  readonly utf16DeclarationAsUtf8?: boolean;
  readonly correlation: ProfileCorrelation;
  readonly association: ProfileAssociation;
  readonly keepAlive: ProfileKeepAlive;
  /** Invoke ids the client uses for requests, and the one the PBX puts on unsolicited events. */
  readonly invokeIds?: { readonly min: number; readonly max: number; readonly events?: number };
  /** Default TCP ports (plain, TLS). */
  readonly ports: { readonly plain?: number; readonly tls?: number };
  /** How device identifiers look on this PBX, with an example. */
  readonly deviceIds: string;
  /** Root elements of the non-CSTA messages this PBX sends or takes (vendor PDUs). */
  readonly vendorMessages: readonly string[];
  /** Namespaces of the vendor's private data. */
  readonly privateDataNamespaces: readonly string[];
  /** Where the facts above come from (public implementations and vendor pages; see docs/profiles.md). */
  readonly sources: readonly string[];
}
