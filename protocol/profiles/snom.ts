/**
 * snom desk phones as the switching function (uaCSTA): ECMA-323 requests in ed3, answers in
 * ed5, negative callIDs (`-12`); carried over SIP or HTTP POST rather than a CSTA TCP link, so
 * this profile serves decoding captures and replying in the phone's dialect.
 */
import type { VendorProfile } from './profile.js';

export const SNOM: VendorProfile = {
  name: 'snom',
  title: 'snom phones (uaCSTA, XML)',
  encoding: 'xml',
  framing: 'plain',
  namespace: 'http://www.ecma-international.org/standards/ecma-323/csta/ed3',
  correlation: 'invokeId',
  association: { kind: 'none' },
  keepAlive: { kind: 'none' },
  ports: {},
  deviceIds: 'SIP URIs or line numbers; callIDs are small signed integers (`-12`)',
  vendorMessages: [],
  privateDataNamespaces: [],
  sources: ['service.snom.com wiki "CSTA" (RequestSystemStatus, MonitorStart/Stop, SystemRegister since 8.7.4, SnapshotDevice, MakeCall; answers in ed5)'],
};
