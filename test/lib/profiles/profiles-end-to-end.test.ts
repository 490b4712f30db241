/**
 * Every vendor profile end to end: a CstaSession built with sessionOptionsForProfile against a
 * PbxSimulator built with simulatorOptionsForProfile, over real TCP on 127.0.0.1: log in the
 * vendor's way, monitor, make and answer a call, see the vendor's private data on events, survive a
 * reconnect (resuming the ECMA-354 session where the profile has one), and map the call to Pega.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { sessionOptionsForProfile } from '../../../lib/session/profiles.js';
import { connectionID, deviceID } from '../../../lib/session/requests.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import { simulatorOptionsForProfile } from '../../../lib/simulator/profiles.js';
import { PegaMapper } from '../../../lib/pega/mapper.js';
import type { CstaEvent } from '../../../lib/session/events.js';
import type { PegaEvent } from '../../../lib/pega/types.js';
import { VENDOR_PROFILES } from '../../../protocol/profiles/index.js';
import { statusWhere, waitFor } from '../../support/wait.js';

const CREDS = { userName: 'cti-user', password: 's3cret&<x>', pbxDomain: '4100.pbx.example' };

/** Profiles that run over a CSTA TCP link (snom and Microsoft RCC ride on SIP/HTTP). */
const LINK_PROFILES = ['generic', 'generic-xml', 'avaya-dmcc', 'openscape-voice', 'openscape-business', 'zultys-mx', 'unitel', 'hipath'] as const;

describe('vendor profiles end to end (session ↔ simulator over 127.0.0.1)', function () {
  this.timeout(20000);
  let sim: PbxSimulator | undefined;
  let session: CstaSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
    await sim?.close();
    sim = undefined;
  });

  async function start(name: (typeof LINK_PROFILES)[number]): Promise<{ sim: PbxSimulator; session: CstaSession }> {
    sim = new PbxSimulator(simulatorOptionsForProfile(name, CREDS));
    const port = await sim.listen();
    session = new CstaSession(sessionOptionsForProfile(name, { host: '127.0.0.1', port }, CREDS, { reconnect: () => 20, requestTimeoutMs: 3000, keepAliveMs: 0 }));
    await session.connect();
    return { sim, session };
  }

  for (const name of LINK_PROFILES) {
    const profile = VENDOR_PROFILES[name];
    it(`${name}: logs in, monitors, makes and answers a call, survives a reconnect, gives Pega events`, async () => {
      const { sim: s, session: link } = await start(name);
      expect(link.isAssociated).to.equal(true);
      expect(link.options.wire).to.deep.include({ encoding: profile.encoding, framing: profile.framing });
      if (profile.association.kind === 'applicationSession') expect(link.applicationSession?.sessionID).to.be.a('string');
      if (name === 'zultys-mx') expect(s.dialectCounters.logins).to.equal(1);

      const events: CstaEvent[] = [];
      const pega: PegaEvent[] = [];
      const mapper = new PegaMapper({ octetStrings: link.octetStrings });
      link.on('event', (e) => {
        events.push(e);
        pega.push(...mapper.map('2001', e));
      });
      await link.monitorStart('2001');
      await link.makeCall({ callingDevice: deviceID('2000'), calledDirectoryNumber: deviceID('2001') });
      await waitFor(() => events.some((e) => e.type === 'delivered'), 3000, 'delivered at 2001');
      const delivered = events.find((e) => e.type === 'delivered')!;
      const callID = (delivered.event as { connection: { both?: { callID: string }; callID?: string } }).connection;
      const id = callID.both?.callID ?? callID.callID!;
      await link.answerCall({ callToBeAnswered: connectionID(id, '2001') });
      await waitFor(() => events.some((e) => e.type === 'established'), 3000, 'established at 2001');
      expect(pega.map((p) => p.pyEventName)).to.include.members(['Alerting', 'Established']);

      // The vendor's private data rides on the events and is kept.
      const ext = JSON.stringify((delivered.event as { extensions?: unknown }).extensions ?? null);
      for (const ns of profile.encoding === 'xml' && (name === 'avaya-dmcc' || name === 'openscape-voice') ? profile.privateDataNamespaces : []) expect(ext).to.contain(ns);

      // A reconnect: the session comes back on its own (resuming its ECMA-354 session when it has one).
      const before = link.applicationSession?.sessionID;
      const back = statusWhere(link, (st) => st.type === 'associated' && st.reconnected);
      s.dropClients();
      await back;
      if (profile.association.kind === 'applicationSession' && profile.association.login === 'avaya-session-login-info') expect(link.applicationSession?.sessionID).to.equal(before);
      events.length = 0;
      await link.clearConnection({ connectionToBeCleared: connectionID(id, '2001') });
      await waitFor(() => events.some((e) => e.type === 'connectionCleared'), 3000, 'connectionCleared after the reconnect');
    });
  }

  it('a profile can be named as a session option: new CstaSession({ host, port, profile, credentials })', async () => {
    sim = new PbxSimulator(simulatorOptionsForProfile('zultys-mx', CREDS));
    const port = await sim.listen();
    session = new CstaSession({ host: '127.0.0.1', port, profile: 'zultys-mx', credentials: CREDS, reconnect: false, keepAliveMs: undefined });
    expect(session.options.association).to.deep.include({ kind: 'zultysLogin', userName: CREDS.userName });
    expect(session.options.wire).to.deep.include({ encoding: 'xml', framing: 'header' });
    await session.connect();
    expect(sim.dialectCounters.logins).to.equal(1);
    await session.monitorStart('2001');
  });

  it('the simulator plays the dialects: 9999 on OpenScape Voice events, Zultys login refused with wrong credentials', async () => {
    expect(simulatorOptionsForProfile('openscape-voice').dialect?.eventInvokeId).to.equal(9999);
    sim = new PbxSimulator(simulatorOptionsForProfile('zultys-mx', CREDS));
    const port = await sim.listen();
    session = new CstaSession(sessionOptionsForProfile('zultys-mx', { host: '127.0.0.1', port }, { ...CREDS, password: 'wrong' }, { reconnect: false, requestTimeoutMs: 2000 }));
    const error = await session.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).to.contain('Zultys login refused (loginFailed)');
    expect(sim.dialectCounters.loginFailures).to.equal(1);
  });
});
