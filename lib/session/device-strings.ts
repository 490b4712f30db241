/**
 * Strings wherever a DeviceID goes: the typed request methods take `'2000'` for any DeviceID in
 * their argument (`makeCall({ callingDevice: '2000', calledDirectoryNumber: '3000' })`,
 * `connectionToBeCleared: { both: { callID, deviceID: { staticID: '2000' } } }`), as monitorStart
 * always has. The argument's codec says where the DeviceIDs are; each string found there becomes
 * `{ deviceIdentifier: { dialingNumber } }` (toDeviceID) before the request is encoded.
 */
import { operationByName } from '../../protocol/csta/operations.js';
import type { OperationName, OperationNamed } from '../../protocol/csta/operations.js';
import type { ArgumentOf } from '../../protocol/csta/operation.js';
import type { AnyCodec } from '../../protocol/schema/index.js';
import { withoutExplicitTags } from '../../protocol/schema/codec.js';
import type { DeviceID } from '../../protocol/csta/types/device-identifiers.js';
import { toDeviceID } from './monitors.js';

/** `T` with `DeviceID | string` wherever it has a DeviceID (deeply). */
export type WithDeviceStrings<T> = T extends DeviceID
  ? DeviceID | string
  : T extends readonly (infer U)[]
    ? readonly WithDeviceStrings<U>[]
    : T extends object
      ? { readonly [K in keyof T]: WithDeviceStrings<T[K]> }
      : T;

type Loose = Record<string, unknown>;

/** The value with every string at a DeviceID position of `codec` turned into a DeviceID. */
function normalise(codec: AnyCodec, value: unknown, depth: number): unknown {
  const c = withoutExplicitTags(codec);
  if (c.name === 'DeviceID' && c.kind === 'sequence') return typeof value === 'string' ? toDeviceID(value) : value;
  if (depth > 32 || typeof value !== 'object' || value === null) return value;
  switch (c.kind) {
    case 'sequence': {
      let out: Loose | undefined;
      for (const f of c.fields) {
        const v = (value as Loose)[f.name];
        if (v === undefined) continue;
        const n = normalise(f.codec, v, depth + 1);
        if (n !== v) (out ??= { ...(value as Loose) })[f.name] = n;
      }
      return out ?? value;
    }
    case 'choice': {
      const keys = Object.keys(value);
      if (keys.length !== 1) return value;
      const alt = c.alternatives.find((a) => a.name === keys[0]);
      if (alt === undefined) return value;
      const v = (value as Loose)[alt.name];
      const n = normalise(alt.codec, v, depth + 1);
      return n === v ? value : { [alt.name]: n };
    }
    case 'sequenceOf': {
      if (!Array.isArray(value)) return value;
      let changed = false;
      const items = value.map((v: unknown) => {
        const n = normalise(c.item, v, depth + 1);
        if (n !== v) changed = true;
        return n;
      });
      return changed ? items : value;
    }
    default:
      return value;
  }
}

/** The argument of `operation` with device strings made DeviceIDs (unchanged when it has none). */
export function withDeviceIDs<N extends OperationName>(operation: N, argument: WithDeviceStrings<ArgumentOf<OperationNamed<N>>>): ArgumentOf<OperationNamed<N>> {
  const op = operationByName(operation);
  return (op === undefined ? argument : normalise(op.argument, argument, 0)) as ArgumentOf<OperationNamed<N>>;
}
