/**
 * Puts the Pega gateway (WebSocket, demo toolbar, OpenCTI adapter bundle) on the service's one
 * HTTP server. A gateway that supports mounting (`server` option and `handle(req, res)`) takes
 * upgrades on its path from that server itself; one that does not yet is started on a private
 * loopback port and the service hands it its requests and upgrades. Either way `handle` and
 * `upgrade` say whether the gateway took the request.
 */
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { PegaGateway } from '../pega/gateway/index.js';
import type { PegaGatewayOptions } from '../pega/gateway/index.js';

/** The gateway as mounted. */
export interface MountedGateway {
  readonly gateway: PegaGateway;
  /** True when the gateway answered this plain request (toolbar and adapter files). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** True when the upgrade is the gateway's (its path). */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

interface Mountable {
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

function pathOf(req: http.IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://service.invalid').pathname;
  } catch {
    return undefined;
  }
}

/**
 * Creates, mounts and starts the gateway on `options.server`. The options object is handed over
 * as is (not copied), so getters in it (reloadable limits) stay live.
 */
export async function mountGateway(options: PegaGatewayOptions & { readonly server: http.Server; readonly path: string }): Promise<MountedGateway> {
  const path = options.path;
  const gateway = new PegaGateway(options);
  const mountable = typeof (gateway as unknown as Partial<Mountable>).handle === 'function' ? (gateway as unknown as Mountable) : undefined;
  if (mountable !== undefined) {
    await gateway.listen();
    return {
      gateway,
      handle: (req, res) => mountable.handle(req, res),
      // The gateway listens to the server's upgrades itself and takes those on its path.
      upgrade: (req) => pathOf(req) === path,
      close: () => gateway.close(),
    };
  }
  // A gateway without mounting: its own server on a loopback port nobody is told about.
  await gateway.listen();
  const own = (gateway as unknown as { readonly server: http.Server }).server;
  return {
    gateway,
    handle: (req, res) => {
      const p = pathOf(req);
      if (p !== '/toolbar' && p !== '/toolbar.html' && p !== '/toolbar.js') return false;
      if (p === '/toolbar') req.url = '/toolbar.html';
      own.emit('request', req, res);
      return true;
    },
    upgrade: (req, socket, head) => {
      if (pathOf(req) !== path) return false;
      own.emit('upgrade', req, socket, head);
      return true;
    },
    close: () => gateway.close(),
  };
}
