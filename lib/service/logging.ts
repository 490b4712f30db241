/**
 * The service's logger: pino, one JSON object per line on stdout (what log shippers read). On a
 * terminal, when the optional `pino-pretty` package is installed, lines are pretty-printed
 * instead; `CSTA_LOG_FORMAT=json` forces JSON.
 */
import { createRequire } from 'node:module';
import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from './config-schema.js';

export type { Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  readonly level: LogLevel;
  readonly name: string;
  /** Where lines go (tests capture them). @default stdout (pretty on a TTY with pino-pretty) */
  readonly destination?: DestinationStream;
}

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** A pino logger with the service's base fields (`link`). */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, base: { link: options.name }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.destination !== undefined) return pino(base, options.destination);
  if (process.stdout.isTTY === true && process.env.CSTA_LOG_FORMAT !== 'json' && prettyAvailable()) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(base, pino.destination({ dest: 1, sync: true }));
}
