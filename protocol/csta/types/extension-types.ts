/**
 * CSTA-extension-types { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * extension-types(129) }. Vendor private data lives here; it is kept byte for byte.
 */
import { OCTET_STRING, applicationImplicit, choice, implicit, openType, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { CSTASecurityData } from './security.js';

/** ```asn1
 * CSTAPrivateData ::= CHOICE
 * { 	string OCTET STRING,
 *	private NULL } -- The actual encoding is added here, replacing NULL with another valid ASN.1 type.
 * ```
 * `private` is an open type: whatever element the vendor put there is kept as raw BER. */
export const CSTAPrivateData = choice('CSTAPrivateData', { string: OCTET_STRING, private: openType('CSTAPrivateData.private') });
export type CSTAPrivateData = Infer<typeof CSTAPrivateData>;

/** ```asn1
 * CSTACommonArguments ::= [APPLICATION 30] IMPLICIT SEQUENCE
 * {	security [0] IMPLICIT CSTASecurityData OPTIONAL,
 *	privateData [1] IMPLICIT SEQUENCE OF CSTAPrivateData OPTIONAL }
 * ``` */
export const CSTACommonArguments = applicationImplicit(
  30,
  sequence('CSTACommonArguments', {
    security: optional(implicit(0, CSTASecurityData)),
    privateData: optional(implicit(1, sequenceOf('CSTACommonArguments.privateData', CSTAPrivateData))),
  }),
);
export type CSTACommonArguments = Infer<typeof CSTACommonArguments>;
