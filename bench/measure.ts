/** A tiny benchmark harness: runs a function over a set of inputs for a fixed time, after warm-up. */
export interface Measurement {
  readonly name: string;
  readonly opsPerSecond: number;
}

let sink = 0;

/** Calls `fn` on each input in turn for about `ms` milliseconds; returns calls per second. */
export function measure<T>(name: string, inputs: readonly T[], fn: (input: T) => unknown, ms = 1000): Measurement {
  if (inputs.length === 0) throw new Error(`${name}: no inputs`);
  const warmEnd = performance.now() + ms / 4;
  let i = 0;
  while (performance.now() < warmEnd) {
    for (let k = 0; k < 100; k++) if (fn(inputs[i++ % inputs.length]!) === undefined) sink++;
  }
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 100; k++) if (fn(inputs[i++ % inputs.length]!) === undefined) sink++;
    n += 100;
    now = performance.now();
  }
  return { name, opsPerSecond: (n * 1000) / (now - start) };
}

export function formatRate(ops: number): string {
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)} M/s` : `${(ops / 1e3).toFixed(1)} k/s`;
}

/** Keeps the optimiser from discarding benchmark results. */
export function consumed(): number {
  return sink;
}
