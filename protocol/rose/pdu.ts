/**
 * ROSE (ITU-T X.880) APDUs as CSTA uses them, as plain data keyed by `pdu`.
 *
 * ```asn1
 * ROS {InvokeId:InvokeIdSet, OPERATION:Invokable, OPERATION:Returnable} ::= CHOICE
 * {	invoke		[1] Invoke {{InvokeIdSet}, {Invokable}},
 *	returnResult	[2] ReturnResult {{Returnable}},
 *	returnError	[3] ReturnError {{Errors {{Returnable}}}},
 *	reject		[4] Reject }			-- module has IMPLICIT TAGS
 * Invoke ::= SEQUENCE
 * {	invokeId	InvokeId,
 *	linkedId	CHOICE { present [0] IMPLICIT present < InvokeId, absent [1] IMPLICIT NULL } OPTIONAL,
 *	opcode		OPERATION.&operationCode,
 *	argument	OPERATION.&ArgumentType OPTIONAL }
 * ReturnResult ::= SEQUENCE
 * {	invokeId	InvokeId,
 *	result		SEQUENCE { opcode OPERATION.&operationCode, result OPERATION.&ResultType } OPTIONAL }
 * ReturnError ::= SEQUENCE
 * {	invokeId	InvokeId,
 *	errcode		ERROR.&errorCode,
 *	parameter	ERROR.&ParameterType OPTIONAL }
 * Reject ::= SEQUENCE
 * {	invokeId	InvokeId,
 *	problem		CHOICE { general [0] GeneralProblem, invoke [1] InvokeProblem,
 *				 returnResult [2] ReturnResultProblem, returnError [3] ReturnErrorProblem } }
 * InvokeId ::= CHOICE { present INTEGER, absent NULL }
 * Code ::= CHOICE { local INTEGER, global OBJECT IDENTIFIER }
 * ```
 */
import { choice, implicit, namedInteger } from '../schema/index.js';
import type { Infer, RawElement } from '../schema/index.js';
import type { ArgumentOf, ResultOf } from '../csta/operation.js';
import type { OperationName, OperationNamed } from '../csta/operations.js';
import type { UniversalFailure } from '../csta/types/error-definition.js';

/** `Code ::= CHOICE { local INTEGER, global OBJECT IDENTIFIER }`. */
export type Code = { readonly local: number } | { readonly global: string };

/** `InvokeId`: a number, or null for the `absent` alternative. */
export type InvokeId = number | null;

/** ```asn1
 * GeneralProblem ::= INTEGER { unrecognizedPDU (0), mistypedPDU (1), badlyStructuredPDU (2) }
 * InvokeProblem ::= INTEGER { duplicateInvocation (0), unrecognizedOperation (1), mistypedArgument (2),
 *	resourceLimitation (3), releaseInProgress (4), unrecognizedLinkedId (5),
 *	linkedResponseUnexpected (6), unexpectedLinkedOperation (7) }
 * ReturnResultProblem ::= INTEGER { unrecognizedInvocation (0), resultResponseUnexpected (1), mistypedResult (2) }
 * ReturnErrorProblem ::= INTEGER { unrecognizedInvocation (0), errorResponseUnexpected (1),
 *	unrecognizedError (2), unexpectedError (3), mistypedParameter (4) }
 * ``` */
export const RejectProblem = choice('Reject.problem', {
  general: implicit(0, namedInteger('GeneralProblem', { unrecognizedPDU: 0, mistypedPDU: 1, badlyStructuredPDU: 2 })),
  invoke: implicit(
    1,
    namedInteger('InvokeProblem', {
      duplicateInvocation: 0,
      unrecognizedOperation: 1,
      mistypedArgument: 2,
      resourceLimitation: 3,
      releaseInProgress: 4,
      unrecognizedLinkedId: 5,
      linkedResponseUnexpected: 6,
      unexpectedLinkedOperation: 7,
    }),
  ),
  returnResult: implicit(2, namedInteger('ReturnResultProblem', { unrecognizedInvocation: 0, resultResponseUnexpected: 1, mistypedResult: 2 })),
  returnError: implicit(
    3,
    namedInteger('ReturnErrorProblem', {
      unrecognizedInvocation: 0,
      errorResponseUnexpected: 1,
      unrecognizedError: 2,
      unexpectedError: 3,
      mistypedParameter: 4,
    }),
  ),
});
export type RejectProblem = Infer<typeof RejectProblem>;

