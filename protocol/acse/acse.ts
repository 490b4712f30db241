/**
 * ACSE (ITU-T X.227 | ISO 8650-1) APDUs as CSTA associations use them: AARQ/AARE to set up an
 * association with the CSTA application context and CSTA user information (version negotiation),
 * RLRQ/RLRE for orderly release, ABRT to abort. Module ACSE-1 { joint-iso-itu-t
 * association-control(2) modules(0) apdus(0) version1(1) } uses explicit tagging by default.
 */
import {
  BIT_STRING,
  GraphicString,
  INTEGER,
  OBJECT_IDENTIFIER,
  OCTET_STRING,
  applicationImplicit,
  bitString,
  choice,
  enumerated,
  explicit,
  implicit,
  namedInteger,
  openType,
  optional,
  sequence,
  sequenceOf,
} from '../schema/index.js';
import type { Infer } from '../schema/index.js';
import { Universal } from '../ber/tags.js';
import { TagClass } from '../ber/tags.js';
import { ACSEUserInformationForCSTA } from '../csta/types/acse-user-info-csta.js';

/** ```asn1
 * Application-context-name ::= OBJECT IDENTIFIER
 * ``` */
export const ApplicationContextName = OBJECT_IDENTIFIER;

/** ```asn1
 * AP-title ::= CHOICE { ap-title-form1 AP-title-form1, ap-title-form2 AP-title-form2, ... }
 * AP-title-form1 ::= Name -- directory name, kept raw
 * AP-title-form2 ::= OBJECT IDENTIFIER
 * ``` */
export const APTitle = choice('AP-title', { 'ap-title-form2': OBJECT_IDENTIFIER, 'ap-title-form1': openType('AP-title-form1') });

/** ```asn1
 * AE-qualifier ::= CHOICE { ae-qualifier-form1 AE-qualifier-form1, ae-qualifier-form2 AE-qualifier-form2, ... }
 * AE-qualifier-form1 ::= RelativeDistinguishedName -- kept raw
 * AE-qualifier-form2 ::= INTEGER
 * ``` */
export const AEQualifier = choice('AE-qualifier', { 'ae-qualifier-form2': INTEGER, 'ae-qualifier-form1': openType('AE-qualifier-form1') });

/** ```asn1
 * ACSE-requirements ::= BIT STRING { authentication (0), aSO-context-negotiation (1),
 *	higher-level-association (2), nested-association (3) }
 * ``` */
export const ACSERequirements = bitString('ACSE-requirements', {
  authentication: 0,
  'aSO-context-negotiation': 1,
  'higher-level-association': 2,
  'nested-association': 3,
});

/** ```asn1
 * EXTERNAL ::= [UNIVERSAL 8] IMPLICIT SEQUENCE
 * {	direct-reference	OBJECT IDENTIFIER OPTIONAL,
 *	indirect-reference	INTEGER OPTIONAL,
 *	data-value-descriptor	ObjectDescriptor OPTIONAL,
 *	encoding		CHOICE
 *	{	single-ASN1-type	[0] ABSTRACT-SYNTAX.&Type,
 *		octet-aligned		[1] IMPLICIT OCTET STRING,
 *		arbitrary		[2] IMPLICIT BIT STRING } }
 * ```
 * In a CSTA association the single-ASN1-type is `ACSEUserInformationForCSTA`. */
export const EXTERNAL = implicit(
  Universal.external,
  sequence('EXTERNAL', {
    'direct-reference': optional(OBJECT_IDENTIFIER),
    'indirect-reference': optional(INTEGER),
    'data-value-descriptor': optional(implicit(7, GraphicString, TagClass.universal)),
    encoding: choice('EXTERNAL.encoding', {
      'single-ASN1-type': explicit(0, ACSEUserInformationForCSTA),
      'octet-aligned': implicit(1, OCTET_STRING),
      arbitrary: implicit(2, BIT_STRING),
    }),
  }),
  TagClass.universal,
);
export type EXTERNAL = Infer<typeof EXTERNAL>;

/**
 * The EXTERNAL of an authentication value (Authentication-value `external`): its
 * single-ASN1-type is whatever the authentication mechanism defines, kept as the raw element
 * (`{ tlv }`). Siemens HiPath puts `[0] { name OCTET STRING, password OCTET STRING }` there in
 * its AARQ, and a stamp and system version in its AARE.
 */
