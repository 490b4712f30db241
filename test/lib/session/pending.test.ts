import { expect } from 'chai';
import { PendingRequests } from '../../../lib/session/pending.js';
import { ConnectionClosedError, InvokeIdsExhaustedError, TimeoutError } from '../../../lib/session/errors.js';

describe('PendingRequests', () => {
  it('allocates ids in order and wraps within the range', () => {
    const p = new PendingRequests({ min: 5, max: 7 });
    expect([p.allocate(), p.allocate(), p.allocate(), p.allocate()]).to.deep.equal([5, 6, 7, 5]);
  });

  it('skips ids still in flight when wrapping', async () => {
    const p = new PendingRequests({ min: 1, max: 3 });
    const a = p.allocate();
    const pa = p.track(a, 'makeCall', 0);
    const b = p.allocate();
    const pb = p.track(b, 'holdCall', 0);
    expect(p.allocate()).to.equal(3); // not tracked: free again
    expect(p.allocate()).to.equal(3); // 1 and 2 are in flight, so 3 again
    p.resolve(a, 'x');
    expect(p.allocate()).to.equal(1);
    p.resolve(b, 'y');
    expect(await pa).to.equal('x');
    expect(await pb).to.equal('y');
  });

  it('refuses to allocate when every id is in flight', () => {
    const p = new PendingRequests({ min: 1, max: 2 });
    void p.track(p.allocate(), 'a', 0).catch(() => undefined);
    void p.track(p.allocate(), 'b', 0).catch(() => undefined);
    expect(() => p.allocate()).to.throw(InvokeIdsExhaustedError);
    expect(p.tryAllocate()).to.equal(undefined);
    p.rejectAll();
  });

  it('times a request out with a TimeoutError naming the operation', async () => {
    const p = new PendingRequests();
    const id = p.allocate();
    try {
      await p.track(id, 'answerCall', 5);
      expect.fail('should time out');
    } catch (e) {
      expect(e).to.be.instanceOf(TimeoutError);
      expect((e as TimeoutError).code).to.equal('TIMEOUT');
      expect((e as TimeoutError).operation).to.equal('answerCall');
      expect((e as TimeoutError).invokeId).to.equal(id);
    }
    expect(p.size).to.equal(0);
    // A late reply finds nothing to settle and is dropped.
    expect(p.resolve(id, 'late')).to.equal(false);
  });

  it('rejects everything pending on disconnect', async () => {
    const p = new PendingRequests();
    const all = [p.track(p.allocate(), 'a', 1000), p.track(p.allocate(), 'b', 1000)];
    p.rejectAll(new ConnectionClosedError('test'));
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => s.status)).to.deep.equal(['rejected', 'rejected']);
    for (const s of settled) expect((s as PromiseRejectedResult).reason).to.be.instanceOf(ConnectionClosedError);
    expect(p.size).to.equal(0);
  });

  it('settles once: a second reply for the same id is not delivered', async () => {
    const p = new PendingRequests();
    const id = p.allocate();
    const pr = p.track(id, 'x', 0);
    expect(p.resolve(id, 1)).to.equal(true);
    expect(p.reject(id, new Error('dup'))).to.equal(false);
    expect(await pr).to.equal(1);
  });
});
