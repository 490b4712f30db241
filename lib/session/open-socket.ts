/**
 * Opens the TCP (or TLS) socket a session runs on, with a connect timeout. A failure or timeout
 * rejects with ConnectionClosedError.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { ConnectionClosedError } from './errors.js';
import type { SessionOptions } from './options.js';

/** Connects to `options.host:options.port` (TLS when `options.tls` is set); resolves once ready. */
export function openSocket(options: Pick<SessionOptions, 'host' | 'port' | 'tls'>, timeoutMs: number): Promise<net.Socket> {
  const { host, port } = options;
  return new Promise((resolve, reject) => {
    const socket = options.tls === undefined ? net.connect({ host, port }) : tls.connect({ host, port, ...options.tls });
    const readyEvent = options.tls === undefined ? 'connect' : 'secureConnect';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ConnectionClosedError(`connect to ${host}:${port} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onError = (e: Error): void => {
      clearTimeout(timer);
      reject(new ConnectionClosedError(`connect to ${host}:${port} failed: ${e.message}`, { cause: e }));
    };
    socket.once(readyEvent, () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      socket.removeListener('error', onError);
      resolve(socket);
    });
    socket.once('error', onError);
  });
}
