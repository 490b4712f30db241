/**
 * Interleaved benchmark rounds. On a shared machine a case measured alone follows the machine's
 * load; two cases measured side by side, seconds apart, share it. So: every case is timed in CPU
 * time (not wall time: being descheduled costs the code nothing), every case is warmed up,
 * then all cases run in short slices, round after round (the order rotating, the two sides of
 * each ratio back to back), and what is reported is the per-round *ratio* of two cases: median
 * and min–max over the rounds.
 */

/**
 * One slice of a case: operations done and the CPU time they took (the process's user + system
 * time, GC threads included). CPU time, not wall time: on a shared machine a slice that was
 * descheduled for a while has taken longer but has not cost more.
 */
export interface Slice {
  readonly ops: number;
  readonly ms: number;
}

/** A benchmark case: `slice(ms)` works for about `ms` milliseconds and says how much it did. */
export interface Case {
  readonly name: string;
  slice(ms: number): Slice | Promise<Slice>;
}

let sink = 0;

/** Keeps the optimiser from discarding results (read once at the end). */
export function consumed(): number {
  return sink;
}

/**
 * A synchronous case calling `fn` on the inputs round-robin, in batches of one full pass. Each
 * case gets its own compiled loop (new Function), so its call of `fn` is a call site of its own,
 * as in a real caller: one shared loop would see every case's function and stop inlining any.
 */
export function syncCase<T>(name: string, inputs: readonly T[], fn: (input: T) => unknown): Case {
  if (inputs.length === 0) throw new Error(`${name}: no inputs`);
  const make = new Function(
    'inputs',
    'fn',
    'count',
    `return function slice(ms) {
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      let ops = 0, undef = 0;
      do {
        for (let i = 0; i < inputs.length; i++) if (fn(inputs[i]) === undefined) undef++;
        ops += inputs.length;
      } while (performance.now() - start < ms);
      const cpu = process.cpuUsage(cpu0);
      count(undef);
      return { ops, ms: (cpu.user + cpu.system) / 1000 };
    };`,
  ) as (inputs: readonly T[], fn: (input: T) => unknown, count: (n: number) => void) => (ms: number) => Slice;
  return { name, slice: make(inputs, fn, (n) => (sink += n)) };
}

/** Rates (ops/s) of every case in every round. */
export type Rates = ReadonlyMap<string, readonly number[]>;

export interface RoundOptions {
  /** Warm-up per case, ms (the generated codecs need many calls before they are optimised). */
  readonly warmMs: number;
  readonly rounds: number;
  readonly sliceMs: number;
}

/**
 * Warms every case up, then runs `rounds` rounds. Cases whose ratio is reported are grouped:
 * a group's cases run back to back (so they share the machine's load), groups rotate from round
 * to round and the order inside a group reverses every other round.
 */
export async function runRounds(groups: readonly (readonly Case[])[], o: RoundOptions): Promise<Rates> {
  const cases = groups.flat();
  for (const c of cases) {
    // Several short warm-up slices rather than one long one: tiering up happens between calls too.
    for (let k = 0; k < 4; k++) await c.slice(o.warmMs / 4);
  }
  const rates = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < o.rounds; round++) {
    for (let g = 0; g < groups.length; g++) {
      const group = groups[(g + round) % groups.length]!;
      const ordered = round % 2 === 0 ? group : [...group].reverse();
      for (const c of ordered) {
        const s = await c.slice(o.sliceMs);
        rates.get(c.name)!.push((s.ops * 1000) / s.ms);
      }
    }
  }
  return rates;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) return { median: NaN, min: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, min: s[0]!, max: s[s.length - 1]! };
}

/** Per-round `rates[a] / rates[b]` (same round, so the same machine load), summarised. */
export function ratio(rates: Rates, a: string, b: string): Spread {
  const x = rates.get(a);
  const y = rates.get(b);
  if (x === undefined || y === undefined) return spread([]);
  return spread(x.map((v, i) => v / y[i]!));
}

export function formatRate(ops: number): string {
  if (!Number.isFinite(ops)) return '—';
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)} M/s` : `${(ops / 1e3).toFixed(1)} k/s`;
}

export function formatRatio(s: Spread, digits = 1): string {
  if (!Number.isFinite(s.median)) return '—';
  return `${s.median.toFixed(digits)}× [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}
