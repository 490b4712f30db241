/**
 * A small line diff for conformance failures: longest common subsequence over lines, printed as
 * `-expected` / `+actual` hunks with a few lines of context.
 */

const CONTEXT = 2;
/** Above this many line pairs the LCS table is skipped and only the first difference is shown. */
const MAX_CELLS = 4_000_000;
const MAX_LINE = 200;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string; readonly a: number; readonly b: number };

/** A long line cut to a window around `focus` (the first character that differs). */
function clip(line: string, focus: number): string {
  if (line.length <= MAX_LINE) return line;
  const from = Math.max(0, Math.min(focus - 60, line.length - MAX_LINE));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + MAX_LINE)}${from + MAX_LINE < line.length ? '…' : ''}`;
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** For each removed/added line, where it first differs from its counterpart in the same hunk. */
function focusPoints(ops: readonly Op[]): number[] {
  const focus = ops.map(() => 0);
  for (let k = 0; k < ops.length; ) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    const minus: number[] = [];
    const plus: number[] = [];
    for (; k < ops.length && ops[k]!.kind !== ' '; k++) (ops[k]!.kind === '-' ? minus : plus).push(k);
    for (let p = 0; p < Math.min(minus.length, plus.length); p++) {
      const f = commonPrefix(ops[minus[p]!]!.line, ops[plus[p]!]!.line);
      focus[minus[p]!] = f;
      focus[plus[p]!] = f;
    }
  }
  return focus;
}

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]!, a: i++, b: j++ });
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1]! > table[(i + 1) * (m + 1) + j]!)) {
      ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
    } else {
      ops.push({ kind: '-', line: a[i]!, a: i++, b: j });
    }
  }
  return ops;
}

/** First-difference fallback for very large inputs. */
function firstDifference(a: readonly string[], b: readonly string[]): Op[] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ops: Op[] = [];
  if (i < a.length) ops.push({ kind: '-', line: a[i]!, a: i, b: i });
  if (i < b.length) ops.push({ kind: '+', line: b[i]!, a: i, b: i });
  return ops;
}

/**
 * Diff of `expected` and `actual` (texts), `labelA`/`labelB` naming them. Empty when equal.
 */
export function lineDiff(expected: string, actual: string, labelA = 'expected', labelB = 'actual'): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  const ops = a.length * b.length > MAX_CELLS ? firstDifference(a, b) : lcsOps(a, b);
  const changed = ops.map((o) => o.kind !== ' ');
  const focus = focusPoints(ops);
  const out = [`--- ${labelA}`, `+++ ${labelB}`];
  let lastShown = -1;
  for (let k = 0; k < ops.length; k++) {
    const near = changed.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some(Boolean);
    if (!near) continue;
    if (lastShown !== k - 1) out.push(`@@ line ${ops[k]!.a + 1} of ${labelA}, line ${ops[k]!.b + 1} of ${labelB} @@`);
    out.push(`${ops[k]!.kind}${clip(ops[k]!.line, focus[k]!)}`);
    lastShown = k;
  }
  return `${out.join('\n')}\n`;
}
