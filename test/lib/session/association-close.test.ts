/**
 * Issue 15 (Low): a switch that closes the connection during association made connect() wait the
 * whole request timeout and reject with TimeoutError. It must reject at once with
 * ConnectionClosedError. Switches on 127.0.0.1 that close on the AARQ, or right on accept.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CstaSession } from '../../../lib/session/session.js';
import { ConnectionClosedError } from '../../../lib/session/errors.js';

const accepted: net.Socket[] = [];

async function closingSwitch(onSocket: (s: net.Socket) => void): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((s) => {
    accepted.push(s);
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('session: the switch closes during association (127.0.0.1)', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    for (const s of accepted.splice(0)) s.destroy();
    for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
  });

  const cases: [string, (s: net.Socket) => void][] = [
    ['closes when the AARQ arrives', (s) => s.once('data', () => s.end())],
    ['resets when the AARQ arrives', (s) => s.once('data', () => s.resetAndDestroy())],
    ['closes right after accepting', (s) => s.end()],
  ];
  for (const [what, behaviour] of cases) {
    it(`connect() rejects promptly with ConnectionClosedError when the switch ${what}`, async () => {
      const { server, port } = await closingSwitch(behaviour);
      servers.push(server);
      const session = new CstaSession({ host: '127.0.0.1', port, reconnect: false, keepAliveMs: 0, requestTimeoutMs: 5000 });
      const start = Date.now();
      const error = await session.connect().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ConnectionClosedError);
      expect(Date.now() - start).to.be.lessThan(1500);
      expect(session.isAssociated).to.equal(false);
      await session.close();
    });
  }
});
