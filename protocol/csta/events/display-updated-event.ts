/**
 * CSTA-display-updated-event { iso(1) identified-organization(3) icd-ecma(12) standard(0) csta3(285)
 * display-updated-event(285) } (ECMA-285).
 */
import { IA5String, INTEGER, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { SubjectDeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';
import { CharacterSet, DisplayID } from '../types/physical-device-feature.js';

/** ```asn1
 * DisplayUpdatedEvent ::= SEQUENCE
 * {	device				SubjectDeviceID,
 *	displayID			DisplayID				OPTIONAL,
 *	logicalRows			INTEGER,
 *	logicalColumns			INTEGER,
 *	physicalRows			[0] IMPLICIT INTEGER	 		OPTIONAL,
 *	physicalColumns			[1] IMPLICIT INTEGER	 		OPTIONAL,
 *	physicalBaseRowNumber		[2] IMPLICIT INTEGER	 		OPTIONAL,
 *	physicalBaseColumnNumber	[3] IMPLICIT INTEGER	 		OPTIONAL,
 *	characterSet			CharacterSet				OPTIONAL,
 *	contentsOfDisplay		IA5String,
 *	extensions			CSTACommonArguments			OPTIONAL }
 * ``` */
export const DisplayUpdatedEvent = sequence('DisplayUpdatedEvent', {
  device: SubjectDeviceID,
  displayID: optional(DisplayID),
  logicalRows: INTEGER,
  logicalColumns: INTEGER,
  physicalRows: optional(implicit(0, INTEGER)),
  physicalColumns: optional(implicit(1, INTEGER)),
  physicalBaseRowNumber: optional(implicit(2, INTEGER)),
  physicalBaseColumnNumber: optional(implicit(3, INTEGER)),
  characterSet: optional(CharacterSet),
  contentsOfDisplay: IA5String,
  extensions: optional(CSTACommonArguments),
});
export type DisplayUpdatedEvent = Infer<typeof DisplayUpdatedEvent>;
