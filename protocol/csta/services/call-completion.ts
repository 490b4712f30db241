/**
 * callCompletion: the CSTA **Phase II** Call Completion service (ECMA-217/ECMA-218, operation
 * `callCompletion`, `localValue 3`). ECMA-285 (Phase III) has no callCompletion operation: its
 * CallControlServices bit string lists callBack (215), camponCall (217) and intrudeCall (222)
 * instead, and opcode 3 is unused there, so PBXs that still send the Phase II form decode here.
 *
 * Provenance and uncertainty (the ECMA-218 text was not available to us):
 * - opcode 3 and the service name: the Phase II SwitchingFunctionServices bit string (in our
 *   reference acse_user_info_csta.asn1) and two independent Phase I/II codecs (CSTALib's
 *   OperationIDType, a Perl Convert::ASN1 `csta.asn`) agree on `callCompletion (3)`;
 * - `FeatureInfo` (campon/callback/intrude, `[0]`..`[2] IMPLICIT ConnectionID`) is spelled out in
 *   that csta.asn; CSTALib has the same three alternatives;
 * - the argument as a CHOICE of the bare FeatureInfo or a SEQUENCE adding extensions follows the
 *   shape of CSTALib's generated classes (`featureInfo` | `CallCompletionArgumentSeq { featureInfo,
 *   extensions }`); the second alternative is unnamed there, we call it `withExtensions` and keep
 *   `extensions` OPTIONAL so either reading decodes;
 * - ConnectionID uses the ECMA-285 type (`[APPLICATION 11] CHOICE`), which the Phase II type is
 *   believed to match on the wire.
 */
import { NULL, choice, implicit, optional, sequence } from '../../schema/index.js';
import type { Infer } from '../../schema/index.js';
import { defineOperation } from '../operation.js';
import { ConnectionID } from '../types/call-connection-identifiers.js';
import { CSTACommonArguments } from '../types/extension-types.js';

/** ```asn1
 * FeatureInfo ::= CHOICE
 * {	campon		[0] IMPLICIT ConnectionID,
 *	callback	[1] IMPLICIT ConnectionID,
 *	intrude		[2] IMPLICIT ConnectionID }
 * ```
 * ConnectionID is `[APPLICATION 11]`-tagged, so each IMPLICIT tag replaces that tag. */
export const FeatureInfo = choice('FeatureInfo', {
  campon: implicit(0, ConnectionID),
  callback: implicit(1, ConnectionID),
  intrude: implicit(2, ConnectionID),
});
export type FeatureInfo = Infer<typeof FeatureInfo>;

/** ```asn1
 * CallCompletionArgument ::= CHOICE
 * {	featureInfo	FeatureInfo,
 *	SEQUENCE
 *	{	featureInfo	FeatureInfo,
 *		extensions	CSTACommonArguments } }	-- reconstructed, see the file header
 * ``` */
export const CallCompletionArgument = choice('CallCompletionArgument', {
  featureInfo: FeatureInfo,
  withExtensions: sequence('CallCompletionArgument.withExtensions', {
    featureInfo: FeatureInfo,
    extensions: optional(CSTACommonArguments),
  }),
});
export type CallCompletionArgument = Infer<typeof CallCompletionArgument>;

/** ```asn1
 * CallCompletionResult ::= CHOICE
 * {	extensions	CSTACommonArguments,
 *	noData		NULL }
 * ``` */
export const CallCompletionResult = choice('CallCompletionResult', { extensions: CSTACommonArguments, noData: NULL });
export type CallCompletionResult = Infer<typeof CallCompletionResult>;

/** ```asn1
 * callCompletion OPERATION
 *	ARGUMENT	CallCompletionArgument
 *	RESULT		CallCompletionResult
 *	ERRORS		{ universalFailure }
 *	::= localValue 3				-- ECMA-218 (Phase II), X.219 notation
 * ``` */
export const callCompletion = defineOperation({
  name: 'callCompletion',
  code: 3,
  argument: CallCompletionArgument,
  result: CallCompletionResult,
});
