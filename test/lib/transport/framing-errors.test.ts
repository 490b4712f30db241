/**
 * A CstaConnection after a corrupt frame header (issue 15): by default it resynchronises and
 * keeps delivering PDUs; with `framingErrors: 'close'` it closes at once with a typed
 * FramingLostError, so a session's reconnect policy takes over instead of a deaf link.
 */
import { expect } from 'chai';
import { Buffer } from 'node:buffer';
import { Duplex } from 'node:stream';
import { CstaConnection } from '../../../lib/transport/connection.js';
import { createWireCodec } from '../../../lib/transport/wire.js';
import { FramingLostError } from '../../../lib/transport/errors.js';
import { frameBer } from '../../../protocol/framing/ber-framing.js';
import { DecodeError, DecodeErrorCode } from '../../../protocol/errors.js';
import type { CstaPdu } from '../../../protocol/pdu.js';
import { loadFrameFixtures } from '../../support/fixtures.js';

const EVENTS = loadFrameFixtures()
  .filter((f) => f.file.startsWith('event.'))
  .slice(0, 50)
  .map((f) => f.bytes);

/** A socket stand-in: what the test pushes is what the connection reads. */
function fakeSocket(): Duplex {
  return new Duplex({ read: () => undefined, write: (_c, _e, cb) => cb() });
}

function corruptThenEvents(): Buffer {
  // A 4-byte length of 2 GiB in front of a PDU, then 50 events.
  return Buffer.concat([Buffer.from('7f000000', 'hex'), EVENTS[0]!, ...EVENTS.map((e) => Buffer.from(frameBer('length32', e)))]);
}

describe('CstaConnection after a corrupt frame header', () => {
  it('resynchronises by default: one frameError, then every following PDU', async () => {
    const socket = fakeSocket();
    const conn = new CstaConnection(socket, createWireCodec({ encoding: 'ber', framing: 'length32' }));
    const pdus: CstaPdu[] = [];
    const errors: DecodeError[] = [];
    conn.on('pdu', (p) => pdus.push(p));
    conn.on('frameError', (e, frame) => {
      expect(frame).to.equal(undefined);
      errors.push(e);
    });
    socket.push(corruptThenEvents());
    await new Promise((r) => setImmediate(r));
    expect(errors.map((e) => e.code)).to.deep.equal([DecodeErrorCode.FrameTooLarge]);
    expect(pdus).to.have.length(EVENTS.length);
    expect(conn.isOpen).to.equal(true);
    conn.close(true);
  });

  it("with framingErrors: 'close', closes at once with a FramingLostError and delivers nothing after it", async () => {
    const socket = fakeSocket();
    const conn = new CstaConnection(socket, createWireCodec({ encoding: 'ber', framing: 'length32' }, { framingErrors: 'close' }));
    const pdus: CstaPdu[] = [];
    conn.on('pdu', (p) => pdus.push(p));
    conn.on('frameError', () => undefined);
    const closed = new Promise<Error | undefined>((resolve) => conn.on('close', resolve));
    socket.push(Buffer.concat([Buffer.from(frameBer('length32', EVENTS[1]!)), corruptThenEvents()]));
    const error = await closed;
    expect(error).to.be.instanceOf(FramingLostError);
    expect((error as FramingLostError).code).to.equal('FRAMING_LOST');
    expect((error as FramingLostError).retriable).to.equal(true);
    expect((error as FramingLostError).cause.code).to.equal(DecodeErrorCode.FrameTooLarge);
    expect(pdus).to.have.length(1);
    expect(conn.isOpen).to.equal(false);
  });
});
