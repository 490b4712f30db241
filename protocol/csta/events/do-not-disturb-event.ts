/**
 * CSTA-do-not-disturb-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * do-not-disturb-event(42) } (ECMA-285).
 */
import { BOOLEAN, optional, sequence, sequenceOf } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { CallOrigination } from '../types/device-feature-types.js';
import { DeviceID, SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * DoNotDisturbEvent ::= SEQUENCE
 * {	device 				SubjectDeviceID,
 *	doNotDisturbOn			BOOLEAN,
 *	callOrigination			CallOrigination				OPTIONAL,
 *	callingDeviceList		SEQUENCE OF DeviceID			OPTIONAL,
 *	extensions 			CSTACommonArguments			OPTIONAL }
 * ``` */
export const DoNotDisturbEvent = sequence('DoNotDisturbEvent', {
  device: SubjectDeviceID,
  doNotDisturbOn: BOOLEAN,
  callOrigination: optional(CallOrigination),
  callingDeviceList: optional(sequenceOf('DoNotDisturbEvent.callingDeviceList', DeviceID)),
  extensions: optional(CSTACommonArguments),
});
export type DoNotDisturbEvent = Infer<typeof DoNotDisturbEvent>;
