/**
 * The public API as a user types against it: the types docs and signatures name are importable
 * from the package entry (a missing one fails `npm run typecheck`), the Pega request is the typed
 * union, and the identifier accessors read call ids and device numbers out of the CHOICEs.
 */
import { expect } from 'chai';
import { callIdOf, deviceID, connectionID, deviceNumberOf } from '../../lib/index.js';
import type {
  CallModel,
  CallView,
  ConnectionState,
  ConnectionView,
  DeviceLike,
  DeviceView,
  ModelChange,
  PegaCtiLink,
  PegaRequest,
  PegaResult,
  SessionEvents,
  CstaEvent,
  ConnectionID,
  DeviceID,
  CallingDeviceID,
  SubjectDeviceID,
  RedirectionDeviceID,
  LocalDeviceID,
  DeliveredEvent,
  SnapshotDeviceResult,
} from '../../lib/index.js';

// Type-level checks: compiled by `npm run typecheck`, never run.
export function typeChecks(link: PegaCtiLink, model: CallModel, change: ModelChange, event: CstaEvent): void {
  // @ts-expect-error a misspelt action is a compile error
  void link.request('5501', { action: 'agentRedy' });
  // @ts-expect-error answerCall needs its callId
  void link.request('5501', { action: 'answerCall' });
  const ready: PegaRequest = { action: 'agentReady' };
  const result: Promise<PegaResult> = link.request('5501', ready);
  void result;
  const calls: readonly CallView[] = model.calls();
  const connections: readonly ConnectionView[] = calls.flatMap((c) => c.connections);
  const state: ConnectionState | undefined = connections[0]?.state;
  const device: DeviceView | undefined = model.device('2000');
  const listener: (...args: SessionEvents['model']) => void = (changes) => void changes;
  const delivered: DeliveredEvent | undefined = event.type === 'delivered' ? event.event : undefined;
  const snapshot: SnapshotDeviceResult | undefined = undefined;
  void [state, device, listener, change, delivered, snapshot];
}

describe('public API: identifier accessors', () => {
  const dev = (n: string): DeviceID => ({ deviceIdentifier: { dialingNumber: n } });

  it('callIdOf reads the call id of each ConnectionID form', () => {
    const both: ConnectionID = connectionID('002a', '2000');
    expect(callIdOf(both)).to.equal('002a');
    expect(callIdOf({ callID: '00ff' })).to.equal('00ff');
    expect(callIdOf({ deviceID: { staticID: dev('2000') } })).to.equal(undefined);
    expect(callIdOf(undefined)).to.equal(undefined);
  });

  it('deviceNumberOf reads the number of every device form, undefined when there is none', () => {
    const calling: CallingDeviceID = { deviceIdentifier: dev('1000') };
    const subject: SubjectDeviceID = { restricted: null };
    const redirected: RedirectionDeviceID = { numberdialed: dev('3000') };
    const local: LocalDeviceID = { staticID: dev('4000') };
    const cases: [DeviceLike | undefined, string | undefined][] = [
      ['2000', '2000'],
      [deviceID('2001'), '2001'],
      [{ deviceIdentifier: { deviceNumber: 42 } } as DeviceID, '42'],
      [calling, '1000'],
      [subject, undefined],
      [{ notKnown: null }, undefined],
      [redirected, '3000'],
      [{ notSpecified: null }, undefined],
      [local, '4000'],
      [{ dynamicID: '0a0b' }, undefined],
      [connectionID('002a', '2002'), '2002'],
      [{ deviceID: { staticID: dev('2003') } }, '2003'],
      [{ callID: '002a' }, undefined],
      [undefined, undefined],
    ];
    for (const [input, expected] of cases) expect(deviceNumberOf(input), JSON.stringify(input)).to.equal(expected);
  });
});
