/**
 * Zultys MX: ECMA-323 without any namespace behind the 8-byte header, plus Zultys' own
 * `loginRequest`, `keepalive` and `iq` messages on the same link; device ids carry
 * `typeOfNumber="deviceID"`.
 */
import type { VendorProfile } from './profile.js';

export const ZULTYS_MX: VendorProfile = {
  name: 'zultys-mx',
  title: 'Zultys MX (XML, no namespace)',
  encoding: 'xml',
  framing: 'header',
  namespace: '',
  correlation: 'invokeId',
  association: { kind: 'none', login: 'zultys' },
  keepAlive: { kind: 'vendor', root: 'keepalive', intervalMs: 60_000 },
  invokeIds: { min: 1, max: 9998 },
  ports: { plain: 7777, tls: 7778 },
  deviceIds: 'extensions, written `<callingDevice typeOfNumber="deviceID">4100</callingDevice>`',
  vendorMessages: ['loginRequest', 'keepalive', 'iq'],
  privateDataNamespaces: [],
  sources: [
    'Connector73/BaseCSTA Messenger.cs (8-byte header, ports 7777/7778)',
    'mdigger/mxproxy mx/conn.go (login, keep-alive every minute, 7 s read timeout)',
  ],
};
