/**
 * The simulator of `npm run bench -- --memory`, in its own process so the session's memory can
 * be measured without it. Driven by bench/memory.ts over the IPC channel:
 *   { op: 'calls', from, n }   n answered inbound calls (left up)    → { sent, live }
 *   { op: 'clear' }            clears every live call                 → { sent, live }
 */
import { PbxSimulator } from '../lib/simulator/simulator.js';
import { simulatorDevices, stationOf } from './memory-devices.js';

const devices = Number(process.env.BENCH_DEVICES ?? 10_000);
const sim = new PbxSimulator({ devices: simulatorDevices(devices), dialPlan: { internal: /^\d{6}$/ }, callWaiting: true });
const port = await sim.listen();
const reply = (): void => void process.send?.({ sent: sim.eventsSent, live: sim.state.calls.size });
process.send?.({ port });
process.on('message', (m: { op: string; from?: number; n?: number }) => {
  const from = m.from ?? 0;
  const n = m.n ?? 0;
  if (m.op === 'calls') {
    for (let k = from; k < from + n; k++) {
      const station = stationOf(k, devices);
      const call = sim.engine.inbound(`+1555${String(k % 10_000_000).padStart(7, '0')}`, station);
      sim.engine.answer(call, station);
    }
  } else if (m.op === 'clear') {
    for (const call of [...sim.state.calls.values()]) sim.engine.clearCall(call);
  } else if (m.op === 'close') {
    void sim.close().then(() => process.exit(0));
    return;
  }
  reply();
});