export const AuthenticationEXTERNAL = implicit(
  Universal.external,
  sequence('Authentication-EXTERNAL', {
    'direct-reference': optional(OBJECT_IDENTIFIER),
    'indirect-reference': optional(INTEGER),
    'data-value-descriptor': optional(implicit(7, GraphicString, TagClass.universal)),
    encoding: choice('Authentication-EXTERNAL.encoding', {
      'single-ASN1-type': explicit(0, openType('Authentication-EXTERNAL.single-ASN1-type')),
      'octet-aligned': implicit(1, OCTET_STRING),
      arbitrary: implicit(2, BIT_STRING),
    }),
  }),
  TagClass.universal,
);
export type AuthenticationEXTERNAL = Infer<typeof AuthenticationEXTERNAL>;

/** ```asn1
 * Association-information ::= SEQUENCE SIZE (1..MAX) OF EXTERNAL
 * ``` */
export const AssociationInformation = sequenceOf('Association-information', EXTERNAL);

/** ```asn1
 * Authentication-value ::= CHOICE
 * {	charstring [0] IMPLICIT GraphicString,
 *	bitstring [1] IMPLICIT BIT STRING,
 *	external [2] IMPLICIT EXTERNAL,
 *	other [3] IMPLICIT SEQUENCE { other-mechanism-name MECHANISM-NAME.&id, other-mechanism-value ... } }
 * ``` */
export const AuthenticationValue = choice('Authentication-value', {
  charstring: implicit(0, GraphicString),
  bitstring: implicit(1, BIT_STRING),
  external: implicit(2, AuthenticationEXTERNAL),
  other: implicit(3, sequence('Authentication-value.other', { 'other-mechanism-name': OBJECT_IDENTIFIER, 'other-mechanism-value': openType('other-mechanism-value') })),
});
export type AuthenticationValue = Infer<typeof AuthenticationValue>;

const protocolVersion = bitString('protocol-version', { version1: 0 });

/** ```asn1
 * AARQ-apdu ::= [APPLICATION 0] IMPLICIT SEQUENCE
 * {	protocol-version			[0] IMPLICIT BIT STRING { version1 (0) } DEFAULT { version1 },
 *	application-context-name		[1] Application-context-name,
 *	called-AP-title				[2] AP-title OPTIONAL,
 *	called-AE-qualifier			[3] AE-qualifier OPTIONAL,
 *	called-AP-invocation-identifier		[4] AP-invocation-identifier OPTIONAL,
 *	called-AE-invocation-identifier		[5] AE-invocation-identifier OPTIONAL,
 *	calling-AP-title			[6] AP-title OPTIONAL,
 *	calling-AE-qualifier			[7] AE-qualifier OPTIONAL,
 *	calling-AP-invocation-identifier	[8] AP-invocation-identifier OPTIONAL,
 *	calling-AE-invocation-identifier	[9] AE-invocation-identifier OPTIONAL,
 *	sender-acse-requirements		[10] IMPLICIT ACSE-requirements OPTIONAL,
 *	mechanism-name				[11] IMPLICIT Mechanism-name OPTIONAL,
 *	calling-authentication-value		[12] EXPLICIT Authentication-value OPTIONAL,
 *	application-context-name-list		[13] IMPLICIT Application-context-name-list OPTIONAL,
 *	implementation-information		[29] IMPLICIT Implementation-data OPTIONAL,
 *	...,
 *	user-information			[30] IMPLICIT Association-information OPTIONAL }
 * ``` */
