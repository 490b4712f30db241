/**
 * The ECMA-285 subtype constraints our schema does not carry (it decodes and encodes any value),
 * for generating values the oracle accepts: asn1ct checks ranges and sizes when it decodes.
 * Keyed by `<SEQUENCE or CHOICE name>.<component>` (or a SEQUENCE OF's name); the bound is the
 * INTEGER's value range, the string's length or the number of items.
 *
 * ```asn1
 * GlobalCallData ::= SEQUENCE { globalCallSwitchingSubDomainName IA5String (SIZE(1..64)) OPTIONAL, ... }
 * GlobalCallLinkageID ::= CHOICE { subDomainCallLinkageID [0] IMPLICIT OCTET STRING (SIZE(1..8)),
 *                                  globallyUniqueCallLinkageID [1] IMPLICIT OCTET STRING (SIZE(1..16)) }
 * ThreadData ::= SEQUENCE { threadSwitchingSubDomainName IA5String (SIZE(1..64)) OPTIONAL, ... }
 * ThreadLinkageID ::= CHOICE { subDomainThreadID [0] IMPLICIT OCTET STRING (SIZE(1..8)),
 *                              globallyUniqueThreadID [1] IMPLICIT OCTET STRING (SIZE(1..16)) }
 * civicLoc ... { country IA5String (SIZE(0..2)), ... }
 * AgentStateList ::= SEQUENCE SIZE (1..32) OF AgentStateEntry
 * ForwardList item, SetForwardingArgument, ForwardingEvent: ringCount INTEGER (1..100) OPTIONAL
 * RingerStatusEvent: ringCount [0] IMPLICIT INTEGER (0..1000) OPTIONAL
 * ButtonInformationEvent, ButtonPressEvent: buttonLabel IA5String (SIZE(0..64)) OPTIONAL
 * MicGainAbs ::= INTEGER (0..100)     VolAbs ::= INTEGER (0..100)
 * VoiceAttributesChangeEvent: recordingGain [1] IMPLICIT INTEGER (0 .. 100) OPTIONAL
 * ```
 */
export interface Bound {
  readonly min: number;
  readonly max: number;
}

export const ECMA285_CONSTRAINTS: ReadonlyMap<string, Bound> = new Map([
  ['GlobalCallData.globalCallSwitchingSubDomainName', { min: 1, max: 64 }],
  ['GlobalCallLinkageID.subDomainCallLinkageID', { min: 1, max: 8 }],
  ['GlobalCallLinkageID.globallyUniqueCallLinkageID', { min: 1, max: 16 }],
  ['ThreadData.threadSwitchingSubDomainName', { min: 1, max: 64 }],
  ['ThreadLinkageID.subDomainThreadID', { min: 1, max: 8 }],
  ['ThreadLinkageID.globallyUniqueThreadID', { min: 1, max: 16 }],
  ['GpLocationInfo.civicLocGml.civicLoc.country', { min: 0, max: 2 }],
  ['AgentStateList', { min: 1, max: 32 }],
  ['ForwardList.item.ringCount', { min: 1, max: 100 }],
  ['SetForwardingArgument.ringCount', { min: 1, max: 100 }],
  ['ForwardingEvent.ringCount', { min: 1, max: 100 }],
  ['RingerStatusEvent.ringCount', { min: 0, max: 1000 }],
  ['ButtonInformationEvent.buttonLabel', { min: 0, max: 64 }],
  ['ButtonPressEvent.buttonLabel', { min: 0, max: 64 }],
  ['MicrophoneGain.micGainAbs', { min: 0, max: 100 }],
  ['Volume.volAbs', { min: 0, max: 100 }],
  ['VoiceAttributesChangeEvent.recordingGain', { min: 0, max: 100 }],
]);
