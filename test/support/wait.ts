/** Waiting in tests on something asynchronous: socket traffic, timers, session status. */
import type { CstaSession, SessionStatus } from '../../lib/session/session.js';

/**
 * Resolves once `check()` is true, polling every 5 ms; rejects after `timeoutMs` with an error
 * naming `what`.
 */
export async function waitFor(check: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The first status the session reports that satisfies `pred` (listening starts now). */
export function statusWhere(session: CstaSession, pred: (s: SessionStatus) => boolean): Promise<SessionStatus> {
  return new Promise((resolve) => {
    const f = (s: SessionStatus): void => {
      if (!pred(s)) return;
      session.off('status', f);
      resolve(s);
    };
    session.on('status', f);
  });
}
