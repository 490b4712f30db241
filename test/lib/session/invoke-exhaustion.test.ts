/**
 * Issue 15 (High): when every invoke id is in flight, request() and notify() must not throw
 * synchronously (the keep-alive calls request() from a timer, where a throw is an uncaught
 * exception that kills the process). A switch on 127.0.0.1 that accepts the connection and never
 * answers, and a range of 3 invoke ids, fill the id space.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CstaSession } from '../../../lib/session/session.js';
import type { SessionStatus } from '../../../lib/session/session.js';
import { ConnectionClosedError, InvokeIdsExhaustedError } from '../../../lib/session/errors.js';
import { waitFor } from '../../support/wait.js';

describe('session: invoke-id exhaustion (silent switch, 127.0.0.1)', () => {
  let server: net.Server;
  let port: number;
  const sockets: net.Socket[] = [];
  let session: CstaSession | undefined;

  beforeEach(async () => {
    server = net.createServer((s) => {
      sockets.push(s);
      s.on('data', () => undefined); // reads everything, answers nothing
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function silentSession(keepAliveMs: number): CstaSession {
    session = new CstaSession({
      host: '127.0.0.1',
      port,
      association: { kind: 'none' },
      invokeIdRange: { min: 1, max: 3 },
      keepAliveMs,
      keepAliveMisses: 3,
      requestTimeoutMs: 10_000,
      reconnect: false,
    });
    return session;
  }

  it('request() returns a promise rejected with InvokeIdsExhaustedError; notify() returns false', async () => {
    const s = silentSession(0);
    await s.connect();
    const inFlight = [1, 2, 3].map(() => s.request('systemStatus', { systemStatus: 'normal' }).catch((e: unknown) => e));
    expect(s.inFlight).to.equal(3);
    let returned: Promise<unknown> | undefined;
    expect(() => {
      returned = s.request('systemStatus', { systemStatus: 'normal' });
    }).to.not.throw();
    const error = await returned!.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(InvokeIdsExhaustedError);
    expect(error).to.include({ code: 'INVOKE_IDS_EXHAUSTED', capacity: 3, operation: 'systemStatus' });
    expect(s.notify('routeEndRequest', { crossRefIdentifier: '01' } as never)).to.equal(false);
    expect(s.inFlight).to.equal(3);
    await s.close();
    for (const e of await Promise.all(inFlight)) expect(e).to.be.instanceOf(ConnectionClosedError);
  });

  it('a keep-alive that cannot be sent counts as missed: degraded, then the link is dropped (no uncaught exception)', async () => {
    const s = silentSession(40);
    const statuses: SessionStatus[] = [];
    s.on('status', (st) => statuses.push(st));
    await s.connect();
    // Filled before the first keep-alive is due: every keep-alive finds no free id.
    const inFlight = [1, 2, 3].map(() => s.request('systemStatus', { systemStatus: 'normal' }).catch((e: unknown) => e));
    await waitFor(() => statuses.some((st) => st.type === 'closed'), 3000, 'the link dropped after 3 missed keep-alives');
    const degraded = statuses.filter((st) => st.type === 'degraded').map((st) => (st as { reason: string }).reason);
    expect(degraded).to.deep.equal(['1 keep-alive(s) unanswered', '2 keep-alive(s) unanswered', '3 keep-alive(s) unanswered']);
    for (const e of await Promise.all(inFlight)) expect(e).to.be.instanceOf(ConnectionClosedError);
  });
});
