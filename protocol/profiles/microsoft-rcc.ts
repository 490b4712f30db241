/**
 * Microsoft LCS 2005 / OCS 2007 Remote Call Control: ECMA-323 ed3 with `lcs:line` private data,
 * inside SIP INFO (`application/csta+xml`); for decoding captures of RCC gateways.
 */
import type { VendorProfile } from './profile.js';

export const MICROSOFT_RCC: VendorProfile = {
  name: 'microsoft-rcc',
  title: 'Microsoft Remote Call Control (uaCSTA over SIP, XML)',
  encoding: 'xml',
  framing: 'plain',
  namespace: 'http://www.ecma-international.org/standards/ecma-323/csta/ed3',
  correlation: 'invokeId',
  association: { kind: 'none' },
  keepAlive: { kind: 'none' },
  ports: {},
  deviceIds: 'tel: and sip: URIs (`tel:+4930555100;ext=4100`)',
  vendorMessages: [],
  privateDataNamespaces: ['http://schemas.microsoft.com/Lcs/2005/04/RCCExtension'],
  sources: ['tieto/sipe src/core/sip-csta.c (INVITE/INFO, application/csta+xml, lcs:line private data)'],
};
