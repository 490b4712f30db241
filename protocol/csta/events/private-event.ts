/**
 * CSTA-private-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * private-event(71) } (ECMA-285).
 */
import { optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { CSTAPrivateData } from '../types/extension-types.js';
import { CSTASecurityData } from '../types/security.js';

/** ```asn1
 * PrivateEvent ::= SEQUENCE
 * {	security			CSTASecurityData			OPTIONAL,
 *	privateData			CSTAPrivateData}
 * ```
 * `privateData` is `CSTAPrivateData`: an OCTET STRING or a vendor element kept raw (open type). */
export const PrivateEvent = sequence('PrivateEvent', {
  security: optional(CSTASecurityData),
  privateData: CSTAPrivateData,
});
export type PrivateEvent = Infer<typeof PrivateEvent>;
