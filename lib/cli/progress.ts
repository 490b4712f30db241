/**
 * The progress bar of long `csta decode` runs: one line on stderr, redrawn in place
 * (`\r` ... `\x1b[K`) at most every {@link PROGRESS_REDRAW_MS}, with the rate and the time left:
 *
 *     [#########           ] 45% 12000/26500 packets, 48.1k/s, ETA 0:01
 *
 * When stdout is the same terminal (`sharedTerminal`), {@link ProgressBar.clear} erases the bar
 * before each stdout write, so output lines are never torn; the next update draws it again below.
 */
import type { CliOutput } from './io.js';

/** Least time between two redraws. */
export const PROGRESS_REDRAW_MS = 100;

/** Options of {@link ProgressBar}. */
export interface ProgressOptions {
  /** What is counted. @default 'packets' */
  readonly unit?: string;
  /** stdout writes to the same terminal: erase the bar before each of them. */
  readonly sharedTerminal?: boolean;
  /** Milliseconds clock (tests). @default performance.now */
  readonly now?: () => number;
}

/** `0:07`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `950`, `48.1k`, `1.2M` per second. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e4) return `${(perSecond / 1e3).toFixed(1)}k`;
  return String(Math.round(perSecond));
}

/** A one-line progress bar (see the module comment). */
export class ProgressBar {
  private readonly started: number;
  private readonly now: () => number;
  private lastDraw = -Infinity;
  private drawn = false;
  private done_ = 0;

  constructor(
    private readonly out: CliOutput,
    private readonly total: number,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? ((): number => performance.now());
    this.started = this.now();
  }

  /** The bar's text for `done` of `total` at time `t`. */
  text(done: number, t: number): string {
    const percent = this.total === 0 ? 100 : Math.min(100, Math.floor((done * 100) / this.total));
    const filled = Math.round(percent / 5);
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? `, ETA ${formatDuration((this.total - done) / rate)}` : '';
    return `[${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${percent}% ${done}/${this.total} ${this.options.unit ?? 'packets'}, ${formatRate(rate)}/s${eta}`;
  }

  update(done: number): void {
    this.done_ = done;
    const t = this.now();
    if (t - this.lastDraw < PROGRESS_REDRAW_MS && done < this.total) return;
    this.lastDraw = t;
    this.drawn = true;
    this.out.write(`\r${this.text(done, t)}\x1b[K`);
  }

  /** Erases the bar before a stdout write when both go to the same terminal. */
  clear(): void {
    if (!this.drawn || this.options.sharedTerminal !== true) return;
    this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  /** Erases the bar for good. */
  done(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  /** Items counted so far. */
  get count(): number {
    return this.done_;
  }
}
