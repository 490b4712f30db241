/**
 * Installs the adapter where Pega looks for it: `pega.cti.desktopApi.<name>`, a constructor whose
 * objects carry `name` and `implementationVersion` and the desktop API functions (the Pega Call
 * bundle loads the implementation script after Pega's own, which defines `pega.cti` and
 * `pega.cti.desktopApi.errorObject`). Missing namespaces are created, and a compatible
 * errorObject is installed only when the page has none.
 */
import { DEFAULT_GATEWAY_PATH } from '../pega/gateway/wire.js';
import { createDesktopApi } from './desktop-api.js';
import type { OpenCtiDesktopApiConstructor } from './desktop-api.js';
import { CompatibleErrorObject } from './errors.js';
import type { OpenCtiAdapterOptions, OpenCtiErrorObjectConstructor, OpenCtiLinkDefinition, OpenCtiTokenContext, WebSocketConstructorLike } from './types.js';

/** The default `pega.cti.desktopApi` key. */
export const DEFAULT_OPENCTI_NAME = 'cstaLink';
/** The default `implementationVersion`: the adapter's contract version (bumped when its behaviour towards Pega changes). */
export const OPENCTI_IMPLEMENTATION_VERSION = '1';

type Namespace = Record<string, unknown>;

function namespace(parent: Namespace, key: string): Namespace {
  const existing = parent[key];
  if ((typeof existing === 'object' || typeof existing === 'function') && existing !== null) return existing as Namespace;
  const created: Namespace = {};
  parent[key] = created;
  return created;
}

/** The gateway URL from the link definition's host and port (wss when the page is https). */
export function urlFromLinkDefinition(linkDefinition: OpenCtiLinkDefinition, pageProtocol: string | undefined): string | undefined {
  const host = typeof linkDefinition.pyPrimaryHost === 'string' ? linkDefinition.pyPrimaryHost.trim() : '';
  if (host === '') return undefined;
  const port = typeof linkDefinition.pyPrimaryPort === 'string' || typeof linkDefinition.pyPrimaryPort === 'number' ? String(linkDefinition.pyPrimaryPort).trim() : '';
  const scheme = pageProtocol === 'http:' ? 'ws' : 'wss';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${scheme}://${hostPart}${port === '' ? '' : `:${port}`}${DEFAULT_GATEWAY_PATH}`;
}

/** The gateway URL next to the script's own (`https://gw:8443/opencti.js` → `wss://gw:8443/cti`). */
export function urlFromScript(scriptUrl: string): string | undefined {
  try {
    const url = new URL(scriptUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}${DEFAULT_GATEWAY_PATH}`;
  } catch {
    return undefined;
  }
}

/** Installs the adapter and returns its constructor. */
export function installOpenCti(options: OpenCtiAdapterOptions = {}): OpenCtiDesktopApiConstructor {
  const global = options.global ?? (globalThis as unknown as Namespace);
  const name = options.name ?? DEFAULT_OPENCTI_NAME;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'errorObject') throw new TypeError(`installOpenCti: ${JSON.stringify(name)} is not a usable desktopApi name`);
  const desktopApi = namespace(namespace(namespace(global, 'pega'), 'cti'), 'desktopApi');
  if (typeof desktopApi['errorObject'] !== 'function') desktopApi['errorObject'] = CompatibleErrorObject;
  const pageProtocol = (): string | undefined => {
    const location = global['location'] as { protocol?: unknown } | undefined;
    return typeof location?.protocol === 'string' ? location.protocol : undefined;
  };
  const ctor = createDesktopApi({
    name,
    implementationVersion: options.implementationVersion ?? OPENCTI_IMPLEMENTATION_VERSION,
    resolveUrl: (linkDefinition) => {
      if (typeof options.url === 'function') return options.url(linkDefinition);
      if (typeof options.url === 'string') return options.url;
      return urlFromLinkDefinition(linkDefinition, pageProtocol()) ?? (options.scriptUrl !== undefined ? urlFromScript(options.scriptUrl) : undefined);
    },
    resolveToken: async (context: OpenCtiTokenContext) => {
      if (typeof options.token === 'function') return await options.token(context);
      if (typeof options.token === 'string') return options.token;
      for (const key of ['pyJWTString', 'token']) {
        const value = context.options[key];
        if (typeof value === 'string' && value !== '') return value;
      }
      return undefined;
    },
    WebSocket: () => options.WebSocket ?? (global['WebSocket'] as WebSocketConstructorLike | undefined),
    errorObject: () => (typeof desktopApi['errorObject'] === 'function' ? (desktopApi['errorObject'] as OpenCtiErrorObjectConstructor) : CompatibleErrorObject),
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    backoff: { initialDelayMs: options.backoff?.initialDelayMs ?? 250, maxDelayMs: options.backoff?.maxDelayMs ?? 15_000 },
    logger: () => {
      const Logger = (namespace(namespace(global, 'pega'), 'cti'))['Logger'];
      if (typeof Logger === 'function') {
        try {
          return new (Logger as new () => unknown)();
        } catch {
          // fall through
        }
      }
      return global['console'];
    },
  });
  desktopApi[name] = ctor;
  return ctor;
}
