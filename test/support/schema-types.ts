/**
 * Every "type" the property and oracle tests draw values for: each operation's argument, each
 * result, each event (as a cSTAEventReport invoke with that event), and the universalFailure
 * error (one type per UniversalFailure category). Each knows how to build a whole ROSE PDU
 * around a value drawn from the schema.
 */
import { OPERATIONS } from '../../protocol/csta/operations.js';
import type { OperationDefinition } from '../../protocol/csta/operation.js';
import { CSTAEventReportArgument, EventSpecificInfo, cSTAEventReport } from '../../protocol/csta/events/event-report.js';
import { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import type { AnyCodec } from '../../protocol/schema/index.js';
import type { CstaPdu } from '../../protocol/pdu.js';
import type { ValueGenerator } from './schema-values.js';

export type TypeKind = 'argument' | 'result' | 'event' | 'error';

export interface SchemaType {
  readonly kind: TypeKind;
  /** `makeCall.argument`, `makeCall.result`, `callControlEvents.delivered`, `universalFailure.operation`. */
  readonly name: string;
  /** A random PDU carrying a value of this type; `linkedId` is only drawn when asked. */
  pdu(gen: ValueGenerator, withLinkedId: boolean): CstaPdu;
}

function invokeId(gen: ValueGenerator): number | null {
  const r = gen.rng.next();
  if (r < 0.05) return null;
  if (r < 0.15) return gen.integer();
  return gen.rng.int(100000);
}

function linkedId(gen: ValueGenerator): { linkedId?: number | null } {
  const r = gen.rng.next();
  if (r < 0.15) return { linkedId: null };
  if (r < 0.3) return { linkedId: gen.rng.int(1000) };
  return {};
}

function choiceOf(codec: AnyCodec): AnyCodec {
  return codec.kind === 'explicit' ? choiceOf(codec.inner) : codec;
}

export function schemaTypes(): SchemaType[] {
  const out: SchemaType[] = [];
  for (const op of OPERATIONS as readonly OperationDefinition[]) {
    if (op !== (cSTAEventReport as OperationDefinition)) {
      out.push({
        kind: 'argument',
        name: `${op.name}.argument`,
        pdu: (gen, wl) =>
          ({ pdu: 'invoke', invokeId: invokeId(gen), ...(wl ? linkedId(gen) : {}), operation: op.name, argument: gen.valueFor(op.argument) }) as CstaPdu,
      });
    }
    if (op.result !== undefined) {
      const result = op.result;
      out.push({
        kind: 'result',
        name: `${op.name}.result`,
        pdu: (gen) => ({ pdu: 'returnResult', invokeId: invokeId(gen), operation: op.name, result: gen.valueFor(result) }) as CstaPdu,
      });
    }
  }
  for (const category of EventSpecificInfo.alternatives) {
    const events = choiceOf(category.codec);
    if (events.kind !== 'choice') throw new Error(`event category ${category.name} is not a CHOICE`);
    for (const ev of events.alternatives) {
      out.push({
        kind: 'event',
        name: `${category.name}.${ev.name}`,
        pdu: (gen, wl) => {
          const arg = gen.valueFor(CSTAEventReportArgument) as Record<string, unknown>;
          const eventSpecificInfo = { [category.name]: { [ev.name]: gen.valueFor(ev.codec) } };
          return {
            pdu: 'invoke',
            invokeId: invokeId(gen),
            ...(wl ? linkedId(gen) : {}),
            operation: 'cSTAEventReport',
            argument: { crossRefIdentifier: arg.crossRefIdentifier, eventSpecificInfo },
          } as CstaPdu;
        },
      });
    }
  }
  for (const alt of UniversalFailure.alternatives) {
    out.push({
      kind: 'error',
      name: `universalFailure.${alt.name}`,
      pdu: (gen) => ({ pdu: 'returnError', invokeId: invokeId(gen), error: 'universalFailure', parameter: { [alt.name]: gen.valueFor(alt.codec) } }) as CstaPdu,
    });
  }
  return out;
}