export const AARQapdu = applicationImplicit(
  0,
  sequence('AARQ-apdu', {
    'protocol-version': optional(implicit(0, protocolVersion)),
    'application-context-name': explicit(1, ApplicationContextName),
    'called-AP-title': optional(explicit(2, APTitle)),
    'called-AE-qualifier': optional(explicit(3, AEQualifier)),
    'called-AP-invocation-identifier': optional(explicit(4, INTEGER)),
    'called-AE-invocation-identifier': optional(explicit(5, INTEGER)),
    'calling-AP-title': optional(explicit(6, APTitle)),
    'calling-AE-qualifier': optional(explicit(7, AEQualifier)),
    'calling-AP-invocation-identifier': optional(explicit(8, INTEGER)),
    'calling-AE-invocation-identifier': optional(explicit(9, INTEGER)),
    'sender-acse-requirements': optional(implicit(10, ACSERequirements)),
    'mechanism-name': optional(implicit(11, OBJECT_IDENTIFIER)),
    'calling-authentication-value': optional(explicit(12, AuthenticationValue)),
    'application-context-name-list': optional(implicit(13, sequenceOf('Application-context-name-list', ApplicationContextName))),
    'implementation-information': optional(implicit(29, GraphicString)),
    'user-information': optional(implicit(30, AssociationInformation)),
  }),
);
export type AARQapdu = Infer<typeof AARQapdu>;

/** ```asn1
 * Associate-source-diagnostic ::= CHOICE
 * {	acse-service-user [1] INTEGER { null (0), no-reason-given (1),
 *		application-context-name-not-supported (2), calling-AP-title-not-recognized (3),
 *		calling-AP-invocation-identifier-not-recognized (4), calling-AE-qualifier-not-recognized (5),
 *		calling-AE-invocation-identifier-not-recognized (6), called-AP-title-not-recognized (7),
 *		called-AP-invocation-identifier-not-recognized (8), called-AE-qualifier-not-recognized (9),
 *		called-AE-invocation-identifier-not-recognized (10), authentication-mechanism-name-not-recognized (11),
 *		authentication-mechanism-name-required (12), authentication-failure (13), authentication-required (14) },
 *	acse-service-provider [2] INTEGER { null (0), no-reason-given (1), no-common-acse-version (2) } }
 * ``` */
export const AssociateSourceDiagnostic = choice('Associate-source-diagnostic', {
  'acse-service-user': explicit(
    1,
    namedInteger('acse-service-user', {
      null: 0,
      'no-reason-given': 1,
      'application-context-name-not-supported': 2,
      'calling-AP-title-not-recognized': 3,
      'calling-AP-invocation-identifier-not-recognized': 4,
      'calling-AE-qualifier-not-recognized': 5,
      'calling-AE-invocation-identifier-not-recognized': 6,
      'called-AP-title-not-recognized': 7,
      'called-AP-invocation-identifier-not-recognized': 8,
      'called-AE-qualifier-not-recognized': 9,
      'called-AE-invocation-identifier-not-recognized': 10,
      'authentication-mechanism-name-not-recognized': 11,
      'authentication-mechanism-name-required': 12,
      'authentication-failure': 13,
      'authentication-required': 14,
    }),
  ),
  'acse-service-provider': explicit(2, namedInteger('acse-service-provider', { null: 0, 'no-reason-given': 1, 'no-common-acse-version': 2 })),
});

/** ```asn1
 * AARE-apdu ::= [APPLICATION 1] IMPLICIT SEQUENCE
 * {	protocol-version			[0] IMPLICIT BIT STRING { version1 (0) } DEFAULT { version1 },
 *	application-context-name		[1] Application-context-name,
 *	result					[2] Associate-result,
 *	result-source-diagnostic		[3] Associate-source-diagnostic,
 *	responding-AP-title			[4] AP-title OPTIONAL,
 *	responding-AE-qualifier			[5] AE-qualifier OPTIONAL,
 *	responding-AP-invocation-identifier	[6] AP-invocation-identifier OPTIONAL,
 *	responding-AE-invocation-identifier	[7] AE-invocation-identifier OPTIONAL,
 *	responder-acse-requirements		[8] IMPLICIT ACSE-requirements OPTIONAL,
 *	mechanism-name				[9] IMPLICIT Mechanism-name OPTIONAL,
 *	responding-authentication-value		[10] EXPLICIT Authentication-value OPTIONAL,
 *	application-context-name-list		[11] IMPLICIT Application-context-name-list OPTIONAL,
 *	implementation-information		[29] IMPLICIT Implementation-data OPTIONAL,
 *	...,
 *	user-information			[30] IMPLICIT Association-information OPTIONAL }
 * Associate-result ::= INTEGER { accepted (0), rejected-permanent (1), rejected-transient (2) }
 * ``` */
