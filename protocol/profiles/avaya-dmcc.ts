/**
 * Avaya Aura Application Enablement Services, DMCC XML: ECMA-323 ed3 with Avaya private data,
 * behind the 8-byte header, in an ECMA-354 application session that logs in with Avaya's
 * SessionLoginInfo and is kept alive with ResetApplicationSessionTimer.
 */
import type { VendorProfile } from './profile.js';

/** Avaya's DMCC protocol versions, newest first (Ratcow.Csta DmccProtocols.cs; f-me/dmcc maps 3.1 → ed2/priv1 … 6.1 → ed3/priv5). */
export const AVAYA_DMCC_PROTOCOL_VERSIONS = [
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/privA',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv9',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv8',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv7',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv6',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv5',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed3/priv1',
  'http://www.ecma-international.org/standards/ecma-323/csta/ed2/priv1',
  '3.0',
] as const;

export const AVAYA_DMCC: VendorProfile = {
  name: 'avaya-dmcc',
  title: 'Avaya AES DMCC (XML)',
  encoding: 'xml',
  framing: 'header',
  namespace: 'http://www.ecma-international.org/standards/ecma-323/csta/ed3',
  correlation: 'invokeId',
  association: {
    kind: 'applicationSession',
    protocolVersions: AVAYA_DMCC_PROTOCOL_VERSIONS,
    sessionDurationS: 180,
    login: 'avaya-session-login-info',
    transferMonitors: true,
    systemRegister: false,
  },
  keepAlive: { kind: 'resetApplicationSessionTimer' },
  invokeIds: { min: 0, max: 9998, events: 9999 },
  ports: { plain: 4721, tls: 4722 },
  deviceIds: 'DMCC device ids from GetDeviceId: `extension:switchConnection:switchIP:instance`, e.g. `4100:CM1:10.0.0.5:0`; events name stations by extension',
  vendorMessages: ['GetDeviceId', 'GetDeviceIdResponse', 'GetThirdPartyDeviceId', 'GetThirdPartyDeviceIdResponse', 'RegisterTerminal', 'RegisterTerminalRequest', 'RegisterTerminalResponse', 'ReleaseDeviceId', 'ReleaseDeviceIdResponse'],
  privateDataNamespaces: ['http://www.avaya.com/csta'],
  sources: [
    'f-me/dmcc src/Network/Avaya.hs (35a62fb): ports 4721/4722, invoke ids 0..9998; src/DMCC/Session.hs: resume, TransferMonitorObjects, Reset every duration/2',
    'emsonm/Ratcow.Csta Ratcow.Csta.Avaya.Dmcc/DmccProtocols.cs: protocol versions',
    'gastongra/SimpleDMCCClient (Avaya ExampleCmapiXML port): StartApplicationSession, GetDeviceId, MonitorStart',
  ],
};
