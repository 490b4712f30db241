/**
 * Uni-tel hosted PBX (Asterisk behind it): XML documents each ended by a NUL byte, requests
 * without namespace, answers and events in `http://www.ecma.ch/standards/ecma-323/csta/ed6`,
 * UTF-8 text declared `encoding="utf-16"`, requests and answers matched by a
 * `<privateData><requestID>` the client sends (the framing has no invoke id), and an ECMA-354
 * session whose login is `vendorData:` credentials.
 */
import { escapeText } from '../xml/text.js';
import type { VendorProfile } from './profile.js';

export const UNITEL: VendorProfile = {
  name: 'unitel',
  title: 'Uni-tel CSTA API (XML, NUL-terminated)',
  encoding: 'xml',
  framing: 'nul',
  namespace: '',
  utf16DeclarationAsUtf8: true,
  correlation: 'requestID',
  association: {
    kind: 'applicationSession',
    protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed6'],
    sessionDurationS: 300,
    login: 'unitel-vendor-data',
    transferMonitors: false,
    systemRegister: false,
  },
  keepAlive: { kind: 'resetApplicationSessionTimer' },
  ports: {},
  deviceIds: 'extensions; callIDs are Asterisk channel names (`SIP/hpbx-0000af2f`, `…-att` for the attended leg)',
  vendorMessages: ['GetQueue', 'GetQueueResponse', 'GetQueueMember', 'GetQueueMemberResponse', 'SetQueueMember', 'SetQueueMemberResponse', 'GetCallProfile', 'GetCallProfileResponse', 'SetCallProfile', 'SetCallProfileResponse', 'MonitorTrunk', 'MonitorTrunkResponse', 'QueueAddedEvent', 'QueueRemovedEvent'],
  privateDataNamespaces: [],
  sources: ['Uni-tel/api-documentation docs/getting-started/client (MESSAGE_TERMINATOR "\\0"), docs/csta-api/* (requestID in privateData, ed6 ecma.ch namespace, utf-16 declarations)'],
};

/**
 * Uni-tel's login for applicationSpecificInfo: `vendorData:userID`, `vendorData:password`,
 * `vendorData:pbxDomain` (the prefix is not declared in Uni-tel's documentation, and is sent so).
 */
export function unitelLoginInfo(login: { readonly userID: string; readonly password: string; readonly pbxDomain?: string }): string {
  return (
    `<vendorData:userID>${escapeText(login.userID)}</vendorData:userID>` +
    `<vendorData:password>${escapeText(login.password)}</vendorData:password>` +
    (login.pbxDomain === undefined ? '' : `<vendorData:pbxDomain>${escapeText(login.pbxDomain)}</vendorData:pbxDomain>`)
  );
}