export const AAREapdu = applicationImplicit(
  1,
  sequence('AARE-apdu', {
    'protocol-version': optional(implicit(0, protocolVersion)),
    'application-context-name': explicit(1, ApplicationContextName),
    result: explicit(2, namedInteger('Associate-result', { accepted: 0, 'rejected-permanent': 1, 'rejected-transient': 2 })),
    'result-source-diagnostic': explicit(3, AssociateSourceDiagnostic),
    'responding-AP-title': optional(explicit(4, APTitle)),
    'responding-AE-qualifier': optional(explicit(5, AEQualifier)),
    'responding-AP-invocation-identifier': optional(explicit(6, INTEGER)),
    'responding-AE-invocation-identifier': optional(explicit(7, INTEGER)),
    'responder-acse-requirements': optional(implicit(8, ACSERequirements)),
    'mechanism-name': optional(implicit(9, OBJECT_IDENTIFIER)),
    'responding-authentication-value': optional(explicit(10, AuthenticationValue)),
    'application-context-name-list': optional(implicit(11, sequenceOf('Application-context-name-list', ApplicationContextName))),
    'implementation-information': optional(implicit(29, GraphicString)),
    'user-information': optional(implicit(30, AssociationInformation)),
  }),
);
export type AAREapdu = Infer<typeof AAREapdu>;

/** ```asn1
 * RLRQ-apdu ::= [APPLICATION 2] IMPLICIT SEQUENCE
 * {	reason [0] IMPLICIT Release-request-reason OPTIONAL,
 *	...,
 *	user-information [30] IMPLICIT Association-information OPTIONAL }
 * Release-request-reason ::= INTEGER { normal (0), urgent (1), user-defined (30) }
 * ``` */
export const RLRQapdu = applicationImplicit(
  2,
  sequence('RLRQ-apdu', {
    reason: optional(implicit(0, namedInteger('Release-request-reason', { normal: 0, urgent: 1, 'user-defined': 30 }))),
    'user-information': optional(implicit(30, AssociationInformation)),
  }),
);
export type RLRQapdu = Infer<typeof RLRQapdu>;

/** ```asn1
 * RLRE-apdu ::= [APPLICATION 3] IMPLICIT SEQUENCE
 * {	reason [0] IMPLICIT Release-response-reason OPTIONAL,
 *	...,
 *	user-information [30] IMPLICIT Association-information OPTIONAL }
 * Release-response-reason ::= INTEGER { normal (0), not-finished (1), user-defined (30) }
 * ``` */
export const RLREapdu = applicationImplicit(
  3,
  sequence('RLRE-apdu', {
    reason: optional(implicit(0, namedInteger('Release-response-reason', { normal: 0, 'not-finished': 1, 'user-defined': 30 }))),
    'user-information': optional(implicit(30, AssociationInformation)),
  }),
);
export type RLREapdu = Infer<typeof RLREapdu>;

/** ```asn1
 * ABRT-apdu ::= [APPLICATION 4] IMPLICIT SEQUENCE
 * {	abort-source [0] IMPLICIT ABRT-source,
 *	abort-diagnostic [1] IMPLICIT ABRT-diagnostic OPTIONAL,
 *	...,
 *	user-information [30] IMPLICIT Association-information OPTIONAL }
 * ABRT-source ::= INTEGER { acse-service-user (0), acse-service-provider (1) }
 * ABRT-diagnostic ::= ENUMERATED { no-reason-given (1), protocol-error (2),
 *	authentication-mechanism-name-not-recognized (3), authentication-mechanism-name-required (4),
 *	authentication-failure (5), authentication-required (6), ... }
 * ``` */
export const ABRTapdu = applicationImplicit(
  4,
  sequence('ABRT-apdu', {
    'abort-source': implicit(0, namedInteger('ABRT-source', { 'acse-service-user': 0, 'acse-service-provider': 1 })),
    'abort-diagnostic': optional(
      implicit(
        1,
        enumerated('ABRT-diagnostic', {
          'no-reason-given': 1,
          'protocol-error': 2,
          'authentication-mechanism-name-not-recognized': 3,
          'authentication-mechanism-name-required': 4,
          'authentication-failure': 5,
          'authentication-required': 6,
        }),
      ),
    ),
    'user-information': optional(implicit(30, AssociationInformation)),
  }),
);
export type ABRTapdu = Infer<typeof ABRTapdu>;
