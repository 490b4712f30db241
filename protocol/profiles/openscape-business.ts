/**
 * Unify OpenScape Business: ECMA-323 ed4 behind the 8-byte header, an ECMA-354 application
 * session whose applicationSpecificInfo carries `<user>` and `<password>`.
 */
import type { VendorProfile } from './profile.js';

export const OPENSCAPE_BUSINESS: VendorProfile = {
  name: 'openscape-business',
  title: 'Unify OpenScape Business (XML)',
  encoding: 'xml',
  framing: 'header',
  namespace: 'http://www.ecma-international.org/standards/ecma-323/csta/ed4',
  correlation: 'invokeId',
  association: {
    kind: 'applicationSession',
    protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed4'],
    sessionDurationS: 180,
    login: 'openscape-business',
    transferMonitors: false,
    systemRegister: false,
  },
  keepAlive: { kind: 'resetApplicationSessionTimer' },
  invokeIds: { min: 0, max: 9998, events: 9999 },
  ports: {},
  deviceIds: 'extension numbers',
  vendorMessages: [],
  privateDataNamespaces: [],
  sources: [
    'psco-tech/gw-coach-recording-agent pbx/osbiz/pbx.go, csta/message.go, csta/conn.go (8-byte header, StartApplicationSession with user/password, ResetApplicationSessionTimer loop, StopApplicationSession on close)',
    'wiki.unify.com "OpenScape Business Interfaces": CSTA Phase III, at most 4 CSTA links',
  ],
};
