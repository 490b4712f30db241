/**
 * CSTA-charge-info { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * charge-info(133) } (ECMA-285).
 */
import { INTEGER, OCTET_STRING, choice, enumerated, implicit, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';

/** ```asn1
 * NumberOfChargingUnits ::= SEQUENCE OF SEQUENCE
 * { 	chargingUnits 		INTEGER,
 *	typeOfUnits 		OCTET STRING 	OPTIONAL }
 * ``` */
export const NumberOfChargingUnits = sequenceOf(
  'NumberOfChargingUnits',
  sequence('NumberOfChargingUnits.item', {
    chargingUnits: INTEGER,
    typeOfUnits: optional(OCTET_STRING),
  }),
);
export type NumberOfChargingUnits = Infer<typeof NumberOfChargingUnits>;

/** ```asn1
 * NumberOfCurrencyUnits ::= SEQUENCE
 * { 	currencyType 		OCTET STRING, 	-- size 0 indicates default currency
 *	currencyAmount 		INTEGER,
 *	currencyMultiplier 	ENUMERATED
 *	{ 	oneThousandth (0), oneHundredth (1), oneTenth (2), one (3), ten (4), hundred (5), thousand (6) } }
 * ``` */
export const NumberOfCurrencyUnits = sequence('NumberOfCurrencyUnits', {
  currencyType: OCTET_STRING,
  currencyAmount: INTEGER,
  currencyMultiplier: enumerated('NumberOfCurrencyUnits.currencyMultiplier', {
    oneThousandth: 0,
    oneHundredth: 1,
    oneTenth: 2,
    one: 3,
    ten: 4,
    hundred: 5,
    thousand: 6,
  }),
});
export type NumberOfCurrencyUnits = Infer<typeof NumberOfCurrencyUnits>;

/** ```asn1
 * NumberUnits ::= CHOICE
 * { 	numberOfChargeUnits 		[0] IMPLICIT 	NumberOfChargingUnits,
 *	numberOfCurrencyUnits 		[1] IMPLICIT 	NumberOfCurrencyUnits }
 * ``` */
export const NumberUnits = choice('NumberUnits', {
  numberOfChargeUnits: implicit(0, NumberOfChargingUnits),
  numberOfCurrencyUnits: implicit(1, NumberOfCurrencyUnits),
});
export type NumberUnits = Infer<typeof NumberUnits>;

/** ```asn1
 * ChargingInfo ::= SEQUENCE
 * { 	numberUnits 			NumberUnits,
 *	typeOfChargingInfo 		ENUMERATED
 *	{ 	subTotal 		(0),
 *		total 			(1) } }
 * ``` */
export const ChargingInfo = sequence('ChargingInfo', {
  numberUnits: NumberUnits,
  typeOfChargingInfo: enumerated('ChargingInfo.typeOfChargingInfo', { subTotal: 0, total: 1 }),
});
export type ChargingInfo = Infer<typeof ChargingInfo>;
