/**
 * The simulator's own bounds (issue 15, Low): monitors per client and per device, and the idle
 * client timeout; over real TCP on 127.0.0.1 with a CstaSession.
 */
import { expect } from 'chai';
import { CstaSession } from '../../../lib/session/session.js';
import { RemoteOperationError } from '../../../lib/session/errors.js';
import { PbxSimulator } from '../../../lib/simulator/simulator.js';
import type { PbxSimulatorOptions } from '../../../lib/simulator/simulator.js';
import { statusWhere } from '../../support/wait.js';

describe('PbxSimulator bounds', function () {
  this.timeout(10000);
  let sim: PbxSimulator | undefined;
  let sessions: CstaSession[] = [];

  afterEach(async () => {
    for (const s of sessions) await s.close();
    sessions = [];
    await sim?.close();
  });

  async function start(options: PbxSimulatorOptions, clients = 1): Promise<CstaSession[]> {
    sim = new PbxSimulator(options);
    const port = await sim.listen();
    for (let i = 0; i < clients; i++) {
      const s = new CstaSession({ host: '127.0.0.1', port, reconnect: false, keepAliveMs: 0 });
      await s.connect();
      sessions.push(s);
    }
    return sessions;
  }

  async function refusal(p: Promise<unknown>): Promise<unknown> {
    return p.then(
      () => undefined,
      (e: unknown) => e,
    );
  }

  it('refuses a monitor past the per-client bound with performanceLimitExceeded, and frees the slot on monitorStop', async () => {
    const [s] = await start({ monitorLimits: { perClient: 2 } });
    const a = await s!.monitorStart('2000');
    await s!.monitorStart('2001');
    const e = await refusal(s!.monitorStart('2002'));
    expect(e).to.be.instanceOf(RemoteOperationError);
    expect((e as RemoteOperationError).failure).to.deep.equal({ performanceManagement: 'performanceLimitExceeded' });
    await s!.monitorStop(a);
    expect((await s!.monitorStart('2002')).device).to.equal('2002');
  });

  it('refuses a monitor past the per-device bound, whichever client asks', async () => {
    const [a, b] = await start({ monitorLimits: { perDevice: 1 } }, 2);
    await a!.monitorStart('2000');
    const e = await refusal(b!.monitorStart('2000'));
    expect((e as RemoteOperationError).failure).to.deep.equal({ performanceManagement: 'performanceLimitExceeded' });
    expect((await b!.monitorStart('2001')).device).to.equal('2001');
  });

  it('closes a client link that stays silent past idleClientTimeoutMs', async () => {
    const [s] = await start({ idleClientTimeoutMs: 150 });
    const closed = statusWhere(s!, (st) => st.type === 'closed' || st.type === 'reconnecting');
    await closed;
    expect(s!.isAssociated).to.equal(false);
  });
});
