/**
 * The call model alone: the session bench's call lifecycles (BER-decoded and flattened once),
 * applied to a CallModel round after round; prints the best CPU time per event of 15 rounds.
 * `node --import tsx bench/model-apply.ts` (not part of `npm run bench`: the session cases there
 * include the model).
 */
import { eventStream, BER } from './session.js';
import { createWireCodec } from '../lib/transport/wire.js';
import { flattenEvent } from '../lib/session/events.js';
import type { CstaEvent } from '../lib/session/events.js';
import { CallModel } from '../lib/session/model/call-model.js';
const codec = createWireCodec(BER);
const events: CstaEvent[] = [];
codec.createFramer().push(eventStream(BER, '1', 20000, 0x20000000), (f, h) => {
  const pdu = codec.decode(f, h);
  if (pdu.pdu === 'invoke' && pdu.operation === 'cSTAEventReport') events.push(flattenEvent(pdu.argument));
});
const m = new CallModel();
const key = '2000';
let best = Infinity;
for (let r = 0; r < 15; r++) {
  const c0 = process.cpuUsage();
  for (const e of events) m.apply(key, e);
  const c = process.cpuUsage(c0);
  const us = (c.user + c.system) / events.length;
  best = Math.min(best, us);
}
console.log('model apply µs/event (best of 15)', best.toFixed(3), 'calls left', m.size);
