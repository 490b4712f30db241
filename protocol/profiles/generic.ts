/** The standard as written: ECMA-285 BER over a 2-byte length prefix, ACSE with CSTA's application context. */
import type { VendorProfile } from './profile.js';

export const GENERIC_BER: VendorProfile = {
  name: 'generic',
  title: 'ECMA-269 / ECMA-285 (BER), ACSE association',
  encoding: 'ber',
  framing: 'length16',
  correlation: 'invokeId',
  association: {
    kind: 'acse',
    applicationContext: '1.3.12.0.285.200',
    applicationContextSource:
      'the module identifier of ECMA-285 CSTA-application-context-information-csta3 { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285) application-context-information(200) }; the application-context value itself is not in the ASN.1 available here (the session default, CSTA_APPLICATION_CONTEXT)',
    authentication: false,
  },
  keepAlive: { kind: 'systemStatus', intervalMs: 30_000 },
  ports: {},
  deviceIds: 'dialling numbers (`2000`), or the other DeviceID forms of ECMA-269',
  vendorMessages: [],
  privateDataNamespaces: [],
  sources: ['ECMA-269, ECMA-285 (the standards)'],
};

/** The standard as written over XML: ECMA-323 ed4 behind the 8-byte header, no association. */
export const GENERIC_XML: VendorProfile = {
  name: 'generic-xml',
  title: 'ECMA-323 (XML) behind the 8-byte header',
  encoding: 'xml',
  framing: 'header',
  correlation: 'invokeId',
  association: { kind: 'none' },
  keepAlive: { kind: 'systemStatus', intervalMs: 30_000 },
  invokeIds: { min: 1, max: 9998 },
  ports: {},
  deviceIds: 'dialling numbers',
  vendorMessages: [],
  privateDataNamespaces: [],
  sources: ['ECMA-323 (the 8-byte "CSTA XML without SOAP" header: Ratcow.Csta TcpCommsBase.cs comment, FreeSWITCH mod_csta_socket README; peers.md, Framings)'],
};
