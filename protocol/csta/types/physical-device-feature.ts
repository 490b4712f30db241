/**
 * Data types of CSTA-physical-device-feature { iso(1) identified-organization(3) icd-ecma(12)
 * standard(0) csta3(285) physical-device-feature(137) } (ECMA-285) that the physical device
 * feature events use.
 *
 * `AuditoryApparatusList` (used by
 * getAuditoryApparatusInformation, not by any event) is not transcribed.
 */
import { INTEGER, OCTET_STRING, choice, enumerated, namedInteger } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * AuditoryApparatusID ::= OCTET STRING
 * ``` */
export const AuditoryApparatusID = OCTET_STRING;
export type AuditoryApparatusID = Infer<typeof AuditoryApparatusID>;

/** ```asn1
 * ButtonID ::= OCTET STRING
 * ``` */
export const ButtonID = OCTET_STRING;
export type ButtonID = Infer<typeof ButtonID>;

/** ```asn1
 * CharacterSet ::= ENUMERATED
 * { 	ascii (0), unicode (1), proprietary (2) }
 * ``` */
export const CharacterSet = enumerated('CharacterSet', { ascii: 0, unicode: 1, proprietary: 2 });
export type CharacterSet = Infer<typeof CharacterSet>;

/** ```asn1
 * DisplayID ::= OCTET STRING
 * ``` */
export const DisplayID = OCTET_STRING;
export type DisplayID = Infer<typeof DisplayID>;

/** ```asn1
 * HookswitchID ::= OCTET STRING
 * ``` */
export const HookswitchID = OCTET_STRING;
export type HookswitchID = Infer<typeof HookswitchID>;

/** ```asn1
 * LampBrightness ::= ENUMERATED
 * { 	unspecified (0), dim (1), bright (2) }
 * ``` */
export const LampBrightness = enumerated('LampBrightness', { unspecified: 0, dim: 1, bright: 2 });
export type LampBrightness = Infer<typeof LampBrightness>;

/** ```asn1
 * LampColor ::= INTEGER
 * { 	noColor (0), red (1), yellow (2), green (3), blue (4), unknown (5) } (0..100)
 * ```
 * A named INTEGER: the name when the value has one, else the number (the range is not checked). */
export const LampColor = namedInteger('LampColor', { noColor: 0, red: 1, yellow: 2, green: 3, blue: 4, unknown: 5 });
export type LampColor = Infer<typeof LampColor>;

/** ```asn1
 * LampID ::= OCTET STRING
 * ``` */
export const LampID = OCTET_STRING;
export type LampID = Infer<typeof LampID>;

/** ```asn1
 * LampMode ::= INTEGER
 * { 	brokenFlutter (0), flutter (1), off (2), steady (3), wink (4), unknown (5) } (0..100)
 * ```
 * A named INTEGER: the name when the value has one, else the number (the range is not checked). */
export const LampMode = namedInteger('LampMode', { brokenFlutter: 0, flutter: 1, off: 2, steady: 3, wink: 4, unknown: 5 });
export type LampMode = Infer<typeof LampMode>;

/** ```asn1
 * MicGainInc ::= ENUMERATED
 * { 	increment (0), decrement (1) }
 * ``` */
export const MicGainInc = enumerated('MicGainInc', { increment: 0, decrement: 1 });
export type MicGainInc = Infer<typeof MicGainInc>;

/** ```asn1
 * MicGainAbs ::= INTEGER (0..100)
 * ``` */
export const MicGainAbs = INTEGER;
export type MicGainAbs = Infer<typeof MicGainAbs>;

/** ```asn1
 * MicrophoneGain ::= CHOICE
 * { 	micGainAbs MicGainAbs,
 *	micGainInc MicGainInc }
 * ``` */
export const MicrophoneGain = choice('MicrophoneGain', { micGainAbs: MicGainAbs, micGainInc: MicGainInc });
export type MicrophoneGain = Infer<typeof MicrophoneGain>;

/** ```asn1
 * RingerID ::= OCTET STRING
 * ``` */
export const RingerID = OCTET_STRING;
export type RingerID = Infer<typeof RingerID>;

/** ```asn1
 * RingMode ::= ENUMERATED
 * { 	ringing (0), notRinging (1) }
 * ``` */
export const RingMode = enumerated('RingMode', { ringing: 0, notRinging: 1 });
export type RingMode = Infer<typeof RingMode>;

/** ```asn1
 * VolInc ::= ENUMERATED
 * { 	increment (0), decrement (1) }
 * ``` */
export const VolInc = enumerated('VolInc', { increment: 0, decrement: 1 });
export type VolInc = Infer<typeof VolInc>;

/** ```asn1
 * VolAbs ::= INTEGER (0..100)
 * ``` */
export const VolAbs = INTEGER;
export type VolAbs = Infer<typeof VolAbs>;

/** ```asn1
 * Volume ::= CHOICE
 * { 	volAbs VolAbs,
 *	volInc VolInc }
 * ``` */
export const Volume = choice('Volume', { volAbs: VolAbs, volInc: VolInc });
export type Volume = Infer<typeof Volume>;
