/**
 * CSTA operations as data: an ASN.1 `OPERATION` information object reduced to what the wire
 * needs (name, local code, argument and result types). The ROSE layer looks operations up in
 * the table built by `operations.ts`, so adding an operation is adding one `defineOperation`.
 */
import type { AnyCodec, Infer } from '../schema/index.js';

export interface OperationDefinition<N extends string = string, A extends AnyCodec = AnyCodec, R extends AnyCodec | undefined = AnyCodec | undefined> {
  /** The ASN.1 value reference of the OPERATION object, e.g. `answerCall`. */
  readonly name: N;
  /** `CODE local: n`. */
  readonly code: number;
  /** `ARGUMENT` type. */
  readonly argument: A;
  /** `RESULT` type; undefined for operations that never return a result (event reports). */
  readonly result: R;
}

/** Declares an operation. Keep the ASN.1 OPERATION object quoted in the doc comment above. */
export function defineOperation<const N extends string, A extends AnyCodec, R extends AnyCodec | undefined = undefined>(def: {
  readonly name: N;
  readonly code: number;
  readonly argument: A;
  readonly result?: R;
}): OperationDefinition<N, A, R> {
  return { name: def.name, code: def.code, argument: def.argument, result: def.result as R };
}

/** Argument value type of an operation definition. */
export type ArgumentOf<D> = D extends OperationDefinition<string, infer A, AnyCodec | undefined> ? Infer<A> : never;
/** Result value type of an operation definition (never for operations without a result). */
export type ResultOf<D> = D extends OperationDefinition<string, AnyCodec, infer R> ? (R extends AnyCodec ? Infer<R> : never) : never;
