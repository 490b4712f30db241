/**
 * Issue 15: replies were matched by invoke id only, so a result of another operation resolved
 * the request (monitorStart "succeeding" with no crossRefIdentifier). A switch on 127.0.0.1 that
 * answers every request with a systemStatus result: only systemStatus requests may succeed.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { CstaSession } from '../../../lib/session/session.js';
import { ReplyMismatchError } from '../../../lib/session/errors.js';
import { PegaCtiLink } from '../../../lib/pega/link.js';

describe('session: a result of another operation does not answer a request (127.0.0.1)', () => {
  let server: net.Server;
  let port: number;
  const links: CstaConnection[] = [];
  let session: CstaSession;

  beforeEach(async () => {
    server = net.createServer((socket) => {
      const conn = new CstaConnection(socket, createWireCodec(undefined));
      links.push(conn);
      conn.on('pdu', (pdu: CstaPdu) => {
        if (pdu.pdu !== 'invoke') return;
        conn.send({ pdu: 'returnResult', invokeId: pdu.invokeId, operation: 'systemStatus', result: { noData: null } } as CstaPdu);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    session = new CstaSession({ host: '127.0.0.1', port, association: { kind: 'none' }, keepAliveMs: 0, reconnect: false, requestTimeoutMs: 2000 });
    await session.connect();
  });

  afterEach(async () => {
    await session.close();
    for (const c of links.splice(0)) c.close(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('rejects the request with ReplyMismatchError naming both operations; a matching result still resolves', async () => {
    const error = await session.monitorStart('2000').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ReplyMismatchError);
    expect(error).to.include({ code: 'REPLY_MISMATCH', operation: 'monitorStart', received: 'systemStatus' });
    expect(session.monitors).to.have.length(0);
    expect(session.inFlight).to.equal(0);
    expect(await session.request('systemStatus', { systemStatus: 'normal' })).to.deep.equal({ noData: null });
  });

  it('a Pega login answered with another operation\'s results fails instead of reporting ok', async () => {
    const link = new PegaCtiLink(session);
    const result = await link.login({ agentId: '5501', device: '2000' });
    link.detach();
    expect(result).to.deep.include({ ok: false, errCode: 'OPENCTI_HTTP_ERROR_500' });
    expect(link.agentAt('2000')).to.equal(undefined);
  });
});
