/**
 * Siemens HiPath (4000, 3000): ECMA-285 BER behind a 3-byte header (0x26 and a 15-bit length
 * with the top bit set), ACSE with the CSTA Phase II application context 1.3.12.0.218 and a
 * name/password; after the AARE the PBX sends SystemStatus, which the client must answer.
 */
import type { VendorProfile } from './profile.js';

export const HIPATH: VendorProfile = {
  name: 'hipath',
  title: 'Siemens HiPath (BER, 0x26 header)',
  encoding: 'ber',
  framing: 'hipath',
  correlation: 'invokeId',
  association: {
    kind: 'acse',
    applicationContext: '1.3.12.0.218',
    applicationContextSource:
      "Net::CSTAv3::Client lib/Net/CSTAv3/Client/HiPath.pm: the AARQ's application-context-name bytes 2b 0c 00 81 5a = { iso(1) identified-organization(3) icd-ecma(12) standard(0) 218 } (ECMA-218, CSTA Phase II)",
    authentication: true,
  },
  keepAlive: { kind: 'systemStatus', intervalMs: 30_000 },
  ports: {},
  deviceIds: 'extension numbers',
  vendorMessages: [],
  privateDataNamespaces: [],
  sources: ['Net::CSTAv3::Client 0.06 (CPAN; gitpan/Net-CSTAv3-Client) Client.pm (0x26 header, 1000-byte limit), HiPath.pm (AARQ, defaults "AMHOST"/"77777", SystemStatus to answer, all-zero monitor filter = all events)'],
};
