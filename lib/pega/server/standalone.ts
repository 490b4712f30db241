/**
 * A stand-alone HTTP server for the server-side API (tests, small deployments): one Node HTTP
 * server on 127.0.0.1 by default, answering 404 for what the API does not handle. `csta serve`
 * mounts {@link PegaServerApi.handle} on its own server instead.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PegaServerApi } from './api.js';

/** A listening stand-alone server. */
export interface PegaServerApiServer {
  readonly server: http.Server;
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Serves `api` on `host:port` (default 127.0.0.1, any free port). */
export function listenPegaServerApi(api: PegaServerApi, port = 0, host = '127.0.0.1'): Promise<PegaServerApiServer> {
  const server = http.createServer((req, res) => {
    if (api.handle(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        port: address.port,
        url: `http://${shown}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
