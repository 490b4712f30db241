/**
 * The operation table: every CSTA operation this library knows, looked up by local code (decode)
 * and by name (encode). Duplicate codes or names are a schema error caught at load time.
 */
import type { OperationDefinition } from './operation.js';
import { callControlOperations } from './services/call-control-services.js';
import { monitoringOperations } from './services/monitoring-services.js';
import { cSTAEventReport } from './events/event-report.js';

export const OPERATIONS = [...callControlOperations, ...monitoringOperations, cSTAEventReport] as const;

/** Union of every operation definition. */
export type Operation = (typeof OPERATIONS)[number];
/** Union of the operation names (`'answerCall' | 'makeCall' | ...`). */
export type OperationName = Operation['name'];
/** The definition of the operation named N. */
export type OperationNamed<N extends OperationName> = Extract<Operation, { readonly name: N }>;

const byCode: (OperationDefinition | undefined)[] = [];
const byName = new Map<string, OperationDefinition>();
for (const op of OPERATIONS as readonly OperationDefinition[]) {
  if (byCode[op.code] !== undefined) throw new Error(`schema error: operation code ${op.code} used by ${byCode[op.code]!.name} and ${op.name}`);
  if (byName.has(op.name)) throw new Error(`schema error: operation ${op.name} defined twice`);
  byCode[op.code] = op;
  byName.set(op.name, op);
}

export function operationByCode(code: number): OperationDefinition | undefined {
  return code >= 0 && code < byCode.length ? byCode[code] : undefined;
}

export function operationByName(name: string): OperationDefinition | undefined {
  return byName.get(name);
}
