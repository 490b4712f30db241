/**
 * divertCall: the CSTA **Phase II** Divert Call service (ECMA-217/ECMA-218 operation
 * `divertCall`, `localValue 8`), which PBXs still send. ECMA-285 split it into deflectCall (218),
 * directedPickupCall (220) and groupPickupCall (221); opcode 8 is unused in Phase III.
 *
 * Provenance and uncertainty (the ECMA-218 text was not available to us):
 * - opcode 8: the Phase II SwitchingFunctionServices bit string (reference
 *   acse_user_info_csta.asn1: `divertCall (8)`) and two independent Phase I/II codecs (CSTALib's
 *   OperationIDType `divertCall = 8`, a Perl Convert::ASN1 `csta.asn` `divertCallSID (8)`);
 * - the alternatives deflect { callToBeDiverted ConnectionID, newDestination CalledDeviceID },
 *   pickup { callToBePickedUp ConnectionID, requestingDevice DeviceID } and group DeviceID: from
 *   CSTALib's generated DivertInfo classes; the csta.asn has deflect as `[0] IMPLICIT SEQUENCE`;
 * - the tags `[1]` (pickup) and `[2]` (group) are OUR INFERENCE: two SEQUENCE alternatives need
 *   distinct tags and the Phase I/II modules tag such alternatives `[n] IMPLICIT` in order;
 * - the argument as a CHOICE of the bare DivertInfo or a SEQUENCE adding extensions follows
 *   CSTALib (`divertInfo` | `DivertCallArgumentSeq { divertInfo, extensions }`); the second
 *   alternative is unnamed there, we call it `withExtensions`, `extensions` kept OPTIONAL;
 * - ConnectionID, DeviceID and CalledDeviceID are the ECMA-285 types. If a Phase II DeviceID is a
 *   bare CHOICE on the wire (no SEQUENCE wrapper), `group` still decodes identically (IMPLICIT
 *   `[2]` replaces the SEQUENCE tag), but `newDestination`/`requestingDevice` would not.
 */
import { NULL, choice, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CalledDeviceID, DeviceID } from '../types/device-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * DivertInfo ::= CHOICE
 * {	deflect		[0] IMPLICIT SEQUENCE
 *			{	callToBeDiverted	ConnectionID,
 *				newDestination		CalledDeviceID },
 *	pickup		[1] IMPLICIT SEQUENCE
 *			{	callToBePickedUp	ConnectionID,
 *				requestingDevice	DeviceID },
 *	group		[2] IMPLICIT DeviceID }		-- reconstructed, see the file header
 * ``` */
export const DivertInfo = choice('DivertInfo', {
  deflect: implicit(0, sequence('DivertInfo.deflect', { callToBeDiverted: ConnectionID, newDestination: CalledDeviceID })),
  pickup: implicit(1, sequence('DivertInfo.pickup', { callToBePickedUp: ConnectionID, requestingDevice: DeviceID })),
  group: implicit(2, DeviceID),
});
export type DivertInfo = Infer<typeof DivertInfo>;

/** ```asn1
 * DivertCallArgument ::= CHOICE
 * {	divertInfo	DivertInfo,
 *	SEQUENCE
 *	{	divertInfo	DivertInfo,
 *		extensions	CSTACommonArguments } }		-- reconstructed, see the file header
 * ``` */
export const DivertCallArgument = choice('DivertCallArgument', {
  divertInfo: DivertInfo,
  withExtensions: sequence('DivertCallArgument.withExtensions', {
    divertInfo: DivertInfo,
    extensions: optional(CSTACommonArguments),
  }),
});
export type DivertCallArgument = Infer<typeof DivertCallArgument>;

/** ```asn1
 * DivertCallResult ::= CHOICE
 * {	extensions	CSTACommonArguments,
 *	noData		NULL }
 * ``` */
export const DivertCallResult = choice('DivertCallResult', { extensions: CSTACommonArguments, noData: NULL });
export type DivertCallResult = Infer<typeof DivertCallResult>;

/** ```asn1
 * divertCall OPERATION
 *	ARGUMENT	DivertCallArgument
 *	RESULT		DivertCallResult
 *	ERRORS		{ universalFailure }
 *	::= localValue 8				-- ECMA-218 (Phase II), X.219 notation
 * ``` */
export const divertCall = defineOperation({ name: 'divertCall', code: 8, argument: DivertCallArgument, result: DivertCallResult });
