/**
 * CSTA-security { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285) security(128) }.
 */
import { GeneralizedTime, INTEGER, OCTET_STRING, choice, implicit, openType, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * TimeInfo ::= GeneralizedTime
 * ``` */
export const TimeInfo = GeneralizedTime;

/** ```asn1
 * SecurityInfo ::= CHOICE
 * { 	string OCTET STRING,
 *	private NULL } -- The actual encoding is added here, replacing NULL with another valid ASN.1 type.
 * ```
 * `private` is an open type: any element other than an OCTET STRING is kept raw. */
export const SecurityInfo = choice('SecurityInfo', { string: OCTET_STRING, private: openType('SecurityInfo.private') });
export type SecurityInfo = Infer<typeof SecurityInfo>;

/** ```asn1
 * CSTASecurityData ::= SEQUENCE
 * { 	messageSequenceNumber [0] IMPLICIT INTEGER OPTIONAL,
 *	timestamp TimeInfo OPTIONAL,
 *	securityInfo SecurityInfo OPTIONAL }
 * ``` */
export const CSTASecurityData = sequence('CSTASecurityData', {
  messageSequenceNumber: optional(implicit(0, INTEGER)),
  timestamp: optional(TimeInfo),
  securityInfo: optional(SecurityInfo),
});
export type CSTASecurityData = Infer<typeof CSTASecurityData>;
