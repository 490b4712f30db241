/**
 * Unify (Siemens) OpenScape Voice: ECMA-323 ed4 behind the 8-byte header, events framed with
 * invoke id 9999, an ECMA-354 application session (the answer carries `actualHBT` in its
 * extensions), then SystemRegister; the switch sends SystemStatus, which the client answers.
 */
import type { VendorProfile } from './profile.js';

export const OPENSCAPE_VOICE: VendorProfile = {
  name: 'openscape-voice',
  title: 'Unify OpenScape Voice (XML)',
  encoding: 'xml',
  framing: 'header',
  namespace: 'http://www.ecma-international.org/standards/ecma-323/csta/ed4',
  correlation: 'invokeId',
  association: {
    kind: 'applicationSession',
    protocolVersions: ['http://www.ecma-international.org/standards/ecma-323/csta/ed4'],
    sessionDurationS: 600,
    login: 'none',
    transferMonitors: false,
    systemRegister: true,
  },
  keepAlive: { kind: 'resetApplicationSessionTimer' },
  invokeIds: { min: 0, max: 9998, events: 9999 },
  ports: {},
  deviceIds: 'E.164 numbers and `N<+1…>` forms with parameters, e.g. `N<+4930555100>Line00001;displayNumber=00001`; callIDs are 32 upper-case hex digits (`FF0001…`)',
  vendorMessages: [],
  privateDataNamespaces: ['http://www.siemens.com/schema/csta'],
  sources: [
    'skarcos/pyssimist csta/CstaMessage.py, csta/CstaParser.py (8-byte header, 9999 events), tests/Features/MockCSTATCP.py (StartApplicationSession with requestedSessionDuration 600, PosResponse with actualHBT, SystemRegister, SystemStatus answered)',
  ],
};
