/**
 * Entry of the browser bundles the gateway serves. Loading the bundle installs the adapter at
 * `pega.cti.desktopApi.cstaLink` (or the name in the script tag's `data-name`), with the gateway
 * URL taken from where the script came from unless the link definition names a host; a
 * `data-url` attribute overrides both. The ESM bundle also exports the package's API.
 */
import { installOpenCti } from './install.js';
import type { OpenCtiAdapterOptions } from './types.js';

export * from './index.js';

/** The `<script>` that loaded this bundle, when it can be found. */
function ownScript(): { src: string; dataset: Record<string, string | undefined> } | undefined {
  const doc = (globalThis as { document?: { currentScript?: unknown } }).document;
  const current = doc?.currentScript as { src?: string; dataset?: Record<string, string | undefined> } | null | undefined;
  if (current?.src) return { src: current.src, dataset: current.dataset ?? {} };
  return undefined;
}

function autoInstall(): void {
  const script = ownScript();
  // A module script has no currentScript but knows its URL; in the classic (IIFE) build import.meta is empty.
  const moduleUrl = (import.meta as { url?: unknown }).url;
  const scriptUrl = script?.src ?? (typeof moduleUrl === 'string' ? moduleUrl : undefined);
  const options: { -readonly [K in keyof OpenCtiAdapterOptions]: OpenCtiAdapterOptions[K] } = {};
  if (scriptUrl !== undefined) options.scriptUrl = scriptUrl;
  if (script?.dataset['name']) options.name = script.dataset['name'];
  if (script?.dataset['url']) options.url = script.dataset['url'];
  installOpenCti(options);
}

autoInstall();
