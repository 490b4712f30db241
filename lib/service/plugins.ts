/**
 * The plugins `csta serve` knows (see plugin.ts). Each adds an optional top-level config section,
 * validated by its schema fragment; the NATS plugin (lib/service/nats/) goes here.
 */
import type { ServicePluginFactory } from './plugin.js';
import { natsPlugin } from './nats/plugin.js';

/** The built-in plugin factories, in start order. */
export const BUILTIN_PLUGINS: readonly ServicePluginFactory[] = [natsPlugin];
