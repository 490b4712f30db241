import { expect } from 'chai';
import fc from 'fast-check';
import { LinkSubjects, MAX_TOKEN_CHARS, escapeToken, parseSubject, unescapeToken } from '../../../../lib/service/nats/subjects.js';
import { NatsLinkError } from '../../../../lib/service/nats/errors.js';

describe('NATS subject tokens', () => {
  it('escapes the characters NATS reserves, and whitespace, to %XX', () => {
    expect(escapeToken('sip:2000@pbx.example')).to.equal('sip%3A2000%40pbx%2Eexample');
    expect(escapeToken('Queue *1 >')).to.equal('Queue%20%2A1%20%3E');
    expect(escapeToken('a\tb')).to.equal('a%09b');
    expect(escapeToken('100%')).to.equal('100%25');
    expect(escapeToken('é')).to.equal('%C3%A9');
    expect(escapeToken('')).to.equal('%');
    expect(escapeToken('2000_a-b+c')).to.equal('2000_a-b+c');
  });

  it('round-trips any string and never yields a reserved character (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (s) => {
        const t = escapeToken(s);
        expect(t).to.match(/^[A-Za-z0-9_+%-]+$/);
        expect(unescapeToken(t)).to.equal(s);
      }),
    );
  });

  it('distinct names give distinct tokens (the escape is injective)', () => {
    const names = ['', '%', '%25', '.', '%2E', 'a.b', 'a%2Eb', ' ', '_'];
    expect(new Set(names.map(escapeToken)).size).to.equal(names.length);
  });

  it('typed errors: an overlong name, a malformed or non-canonical escape (with offset)', () => {
    expect(() => escapeToken('x'.repeat(MAX_TOKEN_CHARS + 1))).to.throw(NatsLinkError).with.property('code', 'BAD_TOKEN');
    for (const [bad, at] of [['ab%2', 2], ['%zz', 0], ['a.b', 1], ['a*', 1]] as const) {
      try {
        unescapeToken(bad);
        expect.fail(`accepted ${bad}`);
      } catch (e) {
        expect(e).to.be.instanceOf(NatsLinkError);
        expect(e).to.include({ code: 'BAD_ESCAPE', offset: at });
      }
    }
    // %41 is 'A', which the canonical form writes plainly.
    expect(() => unescapeToken('%41')).to.throw(NatsLinkError).with.property('code', 'BAD_ESCAPE');
  });

  it('the subject layout: events and requests have different token counts', () => {
    const s = new LinkSubjects('pbx.1');
    expect(s.cstaEvent('sip:2000@x.y', 'delivered')).to.equal('csta.pbx%2E1.sip%3A2000%40x%2Ey.delivered');
    expect(s.pegaEvent('agent 7')).to.equal('pega.pbx%2E1.agent%207');
    expect(s.pegaRequest('req')).to.equal('pega.pbx%2E1.req.req');
    expect(s.cstaEvents()).to.equal('csta.pbx%2E1.*.*');
    expect(s.pegaEvents).to.equal('pega.pbx%2E1.*');
    expect(parseSubject(s.cstaEvent('a.b', 'x'))).to.deep.equal({ kind: 'csta', link: 'pbx.1', device: 'a.b', event: 'x' });
    // An agent named "req" still gets a 3-token event subject, outside the request space.
    expect(parseSubject(s.pegaEvent('req'))).to.deep.equal({ kind: 'pega', link: 'pbx.1', agentId: 'req' });
    expect(parseSubject(s.pegaRequest('5501'))).to.deep.equal({ kind: 'pegaRequest', link: 'pbx.1', agentId: '5501' });
    expect(parseSubject('other.thing')).to.equal(undefined);
  });
});
