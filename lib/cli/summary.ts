/**
 * `csta decode --summary`: one line per frame.
 *
 *     frame  time             pkt  dir  str  invoke  message                        call  devices
 *         3  22:15:00.010000    5  S→C    0       9  DeliveredEvent                 002a  alerting=2000 calling=1000 called=2000
 *         6  22:15:00.016000    8  S→C    0      11  AnswerCallResponse             -     -  (reply to 5, 2.000 ms)
 *
 * `time` is the UTC time of day with microseconds (the date is in the tree heading), `pkt` the
 * capture's packet number as Wireshark counts it (from 1), `dir` C→S (client to server: the
 * application's requests) or S→C, `str` the TCP stream. Missing values print as `-`.
 */
import { summarizeError } from './frames.js';
import type { ViewedFrame } from './decode-view.js';
import { formatError } from './render.js';

/** Devices shown per line; more are counted (`+3`). */
export const SUMMARY_MAX_DEVICES = 4;

const MESSAGE_WIDTH = 30;

/** The column heading of the summary. */
export function summaryHeading(): string {
  return `${'frame'.padStart(5)}  ${'time'.padEnd(15)}  ${'pkt'.padStart(5)}  dir  ${'str'.padStart(3)}  ${'invoke'.padStart(6)}  ${'message'.padEnd(MESSAGE_WIDTH)}  ${'call'.padEnd(4)}  devices\n`;
}

/** `2023-11-14T22:15:00.010000000Z` → `22:15:00.010000`. */
export function timeOfDay(iso: string | undefined): string {
  const m = iso === undefined ? null : /T(\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (m === null) return '-';
  return `${m[1]}.${(m[2] ?? '').padEnd(6, '0').slice(0, 6)}`;
}

/** `client→server` → `C→S`. */
export function shortDirection(direction: string | undefined): string {
  if (direction === undefined) return '-';
  const [from, to] = direction.split('→');
  return from !== undefined && to !== undefined ? `${from.charAt(0).toUpperCase()}→${to.charAt(0).toUpperCase()}` : direction;
}

/** `alerting=2000 calling=1000 +2` (the monitored device first, as `at=2000`, when known). */
export function deviceText(v: ViewedFrame): string {
  const parts = v.facts?.devices.map((d) => `${d.role}=${d.device}`) ?? [];
  if (v.monitored !== undefined) parts.unshift(`at=${v.monitored}`);
  if (parts.length === 0) return '-';
  const extra = parts.length - SUMMARY_MAX_DEVICES;
  return `${parts.slice(0, SUMMARY_MAX_DEVICES).join(' ')}${extra > 0 ? ` +${extra}` : ''}`;
}

/** `(reply to 5, 2.000 ms)` */
export function replyText(v: ViewedFrame): string {
  if (v.reply === undefined) return '';
  const latency = v.reply.latencyMs === undefined ? '' : `, ${v.reply.latencyMs.toFixed(3)} ms`;
  return `  (reply to ${v.reply.requestIndex}${latency})`;
}

/** One summary line (with its newline). */
export function summaryLine(v: ViewedFrame): string {
  const f = v.frame;
  const pkt = f.packetIndex === undefined ? '-' : String(f.packetIndex + 1);
  const head = `${String(f.index).padStart(5)}  ${timeOfDay(f.timestamp).padEnd(15)}  ${pkt.padStart(5)}  ${shortDirection(f.direction).padEnd(3)}  ${(f.stream === undefined ? '-' : String(f.stream)).padStart(3)}`;
  if (f.error !== undefined) return `${head}  ${'-'.padStart(6)}  ERROR ${formatError(summarizeError(f.error))}\n`;
  const invoke = v.facts?.invokeId ?? '-';
  const message = f.message ?? v.facts?.kind ?? '?';
  const call = v.facts?.callIds.join(',') || '-';
  return `${head}  ${invoke.padStart(6)}  ${message.padEnd(MESSAGE_WIDTH)}  ${call.padEnd(4)}  ${deviceText(v)}${replyText(v)}\n`;
}