/**
 * `linkedId CHOICE { present [0] IMPLICIT present < InvokeId, absent [1] IMPLICIT NULL }`: a
 * number, or null for `absent`. An invoke without the component has no `linkedId` key at all.
 */
export type LinkedId = number | null;

/** An invoke of a known operation; `argument` is typed by `operation`. */
export type KnownInvoke = {
  [N in OperationName]: {
    readonly pdu: 'invoke';
    readonly invokeId: InvokeId;
    /** The invoke this one is linked to; `null` is X.880's `absent [1] NULL` (a value, not "no linkedId"). */
    readonly linkedId?: LinkedId;
    readonly operation: N;
    readonly argument: ArgumentOf<OperationNamed<N>>;
  };
}[OperationName];

/** An invoke whose opcode this library does not know: the argument is kept raw. */
export interface UnknownInvoke {
  readonly pdu: 'invoke';
  readonly invokeId: InvokeId;
  readonly linkedId?: LinkedId;
  readonly operation: 'unknown';
  readonly opcode: Code;
  readonly argument?: RawElement;
}

export type InvokePdu = KnownInvoke | UnknownInvoke;

type OperationsWithResult = { [N in OperationName]: [ResultOf<OperationNamed<N>>] extends [never] ? never : N }[OperationName];

/** A result of a known operation; `result` is typed by `operation`. */
export type KnownReturnResult = {
  [N in OperationsWithResult]: {
    readonly pdu: 'returnResult';
    readonly invokeId: InvokeId;
    readonly operation: N;
    readonly result: ResultOf<OperationNamed<N>>;
  };
}[OperationsWithResult];

/** A returnResult with no result component (X.880 allows it for results of type NULL). */
export interface EmptyReturnResult {
  readonly pdu: 'returnResult';
  readonly invokeId: InvokeId;
}

export interface UnknownReturnResult {
  readonly pdu: 'returnResult';
  readonly invokeId: InvokeId;
  readonly operation: 'unknown';
  readonly opcode: Code;
  readonly result: RawElement;
}

export type ReturnResultPdu = KnownReturnResult | EmptyReturnResult | UnknownReturnResult;

/** CSTA's single ERROR, `universalFailure` (`CODE local: 1`). */
export interface UniversalFailureError {
  readonly pdu: 'returnError';
  readonly invokeId: InvokeId;
  readonly error: 'universalFailure';
  readonly parameter: UniversalFailure;
}

export interface UnknownReturnError {
  readonly pdu: 'returnError';
  readonly invokeId: InvokeId;
  readonly error: 'unknown';
  readonly errcode: Code;
  readonly parameter?: RawElement;
}

export type ReturnErrorPdu = UniversalFailureError | UnknownReturnError;

export interface RejectPdu {
  readonly pdu: 'reject';
  readonly invokeId: InvokeId;
  readonly problem: RejectProblem;
}

/** Every ROSE APDU. */
export type RosePdu = InvokePdu | ReturnResultPdu | ReturnErrorPdu | RejectPdu;

/** ROSE APDU tags: `[1]`..`[4]` context, constructed (X.880 module has IMPLICIT TAGS). */
export const RoseTag = {
  invoke: 1, // a1
  returnResult: 2, // a2
  returnError: 3, // a3
  reject: 4, // a4
} as const;

/** `universalFailure ERROR ::= { PARAMETER UniversalFailure CODE local: 1 }`. */
export const UNIVERSAL_FAILURE_CODE = 1;
