/**
 * What SIGHUP can change in a running service, and what needs a restart. Reloaded in place:
 * `log` (level), `auth` (tokens), `agents` (list, mode, passwords; `loginAtStart` for agents not yet
 * logged in), `limits` (but `maxPayloadBytes`), `routing` (destinations, points added or removed),
 * `shutdown`, and plugin sections (each plugin's `reload`). Everything else — `name`, `http`,
 * `simulator`, `pbx`, `gateway`, `server`, `limits.maxPayloadBytes` — needs a restart.
 */
import type { ServiceConfig } from './config-schema.js';

/** Top-level keys applied by a reload. */
export const RELOADABLE_KEYS: readonly string[] = ['log', 'auth', 'agents', 'limits', 'routing', 'shutdown'];
/** Keys that need a restart. */
export const RESTART_KEYS: readonly string[] = ['name', 'http', 'simulator', 'pbx', 'gateway', 'server', 'limits.maxPayloadBytes'];

/** The outcome of comparing the running config with the new one. */
export interface ReloadReport {
  /** Keys that differ and were (or would be) applied. */
  readonly changed: readonly string[];
  /** Keys that differ but need a restart; when any, nothing is applied. */
  readonly needsRestart: readonly string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Which keys changed, and which of them need a restart. */
export function diffReload(current: ServiceConfig, next: ServiceConfig): ReloadReport {
  const changed: string[] = [];
  const needsRestart: string[] = [];
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === '$schema' || same(current[key], next[key])) continue;
    if (RESTART_KEYS.includes(key)) needsRestart.push(key);
    else changed.push(key);
  }
  if (current.limits.maxPayloadBytes !== next.limits.maxPayloadBytes) needsRestart.push('limits.maxPayloadBytes');
  return { changed, needsRestart };
}
